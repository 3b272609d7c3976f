import Foundation

/// Per partner and agreement: nominations, the yearly quota and how much of it this year used, and how far the
/// nominated candidates went.
public struct PartnerStats: Sendable, Hashable {
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
}
