import Foundation
import TalentDomain

extension PartnerStats: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("partner_code", partnerCode)
            w.field("partner_name", partnerName)
            w.field("agreement_id", agreementID?.text)
            w.field("agreement_reference", agreementReference)
            w.field("agreement_status", agreementStatus)
            w.field("starts_on", startsOn)
            w.field("ends_on", endsOn)
            w.field("yearly_quota", yearlyQuota)
            w.field("nominations", nominations)
            w.field("quota_used", quotaUsed)
            w.field("reached_evaluation", reachedEvaluation)
            w.field("hired", hired)
        }
    }
}

extension PartnerStats: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(partnerCode: r("partner_code"), partnerName: r("partner_name"),
                      agreementID: r.optional("agreement_id"), agreementReference: r.optional("agreement_reference"),
                      agreementStatus: r.optional("agreement_status"), startsOn: r.optional("starts_on"),
                      endsOn: r.optional("ends_on"), yearlyQuota: r.optional("yearly_quota"),
                      nominations: r("nominations"), quotaUsed: r("quota_used"),
                      reachedEvaluation: r("reached_evaluation"), hired: r("hired"))
    }
}
