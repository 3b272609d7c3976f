import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentService

/// What anyone may read without a token: the health check and the API's own description.
struct SystemController {
    let services: TalentServices
    /// Read and converted once, when the routes are built: a broken openapi.yaml stops the server at start.
    let openAPIYAML = OpenAPISpec.yaml
    let openAPIJSON = OpenAPISpec.json

    func addRoutes(to router: some RouterMethods<APIContext>) {
        router
            .get("health", use: health)
            .get("openapi.json", use: openAPIDocument)
            .get("openapi.yaml", use: openAPIFile)
    }

    /// 200 `{"status":"ok","database":"ok"}`, or 503 with `"database":"unavailable"`.
    @Sendable func health(_ request: Request, context: APIContext) async throws -> Response {
        let up = await services.databaseIsReachable()
        return Reply.json(["status": up ? "ok" : "unavailable", "database": up ? "ok" : "unavailable"],
                          status: up ? .ok : .serviceUnavailable)
    }

    /// The OpenAPI document as JSON.
    @Sendable func openAPIDocument(_ request: Request, context: APIContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: openAPIJSON)))
    }

    /// The OpenAPI document as it is in the repository (`Sources/TalentAPI/openapi.yaml`).
    @Sendable func openAPIFile(_ request: Request, context: APIContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: openAPIYAML)))
    }
}
