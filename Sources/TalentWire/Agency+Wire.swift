import Foundation
import TalentDomain

extension Agency: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("code", code)
            w.field("name", name)
            w.field("kind", kind)
            w.field("status", status)
            w.field("merged_into", mergedInto)
            w.field("created_at", createdAt)
            w.field("updated_at", updatedAt)
        }
    }
}

extension Agency: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(code: r("code"), name: r("name"), kind: r("kind"), status: r("status"),
                      mergedInto: r.optional("merged_into"), createdAt: r("created_at"), updatedAt: r("updated_at"))
    }
}
