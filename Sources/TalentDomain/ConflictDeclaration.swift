import Foundation

/// A recorded conflict of interest: a user who declared a relationship with a candidate, or recused themselves.
public struct ConflictDeclaration: Sendable, Hashable {
    public var id: UUID
    public var candidateID: UUID
    public var userID: UUID
    public var applicationID: UUID?
    public var relationship: Relationship
    public var reason: String
    public var declaredBy: String
    public var declaredAt: Date

    public init(id: UUID, candidateID: UUID, userID: UUID, applicationID: UUID?, relationship: Relationship, reason: String,
                declaredBy: String, declaredAt: Date) {
        self.id = id
        self.candidateID = candidateID
        self.userID = userID
        self.applicationID = applicationID
        self.relationship = relationship
        self.reason = reason
        self.declaredBy = declaredBy
        self.declaredAt = declaredAt
    }
}
