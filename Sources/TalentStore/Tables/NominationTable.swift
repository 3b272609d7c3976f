import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for nominations and idempotency keys.
public enum NominationTable {
    public static func insert(partnerCode: String, agreementID: UUID, candidateID: UUID, referralID: UUID, positionID: UUID?,
                              applicationID: UUID?, submitted: String, consentObtainedAt: Date, consentNoticeVersion: String,
                              on connection: PostgresConnection, logger: Logger) async throws -> (UUID, Date) {
        let rows = try await connection.query("""
            INSERT INTO nominations (partner_code, agreement_id, candidate_id, referral_id, position_id, application_id,
                                     submitted, consent_obtained_at, consent_notice_version)
            VALUES (\(partnerCode), \(agreementID), \(candidateID), \(referralID), \(positionID), \(applicationID),
                    \(submitted)::jsonb, \(consentObtainedAt), \(consentNoticeVersion))
            RETURNING id, created_at
            """, logger: logger)
        for try await (id, at) in rows.decode((UUID, Date).self) { return (id, at) }
        throw ServiceError(.internalFailure, LocalizedText(vi: "Không ghi được đề cử", en: "The nomination was not written"))
    }

    /// Nominations of one agreement submitted in the calendar year of `day` (Vietnam time), for the yearly quota.
    public static func countThisYear(agreementID: UUID, year: Int, on connection: PostgresConnection,
                                     logger: Logger) async throws -> Int {
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
               (extract(epoch FROM n.created_at) * 1000000)::bigint
        FROM nominations n LEFT JOIN applications a ON a.id = n.application_id
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [(NominationView, Int64)] {
        var result: [(NominationView, Int64)] = []
        for try await (id, at, partner, submitted, position, consentAt, notice, candidate, referral, application, stage, micros)
            in rows.decode((UUID, Date, String, String, UUID?, Date, String, UUID, UUID, UUID?, String?, Int64).self) {
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
                id: id, status: NominationStatus(stage: stageValue), submittedAt: at, partnerCode: partner,
                candidateName: text("candidate", "full_name") ?? "", candidateDateOfBirth: text("candidate", "date_of_birth"),
                candidateCitizenID: text("candidate", "citizen_id"), candidateEmail: text("candidate", "email"),
                positionID: position,
                nominator: Nominator(name: text("nominator", "name") ?? "", title: text("nominator", "title"),
                                     email: text("nominator", "email")),
                relationship: text("relationship") ?? "none", justification: text("justification") ?? "",
                consentObtainedAt: consentAt, consentNoticeVersion: notice, candidateID: candidate, referralID: referral,
                applicationID: application, stage: stageValue), micros))
        }
        return result
    }

    public static func get(_ id: UUID, partnerCode: String?, on connection: PostgresConnection,
                           logger: Logger) async throws -> NominationView? {
        try await decode(connection.query("""
            \(unescaped: select) WHERE n.id = \(id) AND (\(partnerCode)::text IS NULL OR n.partner_code = \(partnerCode))
            """, logger: logger)).first?.0
    }

    public static func list(partnerCode: String?, page: PageRequest, on connection: PostgresConnection,
                            logger: Logger) async throws -> Page<NominationView> {
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let after = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let rows = try await decode(connection.query("""
            \(unescaped: select)
            WHERE (\(partnerCode)::text IS NULL OR n.partner_code = \(partnerCode))
              AND (\(afterMicros)::bigint IS NULL
                   OR (n.created_at, n.id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(after)))
            ORDER BY n.created_at DESC, n.id DESC LIMIT \(page.limit + 1)
            """, logger: logger))
        let next = rows.count > page.limit ? rows[page.limit - 1] : nil
        return Page(items: rows.prefix(page.limit).map(\.0),
                    nextCursor: next.map { Cursor(key: String($0.1), id: $0.0.id.text).encoded })
    }

    /// Moves every nomination of one candidate to another (a merge): the nominations follow the person, as referrals do.
    public static func reassign(from: UUID, to: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("UPDATE nominations SET candidate_id = \(to) WHERE candidate_id = \(from)", logger: logger)
    }
}

/// The state of an idempotency key when a request arrives with it.
public enum IdempotencyClaim: Sendable {
    /// This request owns the key: go ahead.
    case claimed
    /// The first request with this key finished: its answer.
    case replay(status: Int, body: String)
    /// The first request with this key is still running.
    case inFlight
    /// The key was used with another body.
    case mismatch
}

public enum IdempotencyTable {
    /// Claims a key for a request, or says what the first request with it did. An in-flight claim older than five
    /// minutes is taken over (its request died).
    public static func claim(partnerCode: String, key: String, requestHash: String, on connection: PostgresConnection,
                             logger: Logger) async throws -> IdempotencyClaim {
        let inserted = try await connection.query("""
            INSERT INTO idempotency_keys (partner_code, key, request_hash, state) VALUES (\(partnerCode), \(key), \(requestHash), 'in_flight')
            ON CONFLICT (partner_code, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
                WHERE idempotency_keys.state = 'in_flight' AND idempotency_keys.created_at < now() - interval '5 minutes'
                  AND idempotency_keys.request_hash = EXCLUDED.request_hash
            RETURNING 1
            """, logger: logger)
        var claimed = false
        for try await _ in inserted.decode(Int.self) { claimed = true }
        if claimed { return .claimed }
        let rows = try await connection.query("""
            SELECT request_hash, state, response_status, response_body FROM idempotency_keys
            WHERE partner_code = \(partnerCode) AND key = \(key)
            """, logger: logger)
        for try await (hash, state, status, body) in rows.decode((String, String, Int?, String?).self) {
            if hash != requestHash { return .mismatch }
            if state == "done", let status, let body { return .replay(status: status, body: body) }
            return .inFlight
        }
        return .inFlight  // the other request just rolled its claim back; a retry will claim it
    }

    public static func complete(partnerCode: String, key: String, status: Int, body: String, on connection: PostgresConnection,
                                logger: Logger) async throws {
        try await connection.query("""
            UPDATE idempotency_keys SET state = 'done', response_status = \(status), response_body = \(body)
            WHERE partner_code = \(partnerCode) AND key = \(key)
            """, logger: logger)
    }

    public static func release(partnerCode: String, key: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            DELETE FROM idempotency_keys WHERE partner_code = \(partnerCode) AND key = \(key) AND state = 'in_flight'
            """, logger: logger)
    }

    /// Forgets keys older than 48 hours (they are promised for 24).
    public static func prune(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours'", logger: logger)
    }
}
