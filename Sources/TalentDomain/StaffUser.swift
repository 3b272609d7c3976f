import Foundation

/// A member of staff who signs in to the API: HR officers, evaluators, leaders and administrators.
public struct StaffUser: Sendable, Encodable, Hashable {
    public var id: UUID
    public var name: String
    public var role: Role
    public var agencyCode: String?
    public var email: String?
    public var createdAt: Date

    public init(id: UUID, name: String, role: Role, agencyCode: String?, email: String?, createdAt: Date) {
        self.id = id
        self.name = name
        self.role = role
        self.agencyCode = agencyCode
        self.email = email
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey { case id, name, role, agencyCode = "agency_code", email, createdAt = "created_at" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.text, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(agencyCode, forKey: .agencyCode)
        try c.encode(email, forKey: .email)
        try c.encode(createdAt, forKey: .createdAt)
    }
}
