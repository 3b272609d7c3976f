import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import ServiceLifecycle
import TalentAPI
import TalentCLI
import TalentDomain
import TalentService
import TalentStore

/// The composition root: the one place that turns a `Configuration` into a database, services and a server.
/// `talent serve`, every CLI command and the tests build the product through these functions.
public enum TalentApp {
    /// The `talent` program: every command of the CLI plus `serve`, with services built from the configuration.
    public static func run(_ arguments: [String]) async -> Int32 {
        await ServiceHosting.$current.withValue(ConfiguredHost()) {
            await TalentCLI.run(arguments, root: TalentCommand.self)
        }
    }

    /// The database pools of a configuration (not yet running: run them with `Database.run()` or as a service).
    public static func buildDatabase(_ configuration: Configuration, limits: DatabaseLimits = .tool,
                                     logger: Logger) -> Database {
        Database(url: configuration.databaseURL, readURL: configuration.readURL, poolSize: configuration.poolSize,
                 limits: limits, logger: logger)
    }

    /// The service layer over a database, with the configuration's rules.
    public static func buildServices(_ configuration: Configuration, database: Database) -> TalentServices {
        TalentServices(database: database, settings: configuration.services)
    }

    /// The backups of the configuration's cluster (the same service `TalentServices.backups` holds).
    public static func buildBackups(_ configuration: Configuration) -> BackupService {
        BackupService(settings: configuration.services.backup)
    }

    /// The API server on the configuration's host and port, with the database pools as one of its services.
    public static func buildApplication(_ configuration: Configuration, logger: Logger) -> some ApplicationProtocol {
        // The API description is converted now, not at the first GET /openapi.json: a broken openapi.yaml stops
        // the server at start.
        _ = OpenAPISpec.json
        // Metrics first: one made before the backend exists (the pools' own) would stay a no-op.
        if !configuration.metricsTokens.isEmpty {
            ServerMetrics.bootstrap()
            Gauge(label: "talent_build_info", dimensions: [("version", TalentCommands.version)]).record(1)
        }
        let database = buildDatabase(configuration, limits: configuration.serverLimits, logger: logger)
        let services = buildServices(configuration, database: database)
        var app = Application(
            router: APIServer.buildRouter(services, partnerRatePerMinute: configuration.partnerRatePerMinute,
                                          metricsTokens: configuration.metricsTokens),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "talent"),
            logger: logger)
        // Shut down in reverse order: the server stops taking requests, the read log writes what waits, then the pools
        // close.
        app.addServices(DatabaseService(database: database), ReadLogService(readLog: services.readLog),
                        RetentionJob(services: services, logger: logger), OutboxWorker(services: services, logger: logger),
                        MailJob(services: services, logger: logger))
        return app
    }
}

extension TalentApp {
    /// Requests in flight get this long to finish after SIGTERM or SIGINT (the database bounds keep every request
    /// shorter); what is still running then is cancelled, and the process ends at most a few seconds later.
    static let shutdownGrace: Duration = .seconds(20)

    /// Runs the server until SIGTERM or SIGINT, then shuts it down within `shutdownGrace` plus five seconds.
    static func serve(_ app: some ApplicationProtocol, logger: Logger) async throws {
        var configuration = ServiceGroupConfiguration(services: [.init(service: app)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownGrace
        configuration.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: configuration).run()
    }
}

/// Builds a command's services from its flags, the environment and the configuration file; checks the database
/// answers before the command runs, and closes the pools after it.
struct ConfiguredHost: ServiceHost {
    func withServices<T: Sendable>(_ options: ConnectionOptions, environment: [String: String],
                                   _ body: @Sendable (TalentServices) async throws -> T) async throws -> T {
        let configuration = try Configuration.resolve(
            .init(databaseURL: options.databaseURL, databaseReadURL: options.databaseReadURL, poolSize: options.poolSize),
            environment: environment)
        var logger = Logger(label: "talent.cli")
        // The pool warns when a query is queued before its run loop starts, which is harmless here.
        logger.logLevel = .error
        let database = TalentApp.buildDatabase(configuration, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            guard await database.isReachable(timeout: .seconds(10)) else {
                throw ServiceError(.unavailable, LocalizedText(
                    vi: "Không kết nối được cơ sở dữ liệu \(configuration.databaseURL) (đã chạy `make db` chưa?)",
                    en: "Cannot reach the database \(configuration.databaseURL) (is `make db` running?)"))
            }
            let services = TalentApp.buildServices(configuration, database: database)
            // The reads the command logged are written before the process exits, whether it succeeded or not.
            let result: T
            do {
                result = try await body(services)
            } catch {
                await services.readLog.flush()
                throw error
            }
            await services.readLog.flush()
            group.cancelAll()
            return result
        }
    }
}

extension ConfiguredHost {
    func backups(_ options: ConnectionOptions, environment: [String: String]) throws -> BackupService {
        let configuration = try Configuration.resolve(
            .init(databaseURL: options.databaseURL, databaseReadURL: options.databaseReadURL, poolSize: options.poolSize),
            environment: environment)
        return TalentApp.buildBackups(configuration)
    }

    func withLocalAPI<T: Sendable>(_ options: ConnectionOptions, environment: [String: String], actor: Principal,
                                   _ body: @Sendable (any APITransport) async throws -> T) async throws -> T {
        try await withServices(options, environment: environment) { services in
            // An operator named by a user's id acts as that user, with their role and scope.
            let caller = try await services.users.operatorActor(actor)
            var logger = Logger(label: "talent.cli")
            logger.logLevel = .error
            let responder = APIServer.buildRouter(services).buildResponder()
            return try await body(LocalAPITransport(responder: responder, caller: caller, logger: logger))
        }
    }
}

/// The root of `talent`.
struct TalentCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "talent",
            abstract: L(vi: "Theo dõi thu hút, tuyển dụng và giới thiệu người có tài năng (Kế hoạch 483/KH-UBND).",
                        en: "Talent recruitment and referral tracker (plan 483/KH-UBND)."),
            discussion: L(vi: "Mọi lệnh đọc cơ sở dữ liệu từ --database-url, biến DATABASE_URL, tệp config/talent.json hoặc cụm cơ sở dữ liệu cục bộ do `make db` khởi động. Ngôn ngữ hiển thị: --lang vi|en (hoặc biến TALENT_LANG), mặc định tiếng Việt.",
                          en: "Every command reads the database from --database-url, DATABASE_URL, config/talent.json or the local cluster of `make db`."),
            version: TalentCommands.version,
            subcommands: [TalentCommands.all[0], ServeCommand.self] + TalentCommands.all.dropFirst())
    }
}

/// `talent serve`: the JSON API, refusing to start on a database with pending migrations unless told to apply them.
struct ServeCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: L(vi: "Chạy máy chủ API JSON.", en: "Run the JSON API."))
    }
    @OptionGroup var global: GlobalOptions
    @Option(help: L(vi: "Địa chỉ lắng nghe.", en: "The address to listen on.")) var host: String?
    @Option(help: L(vi: "Cổng lắng nghe.", en: "The port to listen on.")) var port: Int?
    @Flag(help: L(vi: "Áp dụng các tệp cập nhật cơ sở dữ liệu còn chờ trước khi chạy, thay vì từ chối khởi động.",
                  en: "Apply pending migrations first instead of refusing to start.")) var migrate = false
    @Option(name: .customLong("log-level"), help: L(vi: "Mức ghi nhật ký: trace, debug, info, notice, warning, error.",
                                                    en: "trace, debug, info, notice, warning, error.")) var logLevel: String = "info"

    func run() async throws {
        let configuration = try Configuration.resolve(
            .init(databaseURL: global.databaseURL, databaseReadURL: global.databaseReadURL, poolSize: global.poolSize,
                  host: host, port: port),
            environment: Console.current.environment)
        let migrate = self.migrate
        let pending = try await global.withServices { services in
            if migrate { try await services.schema.migrate() }
            return try await services.schema.status().pending
        }
        if !pending.isEmpty {
            throw ServiceError(.unavailable, slug: "pending-migrations", LocalizedText(
                vi: "Còn \(pending.count) migration chưa áp dụng (\(pending.map(\.fileName).joined(separator: ", "))): chạy `talent migrate` hoặc thêm --migrate",
                en: "\(pending.count) pending migration(s) (\(pending.map(\.fileName).joined(separator: ", "))): run `talent migrate` or pass --migrate"))
        }
        var logger = Logger(label: "talent")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        try await TalentApp.serve(TalentApp.buildApplication(configuration, logger: logger), logger: logger)
    }
}
