import Foundation

/// How many officers of a kind an agency must have hired by a deadline (plan 483: the Department of Justice's core
/// drafting force, a legal-affairs officer in every department). Targets are data; they follow agencies through
/// mergers.
public struct Target: Sendable, Hashable {
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
        var deadline = v.date("deadline", deadline, required: true)
        if let day = deadline, !(2000...2100).contains(day.year) {
            v.add("deadline", vi: "phải trong khoảng 2000-01-01 đến 2100-12-31", en: "must be between 2000-01-01 and 2100-12-31")
            deadline = nil
        }
        let starts = v.date("starts_on", startsOn) ?? Target.planDate
        if let deadline, !(starts < deadline) {
            v.add("deadline", vi: "phải sau ngày bắt đầu tính (\(starts))", en: "must be after the start of the window (\(starts))")
        }
        let note = v.text("note", note, maxLength: 2000, multiline: true)
        guard v.errors.isEmpty, let agency, let kind, let count, let deadline else { throw ServiceError.invalid(v.errors) }
        self.agencyCode = agency
        self.positionKind = kind
        self.count = count
        self.deadline = deadline
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

/// Why a target is at risk, said to leadership with the status.
public enum TargetRisk: String, Sendable, Codable, CaseIterable, LabeledCode {
    /// No open position of the kind at the agency and no candidate in its pipeline.
    case nothingInPipeline = "nothing_in_pipeline"
    /// Fewer candidates in the pipeline (every open stage) than hires still needed.
    case pipelineTooSmall = "pipeline_too_small"
    /// Hires and offers out are behind a straight line from the start of the window to the deadline.
    case behindPace = "behind_pace"
    /// In the last 180 days, hires, offers and interviews together cannot reach the count.
    case cannotFinish = "cannot_finish"

    public var label: LocalizedText {
        switch self {
        case .nothingInPipeline:
            LocalizedText(vi: "chưa có vị trí tuyển dụng đang mở và chưa có ứng viên nào",
                          en: "no open position and no candidate")
        case .pipelineTooSmall:
            LocalizedText(vi: "số ứng viên đang xét ít hơn số người còn phải tuyển",
                          en: "fewer candidates in the pipeline than hires still needed")
        case .behindPace:
            LocalizedText(vi: "số đã tuyển và đã đề nghị tuyển chậm hơn tiến độ", en: "hires and offers are behind pace")
        case .cannotFinish:
            LocalizedText(vi: "còn dưới 180 ngày mà số đã tuyển, đề nghị tuyển và phỏng vấn chưa đủ chỉ tiêu",
                          en: "under 180 days left and hires, offers and interviews cannot reach the count")
        }
    }
}

/// A target with the hires counted against it and its status.
public struct TargetProgress: Sendable, Hashable {
    public var target: Target
    public var agencyName: String
    /// Applications in `hired` at positions of the agency and kind, hired on or before the deadline.
    public var hired: Int
    /// Officials of the agency in post on the deadline (or today, if earlier) doing the target's kind of work — for
    /// the core force, every official marked part of it — who are not already counted in `hired`: officials already
    /// in post or developed into the force (plan II.2.đ, III.4.b). The status counts `hired + developed`.
    public var developed: Int
    /// Open applications at those positions now in `offer` and in `interview`.
    public var inOffer: Int
    public var inInterview: Int
    /// Open applications at those positions in an earlier stage (`nominated`, `screening`, `evaluation`).
    public var inEarlierStages: Int
    /// Open positions of the kind at the agency.
    public var openPositions: Int
    /// The hires a straight line from `starts_on` to the deadline asks for by the day of the report.
    public var expectedByNow: Int
    public var status: TargetStatus
    /// Why the target is at risk (nil unless `status` is `at_risk`).
    public var risk: TargetRisk?

    public init(target: Target, agencyName: String, hired: Int, inOffer: Int, inInterview: Int, inEarlierStages: Int,
                openPositions: Int, expectedByNow: Int, status: TargetStatus, risk: TargetRisk?, developed: Int = 0) {
        self.target = target
        self.agencyName = agencyName
        self.hired = hired
        self.developed = developed
        self.inOffer = inOffer
        self.inInterview = inInterview
        self.inEarlierStages = inEarlierStages
        self.openPositions = openPositions
        self.expectedByNow = expectedByNow
        self.status = status
        self.risk = risk
    }

    /// What the status counts: hires and officials developed into the target's kind of work.
    public var counted: Int { hired + developed }

    /// The projection rule, in one place:
    /// - `met` once the hires reach the count (on or before the deadline);
    /// - `missed` once the deadline has passed without that;
    /// - otherwise `at_risk` when the pipeline cannot meet the count: hires plus every open application (offers,
    ///   interviews and the earlier stages) are fewer than the count — with nothing at all, no open position and no
    ///   candidate, said as such;
    /// - `at_risk` when hires plus offers out fall behind a straight line from `starts_on` to the deadline (at least
    ///   `round(count × elapsed ÷ window)`), or when, in the last 180 days, hires, offers and interviews together
    ///   could not reach the count;
    /// - `on_track` otherwise.
    public static func status(count: Int, hired: Int, inOffer: Int, inInterview: Int, inEarlierStages: Int,
                              openPositions: Int, startsOn: CalendarDate, deadline: CalendarDate,
                              on day: CalendarDate) -> (TargetStatus, expected: Int, risk: TargetRisk?) {
        let window = max(1, deadline.dayNumber - startsOn.dayNumber)
        let elapsed = min(window, max(0, day.dayNumber - startsOn.dayNumber))
        let expected = Int((Double(count) * Double(elapsed) / Double(window)).rounded())
        if hired >= count { return (.met, expected, nil) }
        if deadline < day { return (.missed, expected, nil) }
        let inPipeline = inOffer + inInterview + inEarlierStages
        if inPipeline == 0 && openPositions == 0 { return (.atRisk, expected, .nothingInPipeline) }
        if hired + inPipeline < count { return (.atRisk, expected, .pipelineTooSmall) }
        if hired + inOffer < expected { return (.atRisk, expected, .behindPace) }
        let daysLeft = deadline.dayNumber - day.dayNumber
        if daysLeft <= 180 && hired + inOffer + inInterview < count { return (.atRisk, expected, .cannotFinish) }
        return (.onTrack, expected, nil)
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
