import Foundation

/// An evaluator's recusal, as typed: who steps off (absent when evaluators recuse themselves), why, and their
/// relationship with the candidate.
public struct Recusal: Sendable, Hashable {
    public var evaluatorID: UUID?
    public var reason: String
    public var relationship: Relationship

    public init(evaluatorID: UUID?, reason: String, relationship: Relationship = .other) {
        self.evaluatorID = evaluatorID
        self.reason = reason
        self.relationship = relationship
    }

    /// Reads the edge's form. hr and admin record a recusal for an evaluator and must name them; an evaluator
    /// recuses themselves.
    public init(evaluatorID: String?, reason: String?, relationship: String?, by caller: Principal) throws(ServiceError) {
        var v = FieldValidator()
        let evaluator = v.uuid("evaluator_id", evaluatorID, required: caller.role != .evaluator)
        let reason = v.text("reason", reason, required: true, maxLength: 2000, multiline: true)
        let relationship = v.oneOf("relationship", relationship, Relationship.self) ?? .other
        guard v.errors.isEmpty, let reason else { throw ServiceError.invalid(v.errors) }
        self.init(evaluatorID: evaluator, reason: reason, relationship: relationship)
    }
}
