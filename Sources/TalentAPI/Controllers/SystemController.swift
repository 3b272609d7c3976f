import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentService
import TalentViews

/// What anyone may read without a token: the health check and the API's own description.
struct SystemController {
    let services: TalentServices
    /// Read and converted once per process, on first use (`talent serve` converts it at start, so a broken
    /// openapi.yaml stops the server there); a CLI command running the router in-process never pays for it.
    var openAPIYAML: Data { OpenAPISpec.yaml }
    var openAPIJSON: Data { OpenAPISpec.json }

    func addRoutes(to router: some RouterMethods<APIContext>) {
        router
            .get("health", use: health)
            .get("openapi.json", use: openAPIDocument)
            .get("openapi.yaml", use: openAPIFile)
            .get("problems", use: problems)
            .get("problems/:slug", use: problem)
    }

    /// What a problem `type` means: the page its URI points at, Vietnamese unless `Accept-Language: en`.
    @Sendable func problem(_ request: Request, context: APIContext) async throws -> Response {
        let language = Language.negotiate(request.headers[.acceptLanguage])
        guard let type = ProblemType.named(try context.parameters.require("slug")) else {
            throw Problem(status: .notFound, slug: "not-found",
                          detail: LocalizedText(vi: "Không có loại lỗi này; xem /problems", en: "No such problem type; see /problems"),
                          language: language)
        }
        return Self.html(ProblemPage.html(type, language: language))
    }

    /// Every problem type, linked to its page.
    @Sendable func problems(_ request: Request, context: APIContext) async throws -> Response {
        Self.html(ProblemPage.index(language: Language.negotiate(request.headers[.acceptLanguage])))
    }

    static func html(_ page: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// 200 `{"status":"ok","database":"ok","pool":"ok"}`; 503 with `"database":"unavailable"` when the database does
    /// not answer, or with `"database":"ok","pool":"busy"` when it does but no pooled connection was free in time.
    /// Answers within about a second either way. With a read replica configured, its state and lag too (which never
    /// make the answer 503: writes and most reads go on without it).
    @Sendable func health(_ request: Request, context: APIContext) async throws -> Response {
        async let replica = services.replicaState()
        let health = await services.databaseHealth()
        let (status, database, pool) = switch health {
        case .ok: ("ok", "ok", "ok")
        case .busy: ("busy", "ok", "busy")
        case .unavailable: ("unavailable", "unavailable", "unavailable")
        }
        var body: [String: JSONValue] = ["status": .string(status), "database": .string(database), "pool": .string(pool)]
        if let replica = await replica { body.merge(Self.fields(replica)) { _, new in new } }
        var response = Reply.json(body, status: health == .ok ? .ok : .serviceUnavailable)
        if health != .ok { response.headers[.retryAfter] = health == .busy ? "1" : "5" }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `replica`, `replica_lag_seconds` and `replica_lag_bytes` of `/health`.
    static func fields(_ replica: ReplicaState) -> [String: JSONValue] {
        ["replica": .string(replica.status.rawValue),
         "replica_lag_seconds": replica.lagSeconds.map { .number(($0 * 1000).rounded() / 1000) } ?? .null,
         "replica_lag_bytes": replica.lagBytes.map { .number(Double($0)) } ?? .null]
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
