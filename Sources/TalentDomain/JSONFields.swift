import Foundation

/// A JSON object read field by field: a wrong type, an unknown field or a NUL character becomes a field error
/// naming the field (`scale.max`, `criteria[2].weight`), so one answer names every bad field. API bodies and rubric
/// files are read this way.
public struct JSONFields {
    private let object: [String: JSONValue]
    public private(set) var errors: [FieldError] = []
    private var read: Set<String> = []

    public init(object: [String: JSONValue]) {
        self.object = object
    }

    /// Any value; anything but an object is an error named `body`.
    public init(value: JSONValue) {
        if case .object(let fields) = value {
            self.object = fields
        } else {
            self.object = [:]
            errors.append(FieldError("body", vi: "phải là đối tượng JSON, không phải \(value.typeName)",
                                     en: "must be a JSON object, not \(value.typeName)"))
        }
    }

    /// Records an error of the caller's own about a field of this object.
    public mutating func add(_ field: String, vi: String, en: String) {
        errors.append(FieldError(field, vi: vi, en: en))
    }

    /// Records a validator's errors, named relative to this object.
    public mutating func add(_ more: [FieldError]) {
        errors += more
    }

    /// Whether a field (or anything inside it) already has an error.
    public func failed(_ field: String) -> Bool {
        errors.contains { $0.field == field || $0.field.hasPrefix(field + ".") || $0.field.hasPrefix(field + "[") }
    }

    public mutating func number(_ key: String) -> Double? {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return nil
        case .number(let n)?: return n
        case let other?:
            errors.append(FieldError(key, vi: "phải là số, không phải \(other.typeName)", en: "must be a number, not \(other.typeName)"))
            return nil
        }
    }

    public mutating func string(_ key: String) -> String? {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return nil
        case .string(let s)?:
            if s.unicodeScalars.contains("\u{0}") {
                errors.append(FieldError(key, vi: "không được chứa ký tự NUL", en: "must not contain NUL characters"))
                return nil
            }
            return s
        case let other?:
            errors.append(FieldError(key, vi: "phải là chuỗi, không phải \(other.typeName)", en: "must be a string, not \(other.typeName)"))
            return nil
        }
    }

    public mutating func int(_ key: String) -> Int? {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return nil
        case .number(let n)? where n.rounded() == n && abs(n) < 1e15: return Int(n)
        case let other?:
            errors.append(FieldError(key, vi: "phải là số nguyên, không phải \(other.typeName)", en: "must be an integer, not \(other.typeName)"))
            return nil
        }
    }

    public mutating func bool(_ key: String) -> Bool? {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        case let other?:
            errors.append(FieldError(key, vi: "phải là true hoặc false, không phải \(other.typeName)",
                                     en: "must be true or false, not \(other.typeName)"))
            return nil
        }
    }

    /// The whole body as it came, for storing and for recognizing a retry.
    public var value: JSONValue { .object(object) }

    /// A nested object read with `body`; nil when absent or null. Errors are named `key.field`.
    public mutating func object<T>(_ key: String, _ body: (inout JSONFields) -> T) -> T? {
        read.insert(key)
        switch object[key] {
        case nil, .null?:
            return nil
        case .object(let fields)?:
            var nested = JSONFields(object: fields)
            let result = body(&nested)
            errors += nested.errors.map { FieldError("\(key).\($0.field)", vi: $0.message.vi, en: $0.message.en) }
            errors += fields.keys.filter { !nested.read.contains($0) }.sorted()
                .map { FieldError("\(key).\($0)", vi: "trường không được hỗ trợ", en: "is not a known field") }
            return result
        case let other?:
            errors.append(FieldError(key, vi: "phải là đối tượng, không phải \(other.typeName)", en: "must be an object, not \(other.typeName)"))
            return nil
        }
    }

    /// A nested object's members as sent, for the domain to check (scores keyed by criterion).
    public mutating func members(_ key: String) -> [String: JSONValue]? {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return nil
        case .object(let fields)?: return fields
        case let other?:
            errors.append(FieldError(key, vi: "phải là đối tượng, không phải \(other.typeName)", en: "must be an object, not \(other.typeName)"))
            return nil
        }
    }

    /// Whether the body names the field at all (a PATCH changes only the fields it names; null clears one).
    public func has(_ key: String) -> Bool { object[key] != nil }

    /// The keys the body names.
    public var keys: Dictionary<String, JSONValue>.Keys { object.keys }

    public mutating func strings(_ key: String) -> [String] {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var result: [String] = []
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item, !s.unicodeScalars.contains("\u{0}") else {
                    errors.append(FieldError("\(key)[\(i)]", vi: "phải là chuỗi", en: "must be a string"))
                    continue
                }
                result.append(s)
            }
            return result
        case let other?:
            errors.append(FieldError(key, vi: "phải là mảng chuỗi, không phải \(other.typeName)",
                                     en: "must be an array of strings, not \(other.typeName)"))
            return []
        }
    }

    /// An array of objects, each read with `body`; errors are named `key[i].field`.
    public mutating func objects<T>(_ key: String, _ body: (inout JSONFields) -> T) -> [T] {
        read.insert(key)
        switch object[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var result: [T] = []
            for (i, item) in items.enumerated() {
                guard case .object(let fields) = item else {
                    errors.append(FieldError("\(key)[\(i)]", vi: "phải là đối tượng", en: "must be an object"))
                    continue
                }
                var nested = JSONFields(object: fields)
                result.append(body(&nested))
                let unknown = fields.keys.filter { !nested.read.contains($0) }.sorted()
                errors += nested.errors.map { FieldError("\(key)[\(i)].\($0.field)", vi: $0.message.vi, en: $0.message.en) }
                errors += unknown.map { FieldError("\(key)[\(i)].\($0)", vi: "trường không được hỗ trợ", en: "is not a known field") }
            }
            return result
        case let other?:
            errors.append(FieldError(key, vi: "phải là mảng, không phải \(other.typeName)", en: "must be an array, not \(other.typeName)"))
            return []
        }
    }

    /// Throws every field error found, including fields the route does not know, together with the errors the
    /// domain's own check finds in what could be read, so one answer names every bad field.
    public func finish(checking check: () throws -> Void) throws {
        _ = try finish(parsing: check)
    }

    /// Parses what was read into the use case's typed input, or throws one error naming every bad field: those the
    /// route does not know, those that could not be read, and those the input's own checks refuse. The edge calls
    /// this once and hands the typed value to the service, which does not check it again.
    public func finish<Input>(parsing parse: () throws -> Input) throws -> Input {
        do {
            try finish()
        } catch let error as ServiceError where error.kind == .invalid {
            var all = error.fieldErrors
            do {
                _ = try parse()
            } catch let more as ServiceError where more.kind == .invalid {
                let named = Set(all.map(\.field))
                all += more.fieldErrors.filter { error in
                    !named.contains(error.field) && !named.contains { error.field.hasPrefix($0 + "[") }
                }
            }
            let omitted: Int = if case .number(let n)? = error.extensions["errors_omitted"] { Int(n) } else { 0 }
            throw ServiceError.invalid(all, alsoOmitted: omitted)
        }
        return try parse()
    }

    /// Throws every field error found, including fields the route does not know.
    public func finish() throws {
        var errors = self.errors
        for key in object.keys.sorted() where !read.contains(key) {
            errors.append(FieldError(key, vi: "trường không được hỗ trợ", en: "is not a known field"))
        }
        if !errors.isEmpty { throw ServiceError.invalid(errors) }
    }
}
