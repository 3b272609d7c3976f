import Foundation

/// An application's place among those for one position.
public struct RankedApplication: Sendable, Hashable, Encodable {
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

    enum CodingKeys: String, CodingKey {
        case rank, applicationID = "application_id", candidateID = "candidate_id", candidateName = "candidate_name", stage
        case panelScore = "panel_score", complete, passed, submitted, required, disagreement
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(applicationID.text, forKey: .applicationID)
        try c.encode(candidateID.text, forKey: .candidateID)
        try c.encode(candidateName, forKey: .candidateName)
        try c.encode(stage, forKey: .stage)
        try c.encode(panelScore, forKey: .panelScore)
        try c.encode(complete, forKey: .complete)
        try c.encode(passed, forKey: .passed)
        try c.encode(submitted, forKey: .submitted)
        try c.encode(required, forKey: .required)
        try c.encode(disagreement, forKey: .disagreement)
    }
}
