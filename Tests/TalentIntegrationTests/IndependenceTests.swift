import Foundation
import HTTPTypes
import PostgresNIO
import TalentDomain
import TalentService
import Testing

/// Issue 12, part 5: no evaluator reads a colleague's scores before the panel is complete; a sheet typed in for an
/// evaluator counts only once they confirm it; amendments after the result was first read are flagged.
@Suite("Evaluations stay independent", .freshDatabase)
struct IndependenceTests {
    static let full = ["legal_drafting": 4, "ethics": 4]

    /// A published two-criterion rubric that needs two sheets (weights 3 and 1).
    static func rubric(_ api: APIHarness, hr: String) async throws -> String {
        let id = try #require(try await api.request(.post, "/v1/rubrics", token: hr, json: EvaluationTests.rubricBody)
            .object["id"] as? String)
        #expect(try await api.request(.post, "/v1/rubrics/\(id)/publish", token: hr).status == 200)
        return id
    }

    static func assign(_ api: APIHarness, _ application: String, _ evaluators: [(id: String, token: String)],
                       hr: String) async throws {
        for evaluator in evaluators {
            let assigned = try await api.request(.post, "/v1/applications/\(application)/evaluators", token: hr,
                                                 json: ["evaluator_id": evaluator.id])
            #expect(assigned.status == 201, "\(assigned.text)")
        }
    }

    static func items(_ reply: APIHarness.Reply) -> [[String: Any]] {
        reply.object["items"] as? [[String: Any]] ?? []
    }

    static func type(_ reply: APIHarness.Reply) -> String {
        (reply.object["type"] as? String).map { String($0.split(separator: "/").last ?? "") } ?? ""
    }

    /// The one text value a query returns.
    static func text(_ api: APIHarness, _ sql: String) async throws -> String? {
        try await api.services.database.withConnection { c in
            let rows = try await c.query(PostgresQuery(unsafeSQL: sql), logger: TestDatabase.logger)
            for try await value in rows.decode(String.self) { return value }
            return nil
        }
    }

    @Test("an evaluator reads only their own sheet until every member who has not recused has one that counts")
    func blindUntilComplete() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let one = try await api.user(.evaluator, name: "Phạm Văn Một")
            let two = try await api.user(.evaluator, name: "Trần Thị Hai")
            let three = try await api.user(.evaluator, name: "Lê Văn Ba")
            let four = try await api.user(.evaluator, name: "Võ Thị Bốn")
            let rubric = try await Self.rubric(api, hr: hr)
            let application = try await EvaluationTests.application(api)
            let a = application.id.text
            let evaluations = "/v1/applications/\(a)/evaluations"
            try await Self.assign(api, a, [one, two, three, four], hr: hr)

            // The throw-away sheet: One submits, then looks. Nothing of anyone else's, in any form.
            #expect(try await api.request(.post, evaluations, token: one.token, json: [
                "rubric_id": rubric, "scores": ["legal_drafting": 1, "ethics": 1]]).status == 201)
            #expect(try await api.request(.post, evaluations, token: two.token, json: [
                "rubric_id": rubric, "scores": ["legal_drafting": 5, "ethics": 5]]).status == 201)
            // The rubric's minimum (2) is met, but Three and Four have not submitted: still blind.
            for (evaluator, name) in [(one, "Phạm Văn Một"), (two, "Trần Thị Hai")] {
                for path in [evaluations, evaluations + "?history=true"] {
                    let seen = try await api.request(.get, path, token: evaluator.token)
                    #expect(seen.status == 200)
                    #expect(Self.items(seen).map { $0["evaluator_name"] as? String } == [name], "\(path)")
                }
                #expect(try await api.request(.get, "/v1/applications/\(a)/score", token: evaluator.token).status == 403)
                #expect(try await api.request(.get, "/v1/positions/\(application.positionID.text)/ranking",
                                              token: evaluator.token).status == 403)
                #expect(try await api.request(.get, "/v1/candidates/\(application.candidateID.text)?include=panels",
                                              token: evaluator.token).status == 403)
            }
            // Amending the throw-away sheet does not open anything either.
            #expect(try await api.request(.post, evaluations, token: one.token, json: [
                "rubric_id": rubric, "scores": Self.full, "reason": "Chấm lại"]).status == 201)
            #expect(Self.items(try await api.request(.get, evaluations, token: one.token)).count == 1)
            #expect(try await api.count("evaluation_result_reads") == 0)  // no evaluator has read the result

            // Four recuses (a recused member does not hold the panel back, and never reads the others); Three submits.
            #expect(try await api.request(.post, "/v1/applications/\(a)/recusals", token: four.token,
                                          json: ["reason": "Ứng viên là cháu tôi", "relationship": "relative"]).status == 201)
            #expect(Self.items(try await api.request(.get, evaluations, token: one.token)).count == 1)
            #expect(try await api.request(.post, evaluations, token: three.token, json: [
                "rubric_id": rubric, "scores": Self.full]).status == 201)
            let all = try await api.request(.get, evaluations, token: one.token)
            #expect(Set(Self.items(all).compactMap { $0["evaluator_name"] as? String })
                    == ["Phạm Văn Một", "Trần Thị Hai", "Lê Văn Ba"])
            #expect(Self.items(try await api.request(.get, evaluations, token: four.token)).isEmpty)
            // Reading the colleagues' sheets is reading the result.
            #expect(try await api.count("evaluation_result_reads") == 1)

            // A new member reopens the panel: the others are blind again until they score.
            let five = try await api.user(.evaluator, name: "Đặng Văn Năm")
            try await Self.assign(api, a, [five], hr: hr)
            #expect(Self.items(try await api.request(.get, evaluations, token: two.token)).count == 1)
            #expect(Self.items(try await api.request(.get, evaluations, token: five.token)).isEmpty)
        }
    }

    @Test("a sheet typed in by hr or admin names who typed it and counts only once the evaluator confirms it")
    func confirmation() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr, name: "Nguyễn Thị Nhập")
            let admin = try await api.token(.admin, name: "Quản Trị Viên")
            let one = try await api.user(.evaluator, name: "Phạm Văn Một")
            let two = try await api.user(.evaluator, name: "Trần Thị Hai")
            let outsider = try await api.user(.evaluator, name: "Ngô Văn Ngoài")
            let rubric = try await Self.rubric(api, hr: hr)
            let a = try await EvaluationTests.application(api).id.text
            let evaluations = "/v1/applications/\(a)/evaluations"
            try await Self.assign(api, a, [one, two], hr: hr)

            // HR types in One's paper sheet: it is recorded, and does not count.
            let typed = try await api.request(.post, evaluations, token: hr, json: [
                "rubric_id": rubric, "evaluator_id": one.id, "scores": ["legal_drafting": 5, "ethics": 1]])
            #expect(typed.status == 201, "\(typed.text)")
            #expect(typed.object["entered_by"] as? String == "Nguyễn Thị Nhập")
            #expect(typed.object["awaiting_confirmation"] as? Bool == true)
            #expect(typed.object["confirmed_by"] is NSNull)
            let sheet = try #require(typed.object["id"] as? String)
            var score = try await api.request(.get, "/v1/applications/\(a)/score", token: hr)
            #expect(score.object["submitted"] as? Int == 0)
            #expect(score.object["awaiting_confirmation"] as? Int == 1)
            #expect(score.object["panel_score"] is NSNull)
            let panel = Self.items(try await api.request(.get, "/v1/applications/\(a)/evaluators", token: hr))
            #expect(panel.first { $0["evaluator_id"] as? String == one.id }?["status"] as? String == "awaiting_confirmation")
            let toConfirm = try await api.request(.get, "/v1/assignments?status=awaiting_confirmation", token: one.token)
            #expect(Self.items(toConfirm).map { $0["application_id"] as? String } == [a])
            // One sees the sheet typed in for them; it is theirs to check.
            #expect(Self.items(try await api.request(.get, evaluations, token: one.token)).map { $0["id"] as? String } == [sheet])

            // Two submits their own: it counts at once. One's unconfirmed sheet keeps the panel incomplete for Two.
            let own = try await api.request(.post, evaluations, token: two.token, json: ["rubric_id": rubric, "scores": Self.full])
            #expect(own.object["entered_by"] is NSNull)
            #expect(own.object["awaiting_confirmation"] as? Bool == false)
            let twoSheet = try #require(own.object["id"] as? String)
            #expect(Self.items(try await api.request(.get, evaluations, token: two.token)).count == 1)
            // Moving on is refused: one sheet of two counts.
            let early = try await api.request(.post, "/v1/applications/\(a)/transitions", token: hr, json: ["to": "interview"])
            #expect(Self.type(early) == "panel-incomplete")
            #expect((early.object["detail"] as? String)?.contains("1 phiếu nhập hộ chờ thành viên xác nhận") == true,
                    "\(early.text)")
            #expect(early.object["awaiting_confirmation"] as? Int == 1)

            // Nobody but One confirms One's sheet; each refusal is a problem and changes nothing.
            let confirmation = "\(evaluations)/\(sheet)/confirmation"
            let refusals: [(String, String, Int, String)] = [
                (confirmation, hr, 403, "evaluator-confirms"),
                (confirmation, admin, 403, "evaluator-confirms"),
                (confirmation, two.token, 403, "not-your-sheet"),
                (confirmation, outsider.token, 403, "not-assigned"),
                ("\(evaluations)/\(twoSheet)/confirmation", two.token, 409, "nothing-to-confirm"),
                ("\(evaluations)/\(UUID().uuidString)/confirmation", one.token, 404, ""),
                ("\(evaluations)/nope/confirmation", one.token, 422, ""),
                ("/v1/applications/\(UUID().uuidString)/evaluations/\(sheet)/confirmation", one.token, 404, ""),
            ]
            for (path, token, status, slug) in refusals {
                let reply = try await api.request(.post, path, token: token)
                #expect(reply.status == status, "\(path): \(reply.text)")
                #expect(reply.contentType.hasPrefix("application/problem+json"))
                if !slug.isEmpty { #expect(Self.type(reply) == slug, "\(path): \(reply.text)") }
            }
            #expect(try await Self.text(api, "SELECT count(*)::text FROM evaluation_sheets WHERE confirmed_at IS NOT NULL") == "0")

            let confirmed = try await api.request(.post, confirmation, token: one.token)
            #expect(confirmed.status == 200, "\(confirmed.text)")
            #expect(confirmed.object["confirmed_by"] as? String == "Phạm Văn Một")
            #expect(confirmed.object["entered_by"] as? String == "Nguyễn Thị Nhập")
            #expect(confirmed.object["awaiting_confirmation"] as? Bool == false)
            #expect(Self.type(try await api.request(.post, confirmation, token: one.token)) == "already-confirmed")
            score = try await api.request(.get, "/v1/applications/\(a)/score", token: hr)
            #expect(score.object["submitted"] as? Int == 2)
            #expect(score.object["complete"] as? Bool == true)
            #expect(score.object["panel_score"] as? Double == 4)  // (4 + 4) / 2
            #expect(Self.items(try await api.request(.get, evaluations, token: two.token)).count == 2)

            // An amendment typed in by admin waits too; the revision it replaced can no longer be confirmed.
            let amended = try await api.request(.post, evaluations, token: admin, json: [
                "rubric_id": rubric, "evaluator_id": one.id, "scores": ["legal_drafting": 1, "ethics": 1],
                "reason": "Phiếu giấy chấm lại"])
            #expect(amended.status == 201)
            #expect(amended.object["entered_by"] as? String == "Quản Trị Viên")
            score = try await api.request(.get, "/v1/applications/\(a)/score", token: hr)
            #expect(score.object["submitted"] as? Int == 1)
            #expect(score.object["panel_score"] as? Double == 4)  // Two's alone
            #expect(Self.type(try await api.request(.post, confirmation, token: one.token)) == "sheet-superseded")
            // One disagrees with what was typed: they submit their own, which counts at once.
            let corrected = try await api.request(.post, evaluations, token: one.token, json: [
                "rubric_id": rubric, "scores": Self.full, "reason": "Phiếu nhập sai"])
            #expect(corrected.object["revision"] as? Int == 3)
            #expect(corrected.object["awaiting_confirmation"] as? Bool == false)
            #expect(try await api.request(.get, "/v1/applications/\(a)/score", token: hr).object["submitted"] as? Int == 2)

            // The audit trail names who typed and who confirmed.
            let audit = Self.items(try await api.request(.get, "/v1/audit?entity=application:\(a)", token: admin))
            let submitted = audit.first { $0["action"] as? String == "evaluation.submit" && $0["actor"] as? String == "Nguyễn Thị Nhập" }
            let submittedChanges = submitted?["changes"] as? [String: Any] ?? [:]
            #expect(submittedChanges["entered_by"] as? String == "Nguyễn Thị Nhập")
            #expect(submittedChanges["evaluator_name"] as? String == "Phạm Văn Một")
            let confirm = try #require(audit.first { $0["action"] as? String == "evaluation.confirm" })
            #expect(confirm["actor"] as? String == "Phạm Văn Một")
            #expect(confirm["role"] as? String == "evaluator")
            let changes = confirm["changes"] as? [String: Any] ?? [:]
            #expect(changes["entered_by"] as? String == "Nguyễn Thị Nhập")
            #expect(changes["confirmed_by"] as? String == "Phạm Văn Một")
            #expect(audit.filter { $0["action"] as? String == "evaluation.confirm" }.count == 1)
        }
    }

    @Test("amendments after the result was first read are flagged in the result and in the sheet's history")
    func amendedAfterResult() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let leadership = try await api.token(.leadership, name: "Lãnh Đạo Sở")
            let one = try await api.user(.evaluator, name: "Phạm Văn Một")
            let two = try await api.user(.evaluator, name: "Trần Thị Hai")
            let rubric = try await Self.rubric(api, hr: hr)
            let a = try await EvaluationTests.application(api).id.text
            let evaluations = "/v1/applications/\(a)/evaluations"
            try await Self.assign(api, a, [one, two], hr: hr)
            for evaluator in [one, two] {
                #expect(try await api.request(.post, evaluations, token: evaluator.token,
                                              json: ["rubric_id": rubric, "scores": Self.full]).status == 201)
            }
            // An amendment before anyone read the result is not flagged.
            let early = try await api.request(.post, evaluations, token: one.token, json: [
                "rubric_id": rubric, "scores": ["legal_drafting": 5, "ethics": 5], "reason": "Xem lại bài thi"])
            #expect(early.object["amended_after_result"] as? Bool == false)

            // Leadership reads the result: recorded once, at the first reading.
            var score = try await api.request(.get, "/v1/applications/\(a)/score", token: leadership)
            let firstRead = try #require(score.object["result_first_read_at"] as? String)
            #expect(score.object["amended_after_result"] as? Bool == false)
            score = try await api.request(.get, "/v1/applications/\(a)/score", token: hr)
            #expect(score.object["result_first_read_at"] as? String == firstRead)
            #expect(try await Self.text(api, "SELECT first_read_by FROM evaluation_result_reads") == "Lãnh Đạo Sở")
            #expect(try await api.count("evaluation_result_reads") == 1)

            // Two amends after that: flagged on the sheet, in the history and in the result.
            let late = try await api.request(.post, evaluations, token: two.token, json: [
                "rubric_id": rubric, "scores": ["legal_drafting": 1, "ethics": 1], "reason": "Đổi ý"])
            #expect(late.status == 201)
            #expect(late.object["amended_after_result"] as? Bool == true)
            score = try await api.request(.get, "/v1/applications/\(a)/score", token: hr)
            #expect(score.object["amended_after_result"] as? Bool == true)
            let history = Self.items(try await api.request(.get, evaluations + "?history=true", token: hr))
            let flags = history.map { "\($0["evaluator_name"] as? String ?? "") \($0["revision"] as? Int ?? 0) "
                + "\($0["amended_after_result"] as? Bool ?? false)" }
            #expect(flags == ["Phạm Văn Một 1 false", "Phạm Văn Một 2 false", "Trần Thị Hai 1 false", "Trần Thị Hai 2 true"])

            // The CLI says so too: a column and a warning line.
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let table = await cli.run("evaluation", "score", a)
            #expect(table.status == 0)
            #expect(table.stdout.contains("Sửa sau khi xem kết quả: ⚠"))
            #expect(table.stderr.hasPrefix("cảnh báo:"))
            let list = await cli.run("evaluation", "list", "--application", a, "--history")
            #expect(list.stdout.contains("⚠"))
            // HR typing a sheet in from the CLI is told it waits for the evaluator.
            let typed = await cli.run("evaluation", "submit", "--application", a, "--rubric", rubric, "--evaluator", one.id,
                                      "--score", "legal_drafting=3", "--score", "ethics=3", "--reason", "Phiếu giấy")
            #expect(typed.status == 0)
            #expect(typed.stdout.contains("chờ xác nhận"))
            #expect(typed.stderr.hasPrefix("lưu ý: phiếu nhập hộ cho Phạm Văn Một"))

            // A ranking, a candidate's file and the move on count as readings too (a fresh application each).
            let b = try await EvaluationTests.application(api, name: "Hoàng Văn Bảy")
            try await Self.assign(api, b.id.text, [one], hr: hr)
            #expect(try await api.request(.post, "/v1/applications/\(b.id.text)/evaluations", token: one.token,
                                          json: ["rubric_id": rubric, "scores": Self.full]).status == 201)
            #expect(try await api.count("evaluation_result_reads", where: "application_id", is: b.id.text) == 0)
            #expect(try await api.request(.get, "/v1/positions/\(b.positionID.text)/ranking", token: hr).status == 200)
            #expect(try await api.count("evaluation_result_reads", where: "application_id", is: b.id.text) == 1)
            let c = try await EvaluationTests.application(api, name: "Đỗ Thị Chín")
            try await Self.assign(api, c.id.text, [two], hr: hr)
            #expect(try await api.request(.post, "/v1/applications/\(c.id.text)/evaluations", token: two.token,
                                          json: ["rubric_id": rubric, "scores": Self.full]).status == 201)
            #expect(try await api.request(.get, "/v1/candidates/\(c.candidateID.text)?include=panels", token: hr).status == 200)
            #expect(try await api.count("evaluation_result_reads", where: "application_id", is: c.id.text) == 1)
        }
    }
}
