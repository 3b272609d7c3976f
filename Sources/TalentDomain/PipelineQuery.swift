import Foundation

/// How the pipeline report is narrowed and grouped: an agency, a kind of position, a period of opening, a grouping.
public struct PipelineQuery: Sendable, Hashable {
    public var agency: String?
    public var positionKind: PositionKind?
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var groupBy: PipelineGrouping?

    /// The whole pipeline, ungrouped.
    public static let everything = PipelineQuery(checked: nil, nil, nil, nil, nil)

    /// Typed filters; a period that ends before it starts is refused.
    public init(agency: String? = nil, positionKind: PositionKind? = nil, from: CalendarDate? = nil,
                to: CalendarDate? = nil, groupBy: PipelineGrouping? = nil) throws(ServiceError) {
        var v = FieldValidator()
        Self.checkPeriod(from: from, to: to, &v)
        try v.check()
        self.init(checked: agency, positionKind, from, to, groupBy)
    }

    /// Reads the edge's filters, naming every bad one in one error.
    public static func parse(agency: String?, positionKind: String?, from: String?, to: String?,
                             groupBy: String?) throws(ServiceError) -> PipelineQuery {
        var v = FieldValidator()
        let agency = v.code("agency", agency, required: false)
        let kind = v.oneOf("position_kind", positionKind, PositionKind.self)
        let from = v.date("from", from)
        let to = v.date("to", to)
        let grouping = v.oneOf("group_by", groupBy, PipelineGrouping.self)
        checkPeriod(from: from, to: to, &v)
        try v.check()
        return PipelineQuery(checked: agency, kind, from, to, grouping)
    }

    private init(checked agency: String?, _ positionKind: PositionKind?, _ from: CalendarDate?, _ to: CalendarDate?,
                 _ groupBy: PipelineGrouping?) {
        self.agency = agency
        self.positionKind = positionKind
        self.from = from
        self.to = to
        self.groupBy = groupBy
    }

    private static func checkPeriod(from: CalendarDate?, to: CalendarDate?, _ v: inout FieldValidator) {
        if let from, let to, to < from { v.add("to", vi: "phải sau ngày from", en: "must not be before from") }
    }
}
