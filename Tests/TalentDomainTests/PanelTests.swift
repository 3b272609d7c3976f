import Foundation
import TalentDomain
import Testing

/// The panel arithmetic against exact expected numbers.
@Suite("Panel arithmetic")
struct PanelTests {
    static func rubric(_ criteria: [(String, Double)], aggregation: Aggregation = .mean, minEvaluators: Int = 3,
                       pass: Double = 3.5, disagreement: Double? = nil) -> Rubric {
        Rubric(id: UUID(), version: 1, status: .published,
               definition: RubricDefinition(name: "Kiểm thử", scaleMin: 1, scaleMax: 5, passThreshold: pass,
                                            minEvaluators: minEvaluators, aggregation: aggregation,
                                            disagreementThreshold: disagreement,
                                            criteria: criteria.map { Criterion(key: $0.0, label: $0.0, weight: $0.1) }),
               createdBy: "test", createdAt: Date(), publishedAt: Date(), retiredAt: nil)
    }

    static func sheets(_ scores: [[String: Int]], application: UUID = UUID(), rubric: UUID = UUID()) -> [ScoreSheet] {
        scores.enumerated().map { i, s in
            ScoreSheet(id: UUID(), applicationID: application, evaluatorID: UUID(), evaluatorName: "Người chấm \(i + 1)",
                       rubricID: rubric, revision: 1, scores: s, comment: nil, reason: nil, recordedBy: "test",
                       submittedAt: Date(), supersededAt: nil)
        }
    }

    static func result(_ rubric: Rubric, _ scores: [[String: Int]]) -> PanelResult {
        let application = UUID()
        return PanelResult.compute(application: application, rubric: rubric,
                                   sheets: sheets(scores, application: application, rubric: rubric.id))
    }

    @Test("an evaluator's weighted score is sum(weight × score) / sum(weight)")
    func weightedScore() {
        let criteria = [Criterion(key: "a", label: "A", weight: 3), Criterion(key: "b", label: "B", weight: 1)]
        #expect(Panel.weightedScore(["a": 5, "b": 1], criteria: criteria) == 4)
        #expect(Panel.weightedScore(["a": 2, "b": 2], criteria: criteria) == 2)
        let uneven = [Criterion(key: "a", label: "A", weight: 1.5), Criterion(key: "b", label: "B", weight: 0.5)]
        #expect(Panel.weightedScore(["a": 4, "b": 2], criteria: uneven) == 3.5)
    }

    @Test("mean: the panel score, per-criterion means, spread and the verdict")
    func mean() {
        let r = Self.rubric([("a", 3), ("b", 2), ("c", 1)])
        let result = Self.result(r, [["a": 4, "b": 5, "c": 3], ["a": 3, "b": 3, "c": 3], ["a": 5, "b": 4, "c": 2]])
        // 25/6, 3 and 25/6: their mean is 34/9.
        let expected: [Double] = [3, 4.166666667, 4.166666667]  // 25/6, to nine decimals
        #expect(result.evaluators.map(\.weightedScore).sorted() == expected)
        #expect(result.panelScore == 3.777777778)  // 34/9
        let means: [Double?] = [4, 4, 2.666666667]
        #expect(result.criteria.map(\.mean) == means)
        #expect(result.spread == 1.166666667)  // 7/6
        #expect(result.complete)
        #expect(result.passed == true)  // 3.777… ≥ 3.5
        #expect(result.disagreement)  // 7/6 > 1, a quarter of the 1–5 scale
        #expect(result.submitted == 3 && result.required == 3)
    }

    @Test("incomplete until the minimum has submitted: no verdict yet")
    func incomplete() {
        let r = Self.rubric([("a", 1)], minEvaluators: 3)
        let result = Self.result(r, [["a": 5], ["a": 4]])
        #expect(result.panelScore == 4.5)
        #expect(!result.complete)
        #expect(result.passed == nil)
        let none = PanelResult.compute(application: UUID(), rubric: nil, sheets: [])
        #expect(none.panelScore == nil && !none.complete && none.passed == nil && none.spread == nil)
    }

    @Test("a panel exactly at the pass mark passes, and a spread exactly at the threshold is no disagreement, despite binary rounding")
    func binaryRounding() {
        // The default rubric's weights: four sheets whose weighted scores are 56/13, 43/13, 36/13 and 47/13, a mean of
        // exactly 3.5 that plain floating point computes as 3.4999999999999996.
        let r = Self.rubric([("a", 2), ("b", 2), ("c", 3), ("d", 3), ("e", 2), ("f", 1)], minEvaluators: 3, pass: 3.5)
        let keys = ["a", "b", "c", "d", "e", "f"]
        let sheets = [[5, 5, 4, 5, 3, 3], [4, 5, 3, 3, 1, 5], [2, 1, 2, 5, 4, 1], [3, 5, 2, 5, 4, 2]]
            .map { Dictionary(uniqueKeysWithValues: zip(keys, $0)) }
        let result = Self.result(r, sheets)
        #expect(result.panelScore == 3.5)
        #expect(result.passed == true)
        // 27/13 and 14/13: a spread of exactly one point, not above a threshold of one.
        let spread = Self.result(r, [Dictionary(uniqueKeysWithValues: zip(keys, [3, 3, 2, 2, 1, 1])),
                                     Dictionary(uniqueKeysWithValues: zip(keys, [1, 1, 1, 1, 1, 2]))])
        #expect(spread.spread == 1)
        #expect(!spread.disagreement)
    }

    @Test("a score exactly at the threshold passes; just under fails")
    func threshold() {
        let r = Self.rubric([("a", 1)], minEvaluators: 2, pass: 3.5)
        #expect(Self.result(r, [["a": 3], ["a": 4]]).passed == true)
        #expect(Self.result(r, [["a": 3], ["a": 3]]).passed == false)
    }

    @Test("trimmed mean drops one highest and one lowest evaluator from five on", arguments: [
        ([2, 3, 4, 4, 5], 11.0 / 3),  // drop 2 and 5
        ([4, 4, 4, 4, 4], 4.0),  // ties: still exactly one of each is dropped
        ([5, 5, 3, 1, 1], 3.0),  // one 5 and one 1 go: (5 + 3 + 1) / 3
        ([1, 2, 3, 4, 5, 5], 3.5),  // six: drop 1 and one 5 → (2 + 3 + 4 + 5) / 4
        ([1, 5, 5, 5], 4.0),  // four: too few to trim, the plain mean
    ])
    func trimmedMean(scores: [Int], expected: Double) {
        let r = Self.rubric([("a", 1)], aggregation: .trimmedMean, minEvaluators: 3)
        let result = Self.result(r, scores.map { ["a": $0] })
        #expect(result.panelScore == Panel.settle(expected))
        #expect(result.evaluators.filter(\.trimmed).count == (scores.count >= 5 ? 2 : 0))
    }

    @Test("the spread flags a disagreement only above the threshold")
    func disagreement() {
        let r = Self.rubric([("a", 1)], minEvaluators: 2, disagreement: 2)
        #expect(!Self.result(r, [["a": 2], ["a": 4]]).disagreement)  // spread 2 is not above 2
        #expect(Self.result(r, [["a": 1], ["a": 4]]).disagreement)
    }

    @Test("superseded revisions do not count")
    func superseded() {
        let r = Self.rubric([("a", 1)], minEvaluators: 1)
        var sheets = Self.sheets([["a": 1], ["a": 5]], rubric: r.id)
        sheets[0].supersededAt = Date()
        let result = PanelResult.compute(application: sheets[0].applicationID, rubric: r, sheets: sheets)
        #expect(result.submitted == 1)
        #expect(result.panelScore == 5)
    }

    @Test("ranking: complete panels first, highest score first, equal scores share a rank")
    func ranking() {
        let r = Self.rubric([("a", 1)], minEvaluators: 2)
        func entry(_ name: String, _ scores: [Int]) -> (Application, PanelResult) {
            let application = Application(id: UUID(), candidateID: UUID(), positionID: UUID(), stage: .evaluation,
                                          stageEnteredAt: Date(), version: 1, createdAt: Date(), updatedAt: Date(),
                                          candidateName: name, positionTitle: "P", agencyCode: "STP")
            let sheets = Self.sheets(scores.map { ["a": $0] }, application: application.id, rubric: r.id)
            return (application, PanelResult.compute(application: application.id, rubric: scores.isEmpty ? nil : r, sheets: sheets))
        }
        let ranked = Panel.rank([entry("An", [3, 3]), entry("Bình", [5]), entry("Chi", [4, 4]), entry("Dũng", [2, 4]),
                                 entry("Em", [])])
        #expect(ranked.map(\.candidateName) == ["Chi", "An", "Dũng", "Bình", "Em"])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4, nil])
    }

    @Test("median of panel scores")
    func median() {
        #expect(Panel.median([]) == nil)
        #expect(Panel.median([3]) == 3)
        #expect(Panel.median([4, 1, 3]) == 3)
        #expect(Panel.median([4, 1, 3, 2]) == 2.5)
    }
}

@Suite("Rubric documents")
struct RubricDocumentTests {
    static func parse(_ json: String) throws -> RubricDefinition {
        try RubricDefinition(json: JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)))
    }

    static func fields(_ json: String) -> [String] {
        do {
            _ = try parse(json)
            return []
        } catch let error as ServiceError {
            return error.fieldErrors.map(\.field)
        } catch {
            return ["?"]
        }
    }

    @Test("the contract's example reads, and reads back in the same shape")
    func example() throws {
        let definition = try Self.parse("""
            {"name": "Tuyển chọn 2026", "scale": {"min": 1, "max": 5}, "pass_threshold": 3.5, "min_evaluators": 3,
             "aggregation": "mean",
             "criteria": [{"key": "legal_drafting", "label": "Kỹ năng xây dựng pháp luật", "description": "…",
                           "weight": 3, "levels": {"1": "Yếu", "5": "Xuất sắc"}}]}
            """)
        #expect(definition.criteria.map(\.key) == ["legal_drafting"])
        #expect(definition.criteria[0].levels == ["1": "Yếu", "5": "Xuất sắc"])
        #expect(definition.disagreementThreshold == 1)
        #expect(try RubricDefinition(json: definition.json) == definition)
    }

    @Test("every bad field is named", arguments: [
        (#"{"scale": {"min": 1, "max": 5}, "pass_threshold": 3, "criteria": [{"key": "a", "label": "A"}]}"#, ["name"]),
        (#"{"name": "x", "pass_threshold": 3, "criteria": [{"key": "a", "label": "A"}]}"#, ["scale"]),
        (#"{"name": "x", "scale": {"min": 5, "max": 1}, "pass_threshold": 3, "criteria": [{"key": "a", "label": "A"}]}"#, ["scale.max"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 7, "criteria": [{"key": "a", "label": "A"}]}"#, ["pass_threshold"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "criteria": []}"#, ["criteria"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "aggregation": "median", "criteria": [{"key": "a", "label": "A"}]}"#, ["aggregation"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "min_evaluators": 0, "criteria": [{"key": "a", "label": "A"}]}"#, ["min_evaluators"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "criteria": [{"key": "a", "label": "A", "weight": 0}]}"#, ["criteria[0].weight"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "criteria": [{"key": "a", "label": "A"}, {"key": "a", "label": "B"}]}"#, ["criteria[1].key"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "criteria": [{"key": "Bad Key", "label": "A"}]}"#, ["criteria[0].key"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "criteria": [{"key": "a", "label": "A", "levels": {"9": "?"}}]}"#, ["criteria[0].levels.9"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "criteria": [{"key": "a"}]}"#, ["criteria[0].label"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "criteria": [{"key": "a", "label": "A", "colour": 1}]}"#, ["criteria[0].colour"]),
        (#"{"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3, "criteria": [{"key": "a", "label": "A"}], "extra": true}"#, ["extra"]),
        (#"[1, 2]"#, ["body", "name", "scale", "pass_threshold", "criteria"]),
    ])
    func badFields(json: String, expected: [String]) {
        #expect(Set(Self.fields(json)) == Set(expected))
    }

    @Test("scores: every criterion, no unknown key, whole numbers on the scale")
    func scores() throws {
        let definition = try Self.parse("""
            {"name": "x", "scale": {"min": 1, "max": 5}, "pass_threshold": 3,
             "criteria": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}]}
            """)
        #expect(try definition.check(scores: ["a": .number(1), "b": .number(5)]) == ["a": 1, "b": 5])
        func failing(_ scores: [String: JSONValue]) -> [String] {
            do {
                _ = try definition.check(scores: scores)
                return []
            } catch {
                return error.fieldErrors.map(\.field)
            }
        }
        #expect(failing(["a": .number(3)]) == ["scores.b"])
        #expect(failing(["a": .number(3), "b": .number(3), "c": .number(3)]) == ["scores.c"])
        #expect(failing(["a": .number(0), "b": .number(6)]) == ["scores.a", "scores.b"])
        #expect(failing(["a": .number(3.5), "b": .string("4")]) == ["scores.a", "scores.b"])
    }
}
