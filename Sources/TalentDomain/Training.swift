import Foundation

/// A course or session (bồi dưỡng, tập huấn) for officials doing legal-drafting work, organised by an agency or a
/// partner institution, possibly under a partnership agreement (plan III.3.d, III.4.c).
public struct Training: Sendable, Hashable {
    public var id: UUID
    public var title: String
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate
    public var organizerCode: String?
    public var partnerCode: String?
    public var agreementID: UUID?
    public var hours: Double?
    /// Attendance recorded, and how many completed it.
    public var attendees: Int
    public var completed: Int
    public var createdBy: String
    public var createdAt: Date

    public init(id: UUID, title: String, startsOn: CalendarDate, endsOn: CalendarDate, organizerCode: String?,
                partnerCode: String?, agreementID: UUID?, hours: Double?, attendees: Int, completed: Int,
                createdBy: String, createdAt: Date) {
        self.id = id
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.organizerCode = organizerCode
        self.partnerCode = partnerCode
        self.agreementID = agreementID
        self.hours = hours
        self.attendees = attendees
        self.completed = completed
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

public struct TrainingDraft: Sendable, Hashable {
    public var title: String?
    public var startsOn: String?
    public var endsOn: String?
    public var organizerCode: String?
    public var partnerCode: String?
    public var agreementID: String?
    public var hours: Double?

    public init(title: String? = nil, startsOn: String? = nil, endsOn: String? = nil, organizerCode: String? = nil,
                partnerCode: String? = nil, agreementID: String? = nil, hours: Double? = nil) {
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.organizerCode = organizerCode
        self.partnerCode = partnerCode
        self.agreementID = agreementID
        self.hours = hours
    }
}

/// A training checked: a title, dates in order, an organiser (an agency, a partner, or both), at most 1,000 hours.
public struct ValidTraining: Sendable, Hashable {
    public var title: String
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate
    public var organizerCode: String?
    public var partnerCode: String?
    public var agreementID: UUID?
    public var hours: Double?

    public init(_ draft: TrainingDraft) throws(ServiceError) {
        var v = FieldValidator()
        let title = v.text("title", draft.title, required: true, maxLength: 500)
        let years = CalendarDate(year: 2000, month: 1, day: 1)!...CalendarDate(year: 2100, month: 12, day: 31)!
        let starts = v.date("starts_on", draft.startsOn, required: true, in: years)
        let ends = v.date("ends_on", draft.endsOn, required: true, in: years)
        let organizer = v.code("organizer_code", draft.organizerCode, required: false)
        let partner = v.code("partner_code", draft.partnerCode, required: false)
        let agreement = v.uuid("agreement_id", draft.agreementID)
        if let starts, let ends, ends < starts {
            v.add("ends_on", vi: "không được trước ngày bắt đầu (\(starts))", en: "must not be before the start (\(starts))")
        }
        if let hours = draft.hours, !(hours > 0 && hours <= 1000) || (hours * 10).rounded() != hours * 10 {
            v.add("hours", vi: "phải lớn hơn 0, tối đa 1000, một chữ số thập phân", en: "must be above 0, at most 1000, one decimal")
        }
        if draft.organizerCode == nil && draft.partnerCode == nil {
            v.add("organizer_code", vi: "cần cơ quan tổ chức (organizer_code) hoặc trường đối tác (partner_code)",
                  en: "an organising agency (organizer_code) or a partner (partner_code) is required")
        }
        if agreement != nil && draft.partnerCode == nil {
            v.add("agreement_id", vi: "thỏa thuận hợp tác đi cùng trường đối tác (partner_code)",
                  en: "an agreement goes with its partner (partner_code)")
        }
        guard v.errors.isEmpty, let title, let starts, let ends else { throw ServiceError.invalid(v.errors) }
        self.title = title
        self.startsOn = starts
        self.endsOn = ends
        self.organizerCode = organizer
        self.partnerCode = partner
        self.agreementID = agreement
        self.hours = draft.hours
    }
}

/// How an official's attendance ended.
public enum TrainingResult: String, Sendable, Codable, CaseIterable, LabeledCode {
    /// Enrolled in a course that has not ended.
    case registered
    case completed
    case absent

    public var label: LocalizedText {
        switch self {
        case .registered: LocalizedText(vi: "đã đăng ký", en: "registered")
        case .completed: LocalizedText(vi: "đã hoàn thành", en: "completed")
        case .absent: LocalizedText(vi: "vắng", en: "absent")
        }
    }
}

/// One official's attendance at one training.
public struct TrainingAttendance: Sendable, Hashable {
    public var trainingID: UUID
    public var officialID: UUID
    public var officialName: String
    public var agencyCode: String
    public var result: TrainingResult
    public var recordedBy: String
    public var recordedAt: Date

    public init(trainingID: UUID, officialID: UUID, officialName: String, agencyCode: String, result: TrainingResult,
                recordedBy: String, recordedAt: Date) {
        self.trainingID = trainingID
        self.officialID = officialID
        self.officialName = officialName
        self.agencyCode = agencyCode
        self.result = result
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

public struct AttendanceDraft: Sendable, Hashable {
    public var officialID: String?
    public var result: String?

    public init(officialID: String? = nil, result: String? = nil) {
        self.officialID = officialID
        self.result = result
    }
}

public struct ValidAttendance: Sendable, Hashable {
    public var officialID: UUID
    /// Nil: `completed` for a training that has ended, `registered` for one that has not.
    public var result: TrainingResult?

    public init(_ draft: AttendanceDraft) throws(ServiceError) {
        var v = FieldValidator()
        let official = v.uuid("official_id", draft.officialID, required: true)
        let result = v.oneOf("result", draft.result, TrainingResult.self)
        guard v.errors.isEmpty, let official else { throw ServiceError.invalid(v.errors) }
        self.officialID = official
        self.result = result
    }
}

/// The plan's training goal (II.2.d): more than 90 % of the officials doing legal-drafting work trained by the end of
/// 2027, 100 % by the end of 2030.
public struct TrainingGoal: Sendable, Hashable {
    public var percent: Int
    /// `more_than` (hơn 90 %) or `at_least` (100 %).
    public var rule: String
    public var by: CalendarDate

    public init(percent: Int, rule: String, by: CalendarDate) {
        self.percent = percent
        self.rule = rule
        self.by = by
    }

    public static let by2027 = TrainingGoal(percent: 90, rule: "more_than", by: CalendarDate(year: 2027, month: 12, day: 31)!)
    public static let by2030 = TrainingGoal(percent: 100, rule: "at_least", by: CalendarDate(year: 2030, month: 12, day: 31)!)

    /// The goal a period ending on `day` is measured against: 2027's until its end, then 2030's.
    public static func applying(on day: CalendarDate) -> TrainingGoal { day <= by2027.by ? by2027 : by2030 }

    /// The goal as people read it: "hơn 90% đến 31/12/2027", "100% đến 31/12/2030".
    public var label: LocalizedText {
        let iso = by.description.split(separator: "-")
        let date = iso.count == 3 ? "\(iso[2])/\(iso[1])/\(iso[0])" : by.description
        return rule == "more_than"
            ? LocalizedText(vi: "hơn \(percent)% đến \(date)", en: "over \(percent)% by \(date)")
            : LocalizedText(vi: "\(percent)% đến \(date)", en: "\(percent)% by \(date)")
    }

    public func isMet(trained: Int, of officials: Int) -> Bool {
        guard officials > 0 else { return false }
        return rule == "more_than" ? trained * 100 > percent * officials : trained * 100 >= percent * officials
    }
}

/// An official still to train, for the agency's HR.
public struct UntrainedOfficial: Sendable, Hashable {
    public var id: UUID
    public var fullName: String
    public var kind: OfficialKind
    public var since: CalendarDate

    public init(id: UUID, fullName: String, kind: OfficialKind, since: CalendarDate) {
        self.id = id
        self.fullName = fullName
        self.kind = kind
        self.since = since
    }
}

/// One agency's coverage: officials in post at the end of the period, how many completed a training that ended in it.
public struct TrainingCoverage: Sendable, Hashable {
    public var agencyCode: String
    public var agencyName: String
    public var officials: Int
    public var trained: Int
    public var meetsGoal: Bool
    public var untrained: [UntrainedOfficial]

    public init(agencyCode: String, agencyName: String, officials: Int, trained: Int, meetsGoal: Bool,
                untrained: [UntrainedOfficial]) {
        self.agencyCode = agencyCode
        self.agencyName = agencyName
        self.officials = officials
        self.trained = trained
        self.meetsGoal = meetsGoal
        self.untrained = untrained
    }

    /// The share trained, 0…1 (nil without officials).
    public var share: Double? { officials == 0 ? nil : Double(trained) / Double(officials) }
}

/// `report training`: coverage per agency and for the province against plan II.2.d.
public struct TrainingReport: Sendable, Hashable {
    public var from: CalendarDate
    public var to: CalendarDate
    public var agency: String?
    public var goal: TrainingGoal
    public var officials: Int
    public var trained: Int
    public var meetsGoal: Bool
    public var agencies: [TrainingCoverage]
    /// Trainings that ended in the period.
    public var trainings: Int

    public init(from: CalendarDate, to: CalendarDate, agency: String?, goal: TrainingGoal, officials: Int, trained: Int,
                meetsGoal: Bool, agencies: [TrainingCoverage], trainings: Int) {
        self.from = from
        self.to = to
        self.agency = agency
        self.goal = goal
        self.officials = officials
        self.trained = trained
        self.meetsGoal = meetsGoal
        self.agencies = agencies
        self.trainings = trainings
    }

    public var share: Double? { officials == 0 ? nil : Double(trained) / Double(officials) }

    /// The period a report covers: a year (to its last day, or today for the current year), or the plan's whole span
    /// from its date (19/12/2024) to today.
    public static func period(year: Int?, today: CalendarDate = .today()) -> (from: CalendarDate, to: CalendarDate) {
        guard let year else { return (Target.planDate, today) }
        let end = CalendarDate(year: year, month: 12, day: 31)!
        return (CalendarDate(year: year, month: 1, day: 1)!, min(end, today))
    }
}
