import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct PositionCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "position", abstract: L(vi: "Vị trí tuyển dụng của từng cơ quan.",
                                                 en: "Openings per agency."), subcommands: [Add.self, List.self, Show.self, Update.self, Reopen.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm vị trí tuyển dụng.", en: "Add a position."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã cơ quan, ví dụ STP.", en: "The agency's code, such as STP.")) var agency: String
        @Option(help: L(vi: "Tên gọi, chức danh.", en: "The title.")) var title: String
        @Option(help: L(vi: "Loại vị trí: legal_affairs_officer (công chức pháp chế chuyên trách), core_drafting_officer (lực lượng nòng cốt xây dựng pháp luật), drafting_advisor (chuyên viên tham mưu xây dựng pháp luật) hoặc other (khác).",
                        en: "legal_affairs_officer, core_drafting_officer, drafting_advisor or other.")) var kind: String
        @Option(help: L(vi: "Số lượng cần tuyển.", en: "Number of openings.")) var openings: Int?
        @Option(name: .customLong("target-date"), help: L(vi: "dd/mm/yyyy hoặc YYYY-MM-DD.",
                                                          en: "YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var targetDate: String?
        @Option(help: L(vi: "Mô tả công việc.", en: "Job description.")) var description: String?

        func run(api: APIClient, printer: Printer) async throws {
            let draft = PositionDraft(agencyCode: agency, title: title, kind: kind, openings: openings,
                                      targetDate: targetDate, description: description)
            _ = try ValidPosition(draft)
            let position: Position = try await api.post("/v1/positions", draft)
            printer.record(position, Columns.position)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê vị trí tuyển dụng, mới nhất trước.",
                                             en: "List positions, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã cơ quan, ví dụ STP.", en: "The agency's code, such as STP.")) var agency: String?
        @Option(help: L(vi: "Loại vị trí: legal_affairs_officer, core_drafting_officer, drafting_advisor hoặc other.",
                        en: "Position kind: legal_affairs_officer, core_drafting_officer, drafting_advisor or other.")) var kind: String?
        @Option(help: L(vi: "open (đang tuyển), on_hold (tạm dừng), filled (đã tuyển đủ) hoặc closed (đã đóng).",
                        en: "open, on_hold, filled or closed.")) var status: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Position> = try await api.get("/v1/positions", query: [
                ("agency", agency), ("kind", kind), ("status", status),
            ] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.position, nextCursor: page.nextCursor)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một vị trí tuyển dụng.", en: "Show one position."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            printer.record(try await api.get("/v1/positions/\(UUID.parse(id).text)", as: Position.self), Columns.position)
        }
    }

    struct Update: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Sửa thông tin vị trí tuyển dụng.", en: "Change a position's fields."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Mã cơ quan, ví dụ STP.", en: "The agency's code, such as STP.")) var agency: String?
        @Option(help: L(vi: "Tên gọi, chức danh.", en: "The title.")) var title: String?
        @Option(help: L(vi: "Loại vị trí: legal_affairs_officer, core_drafting_officer, drafting_advisor hoặc other.",
                        en: "Position kind: legal_affairs_officer, core_drafting_officer, drafting_advisor or other.")) var kind: String?
        @Option(help: L(vi: "Số lượng cần tuyển.", en: "Number of openings.")) var openings: Int?
        @Option(name: .customLong("target-date"), transform: DateInput.iso) var targetDate: String?
        @Option(help: L(vi: "open (đang tuyển), on_hold (tạm dừng), filled (đã tuyển đủ) hoặc closed (đã đóng).",
                        en: "open, on_hold, filled or closed.")) var status: String?
        @Option(help: L(vi: "Mô tả công việc.", en: "Job description.")) var description: String?
        @Option(name: .customLong("if-version"), help: L(vi: "Chỉ thực hiện nếu bản ghi vẫn ở phiên bản này.",
                                                         en: "Only if the record is still at this version.")) var ifVersion: Int?

        func run(api: APIClient, printer: Printer) async throws {
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
            let draft = PositionDraft(agencyCode: agency, title: title, kind: kind, openings: openings,
                                      targetDate: targetDate, status: status, description: description)
            _ = try PositionPatch(draft, fields: fields)
            var version = ifVersion
            if version == nil { version = try await api.get("/v1/positions/\(uuid.text)", as: Position.self).version }
            guard let version else { return }
            let position: Position = try await api.patch("/v1/positions/\(uuid.text)", draft.patchBody(fields),
                                                         version: version)
            printer.record(position, Columns.position)
        }
    }

    struct Reopen: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Mở lại vị trí đã tuyển đủ hoặc đã đóng để tuyển thêm, kèm lý do.",
                                             en: "Open a filled or closed position again for more hires, with a reason."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Lý do mở lại.", en: "Why it opens again.")) var reason: String

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            var w = JSONWriter()
            w.object { w in w.field("reason", reason) }
            let position = try await api.post("/v1/positions/\(uuid.text)/reopen", JSONValue(parsing: w.bytes), as: Position.self)
            printer.record(position, Columns.position)
        }
    }
}

extension Columns {
    static let position: [Column<Position>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        Column("title", vi: "Vị trí", en: "Title") { $0.title },
        .code("kind", vi: "Loại", en: "Kind") { $0.kind },
        Column("openings", vi: "Chỉ tiêu", en: "Openings") { String($0.openings) },
        Column("hired", vi: "Đã tuyển", en: "Hired") { String($0.hired) },
        .date("target_date", vi: "Hạn", en: "Target date") { $0.targetDate },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
    ]
}
