import Foundation
import TalentDomain

/// The codes of data subjects' requests, as their raw values.
extension PrivacyRequestKind: JSONWritable {}
extension PrivacyRequestStatus: JSONWritable {}
extension PrivacyRequestKind: WireReadable {}
extension PrivacyRequestStatus: WireReadable {}

extension PrivacyRequest: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("candidate_id", candidateID.text)
            w.field("kind", kind)
            w.field("received_on", receivedOn)
            w.field("note", note)
            w.field("status", status())
            w.field("acknowledge_by", acknowledgeBy)
            w.field("due_on", dueOn)
            w.field("acknowledged_at", acknowledgedAt)
            w.field("extension_days", extensionDays)
            w.field("extension_reason", extensionReason)
            w.field("extended_at", extendedAt)
            w.field("refusal_basis", refusalBasis)
            w.field("closed_at", closedAt)
            w.field("opened_by", openedBy)
            w.field("closed_by", closedBy)
            w.field("version", version)
            w.field("created_at", createdAt)
            w.field("updated_at", updatedAt)
        }
    }
}

extension PrivacyRequest: WireObjectReadable {
    /// `status` is written as people see it (`status()`); `overdue` reads back as the stored state it hides, which
    /// the record's times tell: extended when an extension is recorded, acknowledged when an acknowledgment is,
    /// else open (a request is acknowledged from `open` only, and extended once).
    public init(reading r: WireReader) throws(ServiceError) {
        var status: PrivacyRequestStatus = try r("status")
        let acknowledgedAt: Date? = try r.optional("acknowledged_at")
        let extendedAt: Date? = try r.optional("extended_at")
        if status == .overdue { status = extendedAt != nil ? .extended : acknowledgedAt != nil ? .acknowledged : .open }
        try self.init(id: r("id"), candidateID: r("candidate_id"), kind: r("kind"), receivedOn: r("received_on"),
                      note: r.optional("note"), storedStatus: status, acknowledgeBy: r("acknowledge_by"),
                      dueOn: r("due_on"), acknowledgedAt: acknowledgedAt, extensionDays: r.optional("extension_days"),
                      extensionReason: r.optional("extension_reason"), extendedAt: extendedAt,
                      refusalBasis: r.optional("refusal_basis"), closedAt: r.optional("closed_at"),
                      openedBy: r("opened_by"), closedBy: r.optional("closed_by"), version: r("version"),
                      createdAt: r("created_at"), updatedAt: r("updated_at"))
    }
}

/// A new request's JSON body as the service's draft.
extension PrivacyRequestDraft {
    public init(reading body: inout JSONFields) {
        self.init(candidateID: body.string("candidate_id"), kind: body.string("kind"),
                  receivedOn: body.string("received_on"), note: body.string("note"))
    }
}

/// The body `PrivacyRequestDraft(reading:)` reads back as this draft.
extension PrivacyRequestDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let candidateID { w.field("candidate_id", candidateID) }
        if let kind { w.field("kind", kind) }
        if let receivedOn { w.field("received_on", receivedOn) }
        if let note { w.field("note", note) }
    }
}

/// A PATCH body, `{"status": …, "basis": …, "days": …, "reason": …}`.
extension PrivacyRequestChange {
    /// Reads the body; a value that no change could take (an unknown status, days out of range, a blank text) is a
    /// field error here, so that it answers 422 before If-Match is looked at, as the document's schema says.
    public init(reading body: inout JSONFields) {
        self.init(status: body.string("status"), basis: body.string("basis"), days: body.int("days"),
                  reason: body.string("reason"))
        if let status, Target(rawValue: status) == nil {
            body.add("status", vi: "phải là một trong: " + Target.allCases.map(\.rawValue).joined(separator: ", "),
                     en: "must be one of: " + Target.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let days, !(1...PrivacyDeadlines.maxExtensionDays).contains(days) {
            body.add("days", vi: "phải từ 1 đến \(PrivacyDeadlines.maxExtensionDays)",
                     en: "must be from 1 to \(PrivacyDeadlines.maxExtensionDays)")
        }
        for (field, text) in [("basis", basis), ("reason", reason)] {
            if let text, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                body.add(field, vi: "không được để trống", en: "must not be blank")
            }
        }
    }
}

/// The body `PrivacyRequestChange(reading:)` reads back as this change.
extension PrivacyRequestChange: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let status { w.field("status", status) }
        if let basis { w.field("basis", basis) }
        if let days { w.field("days", days) }
        if let reason { w.field("reason", reason) }
    }
}
