import Foundation

/// The panel's result, computed from the raw scores of the current sheets and nothing else: no score is ever
/// copied or stored elsewhere.
public struct PanelResult: Sendable, Hashable {
    public struct EvaluatorScore: Sendable, Hashable {
        public var evaluatorID: UUID
        public var evaluatorName: String
        /// sum(weight × score) / sum(weight), on the rubric's scale.
        public var weightedScore: Double
        /// Whether the rubric's trimmed mean left this evaluator out of the panel score.
        public var trimmed: Bool

        public init(evaluatorID: UUID, evaluatorName: String, weightedScore: Double, trimmed: Bool) {
            self.evaluatorID = evaluatorID
            self.evaluatorName = evaluatorName
            self.weightedScore = weightedScore
            self.trimmed = trimmed
        }
    }

    public struct CriterionMean: Sendable, Hashable {
        public var key: String
        public var label: String
        public var weight: Double
        public var mean: Double?

        public init(key: String, label: String, weight: Double, mean: Double?) {
            self.key = key
            self.label = label
            self.weight = weight
            self.mean = mean
        }
    }

    public var applicationID: UUID
    public var rubricID: UUID?
    public var rubricVersion: Int?
    public var aggregation: Aggregation?
    /// The panel score by the rubric's rule; nil until someone has submitted.
    public var panelScore: Double?
    public var passThreshold: Double?
    /// True once at least the rubric's minimum number of evaluators has submitted.
    public var complete: Bool
    /// Pass or fail once complete; nil while the panel is incomplete.
    public var passed: Bool?
    public var submitted: Int
    public var required: Int?
    public var evaluators: [EvaluatorScore]
    public var criteria: [CriterionMean]
    /// The highest evaluator's weighted score minus the lowest's.
    public var spread: Double?
    public var disagreement: Bool
    /// Sheets typed in for an evaluator that wait for their confirmation (not counted).
    public var awaitingConfirmation: Int = 0
    /// When someone first read the result (nil while nobody has).
    public var firstReadAt: Date? = nil
    /// Whether a sheet that counts was amended after the result was first read.
    public var amendedAfterResult: Bool = false

    public init(applicationID: UUID, rubricID: UUID?, rubricVersion: Int?, aggregation: Aggregation?, panelScore: Double?,
                passThreshold: Double?, complete: Bool, passed: Bool?, submitted: Int, required: Int?,
                evaluators: [EvaluatorScore], criteria: [CriterionMean], spread: Double?, disagreement: Bool,
                awaitingConfirmation: Int = 0, firstReadAt: Date? = nil, amendedAfterResult: Bool = false) {
        self.applicationID = applicationID
        self.rubricID = rubricID
        self.rubricVersion = rubricVersion
        self.aggregation = aggregation
        self.panelScore = panelScore
        self.passThreshold = passThreshold
        self.complete = complete
        self.passed = passed
        self.submitted = submitted
        self.required = required
        self.evaluators = evaluators
        self.criteria = criteria
        self.spread = spread
        self.disagreement = disagreement
        self.awaitingConfirmation = awaitingConfirmation
        self.firstReadAt = firstReadAt
        self.amendedAfterResult = amendedAfterResult
    }

    /// Computes the result from a rubric and the evaluators' current sheets (each a full set of scores).
    /// Only the sheets that count do: a sheet typed in for an evaluator waits for their confirmation.
    public static func compute(application: UUID, rubric: Rubric?, sheets: [ScoreSheet],
                               firstReadAt: Date? = nil) -> PanelResult {
        guard let rubric else {
            return PanelResult(applicationID: application, rubricID: nil, rubricVersion: nil, aggregation: nil,
                               panelScore: nil, passThreshold: nil, complete: false, passed: nil, submitted: 0,
                               required: nil, evaluators: [], criteria: [], spread: nil, disagreement: false,
                               firstReadAt: firstReadAt)
        }
        let definition = rubric.definition
        let current = sheets.filter(\.counts).sorted { ($0.evaluatorName, $0.evaluatorID.text) < ($1.evaluatorName, $1.evaluatorID.text) }
        // Every figure is settled to nine decimals before it is compared or shown, so a panel exactly at the pass
        // mark passes and equal scores are equal, whatever binary rounding did on the way.
        let weighted = current.map { Panel.settle(Panel.weightedScore($0.scores, criteria: definition.criteria)) }
        let kept = Panel.kept(weighted, aggregation: definition.aggregation)
        let panelScore = kept.isEmpty ? nil : Panel.settle(Panel.mean(kept.map { weighted[$0] }))
        let complete = current.count >= definition.minEvaluators
        let spread = weighted.isEmpty ? nil : Panel.settle(weighted.max()! - weighted.min()!)
        let evaluators = current.enumerated().map { i, sheet in
            EvaluatorScore(evaluatorID: sheet.evaluatorID, evaluatorName: sheet.evaluatorName, weightedScore: weighted[i],
                           trimmed: !kept.contains(i))
        }
        let criteria = definition.criteria.map { c in
            CriterionMean(key: c.key, label: c.label, weight: c.weight,
                          mean: current.isEmpty ? nil : Panel.settle(Panel.mean(current.map { Double($0.scores[c.key] ?? 0) })))
        }
        return PanelResult(
            applicationID: application, rubricID: rubric.id, rubricVersion: rubric.version,
            aggregation: definition.aggregation, panelScore: panelScore, passThreshold: definition.passThreshold,
            complete: complete, passed: complete ? panelScore.map { $0 >= definition.passThreshold } : nil,
            submitted: current.count, required: definition.minEvaluators, evaluators: evaluators, criteria: criteria,
            spread: spread, disagreement: (spread ?? 0) > definition.disagreementThreshold,
            awaitingConfirmation: sheets.filter { $0.isCurrent && $0.awaitingConfirmation }.count,
            firstReadAt: firstReadAt, amendedAfterResult: current.contains(where: \.amendedAfterResult))
    }
}
