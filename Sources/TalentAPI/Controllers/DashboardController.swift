import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentWire
import TalentService
import TalentViews

/// The leadership dashboard: `GET /dashboard` (signed in by the session cookie, or a script's bearer header), the
/// sign-in form (e-mail and password) and its post, and sign-out. Signing in opens a server-side `browser` session
/// whose secret is the cookie (HttpOnly, SameSite=Strict, Secure behind HTTPS); every request checks it again, and
/// signing out revokes it. Every form carries a CSRF key and every post is refused from another site.
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
        guard let viewer = try await DashboardSession.viewer(request, context: context, services: services) else {
            return DashboardSession.toLogin(clearing: DashboardSession.cookie(DashboardSession.cookieName, in: request) != nil)
        }
        let principal = viewer.principal
        do {
            let pipeline = try await services.reports.pipeline(by: principal)
            async let targets = services.reports.targets(by: principal)
            async let partners = services.reports.partners(by: principal)
            async let monthly = services.reports.monthlyNominations(by: principal)
            // The data-protection officer is an administrator: their dashboard lists the requests still to answer.
            let privacy = principal.role == .admin ? try await services.privacy.pendingRequests(by: principal) : nil
            let retention = DataSubjectService.retentionReaders.contains(principal.role)
                ? try await services.dataSubjects.retention(dryRun: true, by: principal) : nil
            // The plan beyond recruitment: training coverage, this year's submissions, the latest commendations.
            async let training = services.trainings.report(by: principal)
            async let submissions = services.reportChain.overview(year: CalendarDate.today().year, by: principal)
            async let commendations = services.commendations.list(page: try PageRequest(limit: 10), by: principal)
            let data = DashboardView.Data(viewer: principal.name, day: .today(), pipeline: pipeline, targets: try await targets,
                                          partners: try await partners, monthly: try await monthly,
                                          formKey: viewer.formKey ?? "", privacyRequests: privacy, retention: retention,
                                          training: try await training, submissions: try await submissions,
                                          commendations: try await commendations.items)
            return DashboardSession.html(DashboardView.page(data))
        } catch let error as ServiceError where error.kind == .forbidden {
            let evaluator = principal.role == .evaluator
            return DashboardSession.html(DashboardView.message(
                "Không có quyền xem", "Bảng điều hành dành cho lãnh đạo, nhân sự và quản trị viên."
                    + (evaluator ? " Thành viên hội đồng đánh giá chấm điểm ở trang Phiếu đánh giá." : ""),
                link: evaluator ? ("/evaluate", "Phiếu đánh giá của tôi") : nil), status: .forbidden)
        } catch let error as ServiceError where error.kind == .unavailable {
            return DashboardSession.html(DashboardView.message(
                "Tạm thời không xem được", "Không kết nối được cơ sở dữ liệu; vui lòng thử lại sau ít phút."),
                status: .serviceUnavailable)
        }
    }

    /// The form, with a fresh sign-in key in a cookie and in the form (double-submit: a cross-site page can set
    /// neither). A browser already signed in goes straight to its page.
    @Sendable func loginForm(_ request: Request, context: APIContext) async throws -> Response {
        if let secret = DashboardSession.cookie(DashboardSession.cookieName, in: request),
           let (principal, _) = try? await services.sessions.authenticate(browser: secret) {
            return DashboardSession.redirect(Self.landing(principal.role))
        }
        let key = DashboardSession.randomKey()
        return DashboardSession.html(DashboardView.login(formKey: key, language: DashboardSession.language(request)),
                                     headers: [.setCookie: DashboardSession.loginCookie(key, secure: DashboardSession.isHTTPS(request))])
    }

    /// Signs in with the posted e-mail and password for a `browser` session, sets its cookie and goes to the
    /// viewer's page (the evaluation pages for an evaluator, the dashboard for the others).
    @Sendable func login(_ request: Request, context: APIContext) async throws -> Response {
        let language = DashboardSession.language(request)
        if DashboardSession.crossSiteRefusal(request) != nil { return DashboardSession.refused(language) }
        let form = try await FormBody.read(request)
        let key = DashboardSession.cookie(DashboardSession.loginCookieName, in: request)
        guard DashboardSession.same(form[DashboardSession.formKeyField], key), let key else {
            return DashboardSession.refused(language)
        }
        let email = form["email"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        func again(_ message: String, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
            DashboardSession.html(DashboardView.login(error: message, email: email, formKey: key, language: language),
                                  status: status, headers: headers)
        }
        let signedIn: SignedIn
        do {
            let input = try SignInRequest(email: email, password: form["password"], address: context.clientAddress)
            signedIn = try await services.sessions.signIn(input, kind: .browser)
        } catch let error as ServiceError {
            switch error.kind {
            case .invalid:
                return again(LocalizedText(vi: "Hãy nhập thư điện tử và mật khẩu.", en: "Enter your e-mail and password.")
                    .text(language), status: .badRequest)
            case .unauthenticated:
                return again(error.message.text(language), status: .unauthorized)
            case .tooManyRequests:
                return again(error.message.text(language), status: .tooManyRequests,
                             headers: [.retryAfter: String(error.retryAfter ?? 60)])
            default:
                throw error
            }
        }
        let secure = DashboardSession.isHTTPS(request)
        let maxAge = max(60, Int(signedIn.session.absoluteExpiresAt.timeIntervalSinceNow))
        var headers: HTTPFields = [.location: Self.landing(signedIn.user.role)]
        headers.append(HTTPField(name: .setCookie, value: DashboardSession.sessionCookie(signedIn.token, secure: secure, maxAge: maxAge)))
        headers.append(HTTPField(name: .setCookie, value: DashboardSession.loginCookie("", secure: secure, maxAge: 0)))
        return Response(status: .seeOther, headers: headers)
    }

    /// Revokes the browser's session (the form carries its key) and clears the cookie.
    @Sendable func logout(_ request: Request, context: APIContext) async throws -> Response {
        let language = DashboardSession.language(request)
        if DashboardSession.crossSiteRefusal(request) != nil { return DashboardSession.refused(language) }
        let form = try await FormBody.read(request)
        if let secret = DashboardSession.cookie(DashboardSession.cookieName, in: request),
           let (principal, formKey) = try? await services.sessions.authenticate(browser: secret) {
            context.actor.set(principal)
            guard DashboardSession.same(form[DashboardSession.formKeyField], formKey) else {
                return DashboardSession.refused(language)
            }
            try await services.sessions.signOut(principal)
        }
        var headers: HTTPFields = [.location: "/dashboard/login"]
        headers[.setCookie] = DashboardSession.sessionCookie("", secure: DashboardSession.isHTTPS(request), maxAge: 0)
        return Response(status: .seeOther, headers: headers)
    }

    /// Where a browser goes once signed in.
    static func landing(_ role: Role) -> String {
        role == .evaluator ? "/evaluate" : "/dashboard"
    }
}
