import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TalentAPI
import TalentDomain
import TalentService
import TalentStore
import Testing

@Suite("Nominations from partner universities", .freshDatabase)
struct NominationTests {
    static func body(citizenID: String? = "082301000123", email: String = "thu.nguyen@example.edu.vn",
                     name: String = "Nguyễn Thị Minh Thư", position: String? = nil) -> [String: Any] {
        var candidate: [String: Any] = [
            "full_name": name, "date_of_birth": "2001-05-14", "email": email, "phone": "0912345678",
            "education": [["degree": "bachelor", "field": "law", "institution": "Trường Đại học Luật TP. Hồ Chí Minh",
                           "graduation_year": 2023, "classification": "excellent"]],
        ]
        if let citizenID { candidate["citizen_id"] = citizenID }
        var body: [String: Any] = [
            "candidate": candidate,
            "nominator": ["name": "TS. Trần Văn An", "title": "Trưởng khoa Luật Hành chính", "email": "an.tran@example.edu.vn"],
            "relationship": "teacher",
            "justification": "Thủ khoa đầu ra; hai công trình nghiên cứu về kỹ thuật soạn thảo văn bản.",
            "consent": ["obtained_at": "2026-11-02T09:00:00Z", "notice_version": "2026-01"],
        ]
        if let position { body["position_id"] = position }
        return body
    }

    /// A partner with an active agreement and a token for it.
    static func partner(_ api: APIHarness, code: String, quota: Int? = nil, active: Bool = true) async throws -> String {
        _ = try await api.services.partners.add(ValidPartner(PartnerDraft(code: code, name: "Trường \(code)", kind: "university")), by: .testAdmin)
        let today = CalendarDate.today()
        let agreement = try await api.services.partners.addAgreement(partner: code, ValidAgreement(AgreementDraft(
            reference: "\(code)/1", startsOn: "\(today.year - 1)-01-01", endsOn: "\(today.year + 2)-12-31", yearlyQuota: quota)),
            by: .testAdmin)
        if active { _ = try await api.services.partners.act(AgreementTransition(.activate), on: agreement.id, by: .testAdmin) }
        return try await api.services.tokens.issue(try TokenRequest(userID: nil, partnerCode: code, expiresInDays: 30), by: .testAdmin).token
    }

    func nominate(_ api: APIHarness, _ token: String, key: String?, _ body: [String: Any]) async throws -> APIHarness.Reply {
        var headers: HTTPFields = [:]
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        return try await api.request(.post, "/v1/nominations", token: token, json: body, headers: headers)
    }

    @Test("a retry while the first request with its key still runs (blocked on a lock) is 409 with Retry-After, never a second nomination; then the key replays the first answer")
    func inFlight() async throws {
        try await APIHarness.with { api in
            let ulaw = try await Self.partner(api, code: "ULAW")
            let (release, releaser) = AsyncStream.makeStream(of: Void.self)
            let (locked, locker) = AsyncStream.makeStream(of: Void.self)
            let database = api.services.database
            let holder = Task {
                try await database.withConnection { c in
                    try await c.query("BEGIN", logger: TestDatabase.logger)
                    try await c.query("LOCK TABLE referrals IN ACCESS EXCLUSIVE MODE", logger: TestDatabase.logger)
                    locker.yield()
                    for await _ in release { break }
                    try await c.query("COMMIT", logger: TestDatabase.logger)
                }
            }
            for await _ in locked { break }
            let first = Task { try await nominate(api, ulaw, key: "k-slow", Self.body()) }
            // The first request is waiting on the lock, holding its key.
            var waiting = false
            for _ in 0..<200 where !waiting {
                try await Task.sleep(for: .milliseconds(20))
                waiting = try await database.withConnection { c in
                    try await c.query("SELECT count(*)::int FROM pg_locks WHERE NOT granted", logger: TestDatabase.logger)
                        .collect().first?.decode(Int.self) ?? 0
                } > 0
            }
            #expect(waiting)
            for _ in 0..<2 {
                let retry = try await nominate(api, ulaw, key: "k-slow", Self.body())
                #expect(retry.status == 409, "\(retry.text)")
                #expect((retry.object["type"] as? String)?.hasSuffix("/idempotency-in-flight") == true)
                #expect(retry.headers[.retryAfter] == "1")
            }
            releaser.yield()
            try await holder.value
            let answered = try await first.value
            #expect(answered.status == 201, "\(answered.text)")
            let replay = try await nominate(api, ulaw, key: "k-slow", Self.body())
            #expect(replay.status == 201 && replay.body == answered.body)
            #expect(try await api.count("nominations") == 1)
            #expect(try await api.count("idempotency_keys") == 1)
        }
    }

    @Test("a nomination creates a candidate, a credited partner referral and stores the consent; every idempotency case")
    func idempotency() async throws {
        try await APIHarness.with { api in
            let ulaw = try await Self.partner(api, code: "ULAW")
            let first = try await nominate(api, ulaw, key: "k-1", Self.body())
            #expect(first.status == 201, "\(first.text)")
            #expect(first.object["status"] as? String == "received")
            let id = try #require(first.object["id"] as? String)
            #expect(first.object["submitted_at"] is String)

            let replay = try await nominate(api, ulaw, key: "k-1", Self.body())
            #expect(replay.status == 201)
            #expect(replay.body == first.body)
            #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await api.count("nominations") == 1)

            var other = Self.body()
            other["justification"] = "Một lý do khác"
            let mismatch = try await nominate(api, ulaw, key: "k-1", other)
            #expect(mismatch.status == 422)
            #expect((mismatch.object["type"] as? String)?.hasSuffix("/idempotency-mismatch") == true)

            let missing = try await nominate(api, ulaw, key: nil, Self.body())
            #expect(missing.status == 400)
            #expect(missing.contentType == "application/problem+json")

            // Keys are per partner: another partner may use the same key.
            let ctu = try await Self.partner(api, code: "CTU")
            let second = try await nominate(api, ctu, key: "k-1", Self.body())
            #expect(second.status == 201, "\(second.text)")
            #expect(second.object["id"] as? String != id)

            // Same person: one candidate, two referrals (the first credited), consent stored.
            #expect(try await api.count("candidates") == 1)
            let referrals = try await api.services.referrals.list(page: PageRequest(), by: .testAdmin).items
            #expect(referrals.count == 2)
            #expect(referrals.filter(\.credited).count == 1)
            #expect(Set(referrals.map(\.channel)) == ["nomination"])
            #expect(Set(referrals.compactMap(\.referrerPartnerCode)) == ["ULAW", "CTU"])
            let staff = try await api.token(.hr)
            let view = try await api.request(.get, "/v1/nominations/\(id)", token: staff)
            #expect((view.object["consent"] as? [String: Any])?["notice_version"] as? String == "2026-01")
            #expect((view.object["candidate"] as? [String: Any])?["citizen_id"] as? String == "082301000123")
        }
    }

    @Test("bad nominations are 4xx and write nothing: missing consent, no citizen ID or e-mail, bad fields")
    func badNominations() async throws {
        try await APIHarness.with { api in
            let token = try await Self.partner(api, code: "ULAW")
            var noConsent = Self.body()
            noConsent.removeValue(forKey: "consent")
            var noIdentity = Self.body(citizenID: nil)
            var candidate = noIdentity["candidate"] as! [String: Any]
            candidate.removeValue(forKey: "email")
            noIdentity["candidate"] = candidate
            var badCandidate = Self.body()
            badCandidate["candidate"] = ["full_name": "", "citizen_id": "123", "nickname": "x"]
            var future = Self.body()
            future["consent"] = ["obtained_at": "2999-01-01T00:00:00Z", "notice_version": "2026-01"]
            for (label, body, field) in [("no consent", noConsent, "consent.obtained_at"),
                                         ("no identity", noIdentity, "candidate.citizen_id"),
                                         ("bad candidate", badCandidate, "candidate.nickname"),
                                         ("future consent", future, "consent.obtained_at")] {
                let reply = try await nominate(api, token, key: "k-\(label.replacingOccurrences(of: " ", with: "-"))", body)
                #expect(reply.status == 422, "\(label): \(reply.text)")
                #expect((reply.object["errors"] as? [[String: Any]] ?? []).contains { $0["field"] as? String == field }, "\(label)")
            }
            #expect(try await api.count("nominations") == 0)
            #expect(try await api.count("candidates") == 0)
            // The keys of refused requests are free again.
            #expect(try await nominate(api, token, key: "k-no-consent", Self.body()).status == 201)
        }
    }

    @Test("a nomination's consent is recorded per purpose with the nomination as its proof; purposes without recruitment are refused")
    func consentPurposes() async throws {
        try await APIHarness.with { api in
            let token = try await Self.partner(api, code: "ULAW")
            var withoutRecruitment = Self.body()
            withoutRecruitment["consent"] = ["obtained_at": "2026-11-02T09:00:00Z", "notice_version": "ULAW-2026",
                                             "purposes": ["talent_pool"]]
            let refused = try await nominate(api, token, key: "k-pool-only", withoutRecruitment)
            #expect(refused.status == 422)
            #expect((refused.object["errors"] as? [[String: Any]] ?? []).contains { $0["field"] as? String == "consent.purposes" })
            #expect(try await api.count("consents") == 0)

            var both = Self.body()
            both["consent"] = ["obtained_at": "2026-11-02T09:00:00Z", "notice_version": "ULAW-2026",
                               "purposes": ["recruitment", "talent_pool"]]
            let reply = try await nominate(api, token, key: "k-both", both)
            #expect(reply.status == 201, "\(reply.text)")
            let nomination = try #require(reply.object["id"] as? String)
            let candidate = try #require(try await api.services.candidates.list(
                CandidateQuery(text: "082301000123"), page: PageRequest(limit: 5), by: .testAdmin).items.first)
            let consents = try await api.services.consents.list(candidate: candidate.id, by: .testAdmin)
            #expect(Set(consents.map(\.purpose)) == [.recruitment, .talentPool])
            #expect(consents.allSatisfy { $0.channel == .partner && $0.noticeVersion == "ULAW-2026"
                                          && $0.nominationID?.text == nomination && $0.status() == .active })
            #expect(consents.first { $0.purpose == .talentPool }?.expiresOn == CalendarDate("2028-11-02"))
            // Without purposes, recruitment only.
            let again = try await nominate(api, token, key: "k-default", Self.body(citizenID: "082301000999",
                                                                                 email: "khac@example.edu.vn"))
            #expect(again.status == 201)
            let other = try #require(try await api.services.candidates.list(
                CandidateQuery(text: "082301000999"), page: PageRequest(limit: 5), by: .testAdmin).items.first)
            #expect(try await api.services.consents.list(candidate: other.id, by: .testAdmin).map(\.purpose) == [.recruitment])
        }
    }

    @Test("no active agreement is 403, a used-up quota is 409; staff tokens cannot nominate")
    func gates() async throws {
        try await APIHarness.with { api in
            let inactive = try await Self.partner(api, code: "HVTP", active: false)
            let refused = try await nominate(api, inactive, key: "a", Self.body())
            #expect(refused.status == 403)
            #expect((refused.object["type"] as? String)?.hasSuffix("/no-active-agreement") == true)
            let limited = try await Self.partner(api, code: "CTU", quota: 1)
            #expect(try await nominate(api, limited, key: "a", Self.body()).status == 201)
            let over = try await nominate(api, limited, key: "b", Self.body(citizenID: "082301000999", email: "b@example.vn"))
            #expect(over.status == 409)
            #expect((over.object["type"] as? String)?.hasSuffix("/quota-exceeded") == true)
            let hr = try await api.token(.hr)
            #expect(try await nominate(api, hr, key: "c", Self.body()).status == 403)
        }
    }

    @Test("the same person nominated by three partners at the same moment: one candidate, three referrals, no error")
    func concurrentSamePerson() async throws {
        try await APIHarness.with { api in
            var tokens: [String] = []
            for code in ["P1", "P2", "P3"] { tokens.append(try await Self.partner(api, code: code)) }
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for token in tokens {
                    group.addTask { try await nominate(api, token, key: "same", Self.body()).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == [201, 201, 201])
            #expect(try await api.count("candidates") == 1)
            #expect(try await api.count("referrals") == 3)
            let referrals = try await api.services.referrals.list(page: PageRequest(), by: .testAdmin).items
            #expect(referrals.filter(\.credited).count == 1)
        }
    }

    @Test("a partner reads only its own nominations, masked, with a coarse status; another's is 404")
    func privacy() async throws {
        try await APIHarness.with { api in
            let ulaw = try await Self.partner(api, code: "ULAW")
            let ctu = try await Self.partner(api, code: "CTU")
            let hr = try await api.token(.hr)
            let position = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "STP", "title": "Chuyên viên", "kind": "core_drafting_officer"]).object["id"] as? String)
            let mine = try #require(try await nominate(api, ulaw, key: "1", Self.body(position: position)).object["id"] as? String)
            let theirs = try #require(try await nominate(api, ctu, key: "1", Self.body()).object["id"] as? String)
            #expect(try await api.request(.get, "/v1/nominations/\(theirs)", token: ulaw).status == 404)
            let read = try await api.request(.get, "/v1/nominations/\(mine)", token: ulaw)
            #expect(read.status == 200)
            #expect((read.object["candidate"] as? [String: Any])?["citizen_id"] as? String == "0823******23")
            #expect(read.object["candidate_id"] == nil)
            #expect(read.object["referral_id"] == nil)
            #expect(read.object["status"] as? String == "received")
            let list = try await api.request(.get, "/v1/nominations", token: ulaw)
            #expect((list.object["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [mine])
            #expect(!list.text.contains("CTU"))

            // The application opened by the nomination moves on; the partner sees a coarse status.
            let application = try #require(try await api.request(.get, "/v1/nominations/\(mine)", token: hr).object["application_id"] as? String)
            _ = try await api.services.applications.move(UUID.parse(application), StageMove(to: .screening), by: .testAdmin)
            #expect(try await api.request(.get, "/v1/nominations/\(mine)", token: ulaw).object["status"] as? String == "under_review")
            _ = try await api.services.applications.move(UUID.parse(application), StageMove(to: .rejected), by: .testAdmin)
            #expect(try await api.request(.get, "/v1/nominations/\(mine)", token: ulaw).object["status"] as? String == "not_selected")
        }
    }

    @Test("a merge takes the removed profile's nominations along (schemathesis found it refused with a foreign key)")
    func mergeMovesNominations() async throws {
        try await APIHarness.with { api in
            let ulaw = try await Self.partner(api, code: "ULAW")
            let nominated = try await nominate(api, ulaw, key: "k-merge", Self.body())
            #expect(nominated.status == 201, "\(nominated.text)")
            let nomination = try #require(nominated.object["id"] as? String)
            let hr = try await api.token(.hr)
            let other = try #require(try await api.request(.get, "/v1/nominations/\(nomination)", token: hr)
                .object["candidate_id"] as? String)
            let kept = try await api.request(.post, "/v1/candidates", token: hr, json: ["full_name": "Nguyễn Thị Minh Thư"])
            let keep = try #require(kept.object["id"] as? String)

            let merged = try await api.request(.post, "/v1/candidates/\(keep)/merge", token: hr, json: ["other_id": other])
            #expect(merged.status == 200, "\(merged.text)")
            let view = try await api.request(.get, "/v1/nominations/\(nomination)", token: hr)
            #expect(view.object["candidate_id"] as? String == keep)
            #expect(try await api.request(.get, "/v1/candidates/\(other)", token: hr).status == 404)
            #expect(try await api.request(.get, "/v1/nominations/\(nomination)", token: ulaw).status == 200)
        }
    }

    /// The tables a merge moves rows of, or whose rows go with the removed profile once their content is united into
    /// the kept one. A migration that adds a foreign key to `candidates` fails this test until the merge handles it.
    static let mergeHandles: Set<String> = [
        "applications", "referrals", "nominations", "conflict_declarations", "consents", "privacy_requests",
        "officials", "documents",  // moved
        "candidate_education", "candidate_contacts",  // united into the kept profile, then deleted with the removed one
    ]

    @Test("a merge leaves no row pointing at the removed profile, whatever table points at candidates")
    func mergeMovesEveryReference() async throws {
        try await APIHarness.with { api in
            let references = try await api.candidateReferences()
            #expect(Set(references.map(\.table)) == Self.mergeHandles,
                    "a table points at candidates that CandidateService.merge does not handle: \(references)")
            // A nominated profile with an education record, a second referral, an application and a declared
            // conflict, merged into another nominated profile.
            let ulaw = try await Self.partner(api, code: "ULAW")
            let hr = try await api.token(.hr)
            let first = try await nominate(api, ulaw, key: "k-keep", Self.body())
            var secondBody = Self.body()
            var person = secondBody["candidate"] as? [String: Any] ?? [:]
            person["citizen_id"] = "082301000999"
            person["email"] = "minhthu.khac@example.vn"
            person["education"] = [["degree": "master", "field": "Luật hành chính", "institution": "Trường Đại học Luật"]]
            secondBody["candidate"] = person
            let second = try await nominate(api, ulaw, key: "k-other", secondBody)
            let keep = try #require(try await api.request(.get, "/v1/nominations/\(first.object["id"] as? String ?? "")",
                                                          token: hr).object["candidate_id"] as? String)
            let other = try #require(try await api.request(.get, "/v1/nominations/\(second.object["id"] as? String ?? "")",
                                                           token: hr).object["candidate_id"] as? String)
            #expect(keep != other)
            let referral = try await api.request(.post, "/v1/referrals", token: hr, json: [
                "candidate_id": other, "referrer_kind": "person", "referrer_name": "Trần Văn Hải",
                "justification": "Đã cùng soạn thảo quy chế"])
            #expect(referral.status == 201, "\(referral.text)")
            let position = try await api.request(.post, "/v1/positions", token: hr, json: [
                "agency_code": "STP", "title": "Chuyên viên pháp chế", "kind": "legal_affairs_officer"])
            let positionID = try #require(position.object["id"] as? String, "\(position.text)")
            let application = try await api.request(.post, "/v1/applications", token: hr,
                                                    json: ["candidate_id": other, "position_id": positionID])
            #expect(application.status == 201, "\(application.text)")
            let (evaluator, _) = try await api.user(.evaluator, name: "Lê Thị Hoa")
            let conflict = try await api.request(
                .post, "/v1/applications/\(application.object["id"] as? String ?? "")/recusals", token: hr,
                json: ["evaluator_id": evaluator, "reason": "Là giảng viên hướng dẫn", "relationship": "teacher"])
            #expect(conflict.status == 201, "\(conflict.text)")
            let admin = try await api.token(.admin)
            let request = try await api.request(.post, "/v1/privacy/requests", token: admin,
                                                json: ["candidate_id": other, "kind": "access"])
            #expect(request.status == 201, "\(request.text)")
            let official = try await api.request(.post, "/v1/officials", token: hr, json: [
                "full_name": "Trần Thị Bích", "agency_code": "STP", "kind": "drafting_staff", "candidate_id": other])
            #expect(official.status == 201, "\(official.text)")
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
            let document = try await api.request(.post, "/v1/candidates/\(other)/documents", token: hr,
                                                 raw: DocumentTests.multipart(kind: "diploma", filename: "bang.png", data: png),
                                                 headers: DocumentTests.multipartType)
            #expect(document.status == 201, "\(document.text)")
            for (table, column) in references where Self.mergeHandles.contains(table) && table != "candidate_contacts" {
                #expect(try await api.count(table, where: column, is: other) > 0, "\(table) has no row of the other profile")
            }

            let merged = try await api.request(.post, "/v1/candidates/\(keep)/merge", token: hr, json: ["other_id": other])
            #expect(merged.status == 200, "\(merged.text)")
            for (table, column) in references {
                #expect(try await api.count(table, where: column, is: other) == 0, "\(table).\(column) still points at it")
            }
            let kept = try await api.request(.get, "/v1/candidates/\(keep)?include=applications,referrals,nominations",
                                             token: hr)
            #expect((kept.object["nominations"] as? [Any])?.count == 2, "\(kept.text)")
            #expect((kept.object["referrals"] as? [Any])?.count == 3, "\(kept.text)")
            #expect((kept.object["applications"] as? [Any])?.count == 1, "\(kept.text)")
            #expect((kept.object["education"] as? [[String: Any]])?.contains { $0["degree"] as? String == "master" } == true)
        }
    }

    @Test("partners beyond their rate get 429 with Retry-After")
    func rateLimit() async throws {
        try await TestDatabase.withServices { services in
            let app = Application(router: APIServer.buildRouter(services, partnerRatePerMinute: 3))
            _ = try await services.partners.add(ValidPartner(PartnerDraft(code: "ULAW", name: "Trường Đại học Luật", kind: nil)), by: .testAdmin)
            let token = try await services.tokens.issue(try TokenRequest(userID: nil, partnerCode: "ULAW", expiresInDays: 1), by: .testAdmin).token
            try await app.test(.router) { client in
                var statuses: [HTTPResponse.Status] = []
                var retryAfter: String?
                for _ in 0..<5 {
                    let reply = try await client.executeRequest(uri: "/v1/nominations", method: .get,
                                                                headers: [.authorization: "Bearer \(token)"], body: nil)
                        .conforming(.get, "/v1/nominations")
                    statuses.append(reply.status)
                    retryAfter = reply.headers[.retryAfter] ?? retryAfter
                }
                #expect(statuses.prefix(3).allSatisfy { $0 == .ok })
                #expect(statuses.last == .tooManyRequests)
                #expect(retryAfter != nil)
            }
        }
    }

    @Test("two instances of the server share one budget per partner, another partner has its own, staff have none")
    func rateLimitSharedByInstances() async throws {
        try await TestDatabase.withServices { services in
            // A second process: its own pools and router over the same database.
            let other = Database(url: services.database.url, poolSize: 2, logger: TestDatabase.logger)
            let instances = [Application(router: APIServer.buildRouter(services, partnerRatePerMinute: 4)),
                             Application(router: APIServer.buildRouter(TalentServices(database: other),
                                                                       partnerRatePerMinute: 4))]
            for code in ["ULAW", "UEL"] {
                _ = try await services.partners.add(ValidPartner(PartnerDraft(code: code, name: "Trường \(code)", kind: nil)), by: .testAdmin)
            }
            let ulaw = try await services.tokens.issue(try TokenRequest(userID: nil, partnerCode: "ULAW", expiresInDays: 1), by: .testAdmin).token
            let uel = try await services.tokens.issue(try TokenRequest(userID: nil, partnerCode: "UEL", expiresInDays: 1), by: .testAdmin).token
            let admin = try await services.users.add(try NewStaffUser(name: "Quản trị", role: "admin", agencyCode: "STP", email: nil, scope: "province"), by: .testAdmin)
            let staff = try await services.tokens.issue(try TokenRequest(userID: admin.id.text, expiresInDays: 1), by: .testAdmin).token
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await other.run() }
                defer { group.cancelAll() }
                try await instances[0].test(.router) { first in
                    try await instances[1].test(.router) { second in
                        func get(_ client: any TestClientProtocol, _ token: String) async throws -> TestResponse {
                            try await client.executeRequest(uri: "/v1/nominations", method: .get,
                                                            headers: [.authorization: "Bearer \(token)"], body: nil)
                                .conforming(.get, "/v1/nominations")
                        }
                        // Four requests a minute, alternately on each instance: the fifth is refused on either.
                        var statuses: [HTTPResponse.Status] = []
                        let clients: [any TestClientProtocol] = [first, second]
                        for n in 0..<4 { statuses.append(try await get(clients[n % 2], ulaw).status) }
                        #expect(statuses == [.ok, .ok, .ok, .ok])
                        for client in clients {
                            let refused = try await get(client, ulaw)
                            #expect(refused.status == .tooManyRequests)
                            // One request refills in 15 s at 4 a minute.
                            let wait = Int(refused.headers[.retryAfter] ?? "") ?? 0
                            #expect((1...15).contains(wait), "Retry-After: \(wait)")
                        }
                        #expect(try await get(second, uel).status == .ok)
                        for _ in 0..<6 { #expect(try await get(first, staff).status == .ok) }
                    }
                }
            }
        }
    }
}
