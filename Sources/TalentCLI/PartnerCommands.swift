import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct PartnerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner", abstract: "Partner universities, institutes and colleges.",
        subcommands: [Add.self, List.self, Show.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add a partner institution.")
        @OptionGroup var global: GlobalOptions
        @Option var code: String
        @Option var name: String
        @Option(help: "university, institute or college.") var kind: String = "university"
        @Option(name: .customLong("contact-name")) var contactName: String?
        @Option(name: .customLong("contact-email")) var contactEmail: String?
        @Option(name: .customLong("contact-phone")) var contactPhone: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let input = try ValidPartner(PartnerDraft(code: code, name: name, kind: kind, contactName: contactName,
                                                      contactEmail: contactEmail, contactPhone: contactPhone))
            printer.record(try await services.partners.add(input, by: actor), Columns.partner)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List partners.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.partners.list(page: paging.request(), by: actor)
            printer.list(page.items, Columns.partner, nextCursor: page.nextCursor)
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show a partner and its agreements.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.partners.get(code, by: actor), Columns.partner)
            if printer.format == .table {
                printer.console.out("")
                printer.list(try await services.partners.agreements(partner: code, by: actor), Columns.agreement)
            }
        }
    }
}

extension Columns {
    static let partner: [Column<Partner>] = [
        Column("code", vi: "Mã", en: "Code") { $0.code },
        Column("name", vi: "Tên", en: "Name") { $0.name },
        Column("kind", vi: "Loại", en: "Kind") { $0.kind.rawValue },
        Column("contact_name", vi: "Người liên hệ", en: "Contact") { $0.contactName.cell },
        Column("contact_email", vi: "E-mail", en: "E-mail") { $0.contactEmail.cell },
        Column("contact_phone", vi: "Điện thoại", en: "Phone") { $0.contactPhone.cell },
    ]
}
