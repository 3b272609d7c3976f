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
