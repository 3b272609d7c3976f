import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentService
import TalentViews

/// The leadership dashboard: `GET /dashboard` (signed in by cookie, or a bearer header), the sign-in form and its
/// post, and sign-out. The cookie holds the access token; it is HttpOnly and SameSite=Strict, and every request checks
/// the token again, so a revoked or expired token signs the browser out at once.
func dashboardRoutes(_ services: TalentServices) -> [APIRoute] {
    [
        APIRoute(.get, "/dashboard") { request, _ in
            guard let secret = DashboardSession.credential(request) else { return DashboardSession.toLogin() }
            let actor: Principal
            do {
                actor = try await services.tokens.authenticate(bearer: secret)
            } catch let error as ServiceError where error.kind == .unauthenticated {
                return DashboardSession.toLogin(clearing: true)
            }
            do {
                let pipeline = try await services.reports.pipeline(by: actor)
                async let targets = services.reports.targets(by: actor)
                async let partners = services.reports.partners(by: actor)
                async let monthly = services.reports.monthlyNominations(by: actor)
                let data = DashboardView.Data(viewer: actor.name, day: .today(), pipeline: pipeline, targets: try await targets,
                                              partners: try await partners, monthly: try await monthly)
                return DashboardSession.html(DashboardView.page(data))
            } catch let error as ServiceError where error.kind == .forbidden {
                return DashboardSession.html(DashboardView.message(
                    "Không có quyền xem", "Bảng điều hành dành cho lãnh đạo, nhân sự và quản trị viên."), status: .forbidden)
            } catch let error as ServiceError where error.kind == .unavailable {
                return DashboardSession.html(DashboardView.message(
                    "Tạm thời không xem được", "Không kết nối được cơ sở dữ liệu; vui lòng thử lại sau ít phút."),
                    status: .serviceUnavailable)
            }
        },
        APIRoute(.get, "/dashboard/login") { _, _ in
            DashboardSession.html(DashboardView.login())
        },
        APIRoute(.post, "/dashboard/login") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 16 * 1024)
            let token = DashboardSession.formField("token", in: String(buffer: body))?.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let token, !token.isEmpty else {
                return DashboardSession.html(DashboardView.login(error: "Hãy nhập mã truy cập."), status: .badRequest)
            }
            do {
                let actor = try await services.tokens.authenticate(bearer: token)
                guard [.admin, .hr, .leadership].contains(actor.role) else {
                    return DashboardSession.html(DashboardView.login(
                        error: "Mã này thuộc vai trò \(actor.role.rawValue); bảng điều hành dành cho lãnh đạo, nhân sự và quản trị viên."),
                        status: .forbidden)
                }
            } catch let error as ServiceError where error.kind == .unauthenticated {
                return DashboardSession.html(DashboardView.login(error: "Mã truy cập không đúng, đã hết hạn hoặc đã bị thu hồi."),
                                             status: .unauthorized)
            }
            var headers: HTTPFields = [.location: "/dashboard"]
            headers[.setCookie] = DashboardSession.cookie(token, secure: DashboardSession.isHTTPS(request))
            return Response(status: .seeOther, headers: headers)
        },
        APIRoute(.post, "/dashboard/logout") { request, _ in
            var headers: HTTPFields = [.location: "/dashboard/login"]
            headers[.setCookie] = DashboardSession.cookie("", secure: DashboardSession.isHTTPS(request), maxAge: 0)
            return Response(status: .seeOther, headers: headers)
        },
    ]
}

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
