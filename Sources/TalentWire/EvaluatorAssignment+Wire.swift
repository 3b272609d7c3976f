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
