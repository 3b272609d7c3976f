import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct AgencyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "agency", abstract: L(vi: "Cơ quan, đơn vị: nơi đăng vị trí tuyển dụng và được giao chỉ tiêu.",
                                               en: "Agencies: the bodies that post positions and carry targets."),
            subcommands: [List.self, Add.self, Update.self, Retire.self])
    }

    struct List: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các cơ quan, đơn vị.", en: "List agencies."))
        }
        @OptionGroup var global: GlobalOptions
        @Flag(help: L(vi: "Kể cả cơ quan đã giải thể, sáp nhập.", en: "Include retired agencies.")) var all = false
        @Option(help: L(vi: "Chỉ loại này: department (sở, ban, ngành), district (cấp huyện), commune (cấp xã), other (khác).",
                        en: "Only this kind: department, district, commune, other.")) var kind: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.agencies.list(includeRetired: all, kind: kind,
                                                        page: paging.request(), by: actor)
            printer.list(page.items, Columns.agency, nextCursor: page.nextCursor)
        }
    }

    struct Add: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm cơ quan, đơn vị.", en: "Add an agency."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã (chữ in hoa, không dấu), ví dụ STP.",
                        en: "The code (capital letters), such as STP.")) var code: String
        @Option(help: L(vi: "Tên (họ tên với người, tên đầy đủ với cơ quan, đối tác).",
                        en: "The name (a person's full name, an agency's or partner's full name).")) var name: String
        @Option(help: L(vi: "department (sở, ban, ngành), district (cấp huyện), commune (cấp xã) hoặc other (khác).",
                        en: "department, district, commune or other.")) var kind: String = "department"

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let agency = try await services.agencies.add(try NewAgency(code: code, name: name, kind: kind), by: actor)
            printer.record(agency, Columns.agency)
        }
    }

    struct Update: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Đổi tên cơ quan; mã và lịch sử được giữ nguyên.",
                                             en: "Rename an agency; its code and history stay."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã (chữ in hoa, không dấu), ví dụ STP.",
                          en: "The code (capital letters), such as STP.")) var code: String
        @Option(help: L(vi: "Tên (họ tên với người, tên đầy đủ với cơ quan, đối tác).",
                        en: "The name (a person's full name, an agency's or partner's full name).")) var name: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let agency = try await services.agencies.rename(code, try AgencyRename(name: name), by: actor)
            printer.record(agency, Columns.agency)
        }
    }

    struct Retire: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi nhận cơ quan giải thể, hoặc sáp nhập vào cơ quan khác.",
                                             en: "Retire an agency, optionally merged into another."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã (chữ in hoa, không dấu), ví dụ STP.",
                          en: "The code (capital letters), such as STP.")) var code: String
        @Option(name: .customLong("merged-into"), help: L(vi: "Mã cơ quan tiếp nhận khi sáp nhập.",
                                                          en: "The code of the agency it is merged into.")) var mergedInto: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let agency = try await services.agencies.retire(code, try AgencyRetirement(mergedInto: mergedInto), by: actor)
            printer.record(agency, Columns.agency)
        }
    }
}

extension Columns {
    static let agency: [Column<Agency>] = [
        Column("code", vi: "Mã", en: "Code") { $0.code },
        Column("name", vi: "Tên", en: "Name") { $0.name },
        .code("kind", vi: "Loại", en: "Kind") { $0.kind },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
        Column("merged_into", vi: "Sáp nhập vào", en: "Merged into") { $0.mergedInto.cell },
    ]
}
