import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain

/// One operation of the API. The table of these is what the router serves, what answers 405 for other methods,
/// and what the OpenAPI test holds against `openapi.json`.
public struct APIRoute: Sendable {
    public let method: HTTPRequest.Method
    /// OpenAPI-style path: `/v1/candidates/{id}`.
    public let path: String
    let handler: @Sendable (Request, APIContext) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String,
         _ handler: @escaping @Sendable (Request, APIContext) async throws -> Response) {
        self.method = method
        self.path = path
        self.handler = handler
    }

    /// The same path in Hummingbird's syntax: `/v1/candidates/:id`.
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }
}

/// Response helpers shared by the routes.
enum Reply {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        if let writable = value as? any JSONWritable {
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: writable.jsonBytes)))
        }
        let data = (try? JSONFormat.encoder().encode(value)) ?? Data("null".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func created(_ value: some Encodable, location: String) -> Response {
        json(value, status: .created, headers: [.location: location])
    }

    /// A single record with its `ETag` (the record's version).
    static func versioned(_ value: some Encodable, version: Int) -> Response {
        json(value, headers: [.eTag: "\"\(version)\""])
    }
}

extension Request {
    /// A query parameter; an empty one counts as absent.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// A boolean query parameter: `true` or `false`; absent is nil, anything else a 422 (bad input is 4xx).
    func flag(_ name: String) throws -> Bool? {
        guard let text = query(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw ServiceError.invalid(name, vi: "phải là true hoặc false", en: "must be true or false")
        }
    }

    /// `?limit=` and `?cursor=`, checked.
    func pageRequest() throws -> PageRequest {
        var limit: Int?
        if let text = query("limit") {
            guard let value = Int(text) else {
                throw ServiceError.invalid("limit", vi: "phải là số nguyên từ 1 đến 200", en: "must be an integer from 1 to 200")
            }
            limit = value
        }
        return try PageRequest(limit: limit, cursor: query("cursor"))
    }
}
