import Foundation
import HTTPTypes
import PostgresNIO
import TalentDomain
import TalentStore
import Testing

/// What a hostile or broken client can send, tried on every operation openapi.yaml declares: each answer is a short
/// 4xx problem, never a 5xx, and nothing is written.
@Suite("Hostile input", .freshDatabase)
struct HostileInputTests {
    /// What a request could have written: every table's rows but the entries that log reads (a read, a search by an
    /// identifier, an export).
    static func written(_ api: APIHarness) async throws -> [Int] {
        try await api.services.database.withConnection { connection in
            let rows = try await connection.query("""
                SELECT (SELECT count(*) FROM candidates)::int, (SELECT count(*) FROM applications)::int,
                       (SELECT count(*) FROM referrals)::int, (SELECT count(*) FROM nominations)::int,
                       (SELECT count(*) FROM agencies)::int, (SELECT count(*) FROM positions)::int,
                       (SELECT count(*) FROM idempotency_keys)::int,
                       (SELECT count(*) FROM audit_log
                        WHERE action NOT LIKE '%.read' AND action NOT LIKE '%.search' AND action <> 'candidate.export')::int
                """, logger: TestDatabase.logger)
            var counts: [Int] = []
            for try await (a, b, c, d, e, f, g, h) in rows.decode((Int, Int, Int, Int, Int, Int, Int, Int).self) {
                counts = [a, b, c, d, e, f, g, h]
            }
            return counts
        }
    }

    @Test("SQL metacharacters, NUL and huge values in every query parameter of every list: 4xx or an answer, never 5xx, nothing written")
    func queryParameters() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            _ = try await api.request(.post, "/v1/candidates", token: admin, json: ["full_name": "Trần Thị Bích"])
            let before = try await Self.written(api)
            let hostile = ["'; DROP TABLE candidates; --", "%' OR '1'='1", "\\", "\u{0}", "1e400", "99999999999999999999",
                           "-1", "名前", String(repeating: "ẩ", count: 5_000), "$(id)", "full_name desc; --", "\"", "*"]
            var tried = 0
            for operation in ContractSweepTests.v1 where operation.method == .get {
                guard case .array(let parameters)? = operation.operation["parameters"] else { continue }
                for parameter in parameters {
                    let resolved = parameter["$ref"]?.string.flatMap(OpenAPIContract.shared.validator.resolve) ?? parameter
                    guard resolved["in"]?.string == "query", let name = resolved["name"]?.string else { continue }
                    for value in hostile {
                        tried += 1
                        let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                        let path = "\(operation.path(UUID().uuidString))?\(name)=\(encoded)"
                        let reply = try await api.request(.get, path, token: admin)
                        #expect(reply.status < 500, "\(operation) ?\(name)=\(value.prefix(20)): \(reply.status) \(reply.text.prefix(300))")
                        #expect(!reply.text.contains("SQLSTATE") && !reply.text.contains("syntax error at"),
                                "\(operation) ?\(name): \(reply.text.prefix(300))")
                    }
                }
            }
            #expect(tried > 300)
            let after = try await Self.written(api)
            #expect(after == before)
            if after != before {
                let actions = try await api.services.database.withConnection { c in
                    try await c.query("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 5", logger: TestDatabase.logger)
                        .collect().map { try $0.decode(String.self) }
                }
                Issue.record("written: \(before) → \(after), last actions \(actions)")
            }
        }
    }

    /// Bodies that must never be read as a request: each with the status it answers.
    static let bodies: [(String, Data, Int)] = {
        let deep = String(repeating: "{\"a\":", count: 100) + "1" + String(repeating: "}", count: 100)
        let members = "{" + (0..<5_000).map { "\"k\($0)\": 0" }.joined(separator: ",") + "}"
        return [
            ("100 levels deep", Data(deep.utf8), 400),
            ("5,000 members", Data(members.utf8), 400),
            ("a duplicate key", Data(#"{"full_name": "A", "full_name": "B"}"#.utf8), 400),
            ("invalid UTF-8", Data([0x7B, 0x22, 0x66, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]), 400),
            ("a number out of range", Data(#"{"legal_experience_years": 1e400}"#.utf8), 400),
            ("a number that only rounds to a whole one", Data(#"{"legal_experience_years": 2023.0000000000001}"#.utf8), 400),
            ("a NUL byte outside a string", Data([0x7B, 0x00, 0x7D]), 400),
            ("10 MB", Data(repeating: 0x20, count: 10_000_000), 413),
        ]
    }()

    @Test("deep, wide, duplicated, invalid UTF-8, huge numbers and 10 MB bodies on every operation with a body: a short 4xx, nothing written")
    func bodies() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let partner = try await NominationTests.partner(api, code: "HOSTILE")
            let before = try await Self.written(api)
            for operation in ContractSweepTests.v1.filter(\.takesBody) {
                // Submitting is the partners'; triage is staff's.
                let token = operation.template == "/v1/nominations" ? partner : admin
                var headers = operation.headers
                if operation.template == "/v1/nominations" { headers[HTTPField.Name("Idempotency-Key")!] = "hostile" }
                for (what, body, status) in Self.bodies {
                    let reply = try await api.request(operation.method, operation.path(UUID().uuidString), token: token,
                                                      raw: body, headers: headers)
                    #expect(reply.status == status, "\(operation) with \(what): \(reply.status) \(reply.text.prefix(200))")
                    #expect(reply.body.count < 2_000, "\(operation) with \(what): an answer of \(reply.body.count) bytes")
                }
            }
            #expect(try await Self.written(api) == before)
        }
    }

    @Test("900 unknown fields: 422 naming at most 25 of them and counting the rest, in a short answer")
    func manyUnknownFields() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            var body: [String: Any] = ["full_name": "Trần Thị Bích"]
            for i in 0..<900 { body["unknown_\(i)"] = i }
            let reply = try await api.request(.post, "/v1/candidates", token: admin, json: body)
            #expect(reply.status == 422)
            #expect((reply.object["errors"] as? [Any])?.count == ServiceError.maxFieldErrors)
            #expect(reply.object["errors_omitted"] as? Int == 900 - ServiceError.maxFieldErrors)
            #expect(reply.body.count < 8_000, "\(reply.body.count) bytes")
        }
    }

    @Test("a string with NUL, a wrong type, an integer with a fraction: 422 naming the field")
    func fieldValues() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            for (body, field) in [(#"{"full_name": "A\u0000B"}"#, "full_name"),
                                  (#"{"full_name": "A", "legal_experience_years": 2.5}"#, "legal_experience_years"),
                                  (#"{"full_name": ["A"]}"#, "full_name")] {
                let reply = try await api.request(.post, "/v1/candidates", token: admin, raw: Data(body.utf8))
                #expect(reply.status == 422, "\(body): \(reply.status)")
                #expect((reply.object["errors"] as? [[String: Any]])?.first?["field"] as? String == field, "\(reply.text)")
            }
        }
    }

    @Test("PostgreSQL's own messages and constraint names never reach the caller")
    func databaseMessages() async throws {
        try await TestDatabase.withDatabase { database in
            for statement in ["SELECT make_interval(days => 2000000000) * 1000000",
                              "INSERT INTO idempotency_keys (partner_code, key, request_hash, state, response_status, response_body) VALUES ('x', 'k', 'h', 'nope', 1, 'b')",
                              "SELECT 'abc'::int"] {
                do {
                    try await database.withConnection { try await $0.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger) }
                    Issue.record("\(statement) did not fail")
                } catch let error as ServiceError {
                    let text = [error.message.vi, error.message.en] + error.fieldErrors.flatMap { [$0.field, $0.message.en] }
                    for word in ["interval", "idempotency_keys", "_check", "invalid input syntax", "violates"] {
                        #expect(!text.joined(separator: " ").contains(word), "\(statement): \(text)")
                    }
                    #expect(error.kind != .internalFailure || statement.hasPrefix("SELECT make"), "\(statement): \(error)")
                }
            }
        }
    }
}
