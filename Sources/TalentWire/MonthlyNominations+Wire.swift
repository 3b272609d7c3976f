import Foundation
import TalentDomain

extension MonthlyNominations: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("partner_code", partnerCode)
            w.field("month", month)
            w.field("nominations", nominations)
        }
    }
}

extension MonthlyNominations: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(partnerCode: r("partner_code"), month: r("month"), nominations: r("nominations"))
    }
}
