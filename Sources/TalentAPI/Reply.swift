import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentWire

/// Response helpers shared by the controllers.
enum Reply {
    /// A body written by the resource's one mapping (TalentWire).
    static func json(_ value: some JSONWritable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: value.jsonBytes)))
    }

    static func created(_ value: some JSONWritable, location: String) -> Response {
        json(value, status: .created, headers: [.location: location])
    }

    /// A single record with its `ETag` (the record's version).
    static func versioned(_ value: some JSONWritable, version: Int) -> Response {
        json(value, headers: [.eTag: "\"\(version)\""])
    }
}
