import Foundation
import PostgresNIO
import TalentDomain
import TalentService
import TalentStore
import Testing

/// Issue 11, item 8: the 2025 reorganization as data (`deploy/reorganizations/2025-dong-thap.json`), applied with
/// `talent agency reorganize` or `POST /v1/agencies/reorganizations` to the agencies migration 0002 seeds.
@Suite("Reorganizations of agencies", .serialized, .freshDatabase)
struct ReorganizationTests {
    static let shippedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/reorganizations/2025-dong-thap.json").path

    static func shipped() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: shippedPath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The 2025 set of the new Đồng Tháp province, and what the file adds: the economic zone board.
    static let departments2025: Set<String> = [
        "SNV", "STP", "STC", "SCT", "SNNMT", "SXD", "SKHCN", "SVHTTDL", "SGDDT", "SYT", "TTT", "VPUBND", "BQLKKT",
    ]
    static let successors: [String: String] = [
        "SKHDT": "STC", "SGTVT": "SXD", "STTTT": "SKHCN", "SNNPTNT": "SNNMT", "STNMT": "SNNMT", "SLDTBXH": "SNV",
        "BQLKCN": "BQLKKT",
    ]
    static let districts = ["MYTHO", "GOCONG", "TXCAILAY", "CAIBE", "CAILAY", "TANPHUOC", "CHAUTHANH", "CHOGAO",
                            "GOCONGTAY", "GOCONGDONG", "TANPHUDONG"]

    /// Everything a reorganization may touch, as one string: agencies, positions, targets and the audit trail.
    static func snapshot(_ database: Database) async throws -> String {
        try await database.withConnection { c in
            let rows = try await c.query("""
                SELECT concat_ws(' | ',
                    (SELECT string_agg(concat_ws(',', code, name, kind, status, merged_into, updated_at), ';' ORDER BY code)
                     FROM agencies),
                    (SELECT string_agg(concat_ws(',', id, agency_code, version), ';' ORDER BY id) FROM positions),
                    (SELECT string_agg(concat_ws(',', id, agency_code, count), ';' ORDER BY id) FROM targets),
                    (SELECT count(*)::text FROM audit_log))
                """, logger: TestDatabase.logger)
            var text = ""
            for try await value in rows.decode(String.self) { text = value }
            return text
        }
    }

    static func write(_ document: Any) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reorg-\(UUID().uuidString).json").path
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("the shipped file gives the 2025 agencies; positions and targets follow the successors; history stays; again it is a no-op")
    func shippedFile() async throws {
        try await APIHarness.with { api in
            let services = api.services
            let cli = CLIRunner(databaseURL: services.database.url)
            var positions: [String: UUID] = [:]
            for code in ["SKHDT", "SNNPTNT", "STNMT", "SLDTBXH", "BQLKCN", "STP"] {
                positions[code] = try await services.positions.add(try ValidPosition(PositionDraft(
                    agencyCode: code, title: "Công chức pháp chế chuyên trách", kind: "legal_affairs_officer",
                    openings: 1, targetDate: "2027-12-31")), by: .testAdmin).id
            }
            // A target of a kind the successor has none of moves; the plan's one-per-department targets fold.
            _ = try await services.targets.add(try ValidTarget(agencyCode: "STNMT", positionKind: "drafting_advisor",
                                                               count: 2, deadline: "2028-12-31", note: nil), by: .testAdmin)
            let district = try await services.positions.add(try ValidPosition(PositionDraft(
                agencyCode: "CAIBE", title: "Chuyên viên", kind: "other", openings: 1, targetDate: nil)), by: .testAdmin).id

            let applied = await cli.run("agency", "reorganize", "--file", Self.shippedPath)
            #expect(applied.status == 0, "\(applied.stderr)")
            #expect(applied.stdout.contains("Đã áp dụng «Tiền Giang → tỉnh Đồng Tháp (2025)»"))
            #expect(applied.stdout.contains("sáp nhập") && applied.stdout.contains("giải thể"))
            #expect(applied.stdout.contains("chuyển 5 vị trí tuyển dụng"))

            let all = try await services.agencies.list(includeRetired: true, page: PageRequest(limit: 200), by: .testAdmin).items
            let active = all.filter { $0.status == .active }
            #expect(Set(active.filter { $0.kind == .department }.map(\.code)) == Self.departments2025)
            #expect(Set(active.map(\.code)) == Self.departments2025, "no district, commune or other body stays active")
            #expect(active.first { $0.code == "SNNMT" }?.name == "Sở Nông nghiệp và Môi trường")
            #expect(active.first { $0.code == "BQLKKT" }?.name == "Ban Quản lý Khu kinh tế tỉnh Đồng Tháp")
            for (code, successor) in Self.successors {
                let agency = all.first { $0.code == code }
                #expect(agency?.status == .retired && agency?.mergedInto == successor, "\(code)")
            }
            for code in Self.districts {
                let agency = all.first { $0.code == code }
                #expect(agency?.status == .retired && agency?.mergedInto == nil, "\(code)")
            }
            #expect(all.first { $0.code == "GOCONG" }?.name == "Ủy ban nhân dân thành phố Gò Công")

            // Positions and targets are at the successors; a district's position stays with it, as history.
            for (code, id) in positions {
                let expected = Self.successors[code] ?? code
                #expect(try await services.positions.get(id, by: .testAdmin).agencyCode == expected, "\(code)")
            }
            #expect(try await services.positions.get(district, by: .testAdmin).agencyCode == "CAIBE")
            let targets = try await services.targets.list(by: .testAdmin)
            #expect(!targets.contains { Self.successors.keys.contains($0.agencyCode) })
            #expect(targets.contains { $0.agencyCode == "SNNMT" && $0.positionKind == .draftingAdvisor && $0.count == 2 })
            #expect(targets.filter { $0.agencyCode == "SNNMT" && $0.positionKind == .legalAffairsOfficer }.count == 1)
            #expect(targets.filter { $0.agencyCode == "STC" && $0.positionKind == .legalAffairsOfficer }.count == 1)

            // History: each change is audited with its step; the retired agency is read with its successor.
            let entries = try await cli.json("audit", "list", "--entity", "agency:SKHDT") as? [[String: Any]] ?? []
            let retirement = entries.first { $0["action"] as? String == "agency.retire" }
            let changes = retirement?["changes"] as? [String: Any]
            #expect(changes?["reorganization"] as? String == "2025-dong-thap")
            #expect(changes?["step"] as? String == "2025-03-01-so-nganh")
            #expect(changes?["positions_moved"] as? Int == 1)
            #expect((changes?["before"] as? [String: Any])?["status"] as? String == "active")
            let whole = try await cli.json("audit", "list", "--entity", "reorganization:2025-dong-thap") as? [[String: Any]] ?? []
            #expect(whole.count == 1)
            #expect((whole.first?["changes"] as? [String: Any])?["retired"] as? Int == 18)
            let listed = try await cli.json("agency", "list", "--all") as? [[String: Any]] ?? []
            #expect(listed.contains { $0["code"] as? String == "SKHDT" && $0["merged_into"] as? String == "STC"
                && $0["name"] as? String == "Sở Kế hoạch và Đầu tư" })

            // Applying it again changes nothing, writes nothing, and says so.
            let before = try await Self.snapshot(services.database)
            let again = await cli.run("agency", "reorganize", "--file", Self.shippedPath)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("Không có gì thay đổi"))
            let english = await cli.run("agency", "reorganize", "--file", Self.shippedPath, "--lang", "en")
            #expect(english.stdout.contains("Nothing to change"))
            #expect(english.stdout.contains("already so"))
            let json = try await cli.json("agency", "reorganize", "--file", Self.shippedPath) as? [String: Any]
            #expect(json?["changed"] as? Bool == false)
            #expect((json?["changes"] as? [[String: Any]])?.allSatisfy { $0["outcome"] as? String == "unchanged" } == true)
            #expect(try await Self.snapshot(services.database) == before)
        }
    }

    @Test("golden: what the shipped file would do to the seed, as --format json prints it")
    func golden() async throws {
        try await TestDatabase.withDatabase { database in
            let g = GoldenScenario(cli: CLIRunner(databaseURL: database.url))
            try await g.json("agency-reorganize-dry-run", "agency", "reorganize", "--file", Self.shippedPath, "--dry-run")
        }
    }

    @Test("--dry-run says what would change and writes nothing")
    func dryRun() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let before = try await Self.snapshot(database)
            let table = await cli.run("agency", "reorganize", "--file", Self.shippedPath, "--dry-run")
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains("Chạy thử, chưa ghi gì"))
            #expect(table.stdout.contains("SKHDT") && table.stdout.contains("thay đổi"))
            let json = try await cli.json("agency", "reorganize", "--file", Self.shippedPath, "--dry-run") as? [String: Any]
            #expect(json?["dry_run"] as? Bool == true)
            #expect(json?["changed"] as? Bool == true)
            let summary = json?["summary"] as? [String: Any]
            #expect(summary?["created"] as? Int == 2 && summary?["retired"] as? Int == 18 && summary?["renamed"] as? Int == 1)
            #expect(try await Self.snapshot(database) == before)
        }
    }

    @Test("a bad file is refused with a message naming the step, and nothing is written", arguments: [
        ("unknown-code", "SKHDTX"), ("retired-successor", "SGTVT"), ("cycle", "vòng"), ("undeclared-source", "NOPE"),
        ("unknown-field", "merged_to"), ("malformed", "JSON"), ("out-of-order", "thứ tự"), ("taken-code", "STP"),
    ])
    func badFiles(kind: String, mentions: String) async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            var document = try Self.shipped()
            var steps = document["steps"] as? [[String: Any]] ?? []
            let lastStep = try #require(steps.last?["id"] as? String)
            var step = "2025-03-01-so-nganh"
            switch kind {
            case "unknown-code":
                // The last step is wrong: the earlier, good steps must not be written either.
                steps[steps.count - 1]["retire"] = [["code": "SKHDTX", "merged_into": "BQLKKT"]]
                step = lastStep
            case "retired-successor":
                var retire = steps[1]["retire"] as? [[String: Any]] ?? []
                retire[0]["merged_into"] = "SGTVT"  // SGTVT itself is merged into SXD by the same step
                steps[1]["retire"] = retire
            case "cycle":
                steps.append(["id": "2026-01-01-nguoc-lai", "effective": "2026-01-01", "title": "Ngược lại",
                              "sources": ["ND45"], "retire": [["code": "SNNMT", "merged_into": "STNMT"]]])
                step = "2026-01-01-nguoc-lai"
            case "undeclared-source":
                steps[1]["sources"] = ["ND45", "NOPE"]
            case "unknown-field":
                var retire = steps[1]["retire"] as? [[String: Any]] ?? []
                retire[0]["merged_to"] = "STC"
                steps[1]["retire"] = retire
            case "out-of-order":
                steps[1]["effective"] = "2026-03-01"
                step = steps[2]["id"] as? String ?? ""
            case "taken-code":
                steps[1]["create"] = [["code": "STP", "name": "Sở Nông nghiệp và Môi trường", "kind": "department"]]
            default:
                break
            }
            document["steps"] = steps
            let path: String
            if kind == "malformed" {
                path = FileManager.default.temporaryDirectory.appendingPathComponent("reorg-\(UUID().uuidString).json").path
                try Data("{\"id\": \"2025-dong-thap\", \"steps\": [".utf8).write(to: URL(fileURLWithPath: path))
            } else {
                path = try Self.write(document)
            }
            let before = try await Self.snapshot(database)
            for dryRun in [false, true] {
                let result = await cli.run(["agency", "reorganize", "--file", path] + (dryRun ? ["--dry-run"] : []))
                #expect(result.status == 2, "\(kind): \(result.stdout) \(result.stderr)")
                #expect(result.stderr.contains(mentions), "\(kind): \(result.stderr)")
                if kind != "malformed" { #expect(result.stderr.contains("bước \(step)"), "\(kind): \(result.stderr)") }
                #expect(result.stderr.split(separator: "\n").count == 1, "\(kind): \(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
            #expect(try await Self.snapshot(database) == before, "\(kind) wrote something")
        }
    }

    @Test("a successor retired in the database, not by the file, is refused")
    func successorRetiredEarlier() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(await cli.run("agency", "retire", "STC", "--merged-into", "SNV").status == 0)
            let before = try await Self.snapshot(database)
            let result = await cli.run("agency", "reorganize", "--file", Self.shippedPath, "--lang", "en")
            #expect(result.status == 2)
            #expect(result.stderr.contains("step 2025-03-01-so-nganh: the successor STC is retired (merged into SNV)"),
                    "\(result.stderr)")
            #expect(try await Self.snapshot(database) == before)
        }
    }

    @Test("POST /v1/agencies/reorganizations: admins only, the same answer as the CLI's JSON, validated against openapi.yaml")
    func api() async throws {
        try await APIHarness.with { api in
            let body = try Data(contentsOf: URL(fileURLWithPath: Self.shippedPath))
            let before = try await Self.snapshot(api.services.database)
            #expect(try await api.request(.post, "/v1/agencies/reorganizations", raw: body).status == 401)
            for role in [Role.hr, .leadership, .evaluator] {
                let token = try await api.token(role)
                let refused = try await api.request(.post, "/v1/agencies/reorganizations", token: token, raw: body)
                #expect(refused.status == 403, "\(role)")
                #expect(refused.contentType.hasPrefix("application/problem+json"))
            }
            let admin = try await api.token(.admin)
            let midway = try await Self.snapshot(api.services.database)

            let preview = try await api.request(.post, "/v1/agencies/reorganizations?dry_run=true", token: admin, raw: body)
            #expect(preview.status == 200, "\(preview.text)")
            #expect(preview.object["dry_run"] as? Bool == true && preview.object["changed"] as? Bool == true)
            #expect(try await Self.snapshot(api.services.database) == midway)

            var bad = try Self.shipped()
            var steps = bad["steps"] as? [[String: Any]] ?? []
            steps[4]["retire"] = [["code": "BQLKCN", "merged_into": "NOWHERE"]]
            bad["steps"] = steps
            let refused = try await api.request(.post, "/v1/agencies/reorganizations", token: admin, json: bad,
                                                headers: [.acceptLanguage: "en"])
            #expect(refused.status == 422)
            let errors = refused.object["errors"] as? [[String: Any]] ?? []
            #expect(errors.first?["field"] as? String == "steps[4].retire[0].merged_into")
            #expect((errors.first?["message"] as? String ?? "").hasPrefix("step 2025-07-17-ban-quan-ly-khu-kinh-te:"))
            let malformed = try await api.request(.post, "/v1/agencies/reorganizations", token: admin, raw: Data("{".utf8))
            #expect(malformed.status == 400)
            #expect(try await api.request(.post, "/v1/agencies/reorganizations?dry_run=maybe", token: admin, raw: body).status == 422)
            #expect(try await Self.snapshot(api.services.database) == midway)

            let applied = try await api.request(.post, "/v1/agencies/reorganizations", token: admin, raw: body)
            #expect(applied.status == 200, "\(applied.text)")
            #expect(applied.object["changed"] as? Bool == true && applied.object["dry_run"] as? Bool == false)
            let summary = applied.object["summary"] as? [String: Any]
            #expect(summary?["kept"] as? Int == 12 && summary?["targets_folded"] as? Int == 5)
            let list = try await api.request(.get, "/v1/agencies?kind=department&limit=200", token: admin)
            let codes = (list.object["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(Set(codes) == Self.departments2025)

            let again = try await api.request(.post, "/v1/agencies/reorganizations", token: admin, raw: body)
            #expect(again.status == 200)
            #expect(again.object["changed"] as? Bool == false)
            _ = before
        }
    }
}
