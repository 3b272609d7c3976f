import Foundation
import TalentDomain

extension StageFigures: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("stage", stage)
            w.field("count", count)
            w.field("reached", reached)
            w.field("conversion", conversion)
            w.field("median_days", medianDays)
        }
    }
}

extension PipelineGroup: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("key", key)
            w.field("group", key)
            w.field("label", label)
            w.field("applications", applications)
            w.field("stages", stages)
        }
    }
}

extension PipelineReport: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("agency", agency)
            w.field("position_kind", positionKind)
            w.field("from", from)
            w.field("to", to)
            w.field("group_by", groupBy)
            w.field("applications", applications)
            w.field("stages", stages)
            if let groups { w.field("groups", groups) }
        }
    }
}

extension StageFigures: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(stage: r("stage"), count: r("count"), reached: r("reached"), conversion: r.optional("conversion"),
                      medianDays: r.optional("median_days"))
    }
}

extension PipelineGroup: WireObjectReadable {
    /// `applications` is the sum of the stages' counts, as when the report was made; `group` repeats `key`.
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(key: r("key"), label: r("label"), stages: r("stages"))
    }
}

extension PipelineReport: WireObjectReadable {
    /// `applications` is the sum of the stages' counts, as when the report was made; `groups` is nil when absent.
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(agency: r.optional("agency"), positionKind: r.optional("position_kind"), from: r.optional("from"),
                      to: r.optional("to"), groupBy: r.optional("group_by"), stages: r("stages"),
                      groups: r.optional("groups"))
    }
}
