import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentWire
import TalentService
import TalentViews

/// The leadership dashboard: `GET /dashboard` (signed in by cookie, or a bearer header), the sign-in form and its
/// post, and sign-out. The cookie holds the access token; it is HttpOnly and SameSite=Strict, and every request checks
/// the token again, so a revoked or expired token signs the browser out at once.
struct DashboardController {
    let services: TalentServices

    func addRoutes(to router: some RouterMethods<APIContext>) {
        router.group("dashboard")
            .get(use: show)
            .get("login", use: loginForm)
            .post("login", use: login)
            .post("logout", use: logout)
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> Response {
        guard let secret = DashboardSession.credential(request) else { return DashboardSession.toLogin() }
        let viewer: Principal
        do {
            viewer = try await services.tokens.authenticate(bearer: secret)
        } catch let error as ServiceError where error.kind == .unauthenticated {
            return DashboardSession.toLogin(clearing: true)
        }
        do {
            let pipeline = try await services.reports.pipeline(by: viewer)
            async let targets = services.reports.targets(by: viewer)
            async let partners = services.reports.partners(by: viewer)
            async let monthly = services.reports.monthlyNominations(by: viewer)
            let data = DashboardView.Data(viewer: viewer.name, day: .today(), pipeline: pipeline, targets: try await targets,
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
    }

    @Sendable func loginForm(_ request: Request, context: APIContext) async throws -> Response {
        DashboardSession.html(DashboardView.login())
    }

    /// Checks the posted token and that its role may read the reports, then sets the session cookie.
    @Sendable func login(_ request: Request, context: APIContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 16 * 1024)
        let token = DashboardSession.formField("token", in: String(buffer: body))?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let token, !token.isEmpty else {
            return DashboardSession.html(DashboardView.login(error: "Hãy nhập mã truy cập."), status: .badRequest)
        }
        do {
            let viewer = try await services.tokens.authenticate(bearer: token)
            guard ReportService.readers.contains(viewer.role) else {
                return DashboardSession.html(DashboardView.login(
                    error: "Mã này thuộc vai trò \(viewer.role.rawValue); bảng điều hành dành cho lãnh đạo, nhân sự và quản trị viên."),
                    status: .forbidden)
            }
        } catch let error as ServiceError where error.kind == .unauthenticated {
            return DashboardSession.html(DashboardView.login(error: "Mã truy cập không đúng, đã hết hạn hoặc đã bị thu hồi."),
                                         status: .unauthorized)
        }
        var headers: HTTPFields = [.location: "/dashboard"]
        headers[.setCookie] = DashboardSession.cookie(token, secure: DashboardSession.isHTTPS(request))
        return Response(status: .seeOther, headers: headers)
    }

    @Sendable func logout(_ request: Request, context: APIContext) async throws -> Response {
        var headers: HTTPFields = [.location: "/dashboard/login"]
        headers[.setCookie] = DashboardSession.cookie("", secure: DashboardSession.isHTTPS(request), maxAge: 0)
        return Response(status: .seeOther, headers: headers)
    }
}
