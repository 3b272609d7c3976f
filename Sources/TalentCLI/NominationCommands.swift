import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct NominationCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "nomination", abstract: L(vi: "Đề cử do các trường đối tác gửi qua API.",
                                                   en: "Nominations partner universities submitted through the API."),
            subcommands: [List.self, Show.self, Review.self, Decline.self, Accept.self])
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các đề cử, mới nhất trước.",
                                             en: "List nominations, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Chỉ các đề cử có trạng thái (với đối tác) này: received, under_review, in_pool, hired, not_selected.",
                        en: "Only nominations of this status (as the partner reads it): received, under_review, in_pool, hired, not_selected."))
        var status: String?
        @Option(help: L(vi: "Chỉ các đề cử ở bước xử lý này: new (chưa xem), reviewed, declined, accepted.",
                        en: "Only nominations at this triage step: new (not looked at yet), reviewed, declined, accepted."))
        var triage: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<NominationView> = try await api.get(
                "/v1/nominations", query: [("status", status), ("triage", triage)] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.nomination, nextCursor: page.nextCursor)
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một đề cử.", en: "Show one nomination."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            let nomination: NominationView = try await api.get("/v1/nominations/\(UUID.parse(id).text)")
            // A table names the position as people know it; JSON and CSV keep its id.
            var position: Position?
            if printer.format == .table, let positionID = nomination.positionID {
                position = try? await api.get("/v1/positions/\(positionID.text)", as: Position.self)
            }
            printer.record(nomination, Columns.nominationDetail(position: position))
        }
    }

    /// One triage step, sent as the API takes it (checked here first, so a mistake costs no round trip).
    static func triage(_ id: String, _ triage: NominationTriage, reason: String?, position: String?, api: APIClient,
                       printer: Printer) async throws {
        let uuid = try UUID.parse(id)
        _ = try ValidTriage(triage: triage.rawValue, reason: reason, positionID: position)
        var body: [String: JSONValue] = ["triage": .string(triage.rawValue)]
        if let reason { body["reason"] = .string(reason) }
        if let position { body["position_id"] = .string(position) }
        let nomination: NominationView = try await api.post("/v1/nominations/\(uuid.text)/triage", JSONValue.object(body))
        printer.record(nomination, Columns.nominationDetail())
    }

    struct Review: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Đánh dấu đề cử đang được xem xét (đối tác thấy under_review).",
                                             en: "Mark a nomination as being looked at (the partner reads under_review)."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của đề cử.", en: "The nomination's id.")) var id: String
        @Option(help: L(vi: "Ghi chú.", en: "A note.")) var reason: String?

        func run(api: APIClient, printer: Printer) async throws {
            try await NominationCommand.triage(id, .reviewed, reason: reason, position: nil, api: api, printer: printer)
        }
    }

    struct Decline: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(
                vi: "Không tiếp nhận đề cử, nêu lý do (--reason): trường đối tác đọc được lý do này; hồ sơ do đề cử mở, nếu còn ở bước được đề cử, bị từ chối.",
                en: "Decline a nomination with a reason (--reason), which the partner reads; the application it opened, if still at nominated, is rejected."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của đề cử.", en: "The nomination's id.")) var id: String
        @Option(help: L(vi: "Lý do, gửi cho trường đối tác.", en: "The reason, which the partner reads.")) var reason: String

        func run(api: APIClient, printer: Printer) async throws {
            try await NominationCommand.triage(id, .declined, reason: reason, position: nil, api: api, printer: printer)
        }
    }

    struct Accept: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(
                vi: "Chuyển đề cử thành hồ sơ dự tuyển ở bước sơ tuyển (screening): vào vị trí đề cử nêu, hoặc --position.",
                en: "Take a nomination forward as an application at screening: for the position it named, or --position."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của đề cử.", en: "The nomination's id.")) var id: String
        @Option(help: L(vi: "Vị trí tuyển dụng (khi đề cử không nêu).", en: "The position (when the nomination names none)."))
        var position: String?
        @Option(help: L(vi: "Ghi chú.", en: "A note.")) var reason: String?

        func run(api: APIClient, printer: Printer) async throws {
            try await NominationCommand.triage(id, .accepted, reason: reason, position: position, api: api, printer: printer)
        }
    }
}

extension Columns {
    static let nomination: [Column<NominationView>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("nominator", vi: "Người đề cử", en: "Nominator") { $0.nominator.name },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
        .code("triage", vi: "Xử lý", en: "Triage") { $0.triage },
        .time("submitted_at", vi: "Thời điểm", en: "Submitted") { $0.submittedAt },
        Column("candidate_id", vi: "Mã ứng viên", en: "Candidate ID") { $0.candidateID?.text ?? "" },
    ]

    /// One nomination as `nomination show` prints it: what the partner wrote and what it became, as the JSON has it.
    static func nominationDetail(position: Position? = nil) -> [Column<NominationView>] { [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("candidate_id", vi: "Mã ứng viên", en: "Candidate ID") { $0.candidateID?.text ?? "" },
        Column("nominator", vi: "Người đề cử", en: "Nominator") { $0.nominator.name },
        Column("nominator_title", vi: "Chức danh người đề cử", en: "Nominator's title") { $0.nominator.title.cell },
        Column("nominator_email", vi: "E-mail người đề cử", en: "Nominator's e-mail") { $0.nominator.email.cell },
        Column("relationship", vi: "Quan hệ", en: "Relationship", value: { $0.relationship }, cell: { nomination, language in
            Relationship(rawValue: nomination.relationship)?.label.text(language) ?? nomination.relationship
        }),
        Column("justification", vi: "Lý do đề cử", en: "Justification") { $0.justification },
        Column("position_id", vi: "Vị trí đề cử vào", en: "Position", value: { $0.positionID?.text ?? "" },
               cell: { nomination, _ in
                   guard let id = nomination.positionID else { return "" }
                   guard let position, position.id == id else { return id.text }
                   return "\(position.title) (\(position.agencyCode)), \(id.text)"
               }),
        Column("application_id", vi: "Hồ sơ dự tuyển", en: "Application") { $0.applicationID?.text ?? "" },
        .code("stage", vi: "Giai đoạn", en: "Stage") { $0.stage },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
        .code("triage", vi: "Xử lý", en: "Triage") { $0.triage },
        Column("triage_reason", vi: "Lý do / ghi chú", en: "Reason / note") { $0.triageReason.cell },
        Column("triaged_by", vi: "Người xử lý", en: "Triaged by") { $0.triagedBy.cell },
        .time("triaged_at", vi: "Xử lý lúc", en: "Triaged") { $0.triagedAt },
        .time("submitted_at", vi: "Thời điểm", en: "Submitted") { $0.submittedAt },
        .time("consent_obtained_at", vi: "Ứng viên đồng ý lúc", en: "Consent obtained") { $0.consentObtainedAt },
        Column("consent_notice_version", vi: "Phiên bản thông báo", en: "Notice version") { $0.consentNoticeVersion },
    ] }
}
