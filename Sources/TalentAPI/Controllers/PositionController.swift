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
        var body = try await JSONBody.read(request, context: context)
        let draft = PositionForms.draft(&body)
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
        // The body is read first: a request that is malformed answers 4xx for that, whatever its If-Match.
        var body = try await JSONBody.read(request, context: context)
        let version = try request.requiredVersion()
        let draft = PositionForms.draft(&body)
        let fields = Set(body.keys.compactMap(PositionDraft.Field.init(rawValue:)))
        let patch = try body.finish { try PositionPatch(draft, fields: fields) }
        let id = try UUID.parse(context.parameters.require("id"))
        let position = try await services.positions.update(id, patch: patch, expectedVersion: version,
                                                           by: context.caller)
        return Reply.versioned(position, version: position.version)
    }
}

/// A position's JSON body as the service's draft.
enum PositionForms {
    static func draft(_ body: inout JSONBody) -> PositionDraft {
        PositionDraft(agencyCode: body.string("agency_code") ?? body.string("agency"), title: body.string("title"),
                      kind: body.string("kind"), openings: body.int("openings"), targetDate: body.string("target_date"),
                      status: body.string("status"), description: body.string("description"))
    }
}
