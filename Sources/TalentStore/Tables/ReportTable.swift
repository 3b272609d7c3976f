import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL of the reports.
public enum ReportTable {
    /// Per referrer: referrals, credited ones, and how far the referred candidates went. A referrer is a partner,
    /// an agency, a staff user, a person (by name, ignoring case) or "self".
    public static func referrers(kind: ReferrerKind?, year: Int? = nil, on connection: PostgresConnection, logger: Logger) async throws -> [ReferrerStats] {
        let rows = try await connection.query("""
            WITH r AS (
                SELECT referrer_kind,
                       coalesce(referrer_partner_code, referrer_agency_code, referrer_user_id::text, lower(referrer_name), 'self')
                           AS referrer,
                       referrer_name, credited, candidate_id
                FROM referrals
                WHERE (\(kind?.rawValue)::text IS NULL OR referrer_kind = \(kind?.rawValue))
                  AND (\(year)::int IS NULL OR extract(year FROM created_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = \(year))
            ),
            progress AS (
                SELECT c.candidate_id,
                       bool_or(h.to_stage = 'evaluation') AS reached_evaluation,
                       bool_or(a.stage = 'hired') AS hired,
                       bool_or(a.stage = 'rejected') AS rejected
                FROM (SELECT DISTINCT candidate_id FROM r) c
                JOIN applications a ON a.candidate_id = c.candidate_id
                LEFT JOIN application_stage_history h ON h.application_id = a.id
                GROUP BY c.candidate_id
            )
            SELECT r.referrer_kind, r.referrer,
                   -- A partner, agency or user is named by its own record, never by a name a submitter typed.
                   CASE r.referrer_kind
                       WHEN 'partner' THEN (SELECT name FROM partners WHERE code = r.referrer)
                       WHEN 'agency' THEN (SELECT name FROM agencies WHERE code = r.referrer)
                       WHEN 'user' THEN (SELECT name FROM staff_users WHERE id::text = r.referrer)
                       ELSE max(r.referrer_name) END,
                   count(*)::int,
                   (count(*) FILTER (WHERE r.credited))::int,
                   (count(DISTINCT r.candidate_id) FILTER (WHERE p.reached_evaluation))::int,
                   (count(DISTINCT r.candidate_id) FILTER (WHERE p.hired))::int,
                   (count(DISTINCT r.candidate_id) FILTER (WHERE p.rejected))::int
            FROM r LEFT JOIN progress p ON p.candidate_id = r.candidate_id
            GROUP BY r.referrer_kind, r.referrer
            ORDER BY count(*) DESC, r.referrer_kind, r.referrer
            """, logger: logger)
        var result: [ReferrerStats] = []
        for try await (kind, referrer, name, referrals, credited, evaluation, hired, rejected)
            in rows.decode((String, String, String?, Int, Int, Int, Int, Int).self) {
            result.append(ReferrerStats(referrerKind: kind, referrer: referrer, referrerName: name, referrals: referrals,
                                        credited: credited, reachedEvaluation: evaluation, hired: hired, rejected: rejected,
                                        medianPanelScore: nil))
        }
        return result
    }

    /// The applications of the candidates each referrer referred, keyed as `referrers` keys them.
    public static func referrerApplications(kind: ReferrerKind?, year: Int? = nil, on connection: PostgresConnection,
                                            logger: Logger) async throws -> [(kind: String, referrer: String, application: UUID)] {
        let rows = try await connection.query("""
            SELECT DISTINCT r.referrer_kind,
                   coalesce(r.referrer_partner_code, r.referrer_agency_code, r.referrer_user_id::text, lower(r.referrer_name), 'self'),
                   a.id
            FROM referrals r JOIN applications a ON a.candidate_id = r.candidate_id
            WHERE (\(kind?.rawValue)::text IS NULL OR r.referrer_kind = \(kind?.rawValue))
              AND (\(year)::int IS NULL OR extract(year FROM r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = \(year))
              AND EXISTS (SELECT 1 FROM evaluation_sheets s WHERE s.application_id = a.id)
            """, logger: logger)
        var result: [(kind: String, referrer: String, application: UUID)] = []
        for try await (kind, referrer, application) in rows.decode((String, String, UUID).self) {
            result.append((kind, referrer, application))
        }
        return result
    }

    /// Hires made in a year, per agency and kind.
    public static func hires(year: Int, on connection: PostgresConnection, logger: Logger) async throws -> [AgencyHires] {
        let rows = try await connection.query("""
            SELECT p.agency_code, ag.name, p.kind, count(*)::int
            FROM applications a JOIN positions p ON p.id = a.position_id JOIN agencies ag ON ag.code = p.agency_code
            WHERE a.stage = 'hired' AND extract(year FROM a.stage_entered_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = \(year)
            GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 3
            """, logger: logger)
        var result: [AgencyHires] = []
        for try await (code, name, kind, hired) in rows.decode((String, String, String, Int).self) {
            result.append(AgencyHires(agencyCode: code, agencyName: name, positionKind: PositionKind(rawValue: kind) ?? .other,
                                      hired: hired))
        }
        return result
    }

    /// The applications scored in a year, and how many sheets were submitted in it.
    public static func evaluated(year: Int, on connection: PostgresConnection,
                                 logger: Logger) async throws -> (applications: [UUID], sheets: Int) {
        let rows = try await connection.query("""
            SELECT application_id, count(*)::int FROM evaluation_sheets
            WHERE extract(year FROM submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = \(year)
            GROUP BY 1
            """, logger: logger)
        var applications: [UUID] = []
        var sheets = 0
        for try await (id, count) in rows.decode((UUID, Int).self) {
            applications.append(id)
            sheets += count
        }
        return (applications, sheets)
    }
}
