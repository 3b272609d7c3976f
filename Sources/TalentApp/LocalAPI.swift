import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import TalentAPI
import TalentCLI
import TalentDomain

/// The API's router in this process: a CLI command on the server host sends its request here, as the operator,
/// and the same routes, rules and mappings answer as on a server. No socket and no token are involved: the caller
/// is set on the request's context before the router sees it (a request from the network always starts without).
struct LocalAPITransport<Responder: HTTPResponder>: APITransport where Responder.Context == APIContext {
    let responder: Responder
    let caller: Principal
    let logger: Logger

    func send(_ request: APIRequest) async throws -> APIResponse {
        var fields = HTTPFields()
        for (name, value) in request.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        guard let method = HTTPRequest.Method(request.method) else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Phương thức \(request.method) không hợp lệ",
                                                               en: "Invalid method \(request.method)"))
        }
        let head = HTTPRequest(method: method, scheme: "http", authority: "localhost", path: request.target,
                               headerFields: fields)
        let body = RequestBody(buffer: ByteBuffer(bytes: request.body ?? []))
        // The server names each request in its logger; the router reads that name (`context.id`).
        var logger = logger
        logger[metadataKey: "hb.request.id"] = .string(UUID().uuidString.lowercased())
        var context = APIContext(source: .init(channel: EmbeddedChannel(), logger: logger))
        context.caller = caller
        let response = try await responder.respond(to: Request(head: head, body: body), context: context)
        var writer = CollectingWriter()
        try await response.body.write(writer)
        var headers: [String: String] = [:]
        for field in response.headers { headers[field.name.canonicalName] = field.value }
        return APIResponse(status: Int(response.status.code), headers: headers, body: writer.bytes.value)
    }
}

/// Collects a response body in memory.
private struct CollectingWriter: ResponseBodyWriter {
    final class Box: @unchecked Sendable { var value: [UInt8] = [] }
    let bytes = Box()

    mutating func write(_ buffer: ByteBuffer) async throws {
        bytes.value.append(contentsOf: buffer.readableBytesView)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
