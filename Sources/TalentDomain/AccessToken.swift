import Foundation

/// A bearer token as listed: never the secret, which is shown once when issued and stored only as a hash.
public struct AccessToken: Sendable, Encodable, Hashable {
    public var id: UUID
    public var userID: UUID?
    public var partnerCode: String?
    public var holder: String
    public var role: Role
    /// The first characters of the secret, so a person can tell their tokens apart.
    public var prefix: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?
    public var lastUsedAt: Date?

    public init(id: UUID, userID: UUID?, partnerCode: String?, holder: String, role: Role, prefix: String,
                createdAt: Date, expiresAt: Date?, revokedAt: Date?, lastUsedAt: Date?) {
        self.id = id
        self.userID = userID
        self.partnerCode = partnerCode
        self.holder = holder
        self.role = role
        self.prefix = prefix
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    public enum CodingKeys: String, CodingKey {
        case id, userID = "user_id", partnerCode = "partner_code", holder, role, prefix, createdAt = "created_at"
        case expiresAt = "expires_at", revokedAt = "revoked_at", lastUsedAt = "last_used_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.text, forKey: .id)
        try c.encode(userID?.text, forKey: .userID)
        try c.encode(partnerCode, forKey: .partnerCode)
        try c.encode(holder, forKey: .holder)
        try c.encode(role, forKey: .role)
        try c.encode(prefix, forKey: .prefix)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(expiresAt, forKey: .expiresAt)
        try c.encode(revokedAt, forKey: .revokedAt)
        try c.encode(lastUsedAt, forKey: .lastUsedAt)
    }
}
