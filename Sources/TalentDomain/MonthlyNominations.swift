import Foundation

/// Nominations of one partner in one month, for the dashboard's chart.
public struct MonthlyNominations: Sendable, Hashable {
    public var partnerCode: String
    public var month: String
    public var nominations: Int

    public init(partnerCode: String, month: String, nominations: Int) {
        self.partnerCode = partnerCode
        self.month = month
        self.nominations = nominations
    }
}
