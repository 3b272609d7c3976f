import Foundation

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
