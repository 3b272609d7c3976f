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
