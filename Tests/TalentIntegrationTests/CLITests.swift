import Foundation
import TalentAPI
import TalentDomain
import TalentService
import TalentStore
import Testing

@Suite("talent CLI", .freshDatabase)
struct CLITests {
    @Test("a candidate added from the CLI reads back byte-identical through the API; one added through the API shows in the CLI; the audit names both")
    func bothEdges() async throws {
        try await APIHarness.with { api in
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let added = try await cli.json("candidate", "add", "--name", "Nguyễn Thị Minh Thư", "--dob", "2001-05-14",
                                           "--citizen-id", "082301000123", "--email", "thu@example.edu.vn",
                                           "--phone", "0912345678") as? [String: Any]
            let id = try #require(added?["id"] as? String)

            let token = try await api.token(.hr, name: "Trần Minh Đức")
            let read = try await api.request(.get, "/v1/candidates/\(id)", token: token)
            #expect(Array((read.object["full_name"] as? String ?? "").utf8) == Array("Nguyễn Thị Minh Thư".utf8))
            #expect(read.object["citizen_id"] as? String == "082301000123")

            let posted = try await api.request(.post, "/v1/candidates", token: token,
                                               json: ["full_name": "Đặng Văn Đức", "email": "duc@example.vn"])
            let apiID = try #require(posted.object["id"] as? String)
            let shown = await cli.run("candidate", "show", apiID)
            #expect(shown.status == 0)
            #expect(shown.stdout.contains("Đặng Văn Đức"))
            #expect(shown.stdout.contains(apiID))

            let audit = await cli.run("audit", "list")
            #expect(audit.status == 0)
            let lines = audit.stdout.split(separator: "\n")
            #expect(lines.contains { $0.contains("Nguyễn Thị Lan") && $0.contains("cli") && $0.contains(id) })
            #expect(lines.contains { $0.contains("Trần Minh Đức") && $0.contains("api") && $0.contains(apiID) })

            let json = try await cli.json("audit", "list", "--entity", "candidate:\(id)") as? [[String: Any]]
            #expect(json?.count == 1)
            #expect(json?.first?["actor"] as? String == "Nguyễn Thị Lan")
            #expect(json?.first?["channel"] as? String == "cli")
        }
    }

    @Test("--as names the actor in the audit trail")
    func operatorName() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(await cli.run("candidate", "add", "--name", "Lê Văn An", "--as", "Phạm Thị Hoa").status == 0)
            let entries = try await cli.json("audit", "list", "--actor", "Phạm Thị Hoa") as? [[String: Any]]
            #expect(entries?.count == 1)
        }
    }

    @Test("bad input: one line on stderr, exit 2, nothing written")
    func badInput() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let cases: [[String]] = [
                ["candidate", "add", "--name", "An", "--citizen-id", "123"],
                ["candidate", "add", "--name", "An", "--phone", "12"],
                ["candidate", "add", "--name", "An", "--dob", "2001-02-30"],
                ["candidate", "add", "--name", "   "],
                ["candidate", "add"],
                ["candidate", "show", "not-a-uuid"],
                ["candidate", "show", UUID().uuidString],
                ["candidate", "list", "--limit", "0"],
                ["user", "add", "--name", "An", "--role", "king"],
                ["user", "add", "--name", "An", "--role", "hr", "--agency", "NOPE"],
                ["token", "issue", "--user", UUID().uuidString],
                ["token", "issue"],
                ["agency", "retire", "STP", "--merged-into", "STP"],
                ["agency", "add", "--code", "STP", "--name", "Trùng mã"],
                ["candidate", "frobnicate"],
                ["--no-such-flag"],
            ]
            for arguments in cases {
                let result = await cli.run(arguments)
                #expect(result.status == 2, "\(arguments)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
                #expect(result.stderr.hasPrefix("talent: "), "\(arguments)")
            }
            let candidates = try await cli.json("candidate", "list") as? [Any]
            #expect(candidates?.isEmpty == true)
            let audit = try await cli.json("audit", "list") as? [Any]
            #expect(audit?.isEmpty == true)
        }
    }

    @Test("English messages with --lang en")
    func english() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let result = await cli.run("candidate", "add", "--name", "An", "--phone", "12", "--lang", "en")
            #expect(result.stderr.contains("Invalid input"))
            let vi = await cli.run("candidate", "add", "--name", "An", "--phone", "12")
            #expect(vi.stderr.contains("không hợp lệ"))
        }
    }

    @Test("a token issued in the CLI works at once in the API; revoked, it stops at once")
    func tokens() async throws {
        try await APIHarness.with { api in
            let cli = CLIRunner(databaseURL: api.services.database.url)
            let user = try await cli.json("user", "add", "--name", "Võ Thành Nam", "--role", "leadership") as? [String: Any]
            let userID = try #require(user?["id"] as? String)
            let issued = await cli.run("token", "issue", "--user", userID)
            #expect(issued.status == 0)
            let secret = String(issued.stdout.split(separator: "\n").last ?? "")
            #expect(secret.hasPrefix("tlt_"))
            #expect(try await api.request(.get, "/v1/audit", token: secret).status == 200)

            let asJSON = try await cli.json("token", "issue", "--user", userID, "--expires-in", "1") as? [String: Any]
            #expect((asJSON?["token"] as? String)?.hasPrefix("tlt_") == true)
            let tokenID = try #require(asJSON?["id"] as? String)

            let listed = await cli.run("token", "list")
            #expect(!listed.stdout.contains(secret))
            #expect(await cli.run("token", "revoke", tokenID).status == 0)
            #expect(try await api.request(.get, "/v1/audit", token: asJSON?["token"] as? String).status == 401)
            #expect(try await api.request(.get, "/v1/audit", token: secret).status == 200)

            let stored = try await api.services.database.withConnection { c in
                let rows = try await c.query("SELECT count(*)::int FROM access_tokens WHERE encode(secret_hash, 'escape') LIKE '%tlt_%'",
                                             logger: TestDatabase.logger)
                var n = -1
                for try await value in rows.decode(Int.self) { n = value }
                return n
            }
            #expect(stored == 0)
        }
    }

    @Test("agencies are data: add, rename, retire into another, with history kept")
    func agencies() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let list = await cli.run("agency", "list")
            #expect(list.stdout.contains("STP"))
            #expect(list.stdout.contains("Sở Tư pháp"))
            #expect(await cli.run("agency", "add", "--code", "sxd-dt", "--name", "Sở Xây dựng Đồng Tháp").status == 0)
            #expect(await cli.run("agency", "update", "STP", "--name", "Sở Tư pháp tỉnh Đồng Tháp").status == 0)
            #expect(await cli.run("agency", "retire", "MYTHO", "--merged-into", "SXD-DT").status == 0)
            let active = try await cli.json("agency", "list") as? [[String: Any]] ?? []
            #expect(!active.contains { $0["code"] as? String == "MYTHO" })
            #expect(active.contains { $0["name"] as? String == "Sở Tư pháp tỉnh Đồng Tháp" })
            let all = try await cli.json("agency", "list", "--all") as? [[String: Any]] ?? []
            let retired = all.first { $0["code"] as? String == "MYTHO" }
            #expect(retired?["status"] as? String == "retired")
            #expect(retired?["merged_into"] as? String == "SXD-DT")
            #expect(await cli.run("agency", "update", "MYTHO", "--name", "X").status == 2)
            let history = try await cli.json("audit", "list", "--entity", "agency:STP") as? [[String: Any]] ?? []
            let changes = history.first?["changes"] as? [String: Any]
            #expect((changes?["before"] as? [String: Any])?["name"] as? String == "Sở Tư pháp")
        }
    }

    @Test("help and version exit 0; formats are table, json and csv")
    func helpAndFormats() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let help = await cli.run("--help")
            #expect(help.status == 0)
            #expect(help.stdout.contains("candidate"))
            #expect(await cli.run("version").stdout.hasPrefix("talent "))
            #expect(await cli.run("candidate", "add", "--name", "Hồ Ngọc Ánh", "--email", "anh@example.vn").status == 0)
            let csv = await cli.run("candidate", "list", "--format", "csv")
            #expect(csv.stdout.hasPrefix("id,full_name,date_of_birth,citizen_id,email,phone,sector,version\n"))
            #expect(csv.stdout.contains("Hồ Ngọc Ánh"))
            let table = await cli.run("candidate", "search", "ho ngoc anh")
            #expect(table.stdout.contains("Họ tên"))
            #expect(table.stdout.contains("Hồ Ngọc Ánh"))
            let english = await cli.run("candidate", "list", "--lang", "en")
            #expect(english.stdout.contains("Full name"))
        }
    }

    @Test("an unreachable database is a one-line error, exit 1")
    func unreachable() async throws {
        let cli = CLIRunner(databaseURL: DatabaseURL(host: "127.0.0.1", port: 1, user: "talent", password: nil,
                                                     database: "talent", requireTLS: false))
        let result = await cli.run("candidate", "list")
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("demo data loads once, through the service layer")
    func demo() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let first = await cli.run("demo", "load")
            #expect(first.status == 0, "\(first.stderr)")
            let candidates = try await cli.json("candidate", "list", "--limit", "200") as? [Any] ?? []
            #expect(candidates.count > 100)
            #expect(await cli.run("demo", "load").status == 0)
            let again = try await cli.json("candidate", "list", "--limit", "200") as? [Any] ?? []
            #expect(again.count == candidates.count)
        }
    }
}
