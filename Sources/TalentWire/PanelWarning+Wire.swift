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

extension PanelChange: WireReadable, WireObjectReadable where Record: WireObjectReadable {
    /// Each warning's message is written in one language: it reads back as that text in both of `LocalizedText`'s
    /// languages, and `language` stays `.vi`.
    public init(reading r: WireReader) throws(ServiceError) {
        let warnings: [PanelWarning] = try r("warnings")
        try self.init(record: r.read(), warnings: warnings)
    }
}

extension PanelWarning: WireObjectReadable {
    /// The message in the language it was written in, as both of its texts (see `PanelChange`).
    public init(reading r: WireReader) throws(ServiceError) {
        let message: String = try r("message")
        try self.init(code: r("code"), message: LocalizedText(vi: message, en: message),
                      eligibleEvaluators: r("eligible_evaluators"), required: r("required"))
    }
}
