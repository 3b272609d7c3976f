import Foundation
import TalentDomain
import TalentStore
import TalentWire

#if canImport(Glibc)
import Glibc
#endif

/// Where backups live and how they are taken (`TALENT_BACKUP_DIR`, `TALENT_BACKUP_URL`, `TALENT_PG_BIN`).
public struct BackupSettings: Sendable, Equatable {
    /// The backup directory: `base/ID/` holds each base backup, `wal/` the WAL segments that PostgreSQL's
    /// `archive_command` copies there (deploy/local/db.sh with `TALENT_PG_ARCHIVE=DIR/wal`).
    public var directory: URL
    /// The role `pg_basebackup` connects as: one with the REPLICATION attribute (the local cluster's
    /// `talent_backup`); it reads every file of the cluster, so it is kept for backups alone.
    public var sourceURL: DatabaseURL
    /// Where the PostgreSQL programs are; nil: the newest /usr/lib/postgresql/N/bin, else the PATH.
    public var binDirectory: URL?

    public init(directory: URL = URL(fileURLWithPath: ".data/backup"), sourceURL: DatabaseURL = .localBackupDefault,
                binDirectory: URL? = nil) {
        self.directory = directory
        self.sourceURL = sourceURL
        self.binDirectory = binDirectory
    }

    public var baseDirectory: URL { directory.appendingPathComponent("base") }
    public var walDirectory: URL { directory.appendingPathComponent("wal") }
}

/// Continuous archiving with point-in-time recovery, with PostgreSQL's own tools: `pg_basebackup` takes base
/// backups (tar, gzip, with the WAL they need), PostgreSQL's `archive_command` copies each finished WAL segment into
/// the backup directory, and a restore writes a data directory that replays that archive up to a chosen moment.
public struct BackupService: Sendable {
    let settings: BackupSettings
    /// The clock, for tests.
    let now: @Sendable () -> Date

    public init(settings: BackupSettings, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.now = now
    }

    /// A base backup was taken, and whether the server archives WAL where the restore will look for it.
    public struct Run: Sendable {
        public var backup: BaseBackup
        /// Nil when the backup's last WAL segment is in the archive (so archiving works); else what to do.
        public var warning: LocalizedText?
    }

    // MARK: Backup

    /// Takes a base backup with `pg_basebackup` into `base/ID/` and records it in `backup.json`; a failed backup
    /// leaves nothing behind.
    public func run(label: String?) async throws -> Run {
        if let label, label.isEmpty || label.count > 100 || label.contains(where: \.isNewline) {
            throw ServiceError.invalid("backup_label", vi: "phải có từ 1 đến 100 ký tự, trên một dòng",
                                       en: "must be 1 to 100 characters on one line")
        }
        let files = FileManager.default
        let base = settings.baseDirectory
        try createDirectory(base)
        let started = Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down))
        var id = Self.backupID(started)
        var n = 1
        while files.fileExists(atPath: base.appendingPathComponent(id).path) {
            n += 1
            id = Self.backupID(started) + "-\(n)"
        }
        let label = label ?? "talent \(id)"
        let partial = base.appendingPathComponent(id + ".partial")
        try? files.removeItem(at: partial)
        let program = try postgresProgram("pg_basebackup")
        let source = settings.sourceURL
        var connection = "host=\(source.host) port=\(source.port) user=\(source.user) connect_timeout=10"
        if source.requireTLS { connection += " sslmode=require" }
        // The password goes in the environment, never on a command line that `ps` shows.
        let environment = source.password.map { ["PGPASSWORD": $0] } ?? [:]
        let result = try await program.run(
            ["--dbname", connection, "--pgdata", partial.path, "--format", "tar", "--gzip", "--wal-method", "stream",
             "--checkpoint", "fast", "--label", label, "--no-password"], environment: environment)
        guard result.status == 0 else {
            try? files.removeItem(at: partial)
            throw ServiceError(.unavailable, LocalizedText(
                vi: "Sao lưu không thành công (\(source.user)@\(source.host):\(source.port)): \(result.lastError)",
                en: "The backup failed (\(source.user)@\(source.host):\(source.port)): \(result.lastError)"))
        }
        do {
            let finished = Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.up))
            let range = try Self.walRange(manifest: partial.appendingPathComponent("backup_manifest"))
            let segments = try await walSegments(partial.appendingPathComponent("pg_wal.tar.gz"))
            guard let first = segments.first, let last = segments.last else {
                throw ServiceError(.internalFailure, LocalizedText(vi: "Bản sao lưu không có tệp WAL nào",
                                                                   en: "The backup holds no WAL file"))
            }
            var backup = BaseBackup(id: id, label: label, startedAt: started, finishedAt: finished, sizeBytes: 0,
                                    timeline: range.timeline, startLSN: range.start, endLSN: range.end,
                                    startWAL: first, endWAL: last)
            backup.sizeBytes = Self.size(of: partial)
            try Data(backup.jsonString(pretty: true).utf8).write(to: partial.appendingPathComponent("backup.json"))
            try files.moveItem(at: partial, to: base.appendingPathComponent(id))
            // With archiving on, the server answered only once the backup's last segment was archived.
            let archived = files.fileExists(atPath: settings.walDirectory.appendingPathComponent(last).path)
            return Run(backup: backup, warning: archived ? nil : LocalizedText(
                vi: "Máy chủ chưa lưu trữ WAL vào \(settings.walDirectory.path) (archive_mode, archive_command): bản sao lưu này chỉ khôi phục được đến lúc nó kết thúc",
                en: "The server does not archive WAL into \(settings.walDirectory.path) (archive_mode, archive_command): this backup restores only to its own end"))
        } catch {
            try? files.removeItem(at: partial)
            throw error
        }
    }

    /// Every recorded backup, oldest first.
    public func list() throws -> [BaseBackup] {
        let base = settings.baseDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        var backups: [BaseBackup] = []
        for name in names where !name.hasSuffix(".partial") {
            let file = base.appendingPathComponent(name).appendingPathComponent("backup.json")
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            do throws(ServiceError) {
                backups.append(try BaseBackup(wireBytes: data))
            } catch {
                throw ServiceError(.internalFailure, LocalizedText(vi: "Tệp \(file.path) không đọc được: \(error.message.vi)",
                                                                   en: "Cannot read \(file.path): \(error.message.en)"))
            }
        }
        return backups.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
    }

    // MARK: Restore

    /// Writes at `target` (a new or empty directory) the data directory of the cluster as it was at `time` (ISO 8601,
    /// or the province's clock; nil: everything archived): the latest base backup finished by then, with
    /// `restore_command` reading the WAL archive, `recovery_target_time` and `recovery_target_action = promote`.
    /// With `startPort`, also starts it there on 127.0.0.1 and returns once recovery has ended and it takes writes.
    public func restore(target: String, time: String?, startPort: Int? = nil) async throws -> RestoredBackup {
        let files = FileManager.default
        var moment: Date?
        if let time { moment = try PointInTime.parse(time) }
        if let moment, moment > now() {
            throw ServiceError.invalid("time", vi: "là thời điểm trong tương lai", en: "is in the future")
        }
        if let startPort, !(1024...65535).contains(startPort) {
            throw ServiceError.invalid("start_port", vi: "phải từ 1024 đến 65535", en: "must be from 1024 to 65535")
        }
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        var isDirectory: ObjCBool = false
        let existed = files.fileExists(atPath: targetURL.path, isDirectory: &isDirectory)
        if existed, !isDirectory.boolValue || !((try? files.contentsOfDirectory(atPath: targetURL.path)) ?? [""]).isEmpty {
            throw ServiceError.invalid("target", vi: "\(targetURL.path) không phải thư mục trống",
                                       en: "\(targetURL.path) is not an empty directory")
        }
        let backups = try list()
        guard let first = backups.min(by: { $0.finishedAt < $1.finishedAt }) else {
            throw ServiceError(.notFound, LocalizedText(
                vi: "Chưa có bản sao lưu nào trong \(settings.baseDirectory.path): chạy `talent backup run`",
                en: "No backup in \(settings.baseDirectory.path) yet: run `talent backup run`"))
        }
        guard let backup = BaseBackup.base(for: moment, among: backups) else {
            throw ServiceError.invalid(
                "time", vi: "trước khi bản sao lưu đầu tiên kết thúc (\(JSONWriter.iso8601(first.finishedAt)))",
                en: "is before the end of the first backup (\(JSONWriter.iso8601(first.finishedAt)))")
        }
        // PostgreSQL stops at the first commit after the target; an archive that ends before it ends the recovery
        // with an error (PostgreSQL 13 and later), so a target beyond the archive is refused here.
        let wal = settings.walDirectory.resolvingSymlinksInPath()
        if let moment, let newest = Self.newestArchived(wal), moment > newest {
            throw ServiceError.invalid(
                "time", vi: "sau tệp WAL cuối cùng đã lưu trữ (\(JSONWriter.iso8601(newest))): phần sau chưa có trong kho lưu trữ; bỏ --time để khôi phục mọi thứ đã lưu trữ",
                en: "is after the last archived WAL segment (\(JSONWriter.iso8601(newest))): what came later is not archived yet; omit --time to restore everything archived")
        }
        guard !wal.path.contains("'"), !wal.path.contains("\"") else {
            throw ServiceError.invalid("backup_dir", vi: "không được chứa dấu nháy", en: "must not contain quotes")
        }

        let folder = settings.baseDirectory.appendingPathComponent(backup.id)
        try createDirectory(targetURL)
        var restored: RestoredBackup
        var start: (pgCtl: ExternalProgram, arguments: [String], owner: String?)
        do {
            let tar = ExternalProgram.system("tar")
            let pgWAL = targetURL.appendingPathComponent("pg_wal")
            for (archive, into) in [("base.tar.gz", targetURL), ("pg_wal.tar.gz", pgWAL)] {
                try createDirectory(into)
                let result = try await tar.run(["--extract", "--gzip", "--no-same-owner", "--file",
                                                folder.appendingPathComponent(archive).path, "--directory", into.path])
                guard result.status == 0 else {
                    throw ServiceError(.internalFailure, LocalizedText(vi: "Giải nén \(archive) không thành công: \(result.lastError)",
                                                                       en: "Extracting \(archive) failed: \(result.lastError)"))
                }
            }
            let restoreCommand = "cp \"\(wal.path.replacingOccurrences(of: "%", with: "%%"))/%f\" \"%p\""
            let targetTime = moment.map(PointInTime.postgresText)
            var settingsText = """

                # Written by `talent backup restore` from backup \(backup.id): replay the WAL archive\(targetTime.map { " up to \($0)" } ?? ""),
                # then open for writes. No hot standby during recovery: PostgreSQL then needs none of the primary's
                # connection settings, and it takes connections only once recovery is over.
                restore_command = '\(restoreCommand.replacingOccurrences(of: "'", with: "''"))'
                recovery_target_action = 'promote'
                hot_standby = off

                """
            if let targetTime { settingsText += "recovery_target_time = '\(targetTime)'\n" }
            let autoConf = targetURL.appendingPathComponent("postgresql.auto.conf")
            let handle = try FileHandle(forWritingTo: autoConf)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(settingsText.utf8))
            try handle.close()
            files.createFile(atPath: targetURL.appendingPathComponent("recovery.signal").path, contents: Data())
            try files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: targetURL.path)
            // Restored as root: the files go to the server's OS user, who owns the WAL archive it writes.
            let owner = try await giveToArchiveOwner(targetURL, archive: wal)
            // pg_ctl comes with the server's package, not the client's: the line to start it names it anyway.
            let pgCtl = ExternalProgram.postgres("pg_ctl", in: settings.binDirectory) ?? ExternalProgram(executable: "pg_ctl")
            let startArguments = ["-D", targetURL.path, "-l", targetURL.appendingPathComponent("server.log").path, "-w",
                                  "-t", "600", "-o",
                                  "-p \(startPort.map(String.init) ?? "PORT") -c listen_addresses=127.0.0.1 -c unix_socket_directories=",
                                  "start"]
            let prefix = owner.map { ["runuser", "-u", $0, "--"] } ?? []
            let startCommand = (prefix + [pgCtl.executable] + startArguments).map(Self.shellQuoted).joined(separator: " ")
            restored = RestoredBackup(target: targetURL.path, backupID: backup.id, recoveryTargetTime: targetTime,
                                      restoreCommand: restoreCommand, serverAddress: nil, startCommand: startCommand)
            start = (pgCtl, startArguments, owner)
        } catch {
            // Nothing half-written stays: the directory is emptied (removed when this restore made it).
            if existed {
                for name in (try? files.contentsOfDirectory(atPath: targetURL.path)) ?? [] {
                    try? files.removeItem(at: targetURL.appendingPathComponent(name))
                }
            } else {
                try? files.removeItem(at: targetURL)
            }
            throw error
        }
        // A restored directory whose server does not start stays, with its log, for the operator to read.
        if let startPort {
            try await self.start(pgCtl: start.pgCtl, arguments: start.arguments, owner: start.owner, target: targetURL)
            restored.serverAddress = "127.0.0.1:\(startPort)"
        }
        return restored
    }

    /// Starts the restored cluster and waits for the end of its recovery (PostgreSQL removes `recovery.signal`).
    private func start(pgCtl: ExternalProgram, arguments: [String], owner: String?, target: URL) async throws {
        // The server outlives this call: it must not inherit the descriptors by which Foundation learns that the
        // program it ran has ended (else that end comes only when the server stops). bash closes them first.
        let closeAndRun = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; exec "$@""#
        let command = (owner.map { [ExternalProgram.system("runuser").executable, "-u", $0, "--"] } ?? [])
            + [pgCtl.executable] + arguments
        let result = try await ExternalProgram.system("bash").run(["-c", closeAndRun, "bash"] + command)
        // pg_ctl may return while the end of recovery is still being written: done when PostgreSQL has removed
        // `recovery.signal` and says it is ready in postmaster.pid; failed when the server is gone.
        let signal = target.appendingPathComponent("recovery.signal").path
        let pid = target.appendingPathComponent("postmaster.pid").path
        let deadline = Date().addingTimeInterval(600)
        while result.status == 0, Date() < deadline {
            guard let status = try? String(contentsOfFile: pid, encoding: .utf8) else { break }
            let ready = status.split(whereSeparator: \.isNewline).last?.trimmingCharacters(in: .whitespaces) == "ready"
            if ready, !FileManager.default.fileExists(atPath: signal) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        let log = (try? String(contentsOf: target.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
        let reason = log.split(whereSeparator: \.isNewline).last { $0.contains("FATAL") || $0.contains("PANIC") }
            .map(String.init) ?? result.lastError
        throw ServiceError(.unavailable, LocalizedText(
            vi: "Đã khôi phục vào \(target.path) nhưng máy chủ không khởi động được: \(reason)",
            en: "Restored into \(target.path) but the server did not start: \(reason)"))
    }

    // MARK: Helpers

    private func postgresProgram(_ name: String) throws -> ExternalProgram {
        guard let program = ExternalProgram.postgres(name, in: settings.binDirectory) else {
            throw ServiceError(.unavailable, LocalizedText(
                vi: "Không tìm thấy \(name) (cài gói postgresql-client-15 hoặc đặt TALENT_PG_BIN)",
                en: "Cannot find \(name) (install postgresql-client-15 or set TALENT_PG_BIN)"))
        }
        return program
    }

    private func createDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ServiceError(.unavailable, LocalizedText(vi: "Không tạo được thư mục \(url.path)",
                                                           en: "Cannot create the directory \(url.path)"))
        }
    }

    /// When this process is root and the archive belongs to another user (the one PostgreSQL runs as), gives
    /// `directory` to that user and returns the name; nil otherwise.
    private func giveToArchiveOwner(_ directory: URL, archive: URL) async throws -> String? {
        guard geteuid() == 0,
              let owner = (try? FileManager.default.attributesOfItem(atPath: archive.path))?[.ownerAccountName] as? String,
              owner != "root"
        else { return nil }
        let result = try await ExternalProgram.system("chown").run(["-R", "--reference", archive.path, directory.path])
        guard result.status == 0 else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Không đổi được chủ sở hữu của \(directory.path): \(result.lastError)",
                                                               en: "Cannot change the owner of \(directory.path): \(result.lastError)"))
        }
        return owner
    }

    /// `20261202T013005Z`.
    static func backupID(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// The timeline and WAL positions of a backup, from the `WAL-Ranges` of its `backup_manifest`.
    static func walRange(manifest: URL) throws -> (timeline: Int, start: String, end: String) {
        guard let data = FileManager.default.contents(atPath: manifest.path),
              case .object(let fields)? = try? JSONValue(parsing: data),
              case .array(let ranges)? = fields["WAL-Ranges"],
              case .object(let first)? = ranges.first, case .object(let last)? = ranges.last,
              case .number(let timeline)? = last["Timeline"],
              case .string(let start)? = first["Start-LSN"], case .string(let end)? = last["End-LSN"]
        else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Không đọc được \(manifest.path)",
                                                               en: "Cannot read \(manifest.path)"))
        }
        return (Int(timeline), start, end)
    }

    /// The WAL segment files in a backup's `pg_wal.tar.gz`, in order.
    private func walSegments(_ archive: URL) async throws -> [String] {
        let result = try await ExternalProgram.system("tar").run(["--list", "--gzip", "--file", archive.path])
        guard result.status == 0 else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Không đọc được \(archive.path): \(result.lastError)",
                                                               en: "Cannot read \(archive.path): \(result.lastError)"))
        }
        return result.output.split(whereSeparator: \.isNewline).map(String.init).filter(Self.isSegmentName).sorted()
    }

    /// `000000010000000000000003`: 24 hexadecimal digits.
    static func isSegmentName(_ name: String) -> Bool {
        name.utf8.count == 24 && name.allSatisfy(\.isHexDigit)
    }

    /// When the newest file of the WAL archive was written; nil for an empty or missing archive.
    static func newestArchived(_ wal: URL) -> Date? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: wal.path)) ?? []
        return names.filter { !$0.hasSuffix(".tmp") }.compactMap {
            (try? FileManager.default.attributesOfItem(atPath: wal.appendingPathComponent($0).path))?[.modificationDate] as? Date
        }.max()
    }

    static func size(of folder: URL) -> Int64 {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.reduce(0) { sum, name in
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path))?[.size]
            return sum + ((size as? NSNumber)?.int64Value ?? 0)
        }
    }

    static func shellQuoted(_ word: String) -> String {
        word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:".contains($0) }) && !word.isEmpty
            ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
