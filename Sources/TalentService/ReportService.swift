import Foundation
import TalentDomain
import TalentStore

/// Reports for leadership, read from the replica when `DATABASE_READ_URL` is set.
public struct ReportService: Sendable {
    let database: Database

    /// Per referrer: referrals, credited, reached evaluation, hired, rejected (and the median panel score, once
    /// evaluations exist).
    public func referrers(kind: String? = nil, by actor: Actor) async throws -> [ReferrerStats] {
        try actor.require([.admin, .hr, .leadership])
        var v = FieldValidator()
        let kind = v.oneOf("referrer_kind", kind, ReferrerKind.self)
        try v.check()
        return try await database.report { c in
            var stats = try await ReportTable.referrers(kind: kind, on: c, logger: database.logger)
            // The median over the referred candidates' complete panels, each computed by the one panel rule.
            let links = try await ReportTable.referrerApplications(kind: kind, on: c, logger: database.logger)
            let panels = try await EvaluationService.results(for: Array(Set(links.map(\.application))), on: c,
                                                             logger: database.logger)
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
}
