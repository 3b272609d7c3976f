import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/positions`: openings per agency.
struct PositionController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("positions")
            .get(use: list)
            .post(use: create)
            .get(":id", use: show)
            .patch(":id", use: update)
            .post(":id/reopen", use: reopen)
    }

    /// Opens a filled or closed position again, with a reason: `{"reason": "..."}`.
    @Sendable func reopen(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(PositionService.writers)
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let reason = body.string("reason")
        try body.finish()
        let position = try await services.positions.reopen(id, reason: reason ?? "", by: context.caller)
        return Reply.versioned(position, version: position.version)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let agency = query.code("agency")
        let kind = query.oneOf("kind", PositionKind.self)
        let status = query.oneOf("status", PositionStatus.self)
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.positions.list(agency: agency, kind: kind?.rawValue, status: status?.rawValue,
                                                            page: page, by: context.caller))
    }

    @Sendable func create(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(PositionService.writers)
        var body = try await JSONBody.read(request, context: context)
        let draft = PositionDraft(reading: &body)
        let input = try body.finish { try ValidPosition(draft) }
        let position = try await services.positions.add(input, by: context.caller)
        return Reply.created(position, location: "/v1/positions/\(position.id.text)")
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        let position = try await services.positions.get(id, by: context.caller)
        return Reply.versioned(position, version: position.version)
    }

    @Sendable func update(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(PositionService.writers)
        // A path that names no record is 422 before anything else is looked at.
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let draft = PositionDraft(reading: &body)
        let fields = Set(body.keys.compactMap(PositionDraft.Field.init(rawValue:)))
        let patch = try body.finish { try PositionPatch(draft, fields: fields) }
        // If-Match is looked at once the body is known to be well formed: bad input answers 4xx, whatever the tag.
        let version = try request.requiredVersion()
        let position = try await services.positions.update(id, patch: patch, expectedVersion: version,
                                                           by: context.caller)
        return Reply.versioned(position, version: position.version)
    }
}
