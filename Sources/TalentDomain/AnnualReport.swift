import Foundation

/// Hires of one kind at one agency.
public struct AgencyHires: Sendable, Hashable {
    public var agencyCode: String
    public var agencyName: String
    public var positionKind: PositionKind
    public var hired: Int

    public init(agencyCode: String, agencyName: String, positionKind: PositionKind, hired: Int) {
        self.agencyCode = agencyCode
        self.agencyName = agencyName
        self.positionKind = positionKind
        self.hired = hired
    }
}

/// The panels of a year: applications scored, sheets, complete panels and their verdicts.
public struct EvaluationSummary: Sendable, Hashable {
    public var applications: Int
    public var sheets: Int
    public var complete: Int
    public var passed: Int
    public var failed: Int
    public var medianPanelScore: Double?

    public init(applications: Int, sheets: Int, complete: Int, passed: Int, failed: Int, medianPanelScore: Double?) {
        self.applications = applications
        self.sheets = sheets
        self.complete = complete
        self.passed = passed
        self.failed = failed
        self.medianPanelScore = medianPanelScore
    }
}

/// The yearly report to leadership (plan 483, section IV): targets and progress, the pipeline and hires by agency,
/// partners and their agreements, referrers, and the evaluations held.
public struct AnnualReport: Sendable, Hashable {
    public var year: Int
    /// The day the figures stand on: the year's last day, or today for the current year.
    public var asOf: CalendarDate
    public var generatedAt: Date
    public var targets: [TargetProgress]
    /// Applications opened in the year, by agency.
    public var pipeline: PipelineReport
    /// Hires made in the year, by agency and kind.
    public var hires: [AgencyHires]
    /// Agreements in force at some time in the year; `quota_used` counts the year's nominations.
    public var partners: [PartnerStats]
    /// Referrals made in the year.
    public var referrers: [ReferrerStats]
    public var evaluations: EvaluationSummary
    /// Training coverage in the year against plan II.2.d (nil in a report made before training was tracked).
    public var training: TrainingReport?
    /// Commendations decided in the year.
    public var commendations: [Commendation]
    /// The first year of the figures: `year` for a yearly report, earlier for a mid-term or final review.
    public var firstYear: Int

    public init(year: Int, asOf: CalendarDate, generatedAt: Date, targets: [TargetProgress], pipeline: PipelineReport,
                hires: [AgencyHires], partners: [PartnerStats], referrers: [ReferrerStats], evaluations: EvaluationSummary,
                training: TrainingReport? = nil, commendations: [Commendation] = [], firstYear: Int? = nil) {
        self.firstYear = firstYear ?? year
        self.training = training
        self.commendations = commendations
        self.year = year
        self.asOf = asOf
        self.generatedAt = generatedAt
        self.targets = targets
        self.pipeline = pipeline
        self.hires = hires
        self.partners = partners
        self.referrers = referrers
        self.evaluations = evaluations
    }

    /// "trong năm" for a yearly report, "trong giai đoạn 2024 – 2027" for a review of several years.
    public var span: String { firstYear == year ? "trong năm" : "trong giai đoạn \(firstYear) – \(year)" }

    /// Whether anything happened in the year at all.
    public var isEmpty: Bool {
        pipeline.applications == 0 && hires.isEmpty && partners.allSatisfy { $0.quotaUsed == 0 } && referrers.isEmpty
            && evaluations.sheets == 0
    }
}
