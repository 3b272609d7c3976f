import Foundation
import TalentDomain
import Testing

/// Issue 11, item 7: a problem's `type` is a page that exists and says what the problem means.
@Suite("Problem type pages", .freshDatabase)
struct ProblemPageTests {
    /// Every slug the sources can answer with: `slug: "…"` in Sources/, and ServiceError's defaults.
    static func slugsInSources() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
            .standardizedFileURL
        var slugs: Set<String> = ["validation", "unauthenticated", "forbidden", "not-found", "conflict", "stale-version",
                                  "unavailable", "internal"]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        let pattern = try NSRegularExpression(pattern: #"slug: "([a-z0-9-]+)""#)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                slugs.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return slugs
    }

    @Test("every problem the code can answer with has a page, in Vietnamese and English")
    func everySlugHasAPage() throws {
        let slugs = try Self.slugsInSources()
        #expect(slugs.count > 30)
        let catalogued = Set(ProblemType.all.map(\.slug))
        #expect(slugs.subtracting(catalogued).isEmpty, "no page for \(slugs.subtracting(catalogued).sorted())")
        #expect(catalogued.count == ProblemType.all.count, "a slug listed twice")
        for type in ProblemType.all {
            #expect(type.title.vi != type.title.en && type.explanation.vi != type.explanation.en, "\(type.slug)")
        }
    }

    /// Over a socket the type names the host asked (Tests/smoke.sh checks it with curl); the router client here sends
    /// no authority, so the type falls back to the province's public address.
    @Test("a problem's type ends in its slug, and /problems/{slug} explains it; an unknown one is 404")
    func typeURIResolves() async throws {
        try await APIHarness.with { api in
            let refused = try await api.request(.get, "/v1/candidates?limit=0", token: try await api.token(.hr))
            #expect(refused.status == 422)
            let type = try #require(refused.object["type"] as? String)
            #expect(type.hasSuffix("/problems/validation"))
            let page = try await api.request(.get, "/problems/validation")
            #expect(page.status == 200)
            #expect(page.contentType.hasPrefix("text/html"))
            #expect(page.text.contains("Dữ liệu không hợp lệ") && page.text.contains("Invalid input"))
            let english = try await api.request(.get, "/problems/validation", headers: [.acceptLanguage: "en"])
            #expect(english.text.contains("<html lang=\"en\">"))
            let index = try await api.request(.get, "/problems")
            #expect(index.status == 200 && index.text.contains("/problems/quota-exceeded"))
            let unknown = try await api.request(.get, "/problems/no-such-thing")
            #expect(unknown.status == 404)
            #expect(unknown.contentType == "application/problem+json")
        }
    }
}
