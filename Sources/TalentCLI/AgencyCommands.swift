import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct AgencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "Agencies: the bodies that post positions and carry targets.",
        subcommands: [List.self, Add.self, Update.self, Retire.self])

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List agencies.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include retired agencies.") var all = false
        @Option(help: "Only this kind: department, district, commune, other.") var kind: String?
        @OptionGroup var paging: PageOptions<WholeList>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.agencies.list(includeRetired: all, kind: kind,
                                                        page: paging.request(), by: actor)
            printer.list(page.items, Columns.agency, nextCursor: page.nextCursor)
        }
    }

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add an agency.")
        @OptionGroup var global: GlobalOptions
        @Option var code: String
        @Option var name: String
        @Option(help: "department, district, commune or other.") var kind: String = "department"

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let agency = try await services.agencies.add(try NewAgency(code: code, name: name, kind: kind), by: actor)
            printer.record(agency, Columns.agency)
        }
    }

    struct Update: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Rename an agency; its code and history stay.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option var name: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let agency = try await services.agencies.rename(code, try AgencyRename(name: name), by: actor)
            printer.record(agency, Columns.agency)
        }
    }

    struct Retire: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Retire an agency, optionally merged into another.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(name: .customLong("merged-into")) var mergedInto: String?

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
        Column("kind", vi: "Loại", en: "Kind") { $0.kind.rawValue },
        Column("status", vi: "Trạng thái", en: "Status") { $0.status.rawValue },
        Column("merged_into", vi: "Sáp nhập vào", en: "Merged into") { $0.mergedInto.cell },
    ]
}
