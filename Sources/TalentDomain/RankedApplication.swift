import Foundation

/// An application's place among those for one position.
public struct RankedApplication: Sendable, Hashable {
    /// 1 for the best; equal panel scores share a rank ("1, 1, 3"); nil while no one has scored.
    public var rank: Int?
    public var applicationID: UUID
    public var candidateID: UUID
    public var candidateName: String
    public var stage: PipelineStage
    public var panelScore: Double?
    public var complete: Bool
    public var passed: Bool?
    public var submitted: Int
    public var required: Int?
    public var disagreement: Bool

}
