import Foundation

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
public struct StageFigures: Sendable, Hashable {
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
public struct PipelineGroup: Sendable, Hashable {
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

    /// `key` is the group's code or value; `group` repeats it under the name of the grouping's parameter.

}

/// The pipeline: per stage over open and closed applications, narrowed by agency, position kind and the period the
/// applications were opened in, optionally grouped.
public struct PipelineReport: Sendable, Hashable {
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
}
