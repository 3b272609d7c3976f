import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// Erasure that keeps the statistics (migration 0016): what identifies an erased person is wiped from every table,
/// while their applications' stages and dates, their referrals' referrers, their panels' scores and their consents'
/// dates stay for the counts. Text columns that may not be empty get `ErasureTable.marker`.
public struct ErasureTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// What stands where a text had to stay non-empty.
    public static let marker = "(đã xoá)"

    /// Marks the candidate erased (locking the row); false when there is no such candidate or they were erased
    /// already.
    public func mark(_ candidate: UUID) async throws -> Bool {
        try await connection.query("""
            UPDATE candidates SET erased_at = now() WHERE id = \(candidate) AND erased_at IS NULL RETURNING 1
            """, logger: logger).hasRows()
    }

    /// Redacts the audit entries about a candidate this transaction marked erased (the database does it, as the
    /// schema's owner), returning their places in the chain.
    public func redactAudit(_ candidate: UUID) async throws -> [Int64] {
        let rows = try await connection.query("SELECT audit_redact_candidate(\(candidate))", logger: logger)
        for try await redacted in rows.decode([Int64].self) { return redacted }
        return []
    }

    /// Wipes the person's identifying data from every table, in one go.
    public func wipe(_ candidate: UUID) async throws {
        let marker = Self.marker
        try await connection.query("""
            WITH person AS (
                UPDATE candidates SET full_name = \(marker), search_name = '', sort_key = '', date_of_birth = NULL,
                    gender = NULL, citizen_id = NULL, email = NULL, phone = NULL, province = NULL,
                    current_employer = NULL, current_title = NULL, legal_experience_years = NULL, skills = '{}',
                    languages = '{}', notes = NULL, version = version + 1, updated_at = now()
                WHERE id = \(candidate) RETURNING id),
            education AS (DELETE FROM candidate_education WHERE candidate_id = \(candidate)),
            contacts AS (DELETE FROM candidate_contacts WHERE candidate_id = \(candidate)),
            history AS (
                UPDATE application_stage_history SET reason = NULL
                WHERE application_id IN (SELECT id FROM applications WHERE candidate_id = \(candidate))),
            sheets AS (
                UPDATE evaluation_sheets SET comment = NULL, reason = CASE WHEN reason IS NULL THEN NULL ELSE \(marker) END
                WHERE application_id IN (SELECT id FROM applications WHERE candidate_id = \(candidate))),
            recusals AS (
                UPDATE evaluation_assignments
                SET recusal_reason = CASE WHEN recusal_reason IS NULL THEN NULL ELSE \(marker) END
                WHERE application_id IN (SELECT id FROM applications WHERE candidate_id = \(candidate))),
            conflicts AS (UPDATE conflict_declarations SET reason = \(marker) WHERE candidate_id = \(candidate)),
            -- A referrer stays (the referrer's own credit), but not the words about the person, nor the person
            -- where they referred themselves.
            referrals AS (
                UPDATE referrals SET justification = \(marker),
                    referrer_name = CASE WHEN referrer_kind = 'self' THEN NULL ELSE referrer_name END,
                    referrer_title = CASE WHEN referrer_kind = 'self' THEN NULL ELSE referrer_title END,
                    referrer_email = CASE WHEN referrer_kind = 'self' THEN NULL ELSE referrer_email END
                WHERE candidate_id = \(candidate)),
            nominations AS (UPDATE nominations SET submitted = '{"erased": true}', triage_reason = NULL
                            WHERE candidate_id = \(candidate)),
            documents AS (DELETE FROM documents WHERE candidate_id = \(candidate)),
            mail AS (DELETE FROM outbox WHERE candidate_id = \(candidate)),
            consents AS (UPDATE consents SET evidence = NULL, withdrawal_reason = NULL WHERE candidate_id = \(candidate)),
            requests AS (UPDATE privacy_requests SET note = NULL WHERE candidate_id = \(candidate)),
            -- A partner's stored answer to a nomination of the person names them: the key goes with it.
            replies AS (DELETE FROM idempotency_keys WHERE strpos(response_body, \(candidate.text)) > 0)
            SELECT count(*) FROM person
            """, logger: logger)
    }

    /// The people the retention rule erases on `today`: not erased, every application of theirs closed without a
    /// hire (rejected or withdrawn), the last one closed `days` or more days ago, and no `talent_pool` consent in
    /// force (not withdrawn, superseded or expired). The longest closed first; a person with no application is not
    /// the rule's.
    public func retentionDue(days: Int, today: CalendarDate, limit: Int) async throws -> [RetentionDue] {
        let rows = try await connection.query("""
            SELECT c.id, max(a.stage_entered_at)
            FROM candidates c JOIN applications a ON a.candidate_id = c.id
            WHERE c.erased_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.candidate_id = c.id AND k.purpose = 'talent_pool'
                              AND k.withdrawn_at IS NULL AND k.superseded_at IS NULL
                              AND (k.expires_on IS NULL OR k.expires_on >= \(today.description)::date))
            GROUP BY c.id
            HAVING bool_and(a.stage IN ('rejected', 'withdrawn'))
               AND max(a.stage_entered_at) < (\(today.description)::date - \(days)::int + 1)::timestamp
                                             AT TIME ZONE 'Asia/Ho_Chi_Minh'
            ORDER BY 2, 1
            LIMIT \(limit)
            """, logger: logger)
        var due: [RetentionDue] = []
        for try await (id, closed) in rows.decode((UUID, Date).self) {
            due.append(RetentionDue(candidateID: id, lastClosedAt: closed,
                                    dueOn: CalendarDate(closed).adding(days: days)))
        }
        return due
    }

    /// Whether the candidate was erased.
    public func erased(_ candidate: UUID) async throws -> Bool {
        try await connection.query("""
            SELECT 1 FROM candidates WHERE id = \(candidate) AND erased_at IS NOT NULL
            """, logger: logger).hasRows()
    }
}
