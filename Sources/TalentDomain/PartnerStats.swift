import Foundation

/// Per partner and agreement: nominations, the yearly quota and how much of it this year used, and how far the
/// nominated candidates went.
public struct PartnerStats: Sendable, Hashable, Encodable {
    public var partnerCode: String
    public var partnerName: String
    public var agreementID: UUID?
    public var agreementReference: String?
    public var agreementStatus: AgreementStatus?
    public var startsOn: CalendarDate?
    public var endsOn: CalendarDate?
    public var yearlyQuota: Int?
    public var nominations: Int
    public var quotaUsed: Int
    public var reachedEvaluation: Int
    public var hired: Int

    public init(partnerCode: String, partnerName: String, agreementID: UUID?, agreementReference: String?,
                agreementStatus: AgreementStatus?, startsOn: CalendarDate?, endsOn: CalendarDate?, yearlyQuota: Int?,
                nominations: Int, quotaUsed: Int, reachedEvaluation: Int, hired: Int) {
        self.partnerCode = partnerCode
        self.partnerName = partnerName
        self.agreementID = agreementID
        self.agreementReference = agreementReference
        self.agreementStatus = agreementStatus
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.yearlyQuota = yearlyQuota
        self.nominations = nominations
        self.quotaUsed = quotaUsed
        self.reachedEvaluation = reachedEvaluation
        self.hired = hired
    }

    enum CodingKeys: String, CodingKey {
        case partnerCode = "partner_code", partnerName = "partner_name", agreementID = "agreement_id"
        case agreementReference = "agreement_reference", agreementStatus = "agreement_status", startsOn = "starts_on"
        case endsOn = "ends_on", yearlyQuota = "yearly_quota", nominations, quotaUsed = "quota_used"
        case reachedEvaluation = "reached_evaluation", hired
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(partnerCode, forKey: .partnerCode)
        try c.encode(partnerName, forKey: .partnerName)
        try c.encode(agreementID?.text, forKey: .agreementID)
        try c.encode(agreementReference, forKey: .agreementReference)
        try c.encode(agreementStatus, forKey: .agreementStatus)
        try c.encode(startsOn, forKey: .startsOn)
        try c.encode(endsOn, forKey: .endsOn)
        try c.encode(yearlyQuota, forKey: .yearlyQuota)
        try c.encode(nominations, forKey: .nominations)
        try c.encode(quotaUsed, forKey: .quotaUsed)
        try c.encode(reachedEvaluation, forKey: .reachedEvaluation)
        try c.encode(hired, forKey: .hired)
    }
}
