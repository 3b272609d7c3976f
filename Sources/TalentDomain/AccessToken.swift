import Foundation

/// A bearer token as listed: never the secret, which is shown once when issued and stored only as a hash.
public struct AccessToken: Sendable, Hashable {
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
}

/// A token to issue, checked: exactly one holder (a staff user's id or a partner's code) and a lifetime in days.
public struct TokenRequest: Sendable, Hashable {
    public enum Holder: Sendable, Hashable {
        case user(UUID)
        case partner(String)
    }

    public static let defaultLifetimeDays = 90

    public var holder: Holder
    public var expiresInDays: Int

    public init(userID: String?, partnerCode: String? = nil, expiresInDays: Int?) throws(ServiceError) {
        var v = FieldValidator()
        if (userID == nil) == (partnerCode == nil) {
            v.add("user", vi: "cần đúng một trong --user ID hoặc --partner CODE", en: "give exactly one of --user ID or --partner CODE")
        }
        let days = v.integer("expires_in", expiresInDays ?? Self.defaultLifetimeDays, in: 1...3650)
        let partner = v.code("partner", partnerCode, required: false)
        var user: UUID?
        if let userID {
            user = UUID(uuidString: userID.trimmed)
            if user == nil { v.add("user", vi: "không phải mã định danh (UUID) hợp lệ", en: "is not a valid id (UUID)") }
        }
        guard v.errors.isEmpty, let days else { throw ServiceError.invalid(v.errors) }
        if let user {
            holder = .user(user)
        } else if let partner {
            holder = .partner(partner)
        } else {
            throw ServiceError.invalid("user", vi: "cần đúng một trong --user ID hoặc --partner CODE",
                                       en: "give exactly one of --user ID or --partner CODE")
        }
        self.expiresInDays = days
    }
}
