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
public struct Position: Sendable, Encodable, Hashable {
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

    enum CodingKeys: String, CodingKey {
        case id, agencyCode = "agency_code", title, kind, openings, targetDate = "target_date", status, description, hired
        case version, createdAt = "created_at", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.text, forKey: .id)
        try c.encode(agencyCode, forKey: .agencyCode)
        try c.encode(title, forKey: .title)
        try c.encode(kind, forKey: .kind)
        try c.encode(openings, forKey: .openings)
        try c.encode(targetDate, forKey: .targetDate)
        try c.encode(status, forKey: .status)
        try c.encode(description, forKey: .description)
        try c.encode(hired, forKey: .hired)
        try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
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
        try v.check()
        agencyCode = agency!
        self.title = title!
        self.kind = kind!
        self.openings = openings!
        self.status = status!
    }
}

/// A candidate considered for a position.
public struct Application: Sendable, Encodable, Hashable {
    public var id: UUID
    public var candidateID: UUID
    public var positionID: UUID
    public var stage: PipelineStage
    public var stageEnteredAt: Date
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var candidateName: String
    public var positionTitle: String
    public var agencyCode: String

    public init(id: UUID, candidateID: UUID, positionID: UUID, stage: PipelineStage, stageEnteredAt: Date, version: Int,
                createdAt: Date, updatedAt: Date, candidateName: String, positionTitle: String, agencyCode: String) {
        self.id = id
        self.candidateID = candidateID
        self.positionID = positionID
        self.stage = stage
        self.stageEnteredAt = stageEnteredAt
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.candidateName = candidateName
        self.positionTitle = positionTitle
        self.agencyCode = agencyCode
    }

    enum CodingKeys: String, CodingKey {
        case id, candidateID = "candidate_id", positionID = "position_id", stage, stageEnteredAt = "stage_entered_at"
        case version, createdAt = "created_at", updatedAt = "updated_at", candidateName = "candidate_name"
        case positionTitle = "position_title", agencyCode = "agency_code"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.text, forKey: .id)
        try c.encode(candidateID.text, forKey: .candidateID)
        try c.encode(positionID.text, forKey: .positionID)
        try c.encode(stage, forKey: .stage)
        try c.encode(stageEnteredAt, forKey: .stageEnteredAt)
        try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(candidateName, forKey: .candidateName)
        try c.encode(positionTitle, forKey: .positionTitle)
        try c.encode(agencyCode, forKey: .agencyCode)
    }
}

/// One stage change of an application.
public struct StageChange: Sendable, Encodable, Hashable {
    public var from: PipelineStage?
    public var to: PipelineStage
    public var actor: String
    public var channel: Channel
    public var reason: String?
    public var at: Date
    /// Time spent in `to` until the next change (or until now, for the current stage), in seconds.
    public var secondsInStage: Double
    /// The panel score when the application left `evaluation` (nil for other moves, or before anyone scored).
    public var panelScore: Double?

    public init(from: PipelineStage?, to: PipelineStage, actor: String, channel: Channel, reason: String?, at: Date,
                secondsInStage: Double, panelScore: Double? = nil) {
        self.from = from
        self.to = to
        self.actor = actor
        self.channel = channel
        self.reason = reason
        self.at = at
        self.secondsInStage = secondsInStage
        self.panelScore = panelScore
    }

    enum CodingKeys: String, CodingKey {
        case from, to, actor, channel, reason, at, secondsInStage = "seconds_in_stage", panelScore = "panel_score"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(actor, forKey: .actor)
        try c.encode(channel, forKey: .channel)
        try c.encode(reason, forKey: .reason)
        try c.encode(at, forKey: .at)
        try c.encode(secondsInStage.rounded(), forKey: .secondsInStage)
        try c.encode(panelScore, forKey: .panelScore)
    }

    /// Fills in the time spent in each stage from consecutive changes.
    public static func withDurations(_ changes: [StageChange], now: Date = Date()) -> [StageChange] {
        var result = changes
        for i in result.indices {
            let end = i + 1 < result.count ? result[i + 1].at : now
            result[i].secondsInStage = max(0, end.timeIntervalSince(result[i].at))
        }
        return result
    }
}
