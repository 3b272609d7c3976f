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
public struct Criterion: Sendable, Hashable, Encodable {
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
        var r = JSONReader(json, path: "")
        var v = FieldValidator()
        let name = v.text("name", r.string("name"), required: true, maxLength: 200)
        let description = v.text("description", r.string("description"), maxLength: 5000, multiline: true)
        var scaleMin = 1, scaleMax = 5
        if let scale = r.object("scale") {
            var s = scale
            let low = s.integer("min"), high = s.integer("max")
            if low == nil { s.fail("min", vi: "bắt buộc, là số nguyên", en: "is required and must be an integer") }
            if high == nil { s.fail("max", vi: "bắt buộc, là số nguyên", en: "is required and must be an integer") }
            if let low, let high {
                if low < 0 || high > 100 || high <= low {
                    s.fail("max", vi: "thang điểm phải là 0 ≤ min < max ≤ 100", en: "the scale must be 0 ≤ min < max ≤ 100")
                } else {
                    scaleMin = low
                    scaleMax = high
                }
            }
            r.absorb(s)
        } else {
            r.fail("scale", vi: "bắt buộc, dạng {\"min\": 1, \"max\": 5}", en: "is required, as {\"min\": 1, \"max\": 5}")
        }
        let threshold = r.number("pass_threshold")
        if threshold == nil, !r.failed("pass_threshold") {
            r.fail("pass_threshold", vi: "bắt buộc", en: "is required")
        } else if let threshold, !(Double(scaleMin)...Double(scaleMax)).contains(threshold) {
            r.fail("pass_threshold", vi: "phải nằm trong thang điểm \(scaleMin)–\(scaleMax)",
                   en: "must lie within the scale \(scaleMin)–\(scaleMax)")
        }
        let minEvaluators = v.integer("min_evaluators", r.integer("min_evaluators"), in: 1...50) ?? 1
        let aggregation = v.oneOf("aggregation", r.string("aggregation"), Aggregation.self) ?? .mean
        let disagreement = r.number("disagreement_threshold")
        if let disagreement, !(disagreement > 0 && disagreement <= Double(scaleMax - scaleMin)) {
            r.fail("disagreement_threshold", vi: "phải lớn hơn 0 và không vượt độ rộng thang điểm",
                   en: "must be above 0 and at most the width of the scale")
        }
        var criteria: [Criterion] = []
        let items = r.objects("criteria")
        if items.isEmpty, !r.failed("criteria") {
            r.fail("criteria", vi: "cần ít nhất một tiêu chí", en: "needs at least one criterion")
        }
        if items.count > 50 { r.fail("criteria", vi: "tối đa 50 tiêu chí", en: "at most 50 criteria") }
        var keys: Set<String> = []
        for var item in items {
            let path = item.path
            var iv = FieldValidator()
            let key = item.string("key")
            if let key, keys.contains(key) {
                item.fail("key", vi: "trùng với tiêu chí khác", en: "is used by another criterion")
            } else if let key, key.range(of: "^[a-z][a-z0-9_]{0,49}$", options: .regularExpression) == nil {
                item.fail("key", vi: "chỉ gồm a–z, số và '_', bắt đầu bằng chữ, tối đa 50 ký tự",
                          en: "must be a–z, digits and '_', starting with a letter, at most 50 characters")
            } else if key == nil, !item.failed("key") {
                item.fail("key", vi: "bắt buộc", en: "is required")
            }
            let label = iv.text("\(path).label", item.string("label"), required: true, maxLength: 200)
            let about = iv.text("\(path).description", item.string("description"), maxLength: 2000, multiline: true)
            let weight = item.number("weight") ?? (item.failed("weight") ? nil : 1)
            if let weight, !(weight > 0 && weight <= 1000) {
                item.fail("weight", vi: "phải lớn hơn 0 và tối đa 1000", en: "must be above 0 and at most 1000")
            }
            var levels: [String: String] = [:]
            if let levelObject = item.object("levels") {
                var l = levelObject
                for level in l.keys.sorted() {
                    let text = iv.text("\(l.path).\(level)", l.string(level), required: true, maxLength: 1000, multiline: true)
                    guard let score = Int(level), (scaleMin...scaleMax).contains(score) else {
                        l.fail(level, vi: "mức phải là một điểm trong thang \(scaleMin)–\(scaleMax)",
                               en: "a level must be a score on the scale \(scaleMin)–\(scaleMax)")
                        continue
                    }
                    levels[String(score)] = text
                }
                item.absorb(l)
            }
            r.absorb(item)
            v.absorb(iv)
            if let key, let label, let weight {
                keys.insert(key)
                criteria.append(Criterion(key: key, label: label, description: about, weight: weight, levels: levels))
            }
        }
        v.absorb(r.finish())
        try v.check()
        self.init(name: name!, description: description, scaleMin: scaleMin, scaleMax: scaleMax,
                  passThreshold: threshold!, minEvaluators: minEvaluators, aggregation: aggregation,
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
public struct Rubric: Sendable, Hashable, Encodable {
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

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The definition's fields, with `id`, `version`, `status` and the dates added.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id.text, forKey: Key("id"))
        try c.encode(version, forKey: Key("version"))
        try c.encode(status, forKey: Key("status"))
        if case .object(let fields) = definition.json {
            for (key, value) in fields { try c.encode(value, forKey: Key(key)) }
        }
        try c.encode(createdBy, forKey: Key("created_by"))
        try c.encode(createdAt, forKey: Key("created_at"))
        try c.encode(publishedAt, forKey: Key("published_at"))
        try c.encode(retiredAt, forKey: Key("retired_at"))
    }
}

/// Reads a JSON object field by field, naming each bad field by its path (`criteria[2].weight`) and every field it
/// did not read as unknown.
struct JSONReader {
    let path: String
    private let fields: [String: JSONValue]
    private var read: Set<String> = []
    private(set) var errors: [FieldError] = []

    init(_ value: JSONValue, path: String) {
        self.path = path
        if case .object(let fields) = value {
            self.fields = fields
        } else {
            self.fields = [:]
            errors.append(FieldError(path.isEmpty ? "body" : path, vi: "phải là đối tượng JSON", en: "must be a JSON object"))
        }
    }

    var keys: [String] { Array(fields.keys) }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func fail(_ key: String, vi: String, en: String) {
        errors.append(FieldError(name(key), vi: vi, en: en))
    }

    func failed(_ key: String) -> Bool { errors.contains { $0.field == name(key) || $0.field.hasPrefix(name(key) + "[") } }

    /// Takes a nested object's errors, its unknown fields included.
    mutating func absorb(_ nested: JSONReader) { errors += nested.finish() }

    mutating func string(_ key: String) -> String? {
        read.insert(key)
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default:
            fail(key, vi: "phải là chuỗi", en: "must be a string")
            return nil
        }
    }

    mutating func number(_ key: String) -> Double? {
        read.insert(key)
        switch fields[key] {
        case nil, .null?: return nil
        case .number(let n)? where n.isFinite: return n
        default:
            fail(key, vi: "phải là số", en: "must be a number")
            return nil
        }
    }

    mutating func integer(_ key: String) -> Int? {
        guard let n = number(key) else { return nil }
        guard n.rounded() == n, abs(n) < 1e9 else {
            fail(key, vi: "phải là số nguyên", en: "must be a whole number")
            return nil
        }
        return Int(n)
    }

    mutating func object(_ key: String) -> JSONReader? {
        read.insert(key)
        switch fields[key] {
        case nil, .null?: return nil
        case .object?: return JSONReader(fields[key]!, path: name(key))
        default:
            fail(key, vi: "phải là đối tượng", en: "must be an object")
            return nil
        }
    }

    mutating func objects(_ key: String) -> [JSONReader] {
        read.insert(key)
        switch fields[key] {
        case nil, .null?: return []
        case .array(let items)?:
            return items.enumerated().map { JSONReader($1, path: "\(name(key))[\($0)]") }
        default:
            fail(key, vi: "phải là mảng", en: "must be an array")
            return []
        }
    }

    /// The errors found, with every field that was not read named as unknown.
    func finish() -> [FieldError] {
        errors + fields.keys.filter { !read.contains($0) }.sorted()
            .map { FieldError(name($0), vi: "trường không được hỗ trợ", en: "is not a known field") }
    }
}

extension FieldValidator {
    mutating func absorb(_ validator: FieldValidator) {
        for error in validator.errors { add(error.field, vi: error.message.vi, en: error.message.en) }
    }

    mutating func absorb(_ errors: [FieldError]) {
        for error in errors { add(error.field, vi: error.message.vi, en: error.message.en) }
    }
}
