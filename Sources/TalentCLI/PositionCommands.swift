import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct PositionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "position", abstract: "Openings per agency.", subcommands: [Add.self, List.self, Show.self, Update.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add a position.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The agency's code, such as STP.") var agency: String
        @Option var title: String
        @Option(help: "legal_affairs_officer, core_drafting_officer, drafting_advisor or other.") var kind: String
        @Option var openings: Int?
        @Option(name: .customLong("target-date"), help: "YYYY-MM-DD.") var targetDate: String?
        @Option var description: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let input = try ValidPosition(
                PositionDraft(agencyCode: agency, title: title, kind: kind, openings: openings, targetDate: targetDate,
                              description: description))
            let position = try await services.positions.add(input, by: actor)
            printer.record(position, Columns.position)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List positions, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option var agency: String?
        @Option var kind: String?
        @Option(help: "open, on_hold, filled or closed.") var status: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.positions.list(agency: agency, kind: kind, status: status,
                                                         page: paging.request(), by: actor)
            printer.list(page.items, Columns.position, nextCursor: page.nextCursor)
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show one position.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.positions.get(UUID.parse(id), by: actor), Columns.position)
        }
    }

    struct Update: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Change a position's fields.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String
        @Option var agency: String?
        @Option var title: String?
        @Option var kind: String?
        @Option var openings: Int?
        @Option(name: .customLong("target-date")) var targetDate: String?
        @Option(help: "open, on_hold, filled or closed.") var status: String?
        @Option var description: String?
        @Option(name: .customLong("if-version")) var ifVersion: Int?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            var fields: Set<PositionDraft.Field> = []
            if agency != nil { fields.insert(.agencyCode) }
            if title != nil { fields.insert(.title) }
            if kind != nil { fields.insert(.kind) }
            if openings != nil { fields.insert(.openings) }
            if targetDate != nil { fields.insert(.targetDate) }
            if status != nil { fields.insert(.status) }
            if description != nil { fields.insert(.description) }
            guard !fields.isEmpty else { throw ServiceError.invalid("fields", vi: "không có gì để sửa", en: "nothing to change") }
            let uuid = try UUID.parse(id)
            let patch = try PositionPatch(
                PositionDraft(agencyCode: agency, title: title, kind: kind, openings: openings, targetDate: targetDate,
                              status: status, description: description),
                fields: fields)
            let position = try await services.positions.update(uuid, patch: patch, expectedVersion: ifVersion, by: actor)
            printer.record(position, Columns.position)
        }
    }
}

extension Columns {
    static let position: [Column<Position>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        Column("title", vi: "Vị trí", en: "Title") { $0.title },
        Column("kind", vi: "Loại", en: "Kind") { $0.kind.rawValue },
        Column("openings", vi: "Chỉ tiêu", en: "Openings") { String($0.openings) },
        Column("hired", vi: "Đã tuyển", en: "Hired") { String($0.hired) },
        Column("target_date", vi: "Hạn", en: "Target date") { $0.targetDate.cell },
        Column("status", vi: "Trạng thái", en: "Status") { $0.status.rawValue },
    ]
}
