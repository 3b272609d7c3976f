import Foundation

/// One evaluator's score sheet for an application. A submitted sheet is locked: an amendment is a new revision with
/// a reason, and the earlier revision stays, marked superseded.
public struct ScoreSheet: Sendable, Hashable {
    public var id: UUID
    public var applicationID: UUID
    public var evaluatorID: UUID
    public var evaluatorName: String
    public var rubricID: UUID
    public var revision: Int
    public var scores: [String: Int]
    public var comment: String?
    /// Why an earlier revision was amended (nil on the first).
    public var reason: String?
    /// Who typed it in: the evaluator, or staff transcribing a paper sheet.
    public var recordedBy: String
    public var submittedAt: Date
    public var supersededAt: Date?

    public init(id: UUID, applicationID: UUID, evaluatorID: UUID, evaluatorName: String, rubricID: UUID, revision: Int,
                scores: [String: Int], comment: String?, reason: String?, recordedBy: String, submittedAt: Date,
                supersededAt: Date?) {
        self.id = id
        self.applicationID = applicationID
        self.evaluatorID = evaluatorID
        self.evaluatorName = evaluatorName
        self.rubricID = rubricID
        self.revision = revision
        self.scores = scores
        self.comment = comment
        self.reason = reason
        self.recordedBy = recordedBy
        self.submittedAt = submittedAt
        self.supersededAt = supersededAt
    }

    public var isCurrent: Bool { supersededAt == nil }

}
