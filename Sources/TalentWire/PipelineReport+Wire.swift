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
