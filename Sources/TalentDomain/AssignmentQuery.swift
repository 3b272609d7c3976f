import Foundation

/// Which panels to list: an evaluator's (nil for the caller's own, or everyone's for staff), of one status, how many.
public struct AssignmentQuery: Sendable, Hashable {
    public var evaluatorID: UUID?
    public var status: PanelMemberStatus?
    public var limit: Int

    public init(evaluatorID: UUID? = nil, status: PanelMemberStatus? = nil, limit: Int = PageRequest.defaultLimit) {
        self.evaluatorID = evaluatorID
        self.status = status
        self.limit = limit
    }

    /// Reads the edge's filters, naming every bad one in one error.
    public init(evaluatorID: String?, status: String?, limit: Int?) throws(ServiceError) {
        var v = FieldValidator()
        let evaluator = v.uuid("evaluator_id", evaluatorID)
        let status = v.oneOf("status", status, PanelMemberStatus.self)
        let limit = v.integer("limit", limit, in: 1...200) ?? PageRequest.defaultLimit
        try v.check()
        self.init(evaluatorID: evaluator, status: status, limit: limit)
    }
}
