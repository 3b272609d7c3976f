import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// Options every command takes.
public struct GlobalOptions: ParsableArguments, Sendable {
    public init() {}

    @Option(name: .customLong("database-url"), help: L(vi: "postgres://user[:password]@host:port/dbname (nếu không có: DATABASE_URL, config/talent.json, cụm cơ sở dữ liệu cục bộ)",
                                                       en: "postgres://user[:password]@host:port/dbname (else DATABASE_URL, config/talent.json, the local cluster)"))
    public var databaseURL: String?

    @Option(name: .customLong("database-read-url"), help: L(vi: "Bản sao cơ sở dữ liệu dùng cho báo cáo (nếu không có: DATABASE_READ_URL).",
                                                            en: "A replica for report queries (else DATABASE_READ_URL)."))
    public var databaseReadURL: String?

    @Option(name: .customLong("pool-size"), help: L(vi: "Số kết nối tới cơ sở dữ liệu (nếu không có: TALENT_POOL_SIZE, tệp cấu hình, 10).",
                                                    en: "Connections in the pool (else TALENT_POOL_SIZE, config, 10)."))
    public var poolSize: Int?

    @Option(name: .customLong("as"), help: L(vi: "Người thao tác, ghi vào nhật ký (nếu không có: TALENT_OPERATOR, rồi tên người dùng hệ điều hành). Mã của một người dùng thì thao tác với tư cách và vai trò của người đó.",
                                             en: "Who is acting, for the audit trail (else TALENT_OPERATOR, else the OS user). A user's id acts as that user, with their role."))
    var operatorName: String?

    @Option(help: L(vi: "Máy chủ API để làm việc từ xa, với tư cách người đã đăng nhập (nếu không có: TALENT_SERVER, rồi máy chủ của `talent login`; không có máy chủ nào: làm việc trực tiếp trên cơ sở dữ liệu).",
                    en: "The API server to work through, as the signed-in user (else TALENT_SERVER, else the server of `talent login`; with none: on the database directly)."))
    public var server: String?

    @Option(help: L(vi: "Định dạng kết quả: table (bảng), json hoặc csv.", en: "Output: table, json or csv."))
    var format: OutputFormat = .table

    @Option(help: L(vi: "Ngôn ngữ của thông báo và tiêu đề: vi hoặc en (nếu không có: TALENT_LANG, mặc định vi).",
                    en: "Language of messages and headings: vi or en (else TALENT_LANG, else vi)."))
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

    /// The database flags as given.
    public var connection: ConnectionOptions {
        ConnectionOptions(databaseURL: databaseURL, databaseReadURL: databaseReadURL, poolSize: poolSize)
    }

    /// Runs `body` with the JSON API: a server's as the signed-in user, or this process's over the database as the
    /// operator. A command written against it works the same both ways.
    func withAPI<T: Sendable>(_ body: @Sendable (APIClient) async throws -> T) async throws -> T {
        let language = console.language(lang)
        if let choice = try ServerChoice.resolve(flag: server, environment: console.environment) {
            guard let credentials = choice.credentials else {
                throw ServiceError(.unauthenticated, slug: "not-signed-in", LocalizedText(
                    vi: "Chưa đăng nhập vào \(choice.url.absoluteString): chạy `talent login --server \(choice.url.absoluteString)`",
                    en: "Not signed in to \(choice.url.absoluteString): run `talent login --server \(choice.url.absoluteString)`"))
            }
            let transport = HTTPTransport(server: choice.url, token: credentials.token)
            return try await body(APIClient(transport: transport, language: language, isRemote: true))
        }
        guard let host = ServiceHosting.current else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Chưa cấu hình nơi tạo dịch vụ",
                                                               en: "No service host is configured"))
        }
        let actor = try self.actor()
        return try await host.withLocalAPI(connection, environment: console.environment, actor: actor) { transport in
            try await body(APIClient(transport: transport, language: language, isRemote: false))
        }
    }

    /// Whether a server is configured (the command then goes through its API).
    var hasServer: Bool {
        (try? ServerChoice.resolve(flag: server, environment: console.environment)) != nil
    }

    /// Runs `body` with the services that the host (the composition root) builds from these options.
    public func withServices<T: Sendable>(_ body: @Sendable (TalentServices) async throws -> T) async throws -> T {
        guard let host = ServiceHosting.current else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Chưa cấu hình nơi tạo dịch vụ",
                                                               en: "No service host is configured"))
        }
        return try await host.withServices(connection, environment: console.environment, body)
    }
}

extension ServiceError {
    /// A command of the server host (the demo data, backups) was given a server to work through.
    static let serverHostOnly = ServiceError(.invalid, slug: "server-host-only", LocalizedText(
        vi: "Lệnh này chỉ chạy trên máy chủ, trực tiếp với cơ sở dữ liệu; bỏ --server / TALENT_SERVER hoặc chạy `talent logout`",
        en: "This command runs on the server host, on the database; drop --server / TALENT_SERVER or run `talent logout`"))
}

/// A command that works on the database through the service layer, on the server host only: what an operator sets up
/// there (the demo data), never what a signed-in user does from their own machine.
protocol ServiceCommand: AsyncParsableCommand, Sendable {
    var global: GlobalOptions { get }
    func run(services: TalentServices, actor: Principal, printer: Printer) async throws
}

extension ServiceCommand {
    func run() async throws {
        if global.hasServer { throw ServiceError.serverHostOnly }
        let actor = try global.actor()
        let printer = global.printer
        try await global.withServices { services in
            try await run(services: services, actor: services.users.operatorActor(actor), printer: printer)
        }
    }
}

/// A command that works through the JSON API: on a server as the signed-in user, or in this process on the database
/// as the operator. The same routes and rules answer either way, and the answers print with the same columns.
protocol APICommand: AsyncParsableCommand, Sendable {
    var global: GlobalOptions { get }
    func run(api: APIClient, printer: Printer) async throws
}

extension APICommand {
    func run() async throws {
        let printer = global.printer
        try await global.withAPI { api in
            try await run(api: api, printer: printer)
        }
    }
}
