import Foundation
import TalentDomain

extension RejectedRow: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("line", line)
            w.field("reason", reason)
            w.field("fields", fields)
        }
    }
}

extension ImportReport: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("header", header)
            w.field("rows", rows)
            w.field("imported", imported)
            w.field("rejected", rejected)
            w.field("committed", committed)
            w.field("consents_recorded", consentsRecorded)
            w.field("without_consent", withoutConsent)
        }
    }
}

extension RejectedRow: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(line: r("line"), reason: r("reason"), fields: r("fields"))
    }
}

extension ImportReport: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(header: r("header"), rows: r("rows"), imported: r("imported"), rejected: r("rejected"),
                      committed: r("committed"), consentsRecorded: r.optional("consents_recorded") ?? 0,
                      withoutConsent: r.optional("without_consent") ?? 0)
    }
}
