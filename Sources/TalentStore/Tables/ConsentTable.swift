import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for consents and the privacy notices they point at.
public struct ConsentTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        id, candidate_id, purpose, notice_version, channel, obtained_at, expires_on::text, evidence, nomination_id,
        recorded_by, recorded_at, superseded_at, withdrawn_at, withdrawal_reason, withdrawn_by
        """

    /// Whether the tracker's own notice of that version exists.
    public func noticeExists(_ version: String) async throws -> Bool {
        let rows = try await connection.query("SELECT 1 FROM privacy_notices WHERE version = \(version)", logger: logger)
        return try await rows.hasRows()
    }

    /// Records a consent; the one in force for the same purpose, if any, is superseded in the same statement.
    public func record(candidate: UUID, _ consent: NewConsent, obtainedAt: Date, nomination: UUID?,
                       by recorder: String) async throws -> (recorded: Consent, superseded: Consent?) {
        let superseded = try await Self.decode(connection.query("""
            UPDATE consents SET superseded_at = now()
            WHERE candidate_id = \(candidate) AND purpose = \(consent.purpose.rawValue)
              AND withdrawn_at IS NULL AND superseded_at IS NULL
            RETURNING \(unescaped: Self.columns)
            """, logger: logger)).first
        let recorded = try await Self.decode(connection.query("""
            INSERT INTO consents (candidate_id, purpose, notice_version, channel, obtained_at, expires_on, evidence,
                                  nomination_id, recorded_by)
            VALUES (\(candidate), \(consent.purpose.rawValue), \(consent.noticeVersion), \(consent.channel.rawValue),
                    \(obtainedAt), \(consent.expiresOn?.description)::date, \(consent.evidence), \(nomination),
                    \(recorder))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger))
        return (recorded[0], superseded)
    }

    /// Ends the consent in force for the purpose; nil when there is none.
    public func withdraw(candidate: UUID, purpose: ConsentPurpose, reason: String?, by who: String) async throws -> Consent? {
        try await Self.decode(connection.query("""
            UPDATE consents SET withdrawn_at = now(), withdrawal_reason = \(reason), withdrawn_by = \(who)
            WHERE candidate_id = \(candidate) AND purpose = \(purpose.rawValue)
              AND withdrawn_at IS NULL AND superseded_at IS NULL
            RETURNING \(unescaped: Self.columns)
            """, logger: logger)).first
    }

    /// Whether the person withdrew a recruitment consent and holds none in force now (not withdrawn, not superseded,
    /// not past its expiry).
    public func recruitmentWithdrawn(candidate: UUID, today: CalendarDate) async throws -> Bool {
        let rows = try await connection.query("""
            SELECT EXISTS (SELECT 1 FROM consents WHERE candidate_id = \(candidate) AND purpose = 'recruitment'
                           AND withdrawn_at IS NOT NULL)
               AND NOT EXISTS (SELECT 1 FROM consents WHERE candidate_id = \(candidate) AND purpose = 'recruitment'
                               AND withdrawn_at IS NULL AND superseded_at IS NULL
                               AND (expires_on IS NULL OR expires_on >= \(today.description)::date))
            """, logger: logger)
        for try await refused in rows.decode(Bool.self) { return refused }
        return false
    }

    /// Moves every consent of one candidate to another (a merge): the proofs follow the person. Where both have one in
    /// force for a purpose, the kept profile's stays in force and the other's is superseded.
    public func reassign(from: UUID, to: UUID) async throws {
        try await connection.query("""
            UPDATE consents o SET superseded_at = now()
            WHERE o.candidate_id = \(from) AND o.withdrawn_at IS NULL AND o.superseded_at IS NULL
              AND EXISTS (SELECT 1 FROM consents k WHERE k.candidate_id = \(to) AND k.purpose = o.purpose
                          AND k.withdrawn_at IS NULL AND k.superseded_at IS NULL)
            """, logger: logger)
        try await connection.query("UPDATE consents SET candidate_id = \(to) WHERE candidate_id = \(from)", logger: logger)
    }

    /// Every consent of a candidate, the newest first.
    public func all(candidate: UUID) async throws -> [Consent] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM consents WHERE candidate_id = \(candidate)
            ORDER BY recorded_at DESC, id DESC
            """, logger: logger))
    }

    static func decode(_ rows: PostgresRowSequence) async throws -> [Consent] {
        var out: [Consent] = []
        for try await (id, candidate, purpose, notice, channel, obtained, expires, evidence, nomination, recordedBy,
                       recordedAt, superseded, withdrawn, reason, withdrawnBy)
            in rows.decode((UUID, UUID, String, String, String, Date, String?, String?, UUID?, String, Date, Date?, Date?,
                            String?, String?).self) {
            out.append(Consent(id: id, candidateID: candidate, purpose: ConsentPurpose(rawValue: purpose) ?? .recruitment,
                               noticeVersion: notice, channel: ConsentChannel(rawValue: channel) ?? .paper,
                               obtainedAt: obtained, expiresOn: expires.flatMap(CalendarDate.init), evidence: evidence,
                               nominationID: nomination, recordedBy: recordedBy, recordedAt: recordedAt,
                               supersededAt: superseded, withdrawnAt: withdrawn, withdrawalReason: reason,
                               withdrawnBy: withdrawnBy))
        }
        return out
    }
}
