import Foundation

/// How many officers of a kind an agency must have hired by a deadline (plan 483: the Department of Justice's core
/// drafting force, a legal-affairs officer in every department). Targets are data; they follow agencies through
/// mergers.
public struct Target: Sendable, Hashable, Encodable {
    public var id: UUID
    public var agencyCode: String
    public var positionKind: PositionKind
    public var count: Int
    public var deadline: CalendarDate
    /// Where the projection's straight line starts (the plan's date, 19/12/2024, unless given).
    public var startsOn: CalendarDate
    public var note: String?
    public var createdBy: String
    public var createdAt: Date

    public init(id: UUID, agencyCode: String, positionKind: PositionKind, count: Int, deadline: CalendarDate,
                startsOn: CalendarDate, note: String?, createdBy: String, createdAt: Date) {
        self.id = id
        self.agencyCode = agencyCode
        self.positionKind = positionKind
        self.count = count
        self.deadline = deadline
        self.startsOn = startsOn
        self.note = note
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, agencyCode = "agency_code", positionKind = "position_kind", count, deadline, startsOn = "starts_on", note
        case createdBy = "created_by", createdAt = "created_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.text, forKey: .id)
        try c.encode(agencyCode, forKey: .agencyCode)
        try c.encode(positionKind, forKey: .positionKind)
        try c.encode(count, forKey: .count)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(startsOn, forKey: .startsOn)
        try c.encode(note, forKey: .note)
        try c.encode(createdBy, forKey: .createdBy)
        try c.encode(createdAt, forKey: .createdAt)
    }

    /// The plan's date: where a target's projection starts unless it says otherwise.
    public static let planDate = CalendarDate(year: 2024, month: 12, day: 19)!
}

/// A target as typed, checked.
public struct ValidTarget: Sendable, Hashable {
    public var agencyCode: String
    public var positionKind: PositionKind
    public var count: Int
    public var deadline: CalendarDate
    public var startsOn: CalendarDate
    public var note: String?

    public init(agencyCode: String?, positionKind: String?, count: Int?, deadline: String?, startsOn: String? = nil,
                note: String?) throws(ServiceError) {
        var v = FieldValidator()
        let agency = v.code("agency_code", agencyCode)
        let kind = v.oneOf("position_kind", positionKind, PositionKind.self, required: true)
        if count == nil { v.add("count", vi: "bắt buộc", en: "is required") }
        let count = v.integer("count", count, in: 1...10_000)
        let deadline = v.date("deadline", deadline, required: true,
                              in: CalendarDate(year: 2000, month: 1, day: 1)!...CalendarDate(year: 2100, month: 12, day: 31)!)
        let starts = v.date("starts_on", startsOn) ?? Target.planDate
        if let deadline, !(starts < deadline) {
            v.add("deadline", vi: "phải sau ngày bắt đầu tính (\(starts))", en: "must be after the start of the window (\(starts))")
        }
        let note = v.text("note", note, maxLength: 2000, multiline: true)
        try v.check()
        self.agencyCode = agency!
        self.positionKind = kind!
        self.count = count!
        self.deadline = deadline!
        self.startsOn = starts
        self.note = note
    }
}

/// Where a target stands.
public enum TargetStatus: String, Sendable, Codable, CaseIterable {
    case met
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case missed
}

/// A target with the hires counted against it and its status.
public struct TargetProgress: Sendable, Hashable {
    public var target: Target
    public var agencyName: String
    /// Applications in `hired` at positions of the agency and kind, hired on or before the deadline.
    public var hired: Int
    /// Open applications at those positions now in `offer` and in `interview`.
    public var inOffer: Int
    public var inInterview: Int
    /// The hires a straight line from `starts_on` to the deadline asks for by the day of the report.
    public var expectedByNow: Int
    public var status: TargetStatus

    public init(target: Target, agencyName: String, hired: Int, inOffer: Int, inInterview: Int, expectedByNow: Int,
                status: TargetStatus) {
        self.target = target
        self.agencyName = agencyName
        self.hired = hired
        self.inOffer = inOffer
        self.inInterview = inInterview
        self.expectedByNow = expectedByNow
        self.status = status
    }

    /// The projection rule, in one place:
    /// - `met` once the hires reach the count (on or before the deadline);
    /// - `missed` once the deadline has passed without that;
    /// - otherwise `on_track` when the hires plus the offers out keep pace with a straight line from `starts_on` to the
    ///   deadline (at least `round(count × elapsed ÷ window)`) and, in the last 180 days, when the hires, offers and
    ///   interviews together could still reach the count; `at_risk` when not.
    public static func status(count: Int, hired: Int, inOffer: Int, inInterview: Int, startsOn: CalendarDate,
                              deadline: CalendarDate, on day: CalendarDate) -> (TargetStatus, expected: Int) {
        let window = max(1, deadline.dayNumber - startsOn.dayNumber)
        let elapsed = min(window, max(0, day.dayNumber - startsOn.dayNumber))
        let expected = Int((Double(count) * Double(elapsed) / Double(window)).rounded())
        if hired >= count { return (.met, expected) }
        if deadline < day { return (.missed, expected) }
        let daysLeft = deadline.dayNumber - day.dayNumber
        let keepsPace = hired + inOffer >= expected
        let canFinish = daysLeft > 180 || hired + inOffer + inInterview >= count
        return (keepsPace && canFinish ? .onTrack : .atRisk, expected)
    }

}

extension TargetProgress: JSONWritable {
    /// Written directly: the targets report is the dashboard's and the benchmark's.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.value(target.id.text)
        w.key("agency_code"); w.value(target.agencyCode)
        w.key("agency_name"); w.value(agencyName)
        w.key("position_kind"); w.value(target.positionKind.rawValue)
        w.key("count"); w.value(target.count)
        w.key("deadline"); w.value(target.deadline.description)
        w.key("starts_on"); w.value(target.startsOn.description)
        w.key("note"); w.value(target.note)
        w.key("hired"); w.value(hired)
        w.key("in_offer"); w.value(inOffer)
        w.key("in_interview"); w.value(inInterview)
        w.key("expected_by_now"); w.value(expectedByNow)
        w.key("status"); w.value(status.rawValue)
        w.endObject()
    }
}

extension TargetStatus {
    public var label: LocalizedText {
        switch self {
        case .met: LocalizedText(vi: "đã đạt", en: "met")
        case .onTrack: LocalizedText(vi: "đúng tiến độ", en: "on track")
        case .atRisk: LocalizedText(vi: "có nguy cơ không đạt", en: "at risk")
        case .missed: LocalizedText(vi: "không đạt", en: "missed")
        }
    }
}

extension TargetStatus: LabeledCode {}
