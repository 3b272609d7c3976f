import Foundation
import HTTPTypes
import TalentAPI
import TalentDomain
import TalentService
import Testing

@Suite("JSON API", .freshDatabase)
struct APITests {
    @Test("health answers ok while the database is up")
    func health() async throws {
        try await APIHarness.with { api in
            // The pool's first connection is opened by this query, not by /health: its 2-second limit is for an
            // answering database, and a machine running the whole suite in parallel may take longer to connect.
            _ = try await api.count("agencies")
            let reply = try await api.request(.get, "/health")
            #expect(reply.status == 200)
            #expect(reply.object["status"] as? String == "ok")
            #expect(reply.object["database"] as? String == "ok")
            #expect(reply.headers[HTTPField.Name("X-Request-Id")!] != nil)
        }
    }

    @Test("a candidate posted reads back byte-identical, NFC, with an ETag, and is audited as api")
    func candidateRoundTrip() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr, name: "Trần Minh Đức")
            let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Minh Thu\u{031B}"
            let created = try await api.request(.post, "/v1/candidates", token: token, json: [
                "full_name": nfd, "date_of_birth": "2001-05-14", "citizen_id": "082301000123",
                "email": "Thu.Nguyen@Example.edu.vn", "phone": "0912 345 678",
            ])
            #expect(created.status == 201)
            let id = try #require(created.object["id"] as? String)
            #expect(created.headers[.location] == "/v1/candidates/\(id)")
            #expect(id == id.lowercased())

            let read = try await api.request(.get, "/v1/candidates/\(id)", token: token)
            #expect(read.status == 200)
            #expect(read.headers[.eTag] == "\"1\"")
            let name = try #require(read.object["full_name"] as? String)
            #expect(Array(name.utf8) == Array("Nguyễn Thị Minh Thư".utf8))
            #expect(read.text.contains("Nguyễn Thị Minh Thư"))
            #expect(read.object["phone"] as? String == "+84912345678")
            #expect(read.object["email"] as? String == "thu.nguyen@example.edu.vn")
            #expect(read.object["date_of_birth"] as? String == "2001-05-14")
            #expect(read.object["version"] as? Int == 1)
            for field in ["citizen_id", "created_at", "updated_at"] { #expect(read.object[field] != nil) }

            let audit = try await api.services.audit.list(entity: AuditEntity(parsing: "candidate:\(id)"), page: PageRequest(), by: .testAdmin)
            #expect(audit.items.count == 1)
            #expect(audit.items.first?.actor == "Trần Minh Đức")
            #expect(audit.items.first?.channel == .api)
            #expect(audit.items.first?.action == "candidate.add")
        }
    }

    @Test("missing, unknown, revoked and expired tokens are 401 problems")
    func authentication() async throws {
        try await APIHarness.with { api in
            let missing = try await api.request(.get, "/v1/candidates")
            #expect(missing.status == 401)
            #expect(missing.contentType == "application/problem+json")
            #expect(missing.headers[.wwwAuthenticate] == "Bearer")
            #expect(try await api.request(.get, "/v1/candidates", token: "tlt_nope").status == 401)
            #expect(try await api.request(.get, "/v1/candidates", headers: [.authorization: "Basic YTpi"]).status == 401)

            let user = try await api.services.users.add(try NewStaffUser(name: "Lê Văn Hải", role: "hr", agencyCode: nil, email: nil), by: .testAdmin)
            let issued = try await api.services.tokens.issue(try TokenRequest(userID: user.id.text, expiresInDays: nil), by: .testAdmin)
            #expect(try await api.request(.get, "/v1/candidates", token: issued.token).status == 200)
            _ = try await api.services.tokens.revoke(issued.record.id, by: .testAdmin)
            #expect(try await api.request(.get, "/v1/candidates", token: issued.token).status == 401)

            let other = try await api.services.tokens.issue(try TokenRequest(userID: user.id.text, expiresInDays: 1), by: .testAdmin)
            try await api.services.database.withConnection { c in
                try await c.query("""
                    UPDATE access_tokens SET created_at = now() - interval '3 days', expires_at = now() - interval '1 day'
                    WHERE id = \(other.record.id)
                    """, logger: TestDatabase.logger)
            }
            #expect(try await api.request(.get, "/v1/candidates", token: other.token).status == 401)
        }
    }

    @Test("roles are enforced by the service layer: 403 with a problem")
    func roles() async throws {
        try await APIHarness.with { api in
            let evaluator = try await api.token(.evaluator)
            let leadership = try await api.token(.leadership)
            let hr = try await api.token(.hr)
            let denied = try await api.request(.post, "/v1/candidates", token: evaluator, json: ["full_name": "Võ Văn A"])
            #expect(denied.status == 403)
            #expect(denied.contentType == "application/problem+json")
            #expect(try await api.count("candidates") == 0)
            #expect(try await api.request(.get, "/v1/candidates", token: evaluator).status == 200)
            #expect(try await api.request(.get, "/v1/audit", token: leadership).status == 200)
            #expect(try await api.request(.get, "/v1/audit", token: hr).status == 403)
            #expect(try await api.request(.get, "/v1/agencies", token: evaluator).status == 200)
        }
    }

    @Test("every malformed request is a 4xx problem and writes nothing")
    func badInput() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            let auditBefore = try await api.count("audit_log")
            let cases: [(String, Data?, Any?, HTTPFields, Int, String?)] = [
                ("malformed JSON", Data("{\"full_name\": ".utf8), nil, [:], 400, nil),
                ("not an object", Data("[1,2]".utf8), nil, [:], 400, nil),
                ("empty body", Data(), nil, [:], 400, nil),
                ("a NUL byte in the JSON text", Data("{\"full_name\": \"A\u{0}\"}".utf8), nil, [:], 400, nil),
                ("wrong type", nil, ["full_name": 42], [:], 422, "full_name"),
                ("wrong type for a date", nil, ["full_name": "An", "date_of_birth": 20010514], [:], 422, "date_of_birth"),
                ("unknown field", nil, ["full_name": "An", "nickname": "Bé"], [:], 422, "nickname"),
                ("escaped NUL character", Data(#"{"full_name": "An\u0000"}"#.utf8), nil, [:], 422, "full_name"),
                ("missing name", nil, ["email": "a@example.vn"], [:], 422, "full_name"),
                ("bad citizen ID", nil, ["full_name": "An", "citizen_id": "12345"], [:], 422, "citizen_id"),
                ("bad phone", nil, ["full_name": "An", "phone": "12"], [:], 422, "phone"),
                ("bad e-mail", nil, ["full_name": "An", "email": "nope"], [:], 422, "email"),
                ("impossible date", nil, ["full_name": "An", "date_of_birth": "2001-02-30"], [:], 422, "date_of_birth"),
                ("not JSON at all", Data("full_name=An".utf8), nil, [.contentType: "application/x-www-form-urlencoded"], 415, nil),
            ]
            for (label, raw, json, headers, status, field) in cases {
                let reply = try await api.request(.post, "/v1/candidates", token: token, json: json, raw: raw, headers: headers)
                #expect(reply.status == status, "\(label)")
                #expect(reply.contentType == "application/problem+json", "\(label)")
                #expect(reply.object["status"] as? Int == status, "\(label)")
                #expect((reply.object["type"] as? String).flatMap(URL.init(string:))?.path.hasPrefix("/problems/") == true, "\(label)")
                #expect(reply.object["title"] is String && reply.object["detail"] is String, "\(label)")
                if let field {
                    let errors = reply.object["errors"] as? [[String: Any]] ?? []
                    #expect(errors.contains { $0["field"] as? String == field }, "\(label): \(reply.text)")
                }
            }
            let big = Data(("{\"full_name\": \"" + String(repeating: "a", count: 1_100_000) + "\"}").utf8)
            let tooLarge = try await api.request(.post, "/v1/candidates", token: token, raw: big)
            #expect(tooLarge.status == 413)
            #expect(tooLarge.contentType == "application/problem+json")

            #expect(try await api.count("candidates") == 0)
            #expect(try await api.count("audit_log") == auditBefore)
        }
    }

    @Test("unknown routes are 404, other methods 405 with Allow, bad ids 422 and unknown ids 404")
    func routing() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            let notFound = try await api.request(.get, "/v1/nothing-here", token: token)
            #expect(notFound.status == 404)
            #expect(notFound.contentType == "application/problem+json")
            #expect(try await api.request(.get, "/nowhere").status == 404)
            let wrongMethod = try await api.request(.delete, "/v1/candidates", token: token)
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers[.allow]?.contains("POST") == true)
            #expect(wrongMethod.contentType == "application/problem+json")
            #expect(try await api.request(.put, "/health").status == 405)
            #expect(try await api.request(.get, "/v1/candidates/not-a-uuid", token: token).status == 422)
            #expect(try await api.request(.get, "/v1/candidates/\(UUID().uuidString)", token: token).status == 404)
            #expect(try await api.request(.get, "/v1/candidates?limit=0", token: token).status == 422)
            #expect(try await api.request(.get, "/v1/candidates?limit=abc", token: token).status == 422)
            #expect(try await api.request(.get, "/v1/candidates?cursor=%%%", token: token).status == 422)
        }
    }

    @Test("a second profile with the same citizen ID, e-mail or phone is a 409 naming the first")
    func duplicates() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            let first = try await api.request(.post, "/v1/candidates", token: token, json: [
                "full_name": "Phạm Thị Thu Hà", "citizen_id": "082301000999", "email": "ha@example.vn", "phone": "0987654321",
            ])
            let id = try #require(first.object["id"] as? String)
            for body in [
                ["full_name": "Ha Pham", "citizen_id": "082301000999"],
                ["full_name": "Ha Pham", "email": "HA@example.vn"],
                ["full_name": "Ha Pham", "phone": "+84 987 654 321"],
            ] {
                let again = try await api.request(.post, "/v1/candidates", token: token, json: body)
                #expect(again.status == 409)
                #expect(again.object["existing_id"] as? String == id)
            }
            #expect(try await api.count("candidates") == 1)
        }
    }

    @Test("search ignores accents and case, đ matches d, and pages with a cursor")
    func searchAndPages() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            for name in ["Đặng Văn Đức", "Nguyễn Thị Minh Thư", "Trần Quốc Dũng", "Lê Thị Đào", "Hồ Ngọc Ánh"] {
                #expect(try await api.request(.post, "/v1/candidates", token: token, json: ["full_name": name]).status == 201)
            }
            func names(_ query: String) async throws -> Set<String> {
                let reply = try await api.request(.get, "/v1/candidates?q=\(query)", token: token)
                #expect(reply.status == 200)
                return Set((reply.object["items"] as? [[String: Any]] ?? []).compactMap { $0["full_name"] as? String })
            }
            #expect(try await names("dang%20van%20duc") == ["Đặng Văn Đức"])
            #expect(try await names("DUNG") == ["Trần Quốc Dũng"])
            #expect(try await names("%C4%91%C3%A0o") == ["Lê Thị Đào"])  // "đào"
            #expect(try await names("thi") == ["Nguyễn Thị Minh Thư", "Lê Thị Đào"])
            #expect(try await names("anh") == ["Hồ Ngọc Ánh"])
            #expect(try await names("zzz").isEmpty)

            var seen: [String] = []
            var cursor: String?
            repeat {
                let path = "/v1/candidates?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await api.request(.get, path, token: token)
                let items = page.object["items"] as? [[String: Any]] ?? []
                #expect(items.count <= 2)
                seen += items.compactMap { $0["id"] as? String }
                cursor = page.object["next_cursor"] as? String
            } while cursor != nil
            #expect(seen.count == 5)
            #expect(Set(seen).count == 5)
        }
    }

    @Test("problems speak English when asked")
    func english() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.hr)
            let vi = try await api.request(.post, "/v1/candidates", token: token, json: ["full_name": "An", "phone": "1"])
            let en = try await api.request(.post, "/v1/candidates", token: token, json: ["full_name": "An", "phone": "1"],
                                           headers: [.acceptLanguage: "en"])
            #expect((vi.object["detail"] as? String)?.contains("không") == true)
            #expect((en.object["detail"] as? String)?.contains("Invalid input") == true)
            #expect(en.object["title"] as? String == "Unprocessable Content")
        }
    }

    @Test("agencies list the plan's departments, STP first among equals")
    func agencies() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.leadership)
            let reply = try await api.request(.get, "/v1/agencies", token: token)
            let items = reply.object["items"] as? [[String: Any]] ?? []
            let stp = items.first { $0["code"] as? String == "STP" }
            #expect(stp?["name"] as? String == "Sở Tư pháp")
            #expect(items.contains { $0["name"] as? String == "Sở Nội vụ" })
            #expect(items.contains { $0["kind"] as? String == "district" })
        }
    }
}
