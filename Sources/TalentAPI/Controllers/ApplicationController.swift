import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/applications`: a candidate considered for a position, moved through the pipeline's stages.
struct ApplicationController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("applications")
            .get(use: list)
            .post(use: open)
            .get(":id", use: show)
            .post(":id/transitions", use: move)
            .get(":id/history", use: history)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let candidate = query.uuid("candidate_id") ?? query.uuid("candidate")
        let position = query.uuid("position_id") ?? query.uuid("position")
        let stage = query.oneOf("stage", PipelineStage.self)
        let agency = query.code("agency")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.applications.list(
            candidateID: candidate?.text, positionID: position?.text, stage: stage?.rawValue, agency: agency, page: page,
            by: context.caller))
    }

    @Sendable func open(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(ApplicationService.writers)
        var body = try await JSONBody.read(request, context: context)
        let draft = ApplicationDraft(candidateID: body.string("candidate_id"), positionID: body.string("position_id"))
        let input = try body.finish { try NewApplication(draft) }
        let application = try await services.applications.open(input, by: context.caller)
        return Reply.created(application, location: "/v1/applications/\(application.id.text)")
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        let application = try await services.applications.get(context.parameters.require("id"), by: context.caller)
        return Reply.versioned(application, version: application.version)
    }

    /// `{"to": STAGE, "reason": ...}`; `If-Match` is optional here.
    @Sendable func move(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(ApplicationService.writers)
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let draft = StageMoveDraft(to: body.string("to"), reason: body.string("reason"))
        let input = try body.finish { try StageMove(draft) }
        // If-Match is looked at once the body is known to be well formed: bad input answers 4xx, whatever the tag.
        let version = try request.optionalVersion()
        let application = try await services.applications.move(id, input, expectedVersion: version, by: context.caller)
        return Reply.versioned(application, version: application.version)
    }

    @Sendable func history(_ request: Request, context: CallerContext) async throws -> Response {
        let history = try await services.applications.history(context.parameters.require("id"), by: context.caller)
        return Reply.json(Page(items: history, nextCursor: nil))
    }
}
