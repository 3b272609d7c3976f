import Foundation

/// An evaluator put on an application's panel, as typed.
public struct PanelAssignment: Sendable, Hashable {
    public var evaluatorID: UUID

    public init(evaluatorID: UUID) {
        self.evaluatorID = evaluatorID
    }

    /// Reads the edge's form: `evaluator_id` is required.
    public init(evaluatorID: String?) throws(ServiceError) {
        var v = FieldValidator()
        let evaluator = v.uuid("evaluator_id", evaluatorID, required: true)
        guard v.errors.isEmpty, let evaluator else { throw ServiceError.invalid(v.errors) }
        self.evaluatorID = evaluator
    }
}
