import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import TalentAPI
import TalentDomain
import TalentService
import TalentStore
import Testing

/// The API over a fresh test database, through HummingbirdTesting's router client.
struct APIHarness: Sendable {
    let services: TalentServices
    let client: any TestClientProtocol

    struct Reply: Sendable {
        var status: Int
        var headers: HTTPFields
        var body: Data

        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        var contentType: String { headers[.contentType] ?? "" }
    }

    /// Runs `body` with the API of a fresh database.
    static func with<T: Sendable>(requireCompletePanel: Bool? = nil,
                                  _ body: @Sendable @escaping (APIHarness) async throws -> T) async throws -> T {
        try await TestDatabase.withServices(requireCompletePanel: requireCompletePanel) { services in
            let app = Application(router: APIServer.buildRouter(services))
            return try await app.test(.router) { client in
                try await body(APIHarness(services: services, client: client))
            }
        }
    }

    /// Runs `body` with the API of a fresh database and services of these settings (the cheapest bcrypt cost).
    static func with<T: Sendable>(settings: ServiceSettings,
                                  _ body: @Sendable @escaping (APIHarness) async throws -> T) async throws -> T {
        var settings = settings
        settings.sessions.bcryptCost = 4
        return try await TestDatabase.withDatabase { [settings] database in
            let services = TalentServices(database: database, settings: settings)
            let app = Application(router: APIServer.buildRouter(services))
            return try await app.test(.router) { client in
                try await body(APIHarness(services: services, client: client))
            }
        }
    }

    /// A staff user of the role and a token acting as them.
    func token(_ role: Role, name: String = "Người dùng kiểm thử") async throws -> String {
        let user = try await services.users.add(try NewStaffUser(name: name, role: role.rawValue, agencyCode: "STP", email: nil, scope: "province"),
                                                by: .testAdmin)
        return try await services.tokens.issue(try TokenRequest(userID: user.id.text, expiresInDays: 30), by: .testAdmin).token
    }

    /// A staff user of the role, with their id and a token acting as them.
    func user(_ role: Role, name: String) async throws -> (id: String, token: String) {
        let user = try await services.users.add(try NewStaffUser(name: name, role: role.rawValue, agencyCode: "STP", email: nil, scope: "province"),
                                                by: .testAdmin)
        return (user.id.text, try await services.tokens.issue(try TokenRequest(userID: user.id.text, expiresInDays: 30), by: .testAdmin).token)
    }

    /// Sends a request; the response is checked against the schema openapi.yaml declares for the operation, and
    /// every mismatch is a test issue at the caller's line.
    func request(_ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: Any? = nil,
                 raw: Data? = nil, headers: HTTPFields = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> Reply {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            if headers[.contentType] == nil { headers[.contentType] = "application/json" }
        } else if let raw {
            body = ByteBuffer(bytes: raw)
            if headers[.contentType] == nil { headers[.contentType] = "application/json" }
        }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: body)
        let reply = Reply(status: Int(response.status.code), headers: response.headers,
                          body: Data(response.body.readableBytesView))
        OpenAPIContract.shared.check(method: method, uri: path, status: reply.status, headers: reply.headers,
                                     body: reply.body, requestBody: body.map { Data($0.readableBytesView) },
                                     sourceLocation: sourceLocation)
        return reply
    }

    /// Rows in a table, to show that a refused request wrote nothing.
    /// Every foreign key to `candidates`: the referring table and column, from the catalogue.
    func candidateReferences() async throws -> [(table: String, column: String)] {
        try await services.database.withConnection { c in
            let rows = try await c.query("""
                SELECT con.conrelid::regclass::text, att.attname::text
                FROM pg_constraint con
                JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey)
                WHERE con.contype = 'f' AND con.confrelid = 'candidates'::regclass
                ORDER BY 1, 2
                """, logger: TestDatabase.logger)
            var references: [(table: String, column: String)] = []
            for try await (table, column) in rows.decode((String, String).self) { references.append((table, column)) }
            return references
        }
    }

    /// How many rows of `table` have `column` = `id`.
    func count(_ table: String, where column: String, is id: String) async throws -> Int {
        try await services.database.withConnection { c in
            let rows = try await c.query(PostgresQuery(unsafeSQL: "SELECT count(*)::int FROM \(table) WHERE \(column)::text = '\(id.lowercased())'"),
                                         logger: TestDatabase.logger)
            var n = 0
            for try await value in rows.decode(Int.self) { n = value }
            return n
        }
    }

    func count(_ table: String) async throws -> Int {
        try await services.database.withConnection { c in
            let rows = try await c.query(PostgresQuery(unsafeSQL: "SELECT count(*)::int FROM \(table)"),
                                         logger: TestDatabase.logger)
            var n = 0
            for try await value in rows.decode(Int.self) { n = value }
            return n
        }
    }
}
