import Foundation
import Hummingbird
import HummingbirdTesting
import TalentAPI
import TalentDomain
import TalentService
import TalentStore
import Testing
import Yams

@Suite("Server", .freshDatabase)
struct ServerTests {
    @Test("health is 503 with database unavailable, promptly, when the database cannot be reached")
    func healthWhenDown() async throws {
        let url = DatabaseURL(host: "127.0.0.1", port: 1, user: "talent", password: nil, database: "talent", requireTLS: false)
        let database = Database(url: url, poolSize: 1, logger: TestDatabase.logger)
        let app = Application(router: APIServer.buildRouter(TalentServices(database: database)))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            try await app.test(.router) { client in
                let started = ContinuousClock.now
                let reply = try await client.executeRequest(uri: "/health", method: .get, headers: [:], body: nil)
                    .conforming(.get, "/health")
                #expect(reply.status == .serviceUnavailable)
                #expect(String(buffer: reply.body).contains("\"database\":\"unavailable\""))
                #expect(ContinuousClock.now - started < .seconds(10))
            }
        }
    }

    @Test("health names the read replica's state when one is configured: ok with no lag on a server not in recovery, unavailable within a second or two when it does not answer")
    func healthWithReplica() async throws {
        try await TestDatabase.withDatabase { test in
            let down = DatabaseURL(host: "127.0.0.1", port: 1, user: "talent", password: nil, database: "talent", requireTLS: false)
            for (readURL, expected) in [(test.url, "ok"), (down, "unavailable")] {
                let database = Database(url: test.url, readURL: readURL, poolSize: 1, logger: TestDatabase.logger)
                let app = Application(router: APIServer.buildRouter(TalentServices(database: database)))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await database.run() }
                    defer { group.cancelAll() }
                    // The first connections are opened here, not by /health (see APITests.health).
                    _ = await database.isReachable(timeout: .seconds(20))
                    if expected == "ok" { _ = await database.replicaState(timeout: .seconds(20)) }
                    try await app.test(.router) { client in
                        let started = ContinuousClock.now
                        let reply = try await client.executeRequest(uri: "/health", method: .get, headers: [:], body: nil)
                            .conforming(.get, "/health")
                        let body = try JSONSerialization.jsonObject(with: Data(String(buffer: reply.body).utf8)) as? [String: Any] ?? [:]
                        #expect(reply.status == .ok, "a replica never makes the answer 503")
                        #expect(body["database"] as? String == "ok")
                        #expect(body["replica"] as? String == expected, "\(body)")
                        if expected == "ok" {
                            #expect(body["replica_lag_seconds"] as? Double == 0)
                            #expect(body["replica_lag_bytes"] as? Int == 0)
                        } else {
                            #expect(body["replica_lag_seconds"] is NSNull)
                        }
                        #expect(ContinuousClock.now - started < .seconds(4))
                    }
                }
            }
        }
        // Without a read URL the answer is as the contract shows it: no replica field.
        try await APIHarness.with { api in
            _ = try await api.count("agencies")
            #expect(try await api.request(.get, "/health").object["replica"] == nil)
        }
    }

    @Test("openapi.json is OpenAPI 3.1 and documents exactly the routes the router serves")
    func openAPIMatchesRoutes() async throws {
        try await APIHarness.with { api in
            let reply = try await api.request(.get, "/openapi.json")
            #expect(reply.status == 200)
            let document = reply.object
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            let served = Set(APIServer.routes(api.services).map { "\($0.method.rawValue) \($0.path)" })
            #expect(served == documented, "undocumented: \(served.subtracting(documented)); not served: \(documented.subtracting(served))")
            // Every $ref resolves.
            let contract = OpenAPIContract(document: try JSONInstance.parse(reply.body))
            let refs = Self.references(in: contract.document)
            #expect(refs.count > 20)
            for ref in refs {
                #expect(ref.hasPrefix("#/components/") && contract.validator.resolve(ref) != nil, "unresolved $ref \(ref)")
            }
        }
    }

    @Test("openapi.yaml is served as the repository's file, and openapi.json says the same, the same bytes every time")
    func openAPIYAMLAndJSONAgree() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TalentAPI/openapi.yaml")
        let source = try Data(contentsOf: file)
        try await APIHarness.with { api in
            let yaml = try await api.request(.get, "/openapi.yaml")
            #expect(yaml.status == 200)
            #expect(yaml.contentType.hasPrefix("application/yaml"))
            #expect(yaml.body == source, "the served YAML is not the file in Sources/TalentAPI")
            let json = try await api.request(.get, "/openapi.json")
            #expect(json.contentType.hasPrefix("application/json"))
            #expect(try await api.request(.get, "/openapi.json").body == json.body)
            let loaded = try #require(try Yams.load(yaml: yaml.text))
            let fromYAML = try #require(JSONInstance(loaded: loaded))
            #expect(try JSONInstance.parse(json.body) == fromYAML)
        }
    }

    static func references(in node: JSONInstance) -> Set<String> {
        switch node {
        case .object(let members):
            var refs = members["$ref"]?.string.map { Set([$0]) } ?? []
            for member in members.values { refs.formUnion(references(in: member)) }
            return refs
        case .array(let items):
            return items.reduce(into: Set<String>()) { $0.formUnion(references(in: $1)) }
        default:
            return []
        }
    }
}
