import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for what the e-mail job queues: evaluators' reminders and HR's weekly digest.
public struct MailTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// A sheet an evaluator still owes on an application in evaluation.
    public struct DueSheet: Sendable {
        public var evaluatorID: UUID
        public var evaluatorName: String
        public var email: String?
        public var applicationID: UUID
        public var positionTitle: String
        public var agencyName: String
        public var assignedAt: Date
    }

    /// Sheets not submitted `days` days or more after the assignment (and as long after the last reminder), of
    /// active evaluators with an e-mail; locked, so that another instance's job running at the same moment skips
    /// them.
    public func dueReminders(days: Int) async throws -> [DueSheet] {
        let rows = try await connection.query("""
            SELECT ea.evaluator_id, u.name, u.email, ea.application_id, p.title, ag.name, ea.assigned_at
            FROM evaluation_assignments ea
            JOIN staff_users u ON u.id = ea.evaluator_id
            JOIN applications a ON a.id = ea.application_id
            JOIN positions p ON p.id = a.position_id
            JOIN agencies ag ON ag.code = p.agency_code
            WHERE ea.recused_at IS NULL AND a.stage = 'evaluation' AND u.email IS NOT NULL AND u.disabled_at IS NULL
              AND ea.assigned_at <= now() - \(days) * interval '1 day'
              AND (ea.reminded_at IS NULL OR ea.reminded_at <= now() - \(days) * interval '1 day')
              AND NOT EXISTS (SELECT 1 FROM evaluation_sheets s WHERE s.application_id = ea.application_id
                                AND s.evaluator_id = ea.evaluator_id AND s.superseded_at IS NULL)
            ORDER BY ea.evaluator_id, ea.assigned_at, ea.application_id
            FOR UPDATE OF ea SKIP LOCKED
            """, logger: logger)
        var result: [DueSheet] = []
        for try await (evaluator, name, email, application, title, agency, at)
            in rows.decode((UUID, String, String?, UUID, String, String, Date).self) {
            result.append(DueSheet(evaluatorID: evaluator, evaluatorName: name, email: email, applicationID: application,
                                   positionTitle: title, agencyName: agency, assignedAt: at))
        }
        return result
    }

    public func markReminded(evaluator: UUID, applications: [UUID]) async throws {
        try await connection.query("""
            UPDATE evaluation_assignments SET reminded_at = now()
            WHERE evaluator_id = \(evaluator) AND application_id = ANY(\(applications))
            """, logger: logger)
    }

    /// Active HR officers and admins with an e-mail who have had no digest this week.
    public func digestRecipients(week: String) async throws -> [StaffUser] {
        let rows = try await connection.query("""
            SELECT u.id FROM staff_users u
            WHERE u.role IN ('hr', 'admin') AND u.email IS NOT NULL AND u.disabled_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM mail_digests d WHERE d.user_id = u.id AND d.week = \(week))
            ORDER BY u.id
            """, logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        var users: [StaffUser] = []
        for id in ids {
            if let user = try await UserTable(connection: connection, logger: logger).get(id) { users.append(user) }
        }
        return users
    }

    /// Records this week's digest of a user; false when another instance already did.
    public func claimDigest(user: UUID, week: String) async throws -> Bool {
        let rows = try await connection.query("""
            INSERT INTO mail_digests (user_id, week) VALUES (\(user), \(week)) ON CONFLICT DO NOTHING RETURNING 1
            """, logger: logger)
        for try await _ in rows { return true }
        return false
    }

    public struct DigestCounts: Sendable {
        public var untriaged = 0, stale = 0, pendingSheets = 0, overdueRequests = 0
        public var total: Int { untriaged + stale + pendingSheets + overdueRequests }
    }

    /// What is overdue within a reach: nominations not triaged, open applications without a move, sheets not
    /// submitted, data subjects' requests past their deadline (those for the province's reach only: Sở Tư pháp's).
    public func digestCounts(reach: Reach, triageDays: Int, staleDays: Int, sheetDays: Int) async throws -> DigestCounts {
        let r = reach.binds
        let rows = try await connection.query("""
            SELECT
              (SELECT count(*)::int FROM nominations n
               WHERE n.triage = 'new' AND n.created_at <= now() - \(triageDays) * interval '1 day'
                 AND candidate_in_reach(n.candidate_id, \(r.agency)::text, \(r.addedBy)::uuid, \(r.evaluator)::uuid)
                 AND (n.application_id IS NULL OR application_in_reach(n.application_id, \(r.agency)::text, \(r.evaluator)::uuid))),
              (SELECT count(*)::int FROM applications a
               WHERE a.stage NOT IN ('hired', 'rejected', 'withdrawn', 'pool')
                 AND a.stage_entered_at <= now() - \(staleDays) * interval '1 day'
                 AND application_in_reach(a.id, \(r.agency)::text, \(r.evaluator)::uuid)),
              (SELECT count(*)::int FROM evaluation_assignments ea JOIN applications a ON a.id = ea.application_id
               WHERE ea.recused_at IS NULL AND a.stage = 'evaluation'
                 AND ea.assigned_at <= now() - \(sheetDays) * interval '1 day'
                 AND application_in_reach(a.id, \(r.agency)::text, \(r.evaluator)::uuid)
                 AND NOT EXISTS (SELECT 1 FROM evaluation_sheets s WHERE s.application_id = ea.application_id
                                   AND s.evaluator_id = ea.evaluator_id AND s.superseded_at IS NULL)),
              (SELECT count(*)::int FROM privacy_requests pr
               WHERE \(reach == .province) AND pr.status IN ('open', 'acknowledged', 'extended')
                 AND pr.due_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
            """, logger: logger)
        for try await (untriaged, stale, sheets, requests) in rows.decode((Int, Int, Int, Int).self) {
            return DigestCounts(untriaged: untriaged, stale: stale, pendingSheets: sheets, overdueRequests: requests)
        }
        return DigestCounts()
    }
}
