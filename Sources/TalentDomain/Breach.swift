import Foundation

/// Where a breach stands against the 72-hour notification deadline (Law 91/2025/QH15 Art. 23): `pending` within
/// it, `overdue` past it without a notification, `notified` in time, `late` notified after it.
public enum BreachStatus: String, Sendable, Codable, CaseIterable {
    case pending, overdue, notified, late
}

/// A suspected or confirmed personal-data breach, the written record the law asks for.
public struct Breach: Sendable, Hashable {
    public var id: UUID
    public var discoveredAt: Date
    public var description: String
    /// How many records are affected, when known.
    public var records: Int?
    /// When the regulator was notified.
    public var notifiedAt: Date?
    public var recordedBy: String
    public var notifiedBy: String?
    public var version: Int
    public var createdAt: Date

    /// Hours from discovery to notify the regulator (Law Art. 23).
    public static let notificationHours = 72

    public init(id: UUID, discoveredAt: Date, description: String, records: Int?, notifiedAt: Date?,
                recordedBy: String, notifiedBy: String?, version: Int, createdAt: Date) {
        self.id = id
        self.discoveredAt = discoveredAt
        self.description = description
        self.records = records
        self.notifiedAt = notifiedAt
        self.recordedBy = recordedBy
        self.notifiedBy = notifiedBy
        self.version = version
        self.createdAt = createdAt
    }

    /// The deadline to notify the regulator.
    public var notifyBy: Date { discoveredAt.addingTimeInterval(TimeInterval(Self.notificationHours * 3600)) }

    public func status(at now: Date = Date()) -> BreachStatus {
        if let notifiedAt { return notifiedAt > notifyBy ? .late : .notified }
        return now > notifyBy ? .overdue : .pending
    }
}

/// A breach as typed.
public struct BreachDraft: Sendable, Hashable {
    public var discoveredAt: String?
    public var description: String?
    public var records: Int?

    public init(discoveredAt: String? = nil, description: String? = nil, records: Int? = nil) {
        self.discoveredAt = discoveredAt
        self.description = description
        self.records = records
    }
}

public struct ValidBreach: Sendable, Hashable {
    public var discoveredAt: Date
    public var description: String
    public var records: Int?

    public init(_ draft: BreachDraft, now: Date = Date()) throws(ServiceError) {
        var v = FieldValidator()
        let discovered = v.time("discovered_at", draft.discoveredAt, required: true, notAfter: now)
        let description = v.text("description", draft.description, required: true, maxLength: 10_000, multiline: true)
        records = v.integer("records", draft.records, in: 0...100_000_000)
        guard v.errors.isEmpty, let discovered, let description else { throw ServiceError.invalid(v.errors) }
        discoveredAt = discovered
        self.description = description
    }
}

/// When the regulator was notified of a breach, as typed.
public struct BreachNotificationDraft: Sendable, Hashable {
    public var notifiedAt: String?

    public init(notifiedAt: String? = nil) {
        self.notifiedAt = notifiedAt
    }
}

public struct BreachNotification: Sendable, Hashable {
    public var notifiedAt: Date

    public init(_ draft: BreachNotificationDraft, now: Date = Date()) throws(ServiceError) {
        var v = FieldValidator()
        let notified = v.time("notified_at", draft.notifiedAt, required: true, notAfter: now)
        guard v.errors.isEmpty, let notified else { throw ServiceError.invalid(v.errors) }
        notifiedAt = notified
    }
}

extension FieldValidator {
    /// An ISO 8601 time with its offset (`2026-11-30T08:15:00+07:00`, `2026-11-30T01:15:00Z`), not later than
    /// `notAfter` (five minutes of clock skew allowed).
    public mutating func time(_ field: String, _ raw: String?, required: Bool = false, notAfter: Date? = nil) -> Date? {
        guard let raw, !raw.isEmpty else {
            if required { add(field, vi: "bắt buộc", en: "is required") }
            return nil
        }
        guard let time = (try? Date(raw, strategy: Date.ISO8601FormatStyle()))
                ?? (try? Date(raw, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        else {
            add(field, vi: "phải là thời điểm ISO 8601, ví dụ 2026-11-30T08:15:00+07:00",
                en: "must be an ISO 8601 time such as 2026-11-30T08:15:00+07:00")
            return nil
        }
        if let notAfter, time > notAfter.addingTimeInterval(300) {
            add(field, vi: "không được ở tương lai", en: "must not be in the future")
            return nil
        }
        return time
    }
}

extension BreachStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .pending: LocalizedText(vi: "chưa thông báo, còn hạn", en: "to notify, in time")
        case .overdue: LocalizedText(vi: "quá hạn thông báo", en: "notification overdue")
        case .notified: LocalizedText(vi: "đã thông báo đúng hạn", en: "notified in time")
        case .late: LocalizedText(vi: "thông báo muộn", en: "notified late")
        }
    }
}
