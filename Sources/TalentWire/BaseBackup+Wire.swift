import Foundation
import TalentDomain

/// `talent backup list --format json`, and the `backup.json` that each backup's folder holds: the catalog is these
/// records, read back with the reader below.
extension BaseBackup: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id)
            w.field("label", label)
            w.field("started_at", startedAt)
            w.field("finished_at", finishedAt)
            w.field("size_bytes", sizeBytes)
            w.field("timeline", timeline)
            w.field("start_lsn", startLSN)
            w.field("end_lsn", endLSN)
            w.field("start_wal", startWAL)
            w.field("end_wal", endWAL)
        }
    }
}

extension BaseBackup: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), label: r("label"), startedAt: r("started_at"), finishedAt: r("finished_at"),
                      sizeBytes: r("size_bytes"), timeline: r("timeline"), startLSN: r("start_lsn"),
                      endLSN: r("end_lsn"), startWAL: r("start_wal"), endWAL: r("end_wal"))
    }
}

extension RestoredBackup: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("target", target)
            w.field("backup_id", backupID)
            w.field("recovery_target_time", recoveryTargetTime)
            w.field("restore_command", restoreCommand)
            w.field("server_address", serverAddress)
            w.field("start_command", startCommand)
        }
    }
}

extension RestoredBackup: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(target: r("target"), backupID: r("backup_id"), recoveryTargetTime: r.optional("recovery_target_time"),
                      restoreCommand: r("restore_command"), serverAddress: r.optional("server_address"),
                      startCommand: r("start_command"))
    }
}
