import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import Testing

@Suite("Rubrics, panels, independent scoring and conflicts of interest", .freshDatabase)
struct EvaluationTests {
    static let defaultRubric = "00000000-0000-4000-8000-000000000483"

    /// A rubric with two criteria, weights 3 and 1, so weighted scores are easy to check by hand.
    static var rubricBody: [String: Any] { [
        "name": "Tuyển chọn chuyên viên 2026", "scale": ["min": 1, "max": 5], "pass_threshold": 3.5, "min_evaluators": 2,
        "aggregation": "mean",
        "criteria": [
            ["key": "legal_drafting", "label": "Kỹ năng xây dựng pháp luật", "weight": 3, "levels": ["1": "Yếu", "5": "Giỏi"]],
            ["key": "ethics", "label": "Phẩm chất đạo đức", "weight": 1],
        ],
    ] }

    /// An application in `evaluation` for a new candidate.
    static func application(_ api: APIHarness, name: String = "Lê Thị Hồng Nhung") async throws -> Application {
        let s = api.services
        let position = try await s.positions.add(try ValidPosition(PositionDraft(agencyCode: "STP", title: "Chuyên viên xây dựng pháp luật",
                                                               kind: "core_drafting_officer", openings: 2)), by: .testAdmin)
        let candidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: name)), by: .testAdmin).candidate
        let application = try await s.applications.open(NewApplication(candidateID: candidate.id, positionID: position.id), by: .testAdmin)
        _ = try await s.applications.move(application.id, StageMove(to: .screening), by: .testAdmin)
        return try await s.applications.move(application.id, StageMove(to: .evaluation), by: .testAdmin)
    }

    @Test("rubrics: create as draft, publish (immutable), a new version retires the old; roles and bad input")
    func rubrics() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let evaluator = try await api.token(.evaluator)
            let list = try await api.request(.get, "/v1/rubrics?status=published", token: evaluator)
            #expect(list.status == 200)
            let published = list.object["items"] as? [[String: Any]] ?? []
            #expect(published.map { $0["id"] as? String } == [Self.defaultRubric])
            #expect((published.first?["criteria"] as? [Any])?.count == 6)

            #expect(try await api.request(.post, "/v1/rubrics", token: evaluator, json: Self.rubricBody).status == 403)
            let created = try await api.request(.post, "/v1/rubrics", token: hr, json: Self.rubricBody)
            #expect(created.status == 201, "\(created.text)")
            #expect(created.object["status"] as? String == "draft")
            #expect(created.object["version"] as? Int == 1)
            #expect(created.object["name"] as? String == "Tuyển chọn chuyên viên 2026")
            let v1 = try #require(created.object["id"] as? String)
            let publishedV1 = try await api.request(.post, "/v1/rubrics/\(v1)/publish", token: hr)
            #expect(publishedV1.object["status"] as? String == "published")
            #expect(try await api.request(.post, "/v1/rubrics/\(v1)/publish", token: hr).status == 409)

            var changed = Self.rubricBody
            changed["pass_threshold"] = 4
            let v2 = try #require(try await api.request(.post, "/v1/rubrics", token: hr, json: changed).object["id"] as? String)
            #expect(try await api.request(.get, "/v1/rubrics/\(v2)", token: hr).object["version"] as? Int == 2)
            _ = try await api.request(.post, "/v1/rubrics/\(v2)/publish", token: hr)
            #expect(try await api.request(.get, "/v1/rubrics/\(v1)", token: hr).object["status"] as? String == "retired")
            #expect(try await api.request(.get, "/v1/rubrics/\(v2)", token: hr).object["status"] as? String == "published")
            _ = v2

            // Publishing an older draft over a newer published version is refused.
            let v3 = try #require(try await api.request(.post, "/v1/rubrics", token: hr, json: changed).object["id"] as? String)
            let v4 = try #require(try await api.request(.post, "/v1/rubrics", token: hr, json: changed).object["id"] as? String)
            #expect(try await api.request(.post, "/v1/rubrics/\(v4)/publish", token: hr).status == 200)
            let older = try await api.request(.post, "/v1/rubrics/\(v3)/publish", token: hr)
            #expect(older.status == 409)
            #expect((older.object["type"] as? String)?.hasSuffix("/newer-version-published") == true)

            // A published rubric's definition cannot change, even by SQL.
            await #expect(throws: (any Error).self) {
                try await api.services.database.withConnection { c in
                    try await c.query("UPDATE rubrics SET definition = '{}'::jsonb WHERE id = \(UUID(uuidString: v2)!)",
                                      logger: TestDatabase.logger)
                }
            }

            let bad = try await api.request(.post, "/v1/rubrics", token: hr, json: [
                "name": "x", "scale": ["min": 1, "max": 5], "pass_threshold": 9, "aggregation": "median",
                "criteria": [["key": "a", "label": "A", "weight": -1]], "colour": "red"])
            #expect(bad.status == 422)
            #expect(bad.contentType.hasPrefix("application/problem+json"))
            let fields = Set((bad.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["pass_threshold", "aggregation", "criteria[0].weight", "colour"])
            #expect(try await api.request(.get, "/v1/rubrics/\(UUID().uuidString)", token: hr).status == 404)
            #expect(try await api.request(.get, "/v1/rubrics/nope", token: hr).status == 422)
        }
    }

    @Test("a panel scores independently; the result is computed from the raw scores; amendments keep their history")
    func panelScoring() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let leadership = try await api.token(.leadership)
            let one = try await api.user(.evaluator, name: "Phạm Văn Một")
            let two = try await api.user(.evaluator, name: "Trần Thị Hai")
            let outsider = try await api.user(.evaluator, name: "Ngô Văn Ngoài")
            let rubric = try #require(try await api.request(.post, "/v1/rubrics", token: hr, json: Self.rubricBody)
                .object["id"] as? String)
            let application = try await Self.application(api)
            let a = application.id.text
            let evaluations = "/v1/applications/\(a)/evaluations"

            // A draft rubric cannot be used.
            for evaluator in [one, two] {
                let assigned = try await api.request(.post, "/v1/applications/\(a)/evaluators", token: hr,
                                                     json: ["evaluator_id": evaluator.id])
                #expect(assigned.status == 201, "\(assigned.text)")
            }
            let draftUse = try await api.request(.post, evaluations, token: one.token,
                                                 json: ["rubric_id": rubric, "scores": ["legal_drafting": 4, "ethics": 4]])
            #expect(draftUse.status == 409)
            _ = try await api.request(.post, "/v1/rubrics/\(rubric)/publish", token: hr)

            // Bad input, each refused with nothing written.
            let cases: [([String: Any], Int, String)] = [
                (["rubric_id": rubric, "scores": ["legal_drafting": 6, "ethics": 4]], 422, "scores.legal_drafting"),
                (["rubric_id": rubric, "scores": ["legal_drafting": 4]], 422, "scores.ethics"),
                (["rubric_id": rubric, "scores": ["legal_drafting": 4, "ethics": 4, "charm": 5]], 422, "scores.charm"),
                (["rubric_id": rubric, "scores": ["legal_drafting": 4.5, "ethics": 4]], 422, "scores.legal_drafting"),
                (["rubric_id": UUID().uuidString, "scores": ["legal_drafting": 4, "ethics": 4]], 422, "rubric_id"),
                (["rubric_id": rubric], 422, "scores"),
                (["rubric_id": rubric, "scores": [1, 2]], 422, "scores"),
            ]
            for (body, status, field) in cases {
                let reply = try await api.request(.post, evaluations, token: one.token, json: body)
                #expect(reply.status == status, "\(body): \(reply.text)")
                let named = (reply.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                #expect(named.contains(field), "\(body): \(reply.text)")
            }
            #expect(try await api.count("evaluation_sheets") == 0)

            // An evaluator not on the panel can neither score nor read.
            let unassigned = try await api.request(.post, evaluations, token: outsider.token,
                                                   json: ["rubric_id": rubric, "scores": ["legal_drafting": 5, "ethics": 5]])
            #expect(unassigned.status == 403)
            #expect((unassigned.object["type"] as? String)?.hasSuffix("/not-assigned") == true)
            #expect(try await api.request(.get, evaluations, token: outsider.token).status == 403)
            // Nor can one evaluator submit another's sheet.
            #expect(try await api.request(.post, evaluations, token: one.token, json: [
                "rubric_id": rubric, "evaluator_id": two.id, "scores": ["legal_drafting": 1, "ethics": 1]]).status == 403)

            // Each evaluator finds their panels; another's list is not theirs to read.
            let mine = try await api.request(.get, "/v1/assignments", token: two.token)
            #expect(mine.status == 200)
            let listed = mine.object["items"] as? [[String: Any]] ?? []
            #expect(listed.map { $0["application_id"] as? String } == [a])
            #expect(listed.first?["status"] as? String == "assigned")
            #expect(listed.first?["candidate_name"] as? String == "Lê Thị Hồng Nhung")
            #expect(try await api.request(.get, "/v1/assignments?evaluator_id=\(one.id)", token: two.token).status == 403)
            #expect((try await api.request(.get, "/v1/assignments", token: outsider.token).object["items"] as? [Any])?.isEmpty == true)
            let everyone = try await api.request(.get, "/v1/assignments", token: hr).object["items"] as? [[String: Any]] ?? []
            #expect(everyone.count == 2)
            #expect(try await api.request(.get, "/v1/assignments?status=late", token: hr).status == 422)

            // One submits: 5 and 1 → (3×5 + 1×1) / 4 = 4.
            let first = try await api.request(.post, evaluations, token: one.token, json: [
                "rubric_id": rubric, "scores": ["legal_drafting": 5, "ethics": 1], "comment": "Soạn thảo tốt"])
            #expect(first.status == 201, "\(first.text)")
            #expect(first.object["revision"] as? Int == 1)

            // Two has not submitted: they see nothing of One's scores, through the API.
            let blind = try await api.request(.get, evaluations, token: two.token)
            #expect(blind.status == 200)
            #expect((blind.object["items"] as? [Any])?.isEmpty == true)
            #expect(try await api.request(.get, "/v1/applications/\(a)/score", token: two.token).status == 403)
            // hr and leadership see everything.
            #expect((try await api.request(.get, evaluations, token: hr).object["items"] as? [Any])?.count == 1)
            #expect((try await api.request(.get, evaluations, token: leadership).object["items"] as? [Any])?.count == 1)

            let submittedOne = try await api.request(.get, "/v1/assignments?status=submitted", token: one.token)
            #expect((submittedOne.object["items"] as? [[String: Any]])?.first?["status"] as? String == "submitted")
            var score = try await api.request(.get, "/v1/applications/\(a)/score", token: leadership)
            #expect(score.status == 200)
            #expect(score.object["panel_score"] as? Double == 4)
            #expect(score.object["complete"] as? Bool == false)
            #expect(score.object["passed"] is NSNull)

            // Moving on needs a complete panel.
            let early = try await api.request(.post, "/v1/applications/\(a)/transitions", token: hr, json: ["to": "interview"])
            #expect(early.status == 409)
            #expect((early.object["type"] as? String)?.hasSuffix("/panel-incomplete") == true)

            // Two submits 2 and 4 → (6 + 4) / 4 = 2.5; now they see One's sheet too.
            let second = try await api.request(.post, evaluations, token: two.token, json: [
                "rubric_id": rubric, "scores": ["legal_drafting": 2, "ethics": 4]])
            #expect(second.status == 201)
            #expect((try await api.request(.get, evaluations, token: two.token).object["items"] as? [Any])?.count == 2)

            score = try await api.request(.get, "/v1/applications/\(a)/score", token: hr)
            #expect(score.object["panel_score"] as? Double == 3.25)
            #expect(score.object["complete"] as? Bool == true)
            #expect(score.object["passed"] as? Bool == false)
            #expect(score.object["spread"] as? Double == 1.5)
            #expect(score.object["disagreement"] as? Bool == true)
            let evaluators = score.object["evaluators"] as? [[String: Any]] ?? []
            #expect(Set(evaluators.compactMap { $0["weighted_score"] as? Double }) == [4, 2.5])
            #expect(evaluators.contains { $0["evaluator_id"] as? String == one.id })
            let criteria = score.object["criteria"] as? [[String: Any]] ?? []
            #expect(criteria.first { $0["key"] as? String == "legal_drafting" }?["mean"] as? Double == 3.5)
            #expect(criteria.first { $0["key"] as? String == "ethics" }?["mean"] as? Double == 2.5)

            // A submitted sheet is locked: amending needs a reason, and the earlier scores stay as history.
            let noReason = try await api.request(.post, evaluations, token: two.token, json: [
                "rubric_id": rubric, "scores": ["legal_drafting": 4, "ethics": 4]])
            #expect(noReason.status == 422)
            #expect((noReason.object["type"] as? String)?.hasSuffix("/reason-required") == true)
            let amended = try await api.request(.post, evaluations, token: two.token, json: [
                "rubric_id": rubric, "scores": ["legal_drafting": 4, "ethics": 4], "reason": "Nhập nhầm điểm kỹ năng"])
            #expect(amended.status == 201)
            #expect(amended.object["revision"] as? Int == 2)
            let history = try await api.request(.get, evaluations + "?history=true", token: hr).object["items"] as? [[String: Any]] ?? []
            let twos = history.filter { $0["evaluator_id"] as? String == two.id }
            #expect(twos.map { $0["revision"] as? Int } == [1, 2])
            #expect(twos.first?["current"] as? Bool == false)
            #expect((twos.first?["scores"] as? [String: Int]) == ["legal_drafting": 2, "ethics": 4])
            #expect(twos.last?["reason"] as? String == "Nhập nhầm điểm kỹ năng")
            score = try await api.request(.get, "/v1/applications/\(a)/score", token: hr)
            #expect(score.object["panel_score"] as? Double == 4)  // (4 + 4) / 2
            #expect(score.object["passed"] as? Bool == true)

            // Another rubric on the same panel is refused.
            let other = try #require(try await api.request(.post, "/v1/rubrics", token: hr, json: [
                "name": "Khác", "scale": ["min": 1, "max": 5], "pass_threshold": 3,
                "criteria": [["key": "a", "label": "A"]]]).object["id"] as? String)
            _ = try await api.request(.post, "/v1/rubrics/\(other)/publish", token: hr)
            #expect(try await api.request(.post, evaluations, token: one.token, json: [
                "rubric_id": other, "scores": ["a": 3], "reason": "x"]).status == 409)

            // The move on records the panel score.
            let moved = try await api.request(.post, "/v1/applications/\(a)/transitions", token: hr, json: ["to": "interview"])
            #expect(moved.status == 200, "\(moved.text)")
            let stages = try await api.request(.get, "/v1/applications/\(a)/history", token: hr).object["items"] as? [[String: Any]] ?? []
            #expect(stages.last?["panel_score"] as? Double == 4)
            // An evaluator reading the history does not learn the panel's score.
            let seen = try await api.request(.get, "/v1/applications/\(a)/history", token: one.token).object["items"] as? [[String: Any]] ?? []
            #expect(seen.count == stages.count && seen.allSatisfy { $0["panel_score"] is NSNull })

            // The audit trail has every sheet and the amendment.
            let audit = try await api.request(.get, "/v1/audit?entity=application:\(a)", token: leadership)
            let actions = (audit.object["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions.filter { $0 == "evaluation.submit" }.count == 2)
            #expect(actions.contains("evaluation.amend"))
            #expect(actions.filter { $0 == "evaluation.assign" }.count == 2)
        }
    }

    @Test("conflict of interest: a referrer or a declared relationship cannot be assigned or score; recusals are recorded")
    func conflictOfInterest() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let referrer = try await api.user(.evaluator, name: "Võ Văn Giới Thiệu")
            let relative = try await api.user(.evaluator, name: "Lê Thị Họ Hàng")
            let later = try await api.user(.evaluator, name: "Đặng Văn Sau")
            let application = try await Self.application(api, name: "Trần Minh Khoa")
            let a = application.id.text
            _ = try await api.services.referrals.add(ValidReferral(ReferralDraft(
                candidateID: application.candidateID.text, referrerKind: "user", referrerUserID: referrer.id,
                relationship: "teacher", justification: "Sinh viên giỏi của tôi")), by: .testAdmin)

            let refused = try await api.request(.post, "/v1/applications/\(a)/evaluators", token: hr,
                                                json: ["evaluator_id": referrer.id])
            #expect(refused.status == 409)
            #expect((refused.object["type"] as? String)?.hasSuffix("/conflict-of-interest") == true)

            // A declared relationship (recorded as a recusal before assignment) bars assignment too.
            let declared = try await api.request(.post, "/v1/applications/\(a)/recusals", token: relative.token,
                                                 json: ["reason": "Ứng viên là cháu tôi", "relationship": "relative"])
            #expect(declared.status == 201, "\(declared.text)")
            let barred = try await api.request(.post, "/v1/applications/\(a)/evaluators", token: hr,
                                               json: ["evaluator_id": relative.id])
            #expect((barred.object["type"] as? String)?.hasSuffix("/conflict-of-interest") == true)

            // Someone assigned who later turns out to be a referrer cannot score.
            #expect(try await api.request(.post, "/v1/applications/\(a)/evaluators", token: hr,
                                          json: ["evaluator_id": later.id]).status == 201)
            _ = try await api.services.referrals.add(ValidReferral(ReferralDraft(
                candidateID: application.candidateID.text, referrerKind: "user", referrerUserID: later.id,
                justification: "Đồng nghiệp cũ")), by: .testAdmin)
            let blocked = try await api.request(.post, "/v1/applications/\(a)/evaluations", token: later.token, json: [
                "rubric_id": Self.defaultRubric,
                "scores": ["political_steadfastness": 4, "ethics_conduct": 4, "relevant_expertise": 4, "legal_drafting": 4,
                           "creativity": 4, "dedication": 4]])
            #expect((blocked.object["type"] as? String)?.hasSuffix("/conflict-of-interest") == true)
            #expect(try await api.count("evaluation_sheets") == 0)

            // They recuse; the panel shows it; the audit trail shows both the declaration and the recusal.
            let recused = try await api.request(.post, "/v1/applications/\(a)/recusals", token: hr,
                                                json: ["evaluator_id": later.id, "reason": "Đã giới thiệu ứng viên"])
            #expect(recused.status == 201)
            #expect(try await api.request(.post, "/v1/applications/\(a)/recusals", token: hr,
                                          json: ["evaluator_id": later.id]).status == 422)  // a reason is required
            let panel = try await api.request(.get, "/v1/applications/\(a)/evaluators", token: hr).object["items"] as? [[String: Any]] ?? []
            #expect(panel.first { $0["evaluator_id"] as? String == later.id }?["status"] as? String == "recused")
            let audit = try await api.request(.get, "/v1/audit?entity=application:\(a)", token: try await api.token(.admin))
            let actions = (audit.object["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions.contains("evaluation.recuse"))
            let candidateAudit = try await api.request(.get, "/v1/audit?entity=candidate:\(application.candidateID.text)",
                                                       token: try await api.token(.admin))
            let declarations = (candidateAudit.object["items"] as? [[String: Any]] ?? []).filter { $0["action"] as? String == "conflict.declare" }
            #expect(declarations.count == 2)

            // An evaluator recuses only themselves; only evaluators can sit on a panel.
            #expect(try await api.request(.post, "/v1/applications/\(a)/recusals", token: relative.token,
                                          json: ["evaluator_id": later.id, "reason": "x"]).status == 403)
            let hrUser = try await api.user(.hr, name: "Nhân Sự")
            #expect(try await api.request(.post, "/v1/applications/\(a)/evaluators", token: hr,
                                          json: ["evaluator_id": hrUser.id]).status == 422)
        }
    }

    @Test("a merge keeps the removed profile's panels and sheets, and its declared conflicts")
    func merge() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let evaluator = try await api.user(.evaluator, name: "Phạm Văn Một")
            let related = try await api.user(.evaluator, name: "Lê Văn Quen")
            let keep = try await Self.application(api, name: "Nguyễn Văn Giữ")
            let other = try await Self.application(api, name: "Nguyen Van Giu")
            _ = try await s.evaluations.assign(application: other.id, PanelAssignment(evaluatorID: evaluator.id), by: .testAdmin)
            _ = try await s.evaluations.submit(application: other.id, Submission(
                rubricID: Self.defaultRubric,
                scores: ["political_steadfastness": .number(4), "ethics_conduct": .number(4), "relevant_expertise": .number(4),
                         "legal_drafting": .number(4), "creativity": .number(4), "dedication": .number(4)],
                evaluatorID: evaluator.id, by: .testAdmin), by: .testAdmin)
            _ = try await s.evaluations.recuse(application: other.id, Recusal(evaluatorID: related.id, reason: "Hàng xóm",
                                               relationship: "other", by: .testAdmin), by: .testAdmin)
            _ = try await s.candidates.merge(try CandidateMerge(keep: keep.candidateID.text, other: other.candidateID.text), by: .testAdmin)
            let moved = try await s.applications.get(other.id.text, by: .testAdmin)
            #expect(moved.candidateID == keep.candidateID)
            #expect(try await s.evaluations.sheets(application: other.id, by: .testAdmin).count == 1)
            await #expect(throws: ServiceError.self) {
                _ = try await s.evaluations.assign(application: keep.id, PanelAssignment(evaluatorID: related.id), by: .testAdmin)
            }
        }
    }

    @Test("the CLI: rubric from a file, assign, submit, independence with --as, score and rank")
    func cli() async throws {
        try await APIHarness.with { api in
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID().uuidString).json")
            try JSONSerialization.data(withJSONObject: Self.rubricBody).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let rubric = try await cli.json("rubric", "create", "--file", file.path) as? [String: Any] ?? [:]
            let rubricID = try #require(rubric["id"] as? String)
            #expect(rubric["status"] as? String == "draft")
            #expect(await cli.run("rubric", "publish", rubricID).status == 0)
            #expect(await cli.run("rubric", "create", "--file", "/nonexistent.json").status == 2)

            let one = try await api.user(.evaluator, name: "Phạm Văn Một")
            let two = try await api.user(.evaluator, name: "Trần Thị Hai")
            let a = try await Self.application(api).id.text
            let b = try await Self.application(api, name: "Hoàng Văn Bảy")
            for application in [a, b.id.text] {
                for evaluator in [one.id, two.id] {
                    #expect(await cli.run("evaluation", "assign", "--application", application, "--evaluator", evaluator).status == 0)
                }
            }
            // HR types in One's paper sheet.
            let sheet = try await cli.json("evaluation", "submit", "--application", a, "--rubric", rubricID,
                                           "--evaluator", one.id, "--score", "legal_drafting=5", "--score", "ethics=1",
                                           "--comment", "Phiếu giấy") as? [String: Any] ?? [:]
            #expect(sheet["revision"] as? Int == 1)
            #expect(await cli.run("evaluation", "submit", "--application", a, "--rubric", rubricID, "--evaluator", one.id,
                                  "--score", "legal_drafting=9", "--score", "ethics=1").status == 2)
            #expect(await cli.run("evaluation", "submit", "--application", a, "--rubric", rubricID, "--evaluator", one.id,
                                  "--score", "legal_drafting").status == 2)
            // It waits for One's confirmation: the operator cannot give it, One can (once).
            #expect(sheet["entered_by"] as? String != nil && sheet["awaiting_confirmation"] as? Bool == true)
            let byOperator = await cli.run("evaluation", "confirm", "--application", a)
            #expect(byOperator.status != 0)
            #expect(byOperator.stderr.split(separator: "\n").count == 1)
            let confirmed = try await cli.json("evaluation", "confirm", "--application", a, "--as", one.id) as? [String: Any] ?? [:]
            #expect(confirmed["confirmed_by"] as? String == "Phạm Văn Một")
            #expect(confirmed["awaiting_confirmation"] as? Bool == false)
            #expect(await cli.run("evaluation", "confirm", "--application", a, "--as", one.id).status != 0)

            // Two, acting through the CLI, sees nothing before submitting, and everything after.
            let before = try await cli.json("evaluation", "list", "--application", a, "--as", two.id) as? [Any] ?? []
            #expect(before.isEmpty)
            #expect(await cli.run("evaluation", "score", a, "--as", two.id).status == 1)  // forbidden
            _ = try await cli.json("evaluation", "submit", "--application", a, "--rubric", rubricID, "--as", two.id,
                                   "--score", "legal_drafting=3", "--score", "ethics=3")
            let after = try await cli.json("evaluation", "list", "--application", a, "--as", two.id) as? [Any] ?? []
            #expect(after.count == 2)
            let todo = try await cli.json("evaluation", "assigned", "--as", two.id, "--status", "assigned") as? [[String: Any]] ?? []
            #expect(todo.map { $0["application_id"] as? String } == [b.id.text])  // a is done; b is still to score

            let result = try await cli.json("evaluation", "score", a) as? [String: Any] ?? [:]
            #expect(result["panel_score"] as? Double == 3.5)  // (4 + 3) / 2
            #expect(result["passed"] as? Bool == true)

            _ = try await cli.json("evaluation", "submit", "--application", b.id.text, "--rubric", rubricID,
                                   "--as", one.id, "--score", "legal_drafting=5", "--score", "ethics=5")
            let ranking = try await cli.json("evaluation", "rank", "--position", b.positionID.text) as? [[String: Any]] ?? []
            #expect(ranking.first?["panel_score"] as? Double == 5)
            #expect(ranking.first?["complete"] as? Bool == false)
            let table = await cli.run("evaluation", "score", a)
            #expect(table.stdout.contains("3.50"))

            // Amending from the CLI needs --reason; the earlier revision stays.
            let locked = await cli.run("evaluation", "submit", "--application", a, "--rubric", rubricID, "--evaluator", one.id,
                                       "--score", "legal_drafting=4", "--score", "ethics=4")
            #expect(locked.status == 2)
            #expect(locked.stderr.contains("reason"))
            _ = try await cli.json("evaluation", "submit", "--application", a, "--rubric", rubricID, "--evaluator", one.id,
                                   "--score", "legal_drafting=4", "--score", "ethics=4", "--reason", "Chấm lại sau phỏng vấn")
            let history = try await cli.json("evaluation", "list", "--application", a, "--history") as? [[String: Any]] ?? []
            #expect(history.filter { $0["evaluator_id"] as? String == one.id }.map { $0["revision"] as? Int } == [1, 2])

            // Bad input and conflicts from the CLI: a clear one-line error, a non-zero exit, nothing written.
            let sheets = try await api.count("evaluation_sheets")
            let outsider = try await api.user(.evaluator, name: "Ngô Văn Ngoài")
            #expect(await cli.run("evaluation", "submit", "--application", a, "--rubric", rubricID, "--evaluator", outsider.id,
                                  "--score", "legal_drafting=4", "--score", "ethics=4").status == 2)
            #expect(await cli.run("evaluation", "submit", "--application", a, "--rubric", UUID().uuidString, "--evaluator",
                                  two.id, "--score", "legal_drafting=4", "--score", "ethics=4", "--reason", "x").status == 2)
            _ = try await cli.json("referral", "add", "--candidate", b.candidateID.text, "--by-user", outsider.id,
                                   "--justification", "Học trò cũ")
            let conflict = await cli.run("evaluation", "assign", "--application", b.id.text, "--evaluator", outsider.id)
            #expect(conflict.status != 0)
            #expect(conflict.stderr.split(separator: "\n").count == 1)
            #expect(conflict.stderr.contains("Xung đột lợi ích"))
            #expect(try await api.count("evaluation_sheets") == sheets)
            #expect(try await api.count("evaluation_assignments") == 4)
        }
    }
}
