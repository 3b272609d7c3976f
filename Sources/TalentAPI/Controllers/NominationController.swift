import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentService

/// `/v1/nominations`: partner universities submit nominations and follow them; staff read them. Partners are held
/// to their rate on every route here.
struct NominationController {
    let services: TalentServices
    let limiter: RateLimiter

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("nominations")
            .add(middleware: PartnerRateMiddleware(limiter: limiter))
            .post(use: submit)
            .get(use: list)
            .get(":id", use: show)
    }

    /// 201 with the receipt; the same `Idempotency-Key` and body again replays the first answer.
    @Sendable func submit(_ request: Request, context: CallerContext) async throws -> Response {
        var body = try await JSONBody.read(request, context: context)
        let submitted = body.value
        let candidate = body.object("candidate") { CandidateForms.draft(&$0) }
        let position = body.string("position_id")
        let nominator = body.object("nominator") { n in (n.string("name"), n.string("title"), n.string("email")) }
        let relationship = body.string("relationship")
        let justification = body.string("justification")
        let consent = body.object("consent") { c in (c.string("obtained_at"), c.string("notice_version")) }
        let draft = NominationDraft(
            candidate: candidate ?? CandidateDraft(), positionID: position, nominatorName: nominator?.0,
            nominatorTitle: nominator?.1, nominatorEmail: nominator?.2, relationship: relationship,
            justification: justification, consentObtainedAt: consent?.0, consentNoticeVersion: consent?.1)
        try body.finish { _ = try ValidNomination(draft) }
        let answer = try await services.nominations.submit(draft, submitted: submitted,
                                                           idempotencyKey: request.headers[.init("Idempotency-Key")!],
                                                           by: context.caller)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if answer.replayed { headers[.init("Idempotent-Replayed")!] = "true" }
        return Response(status: .init(code: answer.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }

    /// A partner sees its own nominations only.
    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.nominations.list(page: page, by: context.caller))
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.nominations.get(context.parameters.require("id"), by: context.caller))
    }
}
