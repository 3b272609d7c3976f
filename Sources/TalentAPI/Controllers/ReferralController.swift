import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/referrals`: referrals by people, staff, agencies and partners.
struct ReferralController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("referrals")
            .get(use: list)
            .post(use: create)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let candidate = query.uuid("candidate_id") ?? query.uuid("candidate")
        let kind = query.oneOf("referrer_kind", ReferrerKind.self)
        let referrer = query.text("referrer")
        let credited = query.bool("credited")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.referrals.list(
            candidateID: candidate?.text, kind: kind?.rawValue, referrer: referrer, credited: credited, page: page,
            by: context.caller))
    }

    @Sendable func create(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(ReferralService.writers)
        var body = try await JSONBody.read(request, context: context)
        let draft = ReferralDraft(
            candidateID: body.string("candidate_id"), referrerKind: body.string("referrer_kind"),
            referrerName: body.string("referrer_name"), referrerTitle: body.string("referrer_title"),
            referrerEmail: body.string("referrer_email"), referrerUserID: body.string("referrer_user_id"),
            referrerAgencyCode: body.string("referrer_agency_code"),
            referrerPartnerCode: body.string("referrer_partner_code"), relationship: body.string("relationship"),
            justification: body.string("justification"))
        let input = try body.finish { try ValidReferral(draft) }
        let referral = try await services.referrals.add(input, by: context.caller)
        return Reply.created(referral, location: "/v1/referrals?candidate_id=\(referral.candidateID.text)")
    }
}
