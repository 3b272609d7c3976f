import Foundation

/// Any JSON value, kept as it came: the audit trail's "what changed", and API bodies before they are checked.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if n.rounded() == n, abs(n) < 1e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// The JSON type's name, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// The one JSON style of the product: snake_case fields, ISO 8601 times, sorted keys.
public enum JSONFormat {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func string(_ value: some Encodable, pretty: Bool = false) -> String {
        if !pretty, let writable = value as? any JSONWritable {
            return String(decoding: writable.jsonBytes, as: UTF8.self)
        }
        guard let data = try? encoder(pretty: pretty).encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Re-reads encoded JSON as a value, so it can be embedded in another document.
    public static func value(_ value: some Encodable) -> JSONValue {
        if let json = value as? JSONValue { return json }
        let bytes = (value as? any JSONWritable)?.jsonBytes
        guard let data = bytes.map({ Data($0) }) ?? (try? encoder().encode(value)),
              let parsed = try? JSONValue(parsing: data)
        else { return .null }
        return parsed
    }
}
