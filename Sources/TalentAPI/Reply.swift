import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain

/// Response helpers shared by the controllers.
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
