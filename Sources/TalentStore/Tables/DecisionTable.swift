import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for hiring decisions (kept as signed: inserted, never changed).
public struct DecisionTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        d.id, d.application_id, d.number, d.signed_on::text, d.signer, d.effective_on::text, d.method, d.recorded_by,
        d.recorded_at, (SELECT o.id FROM officials o WHERE o.decision_id = d.id)
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [HiringDecision] {
        var result: [HiringDecision] = []
        for try await (id, application, number, signed, signer, effective, method, by, at, official)
            in rows.decode((UUID, UUID, String, String, String, String, String?, String, Date, UUID?).self) {
            result.append(HiringDecision(id: id, applicationID: application, number: number, signedOn: CalendarDate(signed)!,
                                         signer: signer, effectiveOn: CalendarDate(effective)!,
                                         method: method.flatMap(HiringMethod.init), recordedBy: by, recordedAt: at,
                                         officialID: official))
        }
        return result
    }

    public func insert(_ d: ValidHiringDecision, recordedBy: String) async throws -> UUID {
        let rows = try await connection.query("""
            INSERT INTO hiring_decisions (application_id, number, signed_on, signer, effective_on, method, recorded_by)
            VALUES (\(d.applicationID), \(d.number), \(d.signedOn.description)::date, \(d.signer),
                    \(d.effectiveOn.description)::date, \(d.method?.rawValue), \(recordedBy))
            RETURNING id
            """, logger: logger)
        for try await id in rows.decode(UUID.self) { return id }
        throw ServiceError(.internalFailure, LocalizedText(vi: "Không ghi được quyết định", en: "The decision was not written"))
    }

    public func get(_ id: UUID) async throws -> HiringDecision? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM hiring_decisions d WHERE d.id = \(id)
            """, logger: logger)).first
    }

    public func forApplication(_ application: UUID) async throws -> HiringDecision? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM hiring_decisions d WHERE d.application_id = \(application)
            """, logger: logger)).first
    }

    /// Newest signing first; narrowed to the positions of one agency when `agency` is given.
    public func list(agency: String?, page: PageRequest) async throws -> Page<HiringDecision> {
        let after = page.cursor.flatMap { CalendarDate($0.key) }?.description
        let afterID = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let items = try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM hiring_decisions d
            JOIN applications a ON a.id = d.application_id JOIN positions p ON p.id = a.position_id
            WHERE (\(agency)::text IS NULL OR p.agency_code = \(agency))
              AND (\(afterID)::uuid IS NULL OR (d.signed_on, d.id) < (\(after)::date, \(afterID)))
            ORDER BY d.signed_on DESC, d.id DESC LIMIT \(page.limit + 1)
            """, logger: logger))
        let next = items.count > page.limit ? items[page.limit - 1] : nil
        return Page(items: Array(items.prefix(page.limit)),
                    nextCursor: next.map { Cursor(key: $0.signedOn.description, id: $0.id.text).encoded })
    }

    /// Sets the effective date of a hire already in `hired`.
    public func dateHire(application: UUID, on day: CalendarDate) async throws {
        try await connection.query("""
            UPDATE applications SET hired_on = \(day.description)::date, version = version + 1, updated_at = now()
            WHERE id = \(application) AND stage = 'hired'
            """, logger: logger)
    }

    /// Applications now in `hired` at a position.
    public func hires(position: UUID) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM applications WHERE position_id = \(position) AND stage = 'hired'
            """, logger: logger)
        for try await n in rows.decode(Int.self) { return n }
        return 0
    }
}
