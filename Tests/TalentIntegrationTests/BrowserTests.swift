import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

/// The browser's side of issue 12: the dashboard signs in with an e-mail and a password for a server-side session
/// (never an API token), every form carries a CSRF key and is refused from another site, and evaluators score in
/// the browser through the same service call as the API.
@Suite("The browser: sign-in, CSRF, evaluators' pages", .freshDatabase)
struct BrowserTests {
    static let password = "mật-khẩu-đủ-dài-483"
    static let defaultRubric = UUID(uuidString: "00000000-0000-4000-8000-000000000483")!

    static func account(_ api: APIHarness, role: Role, name: String, email: String) async throws -> StaffUser {
        let user = try await api.services.users.add(
            try NewStaffUser(name: name, role: role.rawValue, agencyCode: "STP", email: email, scope: "province"), by: .testAdmin)
        return try await api.services.users.setPassword(user.id, password, by: .testAdmin)
    }

    /// What a browser keeps between requests: its cookies.
    struct Browser {
        let api: APIHarness
        var cookies: [String: String] = [:]
        var headers: HTTPFields = [:]

        init(_ api: APIHarness, headers: HTTPFields = [:]) {
            self.api = api
            self.headers = headers
        }

        mutating func send(_ method: HTTPRequest.Method, _ path: String, form: [(String, String)]? = nil,
                           headers extra: HTTPFields = [:], sourceLocation: SourceLocation = #_sourceLocation) async throws -> APIHarness.Reply {
            var headers = headers
            headers.append(contentsOf: extra)
            if !cookies.isEmpty, headers[.cookie] == nil {
                headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            }
            var raw: Data?
            if let form {
                headers[.contentType] = "application/x-www-form-urlencoded"
                raw = Data(BrowserTests.encode(form).utf8)
            }
            let reply = try await api.request(method, path, raw: raw, headers: headers, sourceLocation: sourceLocation)
            for cookie in reply.headers[values: .setCookie] {
                let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(pair[0]), value = pair.count == 2 ? String(pair[1]) : ""
                if value.isEmpty || cookie.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
            }
            return reply
        }

        /// Opens the form and signs in.
        mutating func signIn(_ email: String, _ password: String = BrowserTests.password,
                             headers extra: HTTPFields = [:]) async throws -> APIHarness.Reply {
            let form = try await send(.get, "/dashboard/login")
            let key = try #require(BrowserTests.formKey(form.text))
            return try await send(.post, "/dashboard/login", form: [("form_key", key), ("email", email), ("password", password)],
                                  headers: extra)
        }
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }

    static func formKey(_ html: String) -> String? {
        guard let range = html.range(of: #"name="form_key" value="[^"]+""#, options: .regularExpression) else { return nil }
        return String(html[range].dropFirst(#"name="form_key" value=""#.count).dropLast())
    }

    static func errorText(_ html: String) -> String? {
        guard let range = html.range(of: #"<p class="error" role="alert">[^<]*</p>"#, options: .regularExpression) else { return nil }
        return String(html[range])
    }

    @Test("sign in with e-mail and password: a browser session in an HttpOnly cookie that is no /v1 bearer; sign-out revokes it")
    func signInAndOut() async throws {
        try await APIHarness.with { api in
            let leader = try await Self.account(api, role: .leadership, name: "Võ Thành Nam", email: "nam.vo@stp.gov.vn")
            var browser = Browser(api)
            let anonymous = try await browser.send(.get, "/dashboard")
            #expect(anonymous.status == 303 && anonymous.headers[.location] == "/dashboard/login")
            let form = try await browser.send(.get, "/dashboard/login")
            #expect(form.status == 200)
            #expect(form.text.contains(#"name="email""#) && form.text.contains(#"name="password""#))
            #expect(!form.text.contains(#"name="token""#))
            #expect(!form.text.contains("role=\"alert\""))
            let loginCookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("talent_login=") })
            #expect(loginCookie.contains("HttpOnly") && loginCookie.contains("SameSite=Strict"))

            // Wrong password and unknown e-mail: the same 401 and the same message; the e-mail typed is kept.
            let wrong = try await browser.signIn("nam.vo@stp.gov.vn", "sai-mật-khẩu-rồi")
            let unknown = try await browser.signIn("ai.do@example.vn")
            #expect(wrong.status == 401 && unknown.status == 401)
            let message = try #require(Self.errorText(wrong.text))
            #expect(message.contains("không đúng"))
            #expect(Self.errorText(unknown.text) == message)
            #expect(wrong.text.contains(#"value="nam.vo@stp.gov.vn""#))
            #expect(!wrong.text.contains("sai-mật-khẩu-rồi"))
            #expect(try await browser.signIn("", "").status == 400)

            // Signed in: to the dashboard, with the session's cookie.
            let signedIn = try await browser.signIn("Nam.Vo@stp.gov.vn")
            #expect(signedIn.status == 303)
            #expect(signedIn.headers[.location] == "/dashboard")
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("talent_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/;"))
            #expect(!cookie.contains("Secure"))
            let secret = try #require(browser.cookies["talent_session"])
            #expect(browser.cookies["talent_login"] == nil)
            let page = try await browser.send(.get, "/dashboard")
            #expect(page.status == 200 && page.text.contains("Bảng điều hành"))
            #expect(page.text.contains("Võ Thành Nam"))
            // Back to the form while signed in: straight to the dashboard.
            #expect(try await browser.send(.get, "/dashboard/login").headers[.location] == "/dashboard")

            // The cookie's secret is not a bearer token of /v1, in a header or as a cookie.
            #expect(try await api.request(.get, "/v1/me", token: secret).status == 401)
            #expect(try await api.request(.get, "/v1/me", headers: [.cookie: "talent_session=\(secret)"]).status == 401)
            // Nor is any issued token in it: a script's bearer header still opens the dashboard.
            let issued = try await api.services.tokens.issue(try TokenRequest(userID: leader.id.text, expiresInDays: 1), by: .testAdmin)
            #expect(try await api.request(.get, "/dashboard", token: issued.token).status == 200)

            // Sign-out needs the form's key; then the session is revoked on the server.
            let key = try #require(Self.formKey(page.text))
            #expect(try await browser.send(.post, "/dashboard/logout", form: [("form_key", "not-the-key")]).status == 403)
            #expect(try await browser.send(.post, "/dashboard/logout", form: []).status == 403)
            #expect(try await browser.send(.get, "/dashboard").status == 200)
            let out = try await browser.send(.post, "/dashboard/logout", form: [("form_key", key)])
            #expect(out.status == 303 && out.headers[.location] == "/dashboard/login")
            #expect(browser.cookies["talent_session"] == nil)
            let replayed = try await api.request(.get, "/dashboard", headers: [.cookie: "talent_session=\(secret)"])
            #expect(replayed.status == 303 && replayed.headers[.location] == "/dashboard/login")
            let actions = try await api.services.audit.list(actor: "Võ Thành Nam", page: PageRequest(), by: .testAdmin).items.map(\.action)
            #expect(actions.contains("session.create") && actions.contains("session.revoke"))

            // Behind HTTPS the cookie is Secure.
            var secure = Browser(api, headers: [.init("X-Forwarded-Proto")!: "https"])
            let overTLS = try await secure.signIn("nam.vo@stp.gov.vn")
            #expect(overTLS.headers[values: .setCookie].first { $0.hasPrefix("talent_session=") }?.contains("; Secure") == true)
        }
    }

    @Test("repeated failures lock the sign-in: 429 with Retry-After and the lockout's message")
    func lockout() async throws {
        try await APIHarness.with { api in
            _ = try await Self.account(api, role: .hr, name: "Trần Minh Đức", email: "duc.tran@stp.gov.vn")
            var browser = Browser(api)
            for _ in 0..<5 { #expect(try await browser.signIn("duc.tran@stp.gov.vn", "sai-mật-khẩu-rồi").status == 401) }
            let locked = try await browser.signIn("duc.tran@stp.gov.vn")
            #expect(locked.status == 429)
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(Self.errorText(locked.text)?.contains("tạm khóa") == true)
            #expect(browser.cookies["talent_session"] == nil)
        }
    }

    @Test("CSRF: a form without its key, with another key, from another origin or cross-site is refused with 403")
    func crossSite() async throws {
        try await APIHarness.with { api in
            _ = try await Self.account(api, role: .leadership, name: "Võ Thành Nam", email: "nam.vo@stp.gov.vn")
            let fields = [("email", "nam.vo@stp.gov.vn"), ("password", Self.password)]
            // No sign-in key at all (a post from a page that never showed the form), or one not matching the cookie.
            var browser = Browser(api)
            let bare = try await browser.send(.post, "/dashboard/login", form: fields)
            #expect(bare.status == 403)
            #expect(bare.contentType.hasPrefix("text/html") && bare.text.contains("Yêu cầu bị từ chối"))
            let form = try await browser.send(.get, "/dashboard/login")
            let key = try #require(Self.formKey(form.text))
            #expect(try await browser.send(.post, "/dashboard/login", form: [("form_key", "x" + key)] + fields).status == 403)
            #expect(try await browser.send(.post, "/dashboard/login", form: fields).status == 403)
            // The right key, but sent from another site.
            let evil: HTTPFields = [.init("Origin")!: "https://evil.example", .init("Host")!: "talent.example.vn"]
            #expect(try await browser.send(.post, "/dashboard/login", form: [("form_key", key)] + fields, headers: evil).status == 403)
            let null: HTTPFields = [.init("Origin")!: "null", .init("Host")!: "talent.example.vn"]
            #expect(try await browser.send(.post, "/dashboard/login", form: [("form_key", key)] + fields, headers: null).status == 403)
            let port: HTTPFields = [.init("Origin")!: "http://talent.example.vn:9999", .init("Host")!: "talent.example.vn:8080"]
            #expect(try await browser.send(.post, "/dashboard/login", form: [("form_key", key)] + fields, headers: port).status == 403)
            let crossSite: HTTPFields = [.init("Sec-Fetch-Site")!: "cross-site"]
            #expect(try await browser.send(.post, "/dashboard/login", form: [("form_key", key)] + fields, headers: crossSite).status == 403)
            #expect(browser.cookies["talent_session"] == nil)
            // The server's own origin, as the browser sends it: signed in.
            let own: HTTPFields = [.init("Origin")!: "http://talent.example.vn:8080", .init("Host")!: "talent.example.vn:8080",
                                   .init("Sec-Fetch-Site")!: "same-origin"]
            let signedIn = try await browser.send(.post, "/dashboard/login", form: [("form_key", key)] + fields, headers: own)
            #expect(signedIn.status == 303)
            // Behind a proxy that passes the host without its port.
            var proxied = Browser(api)
            let again = try await proxied.send(.get, "/dashboard/login")
            let behind: HTTPFields = [.init("Origin")!: "https://talent.example.vn", .init("Host")!: "talent.example.vn"]
            #expect(try await proxied.send(.post, "/dashboard/login", form: [("form_key", try #require(Self.formKey(again.text)))] + fields,
                                           headers: behind).status == 303)
            // Sign-out from another site leaves the session as it was.
            #expect(try await browser.send(.post, "/dashboard/logout", form: [], headers: evil).status == 403)
            #expect(try await browser.send(.get, "/dashboard").status == 200)
        }
    }

    @Test("a sheet hr typed in for an evaluator: the form says so and the evaluator confirms it in the browser")
    func confirmTypedIn() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let evaluator = try await Self.account(api, role: .evaluator, name: "Lê Văn Hải", email: "hai.le@stp.gov.vn")
            let application = try await EvaluationTests.application(api, name: "Nguyễn Thị Hồng Nhung")
            _ = try await s.evaluations.assign(application: application.id, PanelAssignment(evaluatorID: evaluator.id), by: .testAdmin)
            let rubric = try await s.evaluations.rubric(Self.defaultRubric, by: .testAdmin)
            let scores = Dictionary(uniqueKeysWithValues: rubric.definition.criteria.map { ($0.key, JSONValue.number(3)) })
            _ = try await s.evaluations.submit(application: application.id,
                                               Submission(rubricID: rubric.id, scores: scores, evaluatorID: evaluator.id),
                                               by: .testAdmin)
            let a = application.id.uuidString.lowercased()
            var browser = Browser(api)
            _ = try await browser.signIn("hai.le@stp.gov.vn")
            let form = try await browser.send(.get, "/evaluate/\(a)")
            #expect(form.text.contains("nhập hộ bạn và chưa được tính"))
            #expect(form.text.contains("action=\"/evaluate/\(a)/confirmation\""))
            let key = try #require(Self.formKey(form.text))
            #expect(try await browser.send(.post, "/evaluate/\(a)/confirmation", form: []).status == 403)
            let confirmed = try await browser.send(.post, "/evaluate/\(a)/confirmation", form: [("form_key", key)])
            #expect(confirmed.status == 303)
            let sheet = try #require(try await s.evaluations.sheets(application: application.id, by: .testAdmin).first)
            #expect(sheet.confirmedAt != nil && sheet.counts)
            #expect(!(try await browser.send(.get, "/evaluate/\(a)")).text.contains("nhập hộ bạn"))
            let trail = try await s.audit.list(entity: AuditEntity(parsing: "application:\(application.id.text)"),
                                               page: PageRequest(), by: .testAdmin).items
            #expect(trail.first { $0.action == "evaluation.confirm" }?.actor == "Lê Văn Hải")
        }
    }

    @Test("an evaluator scores in the browser: their panels, the rubric's form, refusals keep what was typed, the audit names them")
    func evaluatorScores() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let evaluator = try await Self.account(api, role: .evaluator, name: "Lê Văn Hải", email: "hai.le@stp.gov.vn")
            let outsider = try await Self.account(api, role: .evaluator, name: "Ngô Văn Ngoài", email: "ngoai.ngo@stp.gov.vn")
            _ = try await Self.account(api, role: .hr, name: "Trần Minh Đức", email: "duc.tran@stp.gov.vn")
            let application = try await EvaluationTests.application(api, name: "Nguyễn Thị Hồng Nhung")
            let other = try await EvaluationTests.application(api, name: "Phạm Quốc Bảo")
            _ = try await s.evaluations.assign(application: application.id, PanelAssignment(evaluatorID: evaluator.id), by: .testAdmin)
            _ = try await s.evaluations.assign(application: other.id, PanelAssignment(evaluatorID: outsider.id), by: .testAdmin)
            let rubric = try await s.evaluations.rubric(Self.defaultRubric, by: .testAdmin)
            let criteria = rubric.definition.criteria
            let a = application.id.uuidString.lowercased()

            // Not an evaluator: a clear 403. An evaluator not on the panel: 404.
            var hr = Browser(api)
            #expect(try await hr.signIn("duc.tran@stp.gov.vn").headers[.location] == "/dashboard")
            let refused = try await hr.send(.get, "/evaluate")
            #expect(refused.status == 403 && refused.text.contains("hội đồng đánh giá"))
            #expect(try await hr.send(.get, "/evaluate/\(a)").status == 403)
            var outside = Browser(api)
            _ = try await outside.signIn("ngoai.ngo@stp.gov.vn")
            #expect(try await outside.send(.get, "/evaluate/\(a)").status == 404)
            #expect(try await outside.send(.get, "/evaluate/not-an-id").status == 404)
            let outsideList = try await outside.send(.get, "/evaluate")
            #expect(!outsideList.text.contains("Nguyễn Thị Hồng Nhung") && outsideList.text.contains("Phạm Quốc Bảo"))

            // The evaluator lands on their list; the dashboard is not theirs.
            var browser = Browser(api)
            let signedIn = try await browser.signIn("hai.le@stp.gov.vn")
            #expect(signedIn.headers[.location] == "/evaluate")
            #expect(try await browser.send(.get, "/dashboard").status == 403)
            let list = try await browser.send(.get, "/evaluate")
            #expect(list.status == 200)
            #expect(list.text.contains("Nguyễn Thị Hồng Nhung") && !list.text.contains("Phạm Quốc Bảo"))
            #expect(list.text.contains("href=\"/evaluate/\(a)\""))
            #expect(list.text.contains("Còn phải chấm"))
            #expect(try await browser.send(.get, "/evaluate", headers: [.acceptLanguage: "en"]).text.contains("Left to score"))

            // The form: every criterion with its level descriptions, a score each, a comment; no reason yet.
            let form = try await browser.send(.get, "/evaluate/\(a)")
            #expect(form.status == 200)
            for criterion in criteria {
                #expect(form.text.contains(criterion.label))
                #expect(form.text.contains("name=\"score.\(criterion.key)\""))
                for text in criterion.levels.values { #expect(form.text.contains(text)) }
            }
            #expect(form.text.contains("name=\"comment\"") && !form.text.contains("name=\"reason\""))
            let key = try #require(Self.formKey(form.text))

            // Without the key, or with another session's: refused, nothing written.
            let full = criteria.map { ("score.\($0.key)", "4") }
            let fields = [("rubric_id", rubric.id.text), ("comment", "Hồ sơ vững, cần thêm kinh nghiệm thực tế.")] + full
            #expect(try await browser.send(.post, "/evaluate/\(a)", form: fields).status == 403)
            let otherKey = try #require(Self.formKey(try await outside.send(.get, "/evaluate").text))
            #expect(try await browser.send(.post, "/evaluate/\(a)", form: [("form_key", otherKey)] + fields).status == 403)
            #expect(try await browser.send(.post, "/evaluate/\(a)", form: [("form_key", key)] + fields,
                                           headers: [.init("Sec-Fetch-Site")!: "cross-site"]).status == 403)
            #expect(try await s.evaluations.sheets(application: application.id, by: .testAdmin).isEmpty)

            // A score missing: 422, the form again with the reason and what was typed.
            let partial = try await browser.send(.post, "/evaluate/\(a)",
                                                 form: [("form_key", key), ("rubric_id", rubric.id.text), ("comment", "Nhận xét dở dang")]
                                                     + full.dropLast())
            #expect(partial.status == 422)
            #expect(partial.text.contains("role=\"alert\""))
            #expect(partial.text.contains("thiếu điểm cho tiêu chí \(criteria.last!.label)"))
            #expect(partial.text.contains("Nhận xét dở dang"))
            #expect(partial.text.contains("id=\"score-\(criteria[0].key)-4\" name=\"score.\(criteria[0].key)\" value=\"4\" checked"))
            #expect(try await s.evaluations.sheets(application: application.id, by: .testAdmin).isEmpty)

            // Submitted: back to the form, which says so; the list moves it; the audit names the evaluator.
            let submitted = try await browser.send(.post, "/evaluate/\(a)", form: [("form_key", key)] + fields)
            #expect(submitted.status == 303)
            #expect(submitted.headers[.location] == "/evaluate/\(a)?saved=1")
            let saved = try await browser.send(.get, "/evaluate/\(a)?saved=1")
            #expect(saved.text.contains("Đã nộp phiếu"))
            #expect(saved.text.contains("name=\"reason\""))
            let sheets = try await s.evaluations.sheets(application: application.id, by: .testAdmin)
            #expect(sheets.count == 1)
            #expect(sheets.first?.evaluatorID == evaluator.id)
            #expect(sheets.first?.scores == Dictionary(uniqueKeysWithValues: criteria.map { ($0.key, 4) }))
            #expect(sheets.first?.comment == "Hồ sơ vững, cần thêm kinh nghiệm thực tế.")
            let trail = try await s.audit.list(entity: AuditEntity(parsing: "application:\(application.id.text)"),
                                               page: PageRequest(), by: .testAdmin).items
            let entry = try #require(trail.first { $0.action == "evaluation.submit" })
            #expect(entry.actor == "Lê Văn Hải")
            #expect(entry.role == .evaluator)
            let moved = try await browser.send(.get, "/evaluate")
            #expect(moved.text.contains("Không còn hồ sơ nào phải chấm"))

            // Amending needs a reason (the API's rule), then keeps the history.
            let changed = [("rubric_id", rubric.id.text), ("comment", "Sau phỏng vấn bổ sung.")] + criteria.map { ("score.\($0.key)", "5") }
            let noReason = try await browser.send(.post, "/evaluate/\(a)", form: [("form_key", key)] + changed)
            #expect(noReason.status == 422)
            #expect(noReason.text.contains("bắt buộc khi sửa phiếu đã nộp"))
            #expect(noReason.text.contains("Sau phỏng vấn bổ sung."))
            let amended = try await browser.send(.post, "/evaluate/\(a)",
                                                 form: [("form_key", key), ("reason", "Phỏng vấn bổ sung ngày 20/11")] + changed)
            #expect(amended.status == 303)
            let history = try await s.evaluations.sheets(application: application.id, history: true, by: .testAdmin)
            #expect(history.count == 2)
            #expect(history.contains { $0.reason == "Phỏng vấn bổ sung ngày 20/11" && $0.supersededAt == nil })
            let after = try await s.audit.list(entity: AuditEntity(parsing: "application:\(application.id.text)"),
                                               page: PageRequest(), by: .testAdmin).items
            #expect(after.first { $0.action == "evaluation.amend" }?.actor == "Lê Văn Hải")

            // In English when asked.
            let english = try await browser.send(.get, "/evaluate/\(a)", headers: [.acceptLanguage: "en"])
            #expect(english.text.contains("Reason for the amendment") && english.text.contains("lang=\"en\""))
        }
    }
}
