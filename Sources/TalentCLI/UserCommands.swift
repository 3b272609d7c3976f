import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct UserCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "user", abstract: L(vi: "Người dùng là cán bộ đăng nhập vào API.",
                                             en: "Staff users who sign in to the API."), subcommands: [Add.self, List.self])
    }

    struct Add: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm người dùng.", en: "Add a staff user."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Tên (họ tên với người, tên đầy đủ với cơ quan, đối tác).",
                        en: "The name (a person's full name, an agency's or partner's full name).")) var name: String
        @Option(help: L(vi: "Vai trò: admin (quản trị hệ thống), hr (cán bộ tổ chức, nhân sự), evaluator (thành viên hội đồng đánh giá) hoặc leadership (lãnh đạo).",
                        en: "admin, hr, evaluator or leadership.")) var role: String
        @Option(help: L(vi: "Mã cơ quan, ví dụ STP.", en: "The agency's code, such as STP.")) var agency: String?
        @Option(help: L(vi: "Thư điện tử.", en: "E-mail address.")) var email: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let input = try NewStaffUser(name: name, role: role, agencyCode: agency, email: email)
            let user = try await services.users.add(input, by: actor)
            printer.record(user, Columns.user)
        }
    }

    struct List: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê người dùng.", en: "List staff users."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Vai trò: admin, hr, evaluator hoặc leadership.",
                        en: "Role: admin, hr, evaluator or leadership.")) var role: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.users.list(role: role, page: paging.request(), by: actor)
            printer.list(page.items, Columns.user, nextCursor: page.nextCursor)
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
    ]
}
