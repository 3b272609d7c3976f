import Foundation

/// One application on an evaluator's list: what to score, and where the evaluator stands on its panel.
public struct EvaluatorAssignment: Sendable, Hashable {
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
}
