import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for staff users.
public struct UserTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = "id, name, role, agency_code, email, created_at"

    static func decode(_ rows: PostgresRowSequence) async throws -> [StaffUser] {
        var result: [StaffUser] = []
        for try await (id, name, role, agency, email, createdAt)
            in rows.decode((UUID, String, String, String?, String?, Date).self) {
            result.append(StaffUser(id: id, name: name, role: Role(rawValue: role) ?? .hr, agencyCode: agency,
                                    email: email, createdAt: createdAt))
        }
        return result
    }

    public func insert(name: String, role: Role, agencyCode: String?, email: String?) async throws -> StaffUser {
        try await Self.decode(connection.query("""
            INSERT INTO staff_users (name, role, agency_code, email) VALUES (\(name), \(role.rawValue), \(agencyCode), \(email))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func get(_ id: UUID) async throws -> StaffUser? {
        try await Self.decode(connection.query("SELECT \(unescaped: Self.columns) FROM staff_users WHERE id = \(id)",
                                          logger: logger)).first
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
