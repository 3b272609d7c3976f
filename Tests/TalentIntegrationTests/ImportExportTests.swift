import Foundation
import TalentDomain
import TalentService
import TalentStore
import Testing

@Suite("CSV import and export, and the pipeline from the CLI", .freshDatabase)
struct ImportExportTests {
    func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("talent-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let header = "full_name,date_of_birth,citizen_id,email,phone,degree,field,institution,graduation_year,classification,skills\n"

    /// Issue 11, item 2: the CSV an officer's Excel writes in Vietnam.
    @Test("Excel in Vietnam: the template's Vietnamese headers, ';' as separator, dd/mm/yyyy dates and labels import")
    func excelInVietnam() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let template = await cli.run("candidate", "import", "--template")
            #expect(template.status == 0)
            #expect(template.stdout.hasPrefix("\u{FEFF}Họ và tên,Ngày sinh,Giới tính,Số CCCD,Email,Điện thoại"))
            // The template as Excel saves it with Vietnamese regional settings: `;` between fields.
            let header = String(template.stdout.dropFirst().prefix { $0 != "\r" && $0 != "\n" })
                .replacingOccurrences(of: ",", with: ";")
            let csv = try file("excel.csv", "\u{FEFF}" + header + "\r\n" + """
                Trần Văn Bảy;15/08/1990;Nam;082090000007;bay.tran@example.vn;0912 000 777;Đồng Tháp;Khu vực nhà nước;Sở Tư pháp;Chuyên viên;4;soạn thảo, thẩm định;tiếng Anh;;Thạc sĩ;Luật;Trường Đại học Cần Thơ;2015;Giỏi\r
                Phạm Thị Thu;1/2/1995;Nữ;082195000008;;;;;;;;;;;;;;;\r

                """)
            let imported = await cli.run("candidate", "import", csv)
            #expect(imported.status == 0, "\(imported.stderr)")
            let found = try #require(try await cli.json("candidate", "search", "tran van bay") as? [[String: Any]])
            let bay = try #require(found.first)
            #expect(bay["full_name"] as? String == "Trần Văn Bảy")
            #expect(bay["date_of_birth"] as? String == "1990-08-15")
            #expect(bay["gender"] as? String == "male")
            #expect(bay["sector"] as? String == "state")
            #expect(bay["skills"] as? [String] == ["soạn thảo", "thẩm định"])
            let education = (bay["education"] as? [[String: Any]])?.first
            #expect(education?["degree"] as? String == "master")
            #expect(education?["classification"] as? String == "very_good")
            let thu = try #require((try await cli.json("candidate", "search", "pham thi thu") as? [[String: Any]])?.first)
            #expect(thu["date_of_birth"] as? String == "1995-02-01")
            #expect(thu["gender"] as? String == "female")
        }
    }

    @Test("a file Excel saved as Windows-1258 is refused whole, saying how to save it as UTF-8; nothing is stored")
    func notUTF8() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("talent-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("cp1258.csv").path
            // "Trần Văn Bảy" in Windows-1258: â = 0xE2 with the combining grave 0xCC, ă = 0xE3, y with hook 0xD2.
            let bytes: [UInt8] = Array("full_name,citizen_id\r\nTr".utf8) + [0xE2, 0xCC] + Array("n V".utf8) + [0xE3]
                + Array("n Ba".utf8) + [0xD2] + Array("y,082090000009\r\n".utf8)
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let result = await cli.run("candidate", "import", path)
            #expect(result.status == 2)
            #expect(result.stderr.contains("UTF-8"), "\(result.stderr)")
            #expect(result.stderr.contains("dòng 2"), "\(result.stderr)")
            let listed = try await cli.json("candidate", "list") as? [Any]
            #expect(listed?.isEmpty == true)
        }
    }

    @Test("all rows or none: one bad row imports nothing and names its line")
    func allOrNothing() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let csv = try file("a.csv", "\u{FEFF}" + Self.header + """
                Nguyễn Thị Minh Thư,2001-05-14,082301000123,thu@example.vn,0912345678,bachelor,Luật,Trường Đại học Luật TP. Hồ Chí Minh,2023,excellent,soạn thảo; thẩm định
                Lê Văn An,1990-02-30,082090000001,an@example.vn,,,,,,,
                Trần Thị Bình,1992-01-01,082192000002,binh@example.vn,0987654321,master,Luật,,2016,good,

                """)
            let result = await cli.run("candidate", "import", csv)
            #expect(result.status == 2)
            #expect(result.stderr.contains("dòng 3"))
            #expect(result.stderr.contains("date_of_birth"))
            let listed = try await cli.json("candidate", "list") as? [Any]
            #expect(listed?.isEmpty == true)
        }
    }

    @Test("--skip-invalid imports the valid rows and writes the rejected ones with a reason; duplicates are rejected rows")
    func skipInvalid() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(await cli.run("candidate", "add", "--name", "Đã Có Sẵn", "--email", "exists@example.vn").status == 0)
            let csv = try file("b.csv", Self.header + """
                Nguyễn Thị Minh Thư,2001-05-14,082301000123,thu@example.vn,0912345678,bachelor,Luật,"Trường Đại học Luật, TP.HCM",2023,excellent,soạn thảo; thẩm định
                Bad Phone,,,,12345,,,,,,
                Trùng Trong Tệp,,082301000123,,,,,,,,
                Trùng Với CSDL,,,EXISTS@example.vn,,,,,,,
                "Quote, \"\"Name\"\"",,,,,,,,,,
                """)
            let rejects = csv + ".rejects.csv"
            let result = await cli.run("candidate", "import", csv, "--skip-invalid", rejects)
            #expect(result.status == 0, "\(result.stderr)")
            let all = try await cli.json("candidate", "list") as? [[String: Any]] ?? []
            #expect(Set(all.compactMap { $0["full_name"] as? String }) == ["Đã Có Sẵn", "Nguyễn Thị Minh Thư", "Quote, \"Name\""])
            let thu = all.first { $0["full_name"] as? String == "Nguyễn Thị Minh Thư" }
            #expect(thu?["phone"] as? String == "+84912345678")
            let detail = try await cli.json("candidate", "show", thu?["id"] as? String ?? "") as? [String: Any]
            #expect(detail?["skills"] as? [String] == ["soạn thảo", "thẩm định"])
            #expect((detail?["education"] as? [[String: Any]])?.first?["institution"] as? String == "Trường Đại học Luật, TP.HCM")

            let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
            // Rejected rows are citizens' data: readable by their owner only.
            let mode = try FileManager.default.attributesOfItem(atPath: rejects)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let lines = rejected.split(separator: "\r\n")
            #expect(lines.count == 4)
            #expect(lines[0].hasSuffix("line,reason"))
            #expect(rejected.contains("phone"))
            #expect(rejected.contains("dòng 2"))  // same citizen ID as line 2 of the file
            #expect(rejected.contains("Đã Có Sẵn"))  // same e-mail as an existing profile

            let audit = try await cli.json("audit", "list", "--entity", "candidate:\(thu?["id"] as? String ?? "")") as? [[String: Any]]
            #expect(audit?.first?["action"] as? String == "candidate.import")
        }
    }

    @Test("a file with an unknown column or without full_name is refused whole")
    func badHeader() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let unknownColumn = try file("c.csv", "full_name,nickname\nAn,Bé\n")
            let noName = try file("d.csv", "email\na@example.vn\n")
            let empty = try file("e.csv", "")
            #expect(await cli.run("candidate", "import", unknownColumn).status == 2)
            #expect(await cli.run("candidate", "import", noName).status == 2)
            #expect(await cli.run("candidate", "import", empty).status == 2)
            #expect(await cli.run("candidate", "import", "/nonexistent.csv").status == 2)
        }
    }

    @Test("export writes CSV with a byte-order mark that imports again, or JSON, with the list's filters")
    func export() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            #expect(await cli.run("candidate", "add", "--name", "Hồ Ngọc Ánh", "--email", "anh@example.vn", "--sector", "state",
                                  "--skills", "thẩm định, soạn thảo", "--degree", "bachelor", "--institution", "Học viện Tư pháp").status == 0)
            #expect(await cli.run("candidate", "add", "--name", "Lê Văn An", "--sector", "student").status == 0)
            let csv = await cli.run("candidate", "export", "--sector", "state")
            #expect(csv.stdout.hasPrefix("\u{FEFF}id,full_name,"))
            #expect(csv.stdout.contains("Hồ Ngọc Ánh"))
            #expect(!csv.stdout.contains("Lê Văn An"))
            let json = await cli.run("candidate", "export", "--format", "json")
            let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
            #expect(items?.count == 2)

            // The export imports into another database as it is.
            let path = try file("export.csv", csv.stdout)
            try await TestDatabase.withDatabase { other in
                let again = CLIRunner(databaseURL: other.url)
                let result = await again.run("candidate", "import", path)
                #expect(result.status == 0, "\(result.stderr)")
                let imported = try await again.json("candidate", "list") as? [[String: Any]]
                #expect(imported?.first?["full_name"] as? String == "Hồ Ngọc Ánh")
            }
        }
    }

    @Test("positions, applications, moves and merges from the CLI; a refused move exits 2 and changes nothing")
    func pipelineFromCLI() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let position = try await cli.json("position", "add", "--agency", "STP", "--title", "Chuyên viên nòng cốt",
                                              "--kind", "core_drafting_officer", "--openings", "2") as? [String: Any]
            let positionID = try #require(position?["id"] as? String)
            let candidate = try await cli.json("candidate", "add", "--name", "Lê Văn An", "--dob", "1990-01-01") as? [String: Any]
            let candidateID = try #require(candidate?["id"] as? String)
            let application = try await cli.json("application", "open", "--candidate", candidateID, "--position", positionID) as? [String: Any]
            let applicationID = try #require(application?["id"] as? String)
            #expect(application?["stage"] as? String == "nominated")
            #expect(await cli.run("application", "move", applicationID, "--to", "offer").status == 2)
            #expect(await cli.run("application", "move", applicationID, "--to", "screening").status == 0)
            let back = await cli.run("application", "move", applicationID, "--to", "nominated")
            #expect(back.status == 2)
            #expect(back.stderr.contains("--reason"))
            #expect(await cli.run("application", "move", applicationID, "--to", "nominated", "--reason", "Nhầm").status == 0)
            let shown = await cli.run("application", "show", applicationID)
            #expect(shown.stdout.contains("Nhầm"))
            let history = try await cli.json("application", "history", applicationID) as? [[String: Any]]
            #expect(history?.count == 3)

            let duplicate = await cli.run("candidate", "add", "--name", "LÊ VĂN AN", "--dob", "1990-01-01")
            #expect(duplicate.status == 0)
            #expect(duplicate.stderr.contains(candidateID))
            let pairs = try await cli.json("candidate", "duplicates") as? [[String: Any]]
            #expect(pairs?.count == 1)
            let otherID = try #require((pairs?.first?["duplicate"] as? [String: Any])?["id"] as? String)
            #expect(await cli.run("candidate", "merge", candidateID, otherID).status == 0)
            #expect(await cli.run("candidate", "show", otherID).status == 2)

            let updated = await cli.run("candidate", "update", candidateID, "--phone", "0912345678", "--if-version", "1")
            #expect(updated.status == 2)  // the merge made it version 2
            #expect(await cli.run("candidate", "update", candidateID, "--phone", "0912345678").status == 0)
            #expect(await cli.run("candidate", "update", candidateID, "--clear", "phone").status == 0)
            let positions = await cli.run("position", "list", "--agency", "STP")
            #expect(positions.stdout.contains("Chuyên viên nòng cốt"))
        }
    }
}
