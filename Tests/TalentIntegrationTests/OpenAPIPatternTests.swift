import Foundation
import TalentAPI
import TalentDomain
import Testing

/// The patterns of openapi.yaml (`x-patterns`) say what the validators accept. A fuzzer sends what a schema calls
/// invalid and expects a refusal, so a pattern must accept everything the validator accepts; and it should refuse
/// what the validator refuses, so that generated data exercises the rules. Checked on hand-picked edge cases and on
/// seeded random strings over an alphabet of the characters the rules care about.
@Suite("openapi.yaml patterns agree with the validators")
struct OpenAPIPatternTests {
    static let patterns: [String: String] = {
        let document = try? JSONSerialization.jsonObject(with: OpenAPISpec.json) as? [String: Any]
        return document?["x-patterns"] as? [String: String] ?? [:]
    }()

    /// The whole text matches (ICU's `$` would also match before a final line break, JSON Schema's does not).
    static func matches(_ text: String, _ name: String) -> Bool {
        guard let pattern = patterns[name], let expression = try? NSRegularExpression(pattern: pattern) else {
            Issue.record("x-patterns has no usable \(name)")
            return false
        }
        let whole = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: whole).contains { $0.range == whole }
    }

    /// Strings over `alphabet`, from a fixed seed.
    static func random(_ alphabet: [String], count: Int, maxLength: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % (maxLength + 1))).map { _ in alphabet[next() % alphabet.count] }.joined()
        }
    }

    static let spaces = [" ", "\t", "\n", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}"]
    static let controls = ["\u{1}", "\u{7}", "\u{1B}", "\u{7F}", "\u{9C}", "\u{B}"]

    @Test("phone: exactly the numbers Normalize.phone accepts")
    func phone() {
        let cases = ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678", "0084912345678",
                     "(0273) 3 872 123", "+84 0912345678", "840912345678", "00912345678", " 0912345678\n",
                     "+840273387212", "0112345678", "091234567", "09123456789", "+85912345678", "++84912345678",
                     "0912-345-678", "0912_345_678", "", " ", "+", "(0)912345678", "0 0 8 4 9 1 2 3 4 5 6 7 8"]
        let alphabet = ["0", "0", "2", "3", "8", "4", "9", "1", "5", "+", " ", ".", "-", "(", ")", "a", "\t"]
        for text in cases + Self.random(alphabet, count: 4000, maxLength: 16, seed: 483) {
            let accepted = Normalize.phone(text) != nil
            let documented = Self.matches(text, "phone")
            if accepted {
                #expect(documented, "Normalize.phone accepts \(text.debugDescription), the pattern does not")
            }
            // The pattern lets through a few the rules refuse (a leading 00 read as a trunk prefix); none of these.
            if cases.contains(text) { #expect(documented == accepted, "\(text.debugDescription)") }
        }
    }

    @Test("citizen ID and code: exactly what the normalizers accept, white space around them included")
    func identifiers() {
        let citizen = ["082301000123", " 082301000123\t", "08230100012", "0823010001234", "08230100012a", "", "  ",
                       "０８２３０１０００１２３"]
        for text in citizen + Self.random(["0", "1", " ", "\u{A0}", "a", "\u{0660}"], count: 3000, maxLength: 14, seed: 7) {
            #expect(Self.matches(text, "citizen-id") == (Normalize.citizenID(text) != nil), "\(text.debugDescription)")
        }
        let codes = ["STP", "stp", "SỞ", "ß", "ﬁ", "-A", "A-", "A_B", " A ", String(repeating: "A", count: 32),
                     String(repeating: "A", count: 33), "", "Ａ"]
        let codeAlphabet = ["A", "z", "0", "-", "_", " ", "ß", "é", "\n"]
        for text in codes + Self.random(codeAlphabet, count: 3000, maxLength: 34, seed: 11) {
            #expect(Self.matches(text, "code") == (Normalize.code(text) != nil), "\(text.debugDescription)")
        }
    }

    @Test("e-mail: every address Normalize.email accepts; ASCII ones exactly")
    func email() {
        let cases = ["thu.nguyen@example.edu.vn", "Thu.Nguyen@Example.EDU.vn", " a@b.co ", "a@b.c", "a@-b.co", "a@b-.co",
                     "a,b@c.de", "a b@c.de", "@b.co", "a@", "a@@b.co", "a@b..co", "thư@trường.vn", "a@bücher.de",
                     "!#$%&'*+/=?^_`{|}~@x.io", "a@b_c.de", String(repeating: "a", count: 65) + "@b.co", ""]
        let alphabet = ["a", "B", "0", "@", ".", "-", ",", " ", "!", "ư", "\u{7F}", "_"]
        for text in cases + Self.random(alphabet, count: 6000, maxLength: 12, seed: 29) {
            let accepted = Normalize.email(text) != nil
            let documented = Self.matches(text, "email")
            if accepted { #expect(documented, "Normalize.email accepts \(text.debugDescription), the pattern does not") }
            // Exact for ASCII; the pattern's branch for other addresses also lets a comma or DEL through, so that
            // it stays satisfiable for a generator limited to ASCII.
            if text.unicodeScalars.allSatisfy(\.isASCII), !text.contains(","), !text.contains("\u{7F}"),
               text.utf8.count <= 254 {
                #expect(documented == accepted, "\(text.debugDescription)")
            }
        }
    }

    @Test("text: trimmed, no control characters (line breaks and tabs in a paragraph), required means not blank")
    func text() {
        let alphabet = ["a", "Ễ", " ", "\u{301}", "0", "ª", "-"] + Self.spaces + Self.controls + ["\r"]
        let corpus = ["", " ", "a", " a ", "a\u{1}b", "\u{85}a\u{85}", "a\nb", "a\tb", "\u{7F}", "\u{1}a"]
            + Self.random(alphabet, count: 6000, maxLength: 6, seed: 31)
        for text in corpus {
            for (name, multiline, required) in [("line", false, false), ("line-required", false, true),
                                                 ("paragraph", true, false), ("paragraph-required", true, true)] {
                var v = FieldValidator()
                _ = v.text("f", text, required: required, maxLength: 100, multiline: multiline)
                #expect(Self.matches(text, name) == v.errors.isEmpty, "\(name): \(text.debugDescription)")
            }
            // A name is required single-line text with a letter: exact in ASCII; beyond it the pattern takes any
            // character from U+00C0 up for a letter.
            let name = Normalize.personName(text) != nil
            if name { #expect(Self.matches(text, "person-name"), "\(text.debugDescription)") }
            if text.unicodeScalars.allSatisfy({ $0.value < 0xC0 }) {
                #expect(Self.matches(text, "person-name") == name, "person-name: \(text.debugDescription)")
            }
        }
    }

    /// If-Match has no pattern: a tag that is no version of the record is not malformed, it just never matches (412,
    /// RFC 9110), so the document takes any text there.
    @Test("Idempotency-Key: every value the API accepts")
    func headers() {
        #expect(Self.patterns["if-match"] == nil)
        for text in ["k-1", String(repeating: "k", count: 255), " k "] { #expect(Self.matches(text, "idempotency-key")) }
        for text in ["", " ", "k k", String(repeating: "k", count: 256), "khóa"] {
            #expect(!Self.matches(text, "idempotency-key"), "\(text.debugDescription)")
        }
    }
}
