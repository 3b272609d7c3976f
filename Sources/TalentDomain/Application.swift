import Foundation

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
