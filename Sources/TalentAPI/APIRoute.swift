import Foundation
import HTTPTypes
import Hummingbird

/// One operation of the API, as the router serves it: what the OpenAPI test holds against `openapi.json`.
public struct APIRoute: Sendable, Hashable {
    public let method: HTTPRequest.Method
    /// OpenAPI-style path: `/v1/candidates/{id}`.
    public let path: String

    init(_ method: HTTPRequest.Method, _ path: RouterPath) {
        self.method = method
        self.path = "/" + path.components.map { element in
            let segment = element.description
            return segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : segment
        }.joined(separator: "/")
    }
}
