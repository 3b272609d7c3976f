import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/reports`: the pipeline, targets, partners and referrers, for leadership.
struct ReportController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("reports")
            .get("pipeline", use: pipeline)
            .get("targets", use: targets)
            .get("partners", use: partners)
            .get("referrers", use: referrers)
            .get("annual", use: annual)
            .get("training", use: training)
    }

    /// Training coverage against plan II.2.d, per agency and for the province.
    @Sendable func training(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let year = query.integer("year", in: 2024...2100)
        let agency = query.code("agency")
        try query.finish()
        return Reply.json(try await services.trainings.report(year: year, agency: agency, by: context.caller))
    }

    @Sendable func pipeline(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let agency = query.code("agency")
        let kind = query.oneOf("position_kind", PositionKind.self)
        let from = query.date("from"), to = query.date("to")
        let grouping = query.oneOf("group_by", PipelineGrouping.self)
        try query.finish()
        return Reply.json(try await services.reports.pipeline(
            PipelineQuery(agency: agency, positionKind: kind, from: from, to: to, groupBy: grouping), by: context.caller))
    }

    @Sendable func targets(_ request: Request, context: CallerContext) async throws -> Response {
        let items = try await services.reports.targets(by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func partners(_ request: Request, context: CallerContext) async throws -> Response {
        let items = try await services.reports.partners(by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func referrers(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let kind = query.oneOf("referrer_kind", ReferrerKind.self)
        try query.finish()
        let items = try await services.reports.referrers(kind: kind, by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func annual(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let year = query.integer("year", in: 1...9999)
        try query.finish()
        return Reply.json(try await services.reports.annual(ReportYear(year), by: context.caller))
    }
}
