import Foundation
import TalentDomain

extension BreachStatus: JSONWritable {}
extension BreachStatus: WireReadable {}

extension Breach: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("discovered_at", discoveredAt)
            w.field("description", description)
            w.field("records", records)
            w.field("notify_by", notifyBy)
            w.field("notified_at", notifiedAt)
            w.field("status", status())
            w.field("recorded_by", recordedBy)
            w.field("notified_by", notifiedBy)
            w.field("version", version)
            w.field("created_at", createdAt)
        }
    }
}

extension Breach: WireObjectReadable {
    /// `notify_by` and `status` are computed from the times, which read back as they are.
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), discoveredAt: r("discovered_at"), description: r("description"),
                      records: r.optional("records"), notifiedAt: r.optional("notified_at"),
                      recordedBy: r("recorded_by"), notifiedBy: r.optional("notified_by"), version: r("version"),
                      createdAt: r("created_at"))
    }
}

/// A breach's JSON body as the service's draft.
extension BreachDraft {
    public init(reading body: inout JSONFields) {
        self.init(discoveredAt: body.string("discovered_at"), description: body.string("description"),
                  records: body.int("records"))
    }
}

extension BreachDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let discoveredAt { w.field("discovered_at", discoveredAt) }
        if let description { w.field("description", description) }
        if let records { w.field("records", records) }
    }
}

/// A notification's body, `{"notified_at": …}`.
extension BreachNotificationDraft {
    public init(reading body: inout JSONFields) {
        self.init(notifiedAt: body.string("notified_at"))
    }
}

extension BreachNotificationDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let notifiedAt { w.field("notified_at", notifiedAt) }
    }
}
