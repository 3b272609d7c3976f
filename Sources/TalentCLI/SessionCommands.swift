import ArgumentParser
import Foundation
import TalentDomain
import TalentWire

/// `talent login --server URL`: signs in with an e-mail and a password and keeps the session token in
/// `~/.config/talent/credentials` (0600); every later command then goes through that server's API as this user.
struct LoginCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "login",
            abstract: L(vi: "Đăng nhập vào máy chủ bằng thư điện tử và mật khẩu; các lệnh sau đó đi qua API của máy chủ với tư cách của bạn.",
                        en: "Sign in to a server with your e-mail and password; later commands go through its API as you."),
            discussion: L(vi: "Mật khẩu nhập từ bàn phím (không hiện) hoặc lấy từ biến TALENT_PASSWORD. Mã phiên được lưu ở ~/.config/talent/credentials (chỉ bạn đọc được).",
                          en: "The password is typed without echo, or taken from TALENT_PASSWORD. The session token is kept in ~/.config/talent/credentials (readable by you only)."))
    }
    @OptionGroup var global: GlobalOptions
    @Option(help: L(vi: "Thư điện tử của bạn (nếu không có: hỏi).", en: "Your e-mail (else asked).")) var email: String?

    func run() async throws {
        let console = global.console
        let printer = global.printer
        guard let choice = try ServerChoice.resolve(flag: global.server, environment: console.environment) else {
            throw ServiceError.invalid("server", vi: "cần --server URL (hoặc biến TALENT_SERVER)",
                                       en: "--server URL is required (or TALENT_SERVER)")
        }
        let email = try email ?? PasswordInput.line(prompt: L(vi: "Thư điện tử: ", en: "E-mail: "), console: console)
        let password = try PasswordInput.read(prompt: L(vi: "Mật khẩu: ", en: "Password: "), console: console)
        let api = APIClient(transport: HTTPTransport(server: choice.url, token: nil),
                            language: printer.language, isRemote: true)
        let request = try SignInRequest(email: email, password: password, address: nil)
        let signedIn: SignedIn = try await api.post("/v1/sessions", request)
        try Credentials(server: choice.url.absoluteString, token: signedIn.token, email: request.email,
                        expiresAt: ISO8601DateFormatter().string(from: signedIn.session.expiresAt)).save(console.environment)
        let user = signedIn.user
        printer.record(user, Columns.user)
        printer.message(LocalizedText(
            vi: "Đã đăng nhập vào \(choice.url.absoluteString); các lệnh giờ đi qua máy chủ này với tư cách \(user.name). Đăng xuất: talent logout",
            en: "Signed in to \(choice.url.absoluteString); commands now go through this server as \(user.name). Sign out: talent logout"))
    }
}

/// `talent logout`: ends the session on the server and forgets the token.
struct LogoutCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "logout",
                             abstract: L(vi: "Đăng xuất: phiên trên máy chủ hết hiệu lực và mã phiên được xóa khỏi máy này.",
                                         en: "Sign out: the session ends on the server and its token is removed from this machine."))
    }
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        guard let stored = try Credentials.load(console.environment), let url = URL(string: stored.server) else {
            global.printer.message(LocalizedText(vi: "Chưa đăng nhập vào máy chủ nào.", en: "Not signed in to any server."))
            return
        }
        let api = APIClient(transport: HTTPTransport(server: url, token: stored.token), language: global.printer.language,
                            isRemote: true)
        // The token is forgotten here whatever the server says (it may have expired already).
        defer { Credentials.remove(console.environment) }
        do {
            _ = try await api.send("DELETE", "/v1/sessions/current")
        } catch let error as ServiceError where error.kind == .unauthenticated {}
        global.printer.message(LocalizedText(vi: "Đã đăng xuất khỏi \(stored.server).", en: "Signed out of \(stored.server)."))
    }
}

/// `talent whoami`: who the commands act as, here or on the server.
struct WhoAmICommand: APICommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "whoami",
                             abstract: L(vi: "Các lệnh đang thao tác với tư cách ai: họ tên, vai trò, phạm vi, cơ quan.",
                                         en: "Who the commands act as: name, role, scope, agency."))
    }
    @OptionGroup var global: GlobalOptions

    func run(api: APIClient, printer: Printer) async throws {
        let me: Me.Answer = try await api.get("/v1/me")
        printer.record(me, Columns.me)
        if !api.isRemote {
            printer.message(LocalizedText(vi: "(trực tiếp trên cơ sở dữ liệu, trên máy chủ)", en: "(on the database, on the server host)"))
        }
    }
}

extension Columns {
    static let me: [Column<Me.Answer>] = [
        Column("name", vi: "Họ tên", en: "Name") { $0.name },
        .code("role", vi: "Vai trò", en: "Role") { $0.role },
        .code("scope", vi: "Phạm vi", en: "Scope") { $0.scope },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode.cell },
        Column("email", vi: "E-mail", en: "E-mail") { $0.user?.email ?? "" },
        .time("session_expires_at", vi: "Phiên hết hạn", en: "Session expires") { $0.sessionExpiresAt },
    ]
}
