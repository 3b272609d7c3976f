import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentService

/// Every operation of the API, each translating a request into one service call and its result into JSON.
func apiRoutes(_ services: TalentServices) -> [APIRoute] {
    [
        APIRoute(.get, "/health") { _, _ in
            let up = await services.databaseIsReachable()
            return Reply.json(["status": up ? "ok" : "unavailable", "database": up ? "ok" : "unavailable"],
                              status: up ? .ok : .serviceUnavailable)
        },
        APIRoute(.get, "/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: .init(string: OpenAPIDocument.json)))
        },

        // Agencies
        APIRoute(.get, "/v1/agencies") { request, context in
            let agencies = try await services.agencies.list(
                includeRetired: request.query("include_retired") == "true", kind: request.query("kind"),
                by: context.requireActor())
            return Reply.json(Page(items: agencies, nextCursor: nil))
        },

        // Candidates
        APIRoute(.get, "/v1/candidates") { request, context in
            let page = try await services.candidates.list(query: request.query("q"), page: request.pageRequest(),
                                                          by: context.requireActor())
            return Reply.json(page)
        },
        APIRoute(.post, "/v1/candidates") { request, context in
            let actor = try context.requireActor()
            var body = try await JSONBody.read(request, context: context)
            let draft = CandidateDraft(fullName: body.string("full_name"), dateOfBirth: body.string("date_of_birth"),
                                       citizenID: body.string("citizen_id"), email: body.string("email"),
                                       phone: body.string("phone"))
            try body.finish()
            let candidate = try await services.candidates.add(draft, by: actor)
            return Reply.created(candidate, location: "/v1/candidates/\(candidate.id.text)")
        },
        APIRoute(.get, "/v1/candidates/{id}") { request, context in
            let candidate = try await services.candidates.get(context.parameters.require("id"), by: context.requireActor())
            return Reply.versioned(candidate, version: candidate.version)
        },

        // Audit trail
        APIRoute(.get, "/v1/audit") { request, context in
            let page = try await services.audit.list(entity: request.query("entity"), actor: request.query("actor"),
                                                     since: request.query("since"), page: request.pageRequest(),
                                                     by: context.requireActor())
            return Reply.json(page)
        },
    ]
}
