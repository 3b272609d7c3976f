import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

/// Issue 11, item 13: a candidate's file on one screen, `GET /v1/candidates/{id}?include=…` and `talent candidate show`.
@Suite("A candidate's file")
struct CandidateFileTests {
    static let everything = "applications,referrals,nominations,panels"

    /// A candidate with everything a file holds: a staff referral, a partner's nomination (a second, supporting
    /// referral), an application that went through evaluation with a panel of two (one sheet submitted) and on to
    /// interview, the panel score recorded in its history.
    struct Scenario {
        var candidate: String
        var application: String
        var nomination: String
        var evaluator: (id: String, token: String)
        var other: (id: String, token: String)
        var hr: String
    }

    static func scenario(_ api: APIHarness) async throws -> Scenario {
        let hr = try await api.token(.hr)
        let one = try await api.user(.evaluator, name: "Phạm Văn Một")
        let two = try await api.user(.evaluator, name: "Trần Thị Hai")
        let added = try await api.request(.post, "/v1/candidates", token: hr, json: [
            "full_name": "Nguyễn Thị Minh Thư", "citizen_id": "082301000123", "sector": "student"])
        let candidate = try #require(added.object["id"] as? String)
        let referral = try await api.request(.post, "/v1/referrals", token: hr, json: [
            "candidate_id": candidate, "referrer_kind": "person", "referrer_name": "Ông Lê Văn Tám",
            "relationship": "supervisor", "justification": "Cán bộ trẻ có năng lực soạn thảo."])
        #expect(referral.status == 201, "\(referral.text)")
        let ulaw = try await NominationTests.partner(api, code: "ULAW")
        var headers: HTTPFields = [:]
        headers[HTTPField.Name("Idempotency-Key")!] = "file-1"
        let nominated = try await api.request(.post, "/v1/nominations", token: ulaw, json: NominationTests.body(),
                                              headers: headers)
        #expect(nominated.status == 201, "\(nominated.text)")
        let nomination = try #require(nominated.object["id"] as? String)

        let position = try #require(try await api.request(.post, "/v1/positions", token: hr, json: [
            "agency_code": "STP", "title": "Chuyên viên xây dựng pháp luật", "kind": "core_drafting_officer"])
            .object["id"] as? String)
        let application = try #require(try await api.request(.post, "/v1/applications", token: hr, json: [
            "candidate_id": candidate, "position_id": position]).object["id"] as? String)
        for stage in ["screening", "evaluation"] {
            let moved = try await api.request(.post, "/v1/applications/\(application)/transitions", token: hr,
                                              json: ["to": stage])
            #expect(moved.status == 200, "\(moved.text)")
        }
        let rubric = try #require(try await api.request(.post, "/v1/rubrics", token: hr, json: EvaluationTests.rubricBody)
            .object["id"] as? String)
        _ = try await api.request(.post, "/v1/rubrics/\(rubric)/publish", token: hr)
        for evaluator in [one, two] {
            let assigned = try await api.request(.post, "/v1/applications/\(application)/evaluators", token: hr,
                                                 json: ["evaluator_id": evaluator.id])
            #expect(assigned.status == 201, "\(assigned.text)")
        }
        let sheet = try await api.request(.post, "/v1/applications/\(application)/evaluations", token: one.token,
                                          json: ["rubric_id": rubric, "scores": ["legal_drafting": 4, "ethics": 3]])
        #expect(sheet.status == 201, "\(sheet.text)")
        // The panel rule is off in this harness: the move records the panel score of the one sheet.
        let interview = try await api.request(.post, "/v1/applications/\(application)/transitions", token: hr,
                                              json: ["to": "interview"])
        #expect(interview.status == 200, "\(interview.text)")
        return Scenario(candidate: candidate, application: application, nomination: nomination, evaluator: one, other: two,
                        hr: hr)
    }

    @Test("include gives the profile with applications and history, referrals, nominations and panels; without it, as before")
    func api() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let s = try await Self.scenario(api)
            let plain = try await api.request(.get, "/v1/candidates/\(s.candidate)", token: s.hr)
            #expect(plain.status == 200)
            let profileKeys: Set<String> = [
                "id", "full_name", "date_of_birth", "gender", "citizen_id", "email", "phone", "other_contacts", "province", "education",
                "sector", "current_employer", "current_title", "legal_experience_years", "skills", "languages", "notes",
                "version", "created_at", "updated_at"]
            #expect(Set(plain.object.keys) == profileKeys)
            // An empty include is no include.
            let empty = try await api.request(.get, "/v1/candidates/\(s.candidate)?include=", token: s.hr)
            #expect(empty.body == plain.body)

            let file = try await api.request(.get, "/v1/candidates/\(s.candidate)?include=\(Self.everything)", token: s.hr)
            #expect(file.status == 200, "\(file.text)")
            #expect(file.headers[.eTag] == plain.headers[.eTag])
            let o = file.object
            #expect(Set(o.keys) == profileKeys.union(["applications", "referrals", "nominations", "panels"]))
            #expect(o["full_name"] as? String == "Nguyễn Thị Minh Thư")

            let applications = try #require(o["applications"] as? [[String: Any]])
            #expect(applications.count == 1)
            #expect(applications.first?["id"] as? String == s.application)
            #expect(applications.first?["stage"] as? String == "interview")
            #expect(applications.first?["position_title"] as? String == "Chuyên viên xây dựng pháp luật")
            let history = try #require(applications.first?["history"] as? [[String: Any]])
            #expect(history.map { $0["to"] as? String } == ["nominated", "screening", "evaluation", "interview"])
            #expect(history.last?["panel_score"] as? Double == 3.75)

            let referrals = try #require(o["referrals"] as? [[String: Any]])
            #expect(referrals.map { $0["referrer_kind"] as? String } == ["person", "partner"])
            #expect(referrals.map { $0["credited"] as? Bool } == [true, false])
            #expect(referrals.first?["referrer_name"] as? String == "Ông Lê Văn Tám")

            let nominations = try #require(o["nominations"] as? [[String: Any]])
            #expect(nominations.map { $0["id"] as? String } == [s.nomination])
            #expect(nominations.first?["partner_code"] as? String == "ULAW")
            #expect(nominations.first?["relationship"] as? String == "teacher")
            #expect((nominations.first?["justification"] as? String)?.hasPrefix("Thủ khoa") == true)
            #expect(nominations.first?["candidate_id"] as? String == s.candidate)

            let panels = try #require(o["panels"] as? [[String: Any]])
            #expect(panels.count == 1)
            #expect(panels.first?["application_id"] as? String == s.application)
            let evaluators = try #require(panels.first?["evaluators"] as? [[String: Any]])
            #expect(Set(evaluators.map { $0["evaluator_name"] as? String ?? "" }) == ["Phạm Văn Một", "Trần Thị Hai"])
            #expect(Set(evaluators.map { $0["status"] as? String ?? "" }) == ["submitted", "assigned"])
            let score = try #require(panels.first?["score"] as? [String: Any])
            #expect(score["submitted"] as? Int == 1)
            #expect(score["required"] as? Int == 2)
            #expect(score["panel_score"] as? Double == 3.75)
            #expect(score["complete"] as? Bool == false)
            // The same figures as the panel's own routes.
            let own = try await api.request(.get, "/v1/applications/\(s.application)/score", token: s.hr)
            #expect(try Self.canonical(score) == Self.canonical(own.json))

            // One section alone; the others are absent, not empty.
            let one = try await api.request(.get, "/v1/candidates/\(s.candidate)?include=referrals", token: s.hr)
            #expect(Set(one.object.keys) == profileKeys.union(["referrals"]))

            // Leadership reads every section, as it reads every route behind them.
            let leadership = try await api.token(.leadership)
            #expect(try await api.request(.get, "/v1/candidates/\(s.candidate)?include=\(Self.everything)",
                                          token: leadership).status == 200)
        }
    }

    @Test("bad include values are a 422 naming include; nothing else changes")
    func badInclude() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let hr = try await api.token(.hr)
            let id = try #require(try await api.request(.post, "/v1/candidates", token: hr, json: ["full_name": "Lê Văn An"])
                .object["id"] as? String)
            for query in ["include=history", "include=applications,", "include=Applications", "include=applications&include=panels",
                          "include=applications%2C%20panels"] {
                let reply = try await api.request(.get, "/v1/candidates/\(id)?\(query)", token: hr)
                #expect(reply.status == 422, "\(query): \(reply.text)")
                #expect((reply.object["errors"] as? [[String: Any]])?.map { $0["field"] as? String } == ["include"],
                        "\(query): \(reply.text)")
            }
            // A repeat counts once.
            let twice = try await api.request(.get, "/v1/candidates/\(id)?include=applications,applications", token: hr)
            #expect(twice.status == 200)
            #expect((twice.object["applications"] as? [Any])?.isEmpty == true)
            #expect(try await api.request(.get, "/v1/candidates/\(UUID().uuidString.lowercased())?include=panels",
                                          token: hr).status == 404)
        }
    }

    @Test("an evaluator gets no more than the routes give them: no referrals, no panels, no panel score in the history")
    func evaluator() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let s = try await Self.scenario(api)
            let path = "/v1/candidates/\(s.candidate)"
            // Nor nominations: who recommended the candidate is not for the people who judge them.
            for section in ["referrals", "panels", "nominations", Self.everything] {
                let refused = try await api.request(.get, "\(path)?include=\(section)", token: s.evaluator.token)
                #expect(refused.status == 403, "\(section): \(refused.text)")
            }
            // The routes behind those sections refuse them as well.
            #expect(try await api.request(.get, "/v1/referrals?candidate_id=\(s.candidate)", token: s.evaluator.token).status == 403)
            #expect(try await api.request(.get, "/v1/applications/\(s.application)/evaluators",
                                          token: s.evaluator.token).status == 403)

            #expect(try await api.request(.get, "/v1/nominations", token: s.evaluator.token).status == 403)
            let file = try await api.request(.get, "\(path)?include=applications", token: s.evaluator.token)
            #expect(file.status == 200, "\(file.text)")
            let history = (file.object["applications"] as? [[String: Any]])?.first?["history"] as? [[String: Any]] ?? []
            #expect(history.count == 4)
            #expect(history.allSatisfy { $0["panel_score"] is NSNull }, "\(history)")
            let route = try await api.request(.get, "/v1/applications/\(s.application)/history", token: s.evaluator.token)
            let routeHistory = route.object["items"] as? [[String: Any]] ?? []
            #expect(routeHistory.count == 4 && routeHistory.allSatisfy { $0["panel_score"] is NSNull })
            #expect(file.object["referrals"] == nil)
        }
    }

    @Test("talent candidate show: the file in a table with Vietnamese labels; --format json is the API's answer")
    func cli() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let s = try await Self.scenario(api)
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let shown = await cli.run("candidate", "show", s.candidate)
            #expect(shown.status == 0, "\(shown.stderr)")
            let out = shown.stdout
            for expected in [
                "Nguyễn Thị Minh Thư", "sinh viên",
                "== Hồ sơ dự tuyển (1) ==", "Chuyên viên xây dựng pháp luật", "phỏng vấn",
                "Lịch sử giai đoạn: Chuyên viên xây dựng pháp luật (STP)", "sàng lọc hồ sơ",
                "== Giới thiệu (2) ==", "Ông Lê Văn Tám", "cấp trên", "được ghi nhận", "bổ sung",
                "Cán bộ trẻ có năng lực soạn thảo.", "TS. Trần Văn An, Trưởng khoa Luật Hành chính (ULAW)",
                "== Đề cử của trường đối tác (1) ==", "ULAW", "TS. Trần Văn An, Trưởng khoa Luật Hành chính",
                "giảng viên, thầy cô", "Thủ khoa đầu ra",
                "== Hội đồng đánh giá (1) ==", "Chuyên viên xây dựng pháp luật (STP): 1/2 phiếu, điểm hội đồng 3.75, chưa đủ hội đồng",
                "Phạm Văn Một", "Trần Thị Hai", "đã nộp phiếu", "đã phân công, chưa chấm",
            ] {
                #expect(out.contains(expected), "missing \(expected.debugDescription) in:\n\(out)")
            }
            for code in ["interview", "screening", "supervisor", "teacher", "submitted", "student", "non_state"] {
                #expect(!out.contains(code), "the code \(code) in:\n\(out)")
            }
            let english = await cli.run("candidate", "show", s.candidate, "--lang", "en")
            #expect(english.stdout.contains("== Applications (1) =="), "\(english.stdout)")
            #expect(english.stdout.contains("interview") && english.stdout.contains("credited"))
            #expect(english.stdout.contains("1/2 sheets, panel score 3.75, panel not complete"))

            // --format json is GET /v1/candidates/{id}?include=… (the current stage's running time aside).
            let printed = await cli.run("candidate", "show", s.candidate, "--format", "json")
            #expect(printed.status == 0, "\(printed.stderr)")
            let served = try await api.request(.get, "/v1/candidates/\(s.candidate)?include=\(Self.everything)", token: s.hr)
            #expect(try Self.canonical(Self.steady(try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8))))
                    == Self.canonical(Self.steady(served.json as Any)))
            let narrowed = try await cli.json("candidate", "show", s.candidate, "--include", "referrals") as? [String: Any]
            #expect(narrowed?["referrals"] is [Any] && narrowed?["applications"] == nil)

            // Acting as an evaluator: only what an evaluator may read, and asking for more is refused.
            let asEvaluator = await cli.run("candidate", "show", s.candidate, "--as", s.evaluator.id)
            #expect(asEvaluator.status == 0, "\(asEvaluator.stderr)")
            #expect(asEvaluator.stdout.contains("== Hồ sơ dự tuyển (1) =="))
            #expect(!asEvaluator.stdout.contains("Giới thiệu") && !asEvaluator.stdout.contains("Hội đồng đánh giá"),
                    "\(asEvaluator.stdout)")
            let refused = await cli.run("candidate", "show", s.candidate, "--include", "panels", "--as", s.evaluator.id)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("panels"), "\(refused.stderr)")
            let bad = await cli.run("candidate", "show", s.candidate, "--include", "history")
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("các phần của hồ sơ"), "\(bad.stderr)")
            // A candidate with nothing yet: each section says so.
            let an = try #require(try await cli.json("candidate", "add", "--name", "Lê Văn An") as? [String: Any])["id"] as? String
            let bare = await cli.run("candidate", "show", try #require(an))
            #expect(bare.stdout.contains("== Giới thiệu (0) ==") && bare.stdout.contains("(không có)"), "\(bare.stdout)")
        }
    }

    /// A JSON value without the running time of current stages, which grows between two reads.
    static func steady(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { $0.key != "seconds_in_stage" }.mapValues(steady)
        }
        if let array = value as? [Any] { return array.map(steady) }
        return value
    }

    /// JSON with sorted keys, to compare two values.
    static func canonical(_ value: Any?) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value ?? NSNull(), options: [.sortedKeys]), as: UTF8.self)
    }
}
