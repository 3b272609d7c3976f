import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TalentAPI
import TalentApp
import TalentDomain
import TalentService
import TalentStore
import Testing

/// What an operator relies on (issue 14, item 6): the security headers of every answer, the pages' strict
/// Content-Security-Policy, and `GET /metrics` for the metrics token alone, labelled by route pattern.
@Suite("Operations", .freshDatabase)
struct OperationsTests {
    static let metricsToken = "metrics-token-0123456789abcdef0123456789abcdef"
    static let nextMetricsToken = "metrics-token-fedcba9876543210fedcba9876543210"

    /// The API with the metrics tokens configured, as `talent serve` builds it.
    static func withMetrics<T: Sendable>(_ body: @Sendable @escaping (APIHarness) async throws -> T) async throws -> T {
        ServerMetrics.bootstrap()
        return try await TestDatabase.withServices { services in
            let router = APIServer.buildRouter(services, partnerRatePerMinute: 10_000,
                                               metricsTokens: [metricsToken, nextMetricsToken])
            return try await Application(router: router).test(.router) { client in
                try await body(APIHarness(services: services, client: client))
            }
        }
    }

    static let header = (
        contentTypeOptions: HTTPField.Name("X-Content-Type-Options")!,
        referrer: HTTPField.Name("Referrer-Policy")!,
        frame: HTTPField.Name("X-Frame-Options")!,
        csp: HTTPField.Name("Content-Security-Policy")!,
        hsts: HTTPField.Name("Strict-Transport-Security")!,
        forwardedProto: HTTPField.Name("X-Forwarded-Proto")!
    )

    @Test("every answer, whatever made it, carries nosniff, same-origin referrers, DENY and a CSP; personal data is never cached")
    func headersOnEveryAnswer() async throws {
        try await APIHarness.with { api in
            let token = try await api.token(.admin)
            let answers: [(String, APIHarness.Reply, String)] = [
                ("/health", try await api.request(.get, "/health"), "no-store"),
                ("/v1/agencies", try await api.request(.get, "/v1/agencies", token: token), "no-store"),
                ("/v1/agencies without a token", try await api.request(.get, "/v1/agencies"), "no-store"),
                ("an unknown path", try await api.request(.get, "/no-such-path"), "no-store"),
                ("another method", try await api.request(.delete, "/health"), "no-store"),
                ("/dashboard/login", try await api.request(.get, "/dashboard/login"), "no-store"),
                ("/dashboard", try await api.request(.get, "/dashboard", token: token), "no-store"),
                ("/metrics", try await api.request(.get, "/metrics"), "no-store"),
                ("/openapi.json", try await api.request(.get, "/openapi.json"), "public, max-age=300"),
                ("/openapi.yaml", try await api.request(.get, "/openapi.yaml"), "public, max-age=300"),
                ("/problems", try await api.request(.get, "/problems"), "public, max-age=300"),
                ("/problems/not-found", try await api.request(.get, "/problems/not-found"), "public, max-age=300"),
                ("an unknown problem", try await api.request(.get, "/problems/no-such-slug"), "no-store"),
            ]
            for (what, reply, cache) in answers {
                #expect(reply.headers[Self.header.contentTypeOptions] == "nosniff", "\(what)")
                #expect(reply.headers[Self.header.referrer] == "same-origin", "\(what)")
                #expect(reply.headers[Self.header.frame] == "DENY", "\(what)")
                let policy = reply.headers[Self.header.csp] ?? ""
                #expect(policy.contains("frame-ancestors 'none'") && policy.hasPrefix("default-src 'none'"), "\(what): \(policy)")
                #expect(!policy.contains("unsafe"), "\(what): \(policy)")
                #expect(reply.headers[.cacheControl] == cache, "\(what): \(reply.headers[.cacheControl] ?? "none")")
                // Plain HTTP: no HSTS.
                #expect(reply.headers[Self.header.hsts] == nil, "\(what)")
            }
        }
    }

    @Test("HSTS behind the TLS proxy (X-Forwarded-Proto: https) only, on pages and API answers alike")
    func hstsBehindTLS() async throws {
        try await APIHarness.with { api in
            for path in ["/health", "/v1/agencies", "/dashboard/login", "/openapi.json"] {
                let reply = try await api.request(.get, path, headers: [Self.header.forwardedProto: "https"])
                #expect(reply.headers[Self.header.hsts] == "max-age=31536000", "\(path)")
                let plain = try await api.request(.get, path, headers: [Self.header.forwardedProto: "http"])
                #expect(plain.headers[Self.header.hsts] == nil, "\(path)")
            }
        }
    }

    @Test("the HTML pages run no script, and each inline style sheet is allowed by its hash, none by 'unsafe-inline'")
    func pagesUnderTheirPolicy() async throws {
        try await APIHarness.with { api in
            let leader = try await api.token(.leadership)
            let pages = [
                ("/dashboard/login", nil), ("/dashboard", leader), ("/problems", nil), ("/problems/not-found", nil),
                ("/evaluate", nil),
            ]
            var seen = 0
            for (path, token) in pages {
                let reply = try await api.request(.get, path, token: token)
                guard reply.contentType.hasPrefix("text/html") else { continue }
                seen += 1
                let policy = reply.headers[Self.header.csp] ?? ""
                #expect(policy.contains("form-action 'self'"), "\(path): \(policy)")
                #expect(policy.contains("base-uri 'none'"), "\(path): \(policy)")
                #expect(!policy.contains("script-src") && !policy.contains("unsafe-inline"), "\(path): \(policy)")
                let html = reply.text
                #expect(!html.contains("<script"), "\(path) carries a script")
                #expect(!html.contains(" style=\""), "\(path) carries a style attribute, which the policy blocks")
                let sheets = Self.styleSheets(in: html)
                #expect(!sheets.isEmpty, "\(path) has no style sheet")
                for sheet in sheets {
                    let hash = "'sha256-\(Data(SHA256.hash(data: Data(sheet.utf8))).base64EncodedString())'"
                    #expect(policy.contains(hash), "\(path): a <style> whose hash \(hash) the policy does not allow")
                }
            }
            #expect(seen >= 4)
        }
    }

    /// The text of each `<style>` element of a page.
    static func styleSheets(in html: String) -> [String] {
        var sheets: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<style>"), let close = rest.range(of: "</style>", range: open.upperBound..<rest.endIndex) {
            sheets.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return sheets
    }

    @Test("/metrics is 404, as an unknown path, without a token configured, without the token, or with an API token")
    func metricsNeedsItsToken() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let unknown = try await api.request(.get, "/no-such-path")
            for token in [nil, admin, Self.metricsToken] {
                let reply = try await api.request(.get, "/metrics", token: token)
                #expect(reply.status == 404)
                #expect(reply.object["type"] as? String == unknown.object["type"] as? String)
            }
        }
        try await Self.withMetrics { api in
            let admin = try await api.token(.admin)
            for token in [nil, admin, "wrong-\(Self.metricsToken)", String(Self.metricsToken.dropLast())] {
                #expect(try await api.request(.get, "/metrics", token: token).status == 404, "\(token ?? "none")")
            }
            #expect(try await api.request(.get, "/metrics", headers: [.authorization: "Basic \(Self.metricsToken)"]).status == 404)
            // Both tokens of a rotation open it.
            for token in [Self.metricsToken, Self.nextMetricsToken] {
                let reply = try await api.request(.get, "/metrics", token: token)
                #expect(reply.status == 200)
                #expect(reply.contentType == "text/plain; version=0.0.4; charset=utf-8")
                #expect(reply.headers[.cacheControl] == "no-store")
            }
            // The metrics token opens nothing else.
            #expect(try await api.request(.get, "/v1/agencies", token: Self.metricsToken).status == 401)
        }
    }

    @Test("requests are counted and timed by route pattern and status, never by the path sent; nominations by outcome")
    func requestMetricsByRoute() async throws {
        try await Self.withMetrics { api in
            let admin = try await api.token(.admin)
            let created = try await api.request(.post, "/v1/candidates", token: admin, json: [
                "full_name": "Trần Thị Số Liệu", "date_of_birth": "1998-03-02", "citizen_id": "082398000321",
            ])
            #expect(created.status == 201)
            let id = try #require(created.object["id"] as? String)
            let series = "talent_http_requests_total{method=\"GET\",route=\"/v1/candidates/{id}\",status=\"200\"}"
            let missing = "talent_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}"
            let nominations = "talent_nominations_total{outcome=\"refused\"}"
            let before = try await Self.metrics(api)
            #expect(try await api.request(.get, "/v1/candidates/\(id)", token: admin).status == 200)
            #expect(try await api.request(.get, "/v1/candidates/\(id)", token: admin).status == 200)
            #expect(try await api.request(.get, "/no-such-path/\(id)").status == 404)
            // Staff may not submit nominations: refused, counted as such.
            let refused = try await api.request(.post, "/v1/nominations", token: admin, json: [String: String](),
                                                headers: [HTTPField.Name("Idempotency-Key")!: "metrics-test"])
            #expect(refused.status == 403)
            let after = try await Self.metrics(api)

            #expect(Self.value(series, in: after) - Self.value(series, in: before) >= 2, "\(after)")
            #expect(Self.value(missing, in: after) - Self.value(missing, in: before) >= 1)
            #expect(Self.value(nominations, in: after) - Self.value(nominations, in: before) >= 1)
            // Every outcome is a series from the start.
            for outcome in ["accepted", "replayed", "conflict", "rate_limited", "invalid", "refused", "failed"] {
                #expect(after.contains("talent_nominations_total{outcome=\"\(outcome)\"} "), "\(outcome)")
            }
            #expect(after.contains(
                "talent_http_request_duration_seconds_bucket{method=\"GET\",route=\"/v1/candidates/{id}\",le=\"0.005\"}"))
            #expect(after.contains("talent_http_request_duration_seconds_count{method=\"GET\",route=\"/v1/candidates/{id}\"}"))
            #expect(after.contains("# TYPE talent_http_request_duration_seconds histogram"))
            // No id, name or other personal data in any label.
            #expect(!after.contains(id))
            #expect(!after.lowercased().contains(id.lowercased()))
            #expect(!after.contains("082398000321"))
            #expect(!after.contains("Số Liệu"))
            #expect(after.contains("talent_process_start_time_seconds "))
        }
    }

    @Test("the pool's use: connections waited for and leased, per pool")
    func poolMetrics() async throws {
        try await Self.withMetrics { api in
            // A pool made after the backend exists (the harness's was made before this test could bootstrap it).
            let database = Database(url: api.services.database.url, poolSize: 3, logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                let waits = "talent_db_pool_wait_seconds_count{pool=\"primary\"}"
                let before = Self.value(waits, in: try await Self.metrics(api))
                let leasedInside = try await database.read { _ in
                    Self.value("talent_db_pool_leased{pool=\"primary\"}", in: String(
                        decoding: try await api.request(.get, "/metrics", token: Self.metricsToken).body, as: UTF8.self))
                }
                _ = try await database.transaction { _ in 1 }
                let after = try await Self.metrics(api)
                #expect(leasedInside >= 1)
                #expect(Self.value(waits, in: after) - before >= 2)
                #expect(after.contains("talent_db_pool_size{pool=\"primary\"} "))
                #expect(after.contains("talent_db_pool_waiting{pool=\"primary\"} "))
                #expect(after.contains("# TYPE talent_db_pool_wait_seconds histogram"))
            }
        }
    }

    static func metrics(_ api: APIHarness) async throws -> String {
        let reply = try await api.request(.get, "/metrics", token: metricsToken)
        #expect(reply.status == 200)
        return reply.text
    }

    /// The value of one series (`name{labels}`) in an exposition; 0 when it is absent.
    static func value(_ series: String, in text: String) -> Double {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1)) ?? 0
        }
        return 0
    }

    @Test("TALENT_METRICS_TOKEN: one token or several, comma-separated; a short one is refused")
    func metricsTokenSetting() throws {
        let none = try Configuration.resolve(.init(), environment: ["TALENT_CONFIG": "/nonexistent/talent.json"])
        #expect(none.metricsTokens.isEmpty)
        let two = try Configuration.resolve(.init(), environment: [
            "TALENT_CONFIG": "/nonexistent/talent.json",
            "TALENT_METRICS_TOKEN": "\(Self.metricsToken), \(Self.nextMetricsToken)",
        ])
        #expect(two.metricsTokens == [Self.metricsToken, Self.nextMetricsToken])
        #expect(throws: ServiceError.self) {
            try Configuration.resolve(.init(), environment: [
                "TALENT_CONFIG": "/nonexistent/talent.json", "TALENT_METRICS_TOKEN": "short",
            ])
        }
        #expect(throws: ServiceError.self) {
            try Configuration.resolve(.init(), environment: [
                "TALENT_CONFIG": "/nonexistent/talent.json", "TALENT_METRICS_TOKEN": "ô" + String(Self.metricsToken.dropFirst()),
            ])
        }
    }
}
