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
            subcommands: [List.self, Show.self])
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các đề cử, mới nhất trước.",
                                             en: "List nominations, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<NominationView> = try await api.get("/v1/nominations", query: APIClient.page(paging.request()))
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
}

extension Columns {
    static let nomination: [Column<NominationView>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("nominator", vi: "Người đề cử", en: "Nominator") { $0.nominator.name },
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
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
        .time("submitted_at", vi: "Thời điểm", en: "Submitted") { $0.submittedAt },
        .time("consent_obtained_at", vi: "Ứng viên đồng ý lúc", en: "Consent obtained") { $0.consentObtainedAt },
        Column("consent_notice_version", vi: "Phiên bản thông báo", en: "Notice version") { $0.consentNoticeVersion },
    ] }
}
