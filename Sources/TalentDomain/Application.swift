import Foundation

/// A candidate considered for a position.
public struct Application: Sendable, Hashable {
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
}
