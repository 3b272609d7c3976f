import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentService

/// Builds the API: `talent serve` and the API tests use these same functions.
public enum APIServer {
    /// The route table the router serves (exposed for the OpenAPI test).
    public static func routes(_ services: TalentServices) -> [APIRoute] {
        apiRoutes(services)
    }

    /// The router with a given partner rate (tests use a small one).
    public static func buildRouter(_ services: TalentServices, partnerRatePerMinute: Int) -> Router<APIContext> {
        buildRouter(services, routes: apiRoutes(services, limiter: RateLimiter(perMinute: partnerRatePerMinute)))
    }

    /// The router: the problem+json middleware around everything, bearer authentication on `/v1`, every route of
    /// the table, and 405 with `Allow` for the other methods of a known path.
    public static func buildRouter(_ services: TalentServices) -> Router<APIContext> {
        buildRouter(services, routes: routes(services))
    }

    static func buildRouter(_ services: TalentServices, routes table: [APIRoute]) -> Router<APIContext> {
        let router = Router(context: APIContext.self, options: [.autoGenerateHeadEndpoints])
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AuthenticationMiddleware(tokens: services.tokens))
        for route in table {
            router.on(RouterPath(route.routerPath), method: route.method) { request, context in
                try await route.handler(request, context)
            }
        }
        let byPath = Dictionary(grouping: table, by: \.routerPath)
        for (path, routes) in byPath {
            let allowed = routes.map(\.method)
            let allow = (allowed + (allowed.contains(.get) ? [.head] : [])).map(\.rawValue).joined(separator: ", ")
            for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete, .options] where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { _, context -> Response in
                    throw Problem(status: .methodNotAllowed, slug: "method-not-allowed",
                                  detail: LocalizedText(vi: "Đường dẫn này chỉ nhận \(allow)", en: "This path accepts \(allow) only"),
                                  language: context.language).withHeader(.allow, allow)
                }
            }
        }
        return router
    }
}

extension Problem {
    func withHeader(_ name: HTTPField.Name, _ value: String) -> Problem {
        var copy = self
        copy.headers[name] = value
        return copy
    }
}
