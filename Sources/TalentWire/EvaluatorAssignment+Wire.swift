import Foundation
import TalentDomain

extension EvaluatorAssignment: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("application_id", member.applicationID.text)
            w.field("evaluator_id", member.evaluatorID.text)
            w.field("evaluator_name", member.evaluatorName)
            w.field("status", member.status)
            w.field("assigned_at", member.assignedAt)
            w.field("candidate_name", candidateName)
            w.field("position_title", positionTitle)
            w.field("agency_code", agencyCode)
            w.field("stage", stage)
        }
    }
}

extension EvaluatorAssignment: WireObjectReadable {
    /// The answer leaves out who assigned the evaluator and any recusal (an evaluator's list shows neither): the
    /// member read here has an empty `assignedBy` and no recusal.
    public init(reading r: WireReader) throws(ServiceError) {
        let member = try PanelMember(
            applicationID: r("application_id"), evaluatorID: r("evaluator_id"), evaluatorName: r("evaluator_name"),
            status: r("status"), assignedBy: "", assignedAt: r("assigned_at"), recusedAt: nil, recusalReason: nil)
        try self.init(member: member, candidateName: r("candidate_name"), positionTitle: r("position_title"),
                      agencyCode: r("agency_code"), stage: r("stage"))
    }
}
