import Foundation

/// One referrer's record (plan 483, III.3.c: those who recommend talent answer for their recommendations).
public struct ReferrerStats: Sendable, Encodable, Hashable {
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

    enum CodingKeys: String, CodingKey {
        case referrerKind = "referrer_kind", referrer, referrerName = "referrer_name", referrals, credited
        case reachedEvaluation = "reached_evaluation", hired, rejected, medianPanelScore = "median_panel_score"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(referrerKind, forKey: .referrerKind)
        try c.encode(referrer, forKey: .referrer)
        try c.encode(referrerName, forKey: .referrerName)
        try c.encode(referrals, forKey: .referrals)
        try c.encode(credited, forKey: .credited)
        try c.encode(reachedEvaluation, forKey: .reachedEvaluation)
        try c.encode(hired, forKey: .hired)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(medianPanelScore, forKey: .medianPanelScore)
    }
}
