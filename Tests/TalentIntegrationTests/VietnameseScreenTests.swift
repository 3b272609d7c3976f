import Foundation
import TalentDomain
import Testing

/// Issue 11, items 3 and 14: codes, dates and field names as officers read and write them; help in both languages;
/// `--limit` on every list.
@Suite("talent CLI in Vietnamese", .freshDatabase)
struct VietnameseScreenTests {
    @Test("a table shows a sector's label, CSV and JSON keep the code; --lang en shows the English label")
    func sectorLabel() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let added = await cli.run("candidate", "add", "--name", "Trần Thị Ngọc", "--sector", "non_state",
                                      "--dob", "14/05/2001")
            #expect(added.status == 0, "\(added.stderr)")
            let table = await cli.run("candidate", "list")
            #expect(table.stdout.contains("ngoài khu vực nhà nước"), "\(table.stdout)")
            #expect(!table.stdout.contains("non_state"))
            #expect(table.stdout.contains("14/05/2001"))
            let english = await cli.run("candidate", "list", "--lang", "en")
            #expect(english.stdout.contains("non-state sector"), "\(english.stdout)")
            let csv = await cli.run("candidate", "list", "--format", "csv")
            #expect(csv.stdout.contains(",non_state"), "\(csv.stdout)")
            #expect(csv.stdout.contains("2001-05-14"))
            let json = try await cli.json("candidate", "list") as? [[String: Any]]
            #expect(json?.first?["sector"] as? String == "non_state")
        }
    }

    @Test("date flags take dd/mm/yyyy and d/m/yyyy as well as YYYY-MM-DD, stored as ISO 8601")
    func dayMonthYear() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let typings = [("Lê Văn Bảy", "14/05/2001", "2001-05-14"), ("Võ Thị Tám", "4/5/2001", "2001-05-04"),
                           ("Đỗ Văn Chín", "2001-05-14", "2001-05-14")]
            for (name, typed, stored) in typings {
                let added = try await cli.json("candidate", "add", "--name", name, "--dob", typed) as? [String: Any]
                #expect(added?["date_of_birth"] as? String == stored, "\(typed): \(String(describing: added))")
            }
            let impossible = await cli.run("candidate", "add", "--name", "Lê Văn Bảy", "--dob", "30/02/2001")
            #expect(impossible.status == 2)
            #expect(impossible.stderr.contains("ngày sinh"), "\(impossible.stderr)")
            let target = try await cli.json("target", "add", "--agency", "STP", "--position-kind", "drafting_advisor",
                                            "--count", "1", "--deadline", "31/12/2030") as? [String: Any]
            #expect(target?["deadline"] as? String == "2030-12-31")
        }
    }

    @Test("a bad citizen ID is named \"số CCCD\" in Vietnamese and \"citizen ID\" in English")
    func fieldNames() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let vi = await cli.run("candidate", "add", "--name", "An", "--citizen-id", "123")
            #expect(vi.status == 2)
            #expect(vi.stderr.contains("số CCCD"), "\(vi.stderr)")
            #expect(!vi.stderr.contains("citizen_id"), "\(vi.stderr)")
            let en = await cli.run("candidate", "add", "--name", "An", "--citizen-id", "123", "--lang", "en")
            #expect(en.stderr.contains("citizen ID"), "\(en.stderr)")
            #expect(!en.stderr.contains("citizen_id"), "\(en.stderr)")
            let env = CLIRunner(databaseURL: database.url, environment: ["TALENT_LANG": "en"])
            #expect(await env.run("candidate", "add", "--name", "An", "--citizen-id", "123").stderr.contains("citizen ID"))
        }
    }

    @Test("referral list: a table names the candidate and reads the relationship; CSV and JSON keep the id and code")
    func referralNames() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let added = try await cli.json("candidate", "add", "--name", "Nguyễn Thị Minh Thư") as? [String: Any]
            let id = try #require(added?["id"] as? String)
            #expect(await cli.run("referral", "add", "--candidate", id, "--by-person", "TS. Trần Văn An",
                                  "--relationship", "teacher", "--justification", "Thủ khoa đầu ra.").status == 0)
            let table = await cli.run("referral", "list")
            #expect(table.stdout.contains("Nguyễn Thị Minh Thư"), "\(table.stdout)")
            #expect(!table.stdout.contains(id))
            #expect(table.stdout.contains("giảng viên, thầy cô"))
            #expect(!table.stdout.contains("teacher"))
            let csv = await cli.run("referral", "list", "--format", "csv")
            #expect(csv.stdout.contains(id) && csv.stdout.contains(",teacher,"), "\(csv.stdout)")
            let json = try await cli.json("referral", "list") as? [[String: Any]]
            #expect(json?.first?["candidate_id"] as? String == id)
            #expect(json?.first?["candidate_name"] == nil)
        }
    }

    @Test("help: Vietnamese by default, English with --lang en or TALENT_LANG=en")
    func help() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let rootEN = await cli.run("--help", "--lang", "en")
            #expect(rootEN.status == 0)
            #expect(rootEN.stdout.contains("Talent recruitment and referral tracker"), "\(rootEN.stdout)")
            #expect(rootEN.stdout.contains("Candidate profiles."))
            let rootVI = await cli.run("--help")
            #expect(rootVI.stdout.contains("Theo dõi thu hút, tuyển dụng"), "\(rootVI.stdout)")
            #expect(rootVI.stdout.contains("Hồ sơ ứng viên."))
            #expect(rootVI.stdout != rootEN.stdout)

            let candidateVI = await cli.run("candidate", "--help")
            #expect(candidateVI.status == 0)
            #expect(candidateVI.stdout.contains("Thêm hồ sơ ứng viên"), "\(candidateVI.stdout)")
            #expect(!candidateVI.stdout.contains("Add a candidate"))
            let candidateEN = await cli.run("candidate", "--help", "--lang", "en")
            #expect(candidateEN.stdout.contains("Add a candidate"), "\(candidateEN.stdout)")

            let addVI = await cli.run("candidate", "add", "--help")
            #expect(addVI.stdout.contains("Số căn cước công dân (CCCD), 12 chữ số."), "\(addVI.stdout)")
            let addEN = await CLIRunner(databaseURL: database.url, environment: ["TALENT_LANG": "en"])
                .run("candidate", "add", "--help")
            #expect(addEN.stdout.contains("Citizen ID (CCCD), 12 digits."), "\(addEN.stdout)")
        }
    }

    @Test("list commands take --limit (default 50)", arguments: [
        ["agency", "list"], ["agreement", "list"], ["rubric", "list"], ["target", "list"],
    ])
    func limit(command: [String]) async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let one = await cli.run(command + ["--limit", "1", "--format", "json"])
            #expect(one.status == 0, "\(command): \(one.stderr)")
            let items = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [Any]
            #expect((items?.count ?? 99) <= 1, "\(command)")
            #expect(await cli.run(command + ["--limit", "0"]).status == 2, "\(command)")
            #expect(await cli.run(command + ["--limit", "201"]).status == 2, "\(command)")
        }
    }

    @Test("evaluation list takes --limit; agency list prints 50 by default")
    func limitDefaults() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let listed = await cli.run("evaluation", "list", "--application", UUID().uuidString, "--limit", "5")
            #expect(!listed.stderr.contains("--limit"), "\(listed.stderr)")
            let help = await cli.run("agency", "list", "--help", "--lang", "en")
            #expect(help.stdout.contains("default: 50"), "\(help.stdout)")
            let targets = try await cli.json("target", "list") as? [Any]
            #expect((targets?.count ?? 0) <= 50)
        }
    }
}
