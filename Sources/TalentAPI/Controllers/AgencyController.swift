import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/agencies`: the reference list of agencies, its changes one by one, and reorganizations applied to it (admin).
struct AgencyController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("agencies")
            .get(use: list)
            .post(use: create)
            .post("reorganizations", use: reorganize)
            .get(":code", use: show)
            .put(":code/name", use: rename)
            .post(":code/retirement", use: retire)
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

    @Sendable func create(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(AgencyService.writers)
        var body = try await JSONBody.read(request, context: context)
        let code = body.string("code"), name = body.string("name"), kind = body.string("kind") ?? "department"
        let new = try body.finish { try NewAgency(code: code, name: name, kind: kind) }
        let agency = try await services.agencies.add(new, by: context.caller)
        return Reply.created(agency, location: "/v1/agencies/\(agency.code)")
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.agencies.get(context.parameters.require("code"), by: context.caller))
    }

    /// `{"name": ...}`: a new name; the code, and so the history, stays. Agencies carry no version: a rename replaces
    /// the one field, and the same name twice is the same answer.
    @Sendable func rename(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(AgencyService.writers)
        var body = try await JSONBody.read(request, context: context)
        let name = body.string("name")
        let rename = try body.finish { try AgencyRename(name: name) }
        return Reply.json(try await services.agencies.rename(context.parameters.require("code"), rename,
                                                             by: context.caller))
    }

    /// `{"merged_into": CODE}` or `{}`: the agency is retired, merged into another when named (its positions, targets
    /// and staff follow).
    @Sendable func retire(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(AgencyService.writers)
        var body = try await JSONBody.read(request, context: context)
        let mergedInto = body.string("merged_into")
        let retirement = try body.finish { try AgencyRetirement(mergedInto: mergedInto) }
        return Reply.json(try await services.agencies.retire(context.parameters.require("code"), retirement,
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
