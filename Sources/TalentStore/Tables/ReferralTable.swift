import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for referrals.
public struct ReferralTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        id, candidate_id, referrer_kind, referrer_name, referrer_title, referrer_email, referrer_user_id,
        referrer_agency_code, referrer_partner_code, relationship, justification, channel, credited, created_by, created_at,
        (extract(epoch FROM created_at) * 1000000)::bigint
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [(Referral, Int64)] {
        var result: [(Referral, Int64)] = []
        for try await (id, candidate, kind, name, title, email, user, agency, partner, relationship, justification, channel,
                       credited, createdBy, createdAt, micros)
            in rows.decode((UUID, UUID, String, String?, String?, String?, UUID?, String?, String?, String, String, String,
                            Bool, String, Date, Int64).self) {
            result.append((Referral(id: id, candidateID: candidate, referrerKind: ReferrerKind(rawValue: kind) ?? .person,
                                    referrerName: name, referrerTitle: title, referrerEmail: email, referrerUserID: user,
                                    referrerAgencyCode: agency, referrerPartnerCode: partner,
                                    relationship: Relationship(rawValue: relationship) ?? .none, justification: justification,
                                    channel: channel, credited: credited, createdBy: createdBy, createdAt: createdAt), micros))
        }
        return result
    }

    /// Inserts a referral, credited when the candidate has no credited referral within the last `creditMonths`.
    /// The caller holds the candidate's row lock, so two referrals at once cannot both be credited.
    public func insert(_ r: ValidReferral, referrerName: String?, channel: String, createdBy: String,
                       creditMonths: Int) async throws -> Referral {
        try await Self.decode(connection.query("""
            INSERT INTO referrals (candidate_id, referrer_kind, referrer_name, referrer_title, referrer_email, referrer_user_id,
                                   referrer_agency_code, referrer_partner_code, relationship, justification, channel,
                                   credited, created_by)
            VALUES (\(r.candidateID), \(r.kind.rawValue), \(referrerName), \(r.title), \(r.email), \(r.userID),
                    \(r.agencyCode), \(r.partnerCode), \(r.relationship.rawValue), \(r.justification), \(channel),
                    NOT EXISTS (SELECT 1 FROM referrals WHERE candidate_id = \(r.candidateID) AND credited
                                AND created_at > now() - make_interval(months => \(creditMonths)::int)),
                    \(createdBy))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))[0].0
    }

    public func get(_ id: UUID) async throws -> Referral? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM referrals WHERE id = \(id)
            """, logger: logger)).first?.0
    }

    /// The furthest a candidate went: whether any application of theirs was hired, or reached the talent pool, an
    /// offer or an interview (past a complete panel).
    public func candidateDidWell(_ candidate: UUID) async throws -> Bool {
        try await connection.query("""
            SELECT 1 FROM applications a WHERE a.candidate_id = \(candidate)
              AND (a.stage IN ('hired', 'pool', 'offer', 'interview')
                   OR EXISTS (SELECT 1 FROM application_stage_history h WHERE h.application_id = a.id
                              AND h.to_stage IN ('hired', 'pool', 'offer', 'interview')))
            LIMIT 1
            """, logger: logger).hasRows()
    }

    /// Every referral of a candidate, the oldest first.
    public func all(candidateID: UUID) async throws -> [Referral] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM referrals WHERE candidate_id = \(candidateID) ORDER BY created_at, id
            """, logger: logger)).map(\.0)
    }

    public func list(candidateID: UUID?, kind: ReferrerKind?, referrer: String?, credited: Bool?,
                     reach: Reach = .province, page: PageRequest) async throws -> Page<Referral> {
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let after = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let r = reach.binds
        let rows = try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM referrals
            WHERE (\(candidateID)::uuid IS NULL OR candidate_id = \(candidateID))
              AND candidate_in_reach(candidate_id, \(r.agency)::text, \(r.addedBy)::uuid, \(r.evaluator)::uuid)
              AND candidate_id NOT IN (SELECT id FROM candidates WHERE erased_at IS NOT NULL)
              AND (\(kind?.rawValue)::text IS NULL OR referrer_kind = \(kind?.rawValue))
              AND (\(credited)::boolean IS NULL OR credited = \(credited))
              AND (\(referrer)::text IS NULL OR lower(referrer_name) = lower(\(referrer)) OR referrer_agency_code = upper(\(referrer))
                   OR referrer_partner_code = upper(\(referrer)) OR referrer_user_id::text = lower(\(referrer)))
              AND (\(afterMicros)::bigint IS NULL
                   OR (created_at, id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(after)))
            ORDER BY created_at DESC, id DESC LIMIT \(page.limit + 1)
            """, logger: logger))
        let next = rows.count > page.limit ? rows[page.limit - 1] : nil
        return Page(items: rows.prefix(page.limit).map(\.0),
                    nextCursor: next.map { Cursor(key: String($0.1), id: $0.0.id.text).encoded })
    }

    /// Moves every referral of one candidate to another (a merge); credits stay as they were.
    public func reassign(from: UUID, to: UUID) async throws -> [UUID] {
        let rows = try await connection.query("UPDATE referrals SET candidate_id = \(to) WHERE candidate_id = \(from) RETURNING id",
                                              logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }
}
