import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain

/// `GET /metrics`: the process's metrics in Prometheus's text format, for operators only. It answers a request that
/// bears one of the configured tokens (`Authorization: Bearer <TALENT_METRICS_TOKEN>`) and nothing else: without a
/// token configured, or with a wrong or missing one, it is 404 like any unknown path, so the balancer's public site
/// and a passer-by learn nothing from it. A session or API token never opens it, nor does this token open anything else.
struct MetricsController {
    /// Every token that opens it (several while one is being rotated); none: the route answers 404 to everyone.
    let tokens: [String]

    func addRoutes(to router: some RouterMethods<APIContext>) {
        router.get("metrics", use: metrics)
    }

    @Sendable func metrics(_ request: Request, context: APIContext) async throws -> Response {
        guard authorized(request) else { throw HTTPError(.notFound) }
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: ServerMetrics.exposition())))
    }

    func authorized(_ request: Request) -> Bool {
        guard !tokens.isEmpty, let header = request.headers[.authorization],
              header.count > 7, header.prefix(7).lowercased() == "bearer "
        else { return false }
        let presented = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        // Every token is compared, in time that does not depend on where they differ.
        return tokens.reduce(false) { found, token in DashboardSession.same(presented, token) || found }
    }
}
