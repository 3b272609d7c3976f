import AsyncHTTPClient
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TalentApp
import TalentDomain
import TalentService
import TalentStore
import Testing

/// Issue 17, parts 2 and 3: HR triages nominations, the partner's status follows the person's real progress, and
/// every change of it is a signed webhook delivery from the outbox, retried until the partner answers.
@Suite("Nomination triage, partners' feedback and webhooks", .freshDatabase)
struct FeedbackTests {
    func nominate(_ api: APIHarness, _ token: String, key: String, _ body: [String: Any]) async throws -> String {
        let reply = try await api.request(.post, "/v1/nominations", token: token, json: body,
                                          headers: [HTTPField.Name("Idempotency-Key")!: key])
        #expect(reply.status == 201, "\(reply.text)")
        return try #require(reply.object["id"] as? String)
    }

    func status(_ api: APIHarness, _ nomination: String, as token: String) async throws -> String? {
        try await api.request(.get, "/v1/nominations/\(nomination)", token: token).object["status"] as? String
    }

    func position(_ api: APIHarness, _ hr: String, agency: String = "STP") async throws -> String {
        try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
            "agency_code": agency, "title": "Chuyên viên pháp chế", "kind": "legal_affairs_officer"]).object["id"] as? String)
    }

    func outbox(_ api: APIHarness) async throws -> Int {
        try await api.services.database.withConnection { c in
            for try await n in try await c.query("SELECT count(*)::int FROM outbox WHERE channel = 'webhook'", logger: TestDatabase.logger).decode(Int.self) {
                return n
            }
            return -1
        }
    }

    @Test("the issue's case: a person nominated with no position, later hired through a post HR opened, reads hired to the partner (not received)")
    func hiredThroughAnotherPost() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let hr = try await api.token(.hr)
            let nomination = try await nominate(api, ulaw, key: "k1", NominationTests.body())
            #expect(try await status(api, nomination, as: ulaw) == "received")

            // HR opens an application of its own for the person (not through the nomination) and hires them.
            let candidate = try #require(try await api.request(.get, "/v1/nominations/\(nomination)", token: hr)
                .object["candidate_id"] as? String)
            let post = try await position(api, hr)
            let opened = try await api.request(.post, "/v1/applications", token: hr,
                                               json: ["candidate_id": candidate, "position_id": post])
            #expect(opened.status == 201, "\(opened.text)")
            let application = try UUID.parse(try #require(opened.object["id"] as? String))
            #expect(try await status(api, nomination, as: ulaw) == "received")
            _ = try await api.services.applications.move(application, StageMove(to: .screening), by: .testAdmin)
            #expect(try await status(api, nomination, as: ulaw) == "under_review")
            for stage in [PipelineStage.evaluation, .interview, .offer, .hired] {
                _ = try await api.services.applications.move(application, StageMove(to: stage), by: .testAdmin)
            }
            let read = try await api.request(.get, "/v1/nominations/\(nomination)", token: ulaw)
            #expect(read.object["status"] as? String == "hired")
            #expect(read.object["status_changed_at"] as? String != nil)
            // Still nothing internal for the partner.
            #expect(read.object["candidate_id"] == nil && read.object["application_id"] == nil && read.object["stage"] == nil)
            let hired = try await api.request(.get, "/v1/nominations?status=hired", token: ulaw)
            #expect((hired.object["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [nomination])
        }
    }

    @Test("triage through the API: reviewed, accepted into a position at screening, final; declined with the reason the partner reads, rejecting the nomination's own application")
    func triage() async throws {
        try await APIHarness.with { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let hr = try await api.token(.hr)
            let first = try await nominate(api, ulaw, key: "a", NominationTests.body())
            let post = try await position(api, hr)
            let second = try await nominate(api, ulaw, key: "b", NominationTests.body(
                citizenID: "082301000124", email: "b@example.edu.vn", name: "Trần Văn Bình", position: post))

            // HR's inbox: what no one has looked at yet.
            let inbox = try await api.request(.get, "/v1/nominations?triage=new", token: hr)
            #expect(Set((inbox.object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }) == [first, second])

            let reviewed = try await api.request(.post, "/v1/nominations/\(first)/triage", token: hr,
                                                 json: ["triage": "reviewed"])
            #expect(reviewed.status == 200, "\(reviewed.text)")
            #expect(reviewed.object["triage"] as? String == "reviewed")
            #expect(reviewed.object["triaged_by"] as? String != nil)
            #expect(try await status(api, first, as: ulaw) == "under_review")

            // Accepting a nomination that names no position needs one.
            let noPosition = try await api.request(.post, "/v1/nominations/\(first)/triage", token: hr,
                                                   json: ["triage": "accepted"])
            #expect(noPosition.status == 422)
            #expect((noPosition.object["errors"] as? [[String: Any]])?.first?["field"] as? String == "position_id")
            let accepted = try await api.request(.post, "/v1/nominations/\(first)/triage", token: hr,
                                                 json: ["triage": "accepted", "position_id": post])
            #expect(accepted.status == 200, "\(accepted.text)")
            #expect(accepted.object["stage"] as? String == "screening")
            let application = try #require(accepted.object["application_id"] as? String)
            #expect(try await api.request(.get, "/v1/applications/\(application)", token: hr).object["stage"] as? String == "screening")
            // Final: a second triage is refused and changes nothing.
            let again = try await api.request(.post, "/v1/nominations/\(first)/triage", token: hr,
                                              json: ["triage": "declined", "reason": "Đổi ý"])
            #expect(again.status == 409)
            #expect((again.object["type"] as? String ?? "").hasSuffix("/nomination-triaged"))
            #expect(try await api.request(.get, "/v1/nominations/\(first)", token: hr).object["triage"] as? String == "accepted")

            // A decline needs its reason; with it, the application the nomination opened (still nominated) is rejected.
            let bare = try await api.request(.post, "/v1/nominations/\(second)/triage", token: hr, json: ["triage": "declined"])
            #expect(bare.status == 422)
            let reason = "Ngành đào tạo chưa phù hợp với vị trí pháp chế"
            let declined = try await api.request(.post, "/v1/nominations/\(second)/triage", token: hr,
                                                 json: ["triage": "declined", "reason": reason])
            #expect(declined.status == 200, "\(declined.text)")
            #expect(declined.object["stage"] as? String == "rejected")
            let partnerView = try await api.request(.get, "/v1/nominations/\(second)", token: ulaw)
            #expect(partnerView.object["status"] as? String == "not_selected")
            #expect(partnerView.object["triage_reason"] as? String == reason)
            #expect(partnerView.object["triaged_by"] == nil)

            // Other roles may not triage; a partner's is forbidden, another partner's nomination is out of sight.
            let leader = try await api.token(.leadership)
            #expect(try await api.request(.post, "/v1/nominations/\(first)/triage", token: leader, json: ["triage": "reviewed"]).status == 403)
            #expect(try await api.request(.post, "/v1/nominations/\(first)/triage", token: ulaw, json: ["triage": "reviewed"]).status == 403)
            #expect(try await api.request(.post, "/v1/nominations/\(UUID().uuidString)/triage", token: hr, json: ["triage": "reviewed"]).status == 404)

            // Every step is in the audit trail.
            let audit = try await api.services.audit.list(entity: nil, actor: nil, action: "nomination.triage", since: nil,
                                                          page: PageRequest(limit: 10), by: .testAdmin)
            #expect(audit.items.count == 3)
        }
    }

    @Test("a decline while the nomination's application is under way is refused, and nothing is queued for the partner")
    func declineUnderWay() async throws {
        try await APIHarness.with { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let hr = try await api.token(.hr)
            let post = try await position(api, hr)
            _ = try await api.request(.post, "/v1/webhooks", token: try await api.token(.admin),
                                      json: ["partner_code": "ULAW", "url": "https://ulaw.example.edu.vn/hook"])
            let nomination = try await nominate(api, ulaw, key: "a", NominationTests.body(position: post))
            let application = try #require(try await api.request(.get, "/v1/nominations/\(nomination)", token: hr)
                .object["application_id"] as? String)
            _ = try await api.services.applications.move(UUID.parse(application), StageMove(to: .screening), by: .testAdmin)
            let queued = try await outbox(api)
            #expect(queued == 1)  // received → under_review

            let refused = try await api.request(.post, "/v1/nominations/\(nomination)/triage", token: hr,
                                                json: ["triage": "declined", "reason": "Không phù hợp"])
            #expect(refused.status == 409)
            #expect((refused.object["type"] as? String ?? "").hasSuffix("/application-under-way"))
            #expect(try await outbox(api) == queued)
            #expect(try await api.request(.get, "/v1/nominations/\(nomination)", token: hr).object["triage"] as? String == "new")
        }
    }

    /// A partner's endpoint: records what it receives; answers 500 to the first `failFirst` deliveries.
    actor Receiver {
        struct Received: Sendable {
            var headers: HTTPFields
            var body: Data
        }
        var received: [Received] = []
        var failFirst: Int

        init(failFirst: Int) { self.failFirst = failFirst }

        func take(_ request: Received) -> HTTPResponse.Status {
            received.append(request)
            if failFirst > 0 {
                failFirst -= 1
                return .internalServerError
            }
            return .noContent
        }
    }

    @Test("a status change is a signed POST to the partner's URL, from the outbox; a failed delivery is retried after its backoff and then delivered; the CLI shows it")
    func webhookDelivery() async throws {
        try await APIHarness.with { api in
            let receiver = Receiver(failFirst: 1)
            let router = Router()
            router.post("/hook") { request, _ -> Response in
                let body = try await request.body.collect(upTo: 1 << 20)
                let status = await receiver.take(.init(headers: request.headers, body: Data(body.readableBytesView)))
                return Response(status: status)
            }
            let partnerApp = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await partnerApp.test(.live) { partner in
                let port = try #require(partner.port)
                let ulaw = try await NominationTests.partner(api, code: "ULAW")
                let hr = try await api.token(.hr)
                let cli = CLIRunner(databaseURL: api.services.database.url)

                // The admin adds the webhook from the CLI; the secret is printed once, on the last line.
                let added = await cli.run("webhook", "add", "--partner", "ULAW", "--url", "http://127.0.0.1:\(port)/hook")
                #expect(added.status == 0, "\(added.stderr)")
                let secret = try #require(added.stdout.split(separator: "\n").last.map(String.init))
                #expect(secret.hasPrefix("whsec_"))
                let listed = await cli.run("webhook", "list")
                #expect(listed.status == 0 && listed.stdout.contains("ULAW") && !listed.stdout.contains(secret))

                let nomination = try await nominate(api, ulaw, key: "w", NominationTests.body())
                #expect(try await outbox(api) == 0)  // submitted as received: no change yet
                let triaged = try await api.request(.post, "/v1/nominations/\(nomination)/triage", token: hr,
                                                    json: ["triage": "reviewed"])
                #expect(triaged.status == 200)

                let client = HTTPClient(eventLoopGroupProvider: .singleton)
                let logger = Logger(label: "test.outbox")
                // First attempt: the partner answers 500; the delivery waits for its backoff (30 s by default).
                #expect(try await OutboxWorker.sendWebhooks(services: api.services, client: client, logger: logger) == 1)
                var deliveries = try await api.services.webhooks.deliveries(partner: "ULAW", state: nil, page: PageRequest(limit: 10),
                                                                             by: .testAdmin).items
                #expect(deliveries.count == 1)
                let delivery = try #require(deliveries.first)
                #expect(delivery.state == .pending && delivery.attempts == 1 && delivery.lastStatus == 500)
                let wait = try #require(delivery.nextAttemptAt).timeIntervalSinceNow
                #expect(wait > 20 && wait < 40, "next attempt in \(wait) s")
                // Not due yet: nothing is sent.
                #expect(try await OutboxWorker.sendWebhooks(services: api.services, client: client, logger: logger) == 0)

                // Time passes; the retry is delivered.
                try await api.services.database.withConnection { c in
                    try await c.query("UPDATE outbox SET next_attempt_at = now()", logger: TestDatabase.logger)
                }
                #expect(try await OutboxWorker.sendWebhooks(services: api.services, client: client, logger: logger) == 1)
                try await client.shutdown()
                deliveries = try await api.services.webhooks.deliveries(partner: "ULAW", state: "delivered",
                                                                         page: PageRequest(limit: 10), by: .testAdmin).items
                #expect(deliveries.map(\.id) == [delivery.id])
                #expect(deliveries.first?.attempts == 2 && deliveries.first?.lastStatus == 204)

                // What the partner received: twice the same delivery, each signed over its exact body.
                let received = await receiver.received
                #expect(received.count == 2)
                for request in received {
                    let mac = HMAC<SHA256>.authenticationCode(for: request.body, using: SymmetricKey(data: Data(secret.utf8)))
                    let expected = "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
                    #expect(request.headers[HTTPField.Name("X-Talent-Signature")!] == expected)
                    #expect(request.headers[HTTPField.Name("X-Talent-Event")!] == "nomination.status_changed")
                    #expect(request.headers[HTTPField.Name("X-Talent-Delivery")!] == delivery.id.text)
                    let event = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
                    #expect(event["nomination_id"] as? String == nomination)
                    #expect(event["status"] as? String == "under_review")
                    #expect(event["previous_status"] as? String == "received")
                    #expect(event["delivery_id"] as? String == delivery.id.text)
                    // Nothing about the person travels in a webhook.
                    #expect(!String(decoding: request.body, as: UTF8.self).contains("Thư"))
                }
                #expect(received.map { $0.headers[HTTPField.Name("X-Talent-Attempt")!] } == ["1", "2"])

                // The deliveries' log from the CLI, and the partner reads its own through the API.
                let shown = await cli.run("webhook", "deliveries", "--partner", "ULAW")
                #expect(shown.status == 0 && shown.stdout.contains(delivery.id.text), "\(shown.stderr)")
                let own = try await api.request(.get, "/v1/webhooks/deliveries", token: ulaw)
                #expect((own.object["items"] as? [[String: Any]])?.count == 1)
                #expect(await cli.run("webhook", "add", "--partner", "ULAW", "--url", "ftp://x").status != 0)
            }
        }
    }

    @Test("a delivery that keeps failing is given up after the policy's last attempt; a removed webhook's waiting deliveries are given up")
    func givingUp() async throws {
        let policy = RetryPolicy(base: .seconds(30), cap: .seconds(3600), maxAttempts: 3)
        #expect(policy.delay(after: 1) == .seconds(30))
        #expect(policy.delay(after: 2) == .seconds(60))
        #expect(policy.delay(after: 3) == nil)
        #expect(RetryPolicy(base: .seconds(30), cap: .seconds(100), maxAttempts: 12).delay(after: 8) == .seconds(100))

        try await APIHarness.with { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let admin = try await api.token(.admin)
            // Nothing listens on this port: every attempt fails without an answer.
            let hook = try await api.request(.post, "/v1/webhooks", token: admin,
                                             json: ["partner_code": "ULAW", "url": "http://127.0.0.1:9/hook"])
            #expect(hook.status == 201, "\(hook.text)")
            #expect(hook.object["secret"] as? String != nil)
            let hr = try await api.token(.hr)
            let nomination = try await nominate(api, ulaw, key: "g", NominationTests.body())
            _ = try await api.request(.post, "/v1/nominations/\(nomination)/triage", token: hr, json: ["triage": "reviewed"])
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let webhooks = WebhookService(database: api.services.database, retry: RetryPolicy(maxAttempts: 2))
            for _ in 0..<2 {
                for due in try await webhooks.claimDue() {
                    let (status, error) = await OutboxWorker.send(due, client: client, timeout: .seconds(1))
                    #expect(status == nil && error != nil)
                    try await webhooks.record(due, status: status, error: error)
                }
                try await api.services.database.withConnection { c in
                    try await c.query("UPDATE outbox SET next_attempt_at = now() WHERE state = 'pending'", logger: TestDatabase.logger)
                }
            }
            try await client.shutdown()
            let failed = try await webhooks.deliveries(partner: nil, state: "failed", page: PageRequest(limit: 10), by: .testAdmin)
            #expect(failed.items.count == 1 && failed.items.first?.attempts == 2 && failed.items.first?.lastError != nil)

            // Another change is queued; removing the webhook gives it up, and nothing more is queued.
            _ = try await api.request(.post, "/v1/nominations/\(nomination)/triage", token: hr,
                                      json: ["triage": "declined", "reason": "Đã đủ chỉ tiêu"])
            let id = try #require(hook.object["id"] as? String)
            let removed = try await api.request(.delete, "/v1/webhooks/\(id)", token: admin)
            #expect(removed.status == 200 && removed.object["active"] as? Bool == false && removed.object["secret"] == nil)
            #expect(try await webhooks.deliveries(partner: "ULAW", state: "pending", page: PageRequest(limit: 10), by: .testAdmin).items.isEmpty)
            // The partner may read its webhooks, not add one; a bad URL is 422.
            #expect(try await api.request(.post, "/v1/webhooks", token: ulaw, json: ["partner_code": "ULAW", "url": "https://x.vn"]).status == 403)
            #expect(try await api.request(.post, "/v1/webhooks", token: admin, json: ["partner_code": "ULAW", "url": "http://ulaw.edu.vn"]).status == 422)
            #expect(try await api.request(.post, "/v1/webhooks", token: admin, json: ["partner_code": "NOPE", "url": "https://x.vn"]).status == 422)
        }
    }

    @Test("talent nomination review | decline | accept from the CLI, with one-line errors")
    func cliTriage() async throws {
        try await APIHarness.with { api in
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let hr = try await api.token(.hr)
            let post = try await position(api, hr)
            let nomination = try await nominate(api, ulaw, key: "c", NominationTests.body())
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let inbox = await cli.run("nomination", "list", "--triage", "new")
            #expect(inbox.status == 0 && inbox.stdout.contains(nomination), "\(inbox.stderr)")
            let reviewed = await cli.run("nomination", "review", nomination)
            #expect(reviewed.status == 0 && reviewed.stdout.contains("đã xem xét"), "\(reviewed.stdout)\(reviewed.stderr)")
            let missing = await cli.run("nomination", "decline", nomination)
            #expect(missing.status != 0)
            let accepted = try await cli.json("nomination", "accept", nomination, "--position", post)
            #expect((accepted as? [String: Any])?["triage"] as? String == "accepted")
            let again = await cli.run("nomination", "decline", nomination, "--reason", "Đổi ý")
            #expect(again.status != 0 && again.stderr.split(separator: "\n").count == 1, "\(again.stderr)")
            #expect(try await status(api, nomination, as: ulaw) == "under_review")
        }
    }
}
