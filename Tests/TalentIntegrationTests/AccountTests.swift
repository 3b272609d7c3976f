import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

/// People sign in as themselves (issue 12): passwords, sessions, sign-out, disabling, the sign-in limits.
@Suite("Accounts and sessions", .freshDatabase)
struct AccountTests {
    static let password = "mật-khẩu-đủ-dài-483"

    /// A user with an e-mail and a password, added by an administrator.
    static func account(_ api: APIHarness, role: Role = .hr, agency: String = "SNV", scope: String? = nil,
                        email: String = "lan.nguyen@snv.dongthap.gov.vn") async throws -> StaffUser {
        let user = try await api.services.users.add(
            try NewStaffUser(name: "Nguyễn Thị Lan", role: role.rawValue, agencyCode: agency, email: email, scope: scope),
            by: .testAdmin)
        return try await api.services.users.setPassword(user.id, password, by: .testAdmin)
    }

    @Test("sign in, act with the session token, sign out: the token stops working; every step is audited")
    func signInAndOut() async throws {
        try await APIHarness.with { api in
            let user = try await Self.account(api)
            #expect(user.scope == .agency)
            #expect(user.hasPassword)
            let signedIn = try await api.request(.post, "/v1/sessions", json: [
                "email": "Lan.Nguyen@snv.dongthap.gov.vn", "password": Self.password,
            ])
            #expect(signedIn.status == 201)
            #expect(signedIn.headers[.cacheControl] == "no-store")
            let token = try #require(signedIn.object["token"] as? String)
            #expect((signedIn.object["user"] as? [String: Any])?["id"] as? String == user.id.text)

            let me = try await api.request(.get, "/v1/me", token: token)
            #expect(me.status == 200)
            #expect(me.object["role"] as? String == "hr")
            #expect(me.object["scope"] as? String == "agency")
            #expect(me.object["agency_code"] as? String == "SNV")
            #expect(me.object["session_expires_at"] is String)

            #expect(try await api.request(.delete, "/v1/sessions/current", token: token).status == 204)
            #expect(try await api.request(.get, "/v1/me", token: token).status == 401)

            let actions = try await api.services.audit.list(actor: "Nguyễn Thị Lan", page: PageRequest(), by: .testAdmin)
                .items.map(\.action)
            #expect(actions.contains("session.create"))
            #expect(actions.contains("session.revoke"))
            let admin = try await api.services.audit.list(entity: AuditEntity(parsing: "user:\(user.id.text)"),
                                                          page: PageRequest(), by: .testAdmin).items
            #expect(admin.map(\.action).contains("user.password"))
            // The hash is kept nowhere but its column: not in the trail, not in any answer.
            for entry in admin { #expect(!entry.changes.jsonString(pretty: false).contains("$2")) }
            #expect(!signedIn.text.contains("$2"))
        }
    }

    @Test("a wrong password, an unknown e-mail and a disabled account answer the same 401")
    func sameAnswer() async throws {
        try await APIHarness.with { api in
            let user = try await Self.account(api)
            let wrong = try await api.request(.post, "/v1/sessions", json: ["email": user.email!, "password": "sai-mật-khẩu-rồi"])
            let unknown = try await api.request(.post, "/v1/sessions", json: ["email": "ai.do@example.vn", "password": Self.password])
            _ = try await api.services.users.disable(user.id, by: .testAdmin)
            let disabled = try await api.request(.post, "/v1/sessions", json: ["email": user.email!, "password": Self.password])
            for reply in [wrong, unknown, disabled] {
                #expect(reply.status == 401)
                #expect(reply.object["detail"] as? String == wrong.object["detail"] as? String)
                #expect((reply.object["type"] as? String)?.hasSuffix("/sign-in-failed") == true)
            }
        }
    }

    @Test("disabling a user stops their sessions and issued tokens at once")
    func disable() async throws {
        try await APIHarness.with { api in
            let user = try await Self.account(api)
            let session = try await api.services.sessions.signIn(
                try SignInRequest(email: user.email, password: Self.password, address: nil)).token
            let issued = try await api.services.tokens.issue(try TokenRequest(userID: user.id.text, expiresInDays: 30),
                                                             by: .testAdmin).token
            #expect(try await api.request(.get, "/v1/me", token: session).status == 200)
            #expect(try await api.request(.get, "/v1/me", token: issued).status == 200)
            let admin = try await api.token(.admin)
            let disabled = try await api.request(.post, "/v1/users/\(user.id.text)/disable", token: admin)
            #expect(disabled.status == 200)
            #expect(disabled.object["disabled_at"] is String)
            #expect(try await api.request(.get, "/v1/me", token: session).status == 401)
            #expect(try await api.request(.get, "/v1/me", token: issued).status == 401)
        }
    }

    @Test("five failures lock the e-mail (429 with Retry-After, even with the right password) until an admin unlocks it")
    func lockout() async throws {
        try await APIHarness.with { api in
            let user = try await Self.account(api)
            for _ in 0..<5 {
                let reply = try await api.request(.post, "/v1/sessions", json: ["email": user.email!, "password": "không-đúng-mật-khẩu"])
                #expect(reply.status == 401)
            }
            let locked = try await api.request(.post, "/v1/sessions", json: ["email": user.email!, "password": Self.password])
            #expect(locked.status == 429)
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect((locked.object["type"] as? String)?.hasSuffix("/sign-in-locked") == true)
            // An e-mail no account has locks the same way: the lock tells nothing about who has an account.
            for _ in 0..<5 {
                _ = try await api.request(.post, "/v1/sessions", json: ["email": "khong.co@example.vn", "password": "x"])
            }
            #expect(try await api.request(.post, "/v1/sessions", json: ["email": "khong.co@example.vn", "password": "x"]).status == 429)

            _ = try await api.services.users.unlock(user.id, by: .testAdmin)
            #expect(try await api.request(.post, "/v1/sessions", json: ["email": user.email!, "password": Self.password]).status == 201)
        }
    }

    @Test("failures from one address are limited across e-mails")
    func perAddress() async throws {
        try await TestDatabase.withServices { services in
            for n in 0..<20 {
                await #expect(throws: ServiceError.self) {
                    try await services.sessions.signIn(try SignInRequest(email: "nguoi\(n)@example.vn", password: "sai",
                                                                         address: "203.0.113.9"))
                }
            }
            do {
                _ = try await services.sessions.signIn(try SignInRequest(email: "nguoi.khac@example.vn", password: "sai",
                                                                         address: "203.0.113.9"))
                Issue.record("the 21st failure from one address should be refused")
            } catch let error as ServiceError {
                #expect(error.kind == .tooManyRequests)
                #expect(error.slug == "too-many-sign-ins")
                #expect((error.retryAfter ?? 0) > 0)
            }
            // Another address is not held up.
            await #expect(throws: ServiceError.self) {
                try await services.sessions.signIn(try SignInRequest(email: "nguoi.khac@example.vn", password: "sai",
                                                                     address: "198.51.100.7"))
            }
        }
    }

    @Test("passwords: too short, the e-mail itself, or a user without e-mail are refused; a user sets only their own")
    func passwordRules() async throws {
        try await APIHarness.with { api in
            let user = try await Self.account(api)
            let admin = try await api.token(.admin)
            #expect(try await api.request(.put, "/v1/users/\(user.id.text)/password", token: admin,
                                          json: ["password": "ngắn"]).status == 422)
            #expect(try await api.request(.put, "/v1/users/\(user.id.text)/password", token: admin,
                                          json: ["password": user.email!]).status == 422)
            let other = try await api.user(.hr, name: "Trần Văn Bình")
            #expect(try await api.request(.put, "/v1/users/\(user.id.text)/password", token: other.token,
                                          json: ["password": "một-mật-khẩu-khác"]).status == 403)
            let own = try await api.services.sessions.signIn(
                try SignInRequest(email: user.email, password: Self.password, address: nil)).token
            #expect(try await api.request(.put, "/v1/users/\(user.id.text)/password", token: own,
                                          json: ["password": "mật-khẩu-mới-của-Lan"]).status == 200)
            // A new password signs every session out.
            #expect(try await api.request(.get, "/v1/me", token: own).status == 401)
        }
    }

    @Test("admin routes: users and tokens through the API; token lifetimes are capped; other roles get 403")
    func adminRoutes() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let added = try await api.request(.post, "/v1/users", token: admin, json: [
                "name": "Phạm Văn Tâm", "role": "hr", "agency_code": "SNV", "email": "tam.pham@snv.dongthap.gov.vn",
            ])
            #expect(added.status == 201)
            #expect(added.object["scope"] as? String == "agency")
            #expect(added.object["has_password"] as? Bool == false)
            let id = try #require(added.object["id"] as? String)
            #expect(try await api.request(.post, "/v1/users", token: admin, json: [
                "name": "Người Khác", "role": "hr", "email": "tam.pham@snv.dongthap.gov.vn",
            ]).status == 409)
            #expect(try await api.request(.post, "/v1/users", token: admin, json: [
                "name": "Người Khác", "role": "hr", "scope": "agency",
            ]).status == 422)
            let issued = try await api.request(.post, "/v1/tokens", token: admin, json: ["user_id": id, "expires_in_days": 30])
            #expect(issued.status == 201)
            #expect(try await api.request(.post, "/v1/tokens", token: admin,
                                          json: ["user_id": id, "expires_in_days": 400]).status == 422)
            let tokenID = try #require(issued.object["id"] as? String)
            #expect(try await api.request(.get, "/v1/tokens?user=\(id)", token: admin).status == 200)
            let revoked = try await api.request(.delete, "/v1/tokens/\(tokenID)", token: admin)
            #expect(revoked.object["revoked_at"] is String)

            let hr = try await api.token(.hr)
            // The role is checked before the body is read: a partner's or HR's junk body is 403, not 422.
            #expect(try await api.request(.post, "/v1/users", token: hr, json: ["nonsense": true]).status == 403)
            #expect(try await api.request(.post, "/v1/tokens", token: hr, json: ["nonsense": true]).status == 403)
            #expect(try await api.request(.post, "/v1/users/\(id)/disable", token: hr).status == 403)
        }
    }

    @Test("the CLI adds a user with a scope and an e-mail, sets the password from TALENT_PASSWORD, disables them")
    func cli() async throws {
        try await TestDatabase.withDatabase { database in
            var cli = CLIRunner(databaseURL: database.url)
            let added = try await cli.json("user", "add", "--name", "Nguyễn Thị Lan", "--role", "hr", "--agency", "SNV",
                                           "--email", "lan@snv.dongthap.gov.vn") as? [String: Any]
            #expect(added?["scope"] as? String == "agency")
            let id = try #require(added?["id"] as? String)
            let noPassword = await cli.run("user", "password", id)
            #expect(noPassword.status != 0)
            #expect(noPassword.stderr.contains("TALENT_PASSWORD"))
            cli.environment["TALENT_PASSWORD"] = Self.password
            let set = try await cli.json("user", "password", id) as? [String: Any]
            #expect(set?["has_password"] as? Bool == true)
            let disabled = try await cli.json("user", "disable", id) as? [String: Any]
            #expect(disabled?["disabled_at"] is String)
            // The first administrator in one command on the server host.
            let admin = try await cli.json("user", "add", "--name", "Quản Trị Viên", "--role", "admin",
                                           "--email", "quantri@stp.dongthap.gov.vn", "--with-password") as? [String: Any]
            #expect(admin?["has_password"] as? Bool == true)
            cli.environment["TALENT_PASSWORD"] = "ngắn"
            let short = await cli.run("user", "add", "--name", "Người Thứ Ba", "--role", "hr", "--email", "ba@snv.vn",
                                      "--with-password")
            #expect(short.status == 2)
            let users = try await cli.json("user", "list") as? [[String: Any]] ?? []
            #expect(!users.contains { $0["email"] as? String == "ba@snv.vn" }, "a refused password leaves no account behind")
            let badScope = await cli.run("user", "add", "--name", "Lê Văn An", "--role", "hr", "--scope", "agency")
            #expect(badScope.status != 0)
            #expect(badScope.stderr.split(separator: "\n").count == 1)
        }
    }
}
