import Foundation

/// The states an agreement is stored in; `expired` is derived from the dates.
public enum AgreementStatus: String, Sendable, Codable, CaseIterable {
    case draft, active, suspended, terminated, expired
}

/// A partnership agreement: its validity window, the fields of study it covers, the yearly nomination quota, and
/// the training commitments (plan 483, III.3.d).
public struct Agreement: Sendable, Hashable {
    public var id: UUID
    public var partnerCode: String
    public var reference: String
    public var title: String?
    public var signedOn: CalendarDate?
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate
    /// As stored: draft, active, suspended or terminated.
    public var storedStatus: AgreementStatus
    public var fields: [String]
    public var yearlyQuota: Int?
    public var training: String?
    public var notes: String?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, partnerCode: String, reference: String, title: String?, signedOn: CalendarDate?,
                startsOn: CalendarDate, endsOn: CalendarDate, storedStatus: AgreementStatus, fields: [String],
                yearlyQuota: Int?, training: String?, notes: String?, version: Int, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.partnerCode = partnerCode
        self.reference = reference
        self.title = title
        self.signedOn = signedOn
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.storedStatus = storedStatus
        self.fields = fields
        self.yearlyQuota = yearlyQuota
        self.training = training
        self.notes = notes
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The status people see: an active agreement past its end date is expired, without anyone acting.
    public func status(on day: CalendarDate = .today()) -> AgreementStatus {
        storedStatus == .active && endsOn < day ? .expired : storedStatus
    }

    /// True when it is active and its window covers the day.
    public func covers(_ day: CalendarDate) -> Bool {
        storedStatus == .active && startsOn <= day && day <= endsOn
    }
}

/// An agreement as typed, before it is checked.
public struct AgreementDraft: Sendable, Hashable {
    public var reference: String?
    public var title: String?
    public var signedOn: String?
    public var startsOn: String?
    public var endsOn: String?
    public var fields: [String]
    public var yearlyQuota: Int?
    public var training: String?
    public var notes: String?

    public init(reference: String? = nil, title: String? = nil, signedOn: String? = nil, startsOn: String? = nil,
                endsOn: String? = nil, fields: [String] = [], yearlyQuota: Int? = nil, training: String? = nil,
                notes: String? = nil) {
        self.reference = reference
        self.title = title
        self.signedOn = signedOn
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.fields = fields
        self.yearlyQuota = yearlyQuota
        self.training = training
        self.notes = notes
    }
}

public struct ValidAgreement: Sendable, Hashable {
    public var reference: String
    public var title: String?
    public var signedOn: CalendarDate?
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate
    public var fields: [String]
    public var yearlyQuota: Int?
    public var training: String?
    public var notes: String?

    public init(_ draft: AgreementDraft) throws(ServiceError) {
        var v = FieldValidator()
        let reference = v.text("reference", draft.reference, required: true, maxLength: 100)
        title = v.text("title", draft.title, maxLength: 300)
        signedOn = v.date("signed_on", draft.signedOn)
        let starts = v.date("starts_on", draft.startsOn, required: true)
        let ends = v.date("ends_on", draft.endsOn, required: true)
        if let starts, let ends, ends < starts {
            v.add("ends_on", vi: "phải sau ngày bắt đầu", en: "must not be before starts_on")
        }
        fields = v.tags("fields", draft.fields)
        yearlyQuota = v.integer("yearly_quota", draft.yearlyQuota, in: 0...100_000)
        training = v.text("training", draft.training, maxLength: 5000, multiline: true)
        notes = v.text("notes", draft.notes, maxLength: 10_000, multiline: true)
        guard v.errors.isEmpty, let reference, let starts, let ends else { throw ServiceError.invalid(v.errors) }
        self.reference = reference
        startsOn = starts
        endsOn = ends
    }
}

extension AgreementStatus: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .draft: LocalizedText(vi: "dự thảo", en: "draft")
        case .active: LocalizedText(vi: "đang hiệu lực", en: "active")
        case .suspended: LocalizedText(vi: "tạm dừng", en: "suspended")
        case .terminated: LocalizedText(vi: "đã chấm dứt", en: "terminated")
        case .expired: LocalizedText(vi: "hết hiệu lực", en: "expired")
        }
    }
}
