import Foundation
import HTTPTypes
import TalentDomain
import Testing

/// The answers every operation gives to the same kinds of bad request, tried on every operation openapi.yaml
/// declares; each answer is also checked against the document by `APIHarness.request`.
@Suite("Every operation's errors", .freshDatabase)
struct ContractSweepTests {
    struct Operation: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var template: String
        var operation: JSONInstance

        var description: String { "\(method.rawValue) \(template)" }

        /// The path with every parameter filled in with `value`.
        func path(_ value: String) -> String {
            template.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                segment.hasPrefix("{") ? value : String(segment)
            }.joined(separator: "/")
        }

        var takesBody: Bool { operation["requestBody"]?["content"]?["application/json"] != nil }

        func takes(_ parameter: String) -> Bool {
            guard case .array(let parameters)? = operation["parameters"] else { return false }
            return parameters.contains { $0["$ref"]?.string == "#/components/parameters/\(parameter)" }
        }

        /// PATCH needs If-Match before anything else is read.
        var headers: HTTPFields { method == .patch ? [.ifMatch: "\"1\""] : [:] }
    }

    static let operations: [Operation] = {
        let paths = OpenAPIContract.shared.document["paths"]?.object ?? [:]
        return paths.keys.sorted().flatMap { template in
            (paths[template]?.object ?? [:]).keys.sorted().compactMap { verb -> Operation? in
                guard let method = HTTPRequest.Method(verb.uppercased()), ["GET", "POST", "PATCH"].contains(method.rawValue),
                      let operation = paths[template]?[verb]
                else { return nil }
                return Operation(method: method, template: template, operation: operation)
            }
        }
    }()

    static var v1: [Operation] { operations.filter { $0.template.hasPrefix("/v1/") } }

    @Test("the successful answers no other test reads: applications, partners, a partner, retiring a rubric, a ranking")
    func successes() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let application = try await EvaluationTests.application(api)
            _ = try await api.services.partners.add(ValidPartner(PartnerDraft(code: "ULAW", name: "Trường Đại học Luật", kind: nil)), by: .testAdmin)

            let applications = try await api.request(.get, "/v1/applications?candidate_id=\(application.candidateID.text)",
                                                     token: hr)
            #expect(applications.status == 200)
            #expect((applications.object["items"] as? [Any])?.count == 1)
            let partners = try await api.request(.get, "/v1/partners?limit=1", token: hr)
            #expect(partners.status == 200)
            #expect((partners.object["items"] as? [[String: Any]])?.first?["code"] as? String == "ULAW")
            #expect(try await api.request(.get, "/v1/partners/ulaw", token: hr).status == 200)
            let ranking = try await api.request(.get, "/v1/positions/\(application.positionID.text)/ranking", token: hr)
            #expect(ranking.status == 200)
            #expect((ranking.object["items"] as? [[String: Any]])?.first?["application_id"] as? String
                == application.id.text)

            let rubric = try #require(try await api.request(.post, "/v1/rubrics", token: hr,
                                                             json: EvaluationTests.rubricBody).object["id"] as? String)
            #expect(try await api.request(.post, "/v1/rubrics/\(rubric)/publish", token: hr).status == 200)
            let retired = try await api.request(.post, "/v1/rubrics/\(rubric)/retire", token: hr)
            #expect(retired.status == 200)
            #expect(retired.object["status"] as? String == "retired")
        }
    }

    @Test("every /v1 operation without a token is a 401 problem")
    func unauthenticated() async throws {
        try await APIHarness.with { api in
            // Signing in is how one gets a token: the one /v1 operation open to all (AccountTests covers it).
            for operation in Self.v1 where !(operation.method == .post && operation.template == "/v1/sessions") {
                let reply = try await api.request(operation.method, operation.path(UUID().uuidString), json: [:])
                #expect(reply.status == 401, "\(operation)")
                #expect(reply.headers[.wwwAuthenticate] == "Bearer", "\(operation)")
            }
        }
    }

    @Test("every list answers 422 to a limit out of range or not a number, and to a cursor it did not hand out")
    func pages() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.admin)
            let lists = Self.v1.filter { $0.takes("limit") }
            #expect(lists.count >= 8)
            for operation in lists {
                let path = operation.path(UUID().uuidString)
                for query in ["limit=201", "limit=0", "limit=ten"] + (operation.takes("cursor") ? ["cursor=%25%25"] : []) {
                    let reply = try await api.request(.get, "\(path)?\(query)", token: token)
                    #expect(reply.status == 422, "\(operation) ?\(query)")
                }
            }
        }
    }

    @Test("every operation with a body: malformed JSON 400, not JSON 415, over 1 MiB 413, an unknown field 422")
    func bodies() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let partner = try await NominationTests.partner(api, code: "SWEEP")
            let withBody = Self.v1.filter(\.takesBody)
            #expect(withBody.count >= 15)
            let large = Data(("{\"notes\": \"" + String(repeating: "x", count: 1_100_000) + "\"}").utf8)
            for operation in withBody {
                let path = operation.path(UUID().uuidString)
                let headers = operation.headers
                // The role is checked before the body: each route is tried by a caller who may call it.
                // Submitting is the partners'; triage is staff's.
                let token = operation.template == "/v1/nominations" ? partner : admin
                let malformed = try await api.request(operation.method, path, token: token, raw: Data("{\"a\":".utf8),
                                                      headers: headers)
                #expect(malformed.status == 400, "\(operation)")
                var text = headers
                text[.contentType] = "text/plain"
                let notJSON = try await api.request(operation.method, path, token: token, raw: Data("hello".utf8),
                                                    headers: text)
                #expect(notJSON.status == 415, "\(operation)")
                let tooLarge = try await api.request(operation.method, path, token: token, raw: large, headers: headers)
                #expect(tooLarge.status == 413, "\(operation)")
                let unknown = try await api.request(operation.method, path, token: token,
                                                    json: ["no_such_field": 1], headers: headers)
                #expect(unknown.status == 422, "\(operation)")
                #expect((unknown.object["errors"] as? [[String: Any]])?.contains { $0["field"] as? String == "no_such_field" }
                    == true, "\(operation): \(unknown.text)")
            }
        }
    }

    @Test("every query parameter the document constrains (enum, format, integer, boolean) answers 422 outside it")
    func queryParameters() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.admin)
            let contract = OpenAPIContract.shared
            var tried = 0
            for operation in Self.v1 where operation.method == .get {
                guard case .array(let parameters)? = operation.operation["parameters"] else { continue }
                for parameter in parameters {
                    let resolved = parameter["$ref"]?.string.flatMap(contract.validator.resolve) ?? parameter
                    guard resolved["in"]?.string == "query", let name = resolved["name"]?.string,
                          name != "limit", name != "cursor", var schema = resolved["schema"] else { continue }
                    if let reference = schema["$ref"]?.string, let target = contract.validator.resolve(reference) {
                        schema = target
                    }
                    let probe = "zz!"
                    let patternRefuses = schema["pattern"]?.string.map { pattern in
                        (try? NSRegularExpression(pattern: pattern))?.firstMatch(
                            in: probe, range: NSRange(probe.startIndex..., in: probe)) == nil
                    } ?? false
                    let constrained = schema["enum"] != nil || schema["format"] != nil || patternRefuses
                        || ["integer", "boolean"].contains(schema["type"]?.string ?? "")
                    guard constrained else { continue }
                    tried += 1
                    let reply = try await api.request(.get, "\(operation.path(UUID().uuidString))?\(name)=zz%21", token: token)
                    #expect(reply.status == 422, "\(operation) ?\(name)=zz!: \(reply.status)")
                }
            }
            #expect(tried >= 20)
        }
    }

    @Test("every PATCH needs If-Match: missing or empty is 428; a tag that is no version never matches, 412")
    func versions() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.admin)
            let patches = Self.v1.filter { $0.method == .patch }
            #expect(patches.count >= 3)
            for operation in patches {
                let path = operation.path(UUID().uuidString)
                #expect(try await api.request(.patch, path, token: token, json: [:]).status == 428, "\(operation)")
                #expect(try await api.request(.patch, path, token: token, json: [:], headers: [.ifMatch: ""]).status == 428,
                        "\(operation)")
                #expect(try await api.request(.patch, path, token: token, json: [:], headers: [.ifMatch: "\"v2\""]).status
                    == 412, "\(operation)")
            }
        }
    }

    @Test("every operation of one record: an id that does not exist is 404, one that is no UUID 422")
    func records() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let partner = try await NominationTests.partner(api, code: "RECORDS")
            for operation in Self.v1 where operation.template.contains("{id}") {
                // A partner attaches documents to its nominations; everything else here is staff's.
                let token = operation.template == "/v1/nominations/{id}/documents" ? partner : admin
                let body: Any? = operation.takesBody ? [String: Any]() : nil
                let missing = try await api.request(operation.method, operation.path(UUID().uuidString), token: token,
                                                    json: body, headers: operation.headers)
                #expect([404, 422].contains(missing.status), "\(operation): \(missing.status)")
                let malformed = try await api.request(operation.method, operation.path("not-a-uuid"), token: token,
                                                      json: body, headers: operation.headers)
                #expect([404, 422].contains(malformed.status), "\(operation): \(malformed.status)")
            }
            for operation in Self.v1 where operation.template.contains("{code}") {
                let body: Any? = operation.takesBody ? [String: Any]() : nil
                let missing = try await api.request(operation.method, operation.path("NO-SUCH-PARTNER"), token: admin,
                                                    json: body, headers: operation.headers)
                #expect([404, 422].contains(missing.status), "\(operation): \(missing.status)")
            }
        }
    }
}
