import Foundation
import TalentDomain

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
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let audit: [Column<AuditEntry>] = [
        Column("at", vi: "Thời điểm", en: "Time") { $0.at.local },
        Column("actor", vi: "Người thực hiện", en: "Actor") { $0.actor },
        Column("channel", vi: "Kênh", en: "Channel") { $0.channel.rawValue },
        Column("action", vi: "Thao tác", en: "Action") { $0.action },
        Column("entity_type", vi: "Đối tượng", en: "Entity") { $0.entityType },
        Column("entity_id", vi: "Mã đối tượng", en: "Entity ID") { $0.entityID.lowercased() },
    ]
}
