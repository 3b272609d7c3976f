import ArgumentParser
import Foundation
import Logging
import TalentDomain
import TalentService
import TalentStore

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "postgres://user[:password]@host:port/dbname (else DATABASE_URL, config/talent.json, the local cluster)")
    var databaseURL: String?

    @Option(name: .customLong("database-read-url"), help: "A replica for report queries (else DATABASE_READ_URL).")
    var databaseReadURL: String?

    @Option(name: .customLong("pool-size"), help: "Connections in the pool (else TALENT_POOL_SIZE, config, 10).")
    var poolSize: Int?

    @Option(name: .customLong("as"), help: "Who is acting, for the audit trail (else TALENT_OPERATOR, else the OS user). A user's id acts as that user, with their role.")
    var operatorName: String?

    @Option(help: "Output: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Language of messages and headings: vi or en (else TALENT_LANG, else vi).")
    var lang: Language?

    var console: Console { Console.current }

    var printer: Printer {
        Printer(format: format, language: console.language(lang), console: console)
    }

    /// The acting person: `--as`, `TALENT_OPERATOR`, or the OS user name.
    func actor() throws -> Principal {
        let env = console.environment
        let raw = operatorName ?? env["TALENT_OPERATOR"].flatMap { $0.isEmpty ? nil : $0 } ?? env["USER"]
            ?? env["LOGNAME"] ?? ProcessInfo.processInfo.userName
        guard let name = Normalize.personName(raw) ?? Normalize.code(raw).map({ _ in raw }) else {
            throw ServiceError.invalid("as", vi: "tên người thao tác không hợp lệ", en: "is not a valid operator name")
        }
        return .cliOperator(name)
    }

    func settings() throws -> Settings {
        try Settings.resolve(flagURL: databaseURL, flagReadURL: databaseReadURL, flagPoolSize: poolSize,
                             environment: console.environment)
    }

    /// Opens the pools, checks the database answers, runs `body` with the services, and closes the pools.
    func withServices<T: Sendable>(_ body: @Sendable (TalentServices) async throws -> T) async throws -> T {
        let settings = try settings()
        var logger = Logger(label: "talent.cli")
        // The pool warns when a query is queued before its run loop starts, which is harmless here.
        logger.logLevel = .error
        let database = Database(url: settings.databaseURL, readURL: settings.readURL, poolSize: settings.poolSize,
                                logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            guard await database.isReachable(timeout: .seconds(5)) else {
                throw ServiceError(.unavailable, LocalizedText(
                    vi: "Không kết nối được cơ sở dữ liệu \(settings.databaseURL) (đã chạy `make db` chưa?)",
                    en: "Cannot reach the database \(settings.databaseURL) (is `make db` running?)"))
            }
            let result = try await body(TalentServices(database: database, settings: settings.services))
            group.cancelAll()
            return result
        }
    }
}

/// A command that works on the database through the service layer.
protocol ServiceCommand: AsyncParsableCommand, Sendable {
    var global: GlobalOptions { get }
    func run(services: TalentServices, actor: Principal, printer: Printer) async throws
}

extension ServiceCommand {
    func run() async throws {
        let actor = try global.actor()
        let printer = global.printer
        try await global.withServices { services in
            try await run(services: services, actor: services.users.operatorActor(actor), printer: printer)
        }
    }
}
