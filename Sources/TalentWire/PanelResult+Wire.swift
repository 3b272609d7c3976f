import Foundation
import TalentDomain

extension PanelResult.EvaluatorScore: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("evaluator_id", evaluatorID.text)
            w.field("evaluator_name", evaluatorName)
            w.field("weighted_score", weightedScore)
            w.field("trimmed", trimmed)
        }
    }
}

extension PanelResult: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("application_id", applicationID.text)
            w.field("rubric_id", rubricID?.text)
            w.field("rubric_version", rubricVersion)
            w.field("aggregation", aggregation)
            w.field("panel_score", panelScore)
            w.field("pass_threshold", passThreshold)
            w.field("complete", complete)
            w.field("passed", passed)
            w.field("submitted", submitted)
            w.field("required", required)
            w.field("evaluators", evaluators)
            w.field("criteria", criteria)
            w.field("spread", spread)
            w.field("disagreement", disagreement)
            w.field("awaiting_confirmation", awaitingConfirmation)
            w.field("result_first_read_at", firstReadAt)
            w.field("amended_after_result", amendedAfterResult)
        }
    }
}

extension PanelResult.CriterionMean: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("key", key)
            w.field("label", label)
            w.field("weight", weight)
            w.field("mean", mean)
        }
    }
}
