import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/webhooks`: partners' endpoints for nomination status changes (admins add and remove them; a partner reads
/// its own), and the outbox's deliveries.
struct WebhookController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("webhooks")
            .get(use: list)
            .post(use: add)
            .get("deliveries", use: deliveries)
            .get(":id", use: show)
            .delete(":id", use: remove)
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.webhooks.get(context.parameters.require("id"), by: context.caller))
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let partner = query.text("partner")
        try query.finish()
        return Reply.json(Page(items: try await services.webhooks.list(partner: partner, by: context.caller), nextCursor: nil))
    }

    /// 201 with the secret, shown this once.
    @Sendable func add(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(WebhookService.managers)
        var body = try await JSONBody.read(request, context: context)
        let partner = body.string("partner_code"), url = body.string("url")
        let input = try body.finish { try ValidWebhook(partnerCode: partner, url: url) }
        let webhook = try await services.webhooks.add(input, by: context.caller)
        return Reply.created(webhook, location: "/v1/webhooks/\(webhook.id.text)")
    }

    @Sendable func remove(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.webhooks.remove(context.parameters.require("id"), by: context.caller))
    }

    @Sendable func deliveries(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let partner = query.text("partner"), state = query.text("state")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.webhooks.deliveries(partner: partner, state: state, page: page,
                                                                 by: context.caller))
    }
}
