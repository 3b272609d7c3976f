import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for staff users.
public enum UserTable {
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

    public static func insert(name: String, role: Role, agencyCode: String?, email: String?,
                              on connection: PostgresConnection, logger: Logger) async throws -> StaffUser {
        try await decode(connection.query("""
            INSERT INTO staff_users (name, role, agency_code, email) VALUES (\(name), \(role.rawValue), \(agencyCode), \(email))
            RETURNING \(unescaped: columns)
            """, logger: logger))[0]
    }

    public static func get(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> StaffUser? {
        try await decode(connection.query("SELECT \(unescaped: columns) FROM staff_users WHERE id = \(id)",
                                          logger: logger)).first
    }

    public static func list(role: Role?, page: PageRequest, on connection: PostgresConnection,
                            logger: Logger) async throws -> [StaffUser] {
        let after = page.cursor.flatMap { UUID(uuidString: $0.id) }
        return try await decode(connection.query("""
            SELECT \(unescaped: columns) FROM staff_users
            WHERE (\(role?.rawValue)::text IS NULL OR role = \(role?.rawValue)) AND (\(after)::uuid IS NULL OR id > \(after))
            ORDER BY id LIMIT \(page.limit + 1)
            """, logger: logger))
    }
}
