import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for commendations of officials and referrers.
public struct CommendationTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// The subject's name and agency: the official's, or the referrer's as the referral names them and the agency of
    /// the position the referred candidate was hired to.
    static let columns = """
        c.id, c.official_id, c.referral_id,
        coalesce(o.full_name, r.referrer_name, ru.name, rag.name, rp.name, ''),
        coalesce(o.agency_code, hp.agency_code),
        c.reason, c.status, c.decision_number, c.decided_on::text, c.proposed_by, c.proposed_at, c.decided_by, c.version
        """
    static let from = """
        commendations c LEFT JOIN officials o ON o.id = c.official_id LEFT JOIN referrals r ON r.id = c.referral_id
        LEFT JOIN staff_users ru ON ru.id = r.referrer_user_id LEFT JOIN agencies rag ON rag.code = r.referrer_agency_code
        LEFT JOIN partners rp ON rp.code = r.referrer_partner_code
        LEFT JOIN LATERAL (SELECT p.agency_code FROM applications a JOIN positions p ON p.id = a.position_id
                           WHERE a.candidate_id = r.candidate_id AND a.stage = 'hired'
                           ORDER BY a.hired_on DESC LIMIT 1) hp ON true
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [Commendation] {
        var result: [Commendation] = []
        for try await row in rows {
            let c = try row.decode((UUID, UUID?, UUID?, String, String?, String, String, String?, String?, String, Date,
                                    String?, Int).self)
            result.append(Commendation(id: c.0, subject: c.1 == nil ? .referral : .official, officialID: c.1,
                                       referralID: c.2, subjectName: c.3, agencyCode: c.4, reason: c.5,
                                       status: CommendationStatus(rawValue: c.6) ?? .proposed, decisionNumber: c.7,
                                       decidedOn: c.8.flatMap(CalendarDate.init), proposedBy: c.9, proposedAt: c.10,
                                       decidedBy: c.11, version: c.12))
        }
        return result
    }

    public func insert(_ c: ValidCommendation, proposedBy: String) async throws -> Commendation {
        var official: UUID?, referral: UUID?
        switch c.target {
        case .official(let id): official = id
        case .referral(let id): referral = id
        }
        let rows = try await connection.query("""
            INSERT INTO commendations (official_id, referral_id, reason, proposed_by)
            VALUES (\(official), \(referral), \(c.reason), \(proposedBy)) RETURNING id
            """, logger: logger)
        var id: UUID?
        for try await value in rows.decode(UUID.self) { id = value }
        return try await get(id!)!
    }

    public func get(_ id: UUID, forUpdate: Bool = false) async throws -> Commendation? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: Self.from) WHERE c.id = \(id)
            \(unescaped: forUpdate ? "FOR UPDATE OF c" : "")
            """, logger: logger)).first
    }

    public func decide(_ id: UUID, _ decision: CommendationDecision, by actor: String) async throws -> Bool {
        let rows = try await connection.query("""
            UPDATE commendations SET status = 'decided', decision_number = \(decision.number),
                   decided_on = \(decision.on.description)::date, decided_by = \(actor), version = version + 1
            WHERE id = \(id) AND status = 'proposed' RETURNING id
            """, logger: logger)
        return try await rows.hasRows()
    }

    /// Newest proposal first; `agency` keeps those whose subject belongs to it; `decidedIn` those decided in a year.
    public func list(agency: String?, status: CommendationStatus?, decidedIn year: Int? = nil, fromYear: Int? = nil,
                     page: PageRequest) async throws -> Page<Commendation> {
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let afterID = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let items = try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: Self.from)
            WHERE (\(status?.rawValue)::text IS NULL OR c.status = \(status?.rawValue))
              AND (\(year)::int IS NULL OR extract(year FROM c.decided_on) BETWEEN coalesce(\(fromYear)::int, \(year)) AND \(year))
              AND (\(agency)::text IS NULL OR coalesce(o.agency_code, hp.agency_code) = \(agency))
              AND (\(afterMicros)::bigint IS NULL
                   OR (c.proposed_at, c.id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(afterID)))
            ORDER BY c.proposed_at DESC, c.id DESC LIMIT \(page.limit + 1)
            """, logger: logger))
        let next = items.count > page.limit ? items[page.limit - 1] : nil
        return Page(items: Array(items.prefix(page.limit)), nextCursor: next.map {
            Cursor(key: String(Int64(($0.proposedAt.timeIntervalSince1970 * 1_000_000).rounded())), id: $0.id.text).encoded
        })
    }
}
