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
            w.field("developed", developed)
            w.field("counted", counted)
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

extension Target: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), agencyCode: r("agency_code"), positionKind: r("position_kind"), count: r("count"),
                      deadline: r("deadline"), startsOn: r("starts_on"), note: r.optional("note"),
                      createdBy: r("created_by"), createdAt: r("created_at"))
    }
}

extension TargetProgress: WireObjectReadable {
    /// The answer leaves out who set the target and when: the target read here has an empty `createdBy` and
    /// `createdAt` at 1970-01-01.
    public init(reading r: WireReader) throws(ServiceError) {
        let target = try Target(id: r("id"), agencyCode: r("agency_code"), positionKind: r("position_kind"),
                                count: r("count"), deadline: r("deadline"), startsOn: r("starts_on"),
                                note: r.optional("note"), createdBy: "", createdAt: Date(timeIntervalSince1970: 0))
        try self.init(target: target, agencyName: r("agency_name"), hired: r("hired"), inOffer: r("in_offer"),
                      inInterview: r("in_interview"), inEarlierStages: r("in_earlier_stages"),
                      openPositions: r("open_positions"), expectedByNow: r("expected_by_now"), status: r("status"),
                      risk: r.optional("risk"), developed: r.optional("developed") ?? 0)
    }
}
