import Foundation

/// How a civil servant is hired: the methods of Decree 170/2025/NĐ-CP and the special intake of talented people under
/// Decree 179/2024/NĐ-CP.
public enum HiringMethod: String, Sendable, Codable, CaseIterable, LabeledCode {
    case thiTuyen = "thi_tuyen"
    case xetTuyen = "xet_tuyen"
    case tiepNhan = "tiep_nhan"
    case thuHut = "thu_hut"

    public var label: LocalizedText {
        switch self {
        case .thiTuyen: LocalizedText(vi: "thi tuyển", en: "competitive examination")
        case .xetTuyen: LocalizedText(vi: "xét tuyển", en: "selection by review")
        case .tiepNhan: LocalizedText(vi: "tiếp nhận", en: "direct intake")
        case .thuHut: LocalizedText(vi: "thu hút người có tài năng (Nghị định 179/2024/NĐ-CP)",
                                    en: "intake of talented people (Decree 179/2024/NĐ-CP)")
        }
    }
}

/// A hiring decision (quyết định tuyển dụng / tiếp nhận), kept as signed: it moves its application to `hired`, dates
/// the hire by its effective date, and makes the candidate an official in post.
public struct HiringDecision: Sendable, Hashable {
    public var id: UUID
    public var applicationID: UUID
    public var number: String
    public var signedOn: CalendarDate
    public var signer: String
    public var effectiveOn: CalendarDate
    public var method: HiringMethod?
    public var recordedBy: String
    public var recordedAt: Date
    /// The official the decision put in post.
    public var officialID: UUID?

    public init(id: UUID, applicationID: UUID, number: String, signedOn: CalendarDate, signer: String,
                effectiveOn: CalendarDate, method: HiringMethod?, recordedBy: String, recordedAt: Date, officialID: UUID?) {
        self.id = id
        self.applicationID = applicationID
        self.number = number
        self.signedOn = signedOn
        self.signer = signer
        self.effectiveOn = effectiveOn
        self.method = method
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.officialID = officialID
    }
}

/// A decision as typed.
public struct HiringDecisionDraft: Sendable, Hashable {
    public var applicationID: String?
    public var number: String?
    public var signedOn: String?
    public var signer: String?
    public var effectiveOn: String?
    public var method: String?

    public init(applicationID: String? = nil, number: String? = nil, signedOn: String? = nil, signer: String? = nil,
                effectiveOn: String? = nil, method: String? = nil) {
        self.applicationID = applicationID
        self.number = number
        self.signedOn = signedOn
        self.signer = signer
        self.effectiveOn = effectiveOn
        self.method = method
    }
}

/// A decision checked: signed not after today, effective not before it was signed (an individual decision does not
/// reach back), and within the plan's years.
public struct ValidHiringDecision: Sendable, Hashable {
    public var applicationID: UUID
    public var number: String
    public var signedOn: CalendarDate
    public var signer: String
    public var effectiveOn: CalendarDate
    public var method: HiringMethod?

    public init(_ draft: HiringDecisionDraft, today: CalendarDate = .today()) throws(ServiceError) {
        var v = FieldValidator()
        let application = v.uuid("application_id", draft.applicationID, required: true)
        let number = v.text("number", draft.number, required: true, maxLength: 100)
        let earliest = CalendarDate(year: 2000, month: 1, day: 1)!
        let signed = v.date("signed_on", draft.signedOn, required: true, in: earliest...today)
        let signer = v.personName("signer", draft.signer)
        let effective = v.date("effective_on", draft.effectiveOn, required: true,
                               in: earliest...CalendarDate(year: 2100, month: 12, day: 31)!)
        let method = v.oneOf("method", draft.method, HiringMethod.self)
        if let signed, let effective, effective < signed {
            v.add("effective_on", vi: "không được trước ngày ký (\(signed))", en: "must not be before the signing date (\(signed))")
        }
        guard v.errors.isEmpty, let application, let number, let signed, let signer, let effective else {
            throw ServiceError.invalid(v.errors)
        }
        self.applicationID = application
        self.number = number
        self.signedOn = signed
        self.signer = signer
        self.effectiveOn = effective
        self.method = method
    }
}
