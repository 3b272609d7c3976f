import Foundation
import Hummingbird
import TalentService

/// `/v1/agencies`: the reference list of agencies.
struct AgencyController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("agencies")
            .get(use: list)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        let page = try await services.agencies.list(
            includeRetired: try request.flag("include_retired") ?? false, kind: request.query("kind"),
            page: request.pageRequest(), by: context.caller)
        return Reply.json(page)
    }
}
