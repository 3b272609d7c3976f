import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/agencies`: the reference list of agencies, and reorganizations applied to it (admin).
struct AgencyController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("agencies")
            .get(use: list)
            .post("reorganizations", use: reorganize)
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

    /// The body is a reorganization file as `talent agency reorganize --file` reads it; `?dry_run=true` writes nothing.
    @Sendable func reorganize(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(AgencyService.writers)
        var query = QueryParameters(request)
        let dryRun = query.bool("dry_run") ?? false
        try query.finish()
        let body = try await JSONBody.read(request, context: context)
        let plan = try Reorganization(json: body.value)
        return Reply.json(try await services.agencies.reorganize(plan, dryRun: dryRun, by: context.caller))
    }
}
