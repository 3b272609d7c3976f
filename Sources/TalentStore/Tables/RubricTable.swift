import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for rubrics.
public struct RubricTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = "id, version, status, definition::text, created_by, created_at, published_at, retired_at"

    static func decode(_ rows: PostgresRowSequence) async throws -> [Rubric] {
        var result: [Rubric] = []
        for try await (id, version, status, definition, createdBy, createdAt, publishedAt, retiredAt)
            in rows.decode((UUID, Int, String, String, String, Date, Date?, Date?).self) {
            let json = try JSONValue(parsing: definition)
            result.append(Rubric(id: id, version: version, status: RubricStatus(rawValue: status) ?? .draft,
                                 definition: try RubricDefinition(json: json), createdBy: createdBy, createdAt: createdAt,
                                 publishedAt: publishedAt, retiredAt: retiredAt))
        }
        return result
    }

    /// Inserts a draft, the next version of its name.
    public func insert(_ definition: RubricDefinition, createdBy: String) async throws -> Rubric {
        // Two drafts of one name at once must not take the same version number.
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext('rubric:' || \(definition.name)))", logger: logger)
        return try await Self.decode(connection.query("""
            INSERT INTO rubrics (name, version, definition, created_by)
            VALUES (\(definition.name), (SELECT coalesce(max(version), 0) + 1 FROM rubrics WHERE name = \(definition.name)),
                    \(definition.json.jsonString())::jsonb, \(createdBy))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func get(_ id: UUID, forUpdate: Bool = false) async throws -> Rubric? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM rubrics WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)).first
    }

    public func get(_ ids: [UUID]) async throws -> [UUID: Rubric] {
        guard !ids.isEmpty else { return [:] }
        let rubrics = try await Self.decode(connection.query("SELECT \(unescaped: Self.columns) FROM rubrics WHERE id = ANY(\(ids))",
                                                        logger: logger))
        return Dictionary(rubrics.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func list(status: RubricStatus?) async throws -> [Rubric] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM rubrics WHERE (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
            ORDER BY name, version DESC LIMIT 1000
            """, logger: logger))
    }

    /// The published version of a name, if any.
    public func published(name: String) async throws -> Rubric? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM rubrics WHERE name = \(name) AND status = 'published' FOR UPDATE
            """, logger: logger)).first
    }

    public func setStatus(_ id: UUID, _ status: RubricStatus) async throws -> Rubric {
        try await Self.decode(connection.query("""
            UPDATE rubrics SET status = \(status.rawValue),
                published_at = CASE WHEN \(status.rawValue) = 'published' THEN now() ELSE published_at END,
                retired_at = CASE WHEN \(status.rawValue) = 'retired' THEN now() ELSE retired_at END
            WHERE id = \(id) RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }
}
