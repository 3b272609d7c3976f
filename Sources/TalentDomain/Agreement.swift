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
    /// The transfer terms of Decree 356/2025/NĐ-CP Art. 7.1; nil for an agreement recorded without them (shown as
    /// lacking them, never refused).
    public var transfer: TransferTerms?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, partnerCode: String, reference: String, title: String?, signedOn: CalendarDate?,
                startsOn: CalendarDate, endsOn: CalendarDate, storedStatus: AgreementStatus, fields: [String],
                yearlyQuota: Int?, training: String?, notes: String?, transfer: TransferTerms? = nil, version: Int,
                createdAt: Date, updatedAt: Date) {
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
        self.transfer = transfer
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
    /// nil: none (a patch naming `transfer` with nil clears them).
    public var transfer: TransferTermsDraft?

    public init(reference: String? = nil, title: String? = nil, signedOn: String? = nil, startsOn: String? = nil,
                endsOn: String? = nil, fields: [String] = [], yearlyQuota: Int? = nil, training: String? = nil,
                notes: String? = nil, transfer: TransferTermsDraft? = nil) {
        self.reference = reference
        self.title = title
        self.signedOn = signedOn
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.fields = fields
        self.yearlyQuota = yearlyQuota
        self.training = training
        self.notes = notes
        self.transfer = transfer
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
    public var transfer: TransferTerms?

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
        transfer = draft.transfer.flatMap { TransferTerms.check($0, into: &v) }
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

/// What becomes of the transferred data at the end of the processing period.
public enum TransferDisposal: String, Sendable, Codable, CaseIterable {
    /// Deleted by the tracker (safe against restoration, Decree 356 Art. 14).
    case delete
    /// Returned to the partner, and the tracker's copy deleted.
    case `return`
}

/// The transfer terms of Decree 356/2025/NĐ-CP Art. 7.1 that an agreement records: why the partner passes personal
/// data, which kinds (the inventory's categories), for how long the tracker processes them, what happens to them
/// at the end, and who answers the data subjects' requests.
public struct TransferTerms: Sendable, Hashable {
    public var purpose: String
    public var dataTypes: [PersonalDataCategory]
    /// The processing period, in days from the day the data is received.
    public var retentionDays: Int
    public var disposal: TransferDisposal
    /// Who answers the data subjects' requests about the transferred data (an office, a name, an e-mail).
    public var requestsContact: String

    /// The kinds of data a partner may pass: the inventory's categories of a candidate's data.
    public static let transferableTypes: [PersonalDataCategory] = [
        .identity, .contact, .profile, .education, .career, .evaluation, .referral, .consent, .freeText,
    ]
    public static let longestRetentionDays = 3650

    public init(purpose: String, dataTypes: [PersonalDataCategory], retentionDays: Int, disposal: TransferDisposal,
                requestsContact: String) {
        self.purpose = purpose
        self.dataTypes = dataTypes
        self.retentionDays = retentionDays
        self.disposal = disposal
        self.requestsContact = requestsContact
    }

    /// The terms the draft states, each bad or missing field named `transfer.FIELD` in `v`; nil when any is.
    public static func check(_ draft: TransferTermsDraft, into v: inout FieldValidator) -> TransferTerms? {
        let before = v.errors.count
        let purpose = v.text("transfer.purpose", draft.purpose, required: true, maxLength: 2000, multiline: true)
        var types: [PersonalDataCategory] = []
        if draft.dataTypes.isEmpty {
            v.add("transfer.data_types", vi: "bắt buộc: ít nhất một loại dữ liệu (\(Self.typeCodes))",
                  en: "is required: at least one kind of data (\(Self.typeCodes))")
        }
        for (i, raw) in draft.dataTypes.enumerated() {
            guard let type = PersonalDataCategory(rawValue: raw),
                  Self.transferableTypes.contains(type) else {
                v.add("transfer.data_types[\(i)]", vi: "phải là một trong: \(Self.typeCodes)",
                      en: "must be one of: \(Self.typeCodes)")
                continue
            }
            if !types.contains(type) { types.append(type) }
        }
        var days: Int?
        if draft.retentionDays == nil {
            v.add("transfer.retention_days", vi: "bắt buộc: thời hạn xử lý, tính bằng ngày",
                  en: "is required: the processing period, in days")
        } else {
            days = v.integer("transfer.retention_days", draft.retentionDays, in: 1...Self.longestRetentionDays)
        }
        let disposal = v.oneOf("transfer.disposal", draft.disposal, TransferDisposal.self, required: true)
        let contact = v.text("transfer.requests_contact", draft.requestsContact, required: true, maxLength: 500)
        guard v.errors.count == before, let purpose, let days, let disposal, let contact else { return nil }
        return TransferTerms(purpose: purpose, dataTypes: types, retentionDays: days, disposal: disposal,
                             requestsContact: contact)
    }

    static var typeCodes: String { transferableTypes.map(\.rawValue).joined(separator: ", ") }
}

/// Transfer terms as typed, before they are checked.
public struct TransferTermsDraft: Sendable, Hashable {
    public var purpose: String?
    public var dataTypes: [String]
    public var retentionDays: Int?
    public var disposal: String?
    public var requestsContact: String?

    public init(purpose: String? = nil, dataTypes: [String] = [], retentionDays: Int? = nil, disposal: String? = nil,
                requestsContact: String? = nil) {
        self.purpose = purpose
        self.dataTypes = dataTypes
        self.retentionDays = retentionDays
        self.disposal = disposal
        self.requestsContact = requestsContact
    }

    /// The draft of terms already held, to change some of them.
    public init(_ terms: TransferTerms) {
        self.init(purpose: terms.purpose, dataTypes: terms.dataTypes.map(\.rawValue), retentionDays: terms.retentionDays,
                  disposal: terms.disposal.rawValue, requestsContact: terms.requestsContact)
    }
}

extension TransferDisposal: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .delete: LocalizedText(vi: "xóa dữ liệu", en: "deleted")
        case .return: LocalizedText(vi: "trả lại cho đối tác và xóa bản lưu", en: "returned to the partner, the copy deleted")
        }
    }
}
