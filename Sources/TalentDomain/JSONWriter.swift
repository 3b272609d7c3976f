import Foundation

/// The product's one JSON serialiser: API bodies, the CLI's `--format json`, the audit trail's snapshots and the
/// stored JSON documents are all written by it, from each resource's one mapping (`JSONWritable`, in TalentWire).
/// It writes straight into bytes: Foundation's `JSONEncoder` spent 42 % of a search request's CPU in its generic
/// containers (BENCHMARKS.md). Output: keys in the mapping's order, ISO 8601 times in UTC to the second, explicit
/// nulls, integers exact, non-finite numbers as null; `pretty` indents by two spaces for people.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false
    private let pretty: Bool
    private var depth = 0
    /// Set after a key, so its value follows on the same line.
    private var afterKey = false

    public init(pretty: Bool = false) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        needsComma = false
    }

    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        depth += 1
        needsComma = false
    }

    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// An object key; the value written next belongs to it.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        needsComma = false
        afterKey = true
    }

    /// A key and its value: the mapping's one line per field.
    @inlinable public mutating func field(_ name: String, _ value: some JSONWritable) {
        key(name)
        value.write(to: &self)
    }

    /// An object whose fields `body` writes.
    @inlinable public mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    public mutating func value(_ text: String?) {
        guard let text else { return null() }
        separate()
        writeString(text)
        needsComma = true
    }

    public mutating func value(_ number: Int?) {
        guard let number else { return null() }
        separate()
        bytes.append(contentsOf: String(number).utf8)
        needsComma = true
    }

    /// A number or literal already in JSON form.
    public mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
        needsComma = true
    }

    /// A number: integral values as integers (`70`, not `70.0`), others in the shortest form that reads back exactly;
    /// NaN and infinities, which JSON cannot hold, as null.
    public mutating func value(_ number: Double?) {
        guard let number, number.isFinite else { return null() }
        if number.rounded() == number, abs(number) < 1e15 {
            value(Int(number))
        } else {
            raw(String(number))
        }
    }

    public mutating func value(_ flag: Bool) {
        separate()
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        needsComma = true
    }

    public mutating func value(_ date: Date?) {
        guard let date else { return null() }
        value(Self.iso8601(date))
    }

    public mutating func value(_ strings: [String]) {
        beginArray()
        for string in strings { value(string) }
        endArray()
    }

    /// Before a value or key: the comma after the previous one and, when pretty, the line break and indent.
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if pretty, depth > 0, !afterKey { newline() }
        afterKey = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        // An empty container stays on one line: `[]`, `{}`.
        if pretty, needsComma { newline() }
        bytes.append(bracket)
        needsComma = true
        afterKey = false
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `2026-11-30T02:17:05Z`, as `JSONEncoder`'s `.iso8601` writes it.
    public static func iso8601(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2) + "Z"
    }
}

/// A value that writes itself with `JSONWriter`: the one way anything becomes JSON in this product. Each resource's
/// mapping (its fields' wire names, once) is an extension in TalentWire.
public protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// Compact JSON, as the API sends it.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// JSON as text; `pretty` for people (the CLI's `--format json`).
    public func jsonString(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The value as a `JSONValue`, to embed in a document built at run time (an audit entry's extras).
    public var jsonValue: JSONValue {
        (try? JSONValue(parsing: jsonBytes)) ?? .null
    }
}

/// A record written as one JSON object whose fields a larger answer can extend (a new candidate with its likely
/// duplicates, an assignment with its warnings).
public protocol JSONObjectWritable: JSONWritable {
    func writeFields(to writer: inout JSONWriter)
}

extension JSONObjectWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in writeFields(to: &w) }
    }
}

extension String: JSONWritable {
    @inlinable public func write(to w: inout JSONWriter) { w.value(self) }
}

extension Int: JSONWritable {
    @inlinable public func write(to w: inout JSONWriter) { w.value(self) }
}

extension Int64: JSONWritable {
    public func write(to w: inout JSONWriter) { w.raw(String(self)) }
}

extension Double: JSONWritable {
    @inlinable public func write(to w: inout JSONWriter) { w.value(self) }
}

extension Bool: JSONWritable {
    @inlinable public func write(to w: inout JSONWriter) { w.value(self) }
}

/// Times in UTC to the second: `2026-11-30T02:17:05Z`.
extension Date: JSONWritable {
    @inlinable public func write(to w: inout JSONWriter) { w.value(self) }
}

/// Ids in lower case, as everywhere in the product.
extension UUID: JSONWritable {
    @inlinable public func write(to w: inout JSONWriter) { w.value(text) }
}

extension CalendarDate: JSONWritable {
    @inlinable public func write(to w: inout JSONWriter) { w.value(description) }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    @inlinable public func write(to w: inout JSONWriter) {
        switch self {
        case .some(let value): value.write(to: &w)
        case .none: w.null()
        }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    @inlinable public func write(to w: inout JSONWriter) {
        w.beginArray()
        for element in self { element.write(to: &w) }
        w.endArray()
    }
}

/// An object keyed by the dictionary's keys, sorted so that equal values give equal bytes.
extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        for key in keys.sorted() {
            w.key(key)
            self[key]!.write(to: &w)
        }
        w.endObject()
    }
}

/// A string enum writes its raw value: `extension PositionKind: JSONWritable {}` is its whole mapping.
extension JSONWritable where Self: RawRepresentable, RawValue == String {
    @inlinable public func write(to w: inout JSONWriter) { w.value(rawValue) }
}

extension JSONValue: JSONWritable {
    /// Objects are written with their keys sorted, so equal values give equal bytes (idempotency hashes rely on it).
    public func write(to w: inout JSONWriter) {
        switch self {
        case .null: w.null()
        case .bool(let b): w.value(b)
        case .number(let n): w.value(n)
        case .string(let s): w.value(s)
        case .array(let items): items.write(to: &w)
        case .object(let fields): fields.write(to: &w)
        }
    }
}

extension Page: JSONWritable where Item: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("items", items)
            w.field("next_cursor", nextCursor)
        }
    }
}
