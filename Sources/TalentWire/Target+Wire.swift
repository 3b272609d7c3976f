import Foundation
import TalentDomain

extension Target: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("agency_code", agencyCode)
            w.field("position_kind", positionKind)
            w.field("count", count)
            w.field("deadline", deadline)
            w.field("starts_on", startsOn)
            w.field("note", note)
            w.field("created_by", createdBy)
            w.field("created_at", createdAt)
        }
    }
}

extension TargetProgress: JSONWritable {
    /// Written directly: the targets report is the dashboard's and the benchmark's.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", target.id.text)
            w.field("agency_code", target.agencyCode)
            w.field("agency_name", agencyName)
            w.field("position_kind", target.positionKind)
            w.field("count", target.count)
            w.field("deadline", target.deadline)
            w.field("starts_on", target.startsOn)
            w.field("note", target.note)
            w.field("hired", hired)
            w.field("in_offer", inOffer)
            w.field("in_interview", inInterview)
            w.field("in_earlier_stages", inEarlierStages)
            w.field("open_positions", openPositions)
            w.field("expected_by_now", expectedByNow)
            w.field("status", status)
            w.field("risk", risk)
        }
    }
}
