import Foundation
import TalentDomain

extension ErasureBasis: JSONWritable {}
extension ErasureBasis: WireReadable {}

extension Erasure: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("candidate_id", candidateID.text)
            w.field("erased_at", erasedAt)
            w.field("basis", basis)
            w.field("request_id", requestID?.text)
            w.field("withdrawn_applications", withdrawnApplications)
            w.field("redacted_audit_entries", redactedEntries)
        }
    }
}

extension Erasure: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(candidateID: r("candidate_id"), erasedAt: r("erased_at"), basis: r("basis"),
                      requestID: r.optional("request_id"), withdrawnApplications: r("withdrawn_applications"),
                      redactedEntries: r("redacted_audit_entries"))
    }
}

extension RetentionDue: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("candidate_id", candidateID.text)
            w.field("last_closed_at", lastClosedAt)
            w.field("due_on", dueOn)
        }
    }
}

extension RetentionDue: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(candidateID: r("candidate_id"), lastClosedAt: r("last_closed_at"), dueOn: r("due_on"))
    }
}

extension RetentionRun: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("ran_at", ranAt)
            w.field("days", days)
            w.field("dry_run", dryRun)
            w.field("due", due)
        }
    }
}

extension RetentionRun: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(ranAt: r("ran_at"), days: r("days"), dryRun: r("dry_run"), due: r("due"))
    }
}
