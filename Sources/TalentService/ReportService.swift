import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Reports for leadership, read from the replica when `DATABASE_READ_URL` is set.
public struct ReportService: Sendable {
    let database: Database

    /// Per referrer: referrals, credited, reached evaluation, hired, rejected (and the median panel score, once
    /// evaluations exist).
    public func referrers(kind: ReferrerKind? = nil, year: Int? = nil, fromYear: Int? = nil,
                          by actor: Principal) async throws -> [ReferrerStats] {
        try actor.require([.admin, .hr, .leadership])
        return try await database.report { db in
            var stats = try await db.reports.referrers(kind: kind, year: year, fromYear: fromYear, reach: actor.reach)
            // The median over the referred candidates' complete panels, each computed by the one panel rule.
            let links = try await db.reports.referrerApplications(kind: kind, year: year, fromYear: fromYear,
                                                                  reach: actor.reach)
            let panels = try await EvaluationService.results(for: Array(Set(links.map(\.application))), in: db)
            var scores: [String: [Double]] = [:]
            for link in links {
                guard let panel = panels[link.application], panel.complete, let score = panel.panelScore else { continue }
                scores["\(link.kind)/\(link.referrer)", default: []].append(score)
            }
            for i in stats.indices {
                stats[i].medianPanelScore = Panel.median(scores["\(stats[i].referrerKind)/\(stats[i].referrer)"] ?? [])
            }
            return stats
        }
    }

    /// Who may read the reports (and so sign in to the dashboard).
    public static let readers: Set<Role> = [.admin, .hr, .leadership]

    /// The pipeline per stage, narrowed and optionally grouped (agency, position_kind, source, partner).
    public func pipeline(_ query: PipelineQuery = .everything, by actor: Principal) async throws -> PipelineReport {
        try actor.require(Self.readers)
        let agency = try Self.agency(query.agency, for: actor)
        let (kind, from, to, grouping) = (query.positionKind, query.from, query.to, query.groupBy)
        return try await database.report { db in
            let rows = try await db.reports.pipeline(agency: agency, kind: kind, from: from, to: to, groupBy: grouping)
            func figures(_ rows: some Sequence<(group: String?, stage: String, count: Int, reached: Int, medianDays: Double?)>) -> [StageFigures] {
                StageFigures.complete(rows.compactMap { row in
                    PipelineStage(rawValue: row.stage).map {
                        StageFigures(stage: $0, count: row.count, reached: row.reached, medianDays: row.medianDays)
                    }
                })
            }
            guard let grouping else { return PipelineReport(agency: agency, positionKind: kind, from: from, to: to, groupBy: nil,
                                                            stages: figures(rows), groups: nil) }
            let labels = try await Self.labels(for: grouping, in: db)
            var grouped: [String: [(group: String?, stage: String, count: Int, reached: Int, medianDays: Double?)]] = [:]
            for row in rows {
                if let key = row.group { grouped[key, default: []].append(row) }
            }
            let groups = grouped.sorted { $0.key < $1.key }.map { key, rows in
                PipelineGroup(key: key, label: labels[key] ?? key, stages: figures(rows))
            }
            return PipelineReport(agency: agency, positionKind: kind, from: from, to: to, groupBy: grouping,
                                  stages: figures(rows.filter { $0.group == nil }), groups: groups)
        }
    }

    /// The agency a report is narrowed to: an agency-scoped actor's own (naming another is refused), else the query's.
    static func agency(_ asked: String?, for actor: Principal) throws(ServiceError) -> String? {
        guard let held = actor.reach.agency else { return asked }
        if let asked, asked != held {
            throw ServiceError(.forbidden, slug: "other-agency", LocalizedText(
                vi: "Tài khoản của bạn chỉ xem được số liệu của cơ quan mình (\(held)), không phải \(asked)",
                en: "Your account sees your own agency's figures (\(held)), not \(asked)'s"))
        }
        return held
    }

    /// What people call a group: an agency's or partner's name, or the Vietnamese name of a kind.
    static func labels(for grouping: PipelineGrouping, in db: Tables) async throws -> [String: String] {
        switch grouping {
        case .agency:
            return Dictionary(try await db.agencies.list(includeRetired: true, kind: nil, after: nil, limit: 10_000)
                .map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        case .partner:
            return Dictionary(try await db.partners.list(after: nil, limit: 10_000)
                .map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        case .positionKind:
            return Dictionary(PositionKind.allCases.map { ($0.rawValue, $0.label.vi) }, uniquingKeysWith: { a, _ in a })
        case .source:
            return Dictionary(ReferrerKind.allCases.map { ($0.rawValue, $0.label.vi) } + [("none", "không qua giới thiệu")],
                              uniquingKeysWith: { a, _ in a })
        }
    }

    /// Every target with the hires counted against it and its status on `asOf` (today unless given).
    public func targets(asOf: CalendarDate? = nil, by actor: Principal) async throws -> [TargetProgress] {
        try actor.require(Self.readers)
        let day = asOf ?? CalendarDate.today()
        let held = actor.reach.agency
        return try await database.report { db in
            try await db.reports.targets(asOf: day).filter { held == nil || $0.target.agencyCode == held }.map { row in
                let (status, expected, risk) = TargetProgress.status(
                    count: row.target.count, hired: row.hired + row.developed, inOffer: row.offer, inInterview: row.interview,
                    inEarlierStages: row.earlier, openPositions: row.openPositions, startsOn: row.target.startsOn,
                    deadline: row.target.deadline, on: day)
                return TargetProgress(target: row.target, agencyName: row.agencyName, hired: row.hired,
                                      inOffer: row.offer, inInterview: row.interview, inEarlierStages: row.earlier,
                                      openPositions: row.openPositions, expectedByNow: expected, status: status,
                                      risk: risk, developed: row.developed)
            }
        }
    }

    /// Per partner and agreement: nominations, quota used this year, reached evaluation, hired.
    public func partners(by actor: Principal) async throws -> [PartnerStats] {
        try actor.require(Self.readers)
        return try await database.report { db in
            try await db.reports.partners(year: CalendarDate.today().year)
        }
    }

    /// Nominations per partner and month over the last twelve months (the dashboard's chart).
    public func monthlyNominations(by actor: Principal) async throws -> [MonthlyNominations] {
        try actor.require(Self.readers)
        return try await database.report { try await $0.reports.monthlyNominations() }
    }

    /// The yearly report (plan 483, section IV), figures standing on the year's last day (today for this year).
    /// With `fromYear`, the figures of the years from it to `period` (a mid-term or final review): applications,
    /// hires, referrals, evaluations, training and commendations over the whole span; targets on its last day;
    /// partners' quotas of its last year.
    public func annual(_ period: ReportYear, fromYear: Int? = nil, by actor: Principal) async throws -> AnnualReport {
        try actor.require(Self.readers)
        // The province's report to the People's Committee: Sở Tư pháp consolidates it from every agency.
        guard actor.reach.isProvince else {
            throw ServiceError(.forbidden, slug: "province-scope-required", LocalizedText(
                vi: "Báo cáo năm là báo cáo của toàn tỉnh, do Sở Tư pháp tổng hợp; tài khoản của bạn chỉ xem được cơ quan mình",
                en: "The annual report is the province's, consolidated by the Department of Justice; your account sees your agency only"))
        }
        let today = CalendarDate.today()
        let (year, last) = (period.year, period.last)
        let firstYear = min(fromYear ?? year, year)
        let first = CalendarDate(year: firstYear, month: 1, day: 1)!
        let asOf = last < today ? last : today
        let targets = try await self.targets(asOf: asOf, by: actor)
        let pipeline = try await self.pipeline(PipelineQuery(from: first, to: last, groupBy: .agency), by: actor)
        let referrers = try await self.referrers(year: year, fromYear: firstYear, by: actor)
        let training = year > today.year ? nil
            : try await TrainingService(database: database).report(year: year, fromYear: firstYear, today: today, by: actor)
        return try await database.report { db in
            let hires = try await db.reports.hires(year: year, fromYear: firstYear)
            let partners = try await db.reports.partners(year: year).filter { row in
                guard let starts = row.startsOn, let ends = row.endsOn else { return false }
                return !(last < starts) && !(ends < first) && row.agreementStatus != .draft
            }
            let evaluated = try await db.reports.evaluated(year: year, fromYear: firstYear)
            let panels = try await EvaluationService.results(for: evaluated.applications, in: db).values
            let complete = panels.filter(\.complete)
            let summary = EvaluationSummary(
                applications: evaluated.applications.count, sheets: evaluated.sheets, complete: complete.count,
                passed: complete.filter { $0.passed == true }.count, failed: complete.filter { $0.passed == false }.count,
                medianPanelScore: Panel.median(complete.compactMap(\.panelScore)))
            let commendations = try await db.commendations.list(agency: nil, status: .decided, decidedIn: year,
                                                                fromYear: firstYear,
                                                                page: PageRequest(batch: 10_000, after: nil)).items
            return AnnualReport(year: year, asOf: asOf, generatedAt: Date(), targets: targets, pipeline: pipeline,
                                hires: hires, partners: partners, referrers: referrers, evaluations: summary,
                                training: training, commendations: commendations, firstYear: firstYear)
        }
    }
}
