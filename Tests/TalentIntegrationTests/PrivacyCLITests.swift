import Foundation
import TalentDomain
import TalentService
import Testing

/// Issue 13, items 2 and 10, through the CLI: `talent privacy request …`, `talent breach …` and
/// `talent privacy inventory` go through the API like every other command, Vietnamese by default.
@Suite("talent privacy and talent breach", .freshDatabase)
struct PrivacyCLITests {
    @Test("a request from opening to refusal: deadlines printed dd/mm/yyyy, overdue listed, one extension, a basis to refuse")
    func requests() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let candidate = try await cli.json("candidate", "add", "--name", "Trần Thị Bích") as? [String: Any]
            let candidateID = try #require(candidate?["id"] as? String)

            let opened = await cli.run("privacy", "request", "open", "--candidate", candidateID, "--kind", "erasure",
                                       "--received", "13/02/2026", "--note", "Đơn giấy")
            #expect(opened.status == 0, "\(opened.stderr)")
            #expect(opened.stdout.contains("Hạn phản hồi:") && opened.stdout.contains("24/02/2026"))
            #expect(opened.stdout.contains("05/03/2026") && opened.stdout.contains("quá hạn"))
            #expect(opened.stdout.contains("xóa dữ liệu"))
            let id = try #require(opened.stdout.split(separator: "\n").first { $0.hasPrefix("Mã:") }?
                .split(separator: " ").last.map(String.init))

            let fresh = try await cli.json("privacy", "request", "open", "--candidate", candidateID, "--kind", "access")
                as? [String: Any]
            #expect(fresh?["status"] as? String == "open")

            let overdue = await cli.run("privacy", "request", "list", "--status", "overdue")
            #expect(overdue.status == 0 && overdue.stdout.contains(id))
            #expect(!overdue.stdout.contains(fresh?["id"] as? String ?? "?"))
            let english = await cli.run("privacy", "request", "list", "--status", "overdue", "--lang", "en")
            #expect(english.stdout.contains("Due") && english.stdout.contains("overdue") && english.stdout.contains("erasure"))

            let acknowledged = await cli.run("privacy", "request", "acknowledge", id)
            #expect(acknowledged.status == 0 && acknowledged.stdout.contains("quá hạn"), "still past its due date")
            let extended = await cli.run("privacy", "request", "extend", id, "--days", "10", "--reason", "Chờ hồ sơ gốc")
            #expect(extended.status == 0 && extended.stdout.contains("15/03/2026") && extended.stdout.contains("+10: Chờ hồ sơ gốc"))
            let again = await cli.run("privacy", "request", "extend", id, "--days", "5", "--reason", "Lần nữa")
            #expect(again.status != 0 && again.stderr.split(separator: "\n").count == 1)
            #expect(again.stderr.contains("gia hạn một lần"))

            let noBasis = await cli.run("privacy", "request", "refuse", id)
            #expect(noBasis.status == 2)
            let blankBasis = await cli.run("privacy", "request", "refuse", id, "--basis", "  ")
            #expect(blankBasis.status == 2 && blankBasis.stderr.contains("basis"))
            let refused = await cli.run("privacy", "request", "refuse", id, "--basis", "Khoản 3 Điều 4 Luật 91/2025/QH15")
            #expect(refused.status == 0 && refused.stdout.contains("từ chối") && refused.stdout.contains("Khoản 3 Điều 4"))
            let done = await cli.run("privacy", "request", "complete", id)
            #expect(done.status != 0 && done.stderr.contains("đã kết thúc"))

            let shown = try await cli.json("privacy", "request", "show", id) as? [String: Any]
            #expect(shown?["status"] as? String == "refused" && shown?["extension_days"] as? Int == 10)

            for bad in [["privacy", "request", "open", "--candidate", candidateID, "--kind", "xoa"],
                        ["privacy", "request", "open", "--candidate", "abc", "--kind", "access"],
                        ["privacy", "request", "open", "--candidate", candidateID, "--kind", "access", "--received", "01/01/2099"],
                        ["privacy", "request", "extend", id, "--days", "0", "--reason", "x"],
                        ["privacy", "request", "list", "--status", "late"],
                        ["privacy", "request", "show", "not-an-id"]] {
                let result = await cli.run(bad)
                #expect(result.status == 2, "\(bad): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(bad)")
            }
            let all = try await cli.json("privacy", "request", "list") as? [Any]
            #expect(all?.count == 2, "bad input wrote nothing")
            let audit = try await cli.json("audit", "list", "--entity", "privacy_request:\(id)") as? [[String: Any]]
            #expect(audit?.count == 4)
        }
    }

    @Test("a breach: the 72-hour deadline printed, the notification recorded once, late shown as late")
    func breaches() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let added = await cli.run("breach", "add", "--discovered", "20/11/2026 08:00",
                                      "--description", "Máy tính xách tay có tệp xuất bị mất", "--records", "250")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("Hạn thông báo:") && added.stdout.contains("23/11/2026 08:00"))
            #expect(added.stdout.contains("QUÁ HẠN"))
            let id = try #require(added.stdout.split(separator: "\n").first { $0.hasPrefix("Mã:") }?
                .split(separator: " ").last.map(String.init))

            let early = await cli.run("breach", "notify", id, "--on", "2026-11-19 08:00")
            #expect(early.status == 2 && early.stderr.contains("phát hiện"))
            let late = await cli.run("breach", "notify", id, "--on", "2026-11-24 09:30")
            #expect(late.status == 0 && late.stdout.contains("thông báo muộn") && late.stdout.contains("MUỘN"))
            let twice = await cli.run("breach", "notify", id, "--on", "2026-11-24 10:00")
            #expect(twice.status != 0 && twice.stderr.split(separator: "\n").count == 1)

            let json = try await cli.json("breach", "add", "--discovered", JSONWriter.iso8601(Date().addingTimeInterval(-600)),
                                          "--description", "Nghi truy cập trái phép") as? [String: Any]
            #expect(json?["status"] as? String == "pending")
            let list = await cli.run("breach", "list", "--lang", "en")
            #expect(list.status == 0 && list.stdout.contains("notified late") && list.stdout.contains("to notify, in time"))
            for bad in [["breach", "add", "--discovered", "hôm qua", "--description", "x"],
                        ["breach", "add", "--discovered", "2099-01-01 08:00", "--description", "x"],
                        ["breach", "add", "--discovered", "2026-11-20 08:00", "--description", " "]] {
                let result = await cli.run(bad)
                #expect(result.status == 2, "\(bad): \(result.stderr)")
            }
        }
    }

    @Test("the inventory lists table.column with its category, purpose and retention, in Vietnamese by default")
    func inventory() async throws {
        try await TestDatabase.withDatabase { database in
            let cli = CLIRunner(databaseURL: database.url)
            let shown = await cli.run("privacy", "inventory")
            #expect(shown.status == 0)
            let line = try #require(shown.stdout.split(separator: "\n").first { $0.contains("candidates.citizen_id") })
            #expect(line.contains("nhận dạng") && line.contains("tuyển dụng") && line.contains("đến khi xóa hồ sơ ứng viên"))
            #expect(!shown.stdout.contains("agencies.name"))
            let csv = await cli.run("privacy", "inventory", "--format", "csv")
            #expect(csv.stdout.contains("candidates.citizen_id,identity,recruitment,candidate"))
        }
    }
}
