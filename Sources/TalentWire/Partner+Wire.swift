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
