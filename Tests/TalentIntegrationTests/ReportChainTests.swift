import Crypto
import Foundation
import HTTPTypes
import PostgresNIO
import TalentDomain
import TalentService
import Testing

/// Issue 16, part 5: agencies submit their yearly reports to Sở Tư pháp, which sees who has not, and issues the
/// province's report frozen as Markdown, HTML and PDF — byte for byte the same afterwards, whatever changes.
@Suite("The reporting chain", .freshDatabase)
struct ReportChainTests {
    static let year = CalendarDate.today().year

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    @Test("agencies submit their own reports with their figures frozen; Sở Tư pháp sees who has not")
    func submissions() async throws {
        try await APIHarness.with { api in
            let snv = try await WorkforceTests.scoped(api, .hr, agency: "SNV", name: "Cán bộ Sở Nội vụ")
            let body: [String: Any] = ["year": Self.year, "results": "Đã rà soát 12 công chức làm công tác pháp chế.",
                                       "difficulties": "Thiếu biên chế.", "proposals": "Bổ sung 01 biên chế."]
            let sent = try await api.request(.post, "/v1/reports/submissions", token: snv, json: body)
            #expect(sent.status == 201, "\(sent.text)")
            #expect(sent.object["agency_code"] as? String == "SNV" && sent.object["agency_name"] as? String == "Sở Nội vụ")
            let figures = try #require(sent.object["figures"] as? [String: Any])
            #expect(figures["applications"] as? Int == 0 && (figures["targets"] as? [Any])?.count == 1, "\(figures)")
            var other = body
            other["agency_code"] = "STP"
            let refused = try await api.request(.post, "/v1/reports/submissions", token: snv, json: other)
            #expect(refused.status == 403 && (refused.object["type"] as? String)?.hasSuffix("/other-agency") == true)
            let hr = try await api.token(.hr)
            let unnamed = try await api.request(.post, "/v1/reports/submissions", token: hr, json: body)
            #expect(unnamed.status == 422, "a province-scoped officer names the agency")
            let blank = try await api.request(.post, "/v1/reports/submissions", token: snv, json: [
                "year": Self.year, "results": " "])
            #expect(blank.status == 422)
            let future = try await api.request(.post, "/v1/reports/submissions", token: snv, json: [
                "year": Self.year + 1, "results": "x"])
            #expect(future.status == 422)

            // Figures frozen: a position added later does not change what was sent.
            _ = try await api.services.positions.add(try ValidPosition(PositionDraft(
                agencyCode: "SNV", title: "Pháp chế", kind: "legal_affairs_officer")), by: .testAdmin)
            let leadership = try await api.token(.leadership)
            let overview = try await api.request(.get, "/v1/reports/submissions?year=\(Self.year)", token: leadership)
            #expect(overview.status == 200, "\(overview.text)")
            let submitted = try #require(overview.object["submitted"] as? [[String: Any]])
            #expect(submitted.map { $0["agency_code"] as? String } == ["SNV"])
            #expect(((submitted.first?["figures"] as? [String: Any])?["targets"] as? [[String: Any]])?.first?["open_positions"] as? Int == 0)
            let missing = try #require(overview.object["missing"] as? [[String: Any]]).compactMap { $0["agency_code"] as? String }
            #expect(missing.contains("STP") && !missing.contains("SNV") && !missing.contains("CAIBE"), "\(missing)")
            let own = try await api.request(.get, "/v1/reports/submissions?year=\(Self.year)", token: snv).object
            #expect((own["missing"] as? [Any])?.isEmpty == true && (own["submitted"] as? [Any])?.count == 1)
            #expect(try await api.request(.get, "/v1/reports/submissions", token: leadership).status == 422)
            #expect(try await api.request(.get, "/v1/reports/submissions?year=\(Self.year)",
                                          token: try await api.token(.evaluator)).status == 403)
        }
    }

    @Test("an issued report is frozen: the same bytes after a merger and new data, its hashes those of the bytes")
    func issuedIsFrozen() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let snv = try await WorkforceTests.scoped(api, .hr, agency: "SNV", name: "Cán bộ Sở Nội vụ")
            #expect(try await api.request(.post, "/v1/reports/submissions", token: snv, json: [
                "year": Self.year, "results": "Đã cử 03 công chức dự lớp bồi dưỡng kỹ năng soạn thảo.",
                "proposals": "Mở thêm lớp cho cấp xã."]).status == 201)
            _ = try await s.officials.add(try ValidOfficial(OfficialDraft(fullName: "Trần Thị Bích", agencyCode: "SNV",
                                                                          kind: "legal_affairs_officer", since: "2020-01-01")),
                                          by: .testAdmin)
            let admin = try await api.token(.admin)
            let bad = try await api.request(.post, "/v1/reports/issued", token: admin, json: [
                "year": Self.year, "number": "", "signer": "1", "kind": "biannual"])
            #expect(bad.status == 422, "\(bad.text)")
            #expect(try await api.count("issued_reports") == 0)
            let snvIssue = try await api.request(.post, "/v1/reports/issued", token: snv, json: [
                "year": Self.year, "number": "12", "signer": "Nguyễn Văn Hùng"])
            #expect(snvIssue.status == 403)

            let issued = try await api.request(.post, "/v1/reports/issued", token: admin, json: [
                "year": Self.year, "number": "12", "signer": "Nguyễn Văn Hùng",
                "tasks": "Tuyển đủ 02 công chức nòng cốt của Sở Tư pháp."])
            #expect(issued.status == 201, "\(issued.text)")
            #expect(issued.object["number"] as? String == "12/BC-STP" && issued.object["kind"] as? String == "annual")
            let id = try #require(issued.object["id"] as? String)
            func documents() async throws -> [String: Data] {
                var out: [String: Data] = [:]
                for format in ["markdown", "html", "pdf"] {
                    let reply = try await api.request(.get, "/v1/reports/issued/\(id)/\(format)", token: admin)
                    #expect(reply.status == 200)
                    out[format] = reply.body
                }
                return out
            }
            let before = try await documents()
            let markdown = String(decoding: before["markdown"] ?? Data(), as: UTF8.self)
            for line in ["| ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
                         "| **SỞ TƯ PHÁP** | **Độc lập - Tự do - Hạnh phúc** |", "Số: 12/BC-STP", "# BÁO CÁO",
                         "## I. KẾT QUẢ THỰC HIỆN", "## II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                         "## III. NHIỆM VỤ NĂM \(Self.year + 1)", "## IV. ĐỀ XUẤT, KIẾN NGHỊ",
                         "Sở Nội vụ: Đã cử 03 công chức dự lớp bồi dưỡng kỹ năng soạn thảo.",
                         "Sở Nội vụ: Mở thêm lớp cho cấp xã.", "Tuyển đủ 02 công chức nòng cốt của Sở Tư pháp.",
                         "Bồi dưỡng, tập huấn (mục II.2.d)", "**Nơi nhận:**", "**Nguyễn Văn Hùng**"] {
                #expect(markdown.contains(line), "\(line)")
            }
            #expect(markdown.contains("Đồng Tháp, ngày "))
            #expect(before["pdf"]?.starts(with: Array("%PDF-".utf8)) == true)
            #expect(String(decoding: before["html"] ?? Data(), as: UTF8.self).contains("font-family: \"Times New Roman\""))
            #expect(issued.object["markdown_sha256"] as? String == Self.sha256(before["markdown"] ?? Data()))
            #expect(issued.object["pdf_sha256"] as? String == Self.sha256(before["pdf"] ?? Data()))
            #expect(issued.object["html_sha256"] as? String == Self.sha256(before["html"] ?? Data()))

            // The province changes: an agency merges, targets and officials come and go.
            _ = try await s.agencies.retire("SNV", try AgencyRetirement(mergedInto: "STP"), by: .testAdmin)
            _ = try await s.targets.add(try ValidTarget(agencyCode: "SXD", positionKind: "drafting_advisor", count: 4,
                                                        deadline: "2030-12-31", note: nil), by: .testAdmin)
            let again = try await documents()
            #expect(again == before, "the issued documents are the bytes issued")
            let read = try await api.request(.get, "/v1/reports/issued/\(id)", token: try await api.token(.leadership))
            #expect(read.object["pdf_sha256"] as? String == issued.object["pdf_sha256"] as? String)
            // …whereas the live report has moved on.
            let live = try await s.reports.annual(try ReportYear(Self.year), by: .testAdmin)
            #expect(live.targets.contains { $0.target.agencyCode == "SXD" && $0.target.positionKind == .draftingAdvisor })
            #expect(!markdown.contains("| Sở Xây dựng | chuyên viên tham mưu xây dựng pháp luật |"))

            let taken = try await api.request(.post, "/v1/reports/issued", token: admin, json: [
                "year": Self.year, "number": "12/BC-STP", "signer": "Nguyễn Văn Hùng"])
            #expect(taken.status == 409 && (taken.object["type"] as? String)?.hasSuffix("/report-number-taken") == true)
            #expect(try await api.request(.get, "/v1/reports/issued/\(id)/docx", token: admin).status == 404)
            await #expect(throws: (any Error).self) {
                try await s.database.withConnection { c in
                    try await c.query(PostgresQuery(unsafeSQL: "UPDATE issued_reports SET signer = 'x'"),
                                      logger: TestDatabase.logger)
                }
            }
            let listed = try await api.request(.get, "/v1/reports/issued", token: admin).object["items"] as? [[String: Any]]
            #expect(listed?.map { $0["id"] as? String } == [id])
        }
    }

    @Test("a mid-term review is the same mechanism over the plan's years so far")
    func midterm() async throws {
        try await APIHarness.with { api in
            let admin = try await api.token(.admin)
            let issued = try await api.request(.post, "/v1/reports/issued", token: admin, json: [
                "kind": "midterm", "number": "5", "signer": "Nguyễn Văn Hùng"])
            #expect(issued.status == 201, "\(issued.text)")
            #expect(issued.object["year"] as? Int == 2027 && issued.object["period_from"] as? String == "2024-12-19")
            let id = try #require(issued.object["id"] as? String)
            let markdown = try await api.request(.get, "/v1/reports/issued/\(id)/markdown", token: admin).text
            #expect(markdown.contains("Sơ kết thực hiện Kế hoạch số 483/KH-UBND") && markdown.contains("giai đoạn 2024 – 2027"))
            #expect(markdown.contains("## III. NHIỆM VỤ GIAI ĐOẠN TIẾP THEO"))
            let wrong = try await api.request(.post, "/v1/reports/issued", token: admin, json: [
                "kind": "final", "year": 2027, "number": "6", "signer": "Nguyễn Văn Hùng"])
            #expect(wrong.status == 422)
        }
    }

    @Test("the dashboard shows training coverage against II.2.d, the agencies that have not submitted, and commendations")
    func dashboard() async throws {
        try await APIHarness.with { api in
            let s = api.services
            let official = try await s.officials.add(try ValidOfficial(OfficialDraft(
                fullName: "Trần Thị Bích", agencyCode: "STP", kind: "core_drafting_officer", since: "2020-01-01")), by: .testAdmin)
            _ = try await s.officials.add(try ValidOfficial(OfficialDraft(
                fullName: "Lê Văn Bình", agencyCode: "STP", kind: "drafting_advisor", since: "2021-01-01")), by: .testAdmin)
            let training = try await s.trainings.add(try ValidTraining(TrainingDraft(
                title: "Soạn thảo", startsOn: "2025-03-01", endsOn: "2025-03-02", organizerCode: "STP")), by: .testAdmin)
            _ = try await s.trainings.attend(training.id, try ValidAttendance(AttendanceDraft(officialID: official.id.text)),
                                             by: .testAdmin)
            _ = try await s.commendations.propose(try ValidCommendation(CommendationDraft(
                officialID: official.id.text, reason: "Chủ trì thẩm định 14 dự thảo")), by: .testAdmin)
            _ = try await s.reportChain.submit(try ValidSubmission(SubmissionDraft(
                year: Self.year, agencyCode: "STP", results: "Đã tuyển")), by: .testAdmin)
            let page = try await api.request(.get, "/dashboard", token: try await api.token(.leadership))
            #expect(page.status == 200)
            let html = page.text
            #expect(html.contains("Bồi dưỡng, tập huấn (mục II.2.d)") && html.contains("<strong>1/2</strong>"), "\(html)")
            #expect(html.contains("Báo cáo năm \(Self.year) của các cơ quan") && html.contains("Chưa gửi:")
                    && html.contains("Sở Nội vụ") && html.contains("Đã gửi <strong>1/"))
            #expect(html.contains("Khen thưởng") && html.contains("Chủ trì thẩm định 14 dự thảo"))
        }
    }

    @Test("the CLI: submit, submissions, annual --issue --out, issued list and show give back the bytes issued")
    func throughTheCLI() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let submitted = await cli.run("report", "submit", "--year", String(Self.year), "--agency", "STP",
                                          "--results", "Đã tuyển 01 công chức nòng cốt.")
            #expect(submitted.status == 0, "\(submitted.stderr)")
            let overview = await cli.run("report", "submissions", "--year", String(Self.year))
            #expect(overview.stdout.contains("STP") && overview.stdout.contains("Chưa gửi:"), "\(overview.stdout)")
            let missingSigner = await cli.run("report", "annual", "--year", String(Self.year), "--issue", "--number", "3")
            #expect(missingSigner.status == 2 && missingSigner.stderr.split(separator: "\n").count == 1)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("issued-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let issued = try await cli.json("report", "annual", "--year", String(Self.year), "--issue", "--number", "3",
                                            "--signer", "Lê Thị Hoa", "--out", folder.path) as? [String: Any]
            let id = try #require(issued?["id"] as? String)
            let markdown = try Data(contentsOf: folder.appendingPathComponent("report.md"))
            let pdf = try Data(contentsOf: folder.appendingPathComponent("report.pdf"))
            #expect(issued?["markdown_sha256"] as? String == Self.sha256(markdown))
            #expect(issued?["pdf_sha256"] as? String == Self.sha256(pdf))
            let shown = await cli.run("report", "issued", "show", id)
            #expect(shown.status == 0 && Data(shown.stdout.utf8) == markdown, "show prints the Markdown as issued")
            let list = await cli.run("report", "issued", "list")
            #expect(list.stdout.contains("3/BC-STP") && list.stdout.contains("Lê Thị Hoa"))
        }
    }
}
