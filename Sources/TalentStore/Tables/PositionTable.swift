import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for positions.
public struct PositionTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        p.id, p.agency_code, p.title, p.kind, p.openings, p.target_date::text, p.status, p.description,
        (SELECT count(*)::int FROM applications a WHERE a.position_id = p.id AND a.stage = 'hired'),
        p.version, p.created_at, p.updated_at
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [Position] {
        var result: [Position] = []
        for try await (id, agency, title, kind, openings, target, status, description, hired, version, createdAt, updatedAt)
            in rows.decode((UUID, String, String, String, Int, String?, String, String?, Int, Int, Date, Date).self) {
            result.append(Position(id: id, agencyCode: agency, title: title, kind: PositionKind(rawValue: kind) ?? .other,
                                   openings: openings, targetDate: target.flatMap(CalendarDate.init),
                                   status: PositionStatus(rawValue: status) ?? .open, description: description,
                                   hired: hired, version: version, createdAt: createdAt, updatedAt: updatedAt))
        }
        return result
    }

    public func insert(_ p: ValidPosition) async throws -> Position {
        let rows = try await connection.query("""
            INSERT INTO positions (agency_code, title, kind, openings, target_date, status, description)
            VALUES (\(p.agencyCode), \(p.title), \(p.kind.rawValue), \(p.openings), \(p.targetDate?.description)::date,
                    \(p.status.rawValue), \(p.description))
            RETURNING id
            """, logger: logger)
        var id: UUID?
        for try await value in rows.decode(UUID.self) { id = value }
        return try await get(id!)!
    }

    public func update(_ id: UUID, expectedVersion: Int, to p: ValidPosition) async throws -> Bool {
        let rows = try await connection.query("""
            UPDATE positions SET agency_code = \(p.agencyCode), title = \(p.title), kind = \(p.kind.rawValue),
                openings = \(p.openings), target_date = \(p.targetDate?.description)::date, status = \(p.status.rawValue),
                description = \(p.description), version = version + 1, updated_at = now()
            WHERE id = \(id) AND version = \(expectedVersion) RETURNING id
            """, logger: logger)
        var updated = false
        for try await _ in rows.decode(UUID.self) { updated = true }
        return updated
    }

    public func get(_ id: UUID, forUpdate: Bool = false) async throws -> Position? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM positions p WHERE p.id = \(id) \(unescaped: forUpdate ? "FOR UPDATE OF p" : "")
            """, logger: logger)).first
    }

    public func list(agency: String?, kind: PositionKind?, status: PositionStatus?,
                     page: PageRequest) async throws -> Page<Position> {
        let after = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns), (extract(epoch FROM p.created_at) * 1000000)::bigint FROM positions p
            WHERE (\(agency)::text IS NULL OR p.agency_code = \(agency))
              AND (\(kind?.rawValue)::text IS NULL OR p.kind = \(kind?.rawValue))
              AND (\(status?.rawValue)::text IS NULL OR p.status = \(status?.rawValue))
              AND (\(afterMicros)::bigint IS NULL
                   OR (p.created_at, p.id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(after)))
            ORDER BY p.created_at DESC, p.id DESC LIMIT \(page.limit + 1)
            """, logger: logger)
        var items: [(Position, Int64)] = []
        for try await (id, agency, title, kind, openings, target, status, description, hired, version, createdAt, updatedAt, micros)
            in rows.decode((UUID, String, String, String, Int, String?, String, String?, Int, Int, Date, Date, Int64).self) {
            items.append((Position(id: id, agencyCode: agency, title: title, kind: PositionKind(rawValue: kind) ?? .other,
                                   openings: openings, targetDate: target.flatMap(CalendarDate.init),
                                   status: PositionStatus(rawValue: status) ?? .open, description: description,
                                   hired: hired, version: version, createdAt: createdAt, updatedAt: updatedAt), micros))
        }
        let next = items.count > page.limit ? items[page.limit - 1] : nil
        return Page(items: items.prefix(page.limit).map(\.0),
                    nextCursor: next.map { Cursor(key: String($0.1), id: $0.0.id.text).encoded })
    }

    /// Moves the positions of a retired agency to the agency that took over its work.
    public func reassign(from: String, to: String) async throws -> Int {
        let rows = try await connection.query("""
            WITH moved AS (UPDATE positions SET agency_code = \(to), version = version + 1, updated_at = now()
                           WHERE agency_code = \(from) RETURNING 1)
            SELECT count(*)::int FROM moved
            """, logger: logger)
        var n = 0
        for try await value in rows.decode(Int.self) { n = value }
        return n
    }
}
