import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for the plan's targets.
public struct TargetTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        t.id, t.agency_code, t.position_kind, t.count, to_char(t.deadline, 'YYYY-MM-DD'), to_char(t.starts_on, 'YYYY-MM-DD'),
        t.note, t.created_by, t.created_at
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [Target] {
        var result: [Target] = []
        for try await (id, agency, kind, count, deadline, starts, note, createdBy, createdAt)
            in rows.decode((UUID, String, String, Int, String, String, String?, String, Date).self) {
            result.append(Target(id: id, agencyCode: agency, positionKind: PositionKind(rawValue: kind) ?? .other,
                                 count: count, deadline: CalendarDate(deadline)!, startsOn: CalendarDate(starts)!,
                                 note: note, createdBy: createdBy, createdAt: createdAt))
        }
        return result
    }

    public func insert(_ t: ValidTarget, createdBy: String) async throws -> Target {
        try await Self.decode(connection.query("""
            INSERT INTO targets AS t (agency_code, position_kind, count, deadline, starts_on, note, created_by)
            VALUES (\(t.agencyCode), \(t.positionKind.rawValue), \(t.count), \(t.deadline.description)::date,
                    \(t.startsOn.description)::date, \(t.note), \(createdBy))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func list(agency: String?) async throws -> [Target] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM targets t WHERE (\(agency)::text IS NULL OR t.agency_code = \(agency))
            ORDER BY t.deadline, t.agency_code, t.position_kind LIMIT 10000
            """, logger: logger))
    }

    /// Hands a retired agency's targets to the agency that took over its work. Where the receiving agency already has
    /// a target of the same kind and deadline, the two become one with the larger count. Returns the ids moved and
    /// the ids folded into another.
    public func reassign(from: String, to: String) async throws -> (moved: [UUID], folded: [UUID]) {
        let folded = try await connection.query("""
            WITH pairs AS (
                SELECT o.id AS old_id, n.id AS new_id, o.count AS old_count
                FROM targets o JOIN targets n ON n.agency_code = \(to) AND n.position_kind = o.position_kind
                                             AND n.deadline = o.deadline
                WHERE o.agency_code = \(from)
            ), raised AS (
                UPDATE targets t SET count = greatest(t.count, pairs.old_count) FROM pairs WHERE t.id = pairs.new_id
            )
            DELETE FROM targets t USING pairs WHERE t.id = pairs.old_id RETURNING t.id
            """, logger: logger)
        var foldedIDs: [UUID] = []
        for try await id in folded.decode(UUID.self) { foldedIDs.append(id) }
        let moved = try await connection.query("""
            UPDATE targets SET agency_code = \(to) WHERE agency_code = \(from) RETURNING id
            """, logger: logger)
        var movedIDs: [UUID] = []
        for try await id in moved.decode(UUID.self) { movedIDs.append(id) }
        return (movedIDs, foldedIDs)
    }
}
