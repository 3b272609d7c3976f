import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/partners` and `/v1/agreements`: partner institutions and their partnership agreements.
struct PartnerController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("partners")
            .get(use: list)
            .post(use: create)
            .get(":code", use: show)
            .get(":code/agreements", use: agreements)
            .post(":code/agreements", use: addAgreement)
        group.group("agreements")
            .get(use: allAgreements)
            .get(":id", use: agreement)
            .patch(":id", use: updateAgreement)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.partners.list(page: page, by: context.caller))
    }

    @Sendable func create(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(PartnerService.writers)
        var body = try await JSONBody.read(request, context: context)
        let draft = PartnerDraft(reading: &body)
        let input = try body.finish { try ValidPartner(draft) }
        let partner = try await services.partners.add(input, by: context.caller)
        return Reply.created(partner, location: "/v1/partners/\(partner.code)")
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.partners.get(context.parameters.require("code"), by: context.caller))
    }

    @Sendable func agreements(_ request: Request, context: CallerContext) async throws -> Response {
        let items = try await services.partners.agreements(partner: context.parameters.require("code"), by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func addAgreement(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(PartnerService.writers)
        var body = try await JSONBody.read(request, context: context)
        let draft = AgreementDraft(reading: &body)
        let input = try body.finish { try ValidAgreement(draft) }
        let agreement = try await services.partners.addAgreement(partner: context.parameters.require("code"), input,
                                                                 by: context.caller)
        return Reply.created(agreement, location: "/v1/agreements/\(agreement.id.text)")
    }

    /// Every agreement, or one partner's with `?partner=CODE`.
    @Sendable func allAgreements(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let partner = query.code("partner")
        try query.finish()
        return Reply.json(Page(items: try await services.partners.agreements(partner: partner, by: context.caller),
                               nextCursor: nil))
    }

    @Sendable func agreement(_ request: Request, context: CallerContext) async throws -> Response {
        let agreement = try await services.partners.agreement(context.parameters.require("id"), by: context.caller)
        return Reply.versioned(agreement, version: agreement.version)
    }

    /// Either a change of state, `{"status": "active" | "suspended" | "terminated", "reason": ...}`, or new terms
    /// for a draft.
    @Sendable func updateAgreement(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(PartnerService.writers)
        var body = try await JSONBody.read(request, context: context)
        let id = try UUID.parse(context.parameters.require("id"))
        if body.has("status") {
            let input = try AgreementTransition(reading: &body)
            // If-Match is looked at once the body is known to be well formed: bad input answers 4xx, whatever the tag.
            let version = try request.requiredVersion()
            let agreement = try await services.partners.act(input, on: id, expectedVersion: version, by: context.caller)
            return Reply.versioned(agreement, version: agreement.version)
        }
        let draft = AgreementDraft(reading: &body)
        try body.finish()
        // If-Match is looked at once the body is known to be well formed: bad input answers 4xx, whatever the tag.
        let version = try request.requiredVersion()
        let agreement = try await services.partners.updateAgreement(id, draft, fields: Set(body.keys),
                                                                    expectedVersion: version, by: context.caller)
        return Reply.versioned(agreement, version: agreement.version)
    }
}
