import Foundation
import TalentDomain
import TalentWire

/// One request of the JSON API as a command sends it.
public struct APIRequest: Sendable {
    public var method: String
    /// The path with its query string (`/v1/candidates?q=nguyen`).
    public var target: String
    public var body: [UInt8]?
    public var headers: [(String, String)]

    public init(method: String, target: String, body: [UInt8]? = nil, headers: [(String, String)] = []) {
        self.method = method
        self.target = target
        self.body = body
        self.headers = headers
    }
}

/// What the API answered.
public struct APIResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Where a command's requests go: a server over HTTP (`--server`, `TALENT_SERVER`, `talent login`), or the API's
/// router in this process over the database, for the operator on the server host. Either way the same routes, the
/// same service layer and the same rules answer.
public protocol APITransport: Sendable {
    func send(_ request: APIRequest) async throws -> APIResponse
}

/// A command's API: requests written from the wire mappings, answers read back into the domain values the printer
/// prints, error answers turned back into the `ServiceError` the CLI prints and exits with.
public struct APIClient: Sendable {
    let transport: any APITransport
    let language: Language
    /// Whether the requests go to a server (false: this process, on the database).
    public let isRemote: Bool

    public init(transport: any APITransport, language: Language, isRemote: Bool) {
        self.transport = transport
        self.language = language
        self.isRemote = isRemote
    }

    /// Sends a request; a 4xx or 5xx answer is thrown as the error it stands for.
    func send(_ method: String, _ path: String, query: [(String, String?)] = [], body: [UInt8]? = nil,
              headers: [(String, String)] = []) async throws -> APIResponse {
        var target = path
        let pairs = query.compactMap { key, value in value.map { (key, $0) } }
        if !pairs.isEmpty {
            target += "?" + pairs.map { "\(Self.escape($0))=\(Self.escape($1))" }.joined(separator: "&")
        }
        var all = headers + [("Accept-Language", language.rawValue), ("Accept", "application/json")]
        if body != nil, !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
            all.append(("Content-Type", "application/json"))
        }
        let response = try await transport.send(APIRequest(method: method, target: target, body: body, headers: all))
        guard (200..<300).contains(response.status) else {
            throw ServiceError(problem: response.body, status: response.status)
        }
        return response
    }

    func get<T: WireReadable>(_ path: String, query: [(String, String?)] = [], as type: T.Type = T.self) async throws -> T {
        try T(wireBytes: try await send("GET", path, query: query).body)
    }

    /// POST of a body written by its wire mapping (none: an empty object).
    func post<T: WireReadable>(_ path: String, _ body: (any JSONWritable)? = nil, query: [(String, String?)] = [],
                               headers: [(String, String)] = [], as type: T.Type = T.self) async throws -> T {
        let bytes = body?.jsonBytes ?? Array("{}".utf8)
        return try T(wireBytes: try await send("POST", path, query: query, body: bytes, headers: headers).body)
    }

    func put<T: WireReadable>(_ path: String, _ body: any JSONWritable, as type: T.Type = T.self) async throws -> T {
        try T(wireBytes: try await send("PUT", path, body: body.jsonBytes).body)
    }

    /// PATCH of a body's bytes with `If-Match` on the version the change was made against.
    func patch<T: WireReadable>(_ path: String, _ body: [UInt8], version: Int, as type: T.Type = T.self) async throws -> T {
        try T(wireBytes: try await send("PATCH", path, body: body, headers: [("If-Match", "\"\(version)\"")]).body)
    }

    /// POST of a file's bytes as they are, with their content type.
    func upload<T: WireReadable>(_ path: String, _ bytes: [UInt8], contentType: String, query: [(String, String?)] = [],
                                 as type: T.Type = T.self) async throws -> T {
        try T(wireBytes: try await send("POST", path, query: query, body: bytes,
                                        headers: [("Content-Type", contentType)]).body)
    }

    /// GET of a document that is not read back (a CSV file, an export): its bytes.
    func download(_ path: String, query: [(String, String?)] = []) async throws -> [UInt8] {
        try await send("GET", path, query: query).body
    }

    func delete<T: WireReadable>(_ path: String, as type: T.Type = T.self) async throws -> T {
        try T(wireBytes: try await send("DELETE", path).body)
    }

    /// A list page's query: `limit` and `cursor`.
    static func page(_ request: PageRequest) -> [(String, String?)] {
        [("limit", String(request.limit)), ("cursor", request.cursor?.encoded)]
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
