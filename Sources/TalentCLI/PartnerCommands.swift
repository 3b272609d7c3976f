import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct PartnerCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "partner", abstract: L(vi: "Đối tác: các trường đại học, học viện và trường cao đẳng.",
                                                en: "Partner universities, institutes and colleges."),
            subcommands: [Add.self, List.self, Show.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm cơ sở đào tạo đối tác.", en: "Add a partner institution."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã (chữ in hoa, không dấu), ví dụ STP.",
                        en: "The code (capital letters), such as STP.")) var code: String
        @Option(help: L(vi: "Tên (họ tên với người, tên đầy đủ với cơ quan, đối tác).",
                        en: "The name (a person's full name, an agency's or partner's full name).")) var name: String
        @Option(help: L(vi: "university (trường đại học), institute (học viện, viện) hoặc college (trường cao đẳng).",
                        en: "university, institute or college.")) var kind: String = "university"
        @Option(name: .customLong("contact-name"), help: L(vi: "Người liên hệ.",
                                                           en: "The contact person.")) var contactName: String?
        @Option(name: .customLong("contact-email"), help: L(vi: "Thư điện tử người liên hệ.",
                                                            en: "The contact's e-mail.")) var contactEmail: String?
        @Option(name: .customLong("contact-phone"), help: L(vi: "Điện thoại người liên hệ.",
                                                            en: "The contact's phone.")) var contactPhone: String?

        func run(api: APIClient, printer: Printer) async throws {
            let draft = PartnerDraft(code: code, name: name, kind: kind, contactName: contactName,
                                     contactEmail: contactEmail, contactPhone: contactPhone)
            _ = try ValidPartner(draft)
            printer.record(try await api.post("/v1/partners", draft, as: Partner.self), Columns.partner)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các đối tác.", en: "List partners."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Partner> = try await api.get("/v1/partners", query: APIClient.page(paging.request()))
            printer.list(page.items, Columns.partner, nextCursor: page.nextCursor)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một đối tác và các thỏa thuận hợp tác của đối tác.",
                                             en: "Show a partner and its agreements."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã (chữ in hoa, không dấu), ví dụ STP.",
                          en: "The code (capital letters), such as STP.")) var code: String

        func run(api: APIClient, printer: Printer) async throws {
            let path = "/v1/partners/\(APIClient.escape(code))"
            printer.record(try await api.get(path, as: Partner.self), Columns.partner)
            if printer.format == .table {
                printer.console.out("")
                printer.list(try await api.get(path + "/agreements", as: Page<Agreement>.self).items, Columns.agreement)
            }
        }
    }
}

extension Columns {
    static let partner: [Column<Partner>] = [
        Column("code", vi: "Mã", en: "Code") { $0.code },
        Column("name", vi: "Tên", en: "Name") { $0.name },
        .code("kind", vi: "Loại", en: "Kind") { $0.kind },
        Column("contact_name", vi: "Người liên hệ", en: "Contact") { $0.contactName.cell },
        Column("contact_email", vi: "E-mail", en: "E-mail") { $0.contactEmail.cell },
        Column("contact_phone", vi: "Điện thoại", en: "Phone") { $0.contactPhone.cell },
    ]
}
