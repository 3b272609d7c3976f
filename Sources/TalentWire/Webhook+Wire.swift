import Foundation
import TalentDomain

// Partners' webhooks, the outbox's deliveries, and the body a delivery carries.

extension DeliveryState: JSONWritable {}
extension DeliveryState: WireReadable {}

/// `secret` only in the answer that adds the webhook (and never in the audit trail).
extension Webhook: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("partner_code", partnerCode)
            w.field("url", url)
            w.field("active", active)
            w.field("created_by", createdBy)
            w.field("created_at", createdAt)
            if let secret { w.field("secret", secret) }
        }
    }
}

extension Webhook: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), partnerCode: r("partner_code"), url: r("url"), active: r("active"),
                      createdBy: r("created_by"), createdAt: r("created_at"), secret: r.optional("secret"))
    }
}

extension Delivery: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("channel", channel)
            w.field("event", event)
            w.field("partner_code", partnerCode)
            w.field("webhook_id", webhookID?.text)
            w.field("url", url)
            w.field("recipient", recipient)
            w.field("state", state)
            w.field("attempts", attempts)
            w.field("next_attempt_at", nextAttemptAt)
            w.field("last_status", lastStatus)
            w.field("last_error", lastError)
            w.field("created_at", createdAt)
            w.field("delivered_at", deliveredAt)
        }
    }
}

extension Delivery: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), channel: r("channel"), event: r("event"), partnerCode: r.optional("partner_code"),
                      webhookID: r.optional("webhook_id"), url: r.optional("url"), recipient: r.optional("recipient"),
                      state: r("state"),
                      attempts: r("attempts"), nextAttemptAt: r.optional("next_attempt_at"),
                      lastStatus: r.optional("last_status"), lastError: r.optional("last_error"),
                      createdAt: r("created_at"), deliveredAt: r.optional("delivered_at"))
    }
}

/// The body of a `nomination.status_changed` delivery: ids and coarse statuses, nothing about the person (the
/// partner reads its nomination with `GET /v1/nominations/{id}` for the rest).
public struct NominationStatusEvent: Sendable, JSONWritable {
    public static let name = "nomination.status_changed"
    public var deliveryID: UUID
    public var change: NominationStatusChange

    public init(deliveryID: UUID, change: NominationStatusChange) {
        self.deliveryID = deliveryID
        self.change = change
    }

    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("event", Self.name)
            w.field("delivery_id", deliveryID.text)
            w.field("nomination_id", change.nominationID.text)
            w.field("partner_code", change.partnerCode)
            w.field("status", change.to)
            w.field("previous_status", change.from)
            w.field("changed_at", change.at)
        }
    }
}
