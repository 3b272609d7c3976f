import Foundation
import Hummingbird
import TalentDomain
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
    }

    @Sendable func pipeline(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.reports.pipeline(PipelineQuery.parse(
            agency: request.query("agency"), positionKind: request.query("position_kind"), from: request.query("from"),
            to: request.query("to"), groupBy: request.query("group_by")), by: context.caller))
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
        let items = try await services.reports.referrers(kind: ReferrerKind.parse(request.query("referrer_kind"), field: "referrer_kind"), by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }
}
