import Foundation
import TalentDomain
import Testing

/// The parser's edges, beyond what `JSONParserTests` compares with Foundation: escapes, numbers, text as bytes.
@Suite("JSON parser edges")
struct JSONParserEdgeTests {
    @Test("escapes decode to the text they name, byte for byte", arguments: [
        (#""\u0000""#, "\u{0}"),
        (#""\u001F\u001f""#, "\u{1F}\u{1F}"),
        (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
        (#""\"\\\/""#, "\"\\/"),
        (#""\u2028\u2029""#, "\u{2028}\u{2029}"),
        (#""\u00e9\u00C9""#, "\u{E9}\u{C9}"),
        (#""\u1ec5\u0111""#, "\u{1EC5}\u{111}"),  // ễ đ
        (#""e\u0301""#, "e\u{301}"),  // a decomposed é stays decomposed: the parser does not normalise
        (#""\uD83D\uDE00\ud83d\udc4d""#, "😀👍"),
        ("\"Nguyễn Thị Minh Thư\"", "Nguyễn Thị Minh Thư"),
        ("\"\u{2028}\"", "\u{2028}"),  // raw U+2028 is allowed in a JSON string
        ("\"👨‍👩‍👧\"", "👨‍👩‍👧"),
    ])
    func escapes(json: String, text: String) throws {
        guard case .string(let parsed) = try JSONValue(parsing: json) else {
            Issue.record("not a string")
            return
        }
        #expect(Array(parsed.utf8) == Array(text.utf8))
    }

    @Test("numbers are read as doubles: 1 and 1.0 are one value, exponents are fine", arguments: [
        ("1", 1.0), ("1.0", 1.0), ("1.00", 1.0), ("3.5", 3.5), ("-3.5", -3.5), ("0", 0.0), ("1E2", 100.0), ("1e+2", 100.0),
        ("1e-2", 0.01), ("2.5E-3", 0.0025), ("1e308", 1e308), ("999999999999999", 999_999_999_999_999.0),
        // Beyond 2^53 a double cannot hold every integer: 2^53 + 1 is read as 2^53.
        ("9007199254740993", 9_007_199_254_740_992.0),
    ])
    func numbers(json: String, value: Double) throws {
        #expect(try JSONValue(parsing: json) == .number(value))
    }

    @Test("-0 is read as negative zero, and written back as 0")
    func negativeZero() throws {
        guard case .number(let n) = try JSONValue(parsing: "-0") else {
            Issue.record("not a number")
            return
        }
        #expect(n == 0 && n.sign == .minus)
        #expect(String(decoding: JSONValue.number(n).jsonBytes, as: UTF8.self) == "0")
    }

    @Test("more that is not JSON is refused", arguments: [
        "\u{FEFF}{}",  // a byte-order mark before the document
        "{}\u{A0}",  // a no-break space is not JSON whitespace
        "[1]//comment", "/* c */ 1", "[0x10]", "[1_000]", "[1.5e]", "[-.5]", "[.5e1]", "[00]", "[-01]", "[1.]",
        "\"\\u00G0\"", "\"\\U00e9\"", "\"tab\tinside\"", "\"new\nline\"", "[\"a\" \"b\"]", "{\"a\" 1}", "{\"a\":}",
        "{1: 2}", "[true false]", "True", "NULL", "[undefined]", "\"\\ud83d\\u0041\"", "\"\\ude00\\ud83d\"", "'x'",
        "[1e309]", "-1e309",
    ])
    func refuses(json: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: json) }
    }

    @Test("nesting: 256 levels are read, 257 are refused")
    func depth() throws {
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(throws: Never.self) { try JSONValue(parsing: ok) }
        let deep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
    }

    @Test("a repeated key is refused, naming the key, at any depth")
    func duplicateKeys() throws {
        for json in [#"{"a": 1, "a": 2}"#, #"{"b": {"a": 1, "a": 1}}"#, #"[{"x": null, "y": 0, "x": null}]"#] {
            do {
                _ = try JSONValue(parsing: json)
                Issue.record("accepted \(json)")
            } catch {
                #expect(error.message.contains("appears twice"), "\(error)")
            }
        }
        // Keys that differ only by an escape are the same key once read.
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: #"{"a": 1, "\u0061": 2}"#) }
        #expect(try JSONValue(parsing: #"{"a": 1, "A": 2}"#) == .object(["a": .number(1), "A": .number(2)]))
    }

    @Test("a number that a double would round to a whole one is refused; whole numbers in any spelling are read", arguments: [
        ("2023.0000000000001", nil), ("2023.0", 2023.0), ("2.023e3", 2023.0), ("202300e-2", 2023.0), ("1e-400", nil),
        ("9007199254740993", 9007199254740992.0), ("0.30000000000000004", 0.30000000000000004), ("-0.0", 0.0),
        ("20230000000000001e-13", nil), ("1.5", 1.5),
    ] as [(String, Double?)])
    func wholeNumbers(json: String, value: Double?) {
        if let value {
            #expect((try? JSONValue(parsing: json)) == .number(value), "\(json)")
        } else {
            #expect(throws: JSONParseError.self, "\(json)") { try JSONValue(parsing: json) }
        }
    }

    @Test("a request body is held to 32 levels, 1,000 fields an object and 10,000 items an array")
    func requestLimits() throws {
        let deep = String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep, limits: .request) }
        #expect(throws: Never.self) { try JSONValue(parsing: deep) }
        let fields = { (n: Int) in "{" + (0..<n).map { "\"k\($0)\": 0" }.joined(separator: ",") + "}" }
        #expect(throws: Never.self) { try JSONValue(parsing: fields(1_000), limits: .request) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: fields(1_001), limits: .request) }
        let items = "[" + Array(repeating: "0", count: 10_001).joined(separator: ",") + "]"
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: items, limits: .request) }
    }

    @Test("errors say where", arguments: [
        ("[1,]", 3), ("{\"a\":1,}", 7), ("  x", 2), ("[1] [2]", 4),
    ])
    func errorOffsets(json: String, offset: Int) {
        do {
            _ = try JSONValue(parsing: json)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.offset == offset, "\(error)")
        }
    }

    @Test("whitespace around and between tokens is the four JSON spaces", arguments: [
        " \t\r\n{ \"a\" :\t[ 1 ,\n2 ] }\n ",
    ])
    func whitespace(json: String) throws {
        #expect(try JSONValue(parsing: json) == .object(["a": .array([.number(1), .number(2)])]))
    }
}
