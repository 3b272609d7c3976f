import Foundation

/// One application on an evaluator's list: what to score, and where the evaluator stands on its panel.
public struct EvaluatorAssignment: Sendable, Hashable, Encodable {
    public var member: PanelMember
    public var candidateName: String
    public var positionTitle: String
    public var agencyCode: String
    public var stage: PipelineStage

    public init(member: PanelMember, candidateName: String, positionTitle: String, agencyCode: String, stage: PipelineStage) {
        self.member = member
        self.candidateName = candidateName
        self.positionTitle = positionTitle
        self.agencyCode = agencyCode
        self.stage = stage
    }

    enum CodingKeys: String, CodingKey {
        case applicationID = "application_id", evaluatorID = "evaluator_id", evaluatorName = "evaluator_name", status
        case assignedAt = "assigned_at", candidateName = "candidate_name", positionTitle = "position_title"
        case agencyCode = "agency_code", stage
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(member.applicationID.text, forKey: .applicationID)
        try c.encode(member.evaluatorID.text, forKey: .evaluatorID)
        try c.encode(member.evaluatorName, forKey: .evaluatorName)
        try c.encode(member.status, forKey: .status)
        try c.encode(member.assignedAt, forKey: .assignedAt)
        try c.encode(candidateName, forKey: .candidateName)
        try c.encode(positionTitle, forKey: .positionTitle)
        try c.encode(agencyCode, forKey: .agencyCode)
        try c.encode(stage, forKey: .stage)
    }
}
