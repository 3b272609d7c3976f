import Foundation
import Logging
import NIOCore
import PostgresNIO
import TalentDomain

/// SQL for API tokens. Only the SHA-256 hash of a secret is ever stored or looked up.
public struct TokenTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let select = """
        SELECT t.id, t.user_id, t.partner_code, coalesce(u.name, p.name), coalesce(u.role, 'partner'), t.prefix,
               t.created_at, t.expires_at, t.revoked_at, t.last_used_at
        FROM access_tokens t LEFT JOIN staff_users u ON u.id = t.user_id LEFT JOIN partners p ON p.code = t.partner_code
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [AccessToken] {
        var result: [AccessToken] = []
        for try await (id, userID, partnerCode, holder, role, prefix, createdAt, expiresAt, revokedAt, lastUsedAt)
            in rows.decode((UUID, UUID?, String?, String, String, String, Date, Date?, Date?, Date?).self) {
            result.append(AccessToken(id: id, userID: userID, partnerCode: partnerCode, holder: holder,
                                      role: try Role.stored(role), prefix: prefix, createdAt: createdAt,
                                      expiresAt: expiresAt, revokedAt: revokedAt, lastUsedAt: lastUsedAt))
        }
        return result
    }

    /// A token for a staff user or, with `partnerCode`, for a partner institution.
    public func insert(userID: UUID?, partnerCode: String? = nil, secretHash: [UInt8], prefix: String,
                       expiresInDays: Int?) async throws -> AccessToken {
        let hash = ByteBuffer(bytes: secretHash)
        let rows = try await connection.query("""
            INSERT INTO access_tokens (user_id, partner_code, secret_hash, prefix, expires_at)
            VALUES (\(userID), \(partnerCode), \(hash), \(prefix), now() + make_interval(days => \(expiresInDays)::int))
            RETURNING id
            """, logger: logger)
        var id: UUID?
        for try await (value) in rows.decode(UUID.self) { id = value }
        return try await get(id!)!
    }

    public func get(_ id: UUID) async throws -> AccessToken? {
        try await Self.decode(connection.query("\(unescaped: Self.select) WHERE t.id = \(id)", logger: logger)).first
    }

    /// The token of this secret hash with what its holder may reach: the user's scope and agency, and whether the
    /// user is disabled (their tokens then stop working).
    public func find(secretHash: [UInt8]) async throws -> Grant? {
        let hash = ByteBuffer(bytes: secretHash)
        let rows = try await connection.query("""
            SELECT t.id, t.user_id, t.partner_code, coalesce(u.name, p.name), coalesce(u.role, 'partner'),
                   t.expires_at, t.revoked_at, t.last_used_at, coalesce(u.scope, 'province'), u.agency_code,
                   u.disabled_at IS NOT NULL
            FROM access_tokens t LEFT JOIN staff_users u ON u.id = t.user_id LEFT JOIN partners p ON p.code = t.partner_code
            WHERE t.secret_hash = \(hash)
            """, logger: logger)
        for try await (id, user, partner, holder, role, expires, revoked, lastUsed, scope, agency, disabled)
            in rows.decode((UUID, UUID?, String?, String, String, Date?, Date?, Date?, String, String?, Bool).self) {
            // An unknown role or scope authenticates no one (fail closed).
            guard let role = Role(rawValue: role), let scope = Scope(rawValue: scope) else { return nil }
            return Grant(principal: Principal(name: holder, role: role, channel: .api, userID: user, partnerCode: partner,
                                              tokenID: id, scope: scope, agencyCode: agency),
                         expiresAt: expires, revokedAt: revoked, lastUsedAt: lastUsed, holderDisabled: disabled)
        }
        return nil
    }

    /// Who a token acts as, and whether it still may.
    public struct Grant: Sendable {
        public var principal: Principal
        public var expiresAt: Date?
        public var revokedAt: Date?
        public var lastUsedAt: Date?
        public var holderDisabled: Bool
    }

    public func list(userID: UUID?, partnerCode: String? = nil, page: PageRequest) async throws -> [AccessToken] {
        let after = page.cursor.flatMap { UUID(uuidString: $0.id) }
        return try await Self.decode(connection.query("""
            \(unescaped: Self.select)
            WHERE (\(userID)::uuid IS NULL OR t.user_id = \(userID))
              AND (\(partnerCode)::text IS NULL OR t.partner_code = \(partnerCode))
              AND (\(after)::uuid IS NULL OR t.id > \(after))
            ORDER BY t.id LIMIT \(page.limit + 1)
            """, logger: logger))
    }

    public func revoke(_ id: UUID) async throws {
        try await connection.query("UPDATE access_tokens SET revoked_at = now() WHERE id = \(id) AND revoked_at IS NULL",
                                   logger: logger)
    }

    public func touch(_ id: UUID) async throws {
        try await connection.query("UPDATE access_tokens SET last_used_at = now() WHERE id = \(id)", logger: logger)
    }
}
