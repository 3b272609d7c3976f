import Foundation

/// One referrer's record (plan 483, III.3.c: those who recommend talent answer for their recommendations).
public struct ReferrerStats: Sendable, Hashable {
    public var referrerKind: String
    public var referrer: String
    public var referrerName: String?
    public var referrals: Int
    public var credited: Int
    public var reachedEvaluation: Int
    public var hired: Int
    public var rejected: Int
    /// The median panel score of the candidates they referred, once evaluations exist.
    public var medianPanelScore: Double?

    public init(referrerKind: String, referrer: String, referrerName: String?, referrals: Int, credited: Int,
                reachedEvaluation: Int, hired: Int, rejected: Int, medianPanelScore: Double?) {
        self.referrerKind = referrerKind
        self.referrer = referrer
        self.referrerName = referrerName
        self.referrals = referrals
        self.credited = credited
        self.reachedEvaluation = reachedEvaluation
        self.hired = hired
        self.rejected = rejected
        self.medianPanelScore = medianPanelScore
    }
}
