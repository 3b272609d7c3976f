import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/targets`: the plan's targets per agency and kind of position.
struct TargetController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("targets")
            .get(use: list)
            .post(use: create)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let agency = query.code("agency")
        try query.finish()
        let items = try await services.targets.list(agency: agency, by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func create(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(TargetService.writers)
        var body = try await JSONBody.read(request, context: context)
        let agency = body.string("agency_code"), kind = body.string("position_kind"), count = body.int("count")
        let deadline = body.string("deadline"), starts = body.string("starts_on"), note = body.string("note")
        let input = try body.finish {
            try ValidTarget(agencyCode: agency, positionKind: kind, count: count, deadline: deadline, startsOn: starts,
                            note: note)
        }
        let target = try await services.targets.add(input, by: context.caller)
        return Reply.created(target, location: "/v1/targets")
    }
}
