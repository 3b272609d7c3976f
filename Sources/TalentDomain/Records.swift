import Foundation

/// The kind of a government body; district-level bodies were abolished on 1 July 2025 and stay as history.
public enum AgencyKind: String, Sendable, Codable, CaseIterable {
    case department
    case district
    case commune
    case other
}

public enum AgencyStatus: String, Sendable, Codable, CaseIterable {
    case active
    case retired
}

/// A provincial department, a People's Committee or another body that posts positions and is given targets.
public struct Agency: Sendable, Encodable, Hashable {
    public var code: String
    public var name: String
    public var kind: AgencyKind
    public var status: AgencyStatus
    public var mergedInto: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(code: String, name: String, kind: AgencyKind, status: AgencyStatus, mergedInto: String?,
                createdAt: Date, updatedAt: Date) {
        self.code = code
        self.name = name
        self.kind = kind
        self.status = status
        self.mergedInto = mergedInto
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case code, name, kind, status, mergedInto = "merged_into", createdAt = "created_at", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(status, forKey: .status)
        try c.encode(mergedInto, forKey: .mergedInto)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

extension UUID {
    /// The lower-case form (RFC 9562) used everywhere the product writes an id.
    public var text: String { uuidString.lowercased() }
}

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

/// A newly issued token: the record plus its secret, which exists nowhere else.
public struct IssuedToken: Sendable, Encodable {
    public var token: String
    public var record: AccessToken

    public init(token: String, record: AccessToken) {
        self.token = token
        self.record = record
    }

    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(token, forKey: .token)
    }

    enum CodingKeys: String, CodingKey { case token }
}

/// One entry of the audit trail: who did what, through which front end, to which record, and what changed.
public struct AuditEntry: Sendable, Encodable, Hashable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var role: Role
    public var channel: Channel
    public var action: String
    public var entityType: String
    public var entityID: String
    /// What changed: `{"after": ...}`, or `{"before": ..., "after": ...}`.
    public var changes: JSONValue

    public init(id: Int64, at: Date, actor: String, role: Role, channel: Channel, action: String, entityType: String,
                entityID: String, changes: JSONValue) {
        self.id = id
        self.at = at
        self.actor = actor
        self.role = role
        self.channel = channel
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.changes = changes
    }

    public enum CodingKeys: String, CodingKey {
        case id, at, actor, role, channel, action, entityType = "entity_type", entityID = "entity_id", changes
    }
}

/// One page of a list, with the opaque cursor of the next page.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension Page: Encodable where Item: Encodable {
    enum CodingKeys: String, CodingKey { case items, nextCursor = "next_cursor" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(nextCursor, forKey: .nextCursor)
    }
}
