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
