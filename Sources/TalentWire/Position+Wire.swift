import Foundation
import TalentDomain

extension Position: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("agency_code", agencyCode)
            w.field("title", title)
            w.field("kind", kind)
            w.field("openings", openings)
            w.field("target_date", targetDate)
            w.field("status", status)
            w.field("description", description)
            w.field("hired", hired)
            w.field("version", version)
            w.field("created_at", createdAt)
            w.field("updated_at", updatedAt)
        }
    }
}

/// A position's JSON body as the service's draft.
extension PositionDraft {
    /// The request body's fields, read one by one: a bad one is a field error in `body`, an unknown one is refused
    /// by `body.finish`.
    public init(reading body: inout JSONFields) {
        self.init(agencyCode: body.string("agency_code") ?? body.string("agency"), title: body.string("title"),
                  kind: body.string("kind"), openings: body.int("openings"), targetDate: body.string("target_date"),
                  status: body.string("status"), description: body.string("description"))
    }
}

extension Position: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), agencyCode: r("agency_code"), title: r("title"), kind: r("kind"),
                      openings: r("openings"), targetDate: r.optional("target_date"), status: r("status"),
                      description: r.optional("description"), hired: r("hired"), version: r("version"),
                      createdAt: r("created_at"), updatedAt: r("updated_at"))
    }
}

/// The request body `PositionDraft(reading:)` reads back as this draft: the fields given, nil ones left out (the
/// agency as `agency_code`).
extension PositionDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        writeFields(to: &w, only: nil)
    }

    /// A patch's body: exactly the fields named, a nil one as null (which clears it); nil names the fields given.
    public func writeFields(to w: inout JSONWriter, only fields: Set<Field>?) {
        func field(_ name: Field, _ value: (some JSONWritable)?) {
            if fields.map({ $0.contains(name) }) ?? (value != nil) { w.field(name.rawValue, value) }
        }
        field(.agencyCode, agencyCode)
        field(.title, title)
        field(.kind, kind)
        field(.openings, openings)
        field(.targetDate, targetDate)
        field(.status, status)
        field(.description, description)
    }

    /// The body of a patch that changes the named fields to this draft's values.
    public func patchBody(_ fields: Set<Field>) -> [UInt8] {
        var w = JSONWriter()
        w.object { w in writeFields(to: &w, only: fields) }
        return w.bytes
    }
}
