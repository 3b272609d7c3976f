import Foundation

/// The kinds of post the plan counts.
public enum PositionKind: String, Sendable, Codable, CaseIterable {
    /// Công chức pháp chế chuyên trách: a dedicated legal-affairs officer (one in every provincial department).
    case legalAffairsOfficer = "legal_affairs_officer"
    /// Lực lượng nòng cốt xây dựng pháp luật: the Department of Justice's core drafting force.
    case coreDraftingOfficer = "core_drafting_officer"
    case draftingAdvisor = "drafting_advisor"
    case other
}

public enum PositionStatus: String, Sendable, Codable, CaseIterable {
    case open
    case onHold = "on_hold"
    case filled
    case closed
}

/// An opening at an agency.
public struct Position: Sendable, Hashable {
    public var id: UUID
    public var agencyCode: String
    public var title: String
    public var kind: PositionKind
    public var openings: Int
    public var targetDate: CalendarDate?
    public var status: PositionStatus
    public var description: String?
    /// Applications now in `hired` for this position.
    public var hired: Int
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, agencyCode: String, title: String, kind: PositionKind, openings: Int, targetDate: CalendarDate?,
                status: PositionStatus, description: String?, hired: Int, version: Int, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.agencyCode = agencyCode
        self.title = title
        self.kind = kind
        self.openings = openings
        self.targetDate = targetDate
        self.status = status
        self.description = description
        self.hired = hired
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A position as typed, before it is checked (also a patch: `fields` names what an update changes).
public struct PositionDraft: Sendable, Hashable {
    public var agencyCode: String?
    public var title: String?
    public var kind: String?
    public var openings: Int?
    public var targetDate: String?
    public var status: String?
    public var description: String?

    public init(agencyCode: String? = nil, title: String? = nil, kind: String? = nil, openings: Int? = nil,
                targetDate: String? = nil, status: String? = nil, description: String? = nil) {
        self.agencyCode = agencyCode
        self.title = title
        self.kind = kind
        self.openings = openings
        self.targetDate = targetDate
        self.status = status
        self.description = description
    }

    /// The fields of a position, by their API names; an update names the ones it changes.
    public enum Field: String, Sendable, CaseIterable {
        case agencyCode = "agency_code", title, kind, openings, targetDate = "target_date", status, description
    }

    /// This draft with the named fields taken from `patch` (a field named there but nil in it is cleared).
    public func applying(_ patch: PositionDraft, fields: Set<Field>) -> PositionDraft {
        var result = self
        for field in fields {
            switch field {
            case .agencyCode: result.agencyCode = patch.agencyCode
            case .title: result.title = patch.title
            case .kind: result.kind = patch.kind
            case .openings: result.openings = patch.openings
            case .targetDate: result.targetDate = patch.targetDate
            case .status: result.status = patch.status
            case .description: result.description = patch.description
            }
        }
        return result
    }
}

public struct ValidPosition: Sendable, Hashable {
    public var agencyCode: String
    public var title: String
    public var kind: PositionKind
    public var openings: Int
    public var targetDate: CalendarDate?
    public var status: PositionStatus
    public var description: String?

    public init(_ draft: PositionDraft) throws(ServiceError) {
        var v = FieldValidator()
        let agency = v.code("agency", draft.agencyCode)
        let title = v.text("title", draft.title, required: true, maxLength: 300)
        let kind = v.oneOf("kind", draft.kind, PositionKind.self, required: true)
        let openings = v.integer("openings", draft.openings ?? 1, in: 1...1000)
        targetDate = v.date("target_date", draft.targetDate)
        let status = v.oneOf("status", draft.status ?? PositionStatus.open.rawValue, PositionStatus.self)
        description = v.text("description", draft.description, maxLength: 10_000, multiline: true)
        guard v.errors.isEmpty, let agency, let title, let kind, let openings, let status else {
            throw ServiceError.invalid(v.errors)
        }
        agencyCode = agency
        self.title = title
        self.kind = kind
        self.openings = openings
        self.status = status
    }

    /// A stored position, which passed these checks when it was written.
    public init(_ position: Position) {
        agencyCode = position.agencyCode
        title = position.title
        kind = position.kind
        openings = position.openings
        targetDate = position.targetDate
        status = position.status
        description = position.description
    }
}

/// A change to some fields of a position, checked field by field by the same rules as a new position.
public struct PositionPatch: Sendable, Hashable {
    public let fields: Set<PositionDraft.Field>
    /// The named fields' checked values; the others are stand-ins and never used.
    let values: ValidPosition

    public init(_ draft: PositionDraft, fields: Set<PositionDraft.Field>) throws(ServiceError) {
        // The fields the patch leaves alone keep the stored position's values, so only the named ones are checked;
        // stand-ins fill the required fields the patch does not name.
        let probe = PositionDraft(agencyCode: "X", title: "X", kind: PositionKind.other.rawValue)
            .applying(draft, fields: fields)
        values = try ValidPosition(probe)
        self.fields = fields
    }

    /// The position with the named fields changed.
    public func applied(to position: Position) -> ValidPosition {
        var result = ValidPosition(position)
        for field in fields {
            switch field {
            case .agencyCode: result.agencyCode = values.agencyCode
            case .title: result.title = values.title
            case .kind: result.kind = values.kind
            case .openings: result.openings = values.openings
            case .targetDate: result.targetDate = values.targetDate
            case .status: result.status = values.status
            case .description: result.description = values.description
            }
        }
        return result
    }
}

extension PositionKind {
    public var label: LocalizedText {
        switch self {
        case .legalAffairsOfficer: LocalizedText(vi: "công chức pháp chế chuyên trách", en: "legal-affairs officer")
        case .coreDraftingOfficer: LocalizedText(vi: "lực lượng nòng cốt xây dựng pháp luật", en: "core drafting officer")
        case .draftingAdvisor: LocalizedText(vi: "chuyên viên tham mưu xây dựng pháp luật", en: "drafting advisor")
        case .other: LocalizedText(vi: "khác", en: "other")
        }
    }
}

extension PositionKind: LabeledCode {}

extension PositionStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .open: LocalizedText(vi: "đang tuyển", en: "open")
        case .onHold: LocalizedText(vi: "tạm dừng", en: "on hold")
        case .filled: LocalizedText(vi: "đã tuyển đủ", en: "filled")
        case .closed: LocalizedText(vi: "đã đóng", en: "closed")
        }
    }
}
