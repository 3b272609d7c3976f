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


/// How the pipeline report can be grouped.
public enum PipelineGrouping: String, Sendable, Codable, CaseIterable {
    case agency
    case positionKind = "position_kind"
    /// The kind of the candidate's credited referral: person, user, agency, partner, self (or none).
    case source
    /// The partner of the candidate's credited referral (applications without one are left out).
    case partner
}

/// One stage of the pipeline: how many applications are in it now, how many ever entered it, the share of those that
/// went on to the next stage of the forward path, and the median days a completed stay in it lasted.
public struct StageFigures: Sendable, Hashable, Encodable {
    public var stage: PipelineStage
    public var count: Int
    public var reached: Int
    public var conversion: Double?
    public var medianDays: Double?

    public init(stage: PipelineStage, count: Int, reached: Int, conversion: Double? = nil, medianDays: Double?) {
        self.stage = stage
        self.count = count
        self.reached = reached
        self.conversion = conversion
        self.medianDays = medianDays
    }

    enum CodingKeys: String, CodingKey {
        case stage, count, reached, conversion, medianDays = "median_days"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encode(count, forKey: .count)
        try c.encode(reached, forKey: .reached)
        try c.encode(conversion, forKey: .conversion)
        try c.encode(medianDays, forKey: .medianDays)
    }

    /// Every stage in the contract's order, missing ones as zero, with the conversions filled in.
    public static func complete(_ figures: [StageFigures]) -> [StageFigures] {
        var byStage = Dictionary(figures.map { ($0.stage, $0) }, uniquingKeysWith: { a, _ in a })
        for stage in PipelineStage.allCases where byStage[stage] == nil {
            byStage[stage] = StageFigures(stage: stage, count: 0, reached: 0, medianDays: nil)
        }
        for (i, stage) in PipelineStage.path.enumerated() where i + 1 < PipelineStage.path.count {
            let here = byStage[stage]!.reached
            let next = byStage[PipelineStage.path[i + 1]]!.reached
            byStage[stage]!.conversion = here > 0 ? Double(next) / Double(here) : nil
        }
        return PipelineStage.allCases.map { byStage[$0]! }
    }
}

/// One group of the pipeline report.
public struct PipelineGroup: Sendable, Hashable, Encodable {
    public var key: String
    public var label: String
    public var applications: Int
    public var stages: [StageFigures]

    public init(key: String, label: String, stages: [StageFigures]) {
        self.key = key
        self.label = label
        self.stages = stages
        self.applications = stages.reduce(0) { $0 + $1.count }
    }

    enum CodingKeys: String, CodingKey { case key, group, label, applications, stages }

    /// `key` is the group's code or value; `group` repeats it under the name of the grouping's parameter.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(key, forKey: .group)
        try c.encode(label, forKey: .label)
        try c.encode(applications, forKey: .applications)
        try c.encode(stages, forKey: .stages)
    }
}

/// The pipeline: per stage over open and closed applications, narrowed by agency, position kind and the period the
/// applications were opened in, optionally grouped.
public struct PipelineReport: Sendable, Hashable, Encodable {
    public var agency: String?
    public var positionKind: PositionKind?
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var groupBy: PipelineGrouping?
    public var applications: Int
    public var stages: [StageFigures]
    public var groups: [PipelineGroup]?

    public init(agency: String?, positionKind: PositionKind?, from: CalendarDate?, to: CalendarDate?,
                groupBy: PipelineGrouping?, stages: [StageFigures], groups: [PipelineGroup]?) {
        self.agency = agency
        self.positionKind = positionKind
        self.from = from
        self.to = to
        self.groupBy = groupBy
        self.stages = stages
        self.groups = groups
        self.applications = stages.reduce(0) { $0 + $1.count }
    }

    /// The figure of one stage.
    public func stage(_ stage: PipelineStage) -> StageFigures {
        stages.first { $0.stage == stage } ?? StageFigures(stage: stage, count: 0, reached: 0, medianDays: nil)
    }

    enum CodingKeys: String, CodingKey {
        case agency, positionKind = "position_kind", from, to, groupBy = "group_by", applications, stages, groups
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agency, forKey: .agency)
        try c.encode(positionKind, forKey: .positionKind)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(groupBy, forKey: .groupBy)
        try c.encode(applications, forKey: .applications)
        try c.encode(stages, forKey: .stages)
        if let groups { try c.encode(groups, forKey: .groups) }
    }
}

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

/// Nominations of one partner in one month, for the dashboard's chart.
public struct MonthlyNominations: Sendable, Hashable, Encodable {
    public var partnerCode: String
    public var month: String
    public var nominations: Int

    public init(partnerCode: String, month: String, nominations: Int) {
        self.partnerCode = partnerCode
        self.month = month
        self.nominations = nominations
    }

    enum CodingKeys: String, CodingKey { case partnerCode = "partner_code", month, nominations }
}

/// Hires of one kind at one agency.
public struct AgencyHires: Sendable, Hashable, Encodable {
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

    enum CodingKeys: String, CodingKey {
        case agencyCode = "agency_code", agencyName = "agency_name", positionKind = "position_kind", hired
    }
}

/// The panels of a year: applications scored, sheets, complete panels and their verdicts.
public struct EvaluationSummary: Sendable, Hashable, Encodable {
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

    enum CodingKeys: String, CodingKey {
        case applications, sheets, complete, passed, failed, medianPanelScore = "median_panel_score"
    }
}

/// The yearly report to leadership (plan 483, section IV): targets and progress, the pipeline and hires by agency,
/// partners and their agreements, referrers, and the evaluations held.
public struct AnnualReport: Sendable, Hashable, Encodable {
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

    public init(year: Int, asOf: CalendarDate, generatedAt: Date, targets: [TargetProgress], pipeline: PipelineReport,
                hires: [AgencyHires], partners: [PartnerStats], referrers: [ReferrerStats], evaluations: EvaluationSummary) {
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

    enum CodingKeys: String, CodingKey {
        case year, asOf = "as_of", generatedAt = "generated_at", targets, pipeline, hires, partners, referrers, evaluations
    }

    /// Whether anything happened in the year at all.
    public var isEmpty: Bool {
        pipeline.applications == 0 && hires.isEmpty && partners.allSatisfy { $0.quotaUsed == 0 } && referrers.isEmpty
            && evaluations.sheets == 0
    }
}
