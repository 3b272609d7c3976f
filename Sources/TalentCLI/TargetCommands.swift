import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct TargetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "The plan's targets per agency and kind of post.", subcommands: [Add.self, List.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add a target (administrators).")
        @OptionGroup var global: GlobalOptions
        @Option var agency: String
        @Option(name: .customLong("position-kind"), help: "legal_affairs_officer, core_drafting_officer, drafting_advisor or other.")
        var positionKind: String
        @Option var count: Int
        @Option(help: "YYYY-MM-DD.") var deadline: String
        @Option(name: .customLong("starts"), help: "Where the projection starts (YYYY-MM-DD; the plan's date unless given).")
        var startsOn: String?
        @Option var note: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let input = try ValidTarget(agencyCode: agency, positionKind: positionKind, count: count, deadline: deadline,
                                        startsOn: startsOn, note: note)
            printer.record(try await services.targets.add(input, by: actor), Columns.target)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List targets.")
        @OptionGroup var global: GlobalOptions
        @Option var agency: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.list(try await services.targets.list(agency: agency, by: actor), Columns.target)
        }
    }
}

extension Columns {
    static let target: [Column<Target>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        Column("position_kind", vi: "Loại vị trí", en: "Position kind") { $0.positionKind.rawValue },
        Column("count", vi: "Chỉ tiêu", en: "Count") { String($0.count) },
        Column("deadline", vi: "Hạn", en: "Deadline") { $0.deadline.description },
        Column("note", vi: "Ghi chú", en: "Note") { $0.note.cell },
    ]
}
