import Foundation
import Hummingbird
import TalentDomain
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
        var body = try await JSONBody.read(request, context: context)
        let code = body.string("code"), name = body.string("name"), kind = body.string("kind")
        let contactName = body.string("contact_name"), email = body.string("contact_email")
        let phone = body.string("contact_phone")
        try body.finish()
        let partner = try await services.partners.add(code: code, name: name, kind: kind, contactName: contactName,
                                                      contactEmail: email, contactPhone: phone, by: context.caller)
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
        var body = try await JSONBody.read(request, context: context)
        let draft = AgreementForms.draft(&body)
        try body.finish { _ = try ValidAgreement(draft) }
        let agreement = try await services.partners.addAgreement(partner: context.parameters.require("code"), draft,
                                                                 by: context.caller)
        return Reply.created(agreement, location: "/v1/agreements/\(agreement.id.text)")
    }

    @Sendable func agreement(_ request: Request, context: CallerContext) async throws -> Response {
        let agreement = try await services.partners.agreement(context.parameters.require("id"), by: context.caller)
        return Reply.versioned(agreement, version: agreement.version)
    }

    /// Either a change of state, `{"status": "active" | "suspended" | "terminated", "reason": ...}`, or new terms
    /// for a draft.
    @Sendable func updateAgreement(_ request: Request, context: CallerContext) async throws -> Response {
        let version = try request.requiredVersion()
        var body = try await JSONBody.read(request, context: context)
        let id = try context.parameters.require("id")
        if body.has("status") {
            let status = body.string("status")
            let reason = body.string("reason")
            try body.finish()
            guard let action = status.flatMap(AgreementStatus.init(rawValue:)).flatMap(AgreementAction.init(reaching:)) else {
                throw ServiceError.invalid("status", vi: "phải là active, suspended hoặc terminated",
                                           en: "must be active, suspended or terminated")
            }
            let agreement = try await services.partners.act(action.rawValue, on: id, reason: reason,
                                                            expectedVersion: version, by: context.caller)
            return Reply.versioned(agreement, version: agreement.version)
        }
        let draft = AgreementForms.draft(&body)
        try body.finish()
        let agreement = try await services.partners.updateAgreement(id, draft, fields: Set(body.keys),
                                                                    expectedVersion: version, by: context.caller)
        return Reply.versioned(agreement, version: agreement.version)
    }
}

/// An agreement's JSON body as the service's draft.
enum AgreementForms {
    static func draft(_ body: inout JSONBody) -> AgreementDraft {
        AgreementDraft(reference: body.string("reference"), title: body.string("title"), signedOn: body.string("signed_on"),
                       startsOn: body.string("starts_on"), endsOn: body.string("ends_on"), fields: body.strings("fields"),
                       yearlyQuota: body.int("yearly_quota"), training: body.string("training"), notes: body.string("notes"))
    }
}
