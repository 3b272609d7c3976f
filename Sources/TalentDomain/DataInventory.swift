import Foundation

/// One column that holds personal data, as its schema annotation says (`COMMENT ON COLUMN … IS 'personal:
/// CATEGORY; purpose: PURPOSE; retention: RULE'`, migration 0015): the inventory of Law 91/2025/QH15 Art. 21–22 is
/// read from the schema, never written by hand.
public struct DataInventoryItem: Sendable, Hashable {
    public var table: String
    public var column: String
    /// A `PersonalDataCategory` code (an unknown code is shown as written).
    public var category: String
    /// A `DataPurpose` code.
    public var purpose: String
    /// A `RetentionRule` code.
    public var retention: String
    /// Sensitive personal data (Decree 356/2025/NĐ-CP Art. 4: ethnicity, religion, health, images of the CCCD card…),
    /// annotated `sensitive: yes`: a notice that it is sensitive, restricted access, encryption in transfer.
    public var sensitive: Bool

    public init(table: String, column: String, category: String, purpose: String, retention: String,
                sensitive: Bool = false) {
        self.table = table
        self.column = column
        self.category = category
        self.purpose = purpose
        self.retention = retention
        self.sensitive = sensitive
    }

    /// The item a column's comment describes; nil when the comment does not start with `personal:` (no comment,
    /// or `not personal: …`).
    public init?(table: String, column: String, comment: String) {
        var fields: [String: String] = [:]
        for part in comment.split(separator: ";") {
            let pair = part.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            fields[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] = pair[1].trimmingCharacters(in: .whitespaces)
        }
        guard comment.trimmingCharacters(in: .whitespaces).hasPrefix("personal:"), let category = fields["personal"]
        else { return nil }
        self.init(table: table, column: column, category: category, purpose: fields["purpose"] ?? "",
                  retention: fields["retention"] ?? "", sensitive: fields["sensitive"]?.lowercased() == "yes")
    }
}

extension DataInventoryItem {
    /// The words in a column's name that suggest it holds personal data; such a column must carry an annotation
    /// (`personal: …` or `not personal: …`).
    public static let suggestiveWords = [
        "name", "email", "phone", "citizen", "birth", "address", "gender", "contact", "actor", "employer", "referrer",
        "note", "comment", "reason", "justification", "basis", "description", "password",
    ]
    /// Whole column names that do (JSON documents and bodies that copy a person's data).
    public static let suggestiveNames = ["submitted", "changes", "response_body", "scores", "value", "key"]
    /// Endings that do: `recorded_by`, `created_by` name who acted.
    public static let suggestiveEndings = ["_by"]

    public static func suggestsPersonalData(_ column: String) -> Bool {
        suggestiveWords.contains { column.contains($0) } || suggestiveNames.contains(column)
            || suggestiveEndings.contains { column.hasSuffix($0) }
    }

    /// The words in a column's name that suggest sensitive data (Decree 356/2025/NĐ-CP Art. 4); such a column must
    /// be annotated `personal: …; sensitive: yes`. The citizen ID number itself is ordinary personal data; an image
    /// of the card is not.
    public static let sensitiveWords = [
        "ethnic", "religio", "faith", "health", "medical", "disability", "biometric", "fingerprint", "criminal", "sexual",
        "political", "card_image", "card_scan", "id_image", "id_scan", "portrait", "photo",
    ]

    public static func suggestsSensitiveData(_ column: String) -> Bool {
        sensitiveWords.contains { column.lowercased().contains($0) }
    }

    /// Whether the comment marks the column `sensitive: yes`.
    public static func isSensitiveAnnotation(_ comment: String) -> Bool {
        DataInventoryItem(table: "", column: "", comment: comment)?.sensitive ?? false
    }

    /// `personal: …` or `not personal: …`.
    public static func isAnnotation(_ comment: String) -> Bool {
        let text = comment.trimmingCharacters(in: .whitespaces)
        return text.hasPrefix("personal:") || text.hasPrefix("not personal:")
    }
}

/// What kind of personal data a column holds.
public enum PersonalDataCategory: String, Sendable, CaseIterable, LabeledCode {
    case identity, contact, profile, education, career, evaluation, referral, consent
    case freeText = "free_text", staff, credential, network, reference

    public var label: LocalizedText {
        switch self {
        case .identity: LocalizedText(vi: "nhận dạng (họ tên, ngày sinh, số CCCD, giới tính)", en: "identity (name, date of birth, citizen ID, gender)")
        case .contact: LocalizedText(vi: "liên lạc (thư điện tử, điện thoại)", en: "contact (e-mail, phone)")
        case .profile: LocalizedText(vi: "hồ sơ cá nhân", en: "profile")
        case .education: LocalizedText(vi: "học vấn", en: "education")
        case .career: LocalizedText(vi: "công tác, kinh nghiệm", en: "career")
        case .evaluation: LocalizedText(vi: "kết quả đánh giá", en: "evaluation")
        case .referral: LocalizedText(vi: "người giới thiệu, quan hệ", en: "referral and relationships")
        case .consent: LocalizedText(vi: "sự đồng ý", en: "consent")
        case .freeText: LocalizedText(vi: "văn bản tự do (có thể chứa dữ liệu cá nhân)", en: "free text (may hold personal data)")
        case .staff: LocalizedText(vi: "cán bộ thao tác", en: "staff who acted")
        case .credential: LocalizedText(vi: "thông tin đăng nhập (dạng băm)", en: "credential (hashed)")
        case .network: LocalizedText(vi: "địa chỉ mạng", en: "network address")
        case .reference: LocalizedText(vi: "liên kết tới ứng viên", en: "link to a candidate")
        }
    }
}

/// Why it is processed.
public enum DataPurpose: String, Sendable, CaseIterable, LabeledCode {
    case recruitment, evaluation
    case referralCredit = "referral_credit"
    case partnership, accounts, security, accountability
    case dataSubjectRights = "data_subject_rights"
    case breachRecord = "breach_record"
    /// The officials doing legal-drafting work, their training and commendation (plan 483, II.2).
    case workforce

    public var label: LocalizedText {
        switch self {
        case .recruitment: LocalizedText(vi: "tuyển dụng", en: "recruitment")
        case .evaluation: LocalizedText(vi: "đánh giá ứng viên", en: "evaluating candidates")
        case .referralCredit: LocalizedText(vi: "ghi nhận người giới thiệu", en: "crediting referrals")
        case .partnership: LocalizedText(vi: "hợp tác với trường", en: "partnerships")
        case .accounts: LocalizedText(vi: "tài khoản cán bộ", en: "staff accounts")
        case .security: LocalizedText(vi: "an toàn đăng nhập", en: "sign-in security")
        case .accountability: LocalizedText(vi: "truy vết trách nhiệm", en: "accountability")
        case .dataSubjectRights: LocalizedText(vi: "thực hiện quyền của chủ thể dữ liệu", en: "data subjects' rights")
        case .breachRecord: LocalizedText(vi: "hồ sơ vi phạm dữ liệu", en: "breach record")
        case .workforce: LocalizedText(vi: "quản lý, bồi dưỡng đội ngũ làm công tác xây dựng pháp luật",
                                       en: "managing and training the legal-drafting workforce")
        }
    }
}

/// How long it is kept.
public enum RetentionRule: String, Sendable, CaseIterable, LabeledCode {
    case candidate, account, session
    case signIn = "sign_in"
    case partner, audit, request, breach, idempotency
    /// A message to send: removed some time after it was delivered or given up, and with the person it is about.
    case outbox
    /// An official's record follows the civil servant's file (hồ sơ công chức), not the candidate's retention rule.
    case personnelFile = "personnel_file"

    public var label: LocalizedText {
        switch self {
        case .candidate:
            LocalizedText(vi: "đến khi xóa hồ sơ ứng viên (Luật 91/2025/QH15 Điều 25.1)",
                          en: "until the candidate is erased (Law 91/2025/QH15 Art. 25.1)")
        case .account: LocalizedText(vi: "khi tài khoản cán bộ còn tồn tại", en: "while the staff account exists")
        case .session: LocalizedText(vi: "đến khi phiên đăng nhập hết hạn", en: "until the session expires")
        case .signIn: LocalizedText(vi: "đến khi hết thời gian khóa đăng nhập", en: "until the sign-in lock ends")
        case .partner: LocalizedText(vi: "khi trường đối tác còn được ghi nhận", en: "while the partner is recorded")
        case .audit: LocalizedText(vi: "suốt đời nhật ký kiểm toán (chỉ thêm, không sửa)", en: "the audit trail's life (append-only)")
        case .request: LocalizedText(vi: "cùng hồ sơ ứng viên, để chứng minh đã trả lời yêu cầu", en: "with the candidate's record, as proof the request was answered")
        case .breach: LocalizedText(vi: "lưu lâu dài: biên bản vi phạm theo Điều 23", en: "kept: the written record of Art. 23")
        case .idempotency: LocalizedText(vi: "đến khi khóa Idempotency-Key hết hạn", en: "until the Idempotency-Key expires")
        case .outbox: LocalizedText(vi: "90 ngày sau khi gửi hoặc thôi gửi; xóa cùng hồ sơ ứng viên",
                                    en: "90 days after it was sent or given up; erased with the candidate")
        case .personnelFile: LocalizedText(vi: "theo hồ sơ công chức (lưu cùng hồ sơ cán bộ, công chức)",
                                           en: "with the civil servant's personnel file")
        }
    }
}
