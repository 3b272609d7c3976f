import Foundation

/// Who a commendation is for: an official (plan III.6, IV.1.e) or the person who found a talent, through the
/// referral (III.3.c).
public enum CommendationSubject: String, Sendable, Codable, CaseIterable, LabeledCode {
    case official, referral

    public var label: LocalizedText {
        switch self {
        case .official: LocalizedText(vi: "công chức", en: "official")
        case .referral: LocalizedText(vi: "người giới thiệu", en: "referrer")
        }
    }
}

public enum CommendationStatus: String, Sendable, Codable, CaseIterable, LabeledCode {
    case proposed, decided

    public var label: LocalizedText {
        switch self {
        case .proposed: LocalizedText(vi: "đã đề nghị", en: "proposed")
        case .decided: LocalizedText(vi: "đã quyết định khen thưởng", en: "decided")
        }
    }
}

/// A commendation (khen thưởng): proposed with a reason, then decided with a number and a date.
public struct Commendation: Sendable, Hashable {
    public var id: UUID
    public var subject: CommendationSubject
    public var officialID: UUID?
    public var referralID: UUID?
    /// The official's name, or the referrer as the referral names them (a person, an agency, a partner, a user).
    public var subjectName: String
    /// The agency of the official, or of the position the referred candidate was hired to (nil: none).
    public var agencyCode: String?
    public var reason: String
    public var status: CommendationStatus
    public var decisionNumber: String?
    public var decidedOn: CalendarDate?
    public var proposedBy: String
    public var proposedAt: Date
    public var decidedBy: String?
    public var version: Int

    public init(id: UUID, subject: CommendationSubject, officialID: UUID?, referralID: UUID?, subjectName: String,
                agencyCode: String?, reason: String, status: CommendationStatus, decisionNumber: String?,
                decidedOn: CalendarDate?, proposedBy: String, proposedAt: Date, decidedBy: String?, version: Int) {
        self.id = id
        self.subject = subject
        self.officialID = officialID
        self.referralID = referralID
        self.subjectName = subjectName
        self.agencyCode = agencyCode
        self.reason = reason
        self.status = status
        self.decisionNumber = decisionNumber
        self.decidedOn = decidedOn
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.decidedBy = decidedBy
        self.version = version
    }
}

/// A proposal as typed: exactly one of an official and a referral, and a reason.
public struct CommendationDraft: Sendable, Hashable {
    public var officialID: String?
    public var referralID: String?
    public var reason: String?

    public init(officialID: String? = nil, referralID: String? = nil, reason: String? = nil) {
        self.officialID = officialID
        self.referralID = referralID
        self.reason = reason
    }
}

public struct ValidCommendation: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case official(UUID)
        case referral(UUID)
    }

    public var target: Target
    public var reason: String

    public init(_ draft: CommendationDraft) throws(ServiceError) {
        var v = FieldValidator()
        let official = v.uuid("official_id", draft.officialID)
        let referral = v.uuid("referral_id", draft.referralID)
        let reason = v.text("reason", draft.reason, required: true, maxLength: 4000, multiline: true)
        if draft.officialID != nil && draft.referralID != nil {
            v.add("official_id", vi: "chỉ ghi một trong official_id và referral_id", en: "give one of official_id and referral_id, not both")
        } else if draft.officialID == nil && draft.referralID == nil {
            v.add("official_id", vi: "cần official_id hoặc referral_id", en: "official_id or referral_id is required")
        }
        guard v.errors.isEmpty, let reason, let target = official.map(Target.official) ?? referral.map(Target.referral)
        else { throw ServiceError.invalid(v.errors) }
        self.target = target
        self.reason = reason
    }
}

/// The decision on a proposal, as typed.
public struct CommendationDecisionDraft: Sendable, Hashable {
    public var number: String?
    public var on: String?

    public init(number: String? = nil, on: String? = nil) {
        self.number = number
        self.on = on
    }
}

public struct CommendationDecision: Sendable, Hashable {
    public var number: String
    public var on: CalendarDate

    public init(_ draft: CommendationDecisionDraft, today: CalendarDate = .today()) throws(ServiceError) {
        var v = FieldValidator()
        let number = v.text("number", draft.number, required: true, maxLength: 100)
        let on = v.date("on", draft.on, required: true, in: CalendarDate(year: 2000, month: 1, day: 1)!...today)
        guard v.errors.isEmpty, let number, let on else { throw ServiceError.invalid(v.errors) }
        self.number = number
        self.on = on
    }
}
