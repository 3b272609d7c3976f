import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Training of the officials doing legal-drafting work (plan 483 II.2.d, III.4.c): courses, attendance, and the
/// coverage report against the plan's 90 % (2027) and 100 % (2030).
public struct TrainingService: Sendable {
    let database: Database

    public static let writers: Set<Role> = [.admin, .hr]
    public static let readers: Set<Role> = [.admin, .hr, .leadership]

    public func add(_ valid: ValidTraining, by actor: Principal) async throws -> Training {
        try actor.require(Self.writers)
        if let organizer = valid.organizerCode, let held = actor.reach.agency, held != organizer {
            throw ServiceError(.forbidden, slug: "other-agency", LocalizedText(
                vi: "Bạn chỉ ghi khóa bồi dưỡng do cơ quan mình (\(held)) tổ chức, không phải \(organizer)",
                en: "You record trainings your own agency (\(held)) organises, not \(organizer)'s"))
        }
        return try await database.transaction { tx in
            if let organizer = valid.organizerCode {
                guard let agency = try await tx.agencies.get(organizer), agency.status == .active else {
                    throw ServiceError.invalid("organizer_code", vi: "không có cơ quan đang hoạt động mã \(organizer)",
                                               en: "no active agency has the code \(organizer)")
                }
            }
            if let partner = valid.partnerCode, try await tx.partners.get(partner) == nil {
                throw ServiceError.invalid("partner_code", vi: "không có trường đối tác mã \(partner)",
                                           en: "no partner has the code \(partner)")
            }
            if let agreement = valid.agreementID {
                guard let found = try await tx.agreements.get(agreement), found.partnerCode == valid.partnerCode else {
                    throw ServiceError.invalid("agreement_id", vi: "không có thỏa thuận \(agreement.text) của trường \(valid.partnerCode ?? "")",
                                               en: "no agreement \(agreement.text) of partner \(valid.partnerCode ?? "")")
                }
            }
            let training = try await tx.trainings.insert(valid, createdBy: actor.name)
            try await tx.audit.record(actor, "training.add", "training", training.id.text, after: training)
            return training
        }
    }

    public func get(_ id: UUID, by actor: Principal) async throws -> Training {
        try actor.require(Self.readers)
        guard let training = try await database.read({ try await $0.trainings.get(id) }) else { throw Self.notFound(id) }
        return training
    }

    public func list(page: PageRequest, by actor: Principal) async throws -> Page<Training> {
        try actor.require(Self.readers)
        return try await database.read { try await $0.trainings.list(page: page) }
    }

    /// Who attended a training; an agency-scoped reader sees their agency's officials only.
    public func attendance(_ id: UUID, by actor: Principal) async throws -> [TrainingAttendance] {
        _ = try await get(id, by: actor)
        let all = try await database.read { try await $0.trainings.attendance(training: id) }
        guard let held = actor.reach.agency else { return all }
        return all.filter { $0.agencyCode == held }
    }

    /// Records an official's attendance (again: the new result replaces the old, both audited). A result of
    /// `completed` or `absent` needs the training to have ended, or begun; without a result, `completed` once it has
    /// ended, else `registered`.
    public func attend(_ id: UUID, _ input: ValidAttendance, today: CalendarDate = .today(),
                       by actor: Principal) async throws -> TrainingAttendance {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            guard let training = try await tx.trainings.get(id) else { throw Self.notFound(id) }
            guard let official = try await tx.officials.get(input.officialID), OfficialService.reaches(official, actor) else {
                throw ServiceError.invalid("official_id", vi: "không có công chức \(input.officialID.text)",
                                           en: "no official \(input.officialID.text)")
            }
            let result = input.result ?? (training.endsOn <= today ? .completed : .registered)
            if result == .completed, today < training.endsOn {
                throw ServiceError(.conflict, slug: "training-not-ended", LocalizedText(
                    vi: "Khóa bồi dưỡng kết thúc ngày \(training.endsOn): chưa ghi hoàn thành được (ghi registered)",
                    en: "The training ends on \(training.endsOn): it cannot be completed yet (record registered)"))
            }
            if result == .absent, today < training.startsOn {
                throw ServiceError(.conflict, slug: "training-not-ended", LocalizedText(
                    vi: "Khóa bồi dưỡng bắt đầu ngày \(training.startsOn): chưa ghi vắng được",
                    en: "The training starts on \(training.startsOn): no one can be absent yet"))
            }
            guard official.since <= training.endsOn, official.until.map({ $0 > training.startsOn }) ?? true else {
                throw ServiceError(.conflict, slug: "official-not-in-post", LocalizedText(
                    vi: "Công chức không làm công tác này trong thời gian khóa bồi dưỡng (\(training.startsOn) – \(training.endsOn))",
                    en: "The official was not in post during the training (\(training.startsOn) – \(training.endsOn))"))
            }
            let previous = try await tx.trainings.attend(training: id, official: official.id, result: result, by: actor.name)
            let recorded = try await tx.trainings.attendance(training: id, official: official.id)[0]
            try await tx.audit.record(actor, "training.attend", "training", id.text, after: recorded,
                                      extra: ["official_id": .string(official.id.text),
                                              "previous": previous.map { .string($0.rawValue) } ?? .null])
            return recorded
        }
    }

    /// Coverage per agency and for the province: the officials in post at the end of the period and how many of them
    /// completed a training that ended in it; the ones still to train listed per agency.
    /// With `fromYear` (a multi-year review), the period runs from that year's first day (the plan's date for 2024).
    public func report(year: Int? = nil, agency: String? = nil, fromYear: Int? = nil, today: CalendarDate = .today(),
                       by actor: Principal) async throws -> TrainingReport {
        try actor.require(Self.readers)
        var v = FieldValidator()
        let asked = v.code("agency", agency, required: false)
        try v.check()
        if let year { _ = try ReportYear(year, today: today) }
        if let year, year > today.year {
            throw ServiceError.invalid("year", vi: "năm \(year) chưa bắt đầu", en: "the year \(year) has not begun")
        }
        let scoped = try ReportService.agency(asked, for: actor)
        let (start, to) = TrainingReport.period(year: year, today: today)
        var from = start
        if let fromYear, let year, fromYear < year {
            from = max(Target.planDate, CalendarDate(year: fromYear, month: 1, day: 1)!)
        }
        let since = from
        let goal = TrainingGoal.applying(on: to)
        return try await database.report { db in
            let rows = try await db.trainings.coverage(from: since, to: to, agency: scoped)
            var order: [String] = []
            var names: [String: String] = [:]
            var officials: [String: Int] = [:], trained: [String: Int] = [:]
            var untrained: [String: [UntrainedOfficial]] = [:]
            for row in rows {
                if names[row.agency] == nil { order.append(row.agency); names[row.agency] = row.agencyName }
                guard let official = row.official else { continue }
                officials[row.agency, default: 0] += 1
                if row.trained { trained[row.agency, default: 0] += 1 } else { untrained[row.agency, default: []].append(official) }
            }
            let agencies = order.map { code in
                let n = officials[code] ?? 0, t = trained[code] ?? 0
                return TrainingCoverage(agencyCode: code, agencyName: names[code] ?? code, officials: n, trained: t,
                                        meetsGoal: goal.isMet(trained: t, of: n), untrained: untrained[code] ?? [])
            }
            let total = agencies.reduce(0) { $0 + $1.officials }, done = agencies.reduce(0) { $0 + $1.trained }
            return TrainingReport(from: since, to: to, agency: scoped, goal: goal, officials: total, trained: done,
                                  meetsGoal: goal.isMet(trained: done, of: total), agencies: agencies,
                                  trainings: try await db.trainings.count(from: since, to: to))
        }
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "khóa bồi dưỡng", en: "training"), id.text)
    }
}
