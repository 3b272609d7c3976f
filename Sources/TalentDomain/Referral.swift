import Foundation

public enum ReferrerKind: String, Sendable, Codable, CaseIterable {
    case person, user, agency, partner
    case selfApplication = "self"
}

/// How the referrer knows the candidate, as they declare it.
public enum Relationship: String, Sendable, Codable, CaseIterable {
    case none, teacher, colleague, supervisor, relative, other
}

/// Who recommended a candidate (plan 483, III.3.c: those who find and recommend talent are encouraged and held to
/// account for it).
public struct Referral: Sendable, Hashable {
    public var id: UUID
    public var candidateID: UUID
    public var referrerKind: ReferrerKind
    public var referrerName: String?
    public var referrerTitle: String?
    public var referrerEmail: String?
    public var referrerUserID: UUID?
    public var referrerAgencyCode: String?
    public var referrerPartnerCode: String?
    public var relationship: Relationship
    public var justification: String
    public var channel: String
    public var credited: Bool
    public var createdBy: String
    public var createdAt: Date

    public init(id: UUID, candidateID: UUID, referrerKind: ReferrerKind, referrerName: String?, referrerTitle: String?,
                referrerEmail: String?, referrerUserID: UUID?, referrerAgencyCode: String?, referrerPartnerCode: String?,
                relationship: Relationship, justification: String, channel: String, credited: Bool, createdBy: String,
                createdAt: Date) {
        self.id = id
        self.candidateID = candidateID
        self.referrerKind = referrerKind
        self.referrerName = referrerName
        self.referrerTitle = referrerTitle
        self.referrerEmail = referrerEmail
        self.referrerUserID = referrerUserID
        self.referrerAgencyCode = referrerAgencyCode
        self.referrerPartnerCode = referrerPartnerCode
        self.relationship = relationship
        self.justification = justification
        self.channel = channel
        self.credited = credited
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// A short name of the referrer for people: the person's or user's name, the agency's or partner's code, "self".
    public var referrerLabel: String {
        switch referrerKind {
        case .person, .user: referrerName ?? referrerUserID?.text ?? ""
        case .agency: referrerAgencyCode ?? ""
        case .partner: referrerPartnerCode ?? ""
        case .selfApplication: "self"
        }
    }
}


/// A referral as typed: the kind says which one of the referrer fields names the referrer.
public struct ReferralDraft: Sendable, Hashable {
    public var candidateID: String?
    public var referrerKind: String?
    public var referrerName: String?
    public var referrerTitle: String?
    public var referrerEmail: String?
    public var referrerUserID: String?
    public var referrerAgencyCode: String?
    public var referrerPartnerCode: String?
    public var relationship: String?
    public var justification: String?

    public init(candidateID: String? = nil, referrerKind: String? = nil, referrerName: String? = nil,
                referrerTitle: String? = nil, referrerEmail: String? = nil, referrerUserID: String? = nil,
                referrerAgencyCode: String? = nil, referrerPartnerCode: String? = nil, relationship: String? = nil,
                justification: String? = nil) {
        self.candidateID = candidateID
        self.referrerKind = referrerKind
        self.referrerName = referrerName
        self.referrerTitle = referrerTitle
        self.referrerEmail = referrerEmail
        self.referrerUserID = referrerUserID
        self.referrerAgencyCode = referrerAgencyCode
        self.referrerPartnerCode = referrerPartnerCode
        self.relationship = relationship
        self.justification = justification
    }
}

public struct ValidReferral: Sendable, Hashable {
    public var candidateID: UUID
    public var kind: ReferrerKind
    public var name: String?
    public var title: String?
    public var email: String?
    public var userID: UUID?
    public var agencyCode: String?
    public var partnerCode: String?
    public var relationship: Relationship
    public var justification: String

    public init(_ draft: ReferralDraft) throws(ServiceError) {
        var v = FieldValidator()
        let candidate = v.uuid("candidate_id", draft.candidateID, required: true)
        let kind = v.oneOf("referrer_kind", draft.referrerKind, ReferrerKind.self, required: true)
        name = v.personName("referrer_name", draft.referrerName, required: kind == .person)
        title = v.text("referrer_title", draft.referrerTitle, maxLength: 200)
        email = v.email("referrer_email", draft.referrerEmail)
        // Checked whatever the kind, so a malformed id is never silently dropped; kept for a staff user only.
        let userID = v.uuid("referrer_user_id", draft.referrerUserID, required: kind == .user)
        if kind == .user { self.userID = userID }
        agencyCode = v.code("referrer_agency_code", draft.referrerAgencyCode, required: kind == .agency)
        partnerCode = v.code("referrer_partner_code", draft.referrerPartnerCode, required: kind == .partner)
        relationship = v.oneOf("relationship", draft.relationship ?? Relationship.none.rawValue, Relationship.self) ?? .none
        let justification = v.text("justification", draft.justification, required: true, maxLength: 5000, multiline: true)
        guard v.errors.isEmpty, let candidate, let kind, let justification else { throw ServiceError.invalid(v.errors) }
        candidateID = candidate
        self.kind = kind
        self.justification = justification
        if kind != .agency { agencyCode = nil }
        if kind != .partner { partnerCode = nil }
        if kind == .selfApplication { relationship = .none }
    }
}

extension ValidReferral {
    /// The referral a partner's nomination becomes: its nominator, already checked with the nomination.
    public init(nominationBy partnerCode: String, nominator: Nominator, of candidateID: UUID, relationship: Relationship,
                justification: String) {
        self.candidateID = candidateID
        kind = .partner
        name = nominator.name
        title = nominator.title
        email = nominator.email
        userID = nil
        agencyCode = nil
        self.partnerCode = partnerCode
        self.relationship = relationship
        self.justification = justification
    }
}

extension ReferrerKind {
    public var label: LocalizedText {
        switch self {
        case .person: LocalizedText(vi: "cá nhân giới thiệu", en: "a person")
        case .user: LocalizedText(vi: "cán bộ trong hệ thống", en: "a staff user")
        case .agency: LocalizedText(vi: "cơ quan", en: "an agency")
        case .partner: LocalizedText(vi: "trường đối tác", en: "a partner")
        case .selfApplication: LocalizedText(vi: "tự ứng tuyển", en: "self-application")
        }
    }
}

extension ReferrerKind: LabeledCode {}

extension Relationship: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .none: LocalizedText(vi: "không có quan hệ", en: "none")
        case .teacher: LocalizedText(vi: "giảng viên, thầy cô", en: "teacher")
        case .colleague: LocalizedText(vi: "đồng nghiệp", en: "colleague")
        case .supervisor: LocalizedText(vi: "cấp trên", en: "supervisor")
        case .relative: LocalizedText(vi: "người thân", en: "relative")
        case .other: LocalizedText(vi: "khác", en: "other")
        }
    }
}
