import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

/// `talent backup run | list | restore`: base backups and point-in-time restores of the cluster, on the server host.
struct BackupCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "backup",
            abstract: L(vi: "Sao lưu liên tục và khôi phục về một thời điểm (pg_basebackup và kho lưu trữ WAL).",
                        en: "Continuous backup and point-in-time restore (pg_basebackup and the WAL archive)."),
            discussion: L(vi: "Thư mục sao lưu: TALENT_BACKUP_DIR, backup_dir trong config/talent.json, mặc định .data/backup (base/ là các bản sao lưu, wal/ là kho lưu trữ WAL mà archive_command của PostgreSQL chép vào). Vai trò sao lưu: TALENT_BACKUP_URL, mặc định talent_backup (REPLICATION) trên máy chủ của DATABASE_URL.",
                          en: "Backup directory: TALENT_BACKUP_DIR, backup_dir in config/talent.json, else .data/backup (base/ holds the backups, wal/ the WAL archive that PostgreSQL's archive_command copies into). Backup role: TALENT_BACKUP_URL, else talent_backup (REPLICATION) on DATABASE_URL's server."),
            subcommands: [Run.self, List.self, Restore.self])
    }

    struct Run: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Tạo một bản sao lưu nền (base backup) ngay bây giờ.",
                                             en: "Take a base backup now."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Nhãn của bản sao lưu (mặc định: talent và thời điểm).",
                        en: "The backup's label (default: talent and the time).")) var label: String?

        func run() async throws {
            let printer = global.printer
            let run = try await global.backups().run(label: label)
            if let warning = run.warning { printer.console.err("talent: " + warning.text(printer.language)) }
            printer.record(run.backup, Columns.backup, trailer: LocalizedText(
                vi: "Đã sao lưu. Khôi phục: talent backup restore --target THƯ_MỤC [--time THỜI_ĐIỂM]",
                en: "Backed up. To restore: talent backup restore --target DIR [--time TIME]").text(printer.language))
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các bản sao lưu, cũ nhất trước.",
                                             en: "List the backups, oldest first."))
        }
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let printer = global.printer
            printer.list(try global.backups().list(), Columns.backup)
        }
    }

    struct Restore: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Ghi vào một thư mục trống dữ liệu của cụm tại một thời điểm, từ bản sao lưu gần nhất trước đó và kho WAL.",
                            en: "Write into an empty directory the cluster's data as of a moment, from the latest backup before it and the WAL archive."),
                discussion: L(vi: "Thời điểm: ISO 8601 (2026-12-02T08:30:05+07:00) hoặc giờ Việt Nam như bảng in ra (02/12/2026 08:30:05). Không có --time: mọi thứ đã lưu trữ. Không có --start-port: in dòng lệnh để khởi động.",
                              en: "Time: ISO 8601 (2026-12-02T08:30:05+07:00) or Vietnam time as tables print it (02/12/2026 08:30:05). Without --time: everything archived. Without --start-port: prints the line that starts it."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Thư mục dữ liệu mới (chưa có hoặc trống).", en: "The new data directory (absent or empty).")) var target: String
        @Option(help: L(vi: "Khôi phục đến thời điểm này.", en: "Restore to this moment.")) var time: String?
        @Option(name: .customLong("start-port"),
                help: L(vi: "Khởi động cụm đã khôi phục trên 127.0.0.1:CỔNG và chờ đến khi nó nhận ghi.",
                        en: "Start the restored cluster on 127.0.0.1:PORT and wait until it takes writes.")) var startPort: Int?

        func run() async throws {
            let printer = global.printer
            let restored = try await global.backups().restore(target: target, time: time, startPort: startPort)
            let until = restored.recoveryTargetTime.map { LocalizedText(vi: " đến \($0)", en: " to \($0)") }
                ?? LocalizedText(vi: " đến hết kho lưu trữ WAL", en: " to the end of the WAL archive")
            printer.message(LocalizedText(
                vi: "Đã khôi phục bản sao lưu \(restored.backupID) vào \(restored.target)\(until.vi).",
                en: "Restored backup \(restored.backupID) into \(restored.target)\(until.en)."))
            if let address = restored.serverAddress {
                printer.message(LocalizedText(vi: "Cụm đã khôi phục đang chạy trên \(address) và nhận ghi.",
                                              en: "The restored cluster runs on \(address) and takes writes."))
            } else {
                printer.message(LocalizedText(
                    vi: "Khởi động (thay PORT bằng một cổng còn trống; cụm nhận kết nối khi phục hồi xong, xem server.log): \(restored.startCommand)",
                    en: "Start it (PORT: a free port; it takes connections once recovery is over, see server.log): \(restored.startCommand)"))
            }
            if printer.format != .table { printer.record(restored, Columns.restoredBackup) }
        }
    }
}

extension GlobalOptions {
    /// The backups of the configured cluster; on the server host only, like the commands that own the database.
    func backups() throws -> BackupService {
        if hasServer { throw ServiceError.serverHostOnly }
        guard let host = ServiceHosting.current else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Chưa cấu hình nơi tạo dịch vụ",
                                                               en: "No service host is configured"))
        }
        return try host.backups(connection, environment: console.environment)
    }
}

extension Columns {
    static let backup: [Column<BaseBackup>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id },
        Column("label", vi: "Nhãn", en: "Label") { $0.label },
        Column("started_at", vi: "Bắt đầu", en: "Started", value: { JSONWriter.iso8601($0.startedAt) },
               cell: { backup, _ in backup.startedAt.toTheSecond }),
        Column("finished_at", vi: "Kết thúc", en: "Finished", value: { JSONWriter.iso8601($0.finishedAt) },
               cell: { backup, _ in backup.finishedAt.toTheSecond }),
        Column("size_bytes", vi: "Dung lượng", en: "Size", value: { String($0.sizeBytes) },
               cell: { backup, _ in String(format: "%.1f MB", Double(backup.sizeBytes) / 1_000_000) }),
        Column("start_wal", vi: "WAL đầu", en: "First WAL") { $0.startWAL },
        Column("end_wal", vi: "WAL cuối", en: "Last WAL") { $0.endWAL },
    ]

    static let restoredBackup: [Column<RestoredBackup>] = [
        Column("target", vi: "Thư mục", en: "Directory") { $0.target },
        Column("backup_id", vi: "Bản sao lưu", en: "Backup") { $0.backupID },
        Column("recovery_target_time", vi: "Đến thời điểm", en: "Recovery target") { $0.recoveryTargetTime ?? "" },
        Column("server_address", vi: "Máy chủ", en: "Server") { $0.serverAddress ?? "" },
        Column("start_command", vi: "Lệnh khởi động", en: "Start command") { $0.startCommand },
    ]
}

extension Date {
    /// `02/12/2026 08:30:05` in the province's clock: a backup's times to the second, as `--time` takes them back.
    var toTheSecond: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = CalendarDate.vietnam
        formatter.dateFormat = "dd/MM/yyyy HH:mm:ss"
        return formatter.string(from: self)
    }
}
