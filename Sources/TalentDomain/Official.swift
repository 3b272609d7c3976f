import Foundation

/// The kind of legal-drafting work an official in post does (plan 483, II.2).
public enum OfficialKind: String, Sendable, Codable, CaseIterable, LabeledCode {
    /// Công chức pháp chế chuyên trách: the dedicated legal-affairs officer of a department (II.2.e).
    case legalAffairsOfficer = "legal_affairs_officer"
    /// Lực lượng nòng cốt xây dựng pháp luật: the core drafting force of the Department of Justice (II.2.đ).
    case coreDraftingOfficer = "core_drafting_officer"
    /// Chuyên viên tham mưu xây dựng pháp luật.
    case draftingAdvisor = "drafting_advisor"
    /// Other officials doing drafting work (cán bộ, công chức làm công tác xây dựng pháp luật).
    case draftingStaff = "drafting_staff"

    public var label: LocalizedText {
        switch self {
        case .legalAffairsOfficer: LocalizedText(vi: "công chức pháp chế chuyên trách", en: "legal-affairs officer")
        case .coreDraftingOfficer: LocalizedText(vi: "lực lượng nòng cốt xây dựng pháp luật", en: "core drafting officer")
        case .draftingAdvisor: LocalizedText(vi: "chuyên viên tham mưu xây dựng pháp luật", en: "drafting adviser")
        case .draftingStaff: LocalizedText(vi: "công chức làm công tác xây dựng pháp luật", en: "drafting staff")
        }
    }

    /// The kind of work a hire to a position of this kind does.
    public init(position: PositionKind) {
        switch position {
        case .legalAffairsOfficer: self = .legalAffairsOfficer
        case .coreDraftingOfficer: self = .coreDraftingOfficer
        case .draftingAdvisor: self = .draftingAdvisor
        case .other: self = .draftingStaff
        }
    }

    /// The position kind whose target an official of this kind counts toward (nil: no target kind matches).
    public var positionKind: PositionKind? {
        switch self {
        case .legalAffairsOfficer: .legalAffairsOfficer
        case .coreDraftingOfficer: .coreDraftingOfficer
        case .draftingAdvisor: .draftingAdvisor
        case .draftingStaff: nil
        }
    }
}

/// An official in post doing legal-drafting work at an agency: hired through the tracker (the candidate and the
/// decision linked) or already in post. In post on a day when `since <= day < until` (`until` nil: still in post).
public struct Official: Sendable, Hashable {
    public var id: UUID
    public var fullName: String
    public var agencyCode: String
    public var kind: OfficialKind
    /// Part of the core force of plan II.2.đ (the core kind is always; others when developed into it).
    public var coreForce: Bool
    public var candidateID: UUID?
    public var decisionID: UUID?
    public var since: CalendarDate
    public var until: CalendarDate?
    public var leaveReason: String?
    public var version: Int
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, fullName: String, agencyCode: String, kind: OfficialKind, coreForce: Bool, candidateID: UUID?,
                decisionID: UUID?, since: CalendarDate, until: CalendarDate?, leaveReason: String?, version: Int,
                createdBy: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.fullName = fullName
        self.agencyCode = agencyCode
        self.kind = kind
        self.coreForce = coreForce
        self.candidateID = candidateID
        self.decisionID = decisionID
        self.since = since
        self.until = until
        self.leaveReason = leaveReason
        self.version = version
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public func inPost(on day: CalendarDate) -> Bool {
        since <= day && (until.map { day < $0 } ?? true)
    }
}

/// An official as typed.
public struct OfficialDraft: Sendable, Hashable {
    public var fullName: String?
    public var agencyCode: String?
    public var kind: String?
    public var coreForce: Bool?
    public var candidateID: String?
    public var since: String?

    public init(fullName: String? = nil, agencyCode: String? = nil, kind: String? = nil, coreForce: Bool? = nil,
                candidateID: String? = nil, since: String? = nil) {
        self.fullName = fullName
        self.agencyCode = agencyCode
        self.kind = kind
        self.coreForce = coreForce
        self.candidateID = candidateID
        self.since = since
    }
}

/// An official checked: a name, an agency, a kind; `since` defaults to today and is not in the future.
public struct ValidOfficial: Sendable, Hashable {
    public var fullName: String
    public var agencyCode: String
    public var kind: OfficialKind
    public var coreForce: Bool
    public var candidateID: UUID?
    public var since: CalendarDate

    public init(_ draft: OfficialDraft, today: CalendarDate = .today()) throws(ServiceError) {
        var v = FieldValidator()
        let name = v.personName("full_name", draft.fullName)
        let agency = v.code("agency_code", draft.agencyCode)
        let kind = v.oneOf("kind", draft.kind, OfficialKind.self, required: true)
        let candidate = v.uuid("candidate_id", draft.candidateID)
        let since = v.date("since", draft.since, in: CalendarDate(year: 1950, month: 1, day: 1)!...today) ?? today
        guard v.errors.isEmpty, let name, let agency, let kind else { throw ServiceError.invalid(v.errors) }
        self.init(fullName: name, agencyCode: agency, kind: kind,
                  coreForce: (draft.coreForce ?? false) || kind == .coreDraftingOfficer, candidateID: candidate,
                  since: since)
    }

    public init(fullName: String, agencyCode: String, kind: OfficialKind, coreForce: Bool, candidateID: UUID?,
                since: CalendarDate) {
        self.fullName = fullName
        self.agencyCode = agencyCode
        self.kind = kind
        self.coreForce = coreForce || kind == .coreDraftingOfficer
        self.candidateID = candidateID
        self.since = since
    }
}

/// An official leaving post, as typed: the first day out of post, and why.
public struct OfficialLeaveDraft: Sendable, Hashable {
    public var on: String?
    public var reason: String?

    public init(on: String? = nil, reason: String? = nil) {
        self.on = on
        self.reason = reason
    }
}

public struct OfficialLeave: Sendable, Hashable {
    public var on: CalendarDate
    public var reason: String?

    public init(_ draft: OfficialLeaveDraft) throws(ServiceError) {
        var v = FieldValidator()
        let on = v.date("on", draft.on, required: true, in: CalendarDate(year: 1950, month: 1, day: 1)!...CalendarDate(year: 2100, month: 12, day: 31)!)
        let reason = v.text("reason", draft.reason, maxLength: 2000, multiline: true)
        guard v.errors.isEmpty, let on else { throw ServiceError.invalid(v.errors) }
        self.on = on
        self.reason = reason
    }
}

/// What may change on an official: the kind of work, the core-force mark. Who they are and where they work is fixed
/// (a move to another agency is a leave and a new record; a merger moves them with their agency).
public struct OfficialChange: Sendable, Hashable {
    public var kind: OfficialKind?
    public var coreForce: Bool?

    public init(kind: String?, coreForce: Bool?) throws(ServiceError) {
        var v = FieldValidator()
        self.kind = v.oneOf("kind", kind, OfficialKind.self)
        self.coreForce = coreForce
        if kind == nil && coreForce == nil {
            v.add("kind", vi: "cần ít nhất một trường để thay đổi (kind, core_force)",
                  en: "name at least one field to change (kind, core_force)")
        }
        try v.check()
    }
}
