import Foundation
import TalentDomain
import TalentService
import Testing

@Suite("Referrals", .freshDatabase)
struct ReferralTests {
    @Test("the first referral in the window is credited, later ones support; every kind of referrer; bad input is named")
    func credit() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let candidate = try #require(try await api.request(.post, "/v1/candidates", token: hr,
                                                               json: ["full_name": "Lê Văn An"]).object["id"] as? String)
            _ = try await api.services.partners.add(ValidPartner(PartnerDraft(code: "ULAW", name: "Trường Đại học Luật TP. Hồ Chí Minh", kind: nil)), by: .testAdmin)
            let staff = try await api.services.users.add(try NewStaffUser(name: "Trần Minh Đức", role: "hr", agencyCode: nil, email: nil), by: .testAdmin)
            let first = try await api.request(.post, "/v1/referrals", token: hr, json: [
                "candidate_id": candidate, "referrer_kind": "person", "referrer_name": "TS. Trần Văn An",
                "relationship": "teacher", "justification": "Thủ khoa đầu ra"])
            #expect(first.status == 201, "\(first.text)")
            #expect(first.object["credited"] as? Bool == true)
            #expect(first.object["channel"] as? String == "api")
            for body: [String: Any] in [
                ["candidate_id": candidate, "referrer_kind": "agency", "referrer_agency_code": "stp", "justification": "Đề xuất"],
                ["candidate_id": candidate, "referrer_kind": "partner", "referrer_partner_code": "ULAW", "justification": "Đề cử"],
                ["candidate_id": candidate, "referrer_kind": "user", "referrer_user_id": staff.id.text, "justification": "Biết năng lực"],
                ["candidate_id": candidate, "referrer_kind": "self", "justification": "Tự ứng tuyển"],
            ] {
                let reply = try await api.request(.post, "/v1/referrals", token: hr, json: body)
                #expect(reply.status == 201, "\(reply.text)")
                #expect(reply.object["credited"] as? Bool == false)
            }
            let user = try await api.request(.get, "/v1/referrals?referrer_kind=user", token: hr)
            #expect(((user.object["items"] as? [[String: Any]])?.first?["referrer_name"] as? String) == "Trần Minh Đức")
            let list = try await api.request(.get, "/v1/referrals?candidate_id=\(candidate)", token: hr)
            #expect((list.object["items"] as? [Any])?.count == 5)
            let credited = try await api.request(.get, "/v1/referrals?credited=true", token: hr)
            #expect((credited.object["items"] as? [Any])?.count == 1)

            for (body, field) in [
                (["candidate_id": candidate, "referrer_kind": "person", "justification": "x"], "referrer_name"),
                (["candidate_id": candidate, "referrer_kind": "agency", "referrer_agency_code": "NOPE", "justification": "x"], "referrer_agency_code"),
                (["candidate_id": candidate, "referrer_kind": "person", "referrer_name": "A", "relationship": "friend", "justification": "x"], "relationship"),
                (["candidate_id": candidate, "referrer_kind": "self"], "justification"),
                (["candidate_id": "nope", "referrer_kind": "self", "justification": "x"], "candidate_id"),
                (["candidate_id": UUID().uuidString, "referrer_kind": "self", "justification": "x"], "candidate_id"),
                (["candidate_id": candidate, "referrer_kind": "boss", "justification": "x"], "referrer_kind"),
            ] as [([String: Any], String)] {
                let reply = try await api.request(.post, "/v1/referrals", token: hr, json: body)
                #expect(reply.status == 422, "\(field): \(reply.text)")
                #expect((reply.object["errors"] as? [[String: Any]] ?? []).contains { $0["field"] as? String == field }, "\(field)")
            }
            #expect(try await api.count("referrals") == 5)
            let evaluator = try await api.token(.evaluator)
            #expect(try await api.request(.get, "/v1/referrals", token: evaluator).status == 403)
        }
    }

    @Test("a credit window of one month: a referral after it is credited again; merges keep credits as they were")
    func windowAndMerge() async throws {
        try await TestDatabase.withServices { services in
            let referrals = ReferralService(database: services.database, creditMonths: 1)
            let a = try await services.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Phạm Thị Hoa", dateOfBirth: "1995-01-01")), by: .testAdmin).candidate
            let first = try await referrals.add(ValidReferral(ReferralDraft(candidateID: a.id.text, referrerKind: "self", justification: "x")), by: .testAdmin)
            #expect(first.credited)
            try await services.database.withConnection { c in
                try await c.query("UPDATE referrals SET created_at = now() - interval '2 months' WHERE id = \(first.id)",
                                  logger: TestDatabase.logger)
            }
            let second = try await referrals.add(ValidReferral(ReferralDraft(candidateID: a.id.text, referrerKind: "agency",
                                                               referrerAgencyCode: "SNV", justification: "y")), by: .testAdmin)
            #expect(second.credited)
            let b = try await services.candidates.add(try ValidCandidate(CandidateDraft(fullName: "PHAM THI HOA", dateOfBirth: "1995-01-01")), by: .testAdmin).candidate
            let third = try await referrals.add(ValidReferral(ReferralDraft(candidateID: b.id.text, referrerKind: "self", justification: "z")), by: .testAdmin)
            #expect(third.credited)
            _ = try await services.candidates.merge(try CandidateMerge(keep: a.id.text, other: b.id.text), by: .testAdmin)
            let all = try await services.referrals.list(candidateID: a.id.text, page: PageRequest(), by: .testAdmin).items
            #expect(all.count == 3)
            #expect(all.filter(\.credited).count == 3)  // never moved or recomputed silently
        }
    }

    @Test("referrals from the CLI: exactly one referrer")
    func cli() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let candidate = try await cli.json("candidate", "add", "--name", "Võ Thị Anh") as? [String: Any]
            let id = try #require(candidate?["id"] as? String)
            let added = try await cli.json("referral", "add", "--candidate", id, "--by-person", "ThS. Nguyễn Văn Bình",
                                           "--relationship", "supervisor", "--justification", "Năng lực soạn thảo tốt") as? [String: Any]
            #expect(added?["credited"] as? Bool == true)
            #expect(added?["channel"] as? String == "cli")
            #expect(await cli.run("referral", "add", "--candidate", id, "--self", "--by-agency", "STP", "--justification", "x").status == 2)
            #expect(await cli.run("referral", "add", "--candidate", id, "--justification", "x").status == 2)
            let listed = await cli.run("referral", "list", "--referrer", "ths. nguyễn văn bình")
            #expect(listed.stdout.contains("ThS. Nguyễn Văn Bình"))
        }
    }
}
