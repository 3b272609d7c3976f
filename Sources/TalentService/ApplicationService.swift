import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Applications: a candidate considered for a position, moved through the pipeline by the stage machine's rules.
public struct ApplicationService: Sendable {
    let database: Database

    /// Who may change these records; the API checks it before it reads a request body.
    public static let writers: Set<Role> = [.admin, .hr]
    /// Whether an application may move on from `evaluation` only once its panel is complete
    /// (`ServiceSettings.requireCompletePanel`).
    public let requireCompletePanel: Bool

    public init(database: Database, requireCompletePanel: Bool) {
        self.database = database
        self.requireCompletePanel = requireCompletePanel
    }

    /// Opens an application in `nominated`. One open application per candidate and position.
    public func open(_ new: NewApplication, by actor: Principal) async throws -> Application {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            // What is out of the actor's reach reads as absent, as everywhere.
            guard try await tx.reach.candidate(new.candidateID, actor.reach) else {
                throw ServiceError.invalid("candidate_id", vi: "không có ứng viên \(new.candidateID.text)",
                                           en: "no candidate \(new.candidateID.text)")
            }
            if let held = actor.reach.agency, let position = try await tx.positions.get(new.positionID),
               position.agencyCode != held {
                throw ServiceError.invalid("position_id", vi: "không có vị trí \(new.positionID.text)",
                                           en: "no position \(new.positionID.text)")
            }
            try await ConsentService.requireRecruitmentConsent(new.candidateID, in: tx)
            return try await Self.open(candidate: new.candidateID, position: new.positionID, stage: .nominated, reason: nil,
                                by: actor, in: tx)
        }
    }

    /// Opens an application inside a caller's transaction (a nomination opens one too).
    static func open(candidate: UUID, position positionID: UUID, stage: PipelineStage, reason: String?, by actor: Principal,
                     in tx: Tables) async throws -> Application {
        guard try await tx.candidates.get(candidate) != nil else {
            throw ServiceError.invalid("candidate_id", vi: "không có ứng viên \(candidate.text)", en: "no candidate \(candidate.text)")
        }
        guard let position = try await tx.positions.get(positionID) else {
            throw ServiceError.invalid("position_id", vi: "không có vị trí \(positionID.text)", en: "no position \(positionID.text)")
        }
        guard position.status == .open else {
            throw ServiceError(.conflict, slug: "position-not-open", LocalizedText(
                vi: "Vị trí \(position.title) không còn mở (\(position.status.rawValue))",
                en: "Position \(position.title) is not open (\(position.status.rawValue))"))
        }
        if let existing = try await tx.applications.open(candidateID: candidate, positionID: positionID) {
            throw ServiceError(.conflict, slug: "duplicate-application", LocalizedText(
                vi: "Ứng viên đã có hồ sơ đang xét cho vị trí này (\(existing.id.text))",
                en: "The candidate already has an open application for this position (\(existing.id.text))"),
                extensions: ["existing_id": .string(existing.id.text)])
        }
        let application = try await tx.applications.insert(candidateID: candidate, positionID: positionID, stage: stage,
                                                           actor: actor, reason: reason)
        try await tx.audit.record(actor, "application.open", "application", application.id.text, after: application)
        try await NominationService.follow([candidate], in: tx)
        return application
    }

    /// Moves an application to another stage if the rules allow it; otherwise nothing changes.
    public func move(_ uuid: UUID, _ move: StageMove, expectedVersion: Int? = nil,
                     by actor: Principal) async throws -> Application {
        try actor.require(Self.writers)
        let target = move.to, reason = move.reason
        return try await database.transaction { tx in
            guard try await tx.reach.application(uuid, actor.reach),
                  let before = try await tx.applications.get(uuid, forUpdate: true) else {
                throw Self.notFound(uuid)
            }
            if let expectedVersion, expectedVersion != before.version { throw CandidateService.stale(before.version) }
            try StageMachine.check(from: before.stage, to: target, reason: reason)
            // A hire by a signed decision stays a hire: the official leaves post instead.
            if before.stage == .hired, let decision = try await tx.decisions.forApplication(uuid) {
                throw ServiceError(.conflict, slug: "decision-recorded", LocalizedText(
                    vi: "Hồ sơ đã có quyết định tuyển dụng số \(decision.number): không mở lại được; ghi công chức thôi làm công tác (talent official leave) nếu cần",
                    en: "The application has hiring decision \(decision.number) and cannot be reopened; record the official leaving post (talent official leave) instead"))
            }
            try await ConsentService.requireRecruitmentConsent(before.candidateID, in: tx)
            if before.stage.isClosed,
               let other = try await tx.applications.open(candidateID: before.candidateID, positionID: before.positionID) {
                throw ServiceError(.conflict, slug: "duplicate-application", LocalizedText(
                    vi: "Không mở lại được: đã có hồ sơ khác đang xét (\(other.id.text))",
                    en: "Cannot reopen: another application is open (\(other.id.text))"))
            }
            // Leaving evaluation records the panel score; moving on needs a complete panel unless that rule is off.
            var panelScore: Double?
            if before.stage == .evaluation {
                guard let panel = try await EvaluationService.results(for: [uuid], readBy: actor, in: tx)[uuid] else {
                    throw ServiceError(.internalFailure, LocalizedText(
                        vi: "Không tính được kết quả hội đồng của hồ sơ \(uuid.text)",
                        en: "The panel result of application \(uuid.text) could not be computed"))
                }
                panelScore = panel.panelScore
                if requireCompletePanel, [.interview, .pool].contains(target), !panel.complete {
                    // Before any sheet the panel has no rubric yet: the minimum is the published rubric's.
                    let minimum = try await EvaluationService.panelMinimum(application: uuid, in: tx)
                    let required = panel.required ?? minimum?.required
                    // Sheets typed in for an evaluator do not count until they confirm them: say so.
                    let waiting = panel.awaitingConfirmation == 0 ? LocalizedText(vi: "", en: "") : LocalizedText(
                        vi: "; \(panel.awaitingConfirmation) phiếu nhập hộ chờ thành viên xác nhận",
                        en: "; \(panel.awaitingConfirmation) typed in for evaluators await their confirmation")
                    let message = required.map { required in
                        LocalizedText(
                            vi: "Hội đồng đánh giá chưa đủ: \(panel.submitted)/\(required) phiếu đã nộp" + waiting.vi,
                            en: "The evaluation panel is not complete: \(panel.submitted) of \(required) sheets submitted"
                                + waiting.en)
                    } ?? LocalizedText(
                        vi: "Hội đồng đánh giá chưa đủ: chưa có bảng tiêu chí nào được công bố để chấm",
                        en: "The evaluation panel is not complete: no rubric is published to score against")
                    throw ServiceError(.conflict, slug: "panel-incomplete", message,
                        extensions: ["submitted": .number(Double(panel.submitted)),
                                     "awaiting_confirmation": .number(Double(panel.awaitingConfirmation)),
                                     "required": required.map { .number(Double($0)) } ?? .null])
                }
            }
            let after = try await tx.applications.move(uuid, from: before.stage, to: target, actor: actor, reason: reason,
                                                       panelScore: panelScore)
            var extra: [String: JSONValue] = ["reason": reason.map(JSONValue.string) ?? .null]
            if before.stage == .evaluation { extra["panel_score"] = panelScore.map(JSONValue.number) ?? .null }
            try await tx.audit.record(actor, "application.move", "application", uuid.text, before: before, after: after,
                                      extra: extra)
            try await NominationService.follow([before.candidateID], in: tx)
            try await MailService.applicationResult(after, in: tx)
            return after
        }
    }

    /// Who may read applications and their history (a candidate's file follows the same rule).
    static let readers: Set<Role> = Role.staff

    public func get(_ id: String, by actor: Principal) async throws -> Application {
        try actor.require(Self.readers)
        let uuid = try UUID.parse(id)
        let application = try await database.read { db in
            try await db.reach.application(uuid, actor.reach) ? try await db.applications.get(uuid) : nil
        }
        guard let application else { throw Self.notFound(uuid) }
        return application
    }

    /// Stage changes with actor, reason, time, and the time spent in each stage.
    public func history(_ id: String, by actor: Principal) async throws -> [StageChange] {
        let application = try await get(id, by: actor)
        let history = try await database.read { db in
            try await db.applications.history(application.id)
        }
        return Self.history(history, visibleTo: actor)
    }

    /// A history as the actor may read it: an evaluator of a later panel must not learn an earlier panel's score.
    static func history(_ history: [StageChange], visibleTo actor: Principal) -> [StageChange] {
        guard actor.role == .evaluator else { return history }
        return history.map { change in
            var change = change
            change.panelScore = nil
            return change
        }
    }

    public func list(candidateID: String? = nil, positionID: String? = nil, stage: String? = nil, agency: String? = nil,
                     page: PageRequest, by actor: Principal) async throws -> Page<Application> {
        try actor.require(Self.readers)
        var v = FieldValidator()
        let stage = v.oneOf("stage", stage, PipelineStage.self)
        let agency = v.code("agency", agency, required: false)
        try v.check()
        let candidate = try candidateID.map { text throws(ServiceError) in try UUID.parse(text, field: "candidate") }
        let position = try positionID.map { text throws(ServiceError) in try UUID.parse(text, field: "position") }
        return try await database.read { db in
            try await db.applications.list(candidateID: candidate, positionID: position, stage: stage, agency: agency,
                                           reach: actor.reach, page: page)
        }
    }

    /// Withdraws every open application among `applications`, with the reason, audited, in the caller's
    /// transaction (a withdrawn consent, an erasure); returns their ids.
    static func withdrawOpen(_ applications: [Application], reason: String, by actor: Principal,
                             in tx: Tables) async throws -> [UUID] {
        var withdrawn: [UUID] = []
        for application in applications where application.stage.isOpen {
            let after = try await tx.applications.move(application.id, from: application.stage, to: .withdrawn,
                                                       actor: actor, reason: reason, panelScore: nil)
            try await tx.audit.record(actor, "application.move", "application", application.id.text,
                                      before: application, after: after, extra: ["reason": .string(reason)])
            withdrawn.append(application.id)
        }
        try await NominationService.follow(Array(Set(applications.map(\.candidateID))), in: tx)
        return withdrawn
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "hồ sơ ứng tuyển", en: "application"), id.text)
    }
}
