import Foundation

/// A rubric's life: a draft can be published; a published rubric never changes (a change is a new version of the
/// same name) and is retired when a newer version is published or by hand.
public enum RubricStatus: String, Sendable, Codable, CaseIterable {
    case draft, published, retired
}

/// How evaluators' weighted scores become the panel score.
public enum Aggregation: String, Sendable, Codable, CaseIterable {
    /// The plain mean of every evaluator's weighted score.
    case mean
    /// The mean after dropping one highest and one lowest evaluator, when at least five have submitted.
    case trimmedMean = "trimmed_mean"
}

/// One criterion: what is judged, how much it weighs, and what each level of the scale means.
public struct Criterion: Sendable, Hashable {
    public var key: String
    public var label: String
    public var description: String?
    public var weight: Double
    /// Level descriptions keyed by the score they describe ("1", "5", ...).
    public var levels: [String: String]

    public init(key: String, label: String, description: String? = nil, weight: Double, levels: [String: String] = [:]) {
        self.key = key
        self.label = label
        self.description = description
        self.weight = weight
        self.levels = levels
    }
}

/// What a rubric says, as written in `talent rubric create --file` and `POST /v1/rubrics`.
public struct RubricDefinition: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var scaleMin: Int
    public var scaleMax: Int
    public var passThreshold: Double
    public var minEvaluators: Int
    public var aggregation: Aggregation
    /// Evaluators' weighted scores further apart than this flag a disagreement.
    public var disagreementThreshold: Double
    public var criteria: [Criterion]

    public init(name: String, description: String? = nil, scaleMin: Int, scaleMax: Int, passThreshold: Double,
                minEvaluators: Int, aggregation: Aggregation, disagreementThreshold: Double? = nil, criteria: [Criterion]) {
        self.name = name
        self.description = description
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.passThreshold = passThreshold
        self.minEvaluators = minEvaluators
        self.aggregation = aggregation
        self.disagreementThreshold = disagreementThreshold ?? Self.defaultDisagreement(min: scaleMin, max: scaleMax)
        self.criteria = criteria
    }

    /// A quarter of the scale's range: one point on a 1–5 scale.
    public static func defaultDisagreement(min: Int, max: Int) -> Double { Double(max - min) / 4 }

    /// Reads and checks a rubric document; every bad or unknown field is named in one error.
    public init(json: JSONValue) throws(ServiceError) {
        var fields = JSONFields(value: json)
        var v = FieldValidator()
        let name = v.text("name", fields.string("name"), required: true, maxLength: 200)
        let description = v.text("description", fields.string("description"), maxLength: 5000, multiline: true)
        var scaleMin = 1, scaleMax = 5
        let scale = fields.object("scale") { s -> (Int, Int)? in
            let low = s.int("min"), high = s.int("max")
            if low == nil, !s.failed("min") { s.add("min", vi: "bắt buộc, là số nguyên", en: "is required and must be an integer") }
            if high == nil, !s.failed("max") { s.add("max", vi: "bắt buộc, là số nguyên", en: "is required and must be an integer") }
            guard let low, let high else { return nil }
            guard low >= 0, high <= 100, high > low else {
                s.add("max", vi: "thang điểm phải là 0 ≤ min < max ≤ 100", en: "the scale must be 0 ≤ min < max ≤ 100")
                return nil
            }
            return (low, high)
        }
        if let bounds = scale ?? nil {
            (scaleMin, scaleMax) = bounds
        } else if scale == nil, !fields.failed("scale") {  // absent or null
            v.add("scale", vi: "bắt buộc, dạng {\"min\": 1, \"max\": 5}", en: "is required, as {\"min\": 1, \"max\": 5}")
        }
        let threshold = fields.number("pass_threshold")
        if threshold == nil, !fields.failed("pass_threshold") {
            v.add("pass_threshold", vi: "bắt buộc", en: "is required")
        } else if let threshold, !(Double(scaleMin)...Double(scaleMax)).contains(threshold) {
            v.add("pass_threshold", vi: "phải nằm trong thang điểm \(scaleMin)–\(scaleMax)",
                  en: "must lie within the scale \(scaleMin)–\(scaleMax)")
        }
        let minEvaluators = v.integer("min_evaluators", fields.int("min_evaluators"), in: 1...50) ?? 1
        let aggregation = v.oneOf("aggregation", fields.string("aggregation"), Aggregation.self) ?? .mean
        let disagreement = fields.number("disagreement_threshold")
        if let disagreement, !(disagreement > 0 && disagreement <= Double(scaleMax - scaleMin)) {
            v.add("disagreement_threshold", vi: "phải lớn hơn 0 và không vượt độ rộng thang điểm",
                  en: "must be above 0 and at most the width of the scale")
        }
        let items = fields.objects("criteria") { c -> Criterion? in
            var cv = FieldValidator()
            let key = c.string("key")
            if let key, key.range(of: "^[a-z][a-z0-9_]{0,49}$", options: .regularExpression) == nil {
                c.add("key", vi: "chỉ gồm a–z, số và '_', bắt đầu bằng chữ, tối đa 50 ký tự",
                      en: "must be a–z, digits and '_', starting with a letter, at most 50 characters")
            } else if key == nil, !c.failed("key") {
                c.add("key", vi: "bắt buộc", en: "is required")
            }
            let label = cv.text("label", c.string("label"), required: true, maxLength: 200)
            let about = cv.text("description", c.string("description"), maxLength: 2000, multiline: true)
            let weight = c.number("weight") ?? (c.failed("weight") ? nil : 1)
            if let weight, !(weight > 0 && weight <= 1000) {
                c.add("weight", vi: "phải lớn hơn 0 và tối đa 1000", en: "must be above 0 and at most 1000")
            }
            var levels: [String: String] = [:]
            for (level, value) in (c.members("levels") ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard case .string(let raw) = value else {
                    c.add("levels.\(level)", vi: "phải là chuỗi", en: "must be a string")
                    continue
                }
                let text = cv.text("levels.\(level)", raw, required: true, maxLength: 1000, multiline: true)
                guard let score = Int(level), (scaleMin...scaleMax).contains(score) else {
                    c.add("levels.\(level)", vi: "mức phải là một điểm trong thang \(scaleMin)–\(scaleMax)",
                          en: "a level must be a score on the scale \(scaleMin)–\(scaleMax)")
                    continue
                }
                levels[String(score)] = text
            }
            c.add(cv.errors)
            guard let key, let label, let weight, !c.failed("key") else { return nil }
            return Criterion(key: key, label: label, description: about, weight: weight, levels: levels)
        }
        if items.isEmpty, !fields.failed("criteria") {
            v.add("criteria", vi: "cần ít nhất một tiêu chí", en: "needs at least one criterion")
        }
        if items.count > 50 { v.add("criteria", vi: "tối đa 50 tiêu chí", en: "at most 50 criteria") }
        var criteria: [Criterion] = []
        for (i, item) in items.enumerated() {
            guard let item else { continue }
            if criteria.contains(where: { $0.key == item.key }) {
                v.add("criteria[\(i)].key", vi: "trùng với tiêu chí khác", en: "is used by another criterion")
            } else {
                criteria.append(item)
            }
        }
        do {
            try fields.finish()
        } catch let error as ServiceError {
            for e in error.fieldErrors { v.add(e.field, vi: e.message.vi, en: e.message.en) }
        } catch {}
        guard v.errors.isEmpty, let name, let threshold else { throw ServiceError.invalid(v.errors) }
        self.init(name: name, description: description, scaleMin: scaleMin, scaleMax: scaleMax,
                  passThreshold: threshold, minEvaluators: minEvaluators, aggregation: aggregation,
                  disagreementThreshold: disagreement, criteria: criteria)
    }

    /// The document as stored and as read back (the input shape, so what is read can be created again).
    public var json: JSONValue {
        .object([
            "name": .string(name),
            "description": description.map(JSONValue.string) ?? .null,
            "scale": .object(["min": .number(Double(scaleMin)), "max": .number(Double(scaleMax))]),
            "pass_threshold": .number(passThreshold),
            "min_evaluators": .number(Double(minEvaluators)),
            "aggregation": .string(aggregation.rawValue),
            "disagreement_threshold": .number(disagreementThreshold),
            "criteria": .array(criteria.map { c in
                .object([
                    "key": .string(c.key), "label": .string(c.label),
                    "description": c.description.map(JSONValue.string) ?? .null, "weight": .number(c.weight),
                    "levels": .object(c.levels.mapValues(JSONValue.string)),
                ])
            }),
        ])
    }

    /// Checks one evaluator's scores: every criterion scored, no unknown key, each a whole number on the scale.
    public func check(scores: [String: JSONValue]) throws(ServiceError) -> [String: Int] {
        var v = FieldValidator()
        var result: [String: Int] = [:]
        let known = Set(criteria.map(\.key))
        for criterion in criteria where scores[criterion.key] == nil || scores[criterion.key] == .null {
            v.add("scores.\(criterion.key)", vi: "thiếu điểm cho tiêu chí \(criterion.label)",
                  en: "is missing: every criterion needs a score")
        }
        for (key, value) in scores.sorted(by: { $0.key < $1.key }) {
            guard known.contains(key) else {
                v.add("scores.\(key)", vi: "không phải tiêu chí của bảng tiêu chí này", en: "is not a criterion of this rubric")
                continue
            }
            if value == .null { continue }
            guard case .number(let n) = value, n.rounded() == n, (Double(scaleMin)...Double(scaleMax)).contains(n) else {
                v.add("scores.\(key)", vi: "phải là số nguyên từ \(scaleMin) đến \(scaleMax)",
                      en: "must be a whole number from \(scaleMin) to \(scaleMax)")
                continue
            }
            result[key] = Int(n)
        }
        try v.check()
        return result
    }
}

/// A rubric as stored: its definition, its version within its name, and where it stands.
public struct Rubric: Sendable, Hashable {
    public var id: UUID
    public var version: Int
    public var status: RubricStatus
    public var definition: RubricDefinition
    public var createdBy: String
    public var createdAt: Date
    public var publishedAt: Date?
    public var retiredAt: Date?

    public init(id: UUID, version: Int, status: RubricStatus, definition: RubricDefinition, createdBy: String,
                createdAt: Date, publishedAt: Date?, retiredAt: Date?) {
        self.id = id
        self.version = version
        self.status = status
        self.definition = definition
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.publishedAt = publishedAt
        self.retiredAt = retiredAt
    }

}

extension RubricStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .draft: LocalizedText(vi: "dự thảo", en: "draft")
        case .published: LocalizedText(vi: "đã ban hành", en: "published")
        case .retired: LocalizedText(vi: "ngừng sử dụng", en: "retired")
        }
    }
}

extension Aggregation: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .mean: LocalizedText(vi: "trung bình cộng", en: "mean")
        case .trimmedMean: LocalizedText(vi: "trung bình bỏ điểm cao nhất và thấp nhất", en: "trimmed mean")
        }
    }
}
