import Foundation
import TalentDomain

extension ConflictDeclaration: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("candidate_id", candidateID.text)
            w.field("user_id", userID.text)
            w.field("application_id", applicationID?.text)
            w.field("relationship", relationship)
            w.field("reason", reason)
            w.field("declared_by", declaredBy)
            w.field("declared_at", declaredAt)
        }
    }
}
