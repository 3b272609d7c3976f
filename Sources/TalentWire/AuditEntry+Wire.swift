import Foundation
import TalentDomain

extension AuditEntry: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id)
            w.field("at", at)
            w.field("actor", actor)
            w.field("role", role)
            w.field("channel", channel)
            w.field("action", action)
            w.field("entity_type", entityType)
            w.field("entity_id", entityID)
            w.field("changes", changes)
        }
    }
}

extension AuditEntry: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), at: r("at"), actor: r("actor"), role: r("role"), channel: r("channel"),
                      action: r("action"), entityType: r("entity_type"), entityID: r("entity_id"), changes: r("changes"))
    }
}

extension AuditBreakReason: JSONWritable {}
extension AuditBreakReason: WireReadable {}

extension AuditBreak: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("seq", seq)
            w.field("id", id)
            w.field("at", at)
            w.field("action", action)
            w.field("entity_type", entityType)
            w.field("entity_id", entityID)
            w.field("reason", reason)
        }
    }
}

extension AuditBreak: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(seq: r("seq"), id: r.optional("id"), at: r.optional("at"), action: r.optional("action"),
                      entityType: r.optional("entity_type"), entityID: r.optional("entity_id"), reason: r("reason"))
    }
}

extension AuditVerification: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("ok", ok)
            w.field("entries", entries)
            w.field("redacted", redacted)
            w.field("first_bad", firstBad)
            w.field("head_seq", headSeq)
            w.field("head", head)
        }
    }
}

extension AuditVerification: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(entries: r("entries"), redacted: r("redacted"), firstBad: r.optional("first_bad"), headSeq: r.optional("head_seq"),
                      head: r.optional("head"))
    }
}
