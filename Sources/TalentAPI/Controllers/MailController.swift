import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/mail`: the e-mail in the outbox, and queuing by hand what the server's daily job queues (administrators).
struct MailController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("mail")
            .get("deliveries", use: deliveries)
            .post("reminders", use: reminders)
            .post("digests", use: digests)
    }

    @Sendable func deliveries(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let state = query.text("state")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.mail.deliveries(state: state, page: page, by: context.caller))
    }

    /// `{"queued": n}`: evaluators reminded of outstanding sheets.
    @Sendable func reminders(_ request: Request, context: CallerContext) async throws -> Response {
        let queued = try await services.mail.remindNow(by: context.caller)
        return Reply.json(JSONValue.object(["queued": .number(Double(queued))]))
    }

    /// `{"queued": n}`: this week's digests not sent yet.
    @Sendable func digests(_ request: Request, context: CallerContext) async throws -> Response {
        let queued = try await services.mail.digestNow(by: context.caller)
        return Reply.json(JSONValue.object(["queued": .number(Double(queued))]))
    }
}
