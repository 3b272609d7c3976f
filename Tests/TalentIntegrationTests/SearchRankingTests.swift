import Foundation
import TalentDomain
import Testing

/// Issue 11, item 12: a search ranks what was typed first — the word spelled as typed, then the same word without
/// accents, then names that only contain it — and pages through that order without losing or repeating anyone.
@Suite("Search ranks exact spellings and whole words first")
struct SearchRankingTests {
    /// Added oldest first, so that newest-first (the order before ranking) puts the best matches last.
    static let names = [
        "Trần Thị Thư",        // "thư" as typed
        "Phạm Thị Hương",      // "huong" as a whole word
        "Nguyễn Minh Thư",     // "thư" as typed
        "Lê Văn Thu",          // "thu" without accents
        "Đỗ Thị Thu",          // "thu" without accents
        "Võ Văn Thuận",        // "thu" only inside a word
        "Nguyễn Thị Phương",   // "huong" only inside a word
        "Hoàng Phương Thuỳ",   // both only inside words
    ]

    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    @Test("GET /v1/candidates?q= ranks exact, then folded whole words, then substrings, and pages in that order")
    func api() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            for name in Self.names {
                #expect(try await api.request(.post, "/v1/candidates", token: token, json: ["full_name": name]).status == 201)
            }
            func names(_ query: String, extra: String = "") async throws -> [String] {
                let q = query.addingPercentEncoding(withAllowedCharacters: Self.unreserved)!
                let reply = try await api.request(.get, "/v1/candidates?q=\(q)\(extra)", token: token)
                #expect(reply.status == 200, "\(reply.text)")
                return (reply.object["items"] as? [[String: Any]] ?? []).compactMap { $0["full_name"] as? String }
            }
            // Same rank: newest first.
            #expect(try await names("thư") == ["Nguyễn Minh Thư", "Trần Thị Thư", "Đỗ Thị Thu", "Lê Văn Thu",
                                                 "Hoàng Phương Thuỳ", "Võ Văn Thuận"])
            #expect(try await names("thu") == ["Đỗ Thị Thu", "Lê Văn Thu", "Nguyễn Minh Thư", "Trần Thị Thư",
                                                "Hoàng Phương Thuỳ", "Võ Văn Thuận"])
            #expect(try await names("huong") == ["Phạm Thị Hương", "Hoàng Phương Thuỳ", "Nguyễn Thị Phương"])
            #expect(try await names("HƯƠNG") == ["Phạm Thị Hương", "Hoàng Phương Thuỳ", "Nguyễn Thị Phương"])
            // Two words: "Thư" spelled as typed counts for more than "Thu".
            #expect(try await names("nguyễn thư") == ["Nguyễn Minh Thư"])
            #expect(try await names("thi thư") == ["Trần Thị Thư", "Đỗ Thị Thu"])
            // An explicit order still wins over relevance.
            #expect(try await names("thư", extra: "&sort=-created_at") == ["Hoàng Phương Thuỳ", "Võ Văn Thuận",
                                                                         "Đỗ Thị Thu", "Lê Văn Thu", "Nguyễn Minh Thư",
                                                                         "Trần Thị Thư"])
            #expect(try await names("thư", extra: "&sort=relevance") == (try await names("thư")))
            // Without q the default stays newest first; relevance without q is newest first too.
            let all = try await api.request(.get, "/v1/candidates", token: token)
            let newest = (all.object["items"] as? [[String: Any]] ?? []).compactMap { $0["full_name"] as? String }
            #expect(newest == Array(Self.names.reversed()))
            let relevance = try await api.request(.get, "/v1/candidates?sort=relevance", token: token)
            #expect((relevance.object["items"] as? [[String: Any]] ?? []).compactMap { $0["full_name"] as? String } == newest)

            // A page at a time, the same order, nobody lost or repeated.
            var paged: [String] = []
            var cursor: String?
            repeat {
                let path = "/v1/candidates?q=th%C6%B0&limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await api.request(.get, path, token: token)
                #expect(page.status == 200, "\(page.text)")
                paged += (page.object["items"] as? [[String: Any]] ?? []).compactMap { $0["full_name"] as? String }
                cursor = page.object["next_cursor"] as? String
            } while cursor != nil && paged.count < 20
            #expect(paged == (try await names("thư")))
            // A cursor of another order is refused, not misread.
            let byDate = try await api.request(.get, "/v1/candidates?limit=1", token: token)
            let dateCursor = try #require(byDate.object["next_cursor"] as? String)
            #expect(try await api.request(.get, "/v1/candidates?q=thu&limit=1&cursor=\(dateCursor)", token: token).status == 422)
        }
    }

    @Test("talent candidate search ranks the same way")
    func cli() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            for name in Self.names {
                #expect(await cli.run("candidate", "add", "--name", name).status == 0)
            }
            let table = await cli.run("candidate", "search", "thư")
            #expect(table.status == 0, "\(table.stderr)")
            let order = ["Nguyễn Minh Thư", "Trần Thị Thư", "Đỗ Thị Thu", "Lê Văn Thu", "Hoàng Phương Thuỳ", "Võ Văn Thuận"]
            let positions = order.map { table.stdout.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "\(table.stdout)")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(table.stdout)")
            let json = try await cli.json("candidate", "search", "huong") as? [[String: Any]] ?? []
            #expect(json.compactMap { $0["full_name"] as? String } == ["Phạm Thị Hương", "Hoàng Phương Thuỳ", "Nguyễn Thị Phương"])
        }
    }
}
