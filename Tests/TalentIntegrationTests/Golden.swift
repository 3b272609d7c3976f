import Foundation
import TalentDomain
import Testing

/// Golden files: what `talent ... --format json` (and a few tables) print, pinned in `Golden/` next to this file, so a
/// restructuring that changes what users and scripts read is noticed.
///
/// The command's output is parsed strictly (one JSON document, no duplicate keys, numbers kept as written, so `4`,
/// `4.0` and `4e0` differ), the values that differ from run to run are replaced by placeholders (`GoldenNormalizer`
/// says exactly which), and the result is compared with the file as JSON: the same key set in every object (`null`
/// and an absent key differ), arrays in the same order, the same types and values. Key order inside an object is not
/// compared: programs read fields by name.
///
/// To regenerate after an intended change of what users read:
///
///     TALENT_GOLDEN_RECORD=1 TALENT_TEST_DATABASE_URL=... swift test --filter Golden
///
/// then read every changed file in `git diff` against `../shared/CONTRACT.md` ("Shapes that scripts read") before
/// committing it: a recorded file is only as right as the review it had.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["TALENT_GOLDEN_RECORD"] == "1" }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Compares `text` with the golden file `name`, or writes it there when recording.
    static func compareText(_ text: String, file name: String, sourceLocation: SourceLocation) {
        let url = url(name)
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); record it with TALENT_GOLDEN_RECORD=1 and review it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for i in 0..<max(want.count, got.count) {
            let w = i < want.count ? String(want[i]) : "(no line)"
            let g = i < got.count ? String(got[i]) : "(no line)"
            if w != g { report.append("line \(i + 1):\n  expected: \(w)\n  got:      \(g)") }
        }
        let shown: String = report.prefix(20).joined(separator: "\n")
        Issue.record("\(name) differs:\n\(shown)", sourceLocation: sourceLocation)
    }
}

// MARK: - A JSON value as written

/// A JSON value exactly as a document writes it: numbers keep their text (`4` is not `4.0`), and objects are read with
/// duplicate keys refused.
indirect enum GoldenValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([GoldenValue])
    case object([String: GoldenValue])

    /// Texts are equal when their bytes are: Swift's `==` would hold an NFC and an NFD spelling equal.
    static func == (a: GoldenValue, b: GoldenValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x.utf8.elementsEqual(y.utf8)
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)):
            x.count == y.count && x.allSatisfy { key, value in
                y.first { $0.key.utf8.elementsEqual(key.utf8) }.map { $0.value == value } ?? false
            }
        default: false
        }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    subscript(key: String) -> GoldenValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    subscript(index: Int) -> GoldenValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var items: [GoldenValue] {
        if case .array(let items) = self { return items }
        return []
    }

    /// The document with sorted keys and two-space indentation, as the golden files are written.
    var pretty: String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += Self.quoted(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.write(to: &out, indent: indent + 1)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += close + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = fields.keys.sorted()
            for (i, key) in keys.enumerated() {
                out += pad + Self.quoted(key) + ": "
                fields[key]!.write(to: &out, indent: indent + 1)
                out += i < keys.count - 1 ? ",\n" : "\n"
            }
            out += close + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

struct GoldenParseError: Error, CustomStringConvertible {
    var description: String
}

/// A strict RFC 8259 reader for `GoldenValue`.
struct GoldenParser {
    private let bytes: [UInt8]
    private var i = 0

    static func parse(_ text: String) throws -> GoldenValue {
        var parser = GoldenParser(bytes: Array(text.utf8))
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.i == parser.bytes.count else { throw parser.fail("text after the document") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ message: String) -> GoldenParseError {
        GoldenParseError(description: "\(message) at byte \(i)")
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard i < bytes.count, bytes[i] == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        i += 1
    }

    private mutating func value() throws -> GoldenValue {
        guard i < bytes.count else { throw fail("unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var fields: [String: GoldenValue] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
            while true {
                skipSpace()
                let key = try string()
                guard fields[key] == nil else { throw fail("duplicate key \"\(key)\"") }
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                fields[key] = try value()
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "}"))
                return .object(fields)
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [GoldenValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value())
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "]"))
                return .array(items)
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func word(_ w: String) throws {
        let expected = Array(w.utf8)
        guard i + expected.count <= bytes.count, Array(bytes[i..<i + expected.count]) == expected else {
            throw fail("unexpected character")
        }
        i += expected.count
    }

    private mutating func number() throws -> String {
        let start = i
        func digits() -> Int {
            let from = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - from
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw fail("not a number") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw fail("not a number") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("not a number") }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8") }
                return s
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { throw fail("unexpected end") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        try expect(UInt8(ascii: "\\"))
                        try expect(UInt8(ascii: "u"))
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("unpaired surrogate") }
                    out.append(contentsOf: String(u).utf8)
                default: throw fail("invalid escape")
                }
            case 0..<0x20: throw fail("control character in a string")
            default: out.append(b)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
            throw fail("invalid \\u escape")
        }
        i += 4
        return v
    }
}

// MARK: - Differences

extension GoldenValue {
    /// Every difference between `expected` and `self`, each with its path (`$[0].education[0].degree`).
    /// A number under one of `clockKeys` (time measured up to now, such as the open stage's `seconds_in_stage`) may be
    /// up to `clockSlack` larger than expected: two reads made one after the other see a clock that has moved on.
    func differences(from expected: GoldenValue, at path: String = "$", key: String? = nil,
                     clockKeys: Set<String> = [], clockSlack: Double = 0) -> [String] {
        switch (expected, self) {
        case (.number(let want), .number(let got)) where key.map(clockKeys.contains) == true:
            guard let w = Double(want), let g = Double(got), g >= w, g - w <= clockSlack else {
                return ["\(path): expected \(want) (or up to \(clockSlack) more), got \(got)"]
            }
            return []
        case (.object(let want), .object(let got)):
            var out: [String] = []
            for key in want.keys.sorted() {
                guard let g = got[key] else {
                    out.append("\(path).\(key): missing (expected \(want[key]!.summary))")
                    continue
                }
                out += g.differences(from: want[key]!, at: "\(path).\(key)", key: key,
                                     clockKeys: clockKeys, clockSlack: clockSlack)
            }
            for key in got.keys.sorted() where want[key] == nil {
                out.append("\(path).\(key): unexpected key (\(got[key]!.summary))")
            }
            return out
        case (.array(let want), .array(let got)):
            var out: [String] = []
            if want.count != got.count { out.append("\(path): \(got.count) items, expected \(want.count)") }
            for (i, (w, g)) in zip(want, got).enumerated() {
                out += g.differences(from: w, at: "\(path)[\(i)]", clockKeys: clockKeys, clockSlack: clockSlack)
            }
            return out
        default:
            if expected == self { return [] }
            if expected.typeName != typeName {
                return ["\(path): expected \(expected.typeName) \(expected.summary), got \(typeName) \(summary)"]
            }
            return ["\(path): expected \(expected.summary), got \(summary)"]
        }
    }

    var summary: String {
        switch self {
        case .object(let f): "{" + f.keys.sorted().prefix(6).joined(separator: ", ") + (f.count > 6 ? ", …}" : "}")
        case .array(let a): "[\(a.count) items]"
        case .string(let s): GoldenValue.quoted(s)
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        }
    }
}

// MARK: - Normalisation

/// Replaces what differs from run to run by placeholders, after checking it has the form users rely on. The rules,
/// all of them:
/// - a UUID (lower case, RFC 9562 form), alone or inside a string, becomes `<uuid:N>`, N numbered by first appearance
///   over the whole scenario (object keys visited in sorted order), so one record's id in another still has to match;
/// - a time written exactly `YYYY-MM-DDTHH:MM:SSZ` that falls within this run (from six hours before the scenario
///   started, for the template's seeded rows, to now) becomes `<timestamp>`, and one set a whole number of days
///   ahead during the scenario `<timestamp+Nd>` (a token's expiry); a time outside the run stays as written
///   (inputs such as a consent's `obtained_at`), and a time in any other form (fractional seconds, an offset) stays
///   as written and so fails;
/// - a token secret (`tlt_` and at least 20 more characters) becomes `<token-secret>`; a token's `prefix` becomes
///   `<token-prefix>` when it is the first 10 characters of a secret issued in this scenario;
/// - the numbers under the keys in `durations` (time spent, measured from the clock) become `<duration>` when they
///   are non-negative numbers;
/// - a calendar date equal to today in Vietnam becomes `<today>`.
/// Everything else is compared as written.
final class GoldenNormalizer: @unchecked Sendable {
    private var uuids: [String: Int] = [:]
    private var secrets: Set<String> = []
    let started = Date()
    static let durations: Set<String> = ["seconds_in_stage", "median_days"]

    private static let uuidPattern = try! NSRegularExpression(
        pattern: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    private static let isoInText = try! NSRegularExpression(
        pattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
    private static let timestampPattern = try! NSRegularExpression(
        pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")

    /// The start of "this run": the seeded rows are as old as the migrated template, which a full test run makes
    /// minutes before this scenario starts.
    static func earliest(_ started: Date) -> Date { started.addingTimeInterval(-6 * 3600) }

    /// The `<uuid:N>` a raw id was given, for table text.
    func placeholder(forUUID raw: String) -> String {
        if let n = uuids[raw] { return "<uuid:\(n)>" }
        let n = uuids.count + 1
        uuids[raw] = n
        return "<uuid:\(n)>"
    }

    /// The document with its placeholders; what does not have the form it should is added to `problems`.
    func normalize(document: GoldenValue, problems: inout [String]) -> GoldenValue {
        collectSecrets(document)
        return normalize(document, problems: &problems)
    }

    /// Secrets first, so that a `prefix` sorted before its `token` is recognised.
    private func collectSecrets(_ value: GoldenValue) {
        switch value {
        case .string(let s) where Self.isSecret(s): secrets.insert(s)
        case .array(let items): items.forEach(collectSecrets)
        case .object(let fields): fields.values.forEach(collectSecrets)
        default: break
        }
    }

    private static func isSecret(_ s: String) -> Bool { s.hasPrefix("tlt_") && s.count >= 24 }

    private func normalize(_ value: GoldenValue, key: String? = nil, problems: inout [String],
                           path: String = "$") -> GoldenValue {
        switch value {
        case .object(let fields):
            var out: [String: GoldenValue] = [:]
            for k in fields.keys.sorted() {
                out[k] = normalize(fields[k]!, key: k, problems: &problems, path: "\(path).\(k)")
            }
            return .object(out)
        case .array(let items):
            return .array(items.enumerated().map { normalize($1, key: key, problems: &problems, path: "\(path)[\($0)]") })
        case .number(let n):
            if let key, Self.durations.contains(key) {
                guard let d = Double(n), d >= 0 else {
                    problems.append("\(path): \(n) is not a non-negative duration")
                    return value
                }
                return .string("<duration>")
            }
            return value
        case .string(let s):
            return .string(normalize(string: s, key: key, problems: &problems, path: path))
        case .null, .bool:
            return value
        }
    }

    private func normalize(string s: String, key: String?, problems: inout [String], path: String) -> String {
        if Self.isSecret(s) { return "<token-secret>" }
        if key == "prefix", s.hasPrefix("tlt_") {
            if secrets.contains(where: { $0.hasPrefix(s) }), s.count == 10 { return "<token-prefix>" }
            problems.append("\(path): \(s) is not the first 10 characters of a secret issued here")
            return s
        }
        let whole = NSRange(s.startIndex..., in: s)
        if Self.timestampPattern.firstMatch(in: s, range: whole) != nil, let date = try? Self.iso8601.parse(s) {
            let now = Date()
            func duringRun(_ d: Date) -> Bool { d >= Self.earliest(started) && d <= now.addingTimeInterval(120) }
            if duringRun(date) { return "<timestamp>" }
            // A time set whole days ahead during this scenario (a token's expiry).
            let days = (date.timeIntervalSince(started) / 86_400).rounded()
            let shifted = date.addingTimeInterval(-days * 86_400)
            if days > 0, days <= 3660, shifted >= started.addingTimeInterval(-1), shifted <= now.addingTimeInterval(1) {
                return "<timestamp+\(Int(days))d>"
            }
            return s
        }
        if s == CalendarDate.today().description { return "<today>" }
        return renumberLeftToRight(s)
    }

    /// Every UUID in `s` as its placeholder, numbered left to right.
    private func renumberLeftToRight(_ s: String) -> String {
        var out = ""
        var cursor = s.startIndex
        for match in Self.uuidPattern.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            let range = Range(match.range, in: s)!
            out += s[cursor..<range.lowerBound]
            out += placeholder(forUUID: String(s[range]))
            cursor = range.upperBound
        }
        return out + s[cursor...]
    }

    /// Text (tables, CSV): UUIDs as in JSON, times of this run as `<timestamp>` (`YYYY-MM-DDTHH:MM:SSZ`) and
    /// `<local-time>` (`YYYY-MM-DD HH:MM` in CSV, `DD/MM/YYYY HH:MM` in tables), each padded
    /// with dots to the width of what it replaces, so the columns stay aligned as printed.
    func normalize(text: String) -> String {
        var out = ""
        var cursor = text.startIndex
        for match in Self.uuidPattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let range = Range(match.range, in: text)!
            out += text[cursor..<range.lowerBound]
            out += Self.padded(placeholder(forUUID: String(text[range])), to: 36)
            cursor = range.upperBound
        }
        out += text[cursor...]
        for match in Self.isoInText.matches(in: out, range: NSRange(location: 0, length: (out as NSString).length)).reversed() {
            let raw = (out as NSString).substring(with: match.range)
            if let date = try? Self.iso8601.parse(raw), date >= Self.earliest(started), date <= Date().addingTimeInterval(120) {
                out = (out as NSString).replacingCharacters(in: match.range, with: Self.padded("<timestamp>", to: 20))
            }
        }
        // CSV writes local times `YYYY-MM-DD HH:MM`, tables `DD/MM/YYYY HH:MM`.
        let locals = [("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}", "yyyy-MM-dd HH:mm"),
                      ("[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}", "dd/MM/yyyy HH:mm")]
        for (pattern, format) in locals {
            let local = try! NSRegularExpression(pattern: pattern)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = CalendarDate.vietnam
            formatter.dateFormat = format
            for match in local.matches(in: out, range: NSRange(location: 0, length: (out as NSString).length)).reversed() {
                let raw = (out as NSString).substring(with: match.range)
                if let date = formatter.date(from: raw), date >= Self.earliest(started).addingTimeInterval(-60),
                   date <= Date().addingTimeInterval(120) {
                    out = (out as NSString).replacingCharacters(in: match.range, with: Self.padded("<local-time>", to: 16))
                }
            }
        }
        return out
    }

    private static func padded(_ placeholder: String, to width: Int) -> String {
        placeholder + String(repeating: ".", count: max(0, width - placeholder.count))
    }

    private static let iso8601: Date.ISO8601FormatStyle = .iso8601
}

// MARK: - A scenario

/// Runs CLI commands of one scenario and checks what they print against the golden files.
struct GoldenScenario: Sendable {
    typealias Adjustment = @Sendable (GoldenValue, inout [String]) -> GoldenValue
    let cli: CLIRunner
    let normalizer = GoldenNormalizer()

    /// Runs `talent ARGUMENTS --format json`, checks it succeeds and prints what `Golden/NAME.json` holds, and returns
    /// the document as printed (before normalisation), for the ids the next commands need.
    @discardableResult
    func json(_ name: String, _ arguments: String..., allowStderr: Bool = false, idOrderedThenSortedBy sortKey: String? = nil,
              adjust: Adjustment? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> GoldenValue {
        let result = await cli.run(arguments + ["--format", "json"])
        guard result.status == 0 else {
            Issue.record("talent \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)",
                         sourceLocation: sourceLocation)
            throw GoldenParseError(description: "command failed")
        }
        if !allowStderr, !result.stderr.isEmpty {
            Issue.record("unexpected stderr: \(result.stderr)", sourceLocation: sourceLocation)
        }
        return try check(name, result.stdout, idOrderedThenSortedBy: sortKey, adjust: adjust, sourceLocation: sourceLocation)
    }

    /// Checks a JSON document against `Golden/NAME.json`.
    ///
    /// `idOrderedThenSortedBy`: for lists in the order of their random UUIDs (users, tokens: keyset pages by id), which
    /// differs from run to run. The test checks that the ids ascend, then compares the items sorted by this field.
    /// `adjust`: one more replacement a single document needs, applied before the common rules; it adds to `problems`
    /// what does not have the expected form.
    @discardableResult
    func check(_ name: String, _ text: String, idOrderedThenSortedBy sortKey: String? = nil, adjust: Adjustment? = nil,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> GoldenValue {
        let raw: GoldenValue
        do {
            raw = try GoldenParser.parse(text)
        } catch {
            Issue.record("\(name): not one JSON document: \(error)\n\(text.prefix(500))", sourceLocation: sourceLocation)
            throw error
        }
        var compared = raw
        if let sortKey {
            let ids = raw.items.map { $0["id"]?.string ?? "" }
            if ids != ids.sorted() { Issue.record("\(name): not in id order: \(ids)", sourceLocation: sourceLocation) }
            compared = .array(raw.items.sorted { ($0[sortKey]?.summary ?? "") < ($1[sortKey]?.summary ?? "") })
        }
        var problems: [String] = []
        if let adjust { compared = adjust(compared, &problems) }
        let normalized = normalizer.normalize(document: compared, problems: &problems)
        for problem in problems { Issue.record("\(name): \(problem)", sourceLocation: sourceLocation) }
        let file = name + ".json"
        if Golden.recording {
            Golden.compareText(normalized.pretty, file: file, sourceLocation: sourceLocation)
            return raw
        }
        guard let data = FileManager.default.contents(atPath: Golden.url(file).path) else {
            Issue.record("missing golden file \(file); record it with TALENT_GOLDEN_RECORD=1 and review it",
                         sourceLocation: sourceLocation)
            return raw
        }
        let expected = try GoldenParser.parse(String(decoding: data, as: UTF8.self))
        let differences = normalized.differences(from: expected)
        if !differences.isEmpty {
            let shown: String = differences.prefix(30).joined(separator: "\n")
            Issue.record("\(file): \(differences.count) difference(s)\n\(shown)",
                         sourceLocation: sourceLocation)
        }
        return raw
    }

    /// Runs `talent ARGUMENTS` in table format (Vietnamese) and checks its text against `Golden/NAME.txt`.
    func table(_ name: String, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) async {
        let result = await cli.run(arguments + ["--format", "table", "--lang", "vi"])
        guard result.status == 0 else {
            Issue.record("talent \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)",
                         sourceLocation: sourceLocation)
            return
        }
        Golden.compareText(normalizer.normalize(text: result.stdout), file: name + ".txt", sourceLocation: sourceLocation)
    }

    /// Checks text (CSV, a file a command wrote) against `Golden/FILE`, with the text rules of the normaliser.
    func text(_ file: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.compareText(normalizer.normalize(text: text), file: file, sourceLocation: sourceLocation)
    }
}
