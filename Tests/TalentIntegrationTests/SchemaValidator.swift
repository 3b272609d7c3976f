import Foundation

/// A JSON value as JSON Schema sees it (`null`, booleans, numbers, strings, arrays, objects), read with
/// `JSONDecoder`, which keeps `true` apart from `1`.
indirect enum JSONInstance: Sendable, Equatable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONInstance])
    case object([String: JSONInstance])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONInstance].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONInstance].self))
        }
    }

    static func parse(_ data: Data) throws -> JSONInstance {
        try JSONDecoder().decode(JSONInstance.self, from: data)
    }

    /// What Yams (or `JSONSerialization`) loaded: dictionaries, arrays, strings, booleans, numbers, `NSNull`.
    init?(loaded value: Any) {
        switch value {
        case is NSNull: self = .null
        case let flag as Bool where type(of: value) == Bool.self: self = .bool(flag)
        case let number as Int: self = .number(Double(number))
        case let number as Double: self = .number(number)
        case let text as String: self = .string(text)
        case let items as [Any]:
            var array: [JSONInstance] = []
            for item in items {
                guard let element = JSONInstance(loaded: item) else { return nil }
                array.append(element)
            }
            self = .array(array)
        case let mapping as [AnyHashable: Any]:
            var object: [String: JSONInstance] = [:]
            for (key, member) in mapping {
                guard let name = key.base as? String, let element = JSONInstance(loaded: member) else { return nil }
                object[name] = element
            }
            self = .object(object)
        default: return nil
        }
    }

    subscript(key: String) -> JSONInstance? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var object: [String: JSONInstance]? {
        if case .object(let object) = self { return object }
        return nil
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): n.rounded() == n ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let n): n.rounded() == n && abs(n) < 1e15 ? "\(Int(n))" : "\(n)"
        case .string(let text): "\"\(text.count > 60 ? text.prefix(60) + "…" : text)\""
        case .array(let items): "an array of \(items.count)"
        case .object: "an object"
        }
    }
}

/// The part of JSON Schema 2020-12 that openapi.yaml uses, with `$ref`s into the document that holds the schemas.
///
/// Keywords it does not know are failures, not silently ignored, so the document cannot say something the tests
/// do not check. With `undocumentedFields`, a property of an object that no schema at its place mentions is a
/// failure too: the document leaves responses open to new fields, so clients keep working when one is added, but
/// the tests hold every field the API sends to being documented.
struct SchemaValidator: Sendable {
    struct Failure: Sendable, Equatable, CustomStringConvertible {
        /// JSON pointer of the bad value in the instance ("" for the whole body).
        var pointer: String
        var reason: String

        var description: String { "at \(pointer.isEmpty ? "(the body)" : pointer): \(reason)" }
    }

    let document: JSONInstance
    var undocumentedFields = false

    /// TALENT_CONTRACT_TRACE=1: every object checked against a component schema is printed with its fields.
    static let tracing = ProcessInfo.processInfo.environment["TALENT_CONTRACT_TRACE"] != nil

    static let annotations: Set<String> = [
        "description", "title", "default", "examples", "example", "readOnly", "writeOnly", "deprecated", "$comment",
        "contentMediaType", "contentEncoding",
    ]
    static let formats: Set<String> = ["date", "date-time", "uuid", "email", "uri"]

    /// Every way `instance` breaks `schema`.
    func validate(_ instance: JSONInstance, against schema: JSONInstance) -> [Failure] {
        var failures: [Failure] = []
        place(schema, instance, "", &failures)
        return failures
    }

    /// The schema a local reference (`#/components/schemas/Candidate`) points to.
    func resolve(_ reference: String) -> JSONInstance? {
        guard reference.hasPrefix("#") else { return nil }
        var node = document
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }

    /// What the schemas applied at one place of the instance said about an object's properties.
    private struct Evaluated {
        var properties: Set<String> = []
        /// Some schema here lists properties, so the others are not free-form.
        var declared = false
        /// additionalProperties or unevaluatedProperties took every other property.
        var all = false

        mutating func merge(_ other: Evaluated) {
            properties.formUnion(other.properties)
            declared = declared || other.declared
            all = all || other.all
        }
    }

    /// One place of the instance (the body, a property's value, an array's item): its schema and then, with
    /// `undocumentedFields`, the properties none of the schemas here mention.
    private func place(_ schema: JSONInstance, _ instance: JSONInstance, _ pointer: String, _ failures: inout [Failure]) {
        let evaluated = apply(schema, instance, pointer, &failures)
        guard undocumentedFields, case .object(let object) = instance, evaluated.declared, !evaluated.all else { return }
        for name in object.keys.sorted() where !evaluated.properties.contains(name) {
            failures.append(Failure(pointer: pointer + "/" + Self.escape(name), reason: "a field the document does not describe"))
        }
    }

    private func apply(_ schema: JSONInstance, _ instance: JSONInstance, _ pointer: String,
                       _ failures: inout [Failure]) -> Evaluated {
        var evaluated = Evaluated()
        if case .bool(let accepts) = schema {
            if !accepts { failures.append(Failure(pointer: pointer, reason: "no value is allowed here")) }
            return evaluated
        }
        guard case .object(let keywords) = schema else {
            failures.append(Failure(pointer: pointer, reason: "the document's schema here is not a schema: \(schema)"))
            return evaluated
        }
        func fail(_ reason: String) { failures.append(Failure(pointer: pointer, reason: reason)) }

        for (keyword, value) in keywords.sorted(by: { $0.key < $1.key }) {
            switch keyword {
            case "$ref":
                guard let reference = value.string, let target = resolve(reference) else {
                    fail("unresolved $ref \(value)")
                    continue
                }
                if Self.tracing, case .object(let object) = instance {
                    print("contract-seen \(reference) \(object.keys.sorted().joined(separator: ","))")
                }
                evaluated.merge(apply(target, instance, pointer, &failures))
            case "type":
                let allowed: [String]
                switch value {
                case .string(let one): allowed = [one]
                case .array(let many): allowed = many.compactMap(\.string)
                default: fail("the document's type is not a name: \(value)"); continue
                }
                let actual = instance.typeName
                if !(allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))) {
                    fail("expected \(allowed.joined(separator: " or ")), got \(actual) \(instance)")
                }
            case "enum":
                guard case .array(let options) = value else { fail("the document's enum is not an array"); continue }
                if !options.contains(instance) {
                    fail("\(instance) is not one of \(options.map(\.description).joined(separator: ", "))")
                }
            case "const":
                if instance != value { fail("expected \(value), got \(instance)") }
            case "properties":
                guard case .object(let properties) = value else { fail("the document's properties is not an object"); continue }
                evaluated.declared = true
                guard case .object(let object) = instance else { continue }
                for (name, member) in object.sorted(by: { $0.key < $1.key }) {
                    guard let subschema = properties[name] else { continue }
                    evaluated.properties.insert(name)
                    place(subschema, member, pointer + "/" + Self.escape(name), &failures)
                }
            case "patternProperties":
                guard case .object(let patterns) = value else { fail("the document's patternProperties is not an object"); continue }
                evaluated.declared = true
                guard case .object(let object) = instance else { continue }
                for (pattern, subschema) in patterns {
                    for (name, member) in object.sorted(by: { $0.key < $1.key }) where Self.matches(name, pattern) {
                        evaluated.properties.insert(name)
                        place(subschema, member, pointer + "/" + Self.escape(name), &failures)
                    }
                }
            case "additionalProperties", "unevaluatedProperties":
                continue // after the others, below
            case "minProperties", "maxProperties":
                guard case .object(let object) = instance, case .number(let bound) = value else { continue }
                if keyword == "minProperties" ? Double(object.count) < bound : Double(object.count) > bound {
                    fail("\(object.count) fields, \(keyword == "minProperties" ? "at least" : "at most") \(Int(bound)) allowed")
                }
            case "required":
                guard case .array(let names) = value else { fail("the document's required is not an array"); continue }
                guard case .object(let object) = instance else { continue }
                for name in names.compactMap(\.string) where object[name] == nil {
                    failures.append(Failure(pointer: pointer + "/" + Self.escape(name), reason: "required, but missing"))
                }
            case "items":
                guard case .array(let items) = instance else { continue }
                for (index, item) in items.enumerated() {
                    place(value, item, pointer + "/\(index)", &failures)
                }
            case "minItems", "maxItems":
                guard case .array(let items) = instance, case .number(let bound) = value else { continue }
                if keyword == "minItems" ? Double(items.count) < bound : Double(items.count) > bound {
                    fail("\(items.count) items, \(keyword == "minItems" ? "at least" : "at most") \(Int(bound)) allowed")
                }
            case "uniqueItems":
                guard case .array(let items) = instance, value == .bool(true) else { continue }
                for (index, item) in items.enumerated() where items[..<index].contains(item) {
                    fail("item \(index) repeats an earlier one")
                }
            case "allOf", "anyOf", "oneOf":
                guard case .array(let subschemas) = value else { fail("the document's \(keyword) is not an array"); continue }
                var passing: [Evaluated] = [], all: [Evaluated] = []
                var firstFailures: [Failure]?
                for subschema in subschemas {
                    var own: [Failure] = []
                    let result = apply(subschema, instance, pointer, &own)
                    all.append(result)
                    if own.isEmpty { passing.append(result) } else if firstFailures == nil { firstFailures = own }
                    if keyword == "allOf" { failures += own }
                }
                // allOf's schemas all apply, so each evaluated what it saw (its failures are reported above); of
                // anyOf's and oneOf's, the ones that matched, or all when none did (their failure is reported below).
                for result in keyword == "allOf" || passing.isEmpty ? all : passing { evaluated.merge(result) }
                if keyword == "anyOf", passing.isEmpty {
                    fail("matches none of anyOf's \(subschemas.count) schemas; the first says "
                        + (firstFailures ?? []).map(\.description).joined(separator: "; "))
                }
                if keyword == "oneOf", passing.count != 1 {
                    fail(passing.isEmpty
                        ? "matches none of oneOf's \(subschemas.count) schemas; the first says "
                            + (firstFailures ?? []).map(\.description).joined(separator: "; ")
                        : "matches \(passing.count) of oneOf's schemas, not exactly one")
                }
            case "if":
                // then or else, by whether the instance matches if; what if evaluated counts when it matched.
                var own: [Failure] = []
                let condition = apply(value, instance, pointer, &own)
                if own.isEmpty { evaluated.merge(condition) }
                if let branch = keywords[own.isEmpty ? "then" : "else"] {
                    evaluated.merge(apply(branch, instance, pointer, &failures))
                }
            case "then", "else":
                continue // with if
            case "not":
                var own: [Failure] = []
                _ = apply(value, instance, pointer, &own)
                if own.isEmpty { fail("matches a schema it must not match") }
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
                guard case .number(let number) = instance, case .number(let bound) = value else { continue }
                let ok = switch keyword {
                case "minimum": number >= bound
                case "maximum": number <= bound
                case "exclusiveMinimum": number > bound
                default: number < bound
                }
                if !ok { fail("\(instance) is out of range (\(keyword) \(value))") }
            case "multipleOf":
                guard case .number(let number) = instance, case .number(let step) = value, step > 0 else { continue }
                let ratio = number / step
                if abs(ratio - ratio.rounded()) > 1e-9 { fail("\(instance) is not a multiple of \(value)") }
            case "minLength", "maxLength":
                guard case .string(let text) = instance, case .number(let bound) = value else { continue }
                let length = Double(text.unicodeScalars.count)
                if keyword == "minLength" ? length < bound : length > bound {
                    fail("\(Int(length)) characters, \(keyword == "minLength" ? "at least" : "at most") \(Int(bound)) allowed")
                }
            case "pattern":
                guard case .string(let text) = instance, let pattern = value.string else { continue }
                if !Self.matches(text, pattern) { fail("\(instance) does not match \(pattern)") }
            case "format":
                guard let format = value.string else { fail("the document's format is not a name"); continue }
                guard Self.formats.contains(format) else { fail("the validator does not know format \(format)"); continue }
                guard case .string(let text) = instance else { continue }
                if !Self.conforms(text, to: format) { fail("\(instance) is not a valid \(format)") }
            default:
                if !Self.annotations.contains(keyword) { fail("the validator does not know the keyword \(keyword)") }
            }
        }

        // additionalProperties sees this schema's properties and patternProperties; unevaluatedProperties sees
        // everything that the schemas applied at this place evaluated, allOf and $ref included.
        for keyword in ["additionalProperties", "unevaluatedProperties"] {
            guard let rest = keywords[keyword] else { continue }
            evaluated.declared = true
            let seen: Set<String>
            if keyword == "additionalProperties" {
                let patterns = keywords["patternProperties"]?.object?.keys.map { $0 } ?? []
                let own = Set(keywords["properties"]?.object?.keys.map { $0 } ?? [])
                guard case .object(let object) = instance else { evaluated.all = true; continue }
                seen = own.union(object.keys.filter { name in patterns.contains { Self.matches(name, $0) } })
            } else {
                seen = evaluated.properties
            }
            if case .object(let object) = instance {
                for (name, member) in object.sorted(by: { $0.key < $1.key }) where !seen.contains(name) {
                    if rest == .bool(false) {
                        failures.append(Failure(pointer: pointer + "/" + Self.escape(name), reason: "a field that is not allowed"))
                    } else {
                        place(rest, member, pointer + "/" + Self.escape(name), &failures)
                    }
                }
            }
            evaluated.all = true
        }
        return evaluated
    }

    static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func conforms(_ text: String, to format: String) -> Bool {
        switch format {
        case "date":
            return isDate(text)
        case "date-time":
            let parts = text.split(whereSeparator: { $0 == "T" || $0 == "t" })
            guard parts.count == 2, isDate(String(parts[0])) else { return false }
            return matches(String(parts[1]), #"^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"#)
        case "uuid":
            return matches(text, #"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"#)
        case "email":
            return matches(text, #"^[^@\s]+@[^@\s]+\.[^@\s.]+$"#)
        case "uri":
            return matches(text, #"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$"#)
        default:
            return true
        }
    }

    /// `YYYY-MM-DD` naming a day that exists.
    static func isDate(_ text: String) -> Bool {
        guard matches(text, #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#) else { return false }
        let numbers = text.split(separator: "-").compactMap { Int($0) }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
