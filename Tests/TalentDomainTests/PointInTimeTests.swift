import Foundation
import TalentDomain
import Testing

/// `talent backup restore --time`: the moments an operator types, and the base backup a restore starts from.
@Suite("Backups: restore times and the base backup chosen")
struct PointInTimeTests {
    /// 2026-12-02T01:30:05Z.
    static let moment = Date(timeIntervalSince1970: 1_796_175_005)

    @Test("a moment in ISO 8601 or in the province's clock", arguments: [
        ("2026-12-02T01:30:05Z", 0.0), ("2026-12-02T08:30:05+07:00", 0), ("2026-12-02 08:30:05+07:00", 0),
        ("2026-12-02T01:30:05.250Z", 0.25), ("2026-12-02T08:30:05", 0), ("2026-12-02 08:30:05", 0),
        ("2026-12-02 08:30", -5), ("02/12/2026 08:30:05", 0), ("2/12/2026 08:30", -5), (" 2026-12-02T01:30:05Z ", 0),
        ("2026-12-02T08:30:05.500", 0.5),
    ])
    func parses(text: String, offset: Double) throws {
        #expect(try PointInTime.parse(text) == Self.moment.addingTimeInterval(offset))
    }

    @Test("anything else is refused, naming the field", arguments: [
        "", "hôm qua", "2026-12-02", "2026-02-30 08:00", "31/02/2026 08:00", "2026-12-02T25:00:00Z", "1796175005",
        "2026-12-02T08:30:05+07:00 extra",
    ])
    func refuses(text: String) {
        do {
            let date = try PointInTime.parse(text)
            Issue.record("\(text) read as \(date)")
        } catch {
            #expect(error.fieldErrors.first?.field == "time")
        }
    }

    @Test("PostgreSQL reads the target in UTC to the microsecond")
    func postgresText() {
        #expect(PointInTime.postgresText(Self.moment) == "2026-12-02 01:30:05.000000+00")
        #expect(PointInTime.postgresText(Self.moment.addingTimeInterval(0.25)) == "2026-12-02 01:30:05.250000+00")
    }

    static func backup(_ id: String, finished: Int) -> BaseBackup {
        BaseBackup(id: id, label: id, startedAt: moment.addingTimeInterval(Double(finished - 60)),
                   finishedAt: moment.addingTimeInterval(Double(finished)), sizeBytes: 1, timeline: 1,
                   startLSN: "0/1", endLSN: "0/2", startWAL: "", endWAL: "")
    }

    @Test("the latest backup finished by the target; none before the first; the latest of all without one")
    func baseBackupChosen() {
        let backups = [Self.backup("b", finished: 3600), Self.backup("a", finished: 0), Self.backup("c", finished: 7200)]
        #expect(BaseBackup.base(for: Self.moment.addingTimeInterval(3599), among: backups)?.id == "a")
        #expect(BaseBackup.base(for: Self.moment.addingTimeInterval(3600), among: backups)?.id == "b")
        #expect(BaseBackup.base(for: Self.moment.addingTimeInterval(9999), among: backups)?.id == "c")
        #expect(BaseBackup.base(for: nil, among: backups)?.id == "c")
        #expect(BaseBackup.base(for: Self.moment.addingTimeInterval(-1), among: backups) == nil)
        #expect(BaseBackup.base(for: nil, among: []) == nil)
    }
}
