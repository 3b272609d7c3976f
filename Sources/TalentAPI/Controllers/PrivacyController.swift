import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/privacy/requests`, `/v1/privacy/inventory` and `/v1/breaches`: personal data under Law 91/2025/QH15.
struct PrivacyController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("privacy/requests")
            .get(use: listRequests)
            .post(use: openRequest)
            .get(":id", use: showRequest)
            .patch(":id", use: changeRequest)
        group.get("privacy/inventory", use: inventory)
        group.group("privacy/retention")
            .get(use: retentionDue)
            .post(use: runRetention)
        group.group("breaches")
            .get(use: listBreaches)
            .post(use: addBreach)
            .get(":id", use: showBreach)
            .post(":id/notification", use: notify)
    }

    /// Who the retention rule erases today (a dry run: nothing changes).
    @Sendable func retentionDue(_ request: Request, context: CallerContext) async throws -> Response {
        try QueryParameters(request).finish()
        return Reply.json(try await services.dataSubjects.retention(dryRun: true, by: context.caller))
    }

    /// Applies the retention rule now, as the daily job does.
    @Sendable func runRetention(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(DataSubjectService.officers)
        try QueryParameters(request).finish()
        try await JSONBody.read(request, context: context, allowEmpty: true).finish()
        return Reply.json(try await services.dataSubjects.retention(dryRun: false, by: context.caller))
    }

    @Sendable func listRequests(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let status = query.text("status")
        let candidate = query.uuid("candidate_id")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.privacy.requests(status: status, candidateID: candidate?.text, page: page,
                                                              by: context.caller))
    }

    @Sendable func openRequest(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(PrivacyService.openers)
        var body = try await JSONBody.read(request, context: context)
        let draft = PrivacyRequestDraft(reading: &body)
        let input = try body.finish { try ValidPrivacyRequest(draft) }
        let opened = try await services.privacy.open(input, by: context.caller)
        return Reply.created(opened, location: "/v1/privacy/requests/\(opened.id.text)")
    }

    @Sendable func showRequest(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        let found = try await services.privacy.request(id, by: context.caller)
        return Reply.versioned(found, version: found.version)
    }

    @Sendable func changeRequest(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(PrivacyService.managers)
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let change = PrivacyRequestChange(reading: &body)
        // Fields of the wrong type or unknown are 422 whatever the tag; then If-Match (428 or 412, an empty body
        // included, like every PATCH here); then whether the change asked for makes sense.
        try body.finish()
        let version = try request.requiredVersion()
        let action = try change.action()
        let changed = try await services.privacy.change(id, action, expectedVersion: version, by: context.caller)
        return Reply.versioned(changed, version: changed.version)
    }

    @Sendable func inventory(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        try query.finish()
        let items = try await services.privacy.inventory(by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func listBreaches(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.privacy.breaches(page: page, by: context.caller))
    }

    @Sendable func addBreach(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(PrivacyService.managers)
        var body = try await JSONBody.read(request, context: context)
        let draft = BreachDraft(reading: &body)
        let input = try body.finish { try ValidBreach(draft) }
        let breach = try await services.privacy.addBreach(input, by: context.caller)
        return Reply.created(breach, location: "/v1/breaches/\(breach.id.text)")
    }

    @Sendable func showBreach(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.privacy.breach(id, by: context.caller))
    }

    @Sendable func notify(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(PrivacyService.managers)
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let draft = BreachNotificationDraft(reading: &body)
        let input = try body.finish { try BreachNotification(draft) }
        return Reply.json(try await services.privacy.notify(id, input, by: context.caller))
    }
}
