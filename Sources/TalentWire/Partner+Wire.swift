import Foundation
import TalentDomain

extension Partner: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("code", code)
            w.field("name", name)
            w.field("kind", kind)
            w.field("contact_name", contactName)
            w.field("contact_email", contactEmail)
            w.field("contact_phone", contactPhone)
            w.field("version", version)
            w.field("created_at", createdAt)
            w.field("updated_at", updatedAt)
        }
    }
}

extension Partner: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(code: r("code"), name: r("name"), kind: r("kind"), contactName: r.optional("contact_name"),
                      contactEmail: r.optional("contact_email"), contactPhone: r.optional("contact_phone"),
                      version: r("version"), createdAt: r("created_at"), updatedAt: r("updated_at"))
    }
}

/// A partner's JSON body as the service's draft.
extension PartnerDraft {
    /// The request body's fields, read one by one: a bad one is a field error in `body`, an unknown one is refused
    /// by `body.finish`.
    public init(reading body: inout JSONFields) {
        self.init(code: body.string("code"), name: body.string("name"), kind: body.string("kind"),
                  contactName: body.string("contact_name"), contactEmail: body.string("contact_email"),
                  contactPhone: body.string("contact_phone"))
    }
}

/// The body `PartnerDraft(reading:)` reads back as this draft: the fields given, nil ones left out.
extension PartnerDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        func field(_ name: String, _ value: String?) { if let value { w.field(name, value) } }
        field("code", code)
        field("name", name)
        field("kind", kind)
        field("contact_name", contactName)
        field("contact_email", contactEmail)
        field("contact_phone", contactPhone)
    }
}
