import Foundation

/// Something HR should know about a panel after a change that succeeded: today, that conflicts of interest and
/// recusals leave fewer evaluators who may sit on it than the rubric's minimum, so it can never complete.
public struct PanelWarning: Sendable, Hashable {
    /// `panel-cannot-complete`.
    public var code: String
    public var message: LocalizedText
    /// Users with the evaluator role who may evaluate the candidate: no referral of theirs, no declared relationship.
    public var eligibleEvaluators: Int
    /// The fewest sheets the rubric needs.
    public var required: Int

    public init(eligibleEvaluators: Int, required: Int, rubricName: String) {
        code = "panel-cannot-complete"
        self.eligibleEvaluators = eligibleEvaluators
        self.required = required
        message = LocalizedText(
            vi: "Chỉ còn \(eligibleEvaluators) người đánh giá không có xung đột lợi ích với ứng viên, ít hơn \(required) phiếu tối thiểu của bảng tiêu chí «\(rubricName)»: hội đồng không thể đủ; hãy thêm người đánh giá",
            en: "Only \(eligibleEvaluators) \(eligibleEvaluators == 1 ? "evaluator" : "evaluators") without a conflict of interest with the candidate remain, fewer than the \(required) sheets rubric “\(rubricName)” needs: the panel cannot complete; add evaluators")
    }

    /// A warning as an answer gives it (read back by a client of the API): its code, its message, its figures.
    public init(code: String, message: LocalizedText, eligibleEvaluators: Int, required: Int) {
        self.code = code
        self.message = message
        self.eligibleEvaluators = eligibleEvaluators
        self.required = required
    }
}

/// A panel change (an assignment, a recusal) with its warnings, in the JSON of the record plus `warnings`.
public struct PanelChange<Record: Sendable>: Sendable {
    public var record: Record
    public var warnings: [PanelWarning]
    /// The language of the warnings' messages.
    public var language: Language = .vi

    public init(record: Record, warnings: [PanelWarning]) {
        self.record = record
        self.warnings = warnings
    }

    /// The same change with its messages in `language`.
    public func `in`(_ language: Language) -> PanelChange {
        var change = self
        change.language = language
        return change
    }

}
