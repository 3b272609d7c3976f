import Foundation
import TalentDomain
import TalentStore
import TalentWire
import Testing

/// `talent backup list | restore` over a backup directory, without PostgreSQL: what is listed, and every refusal of a
/// restore is one line, exit 2, with nothing written. Tests/backup.sh takes real backups and restores them.
@Suite("Backups: the catalog and the refusals of a restore")
struct BackupCLITests {
    /// A backup directory holding one recorded backup, finished at `finished`.
    static func directory(finished: Date) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talent-backup-\(UUID().uuidString)")
        let backup = BaseBackup(id: "20261202T013005Z", label: "trước đợt B", startedAt: finished.addingTimeInterval(-5),
                                finishedAt: finished, sizeBytes: 4_200_000, timeline: 1, startLSN: "0/2000028",
                                endLSN: "0/2000100", startWAL: "000000010000000000000002",
                                endWAL: "000000010000000000000002")
        let base = folder.appendingPathComponent("base/\(backup.id)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try Data(backup.jsonString(pretty: true).utf8).write(to: base.appendingPathComponent("backup.json"))
        // A backup that never finished is not listed.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("base/20261202T020000Z.partial"),
                                                withIntermediateDirectories: true)
        return folder
    }

    static func cli(_ folder: URL) -> CLIRunner {
        CLIRunner(databaseURL: .localDefault, environment: ["TALENT_BACKUP_DIR": folder.path])
    }

    @Test("the list: Vietnamese, English and the JSON it is recorded in")
    func list() async throws {
        let folder = try Self.directory(finished: Date(timeIntervalSince1970: 1_796_175_005))
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = Self.cli(folder)
        let vi = await cli.run("backup", "list")
        #expect(vi.status == 0, "\(vi.stderr)")
        #expect(vi.stdout.contains("Dung lượng") && vi.stdout.contains("02/12/2026 08:30:05")
                && vi.stdout.contains("trước đợt B") && vi.stdout.contains("4.2 MB"), "\(vi.stdout)")
        let en = await cli.run("backup", "list", "--lang", "en")
        #expect(en.stdout.contains("Finished") && en.stdout.contains("First WAL"), "\(en.stdout)")
        let json = try #require(try await cli.json("backup", "list") as? [[String: Any]])
        #expect(json.count == 1)
        #expect(json.first?["finished_at"] as? String == "2026-12-02T01:30:05Z")
        #expect(json.first?["end_wal"] as? String == "000000010000000000000002")
        let empty = await CLIRunner(databaseURL: .localDefault, environment: ["TALENT_BACKUP_DIR": folder.path + "/none"])
            .run("backup", "list")
        #expect(empty.status == 0 && empty.stdout.contains("(không có)"), "\(empty.stdout)")
    }

    @Test("a restore is refused in one line, exit 2, writing nothing", arguments: [
        (["--time", "hôm qua"], "thời điểm: phải là một thời điểm"),
        (["--time", "2026-02-30 08:00"], "thời điểm: phải là một thời điểm"),
        (["--time", "2020-01-01T00:00:00Z"], "trước khi bản sao lưu đầu tiên kết thúc (2026-12-02T01:30:05Z)"),
        (["--time", "2999-01-01T00:00:00Z"], "tương lai"),
        (["--start-port", "80"], "cổng khởi động: phải từ 1024 đến 65535"),
    ])
    func refused(arguments: [String], message: String) async throws {
        let folder = try Self.directory(finished: Date(timeIntervalSince1970: 1_796_175_005))
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("restored").path
        let result = await Self.cli(folder).run(["backup", "restore", "--target", target] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("a target that is not an empty directory, and a directory without backups")
    func targetsAndNoBackup() async throws {
        let folder = try Self.directory(finished: Date(timeIntervalSince1970: 1_796_175_005))
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = folder.appendingPathComponent("full")
        try FileManager.default.createDirectory(at: full, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full.appendingPathComponent("PG_VERSION").path, contents: Data("15".utf8))
        let refused = await Self.cli(folder).run("backup", "restore", "--target", full.path, "--lang", "en")
        #expect(refused.status == 2 && refused.stderr.contains("is not an empty directory"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: full.path) == ["PG_VERSION"])
        let none = await CLIRunner(databaseURL: .localDefault, environment: ["TALENT_BACKUP_DIR": full.path])
            .run("backup", "restore", "--target", folder.appendingPathComponent("x").path)
        #expect(none.status == 2 && none.stderr.contains("talent backup run"), "\(none.stderr)")
    }
}
