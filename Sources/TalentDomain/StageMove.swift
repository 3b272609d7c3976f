import Foundation

/// An application to open, as typed or sent, before it is checked.
public struct ApplicationDraft: Sendable, Hashable {
    public var candidateID: String?
    public var positionID: String?

    public init(candidateID: String?, positionID: String?) {
        self.candidateID = candidateID
        self.positionID = positionID
    }
}

/// A checked application to open: a candidate and a position, both ids.
public struct NewApplication: Sendable, Hashable {
    public var candidateID: UUID
    public var positionID: UUID

    public init(candidateID: UUID, positionID: UUID) {
        self.candidateID = candidateID
        self.positionID = positionID
    }

    public init(_ draft: ApplicationDraft) throws(ServiceError) {
        var v = FieldValidator()
        let candidate = v.uuid("candidate_id", draft.candidateID, required: true)
        let position = v.uuid("position_id", draft.positionID, required: true)
        guard v.errors.isEmpty, let candidate, let position else { throw ServiceError.invalid(v.errors) }
        self.init(candidateID: candidate, positionID: position)
    }
}

/// A move of an application to another stage, as typed or sent, before it is checked.
public struct StageMoveDraft: Sendable, Hashable {
    public var to: String?
    public var reason: String?

    public init(to: String?, reason: String?) {
        self.to = to
        self.reason = reason
    }
}

/// A checked move: the stage to reach and why. Whether the move is allowed depends on the stage the application is
/// in, which the stage machine decides when the move is made.
public struct StageMove: Sendable, Hashable {
    public var to: PipelineStage
    public var reason: String?

    public init(to: PipelineStage, reason: String? = nil) {
        self.to = to
        self.reason = reason
    }

    public init(_ draft: StageMoveDraft) throws(ServiceError) {
        var v = FieldValidator()
        let target = v.oneOf("to", draft.to, PipelineStage.self, required: true)
        let reason = v.text("reason", draft.reason, maxLength: 2000, multiline: true)
        guard v.errors.isEmpty, let target else { throw ServiceError.invalid(v.errors) }
        self.init(to: target, reason: reason)
    }
}
