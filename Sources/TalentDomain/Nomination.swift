import Foundation

/// What a partner reads about its nominations: coarse, never another partner's work.
public enum NominationStatus: String, Sendable, Codable, CaseIterable {
    case received
    case underReview = "under_review"
    case inPool = "in_pool"
    case hired
    case notSelected = "not_selected"

}

/// A nomination's coarse status moved: what its partner is told (webhook `nomination.status_changed`).
public struct NominationStatusChange: Sendable, Hashable {
    public var nominationID: UUID
    public var partnerCode: String
    public var from: NominationStatus
    public var to: NominationStatus
    public var at: Date

    public init(nominationID: UUID, partnerCode: String, from: NominationStatus, to: NominationStatus, at: Date) {
        self.nominationID = nominationID
        self.partnerCode = partnerCode
        self.from = from
        self.to = to
        self.at = at
    }
}

/// HR's triage of a nomination: looked at, declined with a reason, or taken forward as an application.
public enum NominationTriage: String, Sendable, Codable, CaseIterable {
    case new
    case reviewed
    case declined
    case accepted
}

extension NominationTriage: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .new: LocalizedText(vi: "mới, chưa xem", en: "new")
        case .reviewed: LocalizedText(vi: "đã xem xét", en: "reviewed")
        case .declined: LocalizedText(vi: "không tiếp nhận", en: "declined")
        case .accepted: LocalizedText(vi: "đã chuyển thành hồ sơ dự tuyển", en: "taken forward as an application")
        }
    }
}

/// The nominating teacher or official at the partner.
public struct Nominator: Sendable, Hashable, Codable {
    public var name: String
    public var title: String?
    public var email: String?

    public init(name: String, title: String?, email: String?) {
        self.name = name
        self.title = title
        self.email = email
    }
}

/// A nomination as a partner sends it, before it is checked.
public struct NominationDraft: Sendable, Hashable {
    public var candidate: CandidateDraft
    public var positionID: String?
    public var nominatorName: String?
    public var nominatorTitle: String?
    public var nominatorEmail: String?
    public var relationship: String?
    public var justification: String?
    public var consentObtainedAt: String?
    public var consentNoticeVersion: String?
    /// `consent.purposes`: nil means recruitment only.
    public var consentPurposes: [String]?

    public init(candidate: CandidateDraft, positionID: String? = nil, nominatorName: String? = nil,
                nominatorTitle: String? = nil, nominatorEmail: String? = nil, relationship: String? = nil,
                justification: String? = nil, consentObtainedAt: String? = nil, consentNoticeVersion: String? = nil,
                consentPurposes: [String]? = nil) {
        self.candidate = candidate
        self.positionID = positionID
        self.nominatorName = nominatorName
        self.nominatorTitle = nominatorTitle
        self.nominatorEmail = nominatorEmail
        self.relationship = relationship
        self.justification = justification
        self.consentObtainedAt = consentObtainedAt
        self.consentNoticeVersion = consentNoticeVersion
        self.consentPurposes = consentPurposes
    }
}

/// A checked nomination.
public struct ValidNomination: Sendable, Hashable {
    public var candidate: ValidCandidate
    public var positionID: UUID?
    public var nominator: Nominator
    public var relationship: Relationship
    public var justification: String
    public var consentObtainedAt: Date
    public var consentNoticeVersion: String
    /// What the person consented to through the partner: recruitment, and the talent pool if they also agreed to it.
    public var consentPurposes: [ConsentPurpose]

    /// How long a talent-pool consent given through a partner runs, the nomination naming no end.
    public static let talentPoolYears = 2

    /// The key that makes two nominations the same person: the citizen ID, else the e-mail.
    public var personKey: String {
        candidate.citizenID.map { "citizen_id:" + $0 } ?? "email:" + (candidate.email ?? "")
    }

    public init(_ draft: NominationDraft, now: Date = Date()) throws(ServiceError) {
        var errors: [FieldError] = []
        var candidate: ValidCandidate?
        do {
            candidate = try ValidCandidate(draft.candidate)
        } catch {
            errors += error.fieldErrors.map { FieldError("candidate." + $0.field, vi: $0.message.vi, en: $0.message.en) }
        }
        var v = FieldValidator()
        positionID = v.uuid("position_id", draft.positionID)
        let name = v.personName("nominator.name", draft.nominatorName)
        let title = v.text("nominator.title", draft.nominatorTitle, maxLength: 200)
        let email = v.email("nominator.email", draft.nominatorEmail)
        relationship = v.oneOf("relationship", draft.relationship ?? Relationship.none.rawValue, Relationship.self) ?? .none
        let justification = v.text("justification", draft.justification, required: true, maxLength: 5000, multiline: true)
        var obtained: Date?
        if let raw = draft.consentObtainedAt {
            obtained = (try? Date(raw, strategy: Date.ISO8601FormatStyle()))
                ?? (try? Date(raw, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            if let time = obtained, time > now.addingTimeInterval(300) {
                v.add("consent.obtained_at", vi: "không được ở tương lai", en: "must not be in the future")
            } else if obtained == nil {
                v.add("consent.obtained_at", vi: "phải là thời điểm ISO 8601, ví dụ 2026-11-02T09:00:00Z",
                      en: "must be an ISO 8601 time such as 2026-11-02T09:00:00Z")
            }
        } else {
            v.add("consent.obtained_at", vi: "bắt buộc: sự đồng ý của ứng viên", en: "is required: the candidate's consent")
        }
        let notice = v.text("consent.notice_version", draft.consentNoticeVersion, required: true, maxLength: 50)
        var purposes: [ConsentPurpose] = []
        for (i, raw) in (draft.consentPurposes ?? [ConsentPurpose.recruitment.rawValue]).enumerated() {
            if let purpose = v.oneOf("consent.purposes[\(i)]", raw, ConsentPurpose.self, required: true),
               !purposes.contains(purpose) {
                purposes.append(purpose)
            }
        }
        if draft.consentPurposes != nil, !purposes.contains(.recruitment) {
            v.add("consent.purposes", vi: "phải gồm recruitment: đề cử là để tuyển dụng",
                  en: "must include recruitment: a nomination is for recruitment")
        }
        errors += v.errors
        if let candidate, candidate.citizenID == nil, candidate.email == nil {
            errors.append(FieldError("candidate.citizen_id", vi: "cần số CCCD hoặc e-mail của ứng viên",
                                     en: "a citizen ID or an e-mail of the candidate is required"))
        }
        guard errors.isEmpty, let candidate, let name, let justification, let obtained, let notice else {
            throw ServiceError.invalid(errors)
        }
        self.candidate = candidate
        nominator = Nominator(name: name, title: title, email: email)
        self.justification = justification
        consentObtainedAt = obtained
        consentNoticeVersion = notice
        consentPurposes = purposes
    }
}

/// A nomination as read back: by its partner (masked, coarse) or by staff (with the links).
public struct NominationView: Sendable, Hashable {
    public var id: UUID
    public var status: NominationStatus
    public var submittedAt: Date
    public var partnerCode: String
    public var candidateName: String
    public var candidateDateOfBirth: String?
    public var candidateCitizenID: String?
    public var candidateEmail: String?
    public var positionID: UUID?
    public var nominator: Nominator
    public var relationship: String
    public var justification: String
    public var consentObtainedAt: Date
    public var consentNoticeVersion: String
    /// Staff only: the records the nomination became.
    public var candidateID: UUID?
    public var referralID: UUID?
    public var applicationID: UUID?
    public var stage: PipelineStage?
    /// Whether this nomination opened its application (false: it found one already open, someone else's work).
    public var openedApplication: Bool
    /// HR's triage; the reason is the one given to the partner when it is declined.
    public var triage: NominationTriage
    public var triageReason: String?
    /// Staff only: who triaged it, and when.
    public var triagedBy: String?
    public var triagedAt: Date?
    /// When `status` last changed (nil: never, it is still `received`).
    public var statusChangedAt: Date?

    public init(id: UUID, status: NominationStatus, submittedAt: Date, partnerCode: String, candidateName: String,
                candidateDateOfBirth: String?, candidateCitizenID: String?, candidateEmail: String?, positionID: UUID?,
                nominator: Nominator, relationship: String, justification: String, consentObtainedAt: Date,
                consentNoticeVersion: String, candidateID: UUID?, referralID: UUID?, applicationID: UUID?,
                stage: PipelineStage?, openedApplication: Bool = true, triage: NominationTriage = .new,
                triageReason: String? = nil, triagedBy: String? = nil, triagedAt: Date? = nil,
                statusChangedAt: Date? = nil) {
        self.id = id
        self.status = status
        self.submittedAt = submittedAt
        self.partnerCode = partnerCode
        self.candidateName = candidateName
        self.candidateDateOfBirth = candidateDateOfBirth
        self.candidateCitizenID = candidateCitizenID
        self.candidateEmail = candidateEmail
        self.positionID = positionID
        self.nominator = nominator
        self.relationship = relationship
        self.justification = justification
        self.consentObtainedAt = consentObtainedAt
        self.consentNoticeVersion = consentNoticeVersion
        self.candidateID = candidateID
        self.referralID = referralID
        self.applicationID = applicationID
        self.stage = stage
        self.openedApplication = openedApplication
        self.triage = triage
        self.triageReason = triageReason
        self.triagedBy = triagedBy
        self.triagedAt = triagedAt
        self.statusChangedAt = statusChangedAt
    }

    /// What the partner itself may see: its own submission, the citizen ID masked, the coarse status (which follows
    /// the person's progress) and the reason of a decline, no internal links and not who triaged it.
    public var forPartner: NominationView {
        var copy = self
        copy.candidateCitizenID = candidateCitizenID.map(Self.mask)
        if triage != .declined { copy.triageReason = nil }
        copy.triagedBy = nil
        copy.candidateID = nil
        copy.referralID = nil
        copy.applicationID = nil
        copy.stage = nil
        return copy
    }

    /// `082301000123` → `0823******23`.
    public static func mask(_ citizenID: String) -> String {
        guard citizenID.count > 6 else { return String(repeating: "*", count: citizenID.count) }
        return String(citizenID.prefix(4)) + String(repeating: "*", count: citizenID.count - 6) + String(citizenID.suffix(2))
    }
}

extension NominationStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .received: LocalizedText(vi: "đã tiếp nhận", en: "received")
        case .underReview: LocalizedText(vi: "đang xem xét", en: "under review")
        case .inPool: LocalizedText(vi: "trong nguồn dự trữ", en: "in the talent pool")
        case .hired: LocalizedText(vi: "đã được tuyển dụng", en: "hired")
        case .notSelected: LocalizedText(vi: "không được chọn", en: "not selected")
        }
    }
}

/// HR's triage as asked for, checked: `reviewed`; `declined` with the reason the partner will read; `accepted`
/// (taken forward as an application, into `position_id` when the nomination named none).
public struct ValidTriage: Sendable, Hashable {
    public var triage: NominationTriage
    public var reason: String?
    public var positionID: UUID?

    public init(triage: String?, reason: String?, positionID: String?) throws(ServiceError) {
        var v = FieldValidator()
        let triage = v.oneOf("triage", triage, NominationTriage.self, required: true)
        if triage == .new {
            v.add("triage", vi: "phải là reviewed, declined hoặc accepted", en: "must be reviewed, declined or accepted")
        }
        let reason = v.text("reason", reason, required: triage == .declined, maxLength: 2000, multiline: true)
        let position = v.uuid("position_id", positionID)
        if position != nil, triage != .accepted {
            v.add("position_id", vi: "chỉ dùng khi chuyển đề cử thành hồ sơ (accepted)",
                  en: "is only for taking the nomination forward (accepted)")
        }
        try v.check()
        self.triage = triage ?? .reviewed
        self.reason = reason
        self.positionID = position
    }
}
