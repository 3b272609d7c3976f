import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentService

/// What anyone may read without a token: the health check and the API's own description.
struct SystemController {
    let services: TalentServices

    func addRoutes(to router: some RouterMethods<APIContext>) {
        router
            .get("health", use: health)
            .get("openapi.json", use: openAPIDocument)
    }

    /// 200 `{"status":"ok","database":"ok"}`, or 503 with `"database":"unavailable"`.
    @Sendable func health(_ request: Request, context: APIContext) async throws -> Response {
        let up = await services.databaseIsReachable()
        return Reply.json(["status": up ? "ok" : "unavailable", "database": up ? "ok" : "unavailable"],
                          status: up ? .ok : .serviceUnavailable)
    }

    @Sendable func openAPIDocument(_ request: Request, context: APIContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: .init(string: OpenAPIDocument.json)))
    }
}
