import Foundation

/// One base backup of the database cluster, as `talent backup run` took it and `talent backup list` shows it. With
/// the WAL archived since, a restore starts from it and replays up to any moment after `finishedAt`.
public struct BaseBackup: Sendable, Equatable {
    /// The folder of the backup: its start in UTC, `20261202T013005Z`.
    public var id: String
    public var label: String
    /// When the backup began, to the second (rounded down).
    public var startedAt: Date
    /// When it ended, to the second (rounded up): any moment from this one on can be restored from it.
    public var finishedAt: Date
    /// Bytes on disk (the compressed archives and the manifest).
    public var sizeBytes: Int64
    public var timeline: Int
    /// The WAL positions the backup spans (`0/2000028`) and the segment files that hold them.
    public var startLSN: String
    public var endLSN: String
    public var startWAL: String
    public var endWAL: String

    public init(id: String, label: String, startedAt: Date, finishedAt: Date, sizeBytes: Int64, timeline: Int,
                startLSN: String, endLSN: String, startWAL: String, endWAL: String) {
        self.id = id
        self.label = label
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.sizeBytes = sizeBytes
        self.timeline = timeline
        self.startLSN = startLSN
        self.endLSN = endLSN
        self.startWAL = startWAL
        self.endWAL = endWAL
    }

    /// The backup a restore to `time` starts from: the latest one finished by then (by `nil`, the latest of all).
    public static func base(for time: Date?, among backups: [BaseBackup]) -> BaseBackup? {
        backups.filter { time == nil || $0.finishedAt <= time! }.max { $0.finishedAt < $1.finishedAt }
    }
}

/// A data directory that `talent backup restore` wrote: a base backup, and the settings that make PostgreSQL replay
/// the WAL archive on its first start, up to the target time, and then open for writes.
public struct RestoredBackup: Sendable, Equatable {
    /// The data directory, as an absolute path.
    public var target: String
    public var backupID: String
    /// The recovery target exactly as written into the settings (`2026-12-02 01:30:05.123+00`); nil: all of the
    /// archive.
    public var recoveryTargetTime: String?
    public var restoreCommand: String
    /// Where the restored server listens when the restore started it (`127.0.0.1:55462`); nil when it did not.
    public var serverAddress: String?
    /// The shell line that starts it (with `PORT` to fill in when no port was given).
    public var startCommand: String

    public init(target: String, backupID: String, recoveryTargetTime: String?, restoreCommand: String,
                serverAddress: String?, startCommand: String) {
        self.target = target
        self.backupID = backupID
        self.recoveryTargetTime = recoveryTargetTime
        self.restoreCommand = restoreCommand
        self.serverAddress = serverAddress
        self.startCommand = startCommand
    }
}

/// A moment to restore to, as an operator types it: ISO 8601 with an offset (`2026-12-02T08:30:05+07:00`,
/// `2026-12-02T01:30:05.250Z`), or without one in the province's clock as tables print it (`2026-12-02 08:30:05`,
/// `02/12/2026 08:30`).
public enum PointInTime {
    public static func parse(_ text: String, field: String = "time") throws(ServiceError) -> Date {
        let bad = ServiceError.invalid(
            field, vi: "phải là một thời điểm như 2026-12-02T08:30:05+07:00 hoặc 02/12/2026 08:30 (giờ Việt Nam)",
            en: "must be a moment such as 2026-12-02T08:30:05+07:00 or 02/12/2026 08:30 (Vietnam time)")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // `2026-12-02 08:30:05+07:00` is ISO 8601 with a space, as PostgreSQL prints times.
        var iso = trimmed
        if let space = iso.firstIndex(of: " "), iso[..<space].count == 10, iso[..<space].contains("-") {
            iso.replaceSubrange(space...space, with: "T")
        }
        // The ISO 8601 parser is lenient (hour 25, trailing text): the shape and the ranges are checked first.
        if iso.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:?\d{2})$"#,
                     options: .regularExpression) != nil {
            let digits = Array(iso.utf8)
            func number(_ at: Int) -> Int { Int(digits[at] - UInt8(ascii: "0")) * 10 + Int(digits[at + 1] - UInt8(ascii: "0")) }
            guard CalendarDate(String(iso.prefix(10))) != nil, number(11) < 24, number(14) < 60, number(17) < 60 else {
                throw bad
            }
            for style in [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)] {
                if let date = try? Date(iso, strategy: style) { return date }
            }
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = CalendarDate.vietnam
        formatter.isLenient = false
        for format in ["yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
                       "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy HH:mm:ss", "d/M/yyyy HH:mm"] {
            formatter.dateFormat = format
            // The formatter accepts some text it would not write (`2026-02-30`): only what it writes back counts.
            if let date = formatter.date(from: iso), formatter.string(from: date) == iso { return date }
        }
        throw bad
    }

    /// A time as PostgreSQL reads it in `recovery_target_time`, in UTC to the microsecond.
    public static func postgresText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let micros = Int((date.timeIntervalSince1970 - date.timeIntervalSince1970.rounded(.down)) * 1_000_000)
        return formatter.string(from: date) + String(format: ".%06d", micros) + "+00"
    }
}
