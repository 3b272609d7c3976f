import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/agencies`: the reference list of agencies.
struct AgencyController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("agencies")
            .get(use: list)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let includeRetired = query.bool("include_retired") ?? false
        let kind = query.oneOf("kind", AgencyKind.self)
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.agencies.list(includeRetired: includeRetired, kind: kind?.rawValue, page: page,
                                                           by: context.caller))
    }
}
