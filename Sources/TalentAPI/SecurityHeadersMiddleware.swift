import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import TalentViews

/// The headers every response carries, whatever route or error produced it (outermost middleware):
///
/// - `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, and `Referrer-Policy: same-origin`: no page's
///   address (which may hold an id) leaves for another site. Not `no-referrer`: under it browsers send `Origin: null`
///   on the pages' own form posts, which the forms' cross-site check (`DashboardSession.crossSiteRefusal`) refuses;
/// - `Content-Security-Policy`: on HTML pages, nothing but their own inline style sheets (by hash), forms posted to
///   this server and no framing; on everything else, nothing at all (`default-src 'none'`);
/// - `Strict-Transport-Security` when the request came over TLS: `X-Forwarded-Proto: https` from the proxy that
///   terminates it, as for the session cookie's `Secure`. A client that forges the header over plain HTTP gains
///   nothing: browsers ignore HSTS received without TLS (RFC 6797 §8.1);
/// - `Cache-Control: no-store` unless the route set its own, except on the public documents (`/openapi.json`,
///   `/openapi.yaml`, `/problems…`), which hold no personal data and may be cached for five minutes. Anything new is
///   `no-store` by default: every `/v1` answer, the dashboard and the evaluators' pages hold personal data.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = APIContext

    static let hstsValue = "max-age=31536000"
    static let apiPolicy = "default-src 'none'; frame-ancestors 'none'"
    /// The pages load nothing: no script, no image, no font; their style sheets are inline and allowed by hash.
    static let pagePolicy: String = {
        let hashes = PageStyles.inline.map { style in
            "'sha256-\(Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString())'"
        }
        return "default-src 'none'; style-src \(hashes.joined(separator: " ")); form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
    }()
    static let publicCache = "public, max-age=300"

    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let strictTransportSecurity = HTTPField.Name("Strict-Transport-Security")!

    func handle(_ request: Request, context: APIContext,
                next: (Request, APIContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        var headers = response.headers
        headers[Self.contentTypeOptions] = "nosniff"
        headers[Self.referrerPolicy] = "same-origin"
        headers[Self.frameOptions] = "DENY"
        let html = headers[.contentType]?.lowercased().hasPrefix("text/html") ?? false
        headers[Self.contentSecurityPolicy] = html ? Self.pagePolicy : Self.apiPolicy
        if DashboardSession.isHTTPS(request) {
            headers[Self.strictTransportSecurity] = Self.hstsValue
        }
        if headers[.cacheControl] == nil {
            let cacheable = response.status == .ok && (request.method == .get || request.method == .head)
                && Self.isPublicDocument(request.uri.path)
            headers[.cacheControl] = cacheable ? Self.publicCache : "no-store"
        }
        response.headers = headers
        return response
    }

    /// The API's description and the problem pages: the same for everyone, no personal data.
    static func isPublicDocument(_ path: String) -> Bool {
        path == "/openapi.json" || path == "/openapi.yaml" || path == "/problems" || path.hasPrefix("/problems/")
    }
}
