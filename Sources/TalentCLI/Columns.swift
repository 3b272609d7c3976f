import Foundation
import TalentDomain
import TalentService

/// How each kind of record is printed.
enum Columns {
    static let agency: [Column<Agency>] = [
        Column("code", vi: "Mã", en: "Code") { $0.code },
        Column("name", vi: "Tên", en: "Name") { $0.name },
        Column("kind", vi: "Loại", en: "Kind") { $0.kind.rawValue },
        Column("status", vi: "Trạng thái", en: "Status") { $0.status.rawValue },
        Column("merged_into", vi: "Sáp nhập vào", en: "Merged into") { $0.mergedInto.cell },
    ]

    static let user: [Column<StaffUser>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("name", vi: "Họ tên", en: "Name") { $0.name },
        Column("role", vi: "Vai trò", en: "Role") { $0.role.rawValue },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode.cell },
        Column("email", vi: "E-mail", en: "E-mail") { $0.email.cell },
    ]

    static let token: [Column<AccessToken>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("holder", vi: "Người giữ", en: "Holder") { $0.holder },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode.cell },
        Column("role", vi: "Vai trò", en: "Role") { $0.role.rawValue },
        Column("prefix", vi: "Tiền tố", en: "Prefix") { $0.prefix },
        Column("expires_at", vi: "Hết hạn", en: "Expires") { $0.expiresAt?.local ?? "" },
        Column("revoked_at", vi: "Thu hồi", en: "Revoked") { $0.revokedAt?.local ?? "" },
        Column("last_used_at", vi: "Dùng lần cuối", en: "Last used") { $0.lastUsedAt?.local ?? "" },
    ]

    static let candidate: [Column<Candidate>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("full_name", vi: "Họ tên", en: "Full name") { $0.fullName },
        Column("date_of_birth", vi: "Ngày sinh", en: "Date of birth") { $0.dateOfBirth.cell },
        Column("citizen_id", vi: "Số CCCD", en: "Citizen ID") { $0.citizenID.cell },
        Column("email", vi: "E-mail", en: "E-mail") { $0.email.cell },
        Column("phone", vi: "Điện thoại", en: "Phone") { $0.phone.cell },
        Column("sector", vi: "Khu vực", en: "Sector") { $0.sector?.rawValue ?? "" },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let candidateDetail: [Column<Candidate>] = candidate.filter { $0.field != "version" && $0.field != "sector" } + [
        Column("gender", vi: "Giới tính", en: "Gender") { $0.gender?.rawValue ?? "" },
        Column("province", vi: "Tỉnh/thành cư trú", en: "Province") { $0.province.cell },
        Column("sector", vi: "Khu vực", en: "Sector") { $0.sector?.rawValue ?? "" },
        Column("current_employer", vi: "Nơi làm việc", en: "Employer") { $0.currentEmployer.cell },
        Column("current_title", vi: "Chức danh", en: "Title") { $0.currentTitle.cell },
        Column("legal_experience_years", vi: "Số năm kinh nghiệm pháp lý", en: "Years of legal experience") {
            $0.legalExperienceYears.cell
        },
        Column("education", vi: "Học vấn", en: "Education") { candidate in
            candidate.education.map { e in
                [e.degree.rawValue, e.field, e.institution, e.graduationYear.map(String.init), e.classification?.rawValue]
                    .compactMap { $0 }.joined(separator: ", ")
            }.joined(separator: "; ")
        },
        Column("skills", vi: "Kỹ năng", en: "Skills") { $0.skills.joined(separator: ", ") },
        Column("languages", vi: "Ngoại ngữ", en: "Languages") { $0.languages.joined(separator: ", ") },
        Column("notes", vi: "Ghi chú", en: "Notes") { $0.notes.cell },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let duplicatePair: [Column<DuplicatePair>] = [
        Column("candidate_id", vi: "Mã", en: "ID") { $0.candidate.id },
        Column("candidate_name", vi: "Họ tên", en: "Full name") { $0.candidate.fullName },
        Column("duplicate_id", vi: "Mã hồ sơ trùng", en: "Duplicate ID") { $0.duplicate.id },
        Column("duplicate_name", vi: "Họ tên hồ sơ trùng", en: "Duplicate name") { $0.duplicate.fullName },
        Column("date_of_birth", vi: "Ngày sinh", en: "Date of birth") { $0.candidate.dateOfBirth.cell },
    ]

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

    static let application: [Column<Application>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("position_title", vi: "Vị trí", en: "Position") { $0.positionTitle },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        Column("stage", vi: "Giai đoạn", en: "Stage") { $0.stage.rawValue },
        Column("stage_entered_at", vi: "Từ", en: "Since") { $0.stageEnteredAt.local },
        Column("candidate_id", vi: "Mã ứng viên", en: "Candidate ID") { $0.candidateID.text },
        Column("position_id", vi: "Mã vị trí", en: "Position ID") { $0.positionID.text },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let partner: [Column<Partner>] = [
        Column("code", vi: "Mã", en: "Code") { $0.code },
        Column("name", vi: "Tên", en: "Name") { $0.name },
        Column("kind", vi: "Loại", en: "Kind") { $0.kind.rawValue },
        Column("contact_name", vi: "Người liên hệ", en: "Contact") { $0.contactName.cell },
        Column("contact_email", vi: "E-mail", en: "E-mail") { $0.contactEmail.cell },
        Column("contact_phone", vi: "Điện thoại", en: "Phone") { $0.contactPhone.cell },
    ]

    static let agreement: [Column<Agreement>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("reference", vi: "Số hiệu", en: "Reference") { $0.reference },
        Column("starts_on", vi: "Từ ngày", en: "Starts") { $0.startsOn.description },
        Column("ends_on", vi: "Đến ngày", en: "Ends") { $0.endsOn.description },
        Column("status", vi: "Trạng thái", en: "Status") { $0.status().rawValue },
        Column("yearly_quota", vi: "Chỉ tiêu/năm", en: "Yearly quota") { $0.yearlyQuota.cell },
        Column("fields", vi: "Ngành", en: "Fields") { $0.fields.joined(separator: ", ") },
        Column("training", vi: "Cam kết đào tạo", en: "Training") { $0.training.cell },
    ]

    static let referral: [Column<Referral>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("candidate_id", vi: "Ứng viên", en: "Candidate") { $0.candidateID.text },
        Column("referrer_kind", vi: "Loại người giới thiệu", en: "Referrer kind") { $0.referrerKind.rawValue },
        Column("referrer", vi: "Người giới thiệu", en: "Referrer") { $0.referrerLabel },
        Column("relationship", vi: "Quan hệ", en: "Relationship") { $0.relationship.rawValue },
        Column("credited", vi: "Được ghi nhận", en: "Credited") { $0.credited ? "✓" : "" },
        Column("channel", vi: "Kênh", en: "Channel") { $0.channel },
        Column("created_at", vi: "Thời điểm", en: "Time") { $0.createdAt.local },
        Column("justification", vi: "Lý do giới thiệu", en: "Justification") { $0.justification },
    ]

    static let referrerStats: [Column<ReferrerStats>] = [
        Column("referrer_kind", vi: "Loại", en: "Kind") { $0.referrerKind },
        Column("referrer", vi: "Người giới thiệu", en: "Referrer") { $0.referrerName ?? $0.referrer },
        Column("referrals", vi: "Số giới thiệu", en: "Referrals") { String($0.referrals) },
        Column("credited", vi: "Được ghi nhận", en: "Credited") { String($0.credited) },
        Column("reached_evaluation", vi: "Vào đánh giá", en: "Reached evaluation") { String($0.reachedEvaluation) },
        Column("hired", vi: "Được tuyển", en: "Hired") { String($0.hired) },
        Column("rejected", vi: "Không được chọn", en: "Rejected") { String($0.rejected) },
        Column("median_panel_score", vi: "Điểm hội đồng (trung vị)", en: "Median panel score") {
            $0.medianPanelScore.map { String(format: "%.2f", $0) } ?? ""
        },
    ]

    static let nomination: [Column<NominationView>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("nominator", vi: "Người đề cử", en: "Nominator") { $0.nominator.name },
        Column("status", vi: "Trạng thái", en: "Status") { $0.status.rawValue },
        Column("submitted_at", vi: "Thời điểm", en: "Submitted") { $0.submittedAt.local },
        Column("candidate_id", vi: "Mã ứng viên", en: "Candidate ID") { $0.candidateID?.text ?? "" },
    ]

    static let stageChange: [Column<StageChange>] = [
        Column("at", vi: "Thời điểm", en: "Time") { $0.at.local },
        Column("from", vi: "Từ", en: "From") { $0.from?.rawValue ?? "" },
        Column("to", vi: "Sang", en: "To") { $0.to.rawValue },
        Column("actor", vi: "Người thực hiện", en: "Actor") { $0.actor },
        Column("reason", vi: "Lý do", en: "Reason") { $0.reason.cell },
        Column("days_in_stage", vi: "Số ngày ở giai đoạn", en: "Days in stage") {
            String(format: "%.1f", $0.secondsInStage / 86_400)
        },
    ]

    static let audit: [Column<AuditEntry>] = [
        Column("at", vi: "Thời điểm", en: "Time") { $0.at.local },
        Column("actor", vi: "Người thực hiện", en: "Actor") { $0.actor },
        Column("channel", vi: "Kênh", en: "Channel") { $0.channel.rawValue },
        Column("action", vi: "Thao tác", en: "Action") { $0.action },
        Column("entity_type", vi: "Đối tượng", en: "Entity") { $0.entityType },
        Column("entity_id", vi: "Mã đối tượng", en: "Entity ID") { $0.entityID.lowercased() },
    ]

    static let rubric: [Column<Rubric>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("name", vi: "Tên", en: "Name") { $0.definition.name },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
        Column("status", vi: "Trạng thái", en: "Status") { $0.status.rawValue },
        Column("scale", vi: "Thang điểm", en: "Scale") { "\($0.definition.scaleMin)–\($0.definition.scaleMax)" },
        Column("pass_threshold", vi: "Ngưỡng đạt", en: "Pass threshold") { score($0.definition.passThreshold) },
        Column("min_evaluators", vi: "Số người chấm tối thiểu", en: "Min evaluators") { String($0.definition.minEvaluators) },
        Column("aggregation", vi: "Cách tổng hợp", en: "Aggregation") { $0.definition.aggregation.rawValue },
        Column("criteria", vi: "Số tiêu chí", en: "Criteria") { String($0.definition.criteria.count) },
    ]

    static let criterion: [Column<Criterion>] = [
        Column("key", vi: "Khóa", en: "Key") { $0.key },
        Column("label", vi: "Tiêu chí", en: "Criterion") { $0.label },
        Column("weight", vi: "Trọng số", en: "Weight") { score($0.weight) },
        Column("levels", vi: "Các mức", en: "Levels") { c in
            c.levels.sorted { Int($0.key) ?? 0 < Int($1.key) ?? 0 }.map { "\($0.key): \($0.value)" }.joined(separator: " | ")
        },
    ]

    static let panelMember: [Column<PanelMember>] = [
        Column("evaluator_id", vi: "Mã người chấm", en: "Evaluator ID") { $0.evaluatorID.text },
        Column("evaluator_name", vi: "Người chấm", en: "Evaluator") { $0.evaluatorName },
        Column("status", vi: "Trạng thái", en: "Status") { $0.status.rawValue },
        Column("assigned_at", vi: "Phân công lúc", en: "Assigned") { $0.assignedAt.local },
        Column("recusal_reason", vi: "Lý do rút", en: "Recusal reason") { $0.recusalReason.cell },
    ]

    static let conflict: [Column<ConflictDeclaration>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("user_id", vi: "Người dùng", en: "User") { $0.userID.text },
        Column("candidate_id", vi: "Ứng viên", en: "Candidate") { $0.candidateID.text },
        Column("relationship", vi: "Quan hệ", en: "Relationship") { $0.relationship.rawValue },
        Column("reason", vi: "Lý do", en: "Reason") { $0.reason },
        Column("declared_at", vi: "Thời điểm", en: "Time") { $0.declaredAt.local },
    ]

    static let sheet: [Column<ScoreSheet>] = [
        Column("id", vi: "Mã phiếu", en: "Sheet ID") { $0.id.text },
        Column("evaluator_name", vi: "Người chấm", en: "Evaluator") { $0.evaluatorName },
        Column("revision", vi: "Lần", en: "Revision") { String($0.revision) },
        Column("current", vi: "Hiện hành", en: "Current") { $0.isCurrent ? "✓" : "" },
        Column("scores", vi: "Điểm", en: "Scores") { $0.scores.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") },
        Column("submitted_at", vi: "Nộp lúc", en: "Submitted") { $0.submittedAt.local },
        Column("reason", vi: "Lý do sửa", en: "Amendment reason") { $0.reason.cell },
        Column("comment", vi: "Nhận xét", en: "Comment") { $0.comment.cell },
    ]

    static let panelResult: [Column<PanelResult>] = [
        Column("application_id", vi: "Hồ sơ", en: "Application") { $0.applicationID.text },
        Column("panel_score", vi: "Điểm hội đồng", en: "Panel score") { $0.panelScore.map(score) ?? "" },
        Column("complete", vi: "Đủ hội đồng", en: "Complete") { "\($0.submitted)/\($0.required.cell)" + ($0.complete ? " ✓" : "") },
        Column("passed", vi: "Kết quả", en: "Result") { r in
            r.passed.map { $0 ? "đạt / passed" : "không đạt / failed" } ?? ""
        },
        Column("spread", vi: "Độ chênh", en: "Spread") { $0.spread.map(score) ?? "" },
        Column("disagreement", vi: "Bất đồng", en: "Disagreement") { $0.disagreement ? "⚠" : "" },
        Column("aggregation", vi: "Cách tổng hợp", en: "Aggregation") { $0.aggregation?.rawValue ?? "" },
    ]

    static let evaluatorScore: [Column<PanelResult.EvaluatorScore>] = [
        Column("evaluator_name", vi: "Người chấm", en: "Evaluator") { $0.evaluatorName },
        Column("weighted_score", vi: "Điểm có trọng số", en: "Weighted score") { score($0.weightedScore) },
        Column("trimmed", vi: "Bị loại khi tính", en: "Trimmed") { $0.trimmed ? "✓" : "" },
    ]

    static let criterionMean: [Column<PanelResult.CriterionMean>] = [
        Column("key", vi: "Tiêu chí", en: "Criterion") { $0.label },
        Column("weight", vi: "Trọng số", en: "Weight") { score($0.weight) },
        Column("mean", vi: "Điểm trung bình", en: "Mean") { $0.mean.map(score) ?? "" },
    ]

    static let ranking: [Column<RankedApplication>] = [
        Column("rank", vi: "Hạng", en: "Rank") { $0.rank.cell },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("panel_score", vi: "Điểm hội đồng", en: "Panel score") { $0.panelScore.map(score) ?? "" },
        Column("complete", vi: "Đủ hội đồng", en: "Complete") { "\($0.submitted)/\($0.required.cell)" + ($0.complete ? " ✓" : "") },
        Column("passed", vi: "Đạt", en: "Passed") { $0.passed.map { $0 ? "✓" : "✗" } ?? "" },
        Column("stage", vi: "Giai đoạn", en: "Stage") { $0.stage.rawValue },
        Column("application_id", vi: "Hồ sơ", en: "Application") { $0.applicationID.text },
    ]

    /// A score as people read it: up to two decimals.
    static func score(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text.hasSuffix(".00") ? String(text.dropLast(3)) : text
    }

    static let stage: [Column<StageFigures>] = [
        Column("stage", vi: "Giai đoạn", en: "Stage") { $0.stage.rawValue },
        Column("count", vi: "Hiện có", en: "Now") { String($0.count) },
        Column("reached", vi: "Đã từng vào", en: "Reached") { String($0.reached) },
        Column("conversion", vi: "Tỷ lệ chuyển tiếp", en: "Conversion") { f in
            f.conversion.map { String(format: "%.0f%%", $0 * 100) } ?? ""
        },
        Column("median_days", vi: "Số ngày (trung vị)", en: "Median days") { f in f.medianDays.map { String(format: "%.1f", $0) } ?? "" },
    ]

    static let groupedStage: [Column<GroupedStage>] = [
        Column("group", vi: "Nhóm", en: "Group") { $0.group },
        Column("label", vi: "Tên nhóm", en: "Label") { $0.label },
    ] + stage.map { column in Column(column.field, vi: column.heading.vi, en: column.heading.en) { column.value($0.figures) } }

    static let target: [Column<Target>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        Column("position_kind", vi: "Loại vị trí", en: "Position kind") { $0.positionKind.rawValue },
        Column("count", vi: "Chỉ tiêu", en: "Count") { String($0.count) },
        Column("deadline", vi: "Hạn", en: "Deadline") { $0.deadline.description },
        Column("note", vi: "Ghi chú", en: "Note") { $0.note.cell },
    ]

    static let targetProgress: [Column<TargetProgress>] = [
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.target.agencyCode },
        Column("agency_name", vi: "Tên cơ quan", en: "Agency name") { $0.agencyName },
        Column("position_kind", vi: "Loại vị trí", en: "Position kind") { $0.target.positionKind.rawValue },
        Column("count", vi: "Chỉ tiêu", en: "Count") { String($0.target.count) },
        Column("deadline", vi: "Hạn", en: "Deadline") { $0.target.deadline.description },
        Column("hired", vi: "Đã tuyển", en: "Hired") { String($0.hired) },
        Column("status", vi: "Tình trạng", en: "Status") { $0.status.rawValue },
        Column("id", vi: "Mã", en: "ID") { $0.target.id.text },
    ]

    static let partnerStats: [Column<PartnerStats>] = [
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("agreement_reference", vi: "Thỏa thuận", en: "Agreement") { $0.agreementReference.cell },
        Column("agreement_status", vi: "Trạng thái", en: "Status") { $0.agreementStatus?.rawValue ?? "" },
        Column("nominations", vi: "Đề cử", en: "Nominations") { String($0.nominations) },
        Column("quota_used", vi: "Đã dùng chỉ tiêu năm nay", en: "Quota used this year") { s in
            "\(s.quotaUsed)" + (s.yearlyQuota.map { "/\($0)" } ?? "")
        },
        Column("reached_evaluation", vi: "Vào đánh giá", en: "Reached evaluation") { String($0.reachedEvaluation) },
        Column("hired", vi: "Được tuyển", en: "Hired") { String($0.hired) },
    ]

    static let assignment: [Column<EvaluatorAssignment>] = [
        Column("application_id", vi: "Hồ sơ", en: "Application") { $0.member.applicationID.text },
        Column("candidate_name", vi: "Ứng viên", en: "Candidate") { $0.candidateName },
        Column("position_title", vi: "Vị trí", en: "Position") { $0.positionTitle },
        Column("agency_code", vi: "Cơ quan", en: "Agency") { $0.agencyCode },
        Column("stage", vi: "Giai đoạn", en: "Stage") { $0.stage.rawValue },
        Column("status", vi: "Phiếu", en: "Sheet") { $0.member.status.rawValue },
        Column("evaluator_name", vi: "Người chấm", en: "Evaluator") { $0.member.evaluatorName },
        Column("assigned_at", vi: "Phân công lúc", en: "Assigned") { $0.member.assignedAt.local },
    ]
}
