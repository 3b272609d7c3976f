import Foundation
import TalentDomain

/// The token record's fields and, this once, its secret.
extension IssuedToken: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            record.writeFields(to: &w)
            w.field("token", token)
        }
    }
}

extension IssuedToken: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(token: r("token"), record: r.read())
    }
}
