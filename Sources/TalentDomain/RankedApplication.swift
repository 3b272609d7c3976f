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

    public init(rank: Int?, applicationID: UUID, candidateID: UUID, candidateName: String, stage: PipelineStage,
                panelScore: Double?, complete: Bool, passed: Bool?, submitted: Int, required: Int?, disagreement: Bool) {
        self.rank = rank
        self.applicationID = applicationID
        self.candidateID = candidateID
        self.candidateName = candidateName
        self.stage = stage
        self.panelScore = panelScore
        self.complete = complete
        self.passed = passed
        self.submitted = submitted
        self.required = required
        self.disagreement = disagreement
    }
}
