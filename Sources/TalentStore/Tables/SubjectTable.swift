import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL that gathers what is held about one person across tables (the data subject's rights).
public struct SubjectTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// The nominations about a candidate as their partners sent them, oldest first.
    public func submittedNominations(candidate: UUID) async throws -> [SubmittedNomination] {
        let rows = try await connection.query("""
            SELECT id, partner_code, created_at, submitted::text, consent_obtained_at, consent_notice_version
            FROM nominations WHERE candidate_id = \(candidate) ORDER BY created_at, id
            """, logger: logger)
        var out: [SubmittedNomination] = []
        for try await (id, partner, at, submitted, obtained, notice)
            in rows.decode((UUID, String, Date, String, Date, String).self) {
            out.append(SubmittedNomination(id: id, partnerCode: partner, submittedAt: at,
                                           submitted: (try? JSONValue(parsing: Array(submitted.utf8))) ?? .null,
                                           consentObtainedAt: obtained, consentNoticeVersion: notice))
        }
        return out
    }

    /// Every audit entry about one of the records named (`type`, `id`), oldest first.
    public func audit(about records: [(type: String, id: String)]) async throws -> [AuditEntry] {
        try await AuditTable.entries(connection.query("""
            SELECT a.id, a.at, a.actor, a.role, a.channel, a.action, a.entity_type, a.entity_id, a.changes::text
            FROM audit_log a
            JOIN unnest(\(records.map(\.type)), \(records.map(\.id))) AS r(entity_type, entity_id)
              ON a.entity_type = r.entity_type AND a.entity_id = r.entity_id
            ORDER BY a.id
            """, logger: logger))
    }
}
