import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for agencies.
public struct AgencyTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = "code, name, kind, status, merged_into, created_at, updated_at"

    static func decode(_ rows: PostgresRowSequence) async throws -> [Agency] {
        var result: [Agency] = []
        for try await (code, name, kind, status, mergedInto, createdAt, updatedAt)
            in rows.decode((String, String, String, String, String?, Date, Date).self) {
            result.append(Agency(code: code, name: name, kind: AgencyKind(rawValue: kind) ?? .other,
                                 status: AgencyStatus(rawValue: status) ?? .active, mergedInto: mergedInto,
                                 createdAt: createdAt, updatedAt: updatedAt))
        }
        return result
    }

    /// Ordered by code, after the code `after` when given.
    public func list(includeRetired: Bool, kind: AgencyKind?, after: String?, limit: Int) async throws -> [Agency] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM agencies
            WHERE (\(includeRetired) OR status = 'active') AND (\(kind?.rawValue)::text IS NULL OR kind = \(kind?.rawValue))
              AND (\(after)::text IS NULL OR code > \(after))
            ORDER BY code LIMIT \(limit)
            """, logger: logger))
    }

    /// Every agency, retired too, locked for the rest of the transaction: a reorganization reads and changes them
    /// as one state, and two of them at once wait for each other.
    public func lockAll() async throws -> [Agency] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM agencies ORDER BY code FOR UPDATE
            """, logger: logger))
    }

    public func get(_ code: String, forUpdate: Bool = false) async throws -> Agency? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM agencies WHERE code = \(code) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)).first
    }

    public func insert(code: String, name: String, kind: AgencyKind) async throws -> Agency {
        try await Self.decode(connection.query("""
            INSERT INTO agencies (code, name, kind) VALUES (\(code), \(name), \(kind.rawValue))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func rename(_ code: String, to name: String) async throws -> Agency {
        try await Self.decode(connection.query("""
            UPDATE agencies SET name = \(name), updated_at = now() WHERE code = \(code) RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func retire(_ code: String, mergedInto: String?) async throws -> Agency {
        try await Self.decode(connection.query("""
            UPDATE agencies SET status = 'retired', merged_into = \(mergedInto), updated_at = now()
            WHERE code = \(code) RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }
}
