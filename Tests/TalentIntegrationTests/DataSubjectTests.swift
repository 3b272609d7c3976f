import Foundation
import TalentDomain
import TalentService
import Testing

/// Issue 13, item 3: access and portability. `talent privacy export` and `GET /v1/candidates/{id}/export` give
/// everything held about a person as one document, and say so in the audit trail.
@Suite("Personal data: the data subject's export", .freshDatabase)
struct DataSubjectTests {
    @Test("the export holds the profile, applications with history, referrals, every sheet and the audit entries; only the officer reads it, and it is audited")
    func export() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let candidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(
                fullName: "Nguyễn Thị Minh Thư", dateOfBirth: "2001-05-14", citizenID: "082301000123",
                email: "thu@example.edu.vn")), by: .testAdmin).candidate
            let other = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Lê Văn Khác")),
                                                   by: .testAdmin).candidate
            let position = try await s.positions.add(try ValidPosition(PositionDraft(
                agencyCode: "STP", title: "Chuyên viên xây dựng pháp luật", kind: "core_drafting_officer")), by: .testAdmin)
            let application = try await s.applications.open(NewApplication(candidateID: candidate.id,
                                                                           positionID: position.id), by: .testAdmin)
            _ = try await s.applications.move(application.id, StageMove(to: .screening, reason: "đủ hồ sơ"), by: .testAdmin)
            let referral = try await s.referrals.add(ValidReferral(ReferralDraft(
                candidateID: candidate.id.text, referrerKind: "person", referrerName: "Trần Văn Giới Thiệu",
                relationship: "teacher", justification: "Sinh viên xuất sắc khoa Luật")), by: .testAdmin)
            _ = try await s.applications.open(NewApplication(candidateID: other.id, positionID: position.id), by: .testAdmin)

            let officer = try await api.token(.admin, name: "Cán bộ bảo vệ dữ liệu")
            for role in [Role.hr, .leadership, .evaluator] {
                let token = try await api.token(role)
                #expect(try await api.request(.get, "/v1/candidates/\(candidate.id.text)/export", token: token).status == 403,
                        "\(role) reads a person's whole export")
            }
            #expect(try await api.request(.get, "/v1/candidates/\(UUID().uuidString.lowercased())/export",
                                          token: officer).status == 404)
            #expect(try await api.request(.get, "/v1/candidates/nope/export", token: officer).status == 422)

            let reply = try await api.request(.get, "/v1/candidates/\(candidate.id.text)/export", token: officer)
            #expect(reply.status == 200)
            let person = try #require(reply.object["person"] as? [String: Any])
            #expect(person["citizen_id"] as? String == "082301000123" && person["email"] as? String == "thu@example.edu.vn")
            let applications = person["applications"] as? [[String: Any]] ?? []
            #expect(applications.map { $0["id"] as? String } == [application.id.text])
            #expect((applications.first?["history"] as? [[String: Any]])?.map { $0["to"] as? String } == ["nominated", "screening"])
            #expect((person["referrals"] as? [[String: Any]])?.map { $0["id"] as? String } == [referral.id.text])
            let audit = reply.object["audit"] as? [[String: Any]] ?? []
            let actions = Set(audit.compactMap { $0["action"] as? String })
            #expect(actions.isSuperset(of: ["candidate.add", "application.open", "application.move", "referral.add"]),
                    "\(actions)")
            // Nothing about the other person.
            #expect(!reply.text.contains(other.id.text) && !reply.text.contains("Lê Văn Khác"))

            let trail = try await s.audit.list(entity: AuditEntity(type: "candidate", id: candidate.id.text),
                                               page: PageRequest(limit: 50), by: .testAdmin).items
            let entry = try #require(trail.first { $0.action == "candidate.privacy_export" })
            #expect(entry.actor == "Cán bộ bảo vệ dữ liệu")

            // The CLI writes the same document to a file only its owner reads.
            let cli = CLIRunner(databaseURL: s.database.url)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("talent-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let out = dir.appendingPathComponent("thu.json").path
            let written = await cli.run("privacy", "export", candidate.id.text, "--out", out)
            #expect(written.status == 0, "\(written.stderr)")
            let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
            #expect((document?["person"] as? [String: Any])?["full_name"] as? String == "Nguyễn Thị Minh Thư")
        }
    }

    @Test("consents: recorded per purpose with the notice and proof, superseded by a new one, withdrawn in writing; withdrawing recruitment withdraws the open applications")
    func consents() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let candidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Phạm Thị Thu")),
                                                       by: .testAdmin).candidate
            let position = try await s.positions.add(try ValidPosition(PositionDraft(
                agencyCode: "STP", title: "Chuyên viên pháp chế", kind: "legal_affairs_officer")), by: .testAdmin)
            let application = try await s.applications.open(NewApplication(candidateID: candidate.id,
                                                                           positionID: position.id), by: .testAdmin)
            let hr = try await api.token(.hr)
            let leader = try await api.token(.leadership)
            let path = "/v1/candidates/\(candidate.id.text)/consents"
            let paper: [String: Any] = ["purpose": "recruitment", "notice_version": "2026-01", "channel": "paper",
                                        "evidence": "Phiếu đồng ý số 12/2026"]
            #expect(try await api.request(.post, path, token: leader, json: paper).status == 403)
            #expect(try await api.request(.post, path, token: hr, json: ["purpose": "recruitment", "notice_version": "1999",
                                                                        "channel": "paper"]).status == 422,
                    "a notice the tracker never showed")
            #expect(try await api.request(.post, path, token: hr, json: ["purpose": "talent_pool", "notice_version": "2026-01",
                                                                        "channel": "web"]).status == 422,
                    "a talent-pool consent without an expiry")
            #expect(try await api.request(.post, path, token: hr, json: ["purpose": "recruitment", "notice_version": "2026-01",
                                                                        "channel": "paper",
                                                                        "obtained_at": "2999-01-01"]).status == 422)
            let first = try await api.request(.post, path, token: hr, json: paper)
            #expect(first.status == 201 && first.object["status"] as? String == "active")
            let second = try await api.request(.post, path, token: hr, json: [
                "purpose": "recruitment", "notice_version": "2026-01", "channel": "email",
                "obtained_at": "2026-11-02T09:00:00Z", "evidence": "Thư ngày 02/11/2026",
            ])
            #expect(second.status == 201)
            let pool = try await api.request(.post, path, token: hr, json: [
                "purpose": "talent_pool", "notice_version": "2026-01", "channel": "web", "expires_on": "2028-12-31",
            ])
            #expect(pool.status == 201)
            let listed = try await api.request(.get, path, token: hr)
            let statuses = (listed.object["items"] as? [[String: Any]] ?? []).map { "\($0["purpose"]!):\($0["status"]!)" }
            #expect(Set(statuses) == ["recruitment:superseded", "recruitment:active", "talent_pool:active"], "\(statuses)")

            let withdrawal = "\(path)/recruitment/withdrawal"
            #expect(try await api.request(.post, "\(path)/marketing/withdrawal", token: hr, json: [:]).status == 422)
            let withdrawn = try await api.request(.post, withdrawal, token: hr, json: ["reason": "Đơn rút lại ngày 05/11/2026"])
            #expect(withdrawn.status == 200 && withdrawn.object["status"] as? String == "withdrawn")
            #expect(withdrawn.object["withdrawal_reason"] as? String == "Đơn rút lại ngày 05/11/2026")
            #expect(try await api.request(.post, withdrawal, token: hr, json: [:]).status == 409, "nothing left to withdraw")
            // Processing for recruitment stops: the open application is withdrawn, with the reason in its history.
            let after = try await s.applications.get(application.id.text, by: .testAdmin)
            #expect(after.stage == .withdrawn)
            let history = try await s.applications.history(application.id.text, by: .testAdmin)
            #expect(history.last?.reason?.contains("rút lại sự đồng ý") == true)
            // The talent-pool consent stands; the export carries all three.
            let officer = try await api.token(.admin)
            let export = try await api.request(.get, "/v1/candidates/\(candidate.id.text)/export", token: officer)
            #expect((export.object["consents"] as? [[String: Any]])?.count == 3)
            let trail = try await s.audit.list(entity: AuditEntity(type: "candidate", id: candidate.id.text),
                                               page: PageRequest(limit: 50), by: .testAdmin).items.map(\.action)
            #expect(trail.filter { $0 == "consent.record" }.count == 3 && trail.contains("consent.withdraw"))

            // The CLI: the same records, in Vietnamese.
            let cli = CLIRunner(databaseURL: s.database.url)
            let recorded = await cli.run("consent", "record", "--candidate", candidate.id.text, "--purpose", "recruitment",
                                         "--notice", "2026-01", "--channel", "paper", "--evidence", "Phiếu số 13/2026")
            #expect(recorded.status == 0, "\(recorded.stderr)")
            #expect(recorded.stdout.contains("tuyển dụng") && recorded.stdout.contains("phiếu giấy"))
            let list = await cli.run("consent", "list", "--candidate", candidate.id.text)
            #expect(list.stdout.contains("đã rút lại") && list.stdout.contains("nguồn nhân lực tiềm năng"))
            let bad = await cli.run("consent", "withdraw", "--candidate", candidate.id.text, "--purpose", "nope")
            #expect(bad.status != 0 && !bad.stderr.isEmpty)
        }
    }
}
