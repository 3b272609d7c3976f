import Foundation
import TalentDomain
import Testing

/// The golden comparison itself must be able to fail: these show it does, for each kind of change it is meant to see.
@Suite("Golden comparison")
struct GoldenSelfTests {
    static func differences(_ expected: String, _ actual: String) throws -> [String] {
        try GoldenParser.parse(actual).differences(from: GoldenParser.parse(expected))
    }

    @Test("what counts as a change", arguments: [
        (#"{"n": 4}"#, #"{"n": 4.0}"#),  // an integer became a decimal
        (#"{"n": 4}"#, #"{"n": 4e0}"#),  // an exponent appeared
        (#"{"n": 4}"#, #"{"n": "4"}"#),  // a number became a string
        (#"{"a": null}"#, #"{}"#),  // null became absent
        (#"{}"#, #"{"a": null}"#),  // a key appeared
        (#"{"a": []}"#, #"{"a": null}"#),  // an empty list became null
        (#"[1, 2]"#, #"[2, 1]"#),  // array order
        (#"[1, 2]"#, #"[1]"#),
        (#"{"a": true}"#, #"{"a": 1}"#),
        (#"{"s": "Nguy\u1ec5n"}"#, "{\"s\": \"Nguye\u{302}\u{303}n\"}"),  // NFC became NFD
    ])
    func changes(expected: String, actual: String) throws {
        #expect(try !Self.differences(expected, actual).isEmpty)
    }

    @Test("what does not: key order and spacing")
    func sameDocument() throws {
        #expect(try Self.differences(#"{"a": 1, "b": [true, null]}"#, "{\"b\":[true,null],\n\"a\":1}").isEmpty)
    }

    @Test("a clock-measured number may only grow, and only by the slack", arguments: [
        (#"[{"seconds_in_stage": 13}]"#, #"[{"seconds_in_stage": 14}]"#, true),
        (#"[{"seconds_in_stage": 13}]"#, #"[{"seconds_in_stage": 18}]"#, true),
        (#"[{"seconds_in_stage": 13}]"#, #"[{"seconds_in_stage": 19}]"#, false),
        (#"[{"seconds_in_stage": 14}]"#, #"[{"seconds_in_stage": 13}]"#, false),
        (#"[{"panel_score": 13}]"#, #"[{"panel_score": 14}]"#, false),
    ])
    func clockSlack(earlier: String, later: String, same: Bool) throws {
        let d = try GoldenParser.parse(later).differences(from: GoldenParser.parse(earlier),
                                                          clockKeys: ["seconds_in_stage"], clockSlack: 5)
        #expect(d.isEmpty == same, "\(d)")
    }

    @Test("a repeated key or trailing text is not one document", arguments: [#"{"a": 1, "a": 1}"#, "[1] [2]", "[1,]"])
    func strict(text: String) {
        #expect(throws: GoldenParseError.self) { try GoldenParser.parse(text) }
    }

    @Test("ids are numbered by first appearance, so references between records are still compared")
    func uuids() throws {
        let a = "3f2a0000-0000-4000-8000-00000000000a"
        let b = "3f2a0000-0000-4000-8000-00000000000b"
        let normalizer = GoldenNormalizer()
        var problems: [String] = []
        let first = normalizer.normalize(document: try GoldenParser.parse(#"{"id": "\#(a)", "x": "candidate:\#(b)"}"#),
                                         problems: &problems)
        #expect(first == .object(["id": .string("<uuid:1>"), "x": .string("candidate:<uuid:2>")]))
        let second = normalizer.normalize(document: try GoldenParser.parse(#"{"candidate_id": "\#(b)"}"#), problems: &problems)
        #expect(second == .object(["candidate_id": .string("<uuid:2>")]))
        #expect(problems.isEmpty)
    }

    @Test("times of this run become placeholders only in the product's form")
    func times() throws {
        let normalizer = GoldenNormalizer()
        let now = Date()
        let whole = JSONWriter.iso8601(now)
        let later = JSONWriter.iso8601(now.addingTimeInterval(90 * 86_400))
        var problems: [String] = []
        let value = normalizer.normalize(document: .array([
            .string(whole), .string(later), .string("2026-11-02T09:00:00Z"), .string(whole.dropLast() + ".000Z"),
            .string(whole.dropLast() + "+00:00"),
        ]), problems: &problems)
        #expect(value == .array([
            .string("<timestamp>"), .string("<timestamp+90d>"), .string("2026-11-02T09:00:00Z"),
            .string(whole.dropLast() + ".000Z"), .string(whole.dropLast() + "+00:00"),
        ]))
    }

    @Test("a token's prefix must be the start of a secret issued in the scenario")
    func secrets() throws {
        let normalizer = GoldenNormalizer()
        var problems: [String] = []
        let secret = "tlt_" + String(repeating: "A", count: 40)
        let issued = normalizer.normalize(document: .object(["prefix": .string(String(secret.prefix(10))),
                                                            "token": .string(secret)]), problems: &problems)
        #expect(issued == .object(["prefix": .string("<token-prefix>"), "token": .string("<token-secret>")]))
        #expect(problems.isEmpty)
        _ = normalizer.normalize(document: .object(["prefix": .string("tlt_BBBBBB")]), problems: &problems)
        #expect(problems.count == 1)
    }
}
