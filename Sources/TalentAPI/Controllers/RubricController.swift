import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/rubrics`: evaluation rubrics, drafted, published and retired.
struct RubricController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("rubrics")
            .get(use: list)
            .post(use: create)
            .get(":id", use: show)
            .post(":id/publish", use: publish)
            .post(":id/retire", use: retire)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let status = query.oneOf("status", RubricStatus.self)
        try query.finish()
        let items = try await services.evaluations.rubrics(status: status, by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func create(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(EvaluationService.writers)
        // The domain reads the document itself and names every bad or unknown field.
        let body = try await JSONBody.read(request, context: context)
        let definition = try RubricDefinition(json: body.value)
        let rubric = try await services.evaluations.createRubric(definition, by: context.caller)
        return Reply.created(rubric, location: "/v1/rubrics/\(rubric.id.text)")
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.evaluations.rubric(UUID.parse(context.parameters.require("id")), by: context.caller))
    }

    @Sendable func publish(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.evaluations.publish(UUID.parse(context.parameters.require("id")), by: context.caller))
    }

    @Sendable func retire(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.evaluations.retire(UUID.parse(context.parameters.require("id")), by: context.caller))
    }
}
