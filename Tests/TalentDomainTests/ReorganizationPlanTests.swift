import Foundation
import TalentDomain
import Testing

/// The reorganization document and its plan against the agencies, without a database.
@Suite("Reorganization files and their plans")
struct ReorganizationPlanTests {
    static func agency(_ code: String, _ name: String, status: AgencyStatus = .active, mergedInto: String? = nil)
        -> Agency {
        Agency(code: code, name: name, kind: .department, status: status, mergedInto: mergedInto, createdAt: Date(),
               updatedAt: Date())
    }

    static let seed = [agency("A", "Sở A"), agency("B", "Sở B"), agency("C", "Sở C")]

    static func document(_ steps: [JSONValue], id: JSONValue = "thu") -> JSONValue {
        .object(["id": id, "name": "Thử", "sources": .array([.object(["id": "S1", "document": "Văn bản 1"])]),
                 "steps": .array(steps)])
    }

    static func step(_ id: String, _ date: String, _ members: [String: JSONValue]) -> JSONValue {
        var object: [String: JSONValue] = ["id": .string(id), "effective": .string(date), "title": "Bước",
                                           "sources": .array(["S1"])]
        object.merge(members) { _, new in new }
        return .object(object)
    }

    static func retire(_ code: String, into: String? = nil) -> JSONValue {
        .object(["code": .string(code), "merged_into": into.map(JSONValue.string) ?? .null])
    }

    static func keep(_ code: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        .object(["code": .string(code)].merging(extra) { _, new in new })
    }

    @Test("a plan says what changes, and what the agencies already say is unchanged")
    func plan() throws {
        let reorganization = try Reorganization(json: Self.document([
            Self.step("mot", "2025-03-01", [
                "create": .array([.object(["code": "d", "name": "Sở D"])]),
                "rename": .array([.object(["code": "C", "name": "Sở C mới"])]),
                "retire": .array([Self.retire("A", into: "D"), Self.retire("B", into: "D")]),
            ]),
            Self.step("hai", "2025-07-01", ["keep": .array([.object(["code": "D", "name": "Sở D"])])]),
        ]))
        let first = try reorganization.plan(against: Self.seed)
        #expect(first.map(\.outcome) == [.changed, .changed, .changed, .changed, .unchanged])
        #expect(first[0].code == "D" && first[1].previousName == "Sở C" && first[2].mergedInto == "D")
        // The agencies as the plan leaves them: nothing to do.
        let after = [Self.agency("A", "Sở A", status: .retired, mergedInto: "D"),
                     Self.agency("B", "Sở B", status: .retired, mergedInto: "D"), Self.agency("C", "Sở C mới"),
                     Self.agency("D", "Sở D")]
        #expect(try reorganization.plan(against: after).allSatisfy { $0.outcome == .unchanged })
    }

    @Test("entries that cannot apply are all named, each with its step", arguments: [
        ([retire("X", into: "A")], "steps[0].retire[0].code", "không có cơ quan mã X"),
        ([retire("A", into: "X")], "steps[0].retire[0].merged_into", "không có cơ quan tiếp nhận mã X"),
        ([retire("A", into: "Z")], "steps[0].retire[0].merged_into", "cơ quan tiếp nhận Z đã ngừng hoạt động (đã sáp nhập vào B)"),
        ([retire("Y", into: "A")], "steps[0].retire[0].merged_into", "Y đã sáp nhập vào B, khác với tệp"),
    ])
    func refusals(entries: [JSONValue], field: String, message: String) throws {
        let agencies = Self.seed + [Self.agency("Z", "Sở Z", status: .retired, mergedInto: "B"),
                                    Self.agency("Y", "Sở Y", status: .retired, mergedInto: "B")]
        let reorganization = try Reorganization(json: Self.document([
            Self.step("mot", "2025-03-01", ["retire": .array(entries)]),
        ]))
        do {
            _ = try reorganization.plan(against: agencies)
            Issue.record("accepted")
        } catch {
            #expect(error.fieldErrors.first?.field == field)
            #expect(error.fieldErrors.first?.message.vi == "bước mot: " + message)
        }
    }

    @Test("documents wrong in themselves are refused before any database", arguments: [
        (document([step("mot", "2025-03-01", ["retire": .array([retire("A", into: "A")])])]),
         "steps[0].retire[0].merged_into"),
        (document([step("mot", "2025-03-01", ["retire": .array([retire("A", into: "B"), retire("B", into: "C")])])]),
         "steps[0].retire[0].merged_into"),
        (document([step("mot", "2025-03-01", ["retire": .array([retire("A", into: "B")])]),
                   step("hai", "2025-04-01", ["retire": .array([retire("B", into: "A")])])]),
         "steps[1].retire[0].merged_into"),
        (document([step("mot", "2025-03-01", [:])]), "steps[0]"),
        (document([step("mot", "2025-03-01", ["sources": .array([.string("S2")]), "keep": .array([keep("A")])])]),
         "steps[0].sources[0]"),
        (document([step("mot", "2025-03-01", ["keep": .array([keep("A")])]),
                   step("mot", "2025-04-01", ["keep": .array([keep("B")])])]), "steps[1].id"),
        (document([step("mot", "2025-03-01", ["keep": .array([keep("A")])])], id: .string("thu\n")), "id"),
        (document([step("mot", "2025-03-01", ["keep": .array([keep("A", ["nam": .string("x")])])])]),
         "steps[0].keep[0].nam"),
        (document([step("mot", "2025-02-30", ["keep": .array([keep("A")])])]), "steps[0].effective"),
    ])
    func malformed(document: JSONValue, field: String) {
        do {
            _ = try Reorganization(json: document)
            Issue.record("accepted")
        } catch {
            #expect(error.fieldErrors.map(\.field).contains(field), "\(error.fieldErrors.map(\.field))")
            if field.hasPrefix("steps[") {
                #expect(error.fieldErrors.allSatisfy { $0.message.vi.hasPrefix("bước ") }, "\(error.fieldErrors)")
            }
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
