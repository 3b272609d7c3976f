import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// The data subject's rights on their candidate record: `GET /v1/candidates/{id}/export`, everything held about the
/// person (the data-protection officer), and the person's consents.
struct DataSubjectController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("candidates")
            .get(":id/export", use: export)
            .post(":id/erasure", use: erase)
            .get(":id/consents", use: consents)
            .post(":id/consents", use: recordConsent)
            .post(":id/consents/:purpose/withdrawal", use: withdrawConsent)
    }

    @Sendable func export(_ request: Request, context: CallerContext) async throws -> Response {
        try QueryParameters(request).finish()
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.dataSubjects.export(id, by: context.caller))
    }

    /// `{"request_id": ...}` or `{}`.
    @Sendable func erase(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(DataSubjectService.officers)
        try QueryParameters(request).finish()
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context, allowEmpty: true)
        let requestID = body.string("request_id")
        let erasureRequest = try body.finish { try requestID.map { try UUID.parse($0, field: "request_id") } }
        return Reply.json(try await services.dataSubjects.erase(id, request: erasureRequest, by: context.caller))
    }

    @Sendable func consents(_ request: Request, context: CallerContext) async throws -> Response {
        try QueryParameters(request).finish()
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(Page(items: try await services.consents.list(candidate: id, by: context.caller), nextCursor: nil))
    }

    @Sendable func recordConsent(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(ConsentService.writers)
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let consent = try NewConsent(reading: &body)
        let recorded = try await services.consents.record(candidate: id, consent, by: context.caller)
        return Reply.created(recorded, location: "/v1/candidates/\(id.text)/consents")
    }

    /// `{"reason": ...}` or `{}`.
    @Sendable func withdrawConsent(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(ConsentService.writers)
        let id = try UUID.parse(context.parameters.require("id"))
        let purpose = try context.parameters.require("purpose")
        var body = try await JSONBody.read(request, context: context)
        let reason = body.string("reason")
        let withdrawal = try body.finish { try ConsentWithdrawal(purpose: purpose, reason: reason) }
        return Reply.json(try await services.consents.withdraw(candidate: id, withdrawal, by: context.caller))
    }
}
