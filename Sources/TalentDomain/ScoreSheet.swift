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
    /// Who typed the sheet in for the evaluator (hr or an administrator); nil when the evaluator submitted it.
    public var enteredBy: String?
    /// Who confirmed a sheet typed in for them (the evaluator), and when; nil until then.
    public var confirmedBy: String?
    public var confirmedAt: Date?
    /// An amendment that began to count after someone had read the panel's result.
    public var amendedAfterResult: Bool

    public init(id: UUID, applicationID: UUID, evaluatorID: UUID, evaluatorName: String, rubricID: UUID, revision: Int,
                scores: [String: Int], comment: String?, reason: String?, recordedBy: String, submittedAt: Date,
                supersededAt: Date?, enteredBy: String? = nil, confirmedBy: String? = nil, confirmedAt: Date? = nil,
                amendedAfterResult: Bool = false) {
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
        self.enteredBy = enteredBy
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
        self.amendedAfterResult = amendedAfterResult
    }

    public var isCurrent: Bool { supersededAt == nil }

    /// Typed in for the evaluator and not yet confirmed by them: it does not count toward the result.
    public var awaitingConfirmation: Bool { enteredBy != nil && confirmedAt == nil }

    /// The current revision, and the evaluator's own (submitted or confirmed by them): it counts toward the result.
    public var counts: Bool { isCurrent && !awaitingConfirmation }

}
