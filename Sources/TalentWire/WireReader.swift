import Foundation
import TalentDomain

/// A value read back from the JSON its mapping in this module writes: the inverse of `JSONWritable`, for a client of
/// the API (the CLI with a server configured) that prints the answer as the same domain value, with the same columns.
/// Reading is strict about what the writer always writes (a missing or mistyped field is a `ServiceError` naming it,
/// `items[2].candidate.full_name`, never a crash) and ignores fields it does not know, so a newer server may add some.
public protocol WireReadable {
    /// Reads `value`, the JSON found at `path` (`""` for a whole answer); nil when the field is absent.
    init(wire value: JSONValue?, at path: String) throws(ServiceError)
}

extension WireReadable {
    /// Reads a whole answer.
    public init(wire value: JSONValue) throws(ServiceError) {
        try self.init(wire: value, at: "")
    }

    /// Parses and reads a whole answer's bytes.
    public init(wireBytes bytes: some Collection<UInt8>) throws(ServiceError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw WireReader.unreadable("", vi: "không phải JSON (\(error.description))", en: "is not JSON (\(error.description))")
        }
        try self.init(wire: value, at: "")
    }
}

/// A record read from one JSON object with a `WireReader`: `init(reading:)` is its whole mapping.
public protocol WireObjectReadable: WireReadable {
    init(reading r: WireReader) throws(ServiceError)
}

extension WireObjectReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        try self.init(reading: WireReader(value, at: path))
    }
}

/// One JSON object of an answer, read field by field: `try r("title")` for a field the writer always writes (its type
/// is the parameter's), `try r.optional("description")` for one that may be null or absent.
///
///     extension Position: WireObjectReadable {
///         public init(reading r: WireReader) throws(ServiceError) {
///             try self.init(id: r("id"), agencyCode: r("agency_code"), title: r("title"), ...)
///         }
///     }
public struct WireReader {
    /// Where the object is in the answer (`items[2]`), for error messages.
    public let path: String
    public let fields: [String: JSONValue]

    public init(_ value: JSONValue?, at path: String) throws(ServiceError) {
        guard let value else { throw Self.missing(path) }
        guard case .object(let fields) = value else { throw Self.mistyped(path, "object", value) }
        self.path = path
        self.fields = fields
    }

    /// A field the writer always writes: absent or null is an error.
    public func callAsFunction<T: WireReadable>(_ key: String) throws(ServiceError) -> T {
        try T(wire: fields[key], at: Self.path(path, key))
    }

    /// A field that may be null or absent (nil then).
    public func optional<T: WireReadable>(_ key: String) throws(ServiceError) -> T? {
        switch fields[key] {
        case nil, .null?: nil
        case let value?: try T(wire: value, at: Self.path(path, key))
        }
    }

    /// A nested object that has no domain type of its own (a nomination's `candidate`).
    public func object(_ key: String) throws(ServiceError) -> WireReader {
        try WireReader(fields[key], at: Self.path(path, key))
    }

    /// Whether the answer names the field (a section asked for, a link the writer adds only when known).
    public func has(_ key: String) -> Bool { fields[key] != nil }

    /// This object read as another record: a record whose writer adds fields to another's (`writeFields`).
    public func read<T: WireObjectReadable>(_ type: T.Type = T.self) throws(ServiceError) -> T {
        try T(reading: self)
    }

    static func path(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: Errors

    /// The answer cannot be read: the server sent something this client does not expect (another version, a bug).
    /// Not the person's input, so not `invalid`; the field is named in the message and in the field errors.
    public static func unreadable(_ path: String, vi: String, en: String) -> ServiceError {
        let field = path.isEmpty ? "body" : path
        return ServiceError(
            .internalFailure,
            LocalizedText(vi: "Không đọc được câu trả lời của máy chủ: \(field) \(vi)",
                          en: "The server's answer cannot be read: \(field) \(en)"),
            fieldErrors: [FieldError(field, vi: vi, en: en)])
    }

    static func missing(_ path: String) -> ServiceError {
        unreadable(path, vi: "bị thiếu", en: "is missing")
    }

    static func mistyped(_ path: String, _ expected: String, _ value: JSONValue) -> ServiceError {
        unreadable(path, vi: "phải là \(expected), không phải \(value.typeName)",
                   en: "must be \(expected), not \(value.typeName)")
    }

    /// The value at `path`, present and not null.
    static func required(_ value: JSONValue?, at path: String) throws(ServiceError) -> JSONValue {
        switch value {
        case nil: throw missing(path)
        case .null?: throw unreadable(path, vi: "không được là null", en: "must not be null")
        case let value?: return value
        }
    }
}

// MARK: Values

extension String: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        let value = try WireReader.required(value, at: path)
        guard case .string(let text) = value else { throw WireReader.mistyped(path, "string", value) }
        self = text
    }
}

extension Int: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        let value = try WireReader.required(value, at: path)
        guard case .number(let n) = value, n.rounded() == n, abs(n) < 9.007_199_254_740_992e15 else {
            throw WireReader.mistyped(path, "integer", value)
        }
        self = Int(n)
    }
}

/// Exact up to 2^53, as far as a JSON number read as a double goes (an audit entry's id is far below).
extension Int64: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        self = Int64(try Int(wire: value, at: path))
    }
}

/// The writer writes NaN and infinities, which JSON cannot hold, as null: a null where a number is always written
/// reads as NaN.
extension Double: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        switch value {
        case nil: throw WireReader.missing(path)
        case .null?: self = .nan
        case .number(let n)?: self = n
        case let other?: throw WireReader.mistyped(path, "number", other)
        }
    }
}

extension Bool: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        let value = try WireReader.required(value, at: path)
        guard case .bool(let flag) = value else { throw WireReader.mistyped(path, "boolean", value) }
        self = flag
    }
}

extension UUID: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        let text = try String(wire: value, at: path)
        guard let id = UUID(uuidString: text) else {
            throw WireReader.unreadable(path, vi: "không phải mã định danh (UUID): \(text)", en: "is not an id (UUID): \(text)")
        }
        self = id
    }
}

/// `YYYY-MM-DD`, as `CalendarDate.description` writes it.
extension CalendarDate: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        let text = try String(wire: value, at: path)
        guard let date = CalendarDate(text) else {
            throw WireReader.unreadable(path, vi: "không phải ngày YYYY-MM-DD: \(text)", en: "is not a YYYY-MM-DD date: \(text)")
        }
        self = date
    }
}

/// `2026-11-30T02:17:05Z`, exactly as `JSONWriter.iso8601` writes a time (UTC, to the second): a time read back is
/// the time written with its fraction of a second dropped.
extension Date: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        let text = try String(wire: value, at: path)
        guard let date = WireReader.time(text) else {
            throw WireReader.unreadable(path, vi: "không phải thời điểm ISO 8601 (YYYY-MM-DDTHH:MM:SSZ): \(text)",
                                        en: "is not an ISO 8601 time (YYYY-MM-DDTHH:MM:SSZ): \(text)")
        }
        self = date
    }
}

extension WireReader {
    /// The inverse of `JSONWriter.iso8601`; nil for anything else.
    public static func time(_ text: String) -> Date? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 20, utf8[10] == UInt8(ascii: "T"), utf8[13] == UInt8(ascii: ":"),
              utf8[16] == UInt8(ascii: ":"), utf8[19] == UInt8(ascii: "Z"),
              let day = CalendarDate(String(decoding: utf8[0..<10], as: UTF8.self))
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for byte in utf8[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                n = n * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return n
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 60
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + hour * 3600 + minute * 60 + second))
    }
}

/// Any JSON, as it came (an audit entry's changes, a rubric's definition); null is a value here.
extension JSONValue: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        guard let value else { throw WireReader.missing(path) }
        self = value
    }
}

extension Array: WireReadable where Element: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        let value = try WireReader.required(value, at: path)
        guard case .array(let items) = value else { throw WireReader.mistyped(path, "array", value) }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            result.append(try Element(wire: item, at: "\(path)[\(i)]"))
        }
        self = result
    }
}

/// An object keyed by strings (a score sheet's scores, a criterion's levels).
extension Dictionary: WireReadable where Key == String, Value: WireReadable {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        let value = try WireReader.required(value, at: path)
        guard case .object(let members) = value else { throw WireReader.mistyped(path, "object", value) }
        var result: [String: Value] = [:]
        for (key, member) in members {
            result[key] = try Value(wire: member, at: WireReader.path(path, key))
        }
        self = result
    }
}

/// A code (a stage, a kind, a status, a role) reads its raw value: `extension PositionKind: WireReadable {}`.
extension WireReadable where Self: RawRepresentable & CaseIterable, RawValue == String {
    public init(wire value: JSONValue?, at path: String) throws(ServiceError) {
        let text = try String(wire: value, at: path)
        guard let code = Self(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw WireReader.unreadable(path, vi: "là \(text), không phải một trong: \(allowed)",
                                        en: "is \(text), not one of: \(allowed)")
        }
        self = code
    }
}

/// A list as the API answers it: `items` and `next_cursor`.
extension Page: WireReadable, WireObjectReadable where Item: WireReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(items: r("items"), nextCursor: r.optional("next_cursor"))
    }
}
