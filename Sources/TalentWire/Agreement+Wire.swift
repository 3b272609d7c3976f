import Foundation
import TalentDomain

extension Agreement: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("partner_code", partnerCode)
            w.field("reference", reference)
            w.field("title", title)
            w.field("signed_on", signedOn)
            w.field("starts_on", startsOn)
            w.field("ends_on", endsOn)
            w.field("status", status())
            w.field("fields", fields)
            w.field("yearly_quota", yearlyQuota)
            w.field("training", training)
            w.field("notes", notes)
            w.field("transfer", transfer)
            w.field("version", version)
            w.field("created_at", createdAt)
            w.field("updated_at", updatedAt)
        }
    }
}

/// An agreement's JSON body as the service's draft.
extension AgreementDraft {
    /// The request body's fields, read one by one: a bad one is a field error in `body`, an unknown one is refused
    /// by `body.finish`.
    public init(reading body: inout JSONFields) {
        self.init(reference: body.string("reference"), title: body.string("title"), signedOn: body.string("signed_on"),
                  startsOn: body.string("starts_on"), endsOn: body.string("ends_on"), fields: body.strings("fields"),
                  yearlyQuota: body.int("yearly_quota"), training: body.string("training"), notes: body.string("notes"),
                  transfer: body.object("transfer") { TransferTermsDraft(reading: &$0) })
    }
}

extension TransferTermsDraft {
    /// The `transfer` object's fields; errors are named `transfer.FIELD` by the caller.
    public init(reading body: inout JSONFields) {
        self.init(purpose: body.string("purpose"), dataTypes: body.strings("data_types"),
                  retentionDays: body.int("retention_days"), disposal: body.string("disposal"),
                  requestsContact: body.string("requests_contact"))
    }
}

extension TransferDisposal: JSONWritable {}
extension TransferDisposal: WireReadable {}

extension TransferTerms: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        w.field("purpose", purpose)
        w.field("data_types", dataTypes.map(\.rawValue))
        w.field("retention_days", retentionDays)
        w.field("disposal", disposal)
        w.field("requests_contact", requestsContact)
    }
}

extension TransferTerms: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        let codes: [String] = try r("data_types")
        try self.init(purpose: r("purpose"), dataTypes: codes.compactMap(PersonalDataCategory.init),
                      retentionDays: r("retention_days"), disposal: r("disposal"), requestsContact: r("requests_contact"))
    }
}

extension TransferTermsDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let purpose { w.field("purpose", purpose) }
        if !dataTypes.isEmpty { w.field("data_types", dataTypes) }
        if let retentionDays { w.field("retention_days", retentionDays) }
        if let disposal { w.field("disposal", disposal) }
        if let requestsContact { w.field("requests_contact", requestsContact) }
    }
}

/// A change of state's JSON body, `{"status": ..., "reason": ...}`.
extension AgreementTransition {
    /// Reads the body's two fields; an unknown one is refused by `body.finish`, a bad status or reason is a 422.
    public init(reading body: inout JSONFields) throws {
        let status = body.string("status")
        let reason = body.string("reason")
        self = try body.finish { try AgreementTransition(reaching: status, reason: reason) }
    }
}

/// The body `AgreementTransition(reading:)` reads back as this change of state.
extension AgreementTransition: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        w.field("status", action.target.rawValue)
        if let reason { w.field("reason", reason) }
    }
}

extension Agreement: WireObjectReadable {
    /// `status` is written as people see it (`status()`: an active agreement past its end date is `expired`); only an
    /// active agreement is ever shown expired, so `expired` reads back as the stored `active`.
    public init(reading r: WireReader) throws(ServiceError) {
        let status: AgreementStatus = try r("status")
        try self.init(id: r("id"), partnerCode: r("partner_code"), reference: r("reference"), title: r.optional("title"),
                      signedOn: r.optional("signed_on"), startsOn: r("starts_on"), endsOn: r("ends_on"),
                      storedStatus: status == .expired ? .active : status, fields: r("fields"),
                      yearlyQuota: r.optional("yearly_quota"), training: r.optional("training"), notes: r.optional("notes"),
                      transfer: r.optional("transfer"), version: r("version"), createdAt: r("created_at"), updatedAt: r("updated_at"))
    }
}

/// The request body `AgreementDraft(reading:)` reads back as this draft: the fields given (nil and empty ones left
/// out, so the body can also be sent as a patch of the fields given).
extension AgreementDraft: JSONObjectWritable {
    /// The names of the body's fields, as `AgreementDraft(reading:)` reads them (and a patch names them).
    public static let fieldNames = ["reference", "title", "signed_on", "starts_on", "ends_on", "fields", "yearly_quota",
                                    "training", "notes", "transfer"]

    public func writeFields(to w: inout JSONWriter) {
        writeFields(to: &w, only: nil)
    }

    /// A patch's body: exactly the fields named, a nil one as null (which clears it); nil names the fields given.
    public func writeFields(to w: inout JSONWriter, only names: Set<String>?) {
        func field(_ name: String, _ value: (some JSONWritable)?) {
            if names.map({ $0.contains(name) }) ?? (value != nil) { w.field(name, value) }
        }
        field("reference", reference)
        field("title", title)
        field("signed_on", signedOn)
        field("starts_on", startsOn)
        field("ends_on", endsOn)
        if names?.contains("fields") ?? !fields.isEmpty { w.field("fields", fields) }
        field("yearly_quota", yearlyQuota)
        field("training", training)
        field("notes", notes)
        field("transfer", transfer)
    }

    /// The body of a patch that changes the named fields (`fieldNames`) to this draft's values.
    public func patchBody(_ names: Set<String>) -> [UInt8] {
        var w = JSONWriter()
        w.object { w in writeFields(to: &w, only: names) }
        return w.bytes
    }
}
