import Foundation
import TalentDomain
import TalentService
import Testing

/// Issue 11, item 15: a panel that cannot complete is said in numbers — the rubric's real minimum, before any sheet —
/// and HR is warned when conflicts and recusals leave fewer eligible evaluators than that minimum.
@Suite("Panels that cannot complete")
struct PanelWarningTests {
    @Test("API: moving on says 0/3 (the published rubric's minimum); assign and recuse warn when too few may evaluate")
    func api() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let application = try await EvaluationTests.application(api)
            let a = application.id.text
            let early = try await api.request(.post, "/v1/applications/\(a)/transitions", token: hr, json: ["to": "interview"])
            #expect(early.status == 409)
            #expect((early.object["detail"] as? String)?.contains("0/3 phiếu") == true, "\(early.text)")
            #expect(early.object["required"] as? Int == 3)

            // Three evaluators, as the demo has.
            let one = try await api.user(.evaluator, name: "Nguyễn Văn Một")
            let two = try await api.user(.evaluator, name: "Trần Thị Hai")
            let three = try await api.user(.evaluator, name: "Lê Văn Ba")
            let first = try await api.request(.post, "/v1/applications/\(a)/evaluators", token: hr, json: ["evaluator_id": one.id])
            #expect(first.status == 201, "\(first.text)")
            #expect((first.object["warnings"] as? [Any])?.isEmpty == true, "\(first.text)")

            // Three declares a relationship: two may evaluate, the rubric needs three.
            let recusal = try await api.request(.post, "/v1/applications/\(a)/recusals", token: hr, json: [
                "evaluator_id": three.id, "reason": "Là cháu họ của ứng viên", "relationship": "relative"])
            #expect(recusal.status == 201, "\(recusal.text)")
            let warning = try #require((recusal.object["warnings"] as? [[String: Any]])?.first, "\(recusal.text)")
            #expect(warning["code"] as? String == "panel-cannot-complete")
            #expect(warning["eligible_evaluators"] as? Int == 2)
            #expect(warning["required"] as? Int == 3)
            #expect((warning["message"] as? String)?.contains("Chỉ còn 2 người đánh giá") == true, "\(warning)")

            let second = try await api.request(.post, "/v1/applications/\(a)/evaluators", token: hr,
                                               json: ["evaluator_id": two.id], headers: [.acceptLanguage: "en"])
            #expect(second.status == 201, "\(second.text)")
            let english = try #require((second.object["warnings"] as? [[String: Any]])?.first, "\(second.text)")
            #expect((english["message"] as? String)?.contains("Only 2 evaluators") == true, "\(english)")

            // Once a sheet is in, the panel's own rubric says the minimum.
            let sheet = try await api.request(.post, "/v1/applications/\(a)/evaluations", token: one.token, json: [
                "rubric_id": EvaluationTests.defaultRubric,
                "scores": ["political_steadfastness": 4, "ethics_conduct": 4, "relevant_expertise": 4, "legal_drafting": 4,
                           "creativity": 4, "dedication": 4]])
            #expect(sheet.status == 201, "\(sheet.text)")
            let later = try await api.request(.post, "/v1/applications/\(a)/transitions", token: hr, json: ["to": "interview"])
            #expect((later.object["detail"] as? String)?.contains("1/3 phiếu") == true, "\(later.text)")
        }
    }

    @Test("CLI: the move's message says 0/3; evaluation assign and recuse print a warning line")
    func cli() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            func id(_ value: Any) throws -> String { try #require((value as? [String: Any])?["id"] as? String) }
            let candidate = try id(try await cli.json("candidate", "add", "--name", "Lê Thị Hồng Nhung"))
            let position = try id(try await cli.json("position", "add", "--agency", "STP", "--title", "Chuyên viên",
                                                     "--kind", "core_drafting_officer"))
            let application = try id(try await cli.json("application", "open", "--candidate", candidate, "--position", position))
            #expect(await cli.run("application", "move", application, "--to", "screening").status == 0)
            #expect(await cli.run("application", "move", application, "--to", "evaluation").status == 0)
            let early = await cli.run("application", "move", application, "--to", "interview")
            #expect(early.status != 0)
            #expect(early.stderr.contains("0/3 phiếu"), "\(early.stderr)")

            var evaluators: [String] = []
            for name in ["Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"] {
                evaluators.append(try id(try await cli.json("user", "add", "--name", name, "--role", "evaluator")))
            }
            let assigned = await cli.run("evaluation", "assign", "--application", application, "--evaluator", evaluators[0])
            #expect(assigned.status == 0, "\(assigned.stderr)")
            #expect(!assigned.stderr.contains("cảnh báo"), "\(assigned.stderr)")
            let recused = await cli.run("evaluation", "recuse", "--application", application, "--evaluator", evaluators[2],
                                        "--reason", "Là cháu họ của ứng viên", "--relationship", "relative")
            #expect(recused.status == 0, "\(recused.stderr)")
            #expect(recused.stderr.contains("cảnh báo: Chỉ còn 2 người đánh giá"), "\(recused.stderr)")
            let json = try await cli.json("evaluation", "assign", "--application", application, "--evaluator", evaluators[1])
            let warnings = (json as? [String: Any])?["warnings"] as? [[String: Any]] ?? []
            #expect(warnings.first?["eligible_evaluators"] as? Int == 2)
            let english = await cli.run("evaluation", "recuse", "--application", application, "--evaluator", evaluators[1],
                                        "--reason", "Đồng nghiệp cũ", "--lang", "en")
            #expect(english.stderr.contains("warning: Only 1 evaluator without"), "\(english.stderr)")
        }
    }
}
