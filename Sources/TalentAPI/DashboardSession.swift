import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentService
import TalentViews

/// The browser's side of signing in, shared by the dashboard and the evaluation pages: the session cookie (the
/// secret of a server-side `browser` session, never an API token), the CSRF checks every form post goes through,
/// and the HTML answers.
enum DashboardSession {
    /// The session cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS, Path=/ so that both /dashboard and
    /// /evaluate receive it (it opens no /v1 route: a browser session's secret is refused there).
    static let cookieName = "talent_session"
    /// The sign-in form's own CSRF token (double-submit: the same random value in this cookie and in the form).
    static let loginCookieName = "talent_login"
    /// The hidden field every form carries back.
    static let formKeyField = "form_key"

    /// Who the request acts as, and the key its forms must carry (nil when signed in by a bearer header: a
    /// cross-site page cannot send one, so there is nothing to forge).
    struct Viewer: Sendable {
        var principal: Principal
        var formKey: String?
    }

    /// The session cookie, else `Authorization: Bearer` (scripts); nil when there is neither or it no longer works.
    /// The request's log line names the viewer by id.
    static func viewer(_ request: Request, context: APIContext, services: TalentServices) async throws -> Viewer? {
        do {
            if let secret = cookie(cookieName, in: request) {
                do {
                    let (principal, formKey) = try await services.sessions.authenticate(browser: secret)
                    context.actor.set(principal)
                    return Viewer(principal: principal, formKey: formKey)
                } catch let error as ServiceError where error.kind == .unauthenticated {
                    // A cookie whose session ended (signed out, expired) does not hide a valid bearer header.
                }
            }
            if let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " {
                let secret = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
                let principal = try await services.sessions.authenticate(bearer: secret)
                context.actor.set(principal)
                return Viewer(principal: principal, formKey: nil)
            }
            return nil
        } catch let error as ServiceError where error.kind == .unauthenticated {
            return nil
        }
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name, !parts[1].isEmpty { return parts[1] }
            }
        }
        return nil
    }

    static func sessionCookie(_ value: String, secure: Bool, maxAge: Int) -> String {
        "\(cookieName)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    static func loginCookie(_ value: String, secure: Bool, maxAge: Int = 3600) -> String {
        "\(loginCookieName)=\(value); Path=/dashboard/login; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// A fresh random value (256 bits, base64url) for the sign-in form's token.
    static func randomKey() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, !a.isEmpty else { return false }
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Behind a TLS-terminating proxy the cookie is marked Secure.
    static func isHTTPS(_ request: Request) -> Bool {
        request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https" || request.head.scheme == "https"
    }

    // MARK: Cross-site posts

    /// Why a form post is refused before its body is read: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not
    /// this server's own (compared with the `Host` the request was sent to; `null` is refused). Nil when it may go on.
    static func crossSiteRefusal(_ request: Request) -> String? {
        if let site = request.headers[.init("Sec-Fetch-Site")!]?.lowercased(), site == "cross-site" {
            return "Sec-Fetch-Site: cross-site"
        }
        guard let origin = request.headers[.init("Origin")!] else { return nil }
        guard let own = ownAuthority(request), let url = URL(string: origin), let host = url.host?.lowercased(),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return "Origin: \(origin)" }
        let (ownHost, ownPort) = split(authority: own)
        guard host == ownHost else { return "Origin: \(origin)" }
        // Behind a proxy that passes on the host without its port (nginx's `$host`), the host alone is compared.
        if let ownPort, ownPort != url.port ?? (scheme == "https" ? 443 : 80) { return "Origin: \(origin)" }
        return nil
    }

    static func ownAuthority(_ request: Request) -> String? {
        if let forwarded = request.headers[.init("X-Forwarded-Host")!]?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces).lowercased()
        }
        // HTTP/1's Host becomes the authority on the way in; a Host field left among the headers is what was sent.
        return (request.headers[.init("Host")!] ?? request.head.authority)?.lowercased()
    }

    static func split(authority: String) -> (String, Int?) {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {  // [::1]:8080
            let host = String(authority[authority.index(after: authority.startIndex)..<end])
            let rest = authority[authority.index(after: end)...]
            return (host, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        let parts = authority.split(separator: ":", maxSplits: 1)
        return (String(parts[0]), parts.count == 2 ? Int(parts[1]) : nil)
    }

    /// The page of a refused form post (403).
    static func refused(_ language: Language) -> Response {
        html(DashboardView.message(
            LocalizedText(vi: "Yêu cầu bị từ chối", en: "Request refused").text(language),
            LocalizedText(vi: "Biểu mẫu này không được gửi từ trang của chính hệ thống, hoặc đã cũ (phiên đăng nhập đã đổi). Hãy mở lại trang, rồi gửi lại.",
                          en: "This form was not sent from this site's own page, or it is out of date (the session changed). Open the page again and send it again.").text(language),
            language: language), status: .forbidden)
    }

    // MARK: Answers

    static func toLogin(clearing: Bool = false) -> Response {
        var headers: HTTPFields = [.location: "/dashboard/login"]
        if clearing { headers[.setCookie] = sessionCookie("", secure: false, maxAge: 0) }
        return Response(status: .seeOther, headers: headers)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        // Content-Security-Policy, X-Frame-Options and the rest: SecurityHeadersMiddleware, on every response.
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func language(_ request: Request) -> Language {
        Language.negotiate(request.headers[.acceptLanguage])
    }
}

/// An `application/x-www-form-urlencoded` body: the first value of each name.
struct FormBody: Sendable {
    var fields: [String: String] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), fields[name] == nil else { continue }
            fields[name] = parts.count == 2 ? (Self.decode(parts[1]) ?? "") : ""
        }
    }

    /// Reads the body (at most 64 KiB: a score sheet with a long comment).
    static func read(_ request: Request) async throws -> FormBody {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        return FormBody(String(buffer: body))
    }

    subscript(_ name: String) -> String? { fields[name] }

    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
