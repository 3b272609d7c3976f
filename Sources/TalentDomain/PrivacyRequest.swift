import Foundation

/// What a data subject asks for (Law 91/2025/QH15 Art. 4).
public enum PrivacyRequestKind: String, Sendable, Codable, CaseIterable {
    case access, correction, erasure, restriction, objection, withdrawal
}

/// A request's state. `overdue` is never stored: an unfinished request reads it past its due date.
public enum PrivacyRequestStatus: String, Sendable, Codable, CaseIterable {
    case open, acknowledged, extended, done, refused, overdue

    /// The states a request is stored in.
    public static let stored: [PrivacyRequestStatus] = [.open, .acknowledged, .extended, .done, .refused]
    /// Still to be answered.
    public var isPending: Bool { self == .open || self == .acknowledged || self == .extended || self == .overdue }
}

/// The deadlines of Decree 356/2025/NĐ-CP Art. 5, in one place: a request is acknowledged within 2 working days of
/// its receipt and completed within a number of days that depends on its kind (the longer periods the decree gives
/// when a processor must act are not used: the province processes its own data). One extension is allowed, notified
/// with its reason; the decree's text as summarised in issue 13 gives it no length, so `maxExtensionDays` only bounds
/// a typing mistake.
public enum PrivacyDeadlines {
    /// Working days (weekends and public holidays skipped) to acknowledge a request.
    public static let acknowledgeWorkingDays = 2
    /// Calendar days from receipt to complete a request, by kind.
    public static let completionDays: [PrivacyRequestKind: Int] = [
        .access: 10, .correction: 10,
        .withdrawal: 15, .restriction: 15, .objection: 15,
        .erasure: 20,
    ]
    /// The longest single extension, in calendar days.
    public static let maxExtensionDays = 30

    public static func completionDays(_ kind: PrivacyRequestKind) -> Int { completionDays[kind] ?? 10 }

    /// The day `workingDays` working days after `day`: weekends and `holidays` do not count.
    public static func adding(workingDays: Int, to day: CalendarDate, holidays: Set<CalendarDate>) -> CalendarDate {
        var current = day
        var left = workingDays
        while left > 0 {
            current = current.adding(days: 1)
            if current.isWeekend || holidays.contains(current) { continue }
            left -= 1
        }
        return current
    }

    /// A new request's two deadlines.
    public static func deadlines(kind: PrivacyRequestKind, receivedOn: CalendarDate,
                                 holidays: Set<CalendarDate>) -> (acknowledgeBy: CalendarDate, dueOn: CalendarDate) {
        (adding(workingDays: acknowledgeWorkingDays, to: receivedOn, holidays: holidays),
         receivedOn.adding(days: completionDays(kind)))
    }
}

extension CalendarDate {
    /// The day `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// The date of a day number (days since 1970-01-01), the inverse of `dayNumber`.
    public init(dayNumber z0: Int) {
        // Howard Hinnant's civil_from_days.
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self = CalendarDate(year: y, month: m, day: d)!
    }

    /// Saturday or Sunday (1970-01-01 was a Thursday).
    public var isWeekend: Bool {
        let weekday = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday … 6 = Sunday
        return weekday >= 5
    }
}

/// A request from a data subject, tracked with its deadlines.
public struct PrivacyRequest: Sendable, Hashable {
    public var id: UUID
    public var candidateID: UUID
    public var kind: PrivacyRequestKind
    public var receivedOn: CalendarDate
    public var note: String?
    /// As stored: open, acknowledged, extended, done or refused.
    public var storedStatus: PrivacyRequestStatus
    public var acknowledgeBy: CalendarDate
    public var dueOn: CalendarDate
    public var acknowledgedAt: Date?
    public var extensionDays: Int?
    public var extensionReason: String?
    public var extendedAt: Date?
    public var refusalBasis: String?
    public var closedAt: Date?
    public var openedBy: String
    public var closedBy: String?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, candidateID: UUID, kind: PrivacyRequestKind, receivedOn: CalendarDate, note: String?,
                storedStatus: PrivacyRequestStatus, acknowledgeBy: CalendarDate, dueOn: CalendarDate,
                acknowledgedAt: Date?, extensionDays: Int?, extensionReason: String?, extendedAt: Date?,
                refusalBasis: String?, closedAt: Date?, openedBy: String, closedBy: String?, version: Int,
                createdAt: Date, updatedAt: Date) {
        self.id = id
        self.candidateID = candidateID
        self.kind = kind
        self.receivedOn = receivedOn
        self.note = note
        self.storedStatus = storedStatus
        self.acknowledgeBy = acknowledgeBy
        self.dueOn = dueOn
        self.acknowledgedAt = acknowledgedAt
        self.extensionDays = extensionDays
        self.extensionReason = extensionReason
        self.extendedAt = extendedAt
        self.refusalBasis = refusalBasis
        self.closedAt = closedAt
        self.openedBy = openedBy
        self.closedBy = closedBy
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The status people see: a request not yet done or refused is overdue past its due date.
    public func status(on day: CalendarDate = .today()) -> PrivacyRequestStatus {
        storedStatus.isPending && dueOn < day ? .overdue : storedStatus
    }
}

/// A request as typed, before it is checked.
public struct PrivacyRequestDraft: Sendable, Hashable {
    public var candidateID: String?
    public var kind: String?
    public var receivedOn: String?
    public var note: String?

    public init(candidateID: String? = nil, kind: String? = nil, receivedOn: String? = nil, note: String? = nil) {
        self.candidateID = candidateID
        self.kind = kind
        self.receivedOn = receivedOn
        self.note = note
    }
}

/// A new request: the candidate, its kind, the day it was received (today when not given; never in the future, nor
/// before Law 91/2025/QH15 was passed) and a note.
public struct ValidPrivacyRequest: Sendable, Hashable {
    public var candidateID: UUID
    public var kind: PrivacyRequestKind
    public var receivedOn: CalendarDate
    public var note: String?

    /// The earliest day a request can have been received.
    public static let earliest = CalendarDate(year: 2025, month: 1, day: 1)!

    public init(_ draft: PrivacyRequestDraft, today: CalendarDate = .today()) throws(ServiceError) {
        var v = FieldValidator()
        let candidate = v.uuid("candidate_id", draft.candidateID, required: true)
        let kind = v.oneOf("kind", draft.kind, PrivacyRequestKind.self, required: true)
        let received = v.date("received_on", draft.receivedOn, in: Self.earliest...today)
        note = v.text("note", draft.note, maxLength: 5000, multiline: true)
        guard v.errors.isEmpty, let candidate, let kind else { throw ServiceError.invalid(v.errors) }
        candidateID = candidate
        self.kind = kind
        receivedOn = received ?? today
    }
}

/// What a change to a request does, as a PATCH body says it: `{"status": "acknowledged"}`, `{"status": "done"}`,
/// `{"status": "refused", "basis": …}` or `{"status": "extended", "days": N, "reason": …}`.
public enum PrivacyRequestAction: Sendable, Hashable {
    case acknowledge
    case complete
    case refuse(basis: String)
    case extend(days: Int, reason: String)

    /// The status this action moves a request to.
    public var status: PrivacyRequestStatus {
        switch self {
        case .acknowledge: .acknowledged
        case .complete: .done
        case .refuse: .refused
        case .extend: .extended
        }
    }
}

/// A PATCH body as typed.
public struct PrivacyRequestChange: Sendable, Hashable {
    public var status: String?
    public var basis: String?
    public var days: Int?
    public var reason: String?

    public init(status: String? = nil, basis: String? = nil, days: Int? = nil, reason: String? = nil) {
        self.status = status
        self.basis = basis
        self.days = days
        self.reason = reason
    }

    /// The statuses a change may ask for.
    public enum Target: String, CaseIterable {
        case acknowledged, done, refused, extended
    }

    /// Checks the body: a refusal needs its legal basis, an extension its days and reason; a field that does not
    /// belong to the status asked for is refused rather than ignored.
    public func action() throws(ServiceError) -> PrivacyRequestAction {
        var v = FieldValidator()
        let target = v.oneOf("status", status, Target.self, required: true)
        let basis = v.text("basis", self.basis, required: target == .refused, maxLength: 2000, multiline: true)
        let reason = v.text("reason", self.reason, required: target == .extended, maxLength: 2000, multiline: true)
        var days: Int?
        if target == .extended {
            if self.days == nil { v.add("days", vi: "bắt buộc", en: "is required") }
            days = v.integer("days", self.days, in: 1...PrivacyDeadlines.maxExtensionDays)
        }
        if let target {
            if target != .refused, self.basis != nil {
                v.add("basis", vi: "chỉ dùng khi từ chối (status refused)", en: "belongs to a refusal (status refused) only")
            }
            if target != .extended, self.days != nil {
                v.add("days", vi: "chỉ dùng khi gia hạn (status extended)", en: "belongs to an extension (status extended) only")
            }
            if target != .extended, self.reason != nil {
                v.add("reason", vi: "chỉ dùng khi gia hạn (status extended)", en: "belongs to an extension (status extended) only")
            }
        }
        try v.check()
        switch target {
        case .acknowledged?: return .acknowledge
        case .done?: return .complete
        case .refused?: return .refuse(basis: basis!)
        case .extended?: return .extend(days: days!, reason: reason!)
        case nil: throw ServiceError.invalid("status", vi: "bắt buộc", en: "is required")
        }
    }
}

extension PrivacyRequestKind: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .access: LocalizedText(vi: "xem, nhận bản sao dữ liệu", en: "access")
        case .correction: LocalizedText(vi: "chỉnh sửa dữ liệu", en: "correction")
        case .erasure: LocalizedText(vi: "xóa dữ liệu", en: "erasure")
        case .restriction: LocalizedText(vi: "hạn chế xử lý", en: "restriction")
        case .objection: LocalizedText(vi: "phản đối xử lý", en: "objection")
        case .withdrawal: LocalizedText(vi: "rút lại sự đồng ý", en: "withdrawal of consent")
        }
    }
}

extension PrivacyRequestStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .open: LocalizedText(vi: "mới nhận", en: "open")
        case .acknowledged: LocalizedText(vi: "đã phản hồi tiếp nhận", en: "acknowledged")
        case .extended: LocalizedText(vi: "đã gia hạn", en: "extended")
        case .done: LocalizedText(vi: "đã thực hiện", en: "done")
        case .refused: LocalizedText(vi: "từ chối", en: "refused")
        case .overdue: LocalizedText(vi: "quá hạn", en: "overdue")
        }
    }
}
