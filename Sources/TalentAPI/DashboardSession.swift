import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The dashboard's sign-in: the session cookie that holds the access token, and the HTML answers.
enum DashboardSession {
    static let cookieName = "talent_dashboard"

    /// The token from the session cookie, else from `Authorization: Bearer`.
    static func credential(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == cookieName, !parts[1].isEmpty { return parts[1] }
            }
        }
        if let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " {
            return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Eight hours, a working day; the token's own expiry and revocation still apply.
    static func cookie(_ value: String, secure: Bool, maxAge: Int = 8 * 3600) -> String {
        "\(cookieName)=\(value); Path=/dashboard; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// Behind a TLS-terminating proxy the cookie is marked Secure.
    static func isHTTPS(_ request: Request) -> Bool {
        request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    static func toLogin(clearing: Bool = false) -> Response {
        var headers: HTTPFields = [.location: "/dashboard/login"]
        if clearing { headers[.setCookie] = cookie("", secure: false, maxAge: 0) }
        return Response(status: .seeOther, headers: headers)
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status,
                 headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                           .init("Content-Security-Policy")!: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"],
                 body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// A field of an `application/x-www-form-urlencoded` body.
    static func formField(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count >= 1, decode(parts[0]) == name else { continue }
            return parts.count == 2 ? decode(parts[1]) : ""
        }
        return nil
    }

    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
