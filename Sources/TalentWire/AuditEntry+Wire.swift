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
