import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Staff users who sign in to the API.", subcommands: [Add.self, List.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add a staff user.")
        @OptionGroup var global: GlobalOptions
        @Option var name: String
        @Option(help: "admin, hr, evaluator or leadership.") var role: String
        @Option var agency: String?
        @Option var email: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let input = try NewStaffUser(name: name, role: role, agencyCode: agency, email: email)
            let user = try await services.users.add(input, by: actor)
            printer.record(user, Columns.user)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List staff users.")
        @OptionGroup var global: GlobalOptions
        @Option var role: String?
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
        Column("role", vi: "Vai trò", en: "Role") { $0.role.rawValue },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode.cell },
        Column("email", vi: "E-mail", en: "E-mail") { $0.email.cell },
    ]
}
