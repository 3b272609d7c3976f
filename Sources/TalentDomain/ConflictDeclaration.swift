import Foundation

/// A recorded conflict of interest: a user who declared a relationship with a candidate, or recused themselves.
public struct ConflictDeclaration: Sendable, Hashable, Encodable {
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

    enum CodingKeys: String, CodingKey {
        case id, candidateID = "candidate_id", userID = "user_id", applicationID = "application_id", relationship, reason
        case declaredBy = "declared_by", declaredAt = "declared_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.text, forKey: .id)
        try c.encode(candidateID.text, forKey: .candidateID)
        try c.encode(userID.text, forKey: .userID)
        try c.encode(applicationID?.text, forKey: .applicationID)
        try c.encode(relationship, forKey: .relationship)
        try c.encode(reason, forKey: .reason)
        try c.encode(declaredBy, forKey: .declaredBy)
        try c.encode(declaredAt, forKey: .declaredAt)
    }
}
