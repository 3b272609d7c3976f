import Foundation

/// A score sheet as an evaluator sends it: scores against a rubric, a comment, and the reason when amending. The
/// scores are checked against the rubric (`RubricDefinition.check(scores:)`) once the rubric is read.
public struct Submission: Sendable, Hashable {
    public var rubricID: UUID
    public var scores: [String: JSONValue]
    public var comment: String?
    public var reason: String?
    /// Whose sheet it is: an evaluator submits their own (nil); hr and admin name the evaluator (a paper sheet typed in).
    public var evaluatorID: UUID?

    public init(rubricID: UUID, scores: [String: JSONValue], comment: String? = nil, reason: String? = nil,
                evaluatorID: UUID? = nil) {
        self.rubricID = rubricID
        self.scores = scores
        self.comment = comment
        self.reason = reason
        self.evaluatorID = evaluatorID
    }

    /// Reads the edge's form; hr and admin must name the evaluator.
    public init(rubricID: String?, scores: [String: JSONValue]?, comment: String? = nil, reason: String? = nil,
                evaluatorID: String? = nil, by caller: Principal) throws(ServiceError) {
        var v = FieldValidator()
        let rubric = v.uuid("rubric_id", rubricID, required: true)
        let evaluator = v.uuid("evaluator_id", evaluatorID, required: caller.role != .evaluator)
        let comment = v.text("comment", comment, maxLength: 5000, multiline: true)
        let reason = v.text("reason", reason, maxLength: 2000, multiline: true)
        if scores == nil { v.add("scores", vi: "bắt buộc", en: "is required") }
        guard v.errors.isEmpty, let rubric, let scores else { throw ServiceError.invalid(v.errors) }
        self.init(rubricID: rubric, scores: scores, comment: comment, reason: reason, evaluatorID: evaluator)
    }
}
