import Foundation
import TalentDomain

/// One column of the personal-data inventory; the codes as written in the schema's annotation.
extension DataInventoryItem: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("table", table)
            w.field("column", column)
            w.field("category", category)
            w.field("purpose", purpose)
            w.field("retention", retention)
            w.field("sensitive", sensitive)
        }
    }
}

extension DataInventoryItem: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(table: r("table"), column: r("column"), category: r("category"), purpose: r("purpose"),
                      retention: r("retention"), sensitive: r.optional("sensitive") ?? false)
    }
}
