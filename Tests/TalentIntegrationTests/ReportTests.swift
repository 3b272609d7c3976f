import Foundation
import TalentDomain
import TalentService
import Testing

@Suite("Referrer report", .freshDatabase)
struct ReportTests {
    @Test("per referrer: referrals, credited, reached evaluation, hired, rejected, median panel score — to the unit; roles enforced")
    func referrers() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let position = try await s.positions.add(try ValidPosition(PositionDraft(agencyCode: "STP", title: "Chuyên viên", kind: "other",
                                                                   openings: 5)), by: .testAdmin)
            func candidate(_ name: String) async throws -> Candidate {
                try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: name)), by: .testAdmin).candidate
            }
            func refer(_ c: Candidate, person: String) async throws {
                _ = try await s.referrals.add(ValidReferral(ReferralDraft(candidateID: c.id.text, referrerKind: "person", referrerName: person,
                                                            justification: "x")), by: .testAdmin)
            }
            // One evaluator is a complete panel under this rubric.
            let rubric = try await s.evaluations.createRubric(RubricDefinition(json: .object([
                "name": .string("Một người chấm"), "scale": .object(["min": .number(1), "max": .number(5)]),
                "pass_threshold": .number(3), "min_evaluators": .number(1),
                "criteria": .array([.object(["key": .string("a"), "label": .string("A")])]),
            ])), by: .testAdmin)
            _ = try await s.evaluations.publish(rubric.id, by: .testAdmin)
            let evaluator = try await s.users.add(try NewStaffUser(name: "Người Chấm", role: "evaluator", agencyCode: nil, email: nil), by: .testAdmin)
            func move(_ c: Candidate, through stages: [String], score: Int? = nil) async throws {
                let application = try await s.applications.open(NewApplication(candidateID: c.id, positionID: position.id), by: .testAdmin)
                for stage in stages {
                    _ = try await s.applications.move(application.id, try StageMove(StageMoveDraft(to: stage, reason: nil)), by: .testAdmin)
                    if stage == "evaluation", let score {
                        _ = try await s.evaluations.assign(application: application.id, PanelAssignment(evaluatorID: evaluator.id),
                                                           by: .testAdmin)
                        // The evaluator's own sheet, which counts at once.
                        _ = try await s.evaluations.submit(application: application.id, Submission(
                            rubricID: rubric.id, scores: ["a": .number(Double(score))]),
                            by: Principal(name: evaluator.name, role: .evaluator, channel: .api, userID: evaluator.id))
                    }
                }
            }
            let a = try await candidate("Lê Văn An"), b = try await candidate("Trần Thị Bình"), c = try await candidate("Võ Văn Cường")
            try await refer(a, person: "TS. Trần Văn An")
            try await refer(b, person: "ts. trần văn an")
            try await refer(c, person: "TS. Trần Văn An")
            try await refer(a, person: "Phạm Hoa")  // supporting, not credited
            try await move(a, through: ["screening", "evaluation", "interview", "offer", "hired"], score: 5)
            try await move(b, through: ["screening", "evaluation", "rejected"], score: 2)
            try await move(c, through: ["screening"])

            let leadership = try await api.token(.leadership)
            let reply = try await api.request(.get, "/v1/reports/referrers", token: leadership)
            #expect(reply.status == 200)
            let items = reply.object["items"] as? [[String: Any]] ?? []
            let an = try #require(items.first { $0["referrer"] as? String == "ts. trần văn an" })
            #expect(an["referrals"] as? Int == 3)
            #expect(an["credited"] as? Int == 3)
            #expect(an["reached_evaluation"] as? Int == 2)
            #expect(an["hired"] as? Int == 1)
            #expect(an["rejected"] as? Int == 1)
            #expect(an["median_panel_score"] as? Double == 3.5)  // the panels of An's candidates: 5 and 2
            let hoa = try #require(items.first { $0["referrer"] as? String == "phạm hoa" })
            #expect(hoa["referrals"] as? Int == 1)
            #expect(hoa["credited"] as? Int == 0)
            #expect(hoa["hired"] as? Int == 1)
            #expect(hoa["median_panel_score"] as? Double == 5)
            #expect(try await api.request(.get, "/v1/reports/referrers", token: try await api.token(.evaluator)).status == 403)
            let cli = CLIRunner(databaseURL: s.database.url)
            let table = await cli.run("report", "referrers")
            #expect(table.stdout.contains("TS. Trần Văn An") || table.stdout.contains("ts. trần văn an"))
        }
    }
}
