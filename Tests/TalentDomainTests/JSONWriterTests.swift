import Foundation
import TalentDomain
import TalentWire
import Testing

/// What the JSON writer puts on the wire, compact for programs and pretty for people (the CLI's `--format json`). Texts are compared as bytes, never as `String`s: Swift's `==` holds NFC and
/// NFD spellings equal, and the point here is the bytes a script receives.
@Suite("JSON writer")
struct JSONWriterTests {
    static func written(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        body(&writer)
        return writer.bytes
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: strings

    @Test("strings: quotes, backslash and control characters are escaped; the rest is written as UTF-8", arguments: [
        ("plain", #""plain""#),
        ("", #""""#),
        (#"say "hi""#, #""say \"hi\"""#),
        (#"C:\path\"#, #""C:\\path\\""#),
        ("a/b", #""a/b""#),  // a slash is not escaped
        ("line\nbreak", #""line\nbreak""#),
        ("cr\r", #""cr\r""#),
        ("tab\t", #""tab\t""#),
        ("\u{0}", #""\u0000""#),
        ("\u{8}", #""\u0008""#),  // backspace and form feed as \u escapes, not \b and \f
        ("\u{C}", #""\u000c""#),
        ("\u{1B}[0m", #""\u001b[0m""#),
        ("\u{1F}", #""\u001f""#),
        ("\u{7F}", "\"\u{7F}\""),  // DEL is not a control character for JSON
        ("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),  // valid JSON as they are (RFC 8259); written raw
        ("Nguy\u{1EC5}n Th\u{1ECB} Minh Th\u{01B0}", "\"Nguy\u{1EC5}n Th\u{1ECB} Minh Th\u{01B0}\""),
        ("Đặng Văn Đức — “Sở Tư pháp”", "\"Đặng Văn Đức — “Sở Tư pháp”\""),
        ("😀 👍🏽 👨‍👩‍👧", "\"😀 👍🏽 👨‍👩‍👧\""),  // four-byte UTF-8, never \ud83d surrogate escapes
    ])
    func strings(input: String, json: String) throws {
        let bytes = Self.written { $0.value(input) }
        #expect(bytes == Array(json.utf8), "\(Self.text(bytes))")
        // Both readers give the same text back, byte for byte.
        #expect(try JSONValue(parsing: bytes) == .string(input))
        if case .string(let back) = try JSONValue(parsing: bytes) { #expect(Array(back.utf8) == Array(input.utf8)) }
        let foundation = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
        #expect(foundation.map { Array($0.utf8) } == Array(input.utf8))
    }

    @Test("every control character U+0000–U+001F is escaped", arguments: 0..<0x20)
    func controlCharacter(code: Int) throws {
        let input = "a" + String(UnicodeScalar(UInt8(code))) + "b"
        let json = Self.text(Self.written { $0.value(input) })
        let escape: String = switch code {
        case 0x0A: #"\n"#
        case 0x0D: #"\r"#
        case 0x09: #"\t"#
        default: String(format: "\\u%04x", code)
        }
        #expect(json == "\"a\(escape)b\"")
        #expect(json.unicodeScalars.allSatisfy { $0.value >= 0x20 })
        #expect(try JSONValue(parsing: json) == .string(input))
    }

    @Test("object keys are escaped like values")
    func keys() {
        let bytes = Self.written { w in
            w.beginObject()
            w.key("quo\"te"); w.value(1)
            w.key("ghi_chú\n"); w.value(2)
            w.endObject()
        }
        #expect(Self.text(bytes) == #"{"quo\"te":1,"ghi_chú\n":2}"#)
    }

    @Test("Vietnamese text keeps its bytes: NFC stays NFC; the writer and the parser do not normalise, storage does")
    func normalization() throws {
        let nfc = "Nguy\u{1EC5}n Th\u{1ECB} \u{0110}\u{00E0}o"  // ễ ị Đ à precomposed
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} \u{0110}a\u{300}o"  // the same letters with combining marks
        #expect(nfc == nfd)  // equal as Swift strings …
        #expect(Array(nfc.utf8) != Array(nfd.utf8))  // … but not as bytes
        #expect(Self.written { $0.value(nfc) } == Array(("\"" + nfc + "\"").utf8))
        #expect(Self.written { $0.value(nfd) } == Array(("\"" + nfd + "\"").utf8))
        #expect(Array(VietnameseText.nfc(nfd).utf8) == Array(nfc.utf8))
        guard case .string(let parsed) = try JSONValue(parsing: "\"" + nfd + "\"") else { Issue.record("not a string"); return }
        #expect(Array(parsed.utf8) == Array(nfd.utf8))
        // The CLI's pretty JSON keeps the bytes as well.
        let pretty = JSONValue.object(["full_name": .string(nfc)]).jsonString(pretty: true)
        #expect(Array(pretty.utf8).firstRange(of: Array(nfc.utf8)) != nil, "\(pretty)")
    }

    @Test("a string survives the CLI's pretty JSON as well", arguments: [
        "say \"hi\"", #"C:\path"#, "a/b", "\u{0}\u{8}\u{C}\u{1F}\n\r\t", "\u{2028}\u{2029}", "Nguyễn Thị Minh Thư", "😀👍🏽",
    ])
    func prettyStrings(input: String) throws {
        let pretty = JSONValue.object(["s": .string(input)]).jsonString(pretty: true)
        let back = try JSONValue(parsing: pretty)
        guard case .object(let fields) = back, case .string(let s)? = fields["s"] else {
            Issue.record("not an object with s: \(pretty)")
            return
        }
        #expect(Array(s.utf8) == Array(input.utf8))
        #expect(!pretty.contains(#"\/"#), "slashes are not escaped")
    }

    // MARK: numbers

    @Test("integers are written as integers, Int.min to Int.max", arguments: [
        (0, "0"), (1, "1"), (-1, "-1"), (2023, "2023"), (9_007_199_254_740_993, "9007199254740993"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func integers(value: Int, json: String) {
        #expect(Self.text(Self.written { $0.value(value) }) == json)
    }

    @Test("a JSON number is an integer when it is whole (below 10^15), a decimal otherwise", arguments: [
        (1.0, "1"), (3.0, "3"), (-2.0, "-2"), (3.5, "3.5"), (-3.5, "-3.5"), (4.25, "4.25"), (0.25, "0.25"), (0.1, "0.1"),
        (2.0 / 3.0, "0.6666666666666666"), (123_456.789, "123456.789"), (999_999_999_999_999.0, "999999999999999"),
        (-999_999_999_999_999.0, "-999999999999999"),
        // From 10^15 on a whole number is Swift's description of a double: with ".0" below 2^53, then with an
        // exponent; very small values use an exponent too. Valid JSON, the same value, but not an integer's form.
        (1e15, "1000000000000000.0"), (1_234_567_890_123_456.0, "1234567890123456.0"), (1e16, "1e+16"),
        (1e-7, "1e-07"), (1e300, "1e+300"), (5e-324, "5e-324"),
        // Negative zero is written as 0: JSON readers would read -0 as an integer zero anyway.
        (-0.0, "0"),
    ])
    func numbers(value: Double, json: String) throws {
        let text = Self.text(JSONValue.number(value).jsonBytes)
        #expect(text == json)
        #expect(try JSONValue(parsing: text) == .number(value))
        #expect((try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? NSNumber)?
            .doubleValue == value)
    }

    @Test("the CLI's pretty JSON writes numbers exactly as the API does: one writer", arguments: [
        (1.0, "1"), (3.5, "3.5"), (-3.5, "-3.5"), (4.25, "4.25"), (0.25, "0.25"), (0.1, "0.1"), (2023.0, "2023"),
        (999_999_999_999_999.0, "999999999999999"), (-0.0, "0"), (1e16, "1e+16"), (1e-7, "1e-07"),
        (1e15, "1000000000000000.0"),
    ])
    func prettyNumbers(value: Double, json: String) {
        #expect(JSONValue.array([.number(value)]).jsonString() == "[\(json)]")
        #expect(JSONValue.array([.number(value)]).jsonString(pretty: true) == "[\n  \(json)\n]")
    }

    struct BigCount: JSONWritable {
        var count: Int
        func write(to w: inout JSONWriter) {
            w.object { w in w.field("count", count) }
        }
    }

    @Test("large integers are exact in both forms (the pretty form no longer re-reads them as doubles)")
    func largeIntegers() throws {
        let big = BigCount(count: 9_007_199_254_740_993)
        #expect(big.jsonString() == #"{"count":9007199254740993}"#)
        #expect(big.jsonString(pretty: true) == "{\n  \"count\": 9007199254740993\n}")
        #expect(BigCount(count: Int.min).jsonString(pretty: true) == "{\n  \"count\": -9223372036854775808\n}")
    }

    struct Score: JSONWritable {
        var value: Double
        func write(to w: inout JSONWriter) {
            w.object { w in w.field("value", value) }
        }
    }

    @Test("numbers that JSON cannot hold are written as null, and the document stays valid")
    func notANumber() throws {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(try JSONValue(parsing: JSONValue.number(value).jsonBytes) == .null)
            #expect(try JSONValue(parsing: Score(value: value).jsonString(pretty: true)) == .object(["value": .null]))
        }
    }

    @Test("the pretty form: two spaces a level, one field a line, empty containers on one line")
    func prettyLayout() {
        let value = JSONValue.object([
            "a": .array([.number(1), .string("x")]), "b": .object([:]), "c": .array([]),
            "d": .object(["k": .null]),
        ])
        #expect(value.jsonString(pretty: true) == """
            {
              "a": [
                1,
                "x"
              ],
              "b": {},
              "c": [],
              "d": {
                "k": null
              }
            }
            """)
        #expect(JSONValue.string("x").jsonString(pretty: true) == #""x""#)
    }

    // MARK: dates

    @Test("times are ISO 8601 in UTC to the second, truncated, on both sides of 1970", arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (-1.0, "1969-12-31T23:59:59Z"),
        (-0.5, "1969-12-31T23:59:59Z"),
        (1.999, "1970-01-01T00:00:01Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (1_796_004_225.75, "2026-11-30T02:03:45Z"),
        (2_147_483_648, "2038-01-19T03:14:08Z"),
        (4_107_542_399, "2100-02-28T23:59:59Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
    ])
    func times(seconds: Double, iso: String) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(JSONWriter.iso8601(date) == iso)
        #expect(Self.text(Self.written { $0.value(date) }) == "\"\(iso)\"")
        #expect(date.jsonString() == "\"\(iso)\"")
    }

    @Test("the writer and Foundation's ISO 8601 formatter agree on every whole second of a sweep 1970–2100")
    func timesAgreeWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var seconds = 0.0
        while seconds < 4_102_444_800 {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(JSONWriter.iso8601(date) == formatter.string(from: date), "\(seconds)")
            seconds += 3_196_799  // 37 days less one second: every time of day and month comes by
        }
    }

    @Test("database times carry microseconds: the writer drops them")
    func fractionalSeconds() throws {
        let date = Date(timeIntervalSince1970: 1_796_004_225.999_999)
        #expect(JSONWriter.iso8601(date) == "2026-11-30T02:03:45Z")
        #expect([date].jsonString() == "[\"2026-11-30T02:03:45Z\"]")
    }

    @Test("calendar dates are YYYY-MM-DD, zero-padded, and read back only in that form", arguments: [
        ("2001-05-14", true), ("2024-02-29", true), ("0001-01-01", true), ("9999-12-31", true),
        ("2023-02-29", false), ("2001-5-14", false), ("01-05-14", false), ("2001-05-14T00:00:00Z", false),
        (" 2001-05-14", false), ("2001/05/14", false), ("２００１-０５-１４", false), ("", false),
    ])
    func calendarDates(text: String, valid: Bool) throws {
        let date = CalendarDate(text)
        #expect((date != nil) == valid)
        if let date {
            #expect(date.description == text)
            #expect([date].jsonString() == "[\"\(text)\"]")
        }
    }

    @Test("a calendar date is the day in Vietnam (UTC+7), not in UTC")
    func calendarDay() {
        let evening = Date(timeIntervalSince1970: 1_796_058_000)  // 2026-11-30T17:00:00Z
        #expect(CalendarDate(evening).description == "2026-12-01")
        #expect(CalendarDate(evening.addingTimeInterval(-1)).description == "2026-11-30")
        #expect(CalendarDate(evening, timeZone: TimeZone(identifier: "UTC")!).description == "2026-11-30")
    }

    // MARK: nulls and structure

    @Test("nil is written as an explicit null under its key")
    func nulls() {
        let bytes = Self.written { w in
            w.beginObject()
            w.key("email"); w.value(nil as String?)
            w.key("graduation_year"); w.value(nil as Int?)
            w.key("revoked_at"); w.value(nil as Date?)
            w.key("notes"); w.null()
            w.endObject()
        }
        #expect(Self.text(bytes) == #"{"email":null,"graduation_year":null,"revoked_at":null,"notes":null}"#)
    }

    @Test("a candidate with nothing but a name: every field present, nulls for the missing ones, [] for the lists")
    func candidateKeys() throws {
        let candidate = Candidate(id: UUID(uuidString: "3F2A0000-0000-4000-8000-000000000001")!, fullName: "Lê Văn An",
                                  version: 1, createdAt: Date(timeIntervalSince1970: 0),
                                  updatedAt: Date(timeIntervalSince1970: 1))
        guard case .object(let fields) = try JSONValue(parsing: candidate.jsonBytes) else {
            Issue.record("not an object")
            return
        }
        #expect(Set(fields.keys) == [
            "id", "full_name", "date_of_birth", "gender", "citizen_id", "email", "phone", "province", "education", "sector",
            "current_employer", "current_title", "legal_experience_years", "skills", "languages", "notes", "version",
            "created_at", "updated_at",
        ])
        #expect(fields["id"] == .string("3f2a0000-0000-4000-8000-000000000001"))  // ids in lower case
        for key in ["date_of_birth", "gender", "citizen_id", "email", "phone", "province", "sector", "current_employer",
                    "current_title", "legal_experience_years", "notes"] {
            #expect(fields[key] == .null, "\(key)")
        }
        for key in ["education", "skills", "languages"] { #expect(fields[key] == .array([]), "\(key)") }
        #expect(fields["version"] == .number(1))
        #expect(fields["created_at"] == .string("1970-01-01T00:00:00Z"))
        #expect(fields["updated_at"] == .string("1970-01-01T00:00:01Z"))
        // The CLI's pretty form has the same keys and nulls.
        #expect(try JSONValue(parsing: candidate.jsonString(pretty: true)) == .object(fields))
    }

    @Test("a record keeps its nulls in the CLI's JSON")
    func encodableNulls() throws {
        let agency = Agency(code: "STP", name: "Sở Tư pháp", kind: .department, status: .active, mergedInto: nil,
                            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        let json = try JSONValue(parsing: agency.jsonString(pretty: true))
        #expect(json == .object([
            "code": .string("STP"), "name": .string("Sở Tư pháp"), "kind": .string("department"),
            "status": .string("active"), "merged_into": .null, "created_at": .string("1970-01-01T00:00:00Z"),
            "updated_at": .string("1970-01-01T00:00:00Z"),
        ]))
    }

    @Test("null and an absent key are different values")
    func nullIsNotAbsent() throws {
        #expect(try JSONValue(parsing: #"{"a":null}"#) != JSONValue(parsing: "{}"))
        #expect(Self.text(JSONValue.object(["a": .null]).jsonBytes) == #"{"a":null}"#)
        #expect(Self.text(JSONValue.object([:]).jsonBytes) == "{}")
    }

    @Test("nested arrays and objects get their commas right")
    func nesting() {
        let bytes = Self.written { w in
            w.beginObject()
            w.key("a")
            w.beginArray(); w.value(1); w.value("x"); w.null(); w.value(true); w.value(false); w.endArray()
            w.key("b"); w.beginObject(); w.endObject()
            w.key("c")
            w.beginArray()
            w.beginArray(); w.endArray()
            w.beginArray(); w.beginObject(); w.key("k"); w.value(["p", "q"]); w.endObject(); w.endArray()
            w.endArray()
            w.key("d"); w.raw("2.5")
            w.endObject()
        }
        #expect(Self.text(bytes) == #"{"a":[1,"x",null,true,false],"b":{},"c":[[],[{"k":["p","q"]}]],"d":2.5}"#)
    }

    @Test("a page is {items, next_cursor}, with an explicit null at the end")
    func page() {
        let last = Page(items: [JSONValue.number(1), .string("a")], nextCursor: nil)
        #expect(Self.text(last.jsonBytes) == #"{"items":[1,"a"],"next_cursor":null}"#)
        let more = Page(items: [JSONValue](), nextCursor: "abc")
        #expect(Self.text(more.jsonBytes) == #"{"items":[],"next_cursor":"abc"}"#)
    }

    @Test("a JSON value is written with sorted keys, so equal values give equal bytes")
    func sortedKeys() throws {
        let a = try JSONValue(parsing: #"{"b": 1, "a": {"z": [3, 2], "y": null}, "ă": true, "A": 0}"#)
        let b = try JSONValue(parsing: #"{"ă": true, "A": 0, "a": {"y": null, "z": [3, 2]}, "b": 1}"#)
        #expect(Self.text(a.jsonBytes) == #"{"A":0,"a":{"y":null,"z":[3,2]},"b":1,"ă":true}"#)
        #expect(a.jsonBytes == b.jsonBytes)
    }

    // MARK: round trip

    static let values: [JSONValue] = [
        .null, .bool(true), .bool(false), .number(0), .number(1), .number(-1), .number(3.5), .number(0.1),
        .number(4.25), .number(1e15), .number(1e-7), .number(999_999_999_999_999), .number(-1e300),
        .string(""), .string("Nguyễn Thị Minh Thư"), .string("q\"b\\s/n\n\u{0}\u{1F}\u{7F}\u{2028}"), .string("😀👍🏽"),
        .array([]), .object([:]),
        .array([.number(1), .array([.array([])]), .object(["k": .null])]),
        .object([
            "full_name": .string("Đặng Văn Đức"), "date_of_birth": .null, "education": .array([
                .object(["degree": .string("bachelor"), "graduation_year": .number(2023), "classification": .null]),
            ]),
            "scores": .object(["legal_drafting": .number(4), "ethics": .number(3.5)]), "credited": .bool(true),
        ]),
    ]

    @Test("parse(write(x)) == x, and writing again gives the same bytes", arguments: values)
    func roundTrip(value: JSONValue) throws {
        let bytes = value.jsonBytes
        let back = try JSONValue(parsing: bytes)
        #expect(back == value)
        #expect(back.jsonBytes == bytes)
        // The CLI's pretty form reads back to the same value too.
        #expect(try JSONValue(parsing: value.jsonString(pretty: true)) == value)
    }
}
