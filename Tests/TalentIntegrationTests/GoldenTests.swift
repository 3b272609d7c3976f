import Foundation
import HTTPTypes
import TalentDomain
import Testing

/// What `--format json` prints for every resource, pinned in `Golden/*.json` (see `Golden.swift` for the comparison,
/// the placeholders and how to regenerate). The scenarios use only the CLI and the HTTP API, the outside contract, so
/// they hold while the inside moves. Dates given as input are fixed and chosen so that nothing depends on the day the
/// tests run (targets start on 2000-01-01 and end on 2100-12-31 or 2001-01-01; the agreement runs to 2099).
@Suite("Golden output of the CLI", .freshDatabase)
struct GoldenTests {
    /// The document a command prints, without checking it against a file: setup steps.
    static func raw(_ cli: CLIRunner, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> GoldenValue {
        let result = await cli.run(arguments + ["--format", "json"])
        guard result.status == 0 else {
            Issue.record("talent \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)",
                         sourceLocation: sourceLocation)
            throw GoldenParseError(description: "command failed")
        }
        return try GoldenParser.parse(result.stdout)
    }

    /// Checks that `talent ARGUMENTS --format json` prints what `GET path` sends: the same fields, types and values
    /// (for a list, the page's `items`).
    static func sameAsAPI(_ cli: CLIRunner, _ api: APIHarness, token: String, _ arguments: [String], _ path: String,
                          list: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let printed = await cli.run(arguments + ["--format", "json"])
        let served = try await api.request(.get, path, token: token)
        #expect(served.status == 200, "\(path): \(served.text)", sourceLocation: sourceLocation)
        var body = try GoldenParser.parse(served.text)
        if list {
            #expect(body["next_cursor"] != nil, "\(path): no next_cursor", sourceLocation: sourceLocation)
            body = try #require(body["items"], "\(path): no items", sourceLocation: sourceLocation)
        }
        // The API is read after the CLI: an open stage has been open a little longer by then.
        let differences = try body.differences(from: GoldenParser.parse(printed.stdout),
                                               clockKeys: ["seconds_in_stage"], clockSlack: 5)
        #expect(differences.isEmpty, "talent \(arguments.joined(separator: " ")) against GET \(path): \(differences)",
                sourceLocation: sourceLocation)
    }

    static func id(_ value: GoldenValue, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(value["id"]?.string, "no id in \(value.summary)", sourceLocation: sourceLocation)
    }

    @Test("agencies, users, tokens and the audit trail")
    func referenceData() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let g = GoldenScenario(cli: cli)

            try await g.json("agency-add", "agency", "add", "--code", "sxd-dt", "--name", "Sở Xây dựng Đồng Tháp")
            try await g.json("agency-update", "agency", "update", "STP", "--name", "Sở Tư pháp tỉnh Đồng Tháp")
            try await g.json("agency-retire", "agency", "retire", "MYTHO", "--merged-into", "SXD-DT")
            try await g.json("agency-list", "agency", "list", "--all", "--kind", "district")

            let hr = try await g.json("user-add", "user", "add", "--name", "Trần Minh Đức", "--role", "hr",
                                      "--agency", "STP", "--email", "duc.tran@stp.dongthap.gov.vn")
            try await g.json("user-add-minimal", "user", "add", "--name", "Võ Thành Nam", "--role", "leadership")
            try await g.json("user-list", "user", "list", idOrderedThenSortedBy: "name")

            let hrID = try Self.id(hr)
            let issued = try await g.json("token-issue", "token", "issue", "--user", hrID)
            let secret = try #require(issued["token"]?.string)
            let short = try await g.json("token-issue-expiring", "token", "issue", "--user", hrID, "--expires-in", "1")
            let listed = await cli.run("token", "list", "--format", "json")
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(!listed.stdout.contains(secret), "a token list must never show a secret")
            #expect(!listed.stdout.contains(try #require(short["token"]?.string)))
            #expect(!listed.stdout.contains("\"token\""))
            try g.check("token-list", listed.stdout, idOrderedThenSortedBy: "expires_at")
            try await g.json("token-revoke", "token", "revoke", try Self.id(short))

            let audit = try await g.json("audit-list", "audit", "list")
            #expect(!audit.pretty.contains(secret), "the audit trail must never hold a secret")
            try await g.json("audit-list-entity", "audit", "list", "--entity", "agency:STP")
        }
    }

    /// The targets the migrations seed (plan 483, from 2024-12-19) are measured against today, so their `status` and
    /// `expected_by_now` (and `risk`) change with the date: they are checked for their form and replaced by `<depends-on-today>`.
    /// The targets the scenario adds are chosen so that theirs do not change, and are compared as they are.
    static let seededTargetsDependOnToday: GoldenScenario.Adjustment = { document, problems in
        .array(document.items.enumerated().map { index, item in
            guard case .object(var fields) = item, fields["starts_on"] == .string("2024-12-19") else { return item }
            let statuses = ["met", "on_track", "at_risk", "missed"].map(GoldenValue.string)
            if let status = fields["status"], !statuses.contains(status) {
                problems.append("$[\(index)].status: \(status.summary) is not a target status")
            }
            if case .number(let n)? = fields["expected_by_now"], let expected = Int(n), case .number(let c)? = fields["count"],
               let count = Int(c), (0...count).contains(expected) {
            } else {
                let shown = fields["expected_by_now"]?.summary ?? "absent"
                problems.append("$[\(index)].expected_by_now: \(shown) is not 0…count")
            }
            let risks: [GoldenValue] = [.null] + ["nothing_in_pipeline", "pipeline_too_small", "behind_pace",
                                                   "cannot_finish"].map(GoldenValue.string)
            if let risk = fields["risk"], !risks.contains(risk) {
                problems.append("$[\(index)].risk: \(risk.summary) is not a reason a target is at risk")
            }
            fields["status"] = .string("<depends-on-today>")
            fields["expected_by_now"] = .string("<depends-on-today>")
            fields["risk"] = .string("<depends-on-today>")
            return .object(fields)
        })
    }

    @Test("candidates: add, show, list, search, update, duplicates, merge, export")
    func candidates() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let g = GoldenScenario(cli: cli)

            let thu = try await g.json(
                "candidate-add", "candidate", "add", "--name", "Nguyễn Thị Minh Thư", "--dob", "2001-05-14",
                "--gender", "female", "--citizen-id", "082301000123", "--email", "thu.nguyen@example.edu.vn",
                "--phone", "0912345678", "--province", "Đồng Tháp", "--sector", "student",
                "--employer", "Trường Đại học Luật TP. Hồ Chí Minh", "--job-title", "Trợ giảng",
                "--experience-years", "2", "--skills", "soạn thảo văn bản, thẩm định", "--languages", "Tiếng Anh,Tiếng Pháp",
                "--notes", "Thủ khoa đầu ra \"xuất sắc\"; ghi chú\nhai dòng", "--degree", "bachelor", "--field", "law",
                "--institution", "Trường Đại học Luật TP. Hồ Chí Minh", "--graduation-year", "2023",
                "--classification", "excellent")
            let thuID = try Self.id(thu)
            let an = try await g.json("candidate-add-minimal", "candidate", "add", "--name", "Lê Văn An")
            let anID = try Self.id(an)
            // The same person typed again: the answer names the likely duplicate, stderr says so.
            let again = try await g.json("candidate-add-duplicate", "candidate", "add", "--name", "Nguyễn Thị Minh Thư",
                                         "--dob", "2001-05-14", "--email", "minhthu2001@example.vn", allowStderr: true)
            let againID = try Self.id(again)

            try await g.json("candidate-show", "candidate", "show", thuID)
            try await g.json("candidate-list", "candidate", "list")
            try await g.json("candidate-search", "candidate", "search", "nguyen thi minh thu")
            try await g.json("candidate-update", "candidate", "update", anID, "--email", "an.le@example.vn",
                             "--phone", "+84 903 123 456", "--experience-years", "0", "--clear", "notes")
            try await g.json("candidate-duplicates", "candidate", "duplicates", thuID)
            try await g.json("candidate-duplicate-pairs", "candidate", "duplicates")
            try await g.json("candidate-merge", "candidate", "merge", thuID, againID)
            try await g.json("candidate-list-after-merge", "candidate", "list", "--sort", "name")

            // The export streams its JSON; it must still be one document with the API's fields.
            let export = await cli.run("candidate", "export", "--format", "json", "--sort", "name")
            #expect(export.status == 0, "\(export.stderr)")
            try g.check("candidate-export", export.stdout)

            await g.table("candidate-list.table", "candidate", "list", "--sort", "name")

            // CSV export, and an import with one good row, one impossible date and one citizen ID already on file.
            let csv = await cli.run("candidate", "export", "--sort", "name")
            #expect(csv.status == 0, "\(csv.stderr)")
            g.text("candidate-export.csv", csv.stdout)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("import.csv")
            let rejects = folder.appendingPathComponent("rejects.csv")
            try Data("""
                \u{FEFF}full_name,date_of_birth,citizen_id,email,skills,degree,field,graduation_year
                Trần Thị Ngọc Hân,1999-03-08,082399000111,han@example.vn,soạn thảo;thẩm định,master,law,2024
                Sai Ngày,2001-02-30,,,,,,
                "Nguyễn, Thư",2001-05-14,082301000123,,,,,

                """.utf8).write(to: file)
            try await g.json("candidate-import", "candidate", "import", file.path, "--skip-invalid", rejects.path)
            g.text("candidate-import-rejects.csv", String(decoding: try Data(contentsOf: rejects), as: UTF8.self))
            try await g.json("candidate-search-imported", "candidate", "search", "ngoc han")
        }
    }

    /// A rubric with two criteria, weights 3 and 1: weighted scores 4 (4, 4) and 4.5 (5, 3), a panel of 4.25.
    static let rubric = """
        {"name": "Tuyển chọn chuyên viên 2026", "scale": {"min": 1, "max": 5}, "pass_threshold": 3.5,
         "min_evaluators": 2, "aggregation": "mean",
         "criteria": [
           {"key": "legal_drafting", "label": "Kỹ năng xây dựng pháp luật", "description": "Soạn thảo, thẩm định văn bản",
            "weight": 3, "levels": {"1": "Yếu", "3": "Đạt", "5": "Giỏi"}},
           {"key": "ethics", "label": "Phẩm chất đạo đức", "weight": 1}
         ]}
        """

    @Test("positions, applications, referrals, rubrics, evaluations, targets and reports")
    func pipeline() async throws {
        try await APIHarness.with { api in
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let g = GoldenScenario(cli: cli)

            let position = try await g.json(
                "position-add", "position", "add", "--agency", "STP", "--title", "Chuyên viên xây dựng pháp luật",
                "--kind", "core_drafting_officer", "--openings", "2", "--target-date", "2027-06-30",
                "--description", "Soạn thảo, thẩm định văn bản quy phạm pháp luật của tỉnh.")
            let positionID = try Self.id(position)
            _ = try await Self.raw(cli, "position", "add", "--agency", "SNV", "--title", "Công chức pháp chế",
                                   "--kind", "legal_affairs_officer")
            try await g.json("position-list", "position", "list")

            let thu = try Self.id(try await Self.raw(cli, "candidate", "add", "--name", "Nguyễn Thị Minh Thư",
                                                     "--dob", "2001-05-14"))
            let an = try Self.id(try await Self.raw(cli, "candidate", "add", "--name", "Lê Văn An"))
            let binh = try Self.id(try await Self.raw(cli, "candidate", "add", "--name", "Phạm Thanh Bình"))
            let one = try Self.id(try await Self.raw(cli, "user", "add", "--name", "Phạm Văn Một", "--role", "evaluator",
                                                     "--agency", "STP"))
            let two = try Self.id(try await Self.raw(cli, "user", "add", "--name", "Trần Thị Hai", "--role", "evaluator",
                                                     "--agency", "STP"))

            // Applications: one goes all the way to hired, one is rejected, one moves back with a reason.
            let opened = try await g.json("application-open", "application", "open", "--candidate", thu,
                                          "--position", positionID)
            let a1 = try Self.id(opened)
            try await g.json("application-move", "application", "move", a1, "--to", "screening")
            _ = try await Self.raw(cli, "application", "move", a1, "--to", "evaluation")
            let a2 = try Self.id(try await Self.raw(cli, "application", "open", "--candidate", an, "--position", positionID))
            try await g.json("application-move-rejected", "application", "move", a2, "--to", "rejected",
                             "--reason", "Không đủ điều kiện về trình độ")
            let a3 = try Self.id(try await Self.raw(cli, "application", "open", "--candidate", binh,
                                                    "--position", positionID))
            _ = try await Self.raw(cli, "application", "move", a3, "--to", "screening")
            try await g.json("application-move-back", "application", "move", a3, "--to", "nominated",
                             "--reason", "Bổ sung hồ sơ")

            // A rubric, a panel of two, and their scores.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID().uuidString).json")
            try Data(Self.rubric.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let rubric = try await g.json("rubric-create", "rubric", "create", "--file", file.path)
            let rubricID = try Self.id(rubric)
            try await g.json("rubric-publish", "rubric", "publish", rubricID)
            try await g.json("rubric-show", "rubric", "show", rubricID)
            try await g.json("rubric-list", "rubric", "list")

            try await g.json("evaluation-assign", "evaluation", "assign", "--application", a1, "--evaluator", one)
            _ = try await Self.raw(cli, "evaluation", "assign", "--application", a1, "--evaluator", two)
            try await g.json("evaluation-assigned-before", "evaluation", "assigned", "--evaluator", one)
            try await g.json("evaluation-submit", "evaluation", "submit", "--application", a1, "--rubric", rubricID,
                             "--evaluator", one, "--score", "legal_drafting=4", "--score", "ethics=4",
                             "--comment", "Nắm vững kỹ thuật soạn thảo.")
            // The sheet HR typed in counts once One confirms it; Two submits their own, which counts at once.
            try await g.json("evaluation-confirm", "evaluation", "confirm", "--application", a1, "--as", one)
            _ = try await Self.raw(cli, "evaluation", "submit", "--application", a1, "--rubric", rubricID,
                                   "--as", two, "--score", "legal_drafting=5", "--score", "ethics=3")
            try await g.json("evaluation-list", "evaluation", "list", "--application", a1)
            try await g.json("evaluation-score", "evaluation", "score", a1)
            try await g.json("evaluation-assigned", "evaluation", "assigned", "--evaluator", one)

            for stage in ["interview", "offer", "hired"] {
                _ = try await Self.raw(cli, "application", "move", a1, "--to", stage)
            }
            try await g.json("application-show", "application", "show", a1)
            try await g.json("position-show", "position", "show", positionID)
            try await g.json("application-list", "application", "list")
            try await g.json("application-history", "application", "history", a1)
            try await g.json("application-history-back", "application", "history", a3)
            try await g.json("evaluation-rank", "evaluation", "rank", "--position", positionID)

            // Referrals of every kind; the first of a candidate is credited, a later one is not.
            try await g.json("referral-add", "referral", "add", "--candidate", thu, "--by-person", "TS. Trần Văn An",
                             "--referrer-title", "Trưởng khoa Luật Hành chính", "--referrer-email", "an.tran@example.edu.vn",
                             "--relationship", "teacher", "--justification", "Thủ khoa đầu ra.")
            try await g.json("referral-add-supporting", "referral", "add", "--candidate", thu, "--by-agency", "STP",
                             "--justification", "Đã cộng tác với Sở.")
            _ = try await Self.raw(cli, "referral", "add", "--candidate", an, "--self", "--justification", "Tự ứng tuyển.")
            _ = try await Self.raw(cli, "referral", "add", "--candidate", binh, "--by-user", one,
                                   "--relationship", "colleague", "--justification", "Đồng nghiệp cũ.")
            try await g.json("referral-list", "referral", "list")

            // Targets: met (the hire above), on track, at risk, missed, whatever the day the tests run.
            try await g.json("target-add", "target", "add", "--agency", "STP", "--position-kind", "core_drafting_officer",
                             "--count", "1", "--starts", "2000-01-01", "--deadline", "2100-12-31",
                             "--note", "Lực lượng nòng cốt")
            _ = try await Self.raw(cli, "target", "add", "--agency", "STP", "--position-kind", "legal_affairs_officer",
                                   "--count", "1", "--starts", "2000-01-01", "--deadline", "2100-12-31")
            _ = try await Self.raw(cli, "target", "add", "--agency", "SNV", "--position-kind", "legal_affairs_officer",
                                   "--count", "2", "--starts", "2000-01-01", "--deadline", "2100-12-31")
            _ = try await Self.raw(cli, "target", "add", "--agency", "STC", "--position-kind", "drafting_advisor",
                                   "--count", "1", "--starts", "2000-01-01", "--deadline", "2001-01-01")
            try await g.json("target-list", "target", "list")

            try await g.json("report-pipeline", "report", "pipeline")
            try await g.json("report-pipeline-by-agency", "report", "pipeline", "--group-by", "agency")
            try await g.json("report-targets", "report", "targets", adjust: Self.seededTargetsDependOnToday)
            try await g.json("report-referrers", "report", "referrers")
            try await g.json("audit-list-application", "audit", "list", "--entity", "application:\(a1)")

            let leader = try Self.id(try await Self.raw(cli, "user", "add", "--name", "Võ Thành Nam", "--role", "admin"))
            let staff = try #require(try await Self.raw(cli, "token", "issue", "--user", leader)["token"]?.string)
            let pairs: [([String], String, Bool)] = [
                (["position", "show", positionID], "/v1/positions/\(positionID)", false),
                (["position", "list"], "/v1/positions", true),
                (["application", "show", a1], "/v1/applications/\(a1)", false),
                (["application", "list"], "/v1/applications", true),
                (["application", "history", a1], "/v1/applications/\(a1)/history", true),
                (["rubric", "show", rubricID], "/v1/rubrics/\(rubricID)", false),
                (["evaluation", "list", "--application", a1], "/v1/applications/\(a1)/evaluations", true),
                (["evaluation", "score", a1], "/v1/applications/\(a1)/score", false),
                (["referral", "list"], "/v1/referrals", true),
                (["target", "list"], "/v1/targets", true),
                (["report", "pipeline"], "/v1/reports/pipeline", false),
                (["report", "pipeline", "--group-by", "agency"], "/v1/reports/pipeline?group_by=agency", false),
                (["report", "targets"], "/v1/reports/targets", true),
                (["report", "referrers"], "/v1/reports/referrers", true),
                (["audit", "list", "--entity", "application:\(a1)"], "/v1/audit?entity=application:\(a1)", true),
            ]
            for (arguments, path, list) in pairs {
                try await Self.sameAsAPI(cli, api, token: staff, arguments, path, list: list)
            }

            await g.table("application-show.table", "application", "show", a1)
            await g.table("target-list.table", "target", "list")
            await g.table("evaluation-score.table", "evaluation", "score", a1)
        }
    }

    @Test("partners, agreements and a nomination submitted through the API")
    func partners() async throws {
        try await APIHarness.with { api in
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let g = GoldenScenario(cli: cli)

            try await g.json("partner-add", "partner", "add", "--code", "ULAW",
                             "--name", "Trường Đại học Luật TP. Hồ Chí Minh", "--kind", "university",
                             "--contact-name", "TS. Trần Văn An", "--contact-email", "an.tran@example.edu.vn",
                             "--contact-phone", "0283 940 0989")
            _ = try await Self.raw(cli, "partner", "add", "--code", "HCMA", "--name", "Học viện Chính trị quốc gia",
                                   "--kind", "institute")
            try await g.json("partner-list", "partner", "list")
            try await g.json("partner-show", "partner", "show", "ULAW")

            let agreement = try await g.json(
                "agreement-add", "agreement", "add", "--partner", "ULAW", "--reference", "45/2026/TTHT-ULAW",
                "--title", "Thỏa thuận hợp tác đào tạo và giới thiệu nhân lực pháp lý", "--signed", "2025-12-20",
                "--starts", "2026-01-01", "--ends", "2099-12-31", "--quota", "20", "--fields", "law, public_administration",
                "--training", "10 suất bồi dưỡng mỗi năm", "--notes", "Gia hạn hằng năm")
            let agreementID = try Self.id(agreement)
            try await g.json("agreement-activate", "agreement", "activate", agreementID, "--reason", "Đã ký")
            let other = try Self.id(try await Self.raw(cli, "agreement", "add", "--partner", "HCMA", "--reference", "7/2026",
                                                       "--starts", "2026-01-01", "--ends", "2027-12-31"))
            try await g.json("agreement-terminate", "agreement", "terminate", other, "--reason", "Không triển khai")
            try await g.json("agreement-show", "agreement", "show", agreementID)
            try await g.json("agreement-list", "agreement", "list")

            let issued = try await g.json("token-issue-partner", "token", "issue", "--partner", "ULAW")
            let secret = try #require(issued["token"]?.string)

            let body: [String: Any] = [
                "candidate": [
                    "full_name": "Nguyễn Thị Minh Thư", "date_of_birth": "2001-05-14", "citizen_id": "082301000123",
                    "email": "thu.nguyen@example.edu.vn", "phone": "0912345678",
                    "education": [["degree": "bachelor", "field": "law", "institution": "Trường Đại học Luật TP. Hồ Chí Minh",
                                   "graduation_year": 2023, "classification": "excellent"]],
                ],
                "position_id": NSNull(),
                "nominator": ["name": "TS. Trần Văn An", "title": "Trưởng khoa Luật Hành chính",
                              "email": "an.tran@example.edu.vn"],
                "relationship": "teacher",
                "justification": "Thủ khoa đầu ra; hai công trình nghiên cứu về kỹ thuật soạn thảo văn bản.",
                "consent": ["obtained_at": "2026-11-02T09:00:00Z", "notice_version": "2026-01"],
            ]
            var headers: HTTPFields = [:]
            headers[HTTPField.Name("Idempotency-Key")!] = "golden-1"
            let reply = try await api.request(.post, "/v1/nominations", token: secret, json: body, headers: headers)
            #expect(reply.status == 201, "\(reply.text)")
            let receipt = try g.check("nomination-submit-api", reply.text)
            let nominationID = try Self.id(receipt)

            try await g.json("nomination-list", "nomination", "list")
            let shown = try await g.json("nomination-show", "nomination", "show", nominationID)
            let candidateID = try #require(shown["candidate_id"]?.string)
            try await g.json("referral-list-partner", "referral", "list", "--candidate", candidateID)
            try await g.json("report-partners", "report", "partners")

            // The CLI prints a record as the API sends it: the same fields, types and values.
            let hr = try Self.id(try await Self.raw(cli, "user", "add", "--name", "Trần Minh Đức", "--role", "hr"))
            let staff = try #require(try await Self.raw(cli, "token", "issue", "--user", hr)["token"]?.string)
            try await Self.sameAsAPI(cli, api, token: staff, ["partner", "show", "ULAW"], "/v1/partners/ULAW")
            try await Self.sameAsAPI(cli, api, token: staff, ["partner", "list"], "/v1/partners", list: true)
            try await Self.sameAsAPI(cli, api, token: staff, ["agreement", "show", agreementID],
                                     "/v1/agreements/\(agreementID)")
            try await Self.sameAsAPI(cli, api, token: staff, ["nomination", "show", nominationID],
                                     "/v1/nominations/\(nominationID)")
            try await Self.sameAsAPI(cli, api, token: staff, ["nomination", "list"], "/v1/nominations", list: true)
            // `candidate show` prints the candidate's file, every section the role may read.
            try await Self.sameAsAPI(cli, api, token: staff, ["candidate", "show", candidateID],
                                     "/v1/candidates/\(candidateID)?include=applications,referrals,nominations,panels")
            try await Self.sameAsAPI(cli, api, token: staff, ["candidate", "show", candidateID, "--include", ""],
                                     "/v1/candidates/\(candidateID)")
            try await Self.sameAsAPI(cli, api, token: staff, ["referral", "list", "--candidate", candidateID],
                                     "/v1/referrals?candidate_id=\(candidateID)", list: true)
        }
    }
}
