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

    @Test("a repeated key keeps the last value")
    func duplicateKeys() throws {
        #expect(try JSONValue(parsing: #"{"a": 1, "a": 2}"#) == .object(["a": .number(2)]))
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
