import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for nominations (their idempotency keys: `IdempotencyTable`).
public struct NominationTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    public func insert(partnerCode: String, agreementID: UUID, candidateID: UUID, referralID: UUID, positionID: UUID?,
                       applicationID: UUID?, openedApplication: Bool, submitted: String, consentObtainedAt: Date,
                       consentNoticeVersion: String) async throws -> (UUID, Date) {
        let rows = try await connection.query("""
            INSERT INTO nominations (partner_code, agreement_id, candidate_id, referral_id, position_id, application_id,
                                     opened_application, submitted, consent_obtained_at, consent_notice_version)
            VALUES (\(partnerCode), \(agreementID), \(candidateID), \(referralID), \(positionID), \(applicationID),
                    \(openedApplication), \(submitted)::jsonb, \(consentObtainedAt), \(consentNoticeVersion))
            RETURNING id, created_at
            """, logger: logger)
        for try await (id, at) in rows.decode((UUID, Date).self) { return (id, at) }
        throw ServiceError(.internalFailure, LocalizedText(vi: "Không ghi được đề cử", en: "The nomination was not written"))
    }

    /// Takes the transaction's lock on one person (their citizen ID, else e-mail): nominations of the same person
    /// wait for each other here, so that they make one candidate.
    public func lockPerson(_ personKey: String) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(personKey), 483))", logger: logger)
    }

    /// Nominations of one agreement submitted in the calendar year of `day` (Vietnam time), for the yearly quota.
    public func countThisYear(agreementID: UUID, year: Int) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM nominations
            WHERE agreement_id = \(agreementID)
              AND created_at >= make_timestamptz(\(year)::int, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')
              AND created_at < make_timestamptz(\(year + 1)::int, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')
            """, logger: logger)
        for try await n in rows.decode(Int.self) { return n }
        return 0
    }

    static let select = """
        SELECT n.id, n.created_at, n.partner_code, n.submitted::text, n.position_id, n.consent_obtained_at,
               n.consent_notice_version, n.candidate_id, n.referral_id, n.application_id, a.stage,
               (extract(epoch FROM n.created_at) * 1000000)::bigint, n.opened_application, n.status, n.triage,
               n.triage_reason, n.triaged_by, n.triaged_at, n.status_changed_at
        FROM nominations n LEFT JOIN applications a ON a.id = n.application_id
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [(NominationView, Int64)] {
        var result: [(NominationView, Int64)] = []
        for try await (id, at, partner, submitted, position, consentAt, notice, candidate, referral, application, stage, micros,
                       opened, status, triage, reason, triagedBy, triagedAt, statusChangedAt)
            in rows.decode((UUID, Date, String, String, UUID?, Date, String, UUID, UUID, UUID?, String?, Int64, Bool, String,
                            String, String?, String?, Date?, Date?).self) {
            let body = (try? JSONValue(parsing: submitted)) ?? .null
            func text(_ path: String...) -> String? {
                var value = body
                for key in path {
                    guard case .object(let object) = value, let next = object[key] else { return nil }
                    value = next
                }
                if case .string(let s) = value { return s }
                return nil
            }
            let stageValue = stage.flatMap(PipelineStage.init)
            result.append((NominationView(
                id: id, status: NominationStatus(rawValue: status) ?? .received, submittedAt: at, partnerCode: partner,
                candidateName: text("candidate", "full_name") ?? "", candidateDateOfBirth: text("candidate", "date_of_birth"),
                candidateCitizenID: text("candidate", "citizen_id"), candidateEmail: text("candidate", "email"),
                positionID: position,
                nominator: Nominator(name: text("nominator", "name") ?? "", title: text("nominator", "title"),
                                     email: text("nominator", "email")),
                relationship: text("relationship") ?? "none", justification: text("justification") ?? "",
                consentObtainedAt: consentAt, consentNoticeVersion: notice, candidateID: candidate, referralID: referral,
                applicationID: application, stage: stageValue, openedApplication: opened,
                triage: NominationTriage(rawValue: triage) ?? .new, triageReason: reason, triagedBy: triagedBy,
                triagedAt: triagedAt, statusChangedAt: statusChangedAt), micros))
        }
        return result
    }

    public func get(_ id: UUID, partnerCode: String?, reach: Reach = .province) async throws -> NominationView? {
        let r = reach.binds
        return try await Self.decode(connection.query("""
            \(unescaped: Self.select) WHERE n.id = \(id) AND (\(partnerCode)::text IS NULL OR n.partner_code = \(partnerCode))
              AND candidate_in_reach(n.candidate_id, \(r.agency)::text, \(r.addedBy)::uuid, \(r.evaluator)::uuid)
              AND (n.application_id IS NULL OR application_in_reach(n.application_id, \(r.agency)::text, \(r.evaluator)::uuid))
            """, logger: logger)).first?.0
    }

    /// Every nomination of a candidate within reach (those for an application out of reach are not), the oldest
    /// first (staff's view).
    public func all(candidateID: UUID, reach: Reach = .province) async throws -> [NominationView] {
        let r = reach.binds
        return try await Self.decode(connection.query("""
            \(unescaped: Self.select) WHERE n.candidate_id = \(candidateID)
              AND (n.application_id IS NULL OR application_in_reach(n.application_id, \(r.agency)::text, \(r.evaluator)::uuid))
            ORDER BY n.created_at, n.id
            """, logger: logger)).map(\.0)
    }

    public func list(partnerCode: String?, reach: Reach = .province, status: NominationStatus? = nil,
                     triage: NominationTriage? = nil, page: PageRequest) async throws -> Page<NominationView> {
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let after = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let r = reach.binds
        let rows = try await Self.decode(connection.query("""
            \(unescaped: Self.select)
            WHERE (\(partnerCode)::text IS NULL OR n.partner_code = \(partnerCode))
              AND candidate_in_reach(n.candidate_id, \(r.agency)::text, \(r.addedBy)::uuid, \(r.evaluator)::uuid)
              AND (n.application_id IS NULL OR application_in_reach(n.application_id, \(r.agency)::text, \(r.evaluator)::uuid))
              AND n.candidate_id NOT IN (SELECT id FROM candidates WHERE erased_at IS NOT NULL)
              AND (\(status?.rawValue)::text IS NULL OR n.status = \(status?.rawValue))
              AND (\(triage?.rawValue)::text IS NULL OR n.triage = \(triage?.rawValue))
              AND (\(afterMicros)::bigint IS NULL
                   OR (n.created_at, n.id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(after)))
            ORDER BY n.created_at DESC, n.id DESC LIMIT \(page.limit + 1)
            """, logger: logger))
        let next = rows.count > page.limit ? rows[page.limit - 1] : nil
        return Page(items: rows.prefix(page.limit).map(\.0),
                    nextCursor: next.map { Cursor(key: String($0.1), id: $0.0.id.text).encoded })
    }

    /// Locks one nomination for the transaction (two triages of it go one after the other).
    public func lock(_ id: UUID) async throws {
        try await connection.query("SELECT 1 FROM nominations WHERE id = \(id) FOR UPDATE", logger: logger)
    }

    /// Records HR's triage of a nomination, and links the application it was taken forward as.
    public func triage(_ id: UUID, to triage: NominationTriage, reason: String?, applicationID: UUID?, by staff: String)
        async throws {
        try await connection.query("""
            UPDATE nominations SET triage = \(triage.rawValue), triage_reason = \(reason), triaged_by = \(staff),
                   triaged_at = now(), application_id = coalesce(\(applicationID), application_id),
                   opened_application = opened_application OR \(applicationID)::uuid IS NOT NULL
            WHERE id = \(id)
            """, logger: logger)
    }

    /// Brings the partner's coarse status of every nomination of these candidates up to date with their progress
    /// (`nomination_status`, in SQL); returns the nominations whose status changed.
    public func follow(candidates: [UUID]) async throws -> [NominationStatusChange] {
        guard !candidates.isEmpty else { return [] }
        // The rows first, in a statement of their own: the next one then reads, with a fresh snapshot, what
        // another transaction that changed the same person's applications committed meanwhile.
        try await connection.query("""
            SELECT 1 FROM nominations WHERE candidate_id = ANY(\(candidates)) ORDER BY id FOR UPDATE
            """, logger: logger)
        let rows = try await connection.query("""
            WITH current AS (
                SELECT id, status AS before, nomination_status(id) AS after FROM nominations
                WHERE candidate_id = ANY(\(candidates))
            )
            UPDATE nominations n SET status = current.after, status_changed_at = clock_timestamp()
            FROM current WHERE n.id = current.id AND current.after IS DISTINCT FROM current.before
            RETURNING n.id, n.partner_code, current.before, current.after, n.status_changed_at
            """, logger: logger)
        var changes: [NominationStatusChange] = []
        for try await (id, partner, before, after, at) in rows.decode((UUID, String, String, String, Date).self) {
            guard let from = NominationStatus(rawValue: before), let to = NominationStatus(rawValue: after) else { continue }
            changes.append(NominationStatusChange(nominationID: id, partnerCode: partner, from: from, to: to, at: at))
        }
        return changes.sorted { $0.nominationID.uuidString < $1.nominationID.uuidString }
    }

    /// Moves every nomination of one candidate to another (a merge): the nominations follow the person, as referrals do.
    public func reassign(from: UUID, to: UUID) async throws {
        try await connection.query("UPDATE nominations SET candidate_id = \(to) WHERE candidate_id = \(from)", logger: logger)
    }
}
