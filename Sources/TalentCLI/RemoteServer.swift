import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TalentDomain
import TalentWire

#if canImport(Glibc)
import Glibc
#endif

/// The API of a server over HTTP(S), as the signed-in user: every request carries their session token.
struct HTTPTransport: APITransport {
    let server: URL
    let token: String?

    func send(_ request: APIRequest) async throws -> APIResponse {
        let base = server.absoluteString.hasSuffix("/") ? String(server.absoluteString.dropLast()) : server.absoluteString
        var http = HTTPClientRequest(url: base + request.target)
        http.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { http.headers.add(name: name, value: value) }
        if let token { http.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body = request.body { http.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await HTTPClient.shared.execute(http, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            return APIResponse(status: Int(response.status.code), headers: headers, body: Array(body.readableBytesView))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(.unavailable, slug: "server-unreachable", LocalizedText(
                vi: "Không kết nối được máy chủ \(base): \(error)", en: "Cannot reach the server \(base): \(error)"))
        }
    }
}

/// What `talent login` keeps: the server and the session token, in `~/.config/talent/credentials` (mode 0600; a file
/// others can read is refused, as ssh refuses a private key).
struct Credentials: Sendable, Equatable {
    var server: String
    var token: String
    var email: String
    var expiresAt: String?

    static func path(_ environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/talent/credentials"
    }

    /// The stored credentials, nil when there are none; an error when the file is readable by others or unreadable.
    static func load(_ environment: [String: String]) throws -> Credentials? {
        let path = path(environment)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard info.st_mode & 0o077 == 0 else {
            throw ServiceError(.forbidden, slug: "credentials-readable", LocalizedText(
                vi: "Tệp \(path) để người khác đọc được; chạy `chmod 600 \(path)` hoặc đăng nhập lại",
                en: "\(path) is readable by others; run `chmod 600 \(path)` or sign in again"))
        }
        guard let data = FileManager.default.contents(atPath: path),
              case .object(let fields)? = try? JSONValue(parsing: Array(data)),
              case .string(let server)? = fields["server"], case .string(let token)? = fields["token"]
        else {
            throw ServiceError.invalid("credentials", vi: "tệp \(path) không hợp lệ; đăng nhập lại (talent login)",
                                       en: "\(path) is not valid; sign in again (talent login)")
        }
        var email = "", expires: String?
        if case .string(let e)? = fields["email"] { email = e }
        if case .string(let x)? = fields["expires_at"] { expires = x }
        return Credentials(server: server, token: token, email: email, expiresAt: expires)
    }

    /// Writes the file with mode 0600 (its folder 0700) from the start: the token is never readable by others.
    func save(_ environment: [String: String]) throws {
        let path = Self.path(environment)
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let document = JSONValue.object([
            "server": .string(server), "token": .string(token), "email": .string(email),
            "expires_at": expiresAt.map(JSONValue.string) ?? .null,
        ])
        let bytes = document.jsonString(pretty: true) + "\n"
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Không ghi được \(path)", en: "Cannot write \(path)"))
        }
        defer { close(fd) }
        let written = bytes.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        guard written == bytes.utf8.count else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Không ghi được \(path)", en: "Cannot write \(path)"))
        }
    }

    static func remove(_ environment: [String: String]) {
        unlink(path(environment))
    }
}

/// The server a command talks to, if any: `--server`, else `TALENT_SERVER`, else the one `talent login` kept.
struct ServerChoice {
    var url: URL
    var credentials: Credentials?

    static func resolve(flag: String?, environment: [String: String]) throws -> ServerChoice? {
        let stored = try Credentials.load(environment)
        let named = flag ?? environment["TALENT_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text = named ?? stored?.server else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil else {
            throw ServiceError.invalid("server", vi: "không phải địa chỉ http(s):// hợp lệ", en: "is not a valid http(s):// address")
        }
        let credentials = stored.flatMap { Self.same($0.server, text) ? $0 : nil }
        return ServerChoice(url: url, credentials: credentials)
    }

    static func same(_ a: String, _ b: String) -> Bool {
        func trimmed(_ s: String) -> String { s.hasSuffix("/") ? String(s.dropLast()) : s }
        return trimmed(a).lowercased() == trimmed(b).lowercased()
    }
}
