import Foundation

/// Why a person's data was erased.
public enum ErasureBasis: String, Sendable, CaseIterable, LabeledCode {
    /// The person asked (a data subject's request of kind `erasure`).
    case request
    /// The retention rule: not recruited, and the time after their last application closed has passed.
    case retention
    /// The data-protection officer decided it without a recorded request.
    case officer

    public var label: LocalizedText {
        switch self {
        case .request: LocalizedText(vi: "theo yêu cầu của chủ thể dữ liệu", en: "at the data subject's request")
        case .retention: LocalizedText(vi: "hết thời hạn lưu trữ", en: "retention period over")
        case .officer: LocalizedText(vi: "theo quyết định của người phụ trách bảo vệ dữ liệu",
                                     en: "decided by the data-protection officer")
        }
    }
}

/// What an erasure did: the person's identifying data is gone from every table and from the audit entries about
/// them, while the counts stay.
public struct Erasure: Sendable, Hashable {
    public var candidateID: UUID
    public var erasedAt: Date
    public var basis: ErasureBasis
    /// The data subject's request it completed.
    public var requestID: UUID?
    /// Open applications withdrawn by the erasure.
    public var withdrawnApplications: [UUID]
    /// How many audit entries about the person were redacted.
    public var redactedEntries: Int

    public init(candidateID: UUID, erasedAt: Date, basis: ErasureBasis, requestID: UUID?,
                withdrawnApplications: [UUID], redactedEntries: Int) {
        self.candidateID = candidateID
        self.erasedAt = erasedAt
        self.basis = basis
        self.requestID = requestID
        self.withdrawnApplications = withdrawnApplications
        self.redactedEntries = redactedEntries
    }
}

/// A person the retention rule erases (or would, in a dry run): not recruited, their last application closed
/// `closedOn`, and no `talent_pool` consent in force.
public struct RetentionDue: Sendable, Hashable {
    public var candidateID: UUID
    /// When their last application closed.
    public var lastClosedAt: Date
    /// The day the rule erases them (the close plus the configured days).
    public var dueOn: CalendarDate

    public init(candidateID: UUID, lastClosedAt: Date, dueOn: CalendarDate) {
        self.candidateID = candidateID
        self.lastClosedAt = lastClosedAt
        self.dueOn = dueOn
    }
}

/// A run of the retention rule: who was due, and whether they were erased (false for a dry run).
public struct RetentionRun: Sendable, Hashable {
    public var ranAt: Date
    public var days: Int
    public var dryRun: Bool
    public var due: [RetentionDue]

    public init(ranAt: Date, days: Int, dryRun: Bool, due: [RetentionDue]) {
        self.ranAt = ranAt
        self.days = days
        self.dryRun = dryRun
        self.due = due
    }
}
