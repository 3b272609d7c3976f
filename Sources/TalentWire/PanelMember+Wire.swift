import Foundation
import TalentDomain

extension PanelMember: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
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

extension PanelMember: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(applicationID: r("application_id"), evaluatorID: r("evaluator_id"),
                      evaluatorName: r("evaluator_name"), status: r("status"), assignedBy: r("assigned_by"),
                      assignedAt: r("assigned_at"), recusedAt: r.optional("recused_at"),
                      recusalReason: r.optional("recusal_reason"))
    }
}
