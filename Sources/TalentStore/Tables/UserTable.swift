import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for staff users. The password hash is read only by `credentials(email:)`, for signing in.
public struct UserTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = "id, name, role, agency_code, email, scope, password_hash IS NOT NULL, disabled_at, created_at"

    static func decode(_ rows: PostgresRowSequence) async throws -> [StaffUser] {
        var result: [StaffUser] = []
        for try await (id, name, role, agency, email, scope, hasPassword, disabledAt, createdAt)
            in rows.decode((UUID, String, String, String?, String?, String, Bool, Date?, Date).self) {
            result.append(StaffUser(id: id, name: name, role: try Role.stored(role), agencyCode: agency, email: email,
                                    scope: try Scope.stored(scope), hasPassword: hasPassword, disabledAt: disabledAt,
                                    createdAt: createdAt))
        }
        return result
    }

    public func insert(_ new: NewStaffUser) async throws -> StaffUser {
        try await Self.decode(connection.query("""
            INSERT INTO staff_users (name, role, agency_code, email, scope)
            VALUES (\(new.name), \(new.role.rawValue), \(new.agencyCode), \(new.email), \(new.scope.rawValue))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func get(_ id: UUID, forUpdate: Bool = false) async throws -> StaffUser? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM staff_users WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)).first
    }

    public func email(taken email: String, except id: UUID? = nil) async throws -> Bool {
        let rows = try await connection.query("""
            SELECT 1 FROM staff_users WHERE email = \(email) AND (\(id)::uuid IS NULL OR id <> \(id))
            """, logger: logger)
        return try await rows.hasRows()
    }

    /// The account that signs in with this e-mail, with its password hash.
    public func credentials(email: String) async throws -> (user: StaffUser, passwordHash: String?)? {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns), password_hash FROM staff_users WHERE email = \(email)
            """, logger: logger)
        for try await (id, name, role, agency, email, scope, hasPassword, disabledAt, createdAt, hash)
            in rows.decode((UUID, String, String, String?, String?, String, Bool, Date?, Date, String?).self) {
            let user = StaffUser(id: id, name: name, role: try Role.stored(role), agencyCode: agency, email: email,
                                 scope: try Scope.stored(scope), hasPassword: hasPassword, disabledAt: disabledAt,
                                 createdAt: createdAt)
            return (user, hash)
        }
        return nil
    }

    public func setPassword(_ id: UUID, hash: String) async throws -> StaffUser {
        try await Self.decode(connection.query("""
            UPDATE staff_users SET password_hash = \(hash), password_set_at = now() WHERE id = \(id)
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func disable(_ id: UUID) async throws -> StaffUser {
        try await Self.decode(connection.query("""
            UPDATE staff_users SET disabled_at = coalesce(disabled_at, now()) WHERE id = \(id)
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    /// Moves the staff of a retired agency to the agency that took over its work (their scope follows the agency).
    public func reassign(from: String, to: String) async throws -> [UUID] {
        let rows = try await connection.query("""
            UPDATE staff_users SET agency_code = \(to) WHERE agency_code = \(from) RETURNING id
            """, logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }

    public func list(role: Role?, page: PageRequest) async throws -> [StaffUser] {
        let after = page.cursor.flatMap { UUID(uuidString: $0.id) }
        return try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM staff_users
            WHERE (\(role?.rawValue)::text IS NULL OR role = \(role?.rawValue)) AND (\(after)::uuid IS NULL OR id > \(after))
            ORDER BY id LIMIT \(page.limit + 1)
            """, logger: logger))
    }
}

/// A code read back from the database that the program does not know is an error, never a guess: an unknown role
/// must not read as some other role (fail closed).
public struct UnknownStoredCode: Error, CustomStringConvertible {
    public var type: String
    public var value: String
    public var description: String { "unknown \(type) '\(value)' in the database" }
}

extension Role {
    static func stored(_ raw: String) throws -> Role {
        guard let role = Role(rawValue: raw) else { throw UnknownStoredCode(type: "role", value: raw) }
        return role
    }
}

extension Scope {
    static func stored(_ raw: String) throws -> Scope {
        guard let scope = Scope(rawValue: raw) else { throw UnknownStoredCode(type: "scope", value: raw) }
        return scope
    }
}
