import Foundation
import TalentDomain
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test("reads what Foundation's decoder reads, to the same value", arguments: [
        #"{"full_name": "Nguyễn Thị Minh Thư", "n": 3, "x": -1.5e3, "ok": true, "no": false, "none": null}"#,
        #"[1, 2.25, "a\"b\\c\/d", "\u00e9\u0111", "\ud83d\ude00", [], {}, [[{"k": [0]}]]]"#,
        #"  {"education": [{"degree": "bachelor", "graduation_year": 2023}], "skills": ["a", "b"]}  "#,
        #""tab\there, new\nline, \b\f\r""#,
        "0", "-0", "123456789012", "1E+2", "[true,false,null]",
    ])
    func sameAsFoundation(json: String) throws {
        let ours = try JSONValue(parsing: json)
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(ours == foundation)
    }

    @Test("refuses what is not JSON", arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{a: 1}", "{'a': 1}", "01", "1.", ".5", "-", "+1", "1e", "tru", "nul",
        "[1] [2]", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"raw \u{01} control\"",
        "NaN", "Infinity", "1e999", String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ])
    func refuses(json: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: json) }
    }

    @Test("invalid UTF-8 is refused")
    func invalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test("digests print as lower-case hexadecimal")
    func hex() {
        #expect([0x00, 0x0f, 0xa0, 0xff].hexString == "000fa0ff")
    }
}
