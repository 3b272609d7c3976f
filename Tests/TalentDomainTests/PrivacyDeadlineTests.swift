import Foundation
import TalentDomain
import Testing

/// Issue 13, item 2: the Decree 356/2025/NĐ-CP clock, as arithmetic: working days skip weekends and the holidays
/// given (the database's table in production), completion days depend on the kind, one extension moves the due date.
@Suite("Privacy deadlines")
struct PrivacyDeadlineTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
    /// The 2026 holidays of migration 0015 that the cases below cross.
    static let holidays2026: Set<CalendarDate> = Set([
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-26", "2026-04-27",
        "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02",
    ].map(day))

    @Test("weekdays and day numbers")
    func calendar() {
        #expect(Self.day("2026-12-05").isWeekend && Self.day("2026-12-06").isWeekend)  // Saturday, Sunday
        #expect(!Self.day("2026-12-07").isWeekend && !Self.day("2026-12-04").isWeekend)
        #expect(Self.day("1970-01-03").isWeekend && !Self.day("1970-01-01").isWeekend)
        for text in ["1969-12-31", "2000-02-29", "2026-12-31", "2027-03-01"] {
            #expect(CalendarDate(dayNumber: Self.day(text).dayNumber) == Self.day(text))
        }
        #expect(Self.day("2026-12-31").adding(days: 1) == Self.day("2027-01-01"))
        #expect(Self.day("2028-02-28").adding(days: 1) == Self.day("2028-02-29"))
        #expect(Self.day("2026-03-01").adding(days: -1) == Self.day("2026-02-28"))
    }

    @Test("two working days skip weekends and holidays", arguments: [
        ("2026-11-30", "2026-12-02"),  // Monday: Wednesday
        ("2026-11-27", "2026-12-01"),  // Friday: over the weekend
        ("2026-11-28", "2026-12-01"),  // received on a Saturday: Monday and Tuesday
        ("2026-02-13", "2026-02-24"),  // the eve of Tết Bính Ngọ: 14–22/2 are weekends and holidays
        ("2026-04-24", "2026-04-29"),  // Friday before Giỗ Tổ (Sunday 26/4, compensated on Monday 27/4)
        ("2026-04-29", "2026-05-05"),  // 30/4 and 1/5, then a weekend
        ("2026-08-31", "2026-09-04"),  // Monday before Quốc khánh (1–2/9)
        ("2025-12-31", "2026-01-05"),  // Tết Dương lịch on a Thursday
    ])
    func acknowledgment(_ received: String, _ expected: String) {
        let by = PrivacyDeadlines.adding(workingDays: PrivacyDeadlines.acknowledgeWorkingDays, to: Self.day(received),
                                         holidays: Self.holidays2026)
        #expect(by == Self.day(expected))
    }

    @Test("without the holidays the same days are weekdays only (the table is what moves them)")
    func holidaysAreData() {
        #expect(PrivacyDeadlines.adding(workingDays: 2, to: Self.day("2026-02-13"), holidays: []) == Self.day("2026-02-17"))
    }

    @Test("completion days by kind: 10 for access and correction, 15 for withdrawal, restriction and objection, 20 for erasure")
    func completion() {
        let received = Self.day("2026-03-02")
        let expected: [PrivacyRequestKind: String] = [
            .access: "2026-03-12", .correction: "2026-03-12", .withdrawal: "2026-03-17", .restriction: "2026-03-17",
            .objection: "2026-03-17", .erasure: "2026-03-22",
        ]
        for kind in PrivacyRequestKind.allCases {
            let deadlines = PrivacyDeadlines.deadlines(kind: kind, receivedOn: received, holidays: Self.holidays2026)
            #expect(deadlines.dueOn == Self.day(expected[kind]!), "\(kind)")
            #expect(deadlines.acknowledgeBy == Self.day("2026-03-04"))
        }
        #expect(Set(PrivacyDeadlines.completionDays.keys) == Set(PrivacyRequestKind.allCases), "every kind has its rule")
    }

    static func request(due: String, status: PrivacyRequestStatus) -> PrivacyRequest {
        PrivacyRequest(id: UUID(), candidateID: UUID(), kind: .access, receivedOn: day("2026-03-02"), note: nil,
                       storedStatus: status, acknowledgeBy: day("2026-03-04"), dueOn: day(due), acknowledgedAt: nil,
                       extensionDays: nil, extensionReason: nil, extendedAt: nil, refusalBasis: nil, closedAt: nil,
                       openedBy: "x", closedBy: nil, version: 1, createdAt: Date(), updatedAt: Date())
    }

    @Test("a request not done or refused reads overdue the day after its due date, not on it")
    func overdue() {
        for status in [PrivacyRequestStatus.open, .acknowledged, .extended] {
            #expect(Self.request(due: "2026-03-12", status: status).status(on: Self.day("2026-03-12")) == status)
            #expect(Self.request(due: "2026-03-12", status: status).status(on: Self.day("2026-03-13")) == .overdue)
        }
        for status in [PrivacyRequestStatus.done, .refused] {
            #expect(Self.request(due: "2026-03-12", status: status).status(on: Self.day("2027-01-01")) == status)
        }
    }

    @Test("a change: an extension needs days and a reason, a refusal its legal basis, and nothing else is taken")
    func changes() throws {
        #expect(try PrivacyRequestChange(status: "acknowledged").action() == .acknowledge)
        #expect(try PrivacyRequestChange(status: "done").action() == .complete)
        #expect(try PrivacyRequestChange(status: "refused", basis: "Điều 4").action() == .refuse(basis: "Điều 4"))
        #expect(try PrivacyRequestChange(status: "extended", days: 10, reason: "Chờ hồ sơ").action()
                == .extend(days: 10, reason: "Chờ hồ sơ"))
        let refused: [(PrivacyRequestChange, String)] = [
            (PrivacyRequestChange(), "status"),
            (PrivacyRequestChange(status: "overdue"), "status"),
            (PrivacyRequestChange(status: "refused"), "basis"),
            (PrivacyRequestChange(status: "refused", basis: "   "), "basis"),
            (PrivacyRequestChange(status: "extended", reason: "x"), "days"),
            (PrivacyRequestChange(status: "extended", days: 10), "reason"),
            (PrivacyRequestChange(status: "extended", days: 0, reason: "x"), "days"),
            (PrivacyRequestChange(status: "extended", days: PrivacyDeadlines.maxExtensionDays + 1, reason: "x"), "days"),
            (PrivacyRequestChange(status: "done", basis: "Điều 4"), "basis"),
            (PrivacyRequestChange(status: "acknowledged", days: 3), "days"),
        ]
        for (change, field) in refused {
            #expect(throws: ServiceError.self, "\(change)") { try change.action() }
            do { _ = try change.action() } catch {
                #expect(error.fieldErrors.map(\.field).contains(field), "\(change): \(error.fieldErrors)")
            }
        }
    }

    @Test("a new request: today by default, never in the future")
    func newRequest() throws {
        let today = Self.day("2026-12-01")
        let valid = try ValidPrivacyRequest(PrivacyRequestDraft(candidateID: UUID().uuidString, kind: "erasure"), today: today)
        #expect(valid.receivedOn == today && valid.kind == .erasure)
        #expect(throws: ServiceError.self) {
            try ValidPrivacyRequest(PrivacyRequestDraft(candidateID: UUID().uuidString, kind: "erasure",
                                                        receivedOn: "2026-12-02"), today: today)
        }
        #expect(throws: ServiceError.self) {
            try ValidPrivacyRequest(PrivacyRequestDraft(candidateID: "abc", kind: "erase"), today: today)
        }
    }

    @Test("a breach: 72 hours from discovery; notified after them is late, not notified past them is overdue")
    func breach() throws {
        let discovered = Date(timeIntervalSince1970: 1_796_000_000)
        var breach = Breach(id: UUID(), discoveredAt: discovered, description: "x", records: nil, notifiedAt: nil,
                            recordedBy: "x", notifiedBy: nil, version: 1, createdAt: discovered)
        #expect(breach.notifyBy == discovered.addingTimeInterval(72 * 3600))
        #expect(breach.status(at: discovered.addingTimeInterval(71 * 3600)) == .pending)
        #expect(breach.status(at: discovered.addingTimeInterval(73 * 3600)) == .overdue)
        breach.notifiedAt = discovered.addingTimeInterval(72 * 3600)
        #expect(breach.status() == .notified)
        breach.notifiedAt = discovered.addingTimeInterval(72 * 3600 + 1)
        #expect(breach.status() == .late)
        let now = Date()
        #expect(throws: ServiceError.self) {
            try ValidBreach(BreachDraft(discoveredAt: JSONWriter.iso8601(now.addingTimeInterval(3600)), description: "x"), now: now)
        }
        let valid = try ValidBreach(BreachDraft(discoveredAt: "2026-11-30T08:15:00+07:00", description: " Mất máy "), now: now)
        #expect(valid.discoveredAt == Date(timeIntervalSince1970: 1_796_001_300) && valid.description == "Mất máy")
    }

    @Test("an annotation: personal with its purpose and retention is an inventory item; not personal is not")
    func annotations() {
        let item = DataInventoryItem(table: "candidates", column: "citizen_id",
                                     comment: "personal: identity; purpose: recruitment; retention: candidate")
        #expect(item == DataInventoryItem(table: "candidates", column: "citizen_id", category: "identity",
                                          purpose: "recruitment", retention: "candidate"))
        #expect(DataInventoryItem(table: "agencies", column: "name", comment: "not personal: an agency's name") == nil)
        #expect(DataInventoryItem.isAnnotation("not personal: an agency's name"))
        #expect(!DataInventoryItem.isAnnotation("the person's name"))
        for column in ["full_name", "email", "phone", "citizen_id", "date_of_birth", "home_address", "recorded_by"] {
            #expect(DataInventoryItem.suggestsPersonalData(column), "\(column)")
        }
        #expect(!DataInventoryItem.suggestsPersonalData("openings"))
    }
}
