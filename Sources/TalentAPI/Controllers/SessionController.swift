import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/sessions`: signing in with an e-mail and a password for a session token, signing out, and `/v1/me`.
/// Signing in is the one `/v1` route that needs no bearer token.
struct SessionController {
    let services: TalentServices

    static let signInPath = "/v1/sessions"

    func addOpenRoutes(to router: some RouterMethods<APIContext>) {
        router.post("v1/sessions", use: signIn)
    }

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.delete("sessions/current", use: signOut)
        group.get("me", use: me)
    }

    /// `{"email", "password"}` → 201 `{"token", "expires_at", "user"}`. A wrong password and an unknown e-mail
    /// answer the same 401; repeated failures answer 429 with `Retry-After`.
    @Sendable func signIn(_ request: Request, context: APIContext) async throws -> Response {
        let language = Language.negotiate(request.headers[.acceptLanguage])
        var body = try await JSONBody.read(request, language: language)
        let input = try SignInRequest(reading: &body, address: context.clientAddress)
        let signedIn = try await services.sessions.signIn(input)
        return Reply.json(signedIn, status: .created, headers: [.cacheControl: "no-store"])
    }

    @Sendable func signOut(_ request: Request, context: CallerContext) async throws -> Response {
        try await services.sessions.signOut(context.caller)
        return Response(status: .noContent)
    }

    @Sendable func me(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.sessions.me(context.caller))
    }
}

/// `/v1/users`: staff accounts (administrators add, disable and set passwords; a user sets their own password).
struct UserController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("users")
            .get(use: list)
            .post(use: create)
            .get(":id", use: show)
            .put(":id/password", use: setPassword)
            .post(":id/disable", use: disable)
            .post(":id/unlock", use: unlock)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let role = query.oneOf("role", Role.self)
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.users.list(role: role?.rawValue, page: page, by: context.caller))
    }

    /// `{"name", "role", "agency_code", "scope", "email"}`.
    @Sendable func create(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require([.admin])
        var body = try await JSONBody.read(request, context: context)
        let name = body.string("name"), role = body.string("role"), email = body.string("email")
        let agency = body.string("agency_code") ?? body.string("agency"), scope = body.string("scope")
        let input = try body.finish {
            try NewStaffUser(name: name, role: role, agencyCode: agency, email: email, scope: scope)
        }
        let user = try await services.users.add(input, by: context.caller)
        return Reply.created(user, location: "/v1/users/\(user.id.text)")
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.users.get(id, by: context.caller))
    }

    /// `{"password"}`: an administrator for anyone, a user for themselves.
    @Sendable func setPassword(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        guard context.caller.role == .admin || context.caller.userID == id else {
            throw ServiceError.forbidden(context.caller.role.rawValue)
        }
        var body = try await JSONBody.read(request, context: context)
        let password = body.string("password")
        try body.finish()
        return Reply.json(try await services.users.setPassword(id, password, by: context.caller))
    }

    @Sendable func disable(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.users.disable(id, by: context.caller))
    }

    @Sendable func unlock(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.users.unlock(id, by: context.caller))
    }
}

/// `/v1/tokens`: bearer tokens for scripts and partners' systems (administrators only), shown once when issued.
struct TokenController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("tokens")
            .get(use: list)
            .post(use: issue)
            .delete(":id", use: revoke)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let user = query.uuid("user")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.tokens.list(userID: user?.text, page: page, by: context.caller))
    }

    /// `{"user_id"}` or `{"partner_code"}`, and `expires_in_days`.
    @Sendable func issue(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require([.admin])
        var body = try await JSONBody.read(request, context: context)
        let user = body.string("user_id"), partner = body.string("partner_code"), days = body.int("expires_in_days")
        let input = try body.finish { try TokenRequest(userID: user, partnerCode: partner, expiresInDays: days) }
        let issued = try await services.tokens.issue(input, by: context.caller)
        return Reply.json(issued, status: .created, headers: [.cacheControl: "no-store"])
    }

    /// Revokes the token: it stops working at once; the answer is the token as it now reads.
    @Sendable func revoke(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.tokens.revoke(id, by: context.caller))
    }
}
