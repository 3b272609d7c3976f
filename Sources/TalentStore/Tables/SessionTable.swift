import Foundation
import Logging
import NIOCore
import PostgresNIO
import TalentDomain

/// SQL for signed-in sessions and for counting failed sign-ins. Only the SHA-256 of a session's secret is stored.
public struct SessionTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        s.id, s.user_id, s.kind, s.form_key, s.created_at, s.last_seen_at, s.expires_at, s.absolute_expires_at, s.revoked_at
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [Session] {
        var result: [Session] = []
        for try await (id, user, kind, formKey, created, seen, expires, absolute, revoked)
            in rows.decode((UUID, UUID, String, String, Date, Date, Date, Date, Date?).self) {
            guard let kind = Session.Kind(rawValue: kind) else { throw UnknownStoredCode(type: "session kind", value: kind) }
            result.append(Session(id: id, userID: user, kind: kind, formKey: formKey, createdAt: created,
                                  lastSeenAt: seen, expiresAt: expires, absoluteExpiresAt: absolute, revokedAt: revoked))
        }
        return result
    }

    /// A new session for `user`, idle for at most `idleMinutes`, alive for at most `maxMinutes`.
    public func insert(user: UUID, kind: Session.Kind, secretHash: [UInt8], formKey: String, address: String?,
                       idleMinutes: Int, maxMinutes: Int) async throws -> Session {
        try await Self.decode(connection.query("""
            INSERT INTO sessions AS s (user_id, kind, secret_hash, form_key, address, expires_at, absolute_expires_at)
            VALUES (\(user), \(kind.rawValue), \(ByteBuffer(bytes: secretHash)), \(formKey), \(address),
                    now() + make_interval(mins => least(\(idleMinutes)::int, \(maxMinutes)::int)),
                    now() + make_interval(mins => \(maxMinutes)::int))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func get(_ id: UUID) async throws -> Session? {
        try await Self.decode(connection.query("SELECT \(unescaped: Self.columns) FROM sessions s WHERE s.id = \(id)",
                                               logger: logger)).first
    }

    /// The live session of this secret and kind, with its user; nil when unknown, expired, revoked, or the user is
    /// disabled.
    public func find(secretHash: [UInt8], kind: Session.Kind) async throws -> (Session, StaffUser)? {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns),
                   u.id, u.name, u.role, u.agency_code, u.email, u.scope, u.password_hash IS NOT NULL, u.disabled_at, u.created_at
            FROM sessions s JOIN staff_users u ON u.id = s.user_id
            WHERE s.secret_hash = \(ByteBuffer(bytes: secretHash)) AND s.kind = \(kind.rawValue)
              AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL
            """, logger: logger)
        for try await (id, user, kindText, formKey, created, seen, expires, absolute, revoked,
                       uid, name, role, agency, email, scope, hasPassword, disabledAt, userCreated)
            in rows.decode((UUID, UUID, String, String, Date, Date, Date, Date, Date?,
                            UUID, String, String, String?, String?, String, Bool, Date?, Date).self) {
            guard let kind = Session.Kind(rawValue: kindText) else { return nil }
            let session = Session(id: id, userID: user, kind: kind, formKey: formKey, createdAt: created,
                                  lastSeenAt: seen, expiresAt: expires, absoluteExpiresAt: absolute, revokedAt: revoked)
            let staff = StaffUser(id: uid, name: name, role: try Role.stored(role), agencyCode: agency, email: email,
                                  scope: try Scope.stored(scope), hasPassword: hasPassword, disabledAt: disabledAt,
                                  createdAt: userCreated)
            return (session, staff)
        }
        return nil
    }

    /// Slides the session's expiry to `idleMinutes` from now, never past its absolute expiry.
    public func touch(_ id: UUID, idleMinutes: Int) async throws {
        try await connection.query("""
            UPDATE sessions SET last_seen_at = now(),
                   expires_at = least(absolute_expires_at, now() + make_interval(mins => \(idleMinutes)::int))
            WHERE id = \(id) AND revoked_at IS NULL
            """, logger: logger)
    }

    public func revoke(_ id: UUID) async throws {
        try await connection.query("UPDATE sessions SET revoked_at = now() WHERE id = \(id) AND revoked_at IS NULL",
                                   logger: logger)
    }

    /// Revokes every live session of a user (disabled, or a new password); returns how many.
    @discardableResult
    public func revokeAll(user: UUID) async throws -> Int {
        let rows = try await connection.query("""
            UPDATE sessions SET revoked_at = now() WHERE user_id = \(user) AND revoked_at IS NULL RETURNING id
            """, logger: logger)
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }

    // MARK: Failed sign-ins

    /// How many failures `key` has within the window, and until when it is locked.
    public func failures(_ key: String, windowMinutes: Int) async throws -> (count: Int, lockedUntil: Date?, windowEnds: Date?) {
        let rows = try await connection.query("""
            SELECT failures, locked_until, first_at + make_interval(mins => \(windowMinutes)::int)
            FROM sign_in_failures WHERE key = \(key) AND (first_at > now() - make_interval(mins => \(windowMinutes)::int)
                                                        OR locked_until > now())
            """, logger: logger)
        for try await (count, locked, ends) in rows.decode((Int, Date?, Date).self) {
            return (count, locked.flatMap { $0 > Date() ? $0 : nil }, ends)
        }
        return (0, nil, nil)
    }

    /// Counts one failure of `key` (a window older than `windowMinutes` starts again); locks it for `lockMinutes`
    /// when it reaches `lockAfter`. Returns the count.
    @discardableResult
    public func fail(_ key: String, windowMinutes: Int, lockAfter: Int, lockMinutes: Int) async throws -> Int {
        let rows = try await connection.query("""
            INSERT INTO sign_in_failures AS f (key, failures) VALUES (\(key), 1)
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN f.first_at > now() - make_interval(mins => \(windowMinutes)::int) OR f.locked_until > now()
                                THEN f.failures + 1 ELSE 1 END,
                first_at = CASE WHEN f.first_at > now() - make_interval(mins => \(windowMinutes)::int) OR f.locked_until > now()
                                THEN f.first_at ELSE now() END,
                last_at = now()
            RETURNING failures
            """, logger: logger)
        var count = 1
        for try await (value) in rows.decode(Int.self) { count = value }
        if count >= lockAfter {
            try await connection.query("""
                UPDATE sign_in_failures SET locked_until = now() + make_interval(mins => \(lockMinutes)::int)
                WHERE key = \(key) AND (locked_until IS NULL OR locked_until < now())
                """, logger: logger)
        }
        return count
    }

    /// Forgets the failures of `key` (a successful sign-in, an administrator's unlock).
    public func clear(_ key: String) async throws {
        try await connection.query("DELETE FROM sign_in_failures WHERE key = \(key)", logger: logger)
    }
}
