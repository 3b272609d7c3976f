import Foundation
import TalentDomain

extension ReferrerStats: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("referrer_kind", referrerKind)
            w.field("referrer", referrer)
            w.field("referrer_name", referrerName)
            w.field("referrals", referrals)
            w.field("credited", credited)
            w.field("reached_evaluation", reachedEvaluation)
            w.field("hired", hired)
            w.field("rejected", rejected)
            w.field("median_panel_score", medianPanelScore)
        }
    }
}

extension ReferrerStats: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(referrerKind: r("referrer_kind"), referrer: r("referrer"), referrerName: r.optional("referrer_name"),
                      referrals: r("referrals"), credited: r("credited"), reachedEvaluation: r("reached_evaluation"),
                      hired: r("hired"), rejected: r("rejected"), medianPanelScore: r.optional("median_panel_score"))
    }
}
