import Foundation
import HTTPTypes
import PostgresNIO
import TalentDomain
import TalentService
import Testing

/// Issue 16: officials in post, training and its coverage against plan II.2.d, the hiring decision that dates a hire,
/// commendations — through the API and the CLI, scoped and audited.
@Suite("The plan beyond recruitment", .freshDatabase)
struct WorkforceTests {
    static func daysAgo(_ n: Int) -> CalendarDate { CalendarDate(Date().addingTimeInterval(-Double(n) * 86_400)) }

    /// An application at `offer` for a new position of the agency.
    static func offer(_ s: TalentServices, name: String, agency: String = "SXD", kind: String = "legal_affairs_officer",
                      openings: Int = 1) async throws -> (application: Application, position: Position) {
        let position = try await s.positions.add(try ValidPosition(PositionDraft(
            agencyCode: agency, title: "Công chức pháp chế", kind: kind, openings: openings)), by: .testAdmin)
        let candidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: name)), by: .testAdmin).candidate
        var application = try await s.applications.open(NewApplication(candidateID: candidate.id, positionID: position.id),
                                                        by: .testAdmin)
        for stage in ["screening", "evaluation", "interview", "offer"] {
            application = try await s.applications.move(application.id, try StageMove(StageMoveDraft(to: stage, reason: nil)),
                                                        by: .testAdmin)
        }
        return (application, position)
    }

    static func scoped(_ api: APIHarness, _ role: Role, agency: String, name: String) async throws -> String {
        let user = try await api.services.users.add(try NewStaffUser(name: name, role: role.rawValue, agencyCode: agency,
                                                                     email: nil, scope: "agency"), by: .testAdmin)
        return try await api.services.tokens.issue(try TokenRequest(userID: user.id.text, expiresInDays: 30),
                                                   by: .testAdmin).token
    }

    @Test("a decision moves offer to hired, dates the hire by its effective date, puts the candidate in post and fills the position; it is kept as signed")
    func decision() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let s = api.services
            let (application, position) = try await Self.offer(s, name: "Đỗ Thị Trang")
            let deadline = Self.daysAgo(30), signed = Self.daysAgo(60), effective = Self.daysAgo(45)
            _ = try await s.targets.add(try ValidTarget(agencyCode: "SXD", positionKind: "legal_affairs_officer", count: 1,
                                                        deadline: deadline.description, note: nil), by: .testAdmin)
            let hr = try await api.token(.hr)
            func target() async throws -> [String: Any] {
                let items = try await api.request(.get, "/v1/reports/targets", token: hr).object["items"] as? [[String: Any]]
                return try #require(items?.first { $0["agency_code"] as? String == "SXD" })
            }
            #expect(try await target()["status"] as? String == "missed")

            // Bad input names each field and writes nothing.
            let bad = try await api.request(.post, "/v1/decisions", token: hr, json: [
                "application_id": application.id.text, "number": " ", "signed_on": signed.description,
                "effective_on": Self.daysAgo(90).description, "method": "bốc thăm"])
            #expect(bad.status == 422, "\(bad.text)")
            let fields = Set(((bad.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["number", "signer", "effective_on", "method"], "\(fields)")
            #expect(try await api.count("hiring_decisions") == 0)
            let evaluator = try await api.token(.evaluator)
            let body: [String: Any] = ["application_id": application.id.text, "number": "15/QĐ-SXD",
                                       "signed_on": signed.description, "signer": "Nguyễn Văn Hùng",
                                       "effective_on": effective.description, "method": "thi_tuyen"]
            #expect(try await api.request(.post, "/v1/decisions", token: evaluator, json: body).status == 403)
            let otherAgency = try await Self.scoped(api, .hr, agency: "STP", name: "Cán bộ STP")
            #expect(try await api.request(.post, "/v1/decisions", token: otherAgency, json: body).status == 404)

            let created = try await api.request(.post, "/v1/decisions", token: hr, json: body)
            #expect(created.status == 201, "\(created.text)")
            #expect(created.object["effective_on"] as? String == effective.description)
            let officialID = try #require(created.object["official_id"] as? String)
            let decisionID = try #require(created.object["id"] as? String)
            #expect(try await api.request(.get, "/v1/applications/\(application.id.text)", token: hr).object["stage"] as? String == "hired")
            let official = try await api.request(.get, "/v1/officials/\(officialID)", token: hr).object
            #expect(official["full_name"] as? String == "Đỗ Thị Trang" && official["agency_code"] as? String == "SXD")
            #expect(official["kind"] as? String == "legal_affairs_officer" && official["since"] as? String == effective.description)
            #expect(official["candidate_id"] as? String == application.candidateID.text)
            #expect(official["decision_id"] as? String == decisionID)
            let filled = try await api.request(.get, "/v1/positions/\(position.id.text)", token: hr)
            #expect(filled.object["status"] as? String == "filled")
            let patched = try await api.request(.patch, "/v1/positions/\(position.id.text)", token: hr,
                                                json: ["status": "open"], headers: [.ifMatch: filled.headers[.eTag] ?? ""])
            #expect(patched.status == 409 && (patched.object["type"] as? String)?.hasSuffix("/reopen-needs-reason") == true,
                    "\(patched.text)")
            #expect(try await api.request(.post, "/v1/positions/\(position.id.text)/reopen", token: hr,
                                          json: ["reason": " "]).status == 422)
            let reopened = try await api.request(.post, "/v1/positions/\(position.id.text)/reopen", token: hr,
                                                 json: ["reason": "Bổ sung chỉ tiêu biên chế năm 2027"])
            #expect(reopened.status == 200 && reopened.object["status"] as? String == "open", "\(reopened.text)")
            #expect(try await api.request(.post, "/v1/positions/\(position.id.text)/reopen", token: hr,
                                          json: ["reason": "lần nữa"]).status == 409)
            // Entered after the deadline, dated before it: the target is met.
            let met = try await target()
            #expect(met["status"] as? String == "met" && met["hired"] as? Int == 1 && met["developed"] as? Int == 0, "\(met)")

            // Kept as signed: a second decision, a reopening and an UPDATE are refused.
            let again = try await api.request(.post, "/v1/decisions", token: hr, json: body)
            #expect(again.status == 409 && (again.object["type"] as? String)?.hasSuffix("/decision-recorded") == true)
            let reopen = try await api.request(.post, "/v1/applications/\(application.id.text)/transitions", token: hr,
                                               json: ["to": "offer", "reason": "nhầm"])
            #expect(reopen.status == 409, "\(reopen.text)")
            await #expect(throws: (any Error).self) {
                try await s.database.withConnection { c in
                    try await c.query(PostgresQuery(unsafeSQL: "UPDATE hiring_decisions SET number = 'x'"),
                                      logger: TestDatabase.logger)
                }
            }
            let listed = try await api.request(.get, "/v1/decisions?agency=SXD", token: hr).object["items"] as? [[String: Any]]
            #expect(listed?.map { $0["id"] as? String } == [decisionID])
            let audit = try await s.audit.list(entity: AuditEntity(parsing: "decision:\(decisionID)"), page: PageRequest(),
                                               by: .testAdmin).items
            #expect(audit.map(\.action) == ["decision.record"])
            let moves = try await s.audit.list(entity: AuditEntity(parsing: "application:\(application.id.text)"),
                                               page: PageRequest(), by: .testAdmin).items
            #expect(moves.first?.action == "application.move")
        }
    }

    @Test("an application already hired without a decision is dated by the one recorded later; a move to hired without one is dated by the move")
    func lateDecision() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let s = api.services
            let (application, _) = try await Self.offer(s, name: "Phan Văn Lộc", openings: 3)
            _ = try await s.applications.move(application.id, try StageMove(StageMoveDraft(to: "hired", reason: nil)), by: .testAdmin)
            _ = try await s.targets.add(try ValidTarget(agencyCode: "SXD", positionKind: "legal_affairs_officer", count: 1,
                                                        deadline: Self.daysAgo(10).description, note: nil), by: .testAdmin)
            #expect(try await s.reports.targets(by: .testAdmin).first { $0.target.agencyCode == "SXD" }?.status == .missed)
            let decision = try await s.decisions.record(try ValidHiringDecision(HiringDecisionDraft(
                applicationID: application.id.text, number: "3/QĐ-SXD", signedOn: Self.daysAgo(40).description,
                signer: "Lê Văn Tám", effectiveOn: Self.daysAgo(20).description)), by: .testAdmin)
            #expect(decision.officialID != nil)
            let progress = try #require(try await s.reports.targets(by: .testAdmin).first { $0.target.agencyCode == "SXD" })
            #expect(progress.status == .met && progress.hired == 1)
        }
    }

    @Test("the training report matches a hand count, per agency and for the province, and follows a merger")
    func trainingCoverage() async throws {
        try await APIHarness.with { api in
            let s = api.services
            func official(_ name: String, _ agency: String, since: String? = nil,
                          kind: String = "drafting_advisor") async throws -> Official {
                try await s.officials.add(try ValidOfficial(OfficialDraft(fullName: name, agencyCode: agency, kind: kind,
                                                                          since: since)), by: .testAdmin)
            }
            let a = try await official("Trần Thị An", "STP", since: "2020-01-01", kind: "core_drafting_officer")
            let b = try await official("Lê Văn Bình", "STP", since: "2021-01-01")
            let c = try await official("Võ Thị Cúc", "STP", since: "2022-01-01")
            let d = try await official("Ngô Văn Dũng", "STP", since: "2019-01-01")
            let e = try await official("Phạm Thị Én", "SXD", since: "2024-01-01", kind: "legal_affairs_officer")
            let f = try await official("Đặng Văn Phúc", "SXD")
            let g = try await official("Huỳnh Thị Giang", "SNV", since: "2023-01-01")
            func training(_ title: String, _ starts: String, _ ends: String) async throws -> Training {
                try await s.trainings.add(try ValidTraining(TrainingDraft(title: title, startsOn: starts, endsOn: ends,
                                                                          organizerCode: "STP", hours: 16)), by: .testAdmin)
            }
            let t2023 = try await training("Soạn thảo 2023", "2023-05-08", "2023-05-10")
            let t2025 = try await training("Soạn thảo 2025", "2025-03-01", "2025-03-03")
            let t2026 = try await training("Soạn thảo 2026", "2026-10-01", "2026-10-03")
            func attend(_ t: Training, _ o: Official, _ result: String? = nil) async throws {
                _ = try await s.trainings.attend(t.id, try ValidAttendance(AttendanceDraft(officialID: o.id.text, result: result)),
                                                 by: .testAdmin)
            }
            try await attend(t2026, a)
            try await attend(t2026, b, "absent")
            try await attend(t2023, c)
            try await attend(t2025, d)
            try await attend(t2025, e)
            try await attend(t2026, g)
            _ = try await s.officials.leave(d.id, try OfficialLeave(OfficialLeaveDraft(on: "2025-06-01", reason: "Nghỉ hưu")),
                                            by: .testAdmin)
            // Recording again replaces the result: b's absence stands, corrected twice.
            try await attend(t2026, b, "completed")
            try await attend(t2026, b, "absent")

            // By hand, from the plan's date to today: in post a, b, c (STP), e, f (SXD), g (SNV); d has left.
            // Trained in the period: a (2026), e (2025), g (2026); c's course was in 2023.
            let leadership = try await api.token(.leadership)
            let whole = try await api.request(.get, "/v1/reports/training", token: leadership)
            #expect(whole.status == 200, "\(whole.text)")
            #expect(whole.object["officials"] as? Int == 6 && whole.object["trained"] as? Int == 3)
            #expect(whole.object["meets_goal"] as? Bool == false)
            #expect((whole.object["goal"] as? [String: Any])?["percent"] as? Int == 90 || CalendarDate.today().year > 2027)
            let rows = Dictionary(uniqueKeysWithValues: ((whole.object["agencies"] as? [[String: Any]]) ?? []).map {
                ($0["agency_code"] as? String ?? "", $0)
            })
            #expect(Set(rows.keys) == ["STP", "SXD", "SNV"])
            #expect(rows["STP"]?["officials"] as? Int == 3 && rows["STP"]?["trained"] as? Int == 1)
            #expect(Set((rows["STP"]?["untrained"] as? [[String: Any]])?.compactMap { $0["full_name"] as? String } ?? [])
                    == ["Lê Văn Bình", "Võ Thị Cúc"])
            #expect(rows["SXD"]?["officials"] as? Int == 2 && rows["SXD"]?["trained"] as? Int == 1)
            #expect((rows["SXD"]?["untrained"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [f.id.text])
            #expect(rows["SNV"]?["meets_goal"] as? Bool == true && rows["SNV"]?["share"] as? Double == 1)

            // The year 2026 alone: a and g.
            let year = try await api.request(.get, "/v1/reports/training?year=2026", token: leadership).object
            #expect(year["from"] as? String == "2026-01-01" && year["trained"] as? Int == 2 && year["officials"] as? Int == 6)

            // An agency's HR sees their own row and no other agency's.
            let sxd = try await Self.scoped(api, .hr, agency: "SXD", name: "Cán bộ SXD")
            let own = try await api.request(.get, "/v1/reports/training", token: sxd).object
            #expect((own["agencies"] as? [[String: Any]])?.map { $0["agency_code"] as? String } == ["SXD"])
            #expect(try await api.request(.get, "/v1/reports/training?agency=STP", token: sxd).status == 403)
            #expect(try await api.request(.get, "/v1/officials/\(a.id.text)", token: sxd).status == 404)
            let theirs = try await api.request(.get, "/v1/officials", token: sxd).object["items"] as? [[String: Any]]
            #expect(Set(theirs?.compactMap { $0["id"] as? String } ?? []) == [e.id.text, f.id.text])
            #expect(try await api.request(.post, "/v1/officials", token: sxd, json: [
                "full_name": "Người Khác", "agency_code": "STP", "kind": "drafting_staff"]).status == 403)
            let evaluator = try await api.token(.evaluator)
            #expect(try await api.request(.get, "/v1/reports/training", token: evaluator).status == 403)

            // Attendance that cannot be: a course not ended yet completed; an official not in post then.
            let future = try await training("Sắp tới", Self.daysAgo(-28).description, Self.daysAgo(-30).description)
            let early = try await api.request(.post, "/v1/trainings/\(future.id.text)/attendance", token: leadership,
                                              json: ["official_id": a.id.text, "result": "completed"])
            #expect(early.status == 403, "leadership reads, does not record")
            let admin = try await api.token(.admin)
            let notEnded = try await api.request(.post, "/v1/trainings/\(future.id.text)/attendance", token: admin,
                                                 json: ["official_id": a.id.text, "result": "completed"])
            #expect(notEnded.status == 409 && (notEnded.object["type"] as? String)?.hasSuffix("/training-not-ended") == true)
            let registered = try await api.request(.post, "/v1/trainings/\(future.id.text)/attendance", token: admin,
                                                   json: ["official_id": a.id.text])
            #expect(registered.object["result"] as? String == "registered", "\(registered.text)")
            let gone = try await api.request(.post, "/v1/trainings/\(t2026.id.text)/attendance", token: admin,
                                             json: ["official_id": d.id.text])
            #expect(gone.status == 409, "\(gone.text)")

            // SNV merges into STP: its official and their training count there.
            _ = try await s.agencies.retire("SNV", try AgencyRetirement(mergedInto: "STP"), by: .testAdmin)
            let merged = try await s.trainings.report(by: .testAdmin)
            #expect(merged.agencies.map(\.agencyCode) == ["STP", "SXD"])
            #expect(merged.agencies.first?.officials == 4 && merged.agencies.first?.trained == 2)
            #expect(merged.officials == 6 && merged.trained == 3)
        }
    }

    @Test("an official developed into the core force counts toward the core target; leaving post takes them out")
    func developedOfficials() async throws {
        try await APIHarness.with { api in
            let s = api.services
            // The plan's own target (seed data): 2 core drafting officers at Sở Tư pháp by 2027.
            let hr = try await api.token(.hr)
            let created = try await api.request(.post, "/v1/officials", token: hr, json: [
                "full_name": "Nguyễn Thị Hạnh", "agency_code": "STP", "kind": "drafting_advisor", "since": "2020-05-01"])
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.object["id"] as? String)
            _ = try await s.officials.add(try ValidOfficial(OfficialDraft(fullName: "Lê Minh Khoa", agencyCode: "STP",
                                                                          kind: "core_drafting_officer", since: "2021-01-01")),
                                          by: .testAdmin)
            func core() async throws -> TargetProgress {
                try #require(try await s.reports.targets(by: .testAdmin).first {
                    $0.target.agencyCode == "STP" && $0.target.positionKind == .coreDraftingOfficer && $0.target.count == 2
                })
            }
            #expect(try await core().developed == 1)
            let etag = try await api.request(.get, "/v1/officials/\(id)", token: hr).headers[.eTag] ?? ""
            let marked = try await api.request(.patch, "/v1/officials/\(id)", token: hr, json: ["core_force": true],
                                               headers: [.ifMatch: etag])
            #expect(marked.status == 200 && marked.object["core_force"] as? Bool == true, "\(marked.text)")
            #expect(try await api.request(.patch, "/v1/officials/\(id)", token: hr, json: ["core_force": false],
                                          headers: [.ifMatch: etag]).status == 412)
            let progress = try await core()
            #expect(progress.developed == 2 && progress.status == .met, "\(progress)")
            let left = try await api.request(.post, "/v1/officials/\(id)/leave", token: hr,
                                             json: ["on": CalendarDate.today().description, "reason": "Chuyển công tác"])
            #expect(left.status == 200 && left.object["in_post"] as? Bool == false, "\(left.text)")
            #expect(try await api.request(.post, "/v1/officials/\(id)/leave", token: hr,
                                          json: ["on": CalendarDate.today().description]).status == 409)
            #expect(try await core().developed == 1)
            let inPost = try await api.request(.get, "/v1/officials?in_post=true&q=nguyen", token: hr).object["items"] as? [[String: Any]]
            #expect(inPost?.isEmpty == true, "accent-free search finds no one in post: Hạnh has left")
            let search = try await api.request(.get, "/v1/officials?q=NGUYEN%20THI%20HANH", token: hr).object["items"] as? [[String: Any]]
            #expect(search?.count == 1)
        }
    }

    @Test("commendations: an official, or the referrer of a candidate who was hired; decided once, by Sở Tư pháp or an administrator")
    func commendations() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let s = api.services
            let (application, _) = try await Self.offer(s, name: "Trịnh Văn Quang")
            let referral = try await s.referrals.add(ValidReferral(ReferralDraft(
                candidateID: application.candidateID.text, referrerKind: "person", referrerName: "TS. Trần Văn An",
                justification: "Thủ khoa")), by: .testAdmin)
            let weak = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Lý Thị Mai")), by: .testAdmin).candidate
            let weakReferral = try await s.referrals.add(ValidReferral(ReferralDraft(
                candidateID: weak.id.text, referrerKind: "person", referrerName: "Ông B", justification: "x")), by: .testAdmin)
            let official = try await s.officials.add(try ValidOfficial(OfficialDraft(
                fullName: "Trần Thị Bích", agencyCode: "SXD", kind: "legal_affairs_officer", since: "2020-01-01")), by: .testAdmin)

            let sxd = try await Self.scoped(api, .hr, agency: "SXD", name: "Cán bộ SXD")
            let forOfficial = try await api.request(.post, "/v1/commendations", token: sxd, json: [
                "official_id": official.id.text, "reason": "Hoàn thành xuất sắc nhiệm vụ năm 2026"])
            #expect(forOfficial.status == 201, "\(forOfficial.text)")
            #expect(forOfficial.object["subject_name"] as? String == "Trần Thị Bích")
            let both = try await api.request(.post, "/v1/commendations", token: sxd, json: [
                "official_id": official.id.text, "referral_id": referral.id.text, "reason": "x"])
            #expect(both.status == 422)
            let notYet = try await api.request(.post, "/v1/commendations", token: sxd, json: [
                "referral_id": weakReferral.id.text, "reason": "Giới thiệu"])
            #expect(notYet.status == 409 || notYet.status == 422, "\(notYet.text)")
            _ = try await s.decisions.record(try ValidHiringDecision(HiringDecisionDraft(
                applicationID: application.id.text, number: "9/QĐ-SXD", signedOn: CalendarDate.today().description,
                signer: "Lê Văn Tám", effectiveOn: CalendarDate.today().description)), by: .testAdmin)
            let forReferrer = try await api.request(.post, "/v1/commendations", token: sxd, json: [
                "referral_id": referral.id.text, "reason": "Phát hiện, giới thiệu người có tài năng được tuyển dụng"])
            #expect(forReferrer.status == 201, "\(forReferrer.text)")
            #expect(forReferrer.object["subject_name"] as? String == "TS. Trần Văn An")
            #expect(forReferrer.object["agency_code"] as? String == "SXD")
            let id = try #require(forReferrer.object["id"] as? String)

            let decision: [String: Any] = ["number": "120/QĐ-UBND", "on": CalendarDate.today().description]
            let byAgency = try await api.request(.post, "/v1/commendations/\(id)/decision", token: sxd, json: decision)
            #expect(byAgency.status == 403 && (byAgency.object["type"] as? String)?.hasSuffix("/province-scope-required") == true)
            let hr = try await api.token(.hr)
            let decided = try await api.request(.post, "/v1/commendations/\(id)/decision", token: hr, json: decision)
            #expect(decided.status == 200 && decided.object["status"] as? String == "decided", "\(decided.text)")
            #expect(try await api.request(.post, "/v1/commendations/\(id)/decision", token: hr, json: decision).status == 409)
            let listed = try await api.request(.get, "/v1/commendations?status=decided", token: hr).object["items"] as? [[String: Any]]
            #expect(listed?.map { $0["id"] as? String } == [id])
            let own = try await api.request(.get, "/v1/commendations", token: sxd).object["items"] as? [[String: Any]]
            #expect(own?.count == 2)
            let stp = try await Self.scoped(api, .hr, agency: "STP", name: "Cán bộ STP")
            #expect((try await api.request(.get, "/v1/commendations", token: stp).object["items"] as? [Any])?.isEmpty == true)
            #expect(try await api.request(.get, "/v1/commendations/\(id)", token: stp).status == 404)
        }
    }

    @Test("the CLI: official, training, decision, commendation and report training, with one-line errors")
    func throughTheCLI() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url, environment: ["TALENT_REQUIRE_COMPLETE_PANEL": "false"])
            let official = try await cli.json("official", "add", "--name", "Trần Thị Bích", "--agency", "STP",
                                              "--kind", "core_drafting_officer", "--since", "01/03/2020") as? [String: Any]
            let officialID = try #require(official?["id"] as? String)
            #expect(official?["core_force"] as? Bool == true && official?["since"] as? String == "2020-03-01")
            let training = try await cli.json("training", "add", "--title", "Kỹ năng soạn thảo văn bản", "--starts",
                                              "2026-10-01", "--ends", "2026-10-03", "--organizer", "STP",
                                              "--hours", "24") as? [String: Any]
            let trainingID = try #require(training?["id"] as? String)
            let attended = await cli.run("training", "attend", "--training", trainingID, "--official", officialID)
            #expect(attended.status == 0 && attended.stdout.contains("đã hoàn thành"), "\(attended.stderr)")
            let shown = await cli.run("training", "show", trainingID)
            #expect(shown.stdout.contains("Trần Thị Bích") && shown.stdout.contains("Kỹ năng soạn thảo văn bản"))
            let report = await cli.run("report", "training", "--agency", "STP")
            #expect(report.status == 0 && report.stdout.contains("Toàn tỉnh: 1/1"), "\(report.stdout)\(report.stderr)")
            let english = await cli.run("report", "training", "--lang", "en")
            #expect(english.stdout.contains("Province: 1 of 1") || english.status != 0, "\(english.stdout)\(english.stderr)")
            let listed = await cli.run("official", "list", "--agency", "STP", "--format", "csv")
            #expect(listed.stdout.split(separator: "\n").count == 2 && listed.stdout.contains("core_drafting_officer"))

            let bad = await cli.run("official", "add", "--name", "X", "--agency", "STP", "--kind", "chief")
            #expect(bad.status == 2 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("legal_affairs_officer"),
                    "\(bad.stderr)")
            let early = await cli.run("official", "leave", officialID, "--on", "2019-01-01")
            #expect(early.status != 0 && early.stderr.split(separator: "\n").count == 1)
            let left = await cli.run("official", "leave", officialID, "--on", "2026-11-30", "--reason", "Nghỉ hưu")
            #expect(left.status == 0 && left.stdout.contains("30/11/2026"), "\(left.stderr)")

            let proposed = try await cli.json("commendation", "propose", "--official", officialID,
                                              "--reason", "Hoàn thành xuất sắc") as? [String: Any]
            let commendationID = try #require(proposed?["id"] as? String)
            let today = CalendarDate.today().description
            let decided = await cli.run("commendation", "decide", commendationID, "--number", "5/QĐ-UBND", "--on", today)
            #expect(decided.status == 0 && decided.stdout.contains("5/QĐ-UBND"), "\(decided.stderr)")
            let twice = await cli.run("commendation", "decide", commendationID, "--number", "6/QĐ-UBND", "--on", today)
            #expect(twice.status != 0 && twice.stderr.split(separator: "\n").count == 1)

            let position = try await cli.json("position", "add", "--agency", "SXD", "--title", "Pháp chế",
                                              "--kind", "legal_affairs_officer") as? [String: Any]
            let candidate = try await cli.json("candidate", "add", "--name", "Đỗ Thị Trang") as? [String: Any]
            let opened = try await cli.json("application", "open", "--candidate", candidate?["id"] as? String ?? "",
                                            "--position", position?["id"] as? String ?? "") as? [String: Any]
            let applicationID = try #require(opened?["id"] as? String)
            let tooEarly = await cli.run("decision", "record", "--application", applicationID, "--number", "1/QĐ",
                                         "--signed-on", "2026-11-01", "--signer", "Lê Văn Tám", "--effective", "2026-11-15")
            #expect(tooEarly.status != 0 && tooEarly.stderr.split(separator: "\n").count == 1, "nominated cannot be hired")
            for stage in ["screening", "evaluation", "interview", "offer"] {
                #expect(await cli.run("application", "move", applicationID, "--to", stage).status == 0)
            }
            let recorded = await cli.run("decision", "record", "--application", applicationID, "--number", "1/QĐ-SXD",
                                         "--signed-on", "01/11/2026", "--signer", "Lê Văn Tám", "--effective", "15/11/2026",
                                         "--method", "xet_tuyen")
            #expect(recorded.status == 0 && recorded.stdout.contains("xét tuyển") && recorded.stdout.contains("15/11/2026"),
                    "\(recorded.stderr)")
            let officials = try await cli.json("official", "list", "--agency", "SXD") as? [[String: Any]]
            #expect(officials?.first?["full_name"] as? String == "Đỗ Thị Trang")
            let decisions = await cli.run("decision", "list")
            #expect(decisions.stdout.contains("1/QĐ-SXD"))
        }
    }
}
