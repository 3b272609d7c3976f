import Foundation
import TalentDomain

extension PanelMember: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("application_id", applicationID.text)
            w.field("evaluator_id", evaluatorID.text)
            w.field("evaluator_name", evaluatorName)
            w.field("status", status)
            w.field("assigned_by", assignedBy)
            w.field("assigned_at", assignedAt)
            w.field("recused_at", recusedAt)
            w.field("recusal_reason", recusalReason)
        }
    }
}
