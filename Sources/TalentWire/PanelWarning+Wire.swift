import Foundation
import TalentDomain

/// The record's fields and its `warnings`, each message in the change's language.
extension PanelChange: JSONWritable where Record: JSONObjectWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            record.writeFields(to: &w)
            w.key("warnings")
            w.beginArray()
            for warning in warnings {
                w.object { w in
                    w.field("code", warning.code)
                    w.field("message", warning.message.text(language))
                    w.field("eligible_evaluators", warning.eligibleEvaluators)
                    w.field("required", warning.required)
                }
            }
            w.endArray()
        }
    }
}
