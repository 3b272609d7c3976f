import Foundation
import TalentDomain

extension ScoreSheet: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("application_id", applicationID.text)
            w.field("evaluator_id", evaluatorID.text)
            w.field("evaluator_name", evaluatorName)
            w.field("rubric_id", rubricID.text)
            w.field("revision", revision)
            w.field("scores", scores)
            w.field("comment", comment)
            w.field("reason", reason)
            w.field("recorded_by", recordedBy)
            w.field("submitted_at", submittedAt)
            w.field("superseded_at", supersededAt)
            w.field("current", isCurrent)
            w.field("entered_by", enteredBy)
            w.field("confirmed_by", confirmedBy)
            w.field("confirmed_at", confirmedAt)
            w.field("awaiting_confirmation", awaitingConfirmation)
            w.field("amended_after_result", amendedAfterResult)
        }
    }
}

extension ScoreSheet: WireObjectReadable {
    /// `current` and `awaiting_confirmation` follow from the other fields, as when the sheet was written; not read.
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), applicationID: r("application_id"), evaluatorID: r("evaluator_id"),
                      evaluatorName: r("evaluator_name"), rubricID: r("rubric_id"), revision: r("revision"),
                      scores: r("scores"), comment: r.optional("comment"), reason: r.optional("reason"),
                      recordedBy: r("recorded_by"), submittedAt: r("submitted_at"),
                      supersededAt: r.optional("superseded_at"), enteredBy: r.optional("entered_by"),
                      confirmedBy: r.optional("confirmed_by"), confirmedAt: r.optional("confirmed_at"),
                      amendedAfterResult: r("amended_after_result"))
    }
}
