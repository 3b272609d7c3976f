import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TalentAPI
import TalentDomain
import TalentService
import Testing

/// What the controllers' registration promises for every route, whichever controller holds it.
@Suite("Routing", .freshDatabase)
struct RoutingTests {
    /// A route's path with its parameters filled in; neither 401 nor 405 looks at them.
    static func uri(_ path: String) -> String {
        path.replacingOccurrences(of: "\\{[a-z_]+\\}", with: "00000000-0000-4000-8000-000000000001",
                                  options: .regularExpression)
    }

    @Test("each route once; every /v1 route is 401 without a token; every path is 405 with Allow for other methods")
    func everyRoute() async throws {
        try await TestDatabase.withServices { services in
            let routes = APIServer.routes(services)
            #expect(Set(routes).count == routes.count)
            let user = try await services.users.add(try NewStaffUser(name: "Người dùng kiểm thử", role: "hr", agencyCode: "STP",
                                                    email: nil), by: .testAdmin)
            let token = try await services.tokens.issue(try TokenRequest(userID: user.id.text, expiresInDays: 1), by: .testAdmin).token
            let app = Application(router: APIServer.buildRouter(services))
            try await app.test(.router) { client in
                for (path, served) in Dictionary(grouping: routes, by: \.path) {
                    let onV1 = path.hasPrefix("/v1/")
                    if onV1 {
                        // Signing in is how one gets a token: the one /v1 route open to all.
                        for route in served where !(route.method == .post && path == "/v1/sessions") {
                            let reply = try await client.executeRequest(uri: Self.uri(path), method: route.method,
                                                                        headers: [:], body: nil)
                            #expect(reply.status == .unauthorized, "\(route.method) \(path)")
                            #expect(reply.headers[.wwwAuthenticate] == "Bearer")
                            #expect(reply.headers[.contentType] == "application/problem+json")
                        }
                    }
                    let methods = served.map(\.method)
                    let allowed = Set(methods + (methods.contains(.get) ? [.head] : [])).map(\.rawValue)
                    for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete, .options]
                    where !methods.contains(method) {
                        let headers: HTTPFields = onV1 ? [.authorization: "Bearer \(token)"] : [:]
                        let reply = try await client.executeRequest(uri: Self.uri(path), method: method,
                                                                    headers: headers, body: nil)
                        #expect(reply.status == .methodNotAllowed, "\(method) \(path)")
                        let allow = reply.headers[.allow]?.components(separatedBy: ", ") ?? []
                        #expect(Set(allow) == Set(allowed), "\(method) \(path)")
                        #expect(reply.headers[.contentType] == "application/problem+json")
                    }
                }
                // A path under /v1 that no controller serves: 401 to a caller without a token, 404 to the others.
                let unknown = try await client.executeRequest(uri: "/v1/nothing-here", method: .get, headers: [:], body: nil)
                #expect(unknown.status == .unauthorized)
                let known = try await client.executeRequest(uri: "/v1/nothing-here", method: .get,
                                                            headers: [.authorization: "Bearer \(token)"], body: nil)
                #expect(known.status == .notFound)
            }
        }
    }
}
