import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL of the reports.
public struct ReportTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Per referrer: referrals, credited ones, and how far the referred candidates went. A referrer is a partner,
    /// an agency, a staff user, a person (by name, ignoring case) or "self".
    /// `year` alone is one year; with `fromYear`, the years from it to `year` (a mid-term or final review).
    public func referrers(kind: ReferrerKind?, year: Int? = nil, fromYear: Int? = nil,
                          reach: Reach = .province) async throws -> [ReferrerStats] {
        let b = reach.binds
        let rows = try await connection.query("""
            WITH r AS (
                SELECT referrer_kind,
                       coalesce(referrer_partner_code, referrer_agency_code, referrer_user_id::text, lower(referrer_name), 'self')
                           AS referrer,
                       referrer_name, credited, candidate_id
                FROM referrals
                WHERE (\(kind?.rawValue)::text IS NULL OR referrer_kind = \(kind?.rawValue))
                  AND (\(year)::int IS NULL OR extract(year FROM created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                                                BETWEEN coalesce(\(fromYear)::int, \(year)) AND \(year))
                  AND candidate_in_reach(candidate_id, \(b.agency)::text, \(b.addedBy)::uuid, \(b.evaluator)::uuid)
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
    public func referrerApplications(kind: ReferrerKind?, year: Int? = nil, fromYear: Int? = nil, reach: Reach = .province)
        async throws -> [(kind: String, referrer: String, application: UUID)] {
        let b = reach.binds
        let rows = try await connection.query("""
            SELECT DISTINCT r.referrer_kind,
                   coalesce(r.referrer_partner_code, r.referrer_agency_code, r.referrer_user_id::text, lower(r.referrer_name), 'self'),
                   a.id
            FROM referrals r JOIN applications a ON a.candidate_id = r.candidate_id
            WHERE (\(kind?.rawValue)::text IS NULL OR r.referrer_kind = \(kind?.rawValue))
              AND (\(year)::int IS NULL OR extract(year FROM r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                                            BETWEEN coalesce(\(fromYear)::int, \(year)) AND \(year))
              AND EXISTS (SELECT 1 FROM evaluation_sheets s WHERE s.application_id = a.id)
              AND candidate_in_reach(r.candidate_id, \(b.agency)::text, \(b.addedBy)::uuid, \(b.evaluator)::uuid)
            """, logger: logger)
        var result: [(kind: String, referrer: String, application: UUID)] = []
        for try await (kind, referrer, application) in rows.decode((String, String, UUID).self) {
            result.append((kind, referrer, application))
        }
        return result
    }

    /// Hires made in a year, per agency and kind.
    public func hires(year: Int, fromYear: Int? = nil) async throws -> [AgencyHires] {
        let rows = try await connection.query("""
            SELECT p.agency_code, ag.name, p.kind, count(*)::int
            FROM applications a JOIN positions p ON p.id = a.position_id JOIN agencies ag ON ag.code = p.agency_code
            WHERE a.stage = 'hired' AND extract(year FROM a.hired_on) BETWEEN coalesce(\(fromYear)::int, \(year)) AND \(year)
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
    public func evaluated(year: Int, fromYear: Int? = nil) async throws -> (applications: [UUID], sheets: Int) {
        let rows = try await connection.query("""
            SELECT application_id, count(*)::int FROM evaluation_sheets
            WHERE extract(year FROM submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh') BETWEEN coalesce(\(fromYear)::int, \(year)) AND \(year)
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

    /// Every target with its agency's name, the hires counted against it (hired at positions of the agency and kind,
    /// effective on or before both the deadline and `asOf`: a range on the hired index), the officials developed into
    /// it, and the applications now in offer and in interview there.
    /// A target's figures on a day: hires by then, open applications by stage group, open positions.
    public struct TargetRow: Sendable {
        public var target: Target
        public var agencyName: String
        public var hired: Int
        /// Officials of the agency in post on the day (deadline or `asOf`, the earlier) doing the target's kind of
        /// work (for the core force, any official marked part of it), not already counted as a hire to that kind.
        public var developed: Int
        public var offer: Int
        public var interview: Int
        /// Open applications in nominated, screening or evaluation.
        public var earlier: Int
        public var openPositions: Int
    }

    public func targets(asOf: CalendarDate) async throws -> [TargetRow] {
        // Hires are counted by a range on the hired index; the open stages in one pass over the agency's positions.
        let rows = try await connection.query("""
            SELECT \(unescaped: TargetTable.columns), ag.name,
                   (SELECT count(*) FROM positions p JOIN applications a ON a.position_id = p.id
                    WHERE p.agency_code = t.agency_code AND p.kind = t.position_kind AND a.stage = 'hired'
                      AND a.hired_on <= least(t.deadline, \(asOf.description)::date))::int,
                   (SELECT count(*) FROM officials o
                    LEFT JOIN hiring_decisions d ON d.id = o.decision_id
                    LEFT JOIN applications da ON da.id = d.application_id LEFT JOIN positions dp ON dp.id = da.position_id
                    WHERE o.agency_code = t.agency_code
                      AND (o.kind = t.position_kind OR (t.position_kind = 'core_drafting_officer' AND o.core_force))
                      AND o.since <= least(t.deadline, \(asOf.description)::date)
                      AND (o.until IS NULL OR o.until > least(t.deadline, \(asOf.description)::date))
                      AND NOT (dp.agency_code IS NOT DISTINCT FROM t.agency_code AND dp.kind IS NOT DISTINCT FROM t.position_kind
                               AND da.stage = 'hired' AND da.hired_on <= least(t.deadline, \(asOf.description)::date)))::int,
                   o.offer, o.interview, o.earlier,
                   (SELECT count(*) FROM positions p
                    WHERE p.agency_code = t.agency_code AND p.kind = t.position_kind AND p.status = 'open')::int
            FROM targets t JOIN agencies ag ON ag.code = t.agency_code
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE a.stage = 'offer')::int AS offer,
                       count(*) FILTER (WHERE a.stage = 'interview')::int AS interview,
                       count(*) FILTER (WHERE a.stage IN ('nominated', 'screening', 'evaluation'))::int AS earlier
                FROM positions p JOIN applications a ON a.position_id = p.id
                WHERE p.agency_code = t.agency_code AND p.kind = t.position_kind
                  AND a.stage IN ('offer', 'interview', 'nominated', 'screening', 'evaluation')) o
            ORDER BY t.deadline, t.agency_code, t.position_kind
            """, logger: logger)
        var result: [TargetRow] = []
        for try await (id, agency, kind, count, deadline, starts, note, createdBy, createdAt, name, hired, developed, offer,
                       interview, earlier, open)
            in rows.decode((UUID, String, String, Int, String, String, String?, String, Date, String, Int, Int, Int, Int,
                            Int, Int).self) {
            guard let deadline = CalendarDate(deadline), let starts = CalendarDate(starts) else { continue }
            let target = Target(id: id, agencyCode: agency, positionKind: PositionKind(rawValue: kind) ?? .other, count: count,
                                deadline: deadline, startsOn: starts, note: note, createdBy: createdBy, createdAt: createdAt)
            result.append(TargetRow(target: target, agencyName: name, hired: hired, developed: developed, offer: offer,
                                    interview: interview,
                                    earlier: earlier, openPositions: open))
        }
        return result
    }

    /// One row per group (nil for the whole; ungrouped, every row is the whole) and stage: applications now in it, applications that ever entered it,
    /// and the median days of completed stays in it. One statement, so the API runs exactly what a DBA would.
    public func pipeline(agency: String?, kind: PositionKind?, from: CalendarDate?, to: CalendarDate?,
                         groupBy: PipelineGrouping?)
        async throws -> [(group: String?, stage: String, count: Int, reached: Int, medianDays: Double?)] {
        if kind == nil, from == nil, to == nil, groupBy == nil || groupBy == .agency {
            return try await keptPipeline(agency: agency, byAgency: groupBy == .agency)
        }
        let group: String
        var source = ""
        switch groupBy {
        case nil: group = "NULL::text"
        case .agency?: group = "p.agency_code"
        case .positionKind?: group = "p.kind"
        case .source?:
            group = "coalesce(src.referrer_kind, 'none')"
            source = Self.creditedReferral
        case .partner?:
            group = "src.referrer_partner_code"
            source = Self.creditedReferral
        }
        // Ungrouped, one set (its rows are the whole); grouped, each group and the whole.
        let entered = groupBy == nil ? "(grp, to_stage)" : "(grp, to_stage), (to_stage)"
        let present = groupBy == nil ? "(grp, stage)" : "(grp, stage), (stage)"
        // Grouped, applications without a group (no partner referral) count in the whole but form no group.
        let ungroupedOut = groupBy == nil ? "" : "WHERE coalesce(e.total, n.total) OR coalesce(e.grp, n.grp) IS NOT NULL"
        // Without a filter or a grouping, the history alone answers "reached" and the stays: no join.
        let whole = agency == nil && kind == nil && from == nil && to == nil && groupBy == nil
        let history = whole
            ? "SELECT NULL::text AS grp, h.to_stage, h.first_entry, h.stay_days FROM application_stage_history h"
            : "SELECT apps.grp, h.to_stage, h.first_entry, h.stay_days FROM application_stage_history h JOIN apps ON apps.id = h.application_id"
        let tail = """
            ), stays AS (\(history)
            ), entered AS (
                SELECT grp, to_stage AS stage, GROUPING(grp) = 1 AS total,
                       count(*) FILTER (WHERE first_entry) AS reached,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY stay_days) FILTER (WHERE stay_days IS NOT NULL) AS median_days
                FROM stays GROUP BY GROUPING SETS (\(entered))
            ), present AS (
                SELECT grp, stage, GROUPING(grp) = 1 AS total, count(*) AS n
                FROM apps GROUP BY GROUPING SETS (\(present))
            )
            SELECT CASE WHEN coalesce(e.total, n.total) THEN NULL ELSE coalesce(e.grp, n.grp, '') END,
                   coalesce(e.stage, n.stage), coalesce(n.n, 0)::int, coalesce(e.reached, 0)::int, e.median_days
            FROM entered e FULL JOIN present n
              ON n.total = e.total AND n.stage = e.stage AND n.grp IS NOT DISTINCT FROM e.grp
            \(ungroupedOut)
            """
        let query: PostgresQuery = whole ? """
            WITH apps AS (SELECT a.id, a.stage, NULL::text AS grp FROM applications a
            \(unescaped: tail)
            """ : """
            WITH apps AS (
                SELECT a.id, a.stage, \(unescaped: group) AS grp
                FROM applications a JOIN positions p ON p.id = a.position_id \(unescaped: source)
                WHERE (\(agency)::text IS NULL OR p.agency_code = \(agency))
                  AND (\(kind?.rawValue)::text IS NULL OR p.kind = \(kind?.rawValue))
                  AND (\(from?.description)::date IS NULL
                       OR a.created_at >= (\(from?.description)::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                  AND (\(to?.description)::date IS NULL
                       OR a.created_at < (\(to?.description)::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
            \(unescaped: tail)
            """
        let rows = try await connection.query(query, logger: logger)
        var result: [(group: String?, stage: String, count: Int, reached: Int, medianDays: Double?)] = []
        for try await (group, stage, count, reached, median) in rows.decode((String?, String, Int, Int, Double?).self) {
            result.append((group, stage, count, reached, median))
        }
        return result
    }

    /// The pipeline from the figures kept by migration 0020's triggers, whole or per agency: counts from
    /// `pipeline_counts`, and each median read at its rank from an index of the completed stays ordered by length
    /// (the two middle stays of an even count interpolated as `percentile_cont(0.5)` does), so no group is sorted.
    /// The same figures as the general statement below, which a test checks on the same data.
    func keptPipeline(agency: String?, byAgency: Bool)
        async throws -> [(group: String?, stage: String, count: Int, reached: Int, medianDays: Double?)] {
        let sets = byAgency
            ? "p.agency_code AS grp, c.stage, GROUPING(p.agency_code) = 1 AS total"
            : "NULL::text AS grp, c.stage, true AS total"
        let grouping = byAgency ? "GROUPING SETS ((p.agency_code, c.stage), (c.stage))" : "c.stage"
        // The median's one or two stays are those at rank (stays - 1) / 2 in the index's order of their lengths.
        let middle = "h.to_stage = f.stage AND h.stay_days IS NOT NULL ORDER BY h.stay_days OFFSET (f.stays - 1) / 2 LIMIT 2 - f.stays % 2"
        let query: PostgresQuery = """
            WITH f AS (
                SELECT \(unescaped: sets), sum(c.present)::int AS present, sum(c.reached)::int AS reached,
                       sum(c.stays)::int AS stays
                FROM pipeline_counts c JOIN positions p ON p.id = c.position_id
                WHERE (\(agency)::text IS NULL OR p.agency_code = \(agency))
                GROUP BY \(unescaped: grouping)
                HAVING sum(c.present) + sum(c.reached) + sum(c.stays) > 0
            )
            SELECT CASE WHEN f.total THEN NULL ELSE f.grp END, f.stage, f.present, f.reached,
                   CASE WHEN f.stays > 0 THEN m.lo + (m.hi - m.lo) * 0.5 END
            FROM f LEFT JOIN LATERAL (
                SELECT min(d) AS lo, max(d) AS hi FROM (
                    (SELECT h.stay_days AS d FROM application_stage_history h
                     WHERE NOT f.total AND h.agency_code = f.grp AND \(unescaped: middle))
                    UNION ALL
                    (SELECT h.stay_days FROM application_stage_history h
                     WHERE f.total AND \(agency)::text IS NULL AND \(unescaped: middle))
                    UNION ALL
                    (SELECT h.stay_days FROM application_stage_history h
                     WHERE f.total AND h.agency_code = \(agency) AND \(unescaped: middle))
                ) x
            ) m ON f.stays > 0
            """
        let rows = try await connection.query(query, logger: logger)
        var result: [(group: String?, stage: String, count: Int, reached: Int, medianDays: Double?)] = []
        for try await (group, stage, count, reached, median) in rows.decode((String?, String, Int, Int, Double?).self) {
            result.append((group, stage, count, reached, median))
        }
        return result
    }

    /// The candidate's credited referral (else their first), which tells where an application came from.
    static let creditedReferral = """
        LEFT JOIN LATERAL (SELECT r.referrer_kind, r.referrer_partner_code FROM referrals r
                           WHERE r.candidate_id = a.candidate_id ORDER BY r.credited DESC, r.created_at, r.id LIMIT 1) src ON true
        """

    /// Per partner and agreement (partners without one get a row of their own).
    public func partners(year: Int) async throws -> [PartnerStats] {
        let rows = try await connection.query("""
            SELECT p.code, p.name, ag.id, ag.reference, ag.status, to_char(ag.starts_on, 'YYYY-MM-DD'),
                   to_char(ag.ends_on, 'YYYY-MM-DD'), ag.yearly_quota,
                   count(n.id)::int,
                   (count(n.id) FILTER (WHERE extract(year FROM n.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = \(year)))::int,
                   (count(DISTINCT n.candidate_id) FILTER (WHERE EXISTS (
                        SELECT 1 FROM applications a JOIN application_stage_history h ON h.application_id = a.id
                        WHERE a.candidate_id = n.candidate_id AND h.to_stage = 'evaluation')))::int,
                   (count(DISTINCT n.candidate_id) FILTER (WHERE EXISTS (
                        SELECT 1 FROM applications a WHERE a.candidate_id = n.candidate_id AND a.stage = 'hired')))::int
            FROM partners p LEFT JOIN agreements ag ON ag.partner_code = p.code
            LEFT JOIN nominations n ON n.agreement_id = ag.id
            GROUP BY p.code, p.name, ag.id
            ORDER BY p.code, ag.starts_on NULLS FIRST, ag.reference
            """, logger: logger)
        var result: [PartnerStats] = []
        for try await (code, name, id, reference, status, starts, ends, quota, nominations, used, evaluation, hired)
            in rows.decode((String, String, UUID?, String?, String?, String?, String?, Int?, Int, Int, Int, Int).self) {
            var agreementStatus = status.flatMap(AgreementStatus.init)
            if agreementStatus == .active, let ends = ends.flatMap(CalendarDate.init), ends < CalendarDate.today() {
                agreementStatus = .expired
            }
            result.append(PartnerStats(partnerCode: code, partnerName: name, agreementID: id, agreementReference: reference,
                                       agreementStatus: agreementStatus, startsOn: starts.flatMap(CalendarDate.init),
                                       endsOn: ends.flatMap(CalendarDate.init), yearlyQuota: quota, nominations: nominations,
                                       quotaUsed: used, reachedEvaluation: evaluation, hired: hired))
        }
        return result
    }

    /// Nominations per partner and month, over the twelve months up to today.
    public func monthlyNominations() async throws -> [MonthlyNominations] {
        let rows = try await connection.query("""
            SELECT partner_code, to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(*)::int
            FROM nominations
            WHERE created_at >= (date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '11 months')
                                AT TIME ZONE 'Asia/Ho_Chi_Minh'
            GROUP BY 1, 2 ORDER BY 2, 1
            """, logger: logger)
        var result: [MonthlyNominations] = []
        for try await (partner, month, count) in rows.decode((String, String, Int).self) {
            result.append(MonthlyNominations(partnerCode: partner, month: month, nominations: count))
        }
        return result
    }
}
