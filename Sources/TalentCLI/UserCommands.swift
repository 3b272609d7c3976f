import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct UserCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "user", abstract: L(vi: "Người dùng là cán bộ đăng nhập vào API.",
                                             en: "Staff users who sign in to the API."),
            subcommands: [Add.self, List.self, Password.self, Disable.self, Unlock.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm người dùng.", en: "Add a staff user."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Tên (họ tên với người, tên đầy đủ với cơ quan, đối tác).",
                        en: "The name (a person's full name, an agency's or partner's full name).")) var name: String
        @Option(help: L(vi: "Vai trò: admin (quản trị hệ thống), hr (cán bộ tổ chức, nhân sự), evaluator (thành viên hội đồng đánh giá) hoặc leadership (lãnh đạo).",
                        en: "admin, hr, evaluator or leadership.")) var role: String
        @Option(help: L(vi: "Mã cơ quan, ví dụ STP.", en: "The agency's code, such as STP.")) var agency: String?
        @Option(help: L(vi: "Phạm vi: agency (chỉ cơ quan mình; mặc định với hr có --agency) hoặc province (toàn tỉnh).",
                        en: "agency (own agency only; the default for hr with --agency) or province.")) var scope: String?
        @Option(help: L(vi: "Thư điện tử, dùng để đăng nhập.", en: "E-mail address, to sign in with.")) var email: String?
        @Flag(name: .customLong("with-password"),
              help: L(vi: "Đặt luôn mật khẩu (nhập từ bàn phím hoặc TALENT_PASSWORD): tạo quản trị viên đầu tiên bằng một lệnh.",
                      en: "Also set the password (typed, or TALENT_PASSWORD): the first administrator in one command."))
        var withPassword = false

        func run(api: APIClient, printer: Printer) async throws {
            let input = try NewStaffUser(name: name, role: role, agencyCode: agency, email: email, scope: scope)
            let body = JSONValue.object([
                "name": .string(input.name), "role": .string(input.role.rawValue),
                "agency_code": input.agencyCode.map(JSONValue.string) ?? .null, "scope": .string(input.scope.rawValue),
                "email": input.email.map(JSONValue.string) ?? .null,
            ])
            // Asked before anything is written, so a mistyped password leaves no account behind.
            let password = withPassword
                ? try PasswordInput.read(prompt: L(vi: "Mật khẩu: ", en: "Password: "), confirm: L(vi: "Nhập lại: ", en: "Again: "),
                                         console: global.console)
                : nil
            if let password { _ = try NewPassword(password, email: input.email) }
            var user: StaffUser = try await api.post("/v1/users", body)
            if let password {
                user = try await api.put("/v1/users/\(user.id.text)/password", JSONValue.object(["password": .string(password)]))
            }
            printer.record(user, Columns.user)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê người dùng.", en: "List staff users."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Vai trò: admin, hr, evaluator hoặc leadership.",
                        en: "Role: admin, hr, evaluator or leadership.")) var role: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<StaffUser> = try await api.get("/v1/users", query: [("role", role)] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.user, nextCursor: page.nextCursor)
        }
    }

    struct Password: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Đặt mật khẩu (nhập từ bàn phím, không hiện, hoặc biến TALENT_PASSWORD); mọi phiên đăng nhập của người đó bị đăng xuất.",
                                             en: "Set a password (typed without echo, or TALENT_PASSWORD); every session of that user is signed out."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã người dùng.", en: "The user's id.")) var userID: String

        func run(api: APIClient, printer: Printer) async throws {
            let id = try UUID.parse(userID, field: "user")
            let password = try PasswordInput.read(prompt: L(vi: "Mật khẩu mới: ", en: "New password: "),
                                                  confirm: L(vi: "Nhập lại: ", en: "Again: "), console: global.console)
            let user: StaffUser = try await api.put("/v1/users/\(id.text)/password",
                                                    JSONValue.object(["password": .string(password)]))
            printer.record(user, Columns.user)
        }
    }

    struct Disable: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Khóa người dùng: không đăng nhập được nữa, mọi phiên và mã truy cập hết tác dụng ngay.",
                                             en: "Disable a user: no more sign-in; their sessions and tokens stop working at once."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã người dùng.", en: "The user's id.")) var userID: String

        func run(api: APIClient, printer: Printer) async throws {
            let user: StaffUser = try await api.post("/v1/users/\(UUID.parse(userID, field: "user").text)/disable")
            printer.record(user, Columns.user)
        }
    }

    struct Unlock: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Mở khóa đăng nhập bị tạm khóa do nhập sai mật khẩu nhiều lần.",
                                             en: "Lift the sign-in lock that repeated wrong passwords put on a user."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã người dùng.", en: "The user's id.")) var userID: String

        func run(api: APIClient, printer: Printer) async throws {
            let user: StaffUser = try await api.post("/v1/users/\(UUID.parse(userID, field: "user").text)/unlock")
            printer.record(user, Columns.user)
        }
    }
}

extension Columns {
    static let user: [Column<StaffUser>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("name", vi: "Họ tên", en: "Name") { $0.name },
        .code("role", vi: "Vai trò", en: "Role") { $0.role },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode.cell },
        Column("email", vi: "E-mail", en: "E-mail") { $0.email.cell },
        .code("scope", vi: "Phạm vi", en: "Scope") { $0.scope },
        Column("has_password", vi: "Có mật khẩu", en: "Password set",
               value: { String($0.hasPassword) },
               cell: { user, language in user.hasPassword ? (language == .en ? "yes" : "có") : (language == .en ? "no" : "chưa") }),
        .time("disabled_at", vi: "Bị khóa từ", en: "Disabled since") { $0.disabledAt },
    ]
}
