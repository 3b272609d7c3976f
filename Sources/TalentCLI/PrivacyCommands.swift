import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

/// `talent privacy`: personal data under Law 91/2025/QH15 and Decree 356/2025/NĐ-CP.
struct PrivacyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "privacy",
            abstract: L(vi: "Dữ liệu cá nhân (Luật 91/2025/QH15): quyền của người có dữ liệu, do cán bộ bảo vệ dữ liệu thực hiện; yêu cầu của chủ thể dữ liệu, danh mục dữ liệu.",
                        en: "Personal data (Law 91/2025/QH15): the data subjects' rights, exercised by the data-protection officer; their requests, the data inventory."),
            subcommands: [Export.self, Erase.self, Retention.self, RequestCommand.self, Inventory.self])
    }

    struct Export: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Mọi dữ liệu đang lưu về một người, thành một tài liệu JSON (quyền truy cập, quyền mang dữ liệu).",
                            en: "Everything held about one person, as one JSON document (the rights of access and portability)."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của ứng viên.", en: "The candidate's id.")) var candidate: String
        @Option(help: L(vi: "Ghi vào tệp này (quyền 0600) thay vì in ra màn hình.",
                        en: "Write to this file (mode 0600) instead of standard output.")) var out: String?

        /// The document as the API gave it, byte for byte: nothing is lost in a round trip.
        func run(api: APIClient, printer: Printer) async throws {
            let bytes = try await api.download("/v1/candidates/\(UUID.parse(candidate, field: "candidate").text)/export")
            guard let out else {
                printer.console.write(String(decoding: bytes, as: UTF8.self) + "\n")
                return
            }
            do {
                try PrivateFile.write(Data(bytes), to: out)
            } catch {
                throw ServiceError.invalid("out", vi: "không ghi được \(out)", en: "cannot write \(out)")
            }
            printer.message(LocalizedText(vi: "Đã ghi \(out)", en: "Wrote \(out)"))
        }
    }

    struct Erase: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Xoá dữ liệu cá nhân của một người khỏi mọi bảng và mục nhật ký về họ; số liệu thống kê giữ nguyên. Không hoàn tác được.",
                            en: "Erases one person's data from every table and from the audit entries about them; the statistics stay. Cannot be undone."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của ứng viên.", en: "The candidate's id.")) var candidate: String
        @Option(help: L(vi: "Yêu cầu xoá của chủ thể dữ liệu mà lần xoá này hoàn thành.",
                        en: "The data subject's erasure request this erasure completes.")) var request: String?

        func run(api: APIClient, printer: Printer) async throws {
            let id = try UUID.parse(candidate, field: "candidate")
            var body: [String: JSONValue] = [:]
            if let request { body["request_id"] = .string(try UUID.parse(request, field: "request").text) }
            let erasure: Erasure = try await api.post("/v1/candidates/\(id.text)/erasure", JSONValue.object(body))
            printer.record(erasure, Columns.erasure)
        }
    }

    struct Retention: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Áp dụng quy tắc lưu trữ: xoá dữ liệu người không trúng tuyển khi hồ sơ cuối cùng đã đóng quá số ngày quy định (trừ người còn đồng ý talent_pool).",
                            en: "Applies the retention rule: erases the people not recruited whose last application closed longer ago than the set days (unless a talent_pool consent is in force)."))
        }
        @OptionGroup var global: GlobalOptions
        @Flag(name: .customLong("dry-run"), help: L(vi: "Chỉ liệt kê những người đến hạn, không xoá.",
                                                     en: "Only list who is due; erase no one.")) var dryRun = false

        func run(api: APIClient, printer: Printer) async throws {
            let run: RetentionRun = dryRun ? try await api.get("/v1/privacy/retention")
                : try await api.post("/v1/privacy/retention")
            printer.list(run.due, Columns.retentionDue)
            printer.message(dryRun
                ? LocalizedText(vi: "\(run.due.count) người đến hạn xoá (sau \(run.days) ngày); chưa xoá ai",
                                en: "\(run.due.count) people due for erasure (after \(run.days) days); no one erased")
                : LocalizedText(vi: "Đã xoá dữ liệu của \(run.due.count) người (sau \(run.days) ngày)",
                                en: "Erased the data of \(run.due.count) people (after \(run.days) days)"))
        }
    }

    /// `talent privacy request`: requests from data subjects, with the Decree 356 deadlines.
    struct RequestCommand: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "request",
                abstract: L(vi: "Yêu cầu của chủ thể dữ liệu: phản hồi trong 2 ngày làm việc, thực hiện trong 10, 15 hoặc 20 ngày (Nghị định 356/2025/NĐ-CP Điều 5).",
                            en: "Data subjects' requests: acknowledged within 2 working days, done within 10, 15 or 20 days (Decree 356/2025/NĐ-CP Art. 5)."),
                subcommands: [Open.self, List.self, Show.self, Acknowledge.self, Complete.self, Refuse.self, Extend.self])
        }
    }

    struct Open: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi nhận một yêu cầu của ứng viên; in hạn phản hồi và hạn thực hiện.",
                                             en: "Record a candidate's request; prints its deadlines."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã định danh của ứng viên.", en: "The candidate's id.")) var candidate: String
        @Option(help: L(vi: "access (xem, nhận bản sao), correction (chỉnh sửa), erasure (xóa), restriction (hạn chế xử lý), objection (phản đối) hoặc withdrawal (rút lại sự đồng ý).",
                        en: "access, correction, erasure, restriction, objection or withdrawal.")) var kind: String
        @Option(help: L(vi: "Ngày nhận yêu cầu, dd/mm/yyyy hoặc YYYY-MM-DD (mặc định hôm nay).",
                        en: "The day it was received, YYYY-MM-DD or dd/mm/yyyy (default today)."),
                transform: DateInput.iso) var received: String?
        @Option(help: L(vi: "Ghi chú: người yêu cầu, cách gửi, nội dung.", en: "A note: who asked, how, what.")) var note: String?

        func run(api: APIClient, printer: Printer) async throws {
            let draft = PrivacyRequestDraft(candidateID: candidate, kind: kind, receivedOn: received, note: note)
            _ = try ValidPrivacyRequest(draft)
            printer.record(try await api.post("/v1/privacy/requests", draft, as: PrivacyRequest.self),
                           Columns.privacyRequest)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê yêu cầu, hạn gần nhất trước; --status overdue cho những yêu cầu quá hạn, pending cho mọi yêu cầu chưa xong.",
                                             en: "List requests, the nearest due date first; --status overdue for those past due, pending for every one not finished."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "open, acknowledged, extended, done, refused, overdue hoặc pending.",
                        en: "open, acknowledged, extended, done, refused, overdue or pending.")) var status: String?
        @Option(help: L(vi: "Mã định danh của ứng viên.", en: "The candidate's id.")) var candidate: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<PrivacyRequest> = try await api.get("/v1/privacy/requests", query: [
                ("status", status), ("candidate_id", candidate),
            ] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.privacyRequest, nextCursor: page.nextCursor)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một yêu cầu.", en: "Show one request."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            printer.record(try await api.get("/v1/privacy/requests/\(UUID.parse(id).text)", as: PrivacyRequest.self),
                           Columns.privacyRequest)
        }
    }

    struct Acknowledge: PrivacyRequestChangeCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi nhận đã phản hồi tiếp nhận yêu cầu (trong 2 ngày làm việc).",
                                             en: "Record that the request was acknowledged (within 2 working days)."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        var change: PrivacyRequestChange { PrivacyRequestChange(status: "acknowledged") }
    }

    struct Complete: PrivacyRequestChangeCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi nhận đã thực hiện xong yêu cầu.", en: "Record that the request is done."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        var change: PrivacyRequestChange { PrivacyRequestChange(status: "done") }
    }

    struct Refuse: PrivacyRequestChangeCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Từ chối yêu cầu, ghi rõ căn cứ pháp lý.",
                                             en: "Refuse the request, recording its legal basis."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Căn cứ pháp lý của việc từ chối (điều, khoản, văn bản).",
                        en: "The legal basis of the refusal (article, clause, instrument).")) var basis: String
        var change: PrivacyRequestChange { PrivacyRequestChange(status: "refused", basis: basis) }
    }

    struct Extend: PrivacyRequestChangeCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Gia hạn yêu cầu một lần, kèm lý do (phải thông báo cho người yêu cầu).",
                                             en: "Extend the request once, with the reason (tell the person who asked)."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Số ngày gia hạn.", en: "Days added to the due date.")) var days: Int
        @Option(help: L(vi: "Lý do gia hạn.", en: "The reason.")) var reason: String
        var change: PrivacyRequestChange { PrivacyRequestChange(status: "extended", days: days, reason: reason) }
    }

    struct Inventory: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Danh mục dữ liệu cá nhân: ở đâu (bảng.cột), để làm gì, lưu bao lâu; đọc từ chú thích của lược đồ cơ sở dữ liệu.",
                                             en: "The personal-data inventory: where (table.column), why, how long; read from the schema's annotations."))
        }
        @OptionGroup var global: GlobalOptions

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<DataInventoryItem> = try await api.get("/v1/privacy/inventory")
            printer.list(page.items, Columns.dataInventory)
        }
    }
}

/// A change of a request's status: the version is read first unless given, then the change is sent with it.
protocol PrivacyRequestChangeCommand: APICommand {
    var id: String { get }
    var change: PrivacyRequestChange { get }
}

extension PrivacyRequestChangeCommand {
    func run(api: APIClient, printer: Printer) async throws {
        let uuid = try UUID.parse(id)
        _ = try change.action()
        let current = try await api.get("/v1/privacy/requests/\(uuid.text)", as: PrivacyRequest.self)
        let changed: PrivacyRequest = try await api.patch("/v1/privacy/requests/\(uuid.text)", change.jsonBytes,
                                                          version: current.version)
        printer.record(changed, Columns.privacyRequest)
    }
}

/// `talent breach`: personal-data breaches and the 72-hour notification deadline (Law 91/2025/QH15 Art. 23).
struct BreachCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "breach",
            abstract: L(vi: "Vi phạm dữ liệu cá nhân: thông báo cho cơ quan chuyên trách trong 72 giờ kể từ khi phát hiện (Luật 91/2025/QH15 Điều 23).",
                        en: "Personal-data breaches: notify the regulator within 72 hours of discovery (Law 91/2025/QH15 Art. 23)."),
            subcommands: [Add.self, List.self, Show.self, Notify.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi nhận một vụ vi phạm (hoặc nghi vi phạm); in hạn thông báo 72 giờ.",
                                             en: "Record a suspected breach; prints the 72-hour deadline."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Thời điểm phát hiện: \"dd/mm/yyyy HH:MM\" hoặc \"YYYY-MM-DD HH:MM\" (giờ Việt Nam), hoặc ISO 8601 có múi giờ.",
                        en: "When it was discovered: \"YYYY-MM-DD HH:MM\" or \"dd/mm/yyyy HH:MM\" (Vietnam time), or ISO 8601 with its offset."),
                transform: DateInput.time) var discovered: String
        @Option(help: L(vi: "Mô tả: chuyện gì xảy ra, dữ liệu nào bị ảnh hưởng.",
                        en: "What happened and which data it touched.")) var description: String
        @Option(help: L(vi: "Số bản ghi bị ảnh hưởng (nếu biết).", en: "How many records it touched, if known.")) var records: Int?

        func run(api: APIClient, printer: Printer) async throws {
            let draft = BreachDraft(discoveredAt: discovered, description: description, records: records)
            _ = try ValidBreach(draft)
            let breach = try await api.post("/v1/breaches", draft, as: Breach.self)
            printer.record(breach, Columns.breach, trailer: BreachCommand.deadline(breach, printer.language))
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các vụ vi phạm, mới phát hiện trước.", en: "List breaches, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Breach> = try await api.get("/v1/breaches", query: APIClient.page(paging.request()))
            printer.list(page.items, Columns.breach, nextCursor: page.nextCursor)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một vụ vi phạm.", en: "Show one breach."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            let breach = try await api.get("/v1/breaches/\(UUID.parse(id).text)", as: Breach.self)
            printer.record(breach, Columns.breach, trailer: BreachCommand.deadline(breach, printer.language))
        }
    }

    struct Notify: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Ghi nhận thời điểm đã thông báo cho cơ quan chuyên trách; quá 72 giờ thì ghi là muộn.",
                                             en: "Record when the regulator was notified; past 72 hours it shows as late."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Thời điểm thông báo: \"dd/mm/yyyy HH:MM\" hoặc \"YYYY-MM-DD HH:MM\" (giờ Việt Nam), hoặc ISO 8601 có múi giờ.",
                        en: "When it was notified: \"YYYY-MM-DD HH:MM\" or \"dd/mm/yyyy HH:MM\" (Vietnam time), or ISO 8601 with its offset."),
                transform: DateInput.time) var on: String

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            let draft = BreachNotificationDraft(notifiedAt: on)
            _ = try BreachNotification(draft)
            let breach = try await api.post("/v1/breaches/\(uuid.text)/notification", draft, as: Breach.self)
            printer.record(breach, Columns.breach, trailer: BreachCommand.deadline(breach, printer.language))
        }
    }

    /// The line under a breach: the deadline, and how it stands.
    static func deadline(_ breach: Breach, _ language: Language) -> String {
        let by = breach.notifyBy.dayMonthYearTime
        switch breach.status() {
        case .pending:
            return language == .en ? "Notify the regulator by \(by) (72 hours, Law 91/2025/QH15 Art. 23)."
                : "Hạn thông báo cho cơ quan chuyên trách: \(by) (72 giờ, Điều 23 Luật 91/2025/QH15)."
        case .overdue:
            return language == .en ? "OVERDUE: the regulator should have been notified by \(by)."
                : "QUÁ HẠN: lẽ ra phải thông báo cho cơ quan chuyên trách trước \(by)."
        case .notified:
            return language == .en ? "Notified in time (deadline \(by))." : "Đã thông báo đúng hạn (hạn \(by))."
        case .late:
            return language == .en ? "Notified LATE (deadline \(by))." : "Đã thông báo MUỘN (hạn \(by))."
        }
    }
}

extension DateInput {
    /// A time as officers type it, `YYYY-MM-DD HH:MM` or `dd/mm/yyyy HH:MM` in Vietnam time, as ISO 8601 with the
    /// +07:00 offset; anything else (ISO 8601 already) unchanged, for the service to judge.
    static func time(_ text: String) -> String {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return text }
        let day = CalendarDate.isoText(String(parts[0]))
        let clock = parts[1].split(separator: ":")
        guard CalendarDate(day) != nil, (2...3).contains(clock.count),
              clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) })
        else { return text }
        return "\(day)T\(clock[0]):\(clock[1]):\(clock.count == 3 ? clock[2] : "00")+07:00"
    }
}

extension Columns {
    static let privacyRequest: [Column<PrivacyRequest>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("candidate_id", vi: "Ứng viên", en: "Candidate") { $0.candidateID.text },
        .code("kind", vi: "Loại yêu cầu", en: "Kind") { $0.kind },
        .date("received_on", vi: "Ngày nhận", en: "Received") { $0.receivedOn },
        .date("acknowledge_by", vi: "Hạn phản hồi", en: "Acknowledge by") { $0.acknowledgeBy },
        .date("due_on", vi: "Hạn thực hiện", en: "Due") { $0.dueOn },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status() },
        Column("extension", vi: "Gia hạn", en: "Extension") { r in
            r.extensionDays.map { "+\($0): \(r.extensionReason ?? "")" } ?? ""
        },
        Column("refusal_basis", vi: "Căn cứ từ chối", en: "Refusal basis") { $0.refusalBasis ?? "" },
    ]

    static let breach: [Column<Breach>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        .time("discovered_at", vi: "Phát hiện lúc", en: "Discovered") { $0.discoveredAt },
        .time("notify_by", vi: "Hạn thông báo", en: "Notify by") { $0.notifyBy },
        .time("notified_at", vi: "Đã thông báo lúc", en: "Notified") { $0.notifiedAt },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status() },
        Column("records", vi: "Số bản ghi", en: "Records") { $0.records.map(String.init) ?? "" },
        Column("description", vi: "Mô tả", en: "Description") { $0.description },
    ]

    static let erasure: [Column<Erasure>] = [
        Column("candidate_id", vi: "Ứng viên", en: "Candidate") { $0.candidateID.text },
        .time("erased_at", vi: "Xoá lúc", en: "Erased") { $0.erasedAt },
        .code("basis", vi: "Căn cứ", en: "Basis") { $0.basis },
        Column("request_id", vi: "Yêu cầu", en: "Request") { $0.requestID?.text ?? "" },
        Column("withdrawn_applications", vi: "Hồ sơ đã rút", en: "Applications withdrawn") {
            $0.withdrawnApplications.map(\.text).joined(separator: ", ")
        },
        Column("redacted_audit_entries", vi: "Mục nhật ký đã xoá nội dung", en: "Audit entries redacted") {
            String($0.redactedEntries)
        },
    ]

    static let retentionDue: [Column<RetentionDue>] = [
        Column("candidate_id", vi: "Ứng viên", en: "Candidate") { $0.candidateID.text },
        .time("last_closed_at", vi: "Hồ sơ cuối đóng lúc", en: "Last application closed") { $0.lastClosedAt },
        .date("due_on", vi: "Đến hạn xoá", en: "Due") { $0.dueOn },
    ]

    static let dataInventory: [Column<DataInventoryItem>] = [
        Column("column", vi: "Bảng.cột", en: "Table.column") { "\($0.table).\($0.column)" },
        Column("category", vi: "Loại dữ liệu", en: "Category", value: { $0.category },
               cell: { item, language in PersonalDataCategory.label(of: item.category, language) }),
        Column("purpose", vi: "Mục đích", en: "Purpose", value: { $0.purpose },
               cell: { item, language in DataPurpose.label(of: item.purpose, language) }),
        Column("retention", vi: "Thời hạn lưu", en: "Retention", value: { $0.retention },
               cell: { item, language in RetentionRule.label(of: item.retention, language) }),
        Column("sensitive", vi: "Nhạy cảm", en: "Sensitive", value: { $0.sensitive ? "yes" : "no" },
               cell: { item, language in item.sensitive ? (language == .en ? "SENSITIVE" : "NHẠY CẢM") : "" }),
    ]
}
