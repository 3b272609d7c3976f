import Foundation
import HTTPTypes
import TalentDomain
import TalentService
import TalentStore
import Testing

@Suite("Leadership: targets, pipeline, partners and annual reports", .freshDatabase)
struct LeadershipReportTests {
    /// A scenario small enough to count by hand:
    /// - STP, core_drafting_officer: An hired, Bình rejected after evaluation, Chi in interview (nominated by ULAW);
    /// - SNV, legal_affairs_officer: Dũng in screening (nominated by ULAW), Em withdrawn at nominated.
    struct Scenario {
        var core: Position
        var legal: Position
    }

    static func scenario(_ api: APIHarness) async throws -> Scenario {
        let s = api.services
        let core = try await s.positions.add(try ValidPosition(PositionDraft(agencyCode: "STP", title: "Chuyên viên nòng cốt",
                                                           kind: "core_drafting_officer", openings: 3)), by: .testAdmin)
        let legal = try await s.positions.add(try ValidPosition(PositionDraft(agencyCode: "SNV", title: "Công chức pháp chế",
                                                            kind: "legal_affairs_officer", openings: 1)), by: .testAdmin)
        let partnerToken = try await NominationTests.partner(api, code: "ULAW", quota: 10)
        _ = partnerToken
        let partner = Principal(name: "Trường ULAW", role: .partner, channel: .api, partnerCode: "ULAW")
        func nominated(_ name: String, _ id: String) async throws -> UUID {
            let receipt = try await s.nominations.submit(ValidNomination(NominationDraft(
                candidate: CandidateDraft(fullName: name, citizenID: id), nominatorName: "TS. Trần Văn An",
                relationship: "teacher", justification: "Sinh viên xuất sắc", consentObtainedAt: "2026-11-02T09:00:00Z",
                consentNoticeVersion: "2026-01")), submitted: .object(["n": .string(id)]), idempotencyKey: id, by: partner)
            let nomination = try await s.nominations.get(receipt.id.text, by: .testAdmin)
            return nomination.candidateID!
        }
        func candidate(_ name: String) async throws -> UUID {
            try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: name)), by: .testAdmin).candidate.id
        }
        func apply(_ candidate: UUID, _ position: Position, _ stages: [String]) async throws {
            let application = try await s.applications.open(NewApplication(candidateID: candidate, positionID: position.id), by: .testAdmin)
            for stage in stages { _ = try await s.applications.move(application.id, try StageMove(StageMoveDraft(to: stage, reason: nil)), by: .testAdmin) }
        }
        try await apply(candidate("Lê Văn An"), core, ["screening", "evaluation", "interview", "offer", "hired"])
        try await apply(candidate("Trần Thị Bình"), core, ["screening", "evaluation", "rejected"])
        try await apply(nominated("Võ Minh Chi", "082301000001"), core, ["screening", "evaluation", "interview"])
        try await apply(nominated("Phạm Văn Dũng", "082301000002"), legal, ["screening"])
        try await apply(candidate("Đỗ Thị Em"), legal, ["withdrawn"])
        return Scenario(core: core, legal: legal)
    }

    static func stages(_ object: [String: Any]) -> [String: (count: Int, reached: Int)] {
        Dictionary(uniqueKeysWithValues: (object["stages"] as? [[String: Any]] ?? []).map {
            ($0["stage"] as! String, ($0["count"] as! Int, $0["reached"] as! Int))
        })
    }

    @Test("pipeline: counts, reached and conversions to the unit; narrowed and grouped; bad input 422; roles")
    func pipeline() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            _ = try await Self.scenario(api)
            let leadership = try await api.token(.leadership)
            let reply = try await api.request(.get, "/v1/reports/pipeline", token: leadership)
            #expect(reply.status == 200, "\(reply.text)")
            let all = Self.stages(reply.object)
            #expect(all["nominated"]! == (0, 5))  // all five entered it; none is still there
            #expect(all["screening"]! == (1, 4))
            #expect(all["evaluation"]! == (0, 3))
            #expect(all["interview"]! == (1, 2))
            #expect(all["offer"]! == (0, 1))
            #expect(all["hired"]! == (1, 1))
            #expect(all["rejected"]! == (1, 1))
            #expect(all["withdrawn"]! == (1, 1))
            #expect(all["pool"]! == (0, 0))
            #expect(reply.object["applications"] as? Int == 5)
            let screening = (reply.object["stages"] as? [[String: Any]])?.first { $0["stage"] as? String == "screening" }
            #expect(screening?["conversion"] as? Double == 0.75)  // 3 of the 4 that reached screening reached evaluation

            let stp = Self.stages(try await api.request(.get, "/v1/reports/pipeline?agency=STP", token: leadership).object)
            #expect(stp["nominated"]!.reached == 3 && stp["hired"]!.count == 1 && stp["screening"]!.count == 0)
            let legal = Self.stages(try await api.request(.get, "/v1/reports/pipeline?position_kind=legal_affairs_officer",
                                                          token: leadership).object)
            #expect(legal["nominated"]! == (0, 2) && legal["screening"]! == (1, 1) && legal["withdrawn"]! == (1, 1))
            let yesterday = CalendarDate(Date().addingTimeInterval(-86_400)).description
            let none = try await api.request(.get, "/v1/reports/pipeline?to=\(yesterday)", token: leadership)
            #expect(none.object["applications"] as? Int == 0)

            func groups(_ by: String) async throws -> [String: [String: (count: Int, reached: Int)]] {
                let reply = try await api.request(.get, "/v1/reports/pipeline?group_by=\(by)", token: leadership)
                #expect(reply.status == 200, "\(reply.text)")
                return Dictionary(uniqueKeysWithValues: (reply.object["groups"] as? [[String: Any]] ?? []).map {
                    ($0["key"] as! String, Self.stages($0))
                })
            }
            let byAgency = try await groups("agency")
            #expect(Set(byAgency.keys) == ["STP", "SNV"])
            #expect(byAgency["STP"]!["hired"]! == (1, 1) && byAgency["SNV"]!["withdrawn"]! == (1, 1))
            let byKind = try await groups("position_kind")
            #expect(byKind["core_drafting_officer"]!["nominated"]!.reached == 3)
            let bySource = try await groups("source")
            #expect(Set(bySource.keys) == ["partner", "none"])
            #expect(bySource["partner"]!["nominated"]!.reached == 2 && bySource["none"]!["nominated"]!.reached == 3)
            // Grouping never narrows: the whole stays the whole, also when some applications form no group.
            let partnerReply = try await api.request(.get, "/v1/reports/pipeline?group_by=partner", token: leadership)
            #expect(Self.stages(partnerReply.object)["nominated"]! == (0, 5))
            #expect(partnerReply.object["applications"] as? Int == 5)
            let byPartner = try await groups("partner")
            #expect(Set(byPartner.keys) == ["ULAW"])
            #expect(byPartner["ULAW"]!["interview"]! == (1, 1))

            for bad in ["group_by=colour", "from=2026-13-01", "position_kind=judge", "from=2026-05-01&to=2026-01-01"] {
                #expect(try await api.request(.get, "/v1/reports/pipeline?\(bad)", token: leadership).status == 422, "\(bad)")
            }
            for route in ["pipeline", "targets", "partners", "referrers"] {
                #expect(try await api.request(.get, "/v1/reports/\(route)", token: try await api.token(.evaluator)).status == 403)
                #expect(try await api.request(.get, "/v1/reports/\(route)", token: try await NominationTests.partner(
                    api, code: "P\(route.prefix(3).uppercased())")).status == 403)
                #expect(try await api.request(.get, "/v1/reports/\(route)", token: try await api.token(.hr)).status == 200)
            }

            // The CLI prints the same figures.
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let json = try await cli.json("report", "pipeline", "--group-by", "agency") as? [String: Any] ?? [:]
            #expect(Self.stages(json)["nominated"]! == (0, 5))
            let csv = await cli.run("report", "pipeline", "--format", "csv")
            #expect(csv.stdout.contains(",,hired,1,1,"))
        }
    }

    @Test("targets: the plan's own are shipped; hires turn a target to met; admin adds, others read; agencies merge")
    func targets() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let leadership = try await api.token(.leadership)
            var items = try await api.request(.get, "/v1/reports/targets", token: leadership).object["items"] as? [[String: Any]] ?? []
            let core = items.filter { $0["agency_code"] as? String == "STP" && $0["position_kind"] as? String == "core_drafting_officer" }
            #expect(core.map { $0["count"] as? Int } == [2, 3])
            #expect(core.map { $0["deadline"] as? String } == ["2027-12-31", "2030-12-31"])
            let departments = try await api.services.agencies.list(kind: "department", page: PageRequest(limit: 200),
                                                                    by: .testAdmin).items.count
            #expect(items.filter { $0["position_kind"] as? String == "legal_affairs_officer" }.count == departments)
            #expect(items.allSatisfy { ($0["hired"] as? Int) == 0 && $0["status"] as? String != "met" })

            let scenario = try await Self.scenario(api)
            // A second core officer hired: the 2027 target (2) is met, the 2030 one (3) is not.
            let second = try await api.services.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Ngô Thị Giang")), by: .testAdmin).candidate
            let application = try await api.services.applications.open(NewApplication(candidateID: second.id, positionID: scenario.core.id), by: .testAdmin)
            for stage in ["screening", "evaluation", "interview", "offer", "hired"] {
                _ = try await api.services.applications.move(application.id, try StageMove(StageMoveDraft(to: stage, reason: nil)), by: .testAdmin)
            }
            items = try await api.request(.get, "/v1/reports/targets", token: leadership).object["items"] as? [[String: Any]] ?? []
            let after = items.filter { $0["agency_code"] as? String == "STP" && $0["position_kind"] as? String == "core_drafting_officer" }
            #expect(after.map { $0["hired"] as? Int } == [2, 2])
            #expect(after.first?["status"] as? String == "met")
            #expect(after.last?["status"] as? String != "met")
            #expect(Set(items.compactMap { $0["status"] as? String }).isSubset(of: ["met", "on_track", "at_risk", "missed"]))

            // Admin adds targets; leadership and hr read; others may not.
            let admin = try await api.token(.admin)
            let body: [String: Any] = ["agency_code": "SNV", "position_kind": "drafting_advisor", "count": 2,
                                       "deadline": "2028-06-30", "note": "Bổ sung"]
            #expect(try await api.request(.post, "/v1/targets", token: leadership, json: body).status == 403)
            let created = try await api.request(.post, "/v1/targets", token: admin, json: body)
            #expect(created.status == 201, "\(created.text)")
            #expect(created.object["count"] as? Int == 2)
            #expect(try await api.request(.post, "/v1/targets", token: admin, json: body).status == 409)
            let bad = try await api.request(.post, "/v1/targets", token: admin, json: [
                "agency_code": "NOPE", "position_kind": "judge", "count": 0, "deadline": "2028-02-30", "colour": 1])
            #expect(bad.status == 422)
            let fields = Set((bad.object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields.isSuperset(of: ["position_kind", "count", "deadline", "colour"]))
            #expect(try await api.request(.post, "/v1/targets", token: admin, json: [
                "agency_code": "NOPE", "position_kind": "other", "count": 1, "deadline": "2028-01-01"]).status == 422)
            #expect(try await api.request(.get, "/v1/targets", token: try await api.token(.hr)).status == 200)
            #expect(try await api.request(.get, "/v1/targets", token: try await api.token(.evaluator)).status == 403)

            // SNV merges into STP: SNV's legal-affairs target folds into STP's, its drafting-advisor target moves.
            let before = try await api.services.targets.list(by: .testAdmin).count
            _ = try await api.services.agencies.retire("SNV", try AgencyRetirement(mergedInto: "STP"), by: .testAdmin)
            let merged = try await api.services.targets.list(by: .testAdmin)
            #expect(merged.count == before - 1)
            #expect(!merged.contains { $0.agencyCode == "SNV" })
            #expect(merged.contains { $0.agencyCode == "STP" && $0.positionKind == .draftingAdvisor && $0.count == 2 })
            #expect(merged.filter { $0.agencyCode == "STP" && $0.positionKind == .legalAffairsOfficer }.count == 1)

            // The CLI.
            let cli = CLIRunner(databaseURL: api.services.database.url)
            #expect(await cli.run("target", "add", "--agency", "STC", "--position-kind", "other", "--count", "1",
                                  "--deadline", "2029-12-31").status == 0)
            #expect(await cli.run("target", "add", "--agency", "STC", "--position-kind", "other", "--count", "0",
                                  "--deadline", "2029-12-31").status == 2)
            let listed = try await cli.json("target", "list", "--agency", "STC") as? [[String: Any]] ?? []
            #expect(listed.count == 2)
            let report = try await cli.json("report", "targets") as? [[String: Any]] ?? []
            #expect(report.count == merged.count + 1)
        }
    }

    @Test("partners report: nominations, quota used, reached evaluation and hired per agreement")
    func partners() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            _ = try await Self.scenario(api)
            let reply = try await api.request(.get, "/v1/reports/partners", token: try await api.token(.leadership))
            #expect(reply.status == 200)
            let rows = reply.object["items"] as? [[String: Any]] ?? []
            let ulaw = try #require(rows.first { $0["partner_code"] as? String == "ULAW" })
            #expect(ulaw["nominations"] as? Int == 2)
            #expect(ulaw["quota_used"] as? Int == 2)
            #expect(ulaw["yearly_quota"] as? Int == 10)
            #expect(ulaw["reached_evaluation"] as? Int == 1)  // Chi
            #expect(ulaw["hired"] as? Int == 0)
            #expect(ulaw["agreement_status"] as? String == "active")
        }
    }

    @Test("the annual report renders in Vietnamese, as Markdown and printable HTML, for a year with data and one without")
    func annual() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            _ = try await Self.scenario(api)
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let year = CalendarDate.today().year
            let markdown = await cli.run("report", "annual", "--year", String(year))
            #expect(markdown.status == 0, "\(markdown.stderr)")
            for heading in ["# Báo cáo năm \(year)", "## 1. Chỉ tiêu và tiến độ", "## 2. Tuyển chọn trong năm",
                            "## 3. Trường đối tác và thỏa thuận hợp tác", "## 4. Người giới thiệu", "## 5. Đánh giá"] {
                #expect(markdown.stdout.contains(heading), "\(heading)")
            }
            #expect(markdown.stdout.contains("5 hồ sơ ứng tuyển được mở trong năm; 1 người được tuyển dụng trong năm."))
            #expect(markdown.stdout.contains("| Sở Tư pháp | lực lượng nòng cốt xây dựng pháp luật | 2 | 31/12/2027 | 1 |"))
            // The partner table reads the agreement's status as a label, not the code `active` (issue 11, item 3).
            let partnerRow = markdown.stdout.split(separator: "\n").first { $0.hasPrefix("| Trường ULAW |") }
            #expect(partnerRow?.contains("| đang hiệu lực |") == true, "\(String(describing: partnerRow))")
            #expect(partnerRow?.contains("| active |") == false)

            let out = FileManager.default.temporaryDirectory.appendingPathComponent("annual-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            #expect(await cli.run("report", "annual", "--year", String(year), "--out", out.path).status == 0)
            let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(html.contains("<html lang=\"vi\">"))
            #expect(html.contains("data-chart=\"targets\"") && html.contains("data-chart=\"funnel\""))
            #expect(html.contains("@media print"))
            #expect(html.components(separatedBy: "data-chart=\"funnel\"").count == 2)  // drawn once, not again in subsections
            #expect(html.components(separatedBy: "<th class=\"num\">Đã từng vào</th>").count == 2)
            #expect(!html.contains("http://") || !html.contains("<script"))
            let written = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(written == markdown.stdout)

            let empty = await cli.run("report", "annual", "--year", "2025")
            #expect(empty.status == 0)
            #expect(empty.stdout.contains("Không có số liệu trong năm."))
            #expect(empty.stdout.contains("Không có phiếu đánh giá nào được nộp trong năm."))
            #expect(await cli.run("report", "annual", "--year", "1999").status == 2)
        }
    }

    @Test("dashboard: sign-in sets an HttpOnly, SameSite=Strict cookie; roles; the page shows the API's numbers")
    func dashboard() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            _ = try await Self.scenario(api)
            let anonymous = try await api.request(.get, "/dashboard")
            #expect(anonymous.status == 303)
            #expect(anonymous.headers[.location] == "/dashboard/login")
            // Signed in with an e-mail and a password (BrowserTests covers the form, its refusals and CSRF).
            _ = try await BrowserTests.account(api, role: .leadership, name: "Võ Thành Nam", email: "nam.vo@stp.gov.vn")
            var browser = BrowserTests.Browser(api)
            let signedIn = try await browser.signIn("nam.vo@stp.gov.vn")
            #expect(signedIn.status == 303)
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("talent_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let value = try #require(cookie.split(separator: ";").first.map(String.init))
            let leadership = try await api.token(.leadership)
            let page = try await api.request(.get, "/dashboard", headers: [.cookie: value])
            #expect(page.status == 200)
            #expect(page.contentType.hasPrefix("text/html"))
            #expect(page.text.contains("Bảng điều hành"))
            // The partners' table reads the agreement's status as a label (issue 11, item 3).
            #expect(page.text.contains("<td>ULAW/1</td><td>đang hiệu lực</td>"), "\(page.text)")
            // The funnel's bars are the API's "reached" figures.
            let pipeline = Self.stages(try await api.request(.get, "/v1/reports/pipeline", token: leadership).object)
            for stage in PipelineStage.path {
                #expect(page.text.contains("data-label=\"\(stage.rawValue)\" data-value=\"\(pipeline[stage.rawValue]!.reached)\""))
            }
            // A bearer header works too; an evaluator's does not.
            #expect(try await api.request(.get, "/dashboard", token: leadership).status == 200)
            #expect(try await api.request(.get, "/dashboard", token: try await api.token(.evaluator)).status == 403)
            // Disabling the account signs the browser out at once.
            let users = try await api.services.users.list(role: "leadership", page: PageRequest(limit: 200), by: .testAdmin).items
            for user in users where user.email == "nam.vo@stp.gov.vn" { _ = try await api.services.users.disable(user.id, by: .testAdmin) }
            #expect(try await api.request(.get, "/dashboard", headers: [.cookie: value]).status == 303)
        }
    }

    @Test("report queries go to DATABASE_READ_URL when it is set; everything else to the primary")
    func readReplica() async throws {
        try await TestDatabase.withDatabase { primary in
            try await TestDatabase.withDatabase { replica in
                // The "replica" is another database, so what a query read shows where it ran.
                try await replica.withConnection { c in
                    try await c.query("DELETE FROM targets WHERE position_kind = 'legal_affairs_officer'", logger: TestDatabase.logger)
                }
                var cli = CLIRunner(databaseURL: primary.url)
                let both = try await cli.json("report", "targets") as? [[String: Any]] ?? []
                cli.environment["DATABASE_READ_URL"] = replica.url.urlString
                let fromReplica = try await cli.json("report", "targets") as? [[String: Any]] ?? []
                #expect(both.count > 2)
                #expect(fromReplica.count == 2)  // only the Department of Justice's two core targets are left there
                let fromPrimary = try await cli.json("target", "list") as? [[String: Any]] ?? []
                #expect(fromPrimary.count == both.count)  // not a report: the primary
            }
        }
    }

    @Test("a stage entered twice is reached once; median days come from completed stays only")
    func reentry() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let s = api.services
            let position = try await s.positions.add(try ValidPosition(PositionDraft(agencyCode: "STP", title: "Chuyên viên", kind: "other")),
                                                     by: .testAdmin)
            let candidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Lý Thị Hai Lần")), by: .testAdmin).candidate
            let application = try await s.applications.open(NewApplication(candidateID: candidate.id, positionID: position.id), by: .testAdmin)
            for (stage, reason) in [("screening", nil), ("evaluation", nil), ("screening", "Bổ sung hồ sơ"), ("evaluation", nil)] {
                _ = try await s.applications.move(application.id, try StageMove(StageMoveDraft(to: stage, reason: reason)), by: .testAdmin)
            }
            // Stays of known length: two days in nominated, then three in screening, each time.
            try await s.database.withConnection { c in
                try await c.withTransaction(logger: TestDatabase.logger) { c in
                    try await c.query("""
                        UPDATE application_stage_history SET at = at - interval '30 days', left_at = left_at - interval '30 days'
                        WHERE application_id = \(application.id)
                        """, logger: TestDatabase.logger)
                    try await c.query("""
                        UPDATE application_stage_history SET left_at = at + CASE to_stage WHEN 'nominated' THEN interval '2 days'
                                                                                     ELSE interval '3 days' END
                        WHERE application_id = \(application.id) AND left_at IS NOT NULL
                        """, logger: TestDatabase.logger)
                }
            }
            let report = try await s.reports.pipeline(by: .testAdmin)
            #expect(report.stage(.screening).reached == 1)
            #expect(report.stage(.evaluation).reached == 1 && report.stage(.evaluation).count == 1)
            #expect(report.stage(.nominated).medianDays == 2)
            #expect(report.stage(.screening).medianDays == 3)
            #expect(report.stage(.evaluation).medianDays == 3)  // the first stay in evaluation ended; the second has not
            #expect(report.stage(.interview).medianDays == nil)
            // The history still reads as before, with the time spent in each stage.
            let history = try await s.applications.history(application.id.text, by: .testAdmin)
            #expect(history.map(\.to) == [.nominated, .screening, .evaluation, .screening, .evaluation])
        }
    }

    @Test("the pipeline kept by the triggers (whole and per agency) equals the statement over the whole history, after moves, re-entries, stays of known length, a merger and a position moved")
    func keptFiguresAgree() async throws {
        try await APIHarness.with(requireCompletePanel: false) { api in
            let s = api.services
            var positions: [Position] = []
            for (agency, kind) in [("STP", "core_drafting_officer"), ("STP", "other"), ("SNV", "legal_affairs_officer"),
                                   ("SYT", "other"), ("STC", "other")] {
                positions.append(try await s.positions.add(try ValidPosition(PositionDraft(agencyCode: agency, title: "Vị trí \(agency)",
                                                                                          kind: kind, openings: 5)), by: .testAdmin))
            }
            // Twenty applications on the five positions along paths of every shape, one of them entering screening twice.
            let paths: [[String]] = [
                [], ["screening"], ["screening", "evaluation"], ["screening", "evaluation", "interview", "offer", "hired"],
                ["screening", "evaluation", "rejected"], ["withdrawn"], ["screening", "evaluation", "pool"],
                ["screening", "evaluation", "screening", "evaluation", "interview"],
            ]
            var applications: [UUID] = []
            for n in 0..<20 {
                let candidate = try await s.candidates.add(try ValidCandidate(CandidateDraft(fullName: "Ứng Viên Số \(n)")), by: .testAdmin)
                let application = try await s.applications.open(NewApplication(candidateID: candidate.candidate.id,
                                                                               positionID: positions[n % 5].id), by: .testAdmin)
                for stage in paths[n % paths.count] {
                    _ = try await s.applications.move(application.id, try StageMove(StageMoveDraft(to: stage, reason: "r")), by: .testAdmin)
                }
                applications.append(application.id)
            }
            // Stays of lengths that differ (odd and even counts per group, so both medians are taken).
            try await s.database.withConnection { c in
                try await c.query("""
                    UPDATE application_stage_history SET left_at = at + (id % 7 + 1) * interval '1 day' + (id % 3) * interval '5 hours'
                    WHERE left_at IS NOT NULL
                    """, logger: TestDatabase.logger)
            }
            func compare(_ step: String) async throws {
                for grouping in [nil, PipelineGrouping.agency] {
                    for agency in [nil, "STP"] {
                        let (kept, computed) = try await s.database.report { db in
                            // A period that holds every application takes the general statement.
                            (try await db.reports.pipeline(agency: agency, kind: nil, from: nil, to: nil, groupBy: grouping),
                             try await db.reports.pipeline(agency: agency, kind: nil, from: CalendarDate("2000-01-01"), to: nil,
                                                           groupBy: grouping))
                        }
                        func key(_ rows: [(group: String?, stage: String, count: Int, reached: Int, medianDays: Double?)]) -> [String] {
                            // Ungrouped, the general statement names the whole "" and the kept figures nil: both are the whole.
                            rows.map { "\($0.group.flatMap { $0.isEmpty ? nil : $0 } ?? "*") \($0.stage) \($0.count) \($0.reached) \($0.medianDays.map { String($0) } ?? "-")" }.sorted()
                        }
                        #expect(key(kept) == key(computed), "\(step), grouped \(String(describing: grouping)), agency \(agency ?? "all")")
                        #expect(!kept.isEmpty)
                    }
                }
            }
            try await compare("after the moves")
            // A merger moves SNV's positions (and their history) to STP; editing a position moves it to another agency.
            _ = try await s.agencies.retire("SNV", try AgencyRetirement(mergedInto: "STP"), by: .testAdmin)
            try await compare("after SNV merged into STP")
            let moved = positions[3].id
            try await s.database.withConnection { c in
                try await c.query("UPDATE positions SET agency_code = 'STC' WHERE id = \(moved)", logger: TestDatabase.logger)
            }
            try await compare("after a position moved")
            _ = try await s.applications.move(applications[1], try StageMove(StageMoveDraft(to: "evaluation", reason: nil)), by: .testAdmin)
            try await compare("after one more move")
            let report = try await s.reports.pipeline(PipelineQuery(groupBy: .agency), by: .testAdmin)
            #expect(report.groups?.map(\.key) == ["STC", "STP"])  // SNV merged into STP, SYT's one position moved to STC
            #expect(report.stages.reduce(0) { $0 + $1.count } == 20)
        }
    }
}
