import Foundation
import TalentDomain

extension ConflictDeclaration: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
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

extension ConflictDeclaration: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), candidateID: r("candidate_id"), userID: r("user_id"),
                      applicationID: r.optional("application_id"), relationship: r("relationship"), reason: r("reason"),
                      declaredBy: r("declared_by"), declaredAt: r("declared_at"))
    }
}
