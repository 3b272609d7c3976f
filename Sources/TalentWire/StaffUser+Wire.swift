import Foundation
import TalentDomain

extension StaffUser: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("name", name)
            w.field("role", role)
            w.field("agency_code", agencyCode)
            w.field("email", email)
            w.field("scope", scope)
            w.field("has_password", hasPassword)
            w.field("disabled_at", disabledAt)
            w.field("created_at", createdAt)
        }
    }
}

extension StaffUser: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), name: r("name"), role: r("role"), agencyCode: r.optional("agency_code"),
                      email: r.optional("email"), scope: r("scope"), hasPassword: r("has_password"),
                      disabledAt: r.optional("disabled_at"), createdAt: r("created_at"))
    }
}
