import Foundation
import TalentDomain

extension StageChange: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("from", from)
            w.field("to", to)
            w.field("actor", actor)
            w.field("channel", channel)
            w.field("reason", reason)
            w.field("at", at)
            w.field("seconds_in_stage", secondsInStage.rounded())
            w.field("panel_score", panelScore)
        }
    }
}

extension StageChange: WireObjectReadable {
    /// `seconds_in_stage` is written rounded to the second: it reads back whole.
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(from: r.optional("from"), to: r("to"), actor: r("actor"), channel: r("channel"),
                      reason: r.optional("reason"), at: r("at"), secondsInStage: r("seconds_in_stage"),
                      panelScore: r.optional("panel_score"))
    }
}
