import Foundation
import Testing

/// Query parameters are read like body fields: a repeated parameter, a boolean other than
/// `true`/`false` and a value outside its enum are each a 422 naming the parameter, all of them in one answer.
@Suite("Query parameters", .freshDatabase)
struct QueryParameterTests {
    /// The `errors[].field` of a 422 validation problem.
    static func fields(_ reply: APIHarness.Reply) -> [String] {
        (reply.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    static func expectInvalid(_ reply: APIHarness.Reply, _ fields: [String],
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == 422, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.contentType == "application/problem+json", sourceLocation: sourceLocation)
        #expect((reply.object["type"] as? String)?.hasSuffix("/validation") == true, sourceLocation: sourceLocation)
        #expect(Self.fields(reply) == fields, "\(reply.text)", sourceLocation: sourceLocation)
    }

    @Test("a parameter given twice is refused, whether the values agree or not")
    func repeated() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let get = { (path: String) in try await api.request(.get, path, token: admin) }
            Self.expectInvalid(try await get("/v1/positions?limit=5&limit=6"), ["limit"])
            Self.expectInvalid(try await get("/v1/positions?limit=5&limit=5"), ["limit"])
            Self.expectInvalid(try await get("/v1/candidates?q=an&q=binh"), ["q"])
            Self.expectInvalid(try await get("/v1/agencies?kind=district&kind=commune"), ["kind"])
        }
    }

    @Test("an empty value counts as absent, as a form's 'all' choice sends it")
    func emptyValues() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let get = { (path: String) in try await api.request(.get, path, token: admin) }
            let all = try await get("/v1/positions")
            let filteredByNothing = try await get("/v1/positions?kind=&status=&limit=&cursor=")
            #expect(filteredByNothing.status == 200)
            #expect(filteredByNothing.text == all.text)
            for path in ["/v1/audit?since=&actor=&entity=", "/v1/assignments?evaluator_id=&status=",
                         "/v1/reports/pipeline?to=&from=&agency=&group_by=", "/v1/reports/referrers?referrer_kind=",
                         "/v1/rubrics?status=", "/v1/applications?agency=&stage=", "/v1/candidates?q=&graduation_year=",
                         "/v1/agencies?include_retired"] {
                #expect(try await get(path).status == 200, "\(path)")
            }
            // Empty is absent, not a wildcard for a bad value: a value outside the schema is still refused.
            Self.expectInvalid(try await get("/v1/audit?since=yesterday&actor="), ["since"])
        }
    }

    @Test("a boolean is true or false; an enum value is one of the domain's cases, spelled exactly")
    func booleansAndEnums() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let get = { (path: String) in try await api.request(.get, path, token: admin) }
            for value in ["1", "yes", "TRUE", "null", "42874"] {
                Self.expectInvalid(try await get("/v1/referrals?credited=\(value)"), ["credited"])
            }
            let application = "00000000-0000-4000-8000-000000000001"
            Self.expectInvalid(try await get("/v1/applications/\(application)/evaluations?history=42874"), ["history"])
            Self.expectInvalid(try await get("/v1/rubrics?status=Published"), ["status"])
            Self.expectInvalid(try await get("/v1/positions?kind=lawyer"), ["kind"])
            Self.expectInvalid(try await get("/v1/reports/pipeline?group_by=month"), ["group_by"])
        }
    }

    @Test("every bad parameter is named in one answer")
    func everyError() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let get = { (path: String) in try await api.request(.get, path, token: admin) }
            let reply = try await get(
                "/v1/candidates?stage=hire&sort=name1&graduation_year=20x3&position_id=42&created_from=2024-02-30&limit=0")
            #expect(reply.status == 422)
            #expect(Set(Self.fields(reply))
                == ["stage", "sort", "graduation_year", "position_id", "created_from", "limit"])
            Self.expectInvalid(try await get("/v1/agencies?limit=201"), ["limit"])
            Self.expectInvalid(try await get("/v1/audit?since=2024-1-1&actor=a%01b"),
                               ["actor", "since"])
        }
    }

    @Test("valid values still work")
    func validValues() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let get = { (path: String) in try await api.request(.get, path, token: admin) }
            let agencies = try await get("/v1/agencies?include_retired=false&kind=department&limit=5")
            #expect(agencies.status == 200, "\(agencies.text)")
            let items = agencies.object["items"] as? [[String: Any]] ?? []
            #expect((1...5).contains(items.count))
            #expect(items.allSatisfy { $0["kind"] as? String == "department" })
            #expect(try await get("/v1/agencies?include_retired=true").status == 200)
            #expect(try await get("/v1/referrals?credited=true&referrer_kind=partner").status == 200)
            #expect(try await get("/v1/referrals?credited=false").status == 200)
            #expect(try await get("/v1/audit?since=2024-01-01&actor=Ai%20%C4%91%C3%B3").status == 200)
            #expect(try await get("/v1/rubrics?status=published").status == 200)
            #expect(try await get("/v1/positions?agency=stp&kind=other&status=open").status == 200)
            #expect(try await get("/v1/assignments?status=assigned&limit=200").status == 200)
            let pipeline = try await get(
                "/v1/reports/pipeline?agency=STP&from=2024-01-01&to=2030-12-31&group_by=agency")
            #expect(pipeline.status == 200, "\(pipeline.text)")
            #expect(pipeline.object["agency"] as? String == "STP")
            let candidates = try await api.request(
                .get, "/v1/candidates?q=Nguy%E1%BB%85n&stage=nominated&sector=state&degree=bachelor&graduation_year=2023"
                    + "&created_from=2024-01-01&created_to=2030-12-31&sort=name&limit=10", token: admin)
            #expect(candidates.status == 200, "\(candidates.text)")
        }
    }
}
