import Foundation
import Hummingbird
import HummingbirdTesting
import TalentAPI
import TalentDomain
import TalentService
import TalentStore
import Testing

@Suite("Server")
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
                #expect(reply.status == .serviceUnavailable)
                #expect(String(buffer: reply.body).contains("\"database\":\"unavailable\""))
                #expect(ContinuousClock.now - started < .seconds(10))
            }
        }
    }

    @Test("openapi.json is OpenAPI 3.1 and documents exactly the routes the router serves")
    func openAPIMatchesRoutes() async throws {
        try await TestDatabase.withServices { services in
            let app = Application(router: APIServer.buildRouter(services))
            let document = try await app.test(.router) { client in
                let reply = try await client.executeRequest(uri: "/openapi.json", method: .get, headers: [:], body: nil)
                #expect(reply.status == .ok)
                return try JSONSerialization.jsonObject(with: Data(reply.body.readableBytesView)) as? [String: Any] ?? [:]
            }
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            let served = Set(APIServer.routes(services).map { "\($0.method.rawValue) \($0.path)" })
            #expect(served == documented, "undocumented: \(served.subtracting(documented)); not served: \(documented.subtracting(served))")
            // Every $ref resolves.
            let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
            let components = document["components"] as? [String: [String: Any]] ?? [:]
            let refs = text.components(separatedBy: "\"$ref\":\"#/components/").dropFirst().map { $0.prefix { $0 != "\"" } }
            for ref in refs {
                let parts = ref.replacingOccurrences(of: "\\/", with: "/").split(separator: "/")
                #expect(components[String(parts[0])]?[String(parts[1])] != nil, "unresolved $ref \(ref)")
            }
        }
    }
}
