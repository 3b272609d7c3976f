import Foundation
import TalentDomain

extension Referral: JSONWritable {
    /// Written directly: a nomination audits its referral, on the intake's hot path.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("candidate_id", candidateID.text)
            w.field("referrer_kind", referrerKind)
            w.field("referrer_name", referrerName)
            w.field("referrer_title", referrerTitle)
            w.field("referrer_email", referrerEmail)
            w.field("referrer_user_id", referrerUserID?.text)
            w.field("referrer_agency_code", referrerAgencyCode)
            w.field("referrer_partner_code", referrerPartnerCode)
            w.field("relationship", relationship)
            w.field("justification", justification)
            w.field("channel", channel)
            w.field("credited", credited)
            w.field("created_by", createdBy)
            w.field("created_at", createdAt)
        }
    }
}

extension Referral: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(
            id: r("id"), candidateID: r("candidate_id"), referrerKind: r("referrer_kind"),
            referrerName: r.optional("referrer_name"), referrerTitle: r.optional("referrer_title"),
            referrerEmail: r.optional("referrer_email"), referrerUserID: r.optional("referrer_user_id"),
            referrerAgencyCode: r.optional("referrer_agency_code"), referrerPartnerCode: r.optional("referrer_partner_code"),
            relationship: r("relationship"), justification: r("justification"), channel: r("channel"),
            credited: r("credited"), createdBy: r("created_by"), createdAt: r("created_at"))
    }
}
