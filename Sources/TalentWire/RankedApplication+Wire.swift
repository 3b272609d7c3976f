import Foundation
import TalentDomain

extension RankedApplication: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("rank", rank)
            w.field("application_id", applicationID.text)
            w.field("candidate_id", candidateID.text)
            w.field("candidate_name", candidateName)
            w.field("stage", stage)
            w.field("panel_score", panelScore)
            w.field("complete", complete)
            w.field("passed", passed)
            w.field("submitted", submitted)
            w.field("required", required)
            w.field("disagreement", disagreement)
        }
    }
}

extension RankedApplication: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(rank: r.optional("rank"), applicationID: r("application_id"), candidateID: r("candidate_id"),
                      candidateName: r("candidate_name"), stage: r("stage"), panelScore: r.optional("panel_score"),
                      complete: r("complete"), passed: r.optional("passed"), submitted: r("submitted"),
                      required: r.optional("required"), disagreement: r("disagreement"))
    }
}
