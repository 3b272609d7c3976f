import Foundation

/// One evaluator's score sheet for an application. A submitted sheet is locked: an amendment is a new revision with
/// a reason, and the earlier revision stays, marked superseded.
public struct ScoreSheet: Sendable, Hashable, Encodable {
    public var id: UUID
    public var applicationID: UUID
    public var evaluatorID: UUID
    public var evaluatorName: String
    public var rubricID: UUID
    public var revision: Int
    public var scores: [String: Int]
    public var comment: String?
    /// Why an earlier revision was amended (nil on the first).
    public var reason: String?
    /// Who typed it in: the evaluator, or staff transcribing a paper sheet.
    public var recordedBy: String
    public var submittedAt: Date
    public var supersededAt: Date?

    public init(id: UUID, applicationID: UUID, evaluatorID: UUID, evaluatorName: String, rubricID: UUID, revision: Int,
                scores: [String: Int], comment: String?, reason: String?, recordedBy: String, submittedAt: Date,
                supersededAt: Date?) {
        self.id = id
        self.applicationID = applicationID
        self.evaluatorID = evaluatorID
        self.evaluatorName = evaluatorName
        self.rubricID = rubricID
        self.revision = revision
        self.scores = scores
        self.comment = comment
        self.reason = reason
        self.recordedBy = recordedBy
        self.submittedAt = submittedAt
        self.supersededAt = supersededAt
    }

    public var isCurrent: Bool { supersededAt == nil }

    enum CodingKeys: String, CodingKey {
        case id, applicationID = "application_id", evaluatorID = "evaluator_id", evaluatorName = "evaluator_name"
        case rubricID = "rubric_id", revision, scores, comment, reason, recordedBy = "recorded_by"
        case submittedAt = "submitted_at", supersededAt = "superseded_at", current
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.text, forKey: .id)
        try c.encode(applicationID.text, forKey: .applicationID)
        try c.encode(evaluatorID.text, forKey: .evaluatorID)
        try c.encode(evaluatorName, forKey: .evaluatorName)
        try c.encode(rubricID.text, forKey: .rubricID)
        try c.encode(revision, forKey: .revision)
        try c.encode(scores, forKey: .scores)
        try c.encode(comment, forKey: .comment)
        try c.encode(reason, forKey: .reason)
        try c.encode(recordedBy, forKey: .recordedBy)
        try c.encode(submittedAt, forKey: .submittedAt)
        try c.encode(supersededAt, forKey: .supersededAt)
        try c.encode(isCurrent, forKey: .current)
    }
}

/// Where one evaluator stands on one application's panel.
public enum PanelMemberStatus: String, Sendable, Codable, CaseIterable {
    case assigned, submitted, recused
}

/// An evaluator assigned to an application.
public struct PanelMember: Sendable, Hashable, Encodable {
    public var applicationID: UUID
    public var evaluatorID: UUID
    public var evaluatorName: String
    public var status: PanelMemberStatus
    public var assignedBy: String
    public var assignedAt: Date
    public var recusedAt: Date?
    public var recusalReason: String?

    public init(applicationID: UUID, evaluatorID: UUID, evaluatorName: String, status: PanelMemberStatus,
                assignedBy: String, assignedAt: Date, recusedAt: Date?, recusalReason: String?) {
        self.applicationID = applicationID
        self.evaluatorID = evaluatorID
        self.evaluatorName = evaluatorName
        self.status = status
        self.assignedBy = assignedBy
        self.assignedAt = assignedAt
        self.recusedAt = recusedAt
        self.recusalReason = recusalReason
    }

    enum CodingKeys: String, CodingKey {
        case applicationID = "application_id", evaluatorID = "evaluator_id", evaluatorName = "evaluator_name", status
        case assignedBy = "assigned_by", assignedAt = "assigned_at", recusedAt = "recused_at"
        case recusalReason = "recusal_reason"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(applicationID.text, forKey: .applicationID)
        try c.encode(evaluatorID.text, forKey: .evaluatorID)
        try c.encode(evaluatorName, forKey: .evaluatorName)
        try c.encode(status, forKey: .status)
        try c.encode(assignedBy, forKey: .assignedBy)
        try c.encode(assignedAt, forKey: .assignedAt)
        try c.encode(recusedAt, forKey: .recusedAt)
        try c.encode(recusalReason, forKey: .recusalReason)
    }
}

/// A recorded conflict of interest: a user who declared a relationship with a candidate, or recused themselves.
public struct ConflictDeclaration: Sendable, Hashable, Encodable {
    public var id: UUID
    public var candidateID: UUID
    public var userID: UUID
    public var applicationID: UUID?
    public var relationship: Relationship
    public var reason: String
    public var declaredBy: String
    public var declaredAt: Date

    public init(id: UUID, candidateID: UUID, userID: UUID, applicationID: UUID?, relationship: Relationship, reason: String,
                declaredBy: String, declaredAt: Date) {
        self.id = id
        self.candidateID = candidateID
        self.userID = userID
        self.applicationID = applicationID
        self.relationship = relationship
        self.reason = reason
        self.declaredBy = declaredBy
        self.declaredAt = declaredAt
    }

    enum CodingKeys: String, CodingKey {
        case id, candidateID = "candidate_id", userID = "user_id", applicationID = "application_id", relationship, reason
        case declaredBy = "declared_by", declaredAt = "declared_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.text, forKey: .id)
        try c.encode(candidateID.text, forKey: .candidateID)
        try c.encode(userID.text, forKey: .userID)
        try c.encode(applicationID?.text, forKey: .applicationID)
        try c.encode(relationship, forKey: .relationship)
        try c.encode(reason, forKey: .reason)
        try c.encode(declaredBy, forKey: .declaredBy)
        try c.encode(declaredAt, forKey: .declaredAt)
    }
}

/// The panel's result, computed from the raw scores of the current sheets and nothing else: no score is ever
/// copied or stored elsewhere.
public struct PanelResult: Sendable, Hashable, Encodable {
    public struct EvaluatorScore: Sendable, Hashable, Encodable {
        public var evaluatorID: UUID
        public var evaluatorName: String
        /// sum(weight × score) / sum(weight), on the rubric's scale.
        public var weightedScore: Double
        /// Whether the rubric's trimmed mean left this evaluator out of the panel score.
        public var trimmed: Bool

        enum CodingKeys: String, CodingKey {
            case evaluatorID = "evaluator_id", evaluatorName = "evaluator_name", weightedScore = "weighted_score", trimmed
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(evaluatorID.text, forKey: .evaluatorID)
            try c.encode(evaluatorName, forKey: .evaluatorName)
            try c.encode(weightedScore, forKey: .weightedScore)
            try c.encode(trimmed, forKey: .trimmed)
        }
    }

    public struct CriterionMean: Sendable, Hashable, Encodable {
        public var key: String
        public var label: String
        public var weight: Double
        public var mean: Double?
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

    /// Computes the result from a rubric and the evaluators' current sheets (each a full set of scores).
    public static func compute(application: UUID, rubric: Rubric?, sheets: [ScoreSheet]) -> PanelResult {
        guard let rubric else {
            return PanelResult(applicationID: application, rubricID: nil, rubricVersion: nil, aggregation: nil,
                               panelScore: nil, passThreshold: nil, complete: false, passed: nil, submitted: 0,
                               required: nil, evaluators: [], criteria: [], spread: nil, disagreement: false)
        }
        let definition = rubric.definition
        let current = sheets.filter(\.isCurrent).sorted { ($0.evaluatorName, $0.evaluatorID.text) < ($1.evaluatorName, $1.evaluatorID.text) }
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
            spread: spread, disagreement: (spread ?? 0) > definition.disagreementThreshold)
    }

    enum CodingKeys: String, CodingKey {
        case applicationID = "application_id", rubricID = "rubric_id", rubricVersion = "rubric_version", aggregation
        case panelScore = "panel_score", passThreshold = "pass_threshold", complete, passed, submitted, required
        case evaluators, criteria, spread, disagreement
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(applicationID.text, forKey: .applicationID)
        try c.encode(rubricID?.text, forKey: .rubricID)
        try c.encode(rubricVersion, forKey: .rubricVersion)
        try c.encode(aggregation, forKey: .aggregation)
        try c.encode(panelScore, forKey: .panelScore)
        try c.encode(passThreshold, forKey: .passThreshold)
        try c.encode(complete, forKey: .complete)
        try c.encode(passed, forKey: .passed)
        try c.encode(submitted, forKey: .submitted)
        try c.encode(required, forKey: .required)
        try c.encode(evaluators, forKey: .evaluators)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(spread, forKey: .spread)
        try c.encode(disagreement, forKey: .disagreement)
    }
}

/// The panel arithmetic, in one place.
public enum Panel {
    /// sum(weight × score) / sum(weight) over the rubric's criteria.
    public static func weightedScore(_ scores: [String: Int], criteria: [Criterion]) -> Double {
        var total = 0.0, weights = 0.0
        for criterion in criteria {
            total += criterion.weight * Double(scores[criterion.key] ?? 0)
            weights += criterion.weight
        }
        return weights > 0 ? total / weights : 0
    }

    /// The indexes of the scores that count: all of them for `mean`; for `trimmed_mean` with at least five, all but one
    /// highest and one lowest (of tied scores, the one listed first is dropped).
    public static func kept(_ scores: [Double], aggregation: Aggregation) -> [Int] {
        guard aggregation == .trimmedMean, scores.count >= 5 else { return Array(scores.indices) }
        let lowest = scores.indices.min { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }!
        let rest = scores.indices.filter { $0 != lowest }
        let highest = rest.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }!
        return rest.filter { $0 != highest }
    }

    /// A figure rounded to nine decimals: exact for every score a rubric can give, and free of binary noise.
    public static func settle(_ value: Double) -> Double {
        (value * 1e9).rounded() / 1e9
    }

    public static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    /// The middle value (the mean of the two middle ones for an even count); nil when there is none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// An application's place among those for one position.
public struct RankedApplication: Sendable, Hashable, Encodable {
    /// 1 for the best; equal panel scores share a rank ("1, 1, 3"); nil while no one has scored.
    public var rank: Int?
    public var applicationID: UUID
    public var candidateID: UUID
    public var candidateName: String
    public var stage: PipelineStage
    public var panelScore: Double?
    public var complete: Bool
    public var passed: Bool?
    public var submitted: Int
    public var required: Int?
    public var disagreement: Bool

    enum CodingKeys: String, CodingKey {
        case rank, applicationID = "application_id", candidateID = "candidate_id", candidateName = "candidate_name", stage
        case panelScore = "panel_score", complete, passed, submitted, required, disagreement
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(applicationID.text, forKey: .applicationID)
        try c.encode(candidateID.text, forKey: .candidateID)
        try c.encode(candidateName, forKey: .candidateName)
        try c.encode(stage, forKey: .stage)
        try c.encode(panelScore, forKey: .panelScore)
        try c.encode(complete, forKey: .complete)
        try c.encode(passed, forKey: .passed)
        try c.encode(submitted, forKey: .submitted)
        try c.encode(required, forKey: .required)
        try c.encode(disagreement, forKey: .disagreement)
    }
}

extension Panel {
    /// Orders applications by their panel: complete panels first, then by panel score, highest first; unscored last.
    /// Equal scores within the same completeness share a rank.
    public static func rank(_ entries: [(Application, PanelResult)]) -> [RankedApplication] {
        let sorted = entries.sorted { a, b in
            let (ra, rb) = (a.1, b.1)
            if ra.complete != rb.complete { return ra.complete }
            switch (ra.panelScore, rb.panelScore) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (a.0.candidateName, a.0.id.text) < (b.0.candidateName, b.0.id.text)
            }
        }
        var result: [RankedApplication] = []
        for (i, (application, panel)) in sorted.enumerated() {
            var rank: Int? = panel.panelScore == nil ? nil : i + 1
            if let previous = result.last, previous.panelScore != nil, previous.panelScore == panel.panelScore,
               previous.complete == panel.complete {
                rank = previous.rank
            }
            result.append(RankedApplication(
                rank: rank, applicationID: application.id, candidateID: application.candidateID,
                candidateName: application.candidateName, stage: application.stage, panelScore: panel.panelScore,
                complete: panel.complete, passed: panel.passed, submitted: panel.submitted, required: panel.required,
                disagreement: panel.disagreement))
        }
        return result
    }
}

/// One application on an evaluator's list: what to score, and where the evaluator stands on its panel.
public struct EvaluatorAssignment: Sendable, Hashable, Encodable {
    public var member: PanelMember
    public var candidateName: String
    public var positionTitle: String
    public var agencyCode: String
    public var stage: PipelineStage

    public init(member: PanelMember, candidateName: String, positionTitle: String, agencyCode: String, stage: PipelineStage) {
        self.member = member
        self.candidateName = candidateName
        self.positionTitle = positionTitle
        self.agencyCode = agencyCode
        self.stage = stage
    }

    enum CodingKeys: String, CodingKey {
        case applicationID = "application_id", evaluatorID = "evaluator_id", evaluatorName = "evaluator_name", status
        case assignedAt = "assigned_at", candidateName = "candidate_name", positionTitle = "position_title"
        case agencyCode = "agency_code", stage
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(member.applicationID.text, forKey: .applicationID)
        try c.encode(member.evaluatorID.text, forKey: .evaluatorID)
        try c.encode(member.evaluatorName, forKey: .evaluatorName)
        try c.encode(member.status, forKey: .status)
        try c.encode(member.assignedAt, forKey: .assignedAt)
        try c.encode(candidateName, forKey: .candidateName)
        try c.encode(positionTitle, forKey: .positionTitle)
        try c.encode(agencyCode, forKey: .agencyCode)
        try c.encode(stage, forKey: .stage)
    }
}
