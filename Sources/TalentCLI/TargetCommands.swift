import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct TargetCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "target", abstract: L(vi: "Chỉ tiêu của kế hoạch theo cơ quan và loại vị trí.",
                                               en: "The plan's targets per agency and kind of post."), subcommands: [Add.self, List.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm chỉ tiêu (dành cho quản trị hệ thống).",
                                             en: "Add a target (administrators)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã cơ quan, ví dụ STP.", en: "The agency's code, such as STP.")) var agency: String
        @Option(name: .customLong("position-kind"), help: L(vi: "Loại vị trí: legal_affairs_officer (công chức pháp chế chuyên trách), core_drafting_officer (lực lượng nòng cốt xây dựng pháp luật), drafting_advisor (chuyên viên tham mưu xây dựng pháp luật) hoặc other (khác).",
                                                            en: "legal_affairs_officer, core_drafting_officer, drafting_advisor or other."))
        var positionKind: String
        @Option(help: L(vi: "Số lượng chỉ tiêu.", en: "How many to hire.")) var count: Int
        @Option(help: L(vi: "dd/mm/yyyy hoặc YYYY-MM-DD.",
                        en: "YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var deadline: String
        @Option(name: .customLong("starts"), help: L(vi: "Ngày bắt đầu tính tiến độ (dd/mm/yyyy hoặc YYYY-MM-DD; mặc định là ngày của kế hoạch).",
                                                     en: "Where the projection starts (YYYY-MM-DD or dd/mm/yyyy; the plan's date unless given)."), transform: DateInput.iso)
        var startsOn: String?
        @Option(help: L(vi: "Ghi chú.", en: "A note.")) var note: String?

        func run(api: APIClient, printer: Printer) async throws {
            _ = try ValidTarget(agencyCode: agency, positionKind: positionKind, count: count, deadline: deadline,
                                startsOn: startsOn, note: note)
            func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
            let body = JSONValue.object([
                "agency_code": .string(agency), "position_kind": .string(positionKind), "count": .number(Double(count)),
                "deadline": .string(deadline), "starts_on": text(startsOn), "note": text(note),
            ])
            printer.record(try await api.post("/v1/targets", body, as: Target.self), Columns.target)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các chỉ tiêu.", en: "List targets."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã cơ quan, ví dụ STP.", en: "The agency's code, such as STP.")) var agency: String?
        @OptionGroup var paging: LimitOptions

        func run(api: APIClient, printer: Printer) async throws {
            let printer = printer.limited(try paging.checked())
            let targets: Page<Target> = try await api.get("/v1/targets", query: [("agency", agency)])
            printer.list(targets.items, Columns.target)
        }
    }
}

extension Columns {
    static let target: [Column<Target>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        .code("position_kind", vi: "Loại vị trí", en: "Position kind") { $0.positionKind },
        Column("count", vi: "Chỉ tiêu", en: "Count") { String($0.count) },
        .date("deadline", vi: "Hạn", en: "Deadline") { $0.deadline },
        Column("note", vi: "Ghi chú", en: "Note") { $0.note.cell },
    ]
}
