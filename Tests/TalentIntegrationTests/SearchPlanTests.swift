import Foundation
import TalentDemo
import TalentDomain
import TalentService
import TalentStore
import Testing

/// Issue 15: a search ranked by relevance reads its best ranks first (a window of the newest rows, then older rows of
/// one rank through the whole-word indexes). It must return exactly what the single statement that ranks every match
/// returns: the same candidates in the same order, page after page, with the same cursors.
@Suite("Ranked search by tiers returns what ranking every match returns")
struct SearchPlanTests {
    /// Words that contain one another ("an" in "Lan", "Xuân", "Văn"; "thu" in "Thuận"), accents that fold together
    /// ("Thư"/"Thu", "Nguyễn"/"Nguyên", "Lê"/"Lệ"), and family names that are never given names (`pham vo` matches nobody).
    static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Võ", "NGUYỄN"]
    static let middles = ["Văn", "Thị", "Minh", "Thu", ""]
    static let givens = ["An", "Lan", "Xuân", "Thư", "Thu", "Thuận", "Nguyên", "Lệ", "Hương", "Phương", "an"]

    @Test("every page of every search, with windows small enough to reach past them, equals the general statement")
    func tieredEqualsGeneral() async throws {
        try await APIHarness.with { api in
            let s = api.services
            var generator = SeededGenerator(seed: 483)
            for n in 0..<160 {
                let name = [Self.families.randomElement(using: &generator)!, Self.middles.randomElement(using: &generator)!,
                            Self.givens.randomElement(using: &generator)!].filter { !$0.isEmpty }.joined(separator: " ")
                let sector = ["state", "non_state", nil].randomElement(using: &generator)!
                _ = try await s.candidates.add(try ValidCandidate(CandidateDraft(
                    fullName: name, citizenID: n == 7 ? "079204001234" : nil, sector: sector)), by: .testAdmin)
            }
            // Creation times out of insertion order, with many ties (the id breaks them).
            try await s.database.withConnection { c in
                try await c.query("""
                    UPDATE candidates SET created_at = timestamptz '2026-01-01 08:00+07' + (abs(hashtext(id::text)) % 40) * interval '1 day'
                    """, logger: TestDatabase.logger)
            }
            let texts = ["an", "thu", "thư", "nguyen", "Nguyễn", "nguyen le", "le nguyen", "pham vo", "thi an", "an thi",
                         "nguyễn thị thư", "van an lan", "huong", "uan", "xyzq", "079204001234", "nguyen thu an"]
            var compared = 0
            for text in texts {
                for (sector, from) in [(nil, nil), ("state", nil), (nil, "2026-01-20")] as [(String?, String?)] {
                    let filter = try CandidateFilter(CandidateQuery(text: text, sector: sector, createdFrom: from))
                    for limit in [3, 50] {
                        let general = try await pages(s, filter, limit: limit, plan: .general)
                        for window in [1, 7, 10_000] {
                            let tiered = try await pages(s, filter, limit: limit, plan: .tiered(window: window))
                            #expect(tiered.ids == general.ids, "q=\(text) sector=\(sector ?? "-") from=\(from ?? "-") limit=\(limit) window=\(window)")
                            #expect(tiered.cursors == general.cursors, "q=\(text) limit=\(limit) window=\(window)")
                            compared += 1
                        }
                        if text == "an", sector == nil, from == nil { #expect(general.ids.count > 40) }
                    }
                }
            }
            #expect(compared == texts.count * 3 * 2 * 3)
            // The identifier and the never-together pair find what they should, so the comparison above is not empty.
            let byID = try await pages(s, try CandidateFilter(CandidateQuery(text: "079204001234")), limit: 10, plan: .automatic)
            #expect(byID.ids.count == 1)
            let never = try await pages(s, try CandidateFilter(CandidateQuery(text: "pham vo")), limit: 10, plan: .automatic)
            #expect(never.ids.isEmpty)
        }
    }

    @Test("a word first written by a rename is found past the window")
    func renamedWordsAreIndexed() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let renamed = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Lê Văn Tạm")), by: .testAdmin)
            for n in 0..<5 {
                _ = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Trần Thị Mới \(n)")), by: .testAdmin)
            }
            _ = try await s.candidates.update(renamed.candidate.id, patch: try CandidatePatch(CandidateDraft(fullName: "Lê Văn Khuyến"),
                                                                                              fields: [.fullName]),
                                              expectedVersion: nil, by: .testAdmin)
            // "uyen" lies only inside "Khuyến", a word no name held before the rename; the oldest row is past a window of 2.
            let filter = try CandidateFilter(CandidateQuery(text: "uyen"))
            let found = try await pages(s, filter, limit: 5, plan: .tiered(window: 2))
            #expect(found.ids == [renamed.candidate.id])
        }
    }

    /// Every page of a list, and the cursor after each.
    func pages(_ s: TalentServices, _ filter: CandidateFilter, limit: Int, plan: SearchPlan) async throws -> (ids: [UUID], cursors: [String]) {
        var ids: [UUID] = [], cursors: [String] = []
        var cursor: String?
        repeat {
            let request = try PageRequest(limit: limit, cursor: cursor)
            let page = try await s.database.read { db in try await db.candidates.list(filter, page: request, plan: plan) }
            ids += page.items.map(\.id)
            cursor = page.nextCursor
            if let cursor { cursors.append(cursor) }
        } while cursor != nil && ids.count < 1_000
        return (ids, cursors)
    }
}
