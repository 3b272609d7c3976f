import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for the officials in post.
public struct OfficialTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        o.id, o.full_name, o.agency_code, o.kind, o.core_force, o.candidate_id, o.decision_id, o.since::text,
        o.until::text, o.leave_reason, o.version, o.created_by, o.created_at, o.updated_at, o.search_name
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [Official] {
        var result: [Official] = []
        for try await row in rows {
            let c = try row.decode((UUID, String, String, String, Bool, UUID?, UUID?, String, String?, String?, Int,
                                    String, Date, Date, String).self)
            result.append(Official(id: c.0, fullName: c.1, agencyCode: c.2, kind: OfficialKind(rawValue: c.3) ?? .draftingStaff,
                                   coreForce: c.4, candidateID: c.5, decisionID: c.6, since: CalendarDate(c.7)!,
                                   until: c.8.flatMap(CalendarDate.init), leaveReason: c.9, version: c.10,
                                   createdBy: c.11, createdAt: c.12, updatedAt: c.13))
        }
        return result
    }

    public func insert(_ o: ValidOfficial, decisionID: UUID? = nil, createdBy: String) async throws -> Official {
        try await Self.decode(connection.query("""
            INSERT INTO officials AS o (full_name, search_name, agency_code, kind, core_force, candidate_id, decision_id,
                                        since, created_by)
            VALUES (\(o.fullName), \(VietnameseText.fold(o.fullName)), \(o.agencyCode), \(o.kind.rawValue), \(o.coreForce),
                    \(o.candidateID), \(decisionID), \(o.since.description)::date, \(createdBy))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0]
    }

    public func get(_ id: UUID, forUpdate: Bool = false) async throws -> Official? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM officials o WHERE o.id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)).first
    }

    /// The official a decision put in post.
    public func forDecision(_ decision: UUID) async throws -> Official? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM officials o WHERE o.decision_id = \(decision)
            """, logger: logger)).first
    }

    /// By agency, then name (accents and case folded), then id; `inPostOn` keeps those in post that day; `q` matches
    /// the folded name.
    public func list(agency: String?, kind: OfficialKind?, inPostOn day: CalendarDate?, q: String?,
                     page: PageRequest) async throws -> Page<Official> {
        let parts = page.cursor.map { $0.key.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false) }
        let afterAgency = parts.flatMap { $0.count == 2 ? String($0[0]) : nil }
        let afterName = parts.flatMap { $0.count == 2 ? String($0[1]) : nil }
        let afterID = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let pattern = q.map { "%" + SearchSQL.like(VietnameseText.fold($0)) + "%" }
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM officials o
            WHERE (\(agency)::text IS NULL OR o.agency_code = \(agency))
              AND (\(kind?.rawValue)::text IS NULL OR o.kind = \(kind?.rawValue))
              AND (\(day?.description)::date IS NULL
                   OR (o.since <= \(day?.description)::date AND (o.until IS NULL OR o.until > \(day?.description)::date)))
              AND (\(pattern)::text IS NULL OR o.search_name LIKE \(pattern))
              AND (\(afterID)::uuid IS NULL OR (o.agency_code, o.search_name, o.id) > (\(afterAgency), \(afterName), \(afterID)))
            ORDER BY o.agency_code, o.search_name, o.id LIMIT \(page.limit + 1)
            """, logger: logger)
        let items = try await Self.decode(rows)
        let next = items.count > page.limit ? items[page.limit - 1] : nil
        return Page(items: Array(items.prefix(page.limit)), nextCursor: next.map {
            Cursor(key: "\($0.agencyCode)\t\(VietnameseText.fold($0.fullName))", id: $0.id.text).encoded
        })
    }

    /// Records the first day out of post; false when the official has already left.
    public func leave(_ id: UUID, on day: CalendarDate, reason: String?) async throws -> Bool {
        let rows = try await connection.query("""
            UPDATE officials SET until = \(day.description)::date, leave_reason = \(reason), version = version + 1,
                                 updated_at = now()
            WHERE id = \(id) AND until IS NULL RETURNING id
            """, logger: logger)
        return try await rows.hasRows()
    }

    public func update(_ id: UUID, kind: OfficialKind, coreForce: Bool, expectedVersion: Int) async throws -> Bool {
        let rows = try await connection.query("""
            UPDATE officials SET kind = \(kind.rawValue), core_force = \(coreForce), version = version + 1, updated_at = now()
            WHERE id = \(id) AND version = \(expectedVersion) RETURNING id
            """, logger: logger)
        return try await rows.hasRows()
    }

    /// Links the officials of a merged-away candidate profile to the profile kept.
    public func reassignCandidate(from: UUID, to: UUID) async throws {
        try await connection.query("""
            UPDATE officials SET candidate_id = \(to), version = version + 1, updated_at = now() WHERE candidate_id = \(from)
            """, logger: logger)
    }

    /// Moves a retired agency's officials to the agency that took over its work; returns their ids.
    public func reassign(from: String, to: String) async throws -> [UUID] {
        let rows = try await connection.query("""
            UPDATE officials SET agency_code = \(to), version = version + 1, updated_at = now()
            WHERE agency_code = \(from) RETURNING id
            """, logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }
}
