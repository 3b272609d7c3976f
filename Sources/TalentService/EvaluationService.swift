import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Rubrics as versioned data, evaluation panels, score sheets and their amendments, conflicts of interest, and the
/// panel's result, computed in one place (`PanelResult.compute`) from the raw scores.
public struct EvaluationService: Sendable {
    let database: Database

    // MARK: Rubrics

    /// Creates a draft rubric: the next version of its name.
    public func createRubric(_ definition: RubricDefinition, by actor: Principal) async throws -> Rubric {
        try actor.require([.admin, .hr])
        return try await database.transaction { tx in
            let rubric = try await tx.rubrics.insert(definition, createdBy: actor.name)
            try await tx.audit.record(actor, "rubric.create", "rubric", rubric.id.text, after: rubric)
            return rubric
        }
    }

    /// Every version of every rubric, optionally of one status.
    public func rubrics(status: RubricStatus? = nil, by actor: Principal) async throws -> [Rubric] {
        try actor.require(Role.staff)
        return try await database.read { try await $0.rubrics.list(status: status) }
    }

    /// One rubric with its criteria.
    public func rubric(_ id: UUID, by actor: Principal) async throws -> Rubric {
        try actor.require(Role.staff)
        guard let rubric = try await database.read({ try await $0.rubrics.get(id) }) else {
            throw Self.rubricNotFound(id)
        }
        return rubric
    }

    /// Publishes a draft; the version of the same name published before it is retired in the same transaction.
    public func publish(_ id: UUID, by actor: Principal) async throws -> Rubric {
        try await changeStatus(id, to: .published, by: actor)
    }

    /// Retires a rubric: no new panel may use it; sheets already scored against it keep it.
    public func retire(_ id: UUID, by actor: Principal) async throws -> Rubric {
        try await changeStatus(id, to: .retired, by: actor)
    }

    private func changeStatus(_ uuid: UUID, to status: RubricStatus, by actor: Principal) async throws -> Rubric {
        try actor.require([.admin, .hr])
        return try await database.transaction { tx in
            guard let before = try await tx.rubrics.get(uuid, forUpdate: true) else {
                throw Self.rubricNotFound(uuid)
            }
            let allowed: Set<RubricStatus> = status == .published ? [.draft] : [.draft, .published]
            guard allowed.contains(before.status) else {
                throw ServiceError(.conflict, slug: "invalid-rubric-transition", LocalizedText(
                    vi: "Bảng tiêu chí đang ở trạng thái \(before.status.rawValue), không thể chuyển sang \(status.rawValue)",
                    en: "The rubric is \(before.status.rawValue) and cannot become \(status.rawValue)"))
            }
            var audit = AuditBatch()
            if status == .published,
               let previous = try await tx.rubrics.published(name: before.definition.name) {
                guard previous.version < before.version else {
                    throw ServiceError(.conflict, slug: "newer-version-published", LocalizedText(
                        vi: "Phiên bản \(previous.version) mới hơn của bảng tiêu chí này đang được dùng; hãy tạo phiên bản mới",
                        en: "Version \(previous.version), newer, is published; create a new version instead"),
                        extensions: ["published_id": .string(previous.id.text)])
                }
                let retired = try await tx.rubrics.setStatus(previous.id, .retired)
                audit.add("rubric.retire", "rubric", previous.id.text, before: previous, after: retired,
                          extra: ["superseded_by": .string(uuid.text)])
            }
            let after = try await tx.rubrics.setStatus(uuid, status)
            audit.add(status == .published ? "rubric.publish" : "rubric.retire", "rubric", uuid.text, before: before, after: after)
            try await tx.audit.append(audit, by: actor)
            return after
        }
    }

    // MARK: Panels

    /// Assigns an evaluator (a user with role evaluator) to an application, unless they have a conflict of interest.
    public func assign(application applicationID: UUID, _ assignment: PanelAssignment,
                       by actor: Principal) async throws -> PanelMember {
        try actor.require([.admin, .hr])
        return try await database.transaction { tx in
            let application = try await Self.lockOpenApplication(applicationID, in: tx)
            let user = try await Self.evaluatorUser(assignment.evaluatorID, in: tx)
            try await Self.checkNoConflict(user: user, application: application, in: tx)
            if let existing = try await tx.evaluations.member(application: application.id, evaluator: user.id) {
                throw ServiceError(.conflict, slug: "already-assigned", LocalizedText(
                    vi: "\(user.name) đã ở trong hội đồng đánh giá hồ sơ này (\(existing.status.rawValue))",
                    en: "\(user.name) is already on this application's panel (\(existing.status.rawValue))"))
            }
            let member = try await tx.evaluations.assign(application: application.id, evaluator: user.id, by: actor.name)
            try await tx.audit.record(actor, "evaluation.assign", "application", application.id.text, after: member)
            return member
        }
    }

    /// The application's panel and where each member stands.
    public func panel(application uuid: UUID, by actor: Principal) async throws -> [PanelMember] {
        try actor.require([.admin, .hr, .leadership])
        return try await database.read { db in
            _ = try await Self.application(uuid, in: db)
            return try await db.evaluations.panel(application: uuid)
        }
    }

    /// An evaluator's list of panels: their own (an evaluator sees only theirs); staff may name an evaluator or see all.
    /// `status` narrows to assigned (still to score), submitted or recused.
    public func assignments(evaluator named: UUID? = nil, status: PanelMemberStatus? = nil,
                            limit: Int = PageRequest.defaultLimit,
                            by actor: Principal) async throws -> [EvaluatorAssignment] {
        try actor.require([.admin, .hr, .leadership, .evaluator])
        let evaluator: UUID? = try Self.evaluatorOrSelf(named, by: actor)
        return try await database.read { db in
            try await db.evaluations.assignments(evaluator: evaluator, status: status, limit: limit)
        }
    }

    /// Records a recusal: the evaluator declares a relationship with the candidate and steps off the panel (their
    /// sheet, if any, no longer counts). They can be assigned to none of the candidate's applications afterwards.
    /// An evaluator recuses themselves; hr and admin record it for them.
    public func recuse(application applicationID: UUID, _ recusal: Recusal,
                       by actor: Principal) async throws -> ConflictDeclaration {
        try actor.require([.admin, .hr, .evaluator])
        let evaluator = try Self.evaluatorActing(recusal.evaluatorID, by: actor)
        let (reason, relationship) = (recusal.reason, recusal.relationship)
        return try await database.transaction { tx in
            let application = try await Self.application(applicationID, in: tx)
            guard let user = try await tx.users.get(evaluator) else {
                throw ServiceError.invalid("evaluator_id", vi: "không có người dùng \(evaluator.text)",
                                           en: "no user \(evaluator.text)")
            }
            var audit = AuditBatch()
            let declaration = try await tx.conflicts.declare(candidate: application.candidateID, user: user.id,
                                                             application: application.id, relationship: relationship,
                                                             reason: reason, by: actor.name)
            audit.add("conflict.declare", "candidate", application.candidateID.text, after: declaration)
            if let member = try await tx.evaluations.member(application: application.id, evaluator: user.id,
                                                            forUpdate: true),
               member.status != .recused {
                let after = try await tx.evaluations.recuse(application: application.id, evaluator: user.id, reason: reason)
                audit.add("evaluation.recuse", "application", application.id.text, before: member, after: after)
            }
            try await tx.audit.append(audit, by: actor)
            return declaration
        }
    }

    // MARK: Score sheets

    /// Submits a sheet. A second submission by the same evaluator is an amendment: it needs a reason and keeps the
    /// earlier scores as history.
    public func submit(application applicationID: UUID, _ submission: Submission, by actor: Principal) async throws -> ScoreSheet {
        try actor.require([.admin, .hr, .evaluator])
        let evaluator = try Self.evaluatorActing(submission.evaluatorID, by: actor)
        let (rubricID, comment, reason) = (submission.rubricID, submission.comment, submission.reason)
        return try await database.transaction { tx in
            let application = try await Self.lockOpenApplication(applicationID, in: tx)
            guard let rubric = try await tx.rubrics.get(rubricID) else {
                throw ServiceError.invalid("rubric_id", vi: "không có bảng tiêu chí \(rubricID.text)",
                                           en: "no rubric \(rubricID.text)")
            }
            guard let member = try await tx.evaluations.member(application: application.id, evaluator: evaluator,
                                                               forUpdate: true),
                  member.status != .recused
            else {
                if actor.role == .evaluator {
                    throw ServiceError(.forbidden, slug: "not-assigned", LocalizedText(
                        vi: "Bạn không ở trong hội đồng đánh giá hồ sơ này", en: "You are not on this application's panel"))
                }
                throw ServiceError.invalid("evaluator_id", vi: "không ở trong hội đồng đánh giá hồ sơ này (hoặc đã rút)",
                                           en: "is not on this application's panel (or has recused)")
            }
            let user = try await Self.evaluatorUser(member.evaluatorID, in: tx)
            try await Self.checkNoConflict(user: user, application: application, in: tx)
            let previous = try await tx.evaluations.currentSheet(application: application.id, evaluator: user.id)
            let panelRubric = try await tx.evaluations.rubricID(application: application.id)
            if let panelRubric, panelRubric != rubric.id {
                throw ServiceError(.conflict, slug: "rubric-mismatch", LocalizedText(
                    vi: "Hội đồng của hồ sơ này chấm theo bảng tiêu chí \(panelRubric.text)",
                    en: "This application's panel scores against rubric \(panelRubric.text)"),
                    extensions: ["rubric_id": .string(panelRubric.text)])
            }
            if panelRubric == nil, rubric.status != .published {
                throw ServiceError(.conflict, slug: "rubric-not-published", LocalizedText(
                    vi: "Bảng tiêu chí đang ở trạng thái \(rubric.status.rawValue); chỉ chấm theo bảng đã công bố",
                    en: "The rubric is \(rubric.status.rawValue); only a published rubric can be used"))
            }
            let scores = try rubric.definition.check(scores: submission.scores)
            if previous != nil, reason == nil {
                throw ServiceError(.invalid, slug: "reason-required", LocalizedText(
                    vi: "Phiếu đã nộp bị khóa; sửa phiếu cần nêu lý do (reason)",
                    en: "A submitted sheet is locked; amending it needs a reason"),
                    fieldErrors: [FieldError("reason", vi: "bắt buộc khi sửa phiếu đã nộp", en: "is required to amend a submitted sheet")])
            }
            let sheet = try await tx.evaluations.submit(application: application.id, evaluator: user.id, rubric: rubric.id,
                                                        scores: scores, comment: comment, reason: previous == nil ? nil : reason,
                                                        recordedBy: actor.name)
            try await tx.audit.record(actor, previous == nil ? "evaluation.submit" : "evaluation.amend", "application",
                                      application.id.text, before: previous, after: sheet)
            return sheet
        }
    }

    /// The sheets of an application. Staff see all; an evaluator sees only their own until they have submitted, and
    /// the panel's after that. With `history`, amended revisions too.
    public func sheets(application uuid: UUID, history: Bool = false, by actor: Principal) async throws -> [ScoreSheet] {
        try actor.require([.admin, .hr, .leadership, .evaluator])
        return try await database.read { db in
            _ = try await Self.application(uuid, in: db)
            let sheets = try await db.evaluations.sheets(applications: [uuid], history: history)
            guard actor.role == .evaluator else { return sheets }
            guard let me = actor.userID,
                  let member = try await db.evaluations.member(application: uuid, evaluator: me)
            else {
                throw ServiceError(.forbidden, slug: "not-assigned", LocalizedText(
                    vi: "Bạn không ở trong hội đồng đánh giá hồ sơ này", en: "You are not on this application's panel"))
            }
            return member.status == .submitted ? sheets : sheets.filter { $0.evaluatorID == me }
        }
    }

    /// The panel's result.
    public func score(application uuid: UUID, by actor: Principal) async throws -> PanelResult {
        try actor.require([.admin, .hr, .leadership])
        return try await database.read { db in
            _ = try await Self.application(uuid, in: db)
            return try await Self.result(for: uuid, in: Self.results(for: [uuid], in: db))
        }
    }

    /// The applications for a position, ranked by panel score (complete panels first; equal scores share a rank).
    public func rank(position: UUID, by actor: Principal) async throws -> [RankedApplication] {
        try actor.require([.admin, .hr, .leadership])
        return try await database.read { db in
            guard try await db.positions.get(position) != nil else {
                throw PositionService.notFound(position)
            }
            let applications = try await db.applications.all(positionID: position)
            let results = try await Self.results(for: applications.map(\.id), in: db)
            return Panel.rank(applications.map { ($0, Self.result(for: $0.id, in: results)) })
        }
    }

    // MARK: Shared with other services

    /// Panel results of applications, computed from their current sheets.
    static func results(for applications: [UUID], in db: Tables) async throws -> [UUID: PanelResult] {
        let sheets = try await db.evaluations.sheets(applications: applications)
        let rubrics = try await db.rubrics.get(Array(Set(sheets.map(\.rubricID))))
        let byApplication = Dictionary(grouping: sheets, by: \.applicationID)
        var results: [UUID: PanelResult] = [:]
        for id in applications {
            let own = byApplication[id] ?? []
            results[id] = PanelResult.compute(application: id, rubric: own.first.flatMap { rubrics[$0.rubricID] }, sheets: own)
        }
        return results
    }

    /// An application's result among those computed; one without sheets has the empty panel's result.
    static func result(for application: UUID, in results: [UUID: PanelResult]) -> PanelResult {
        results[application] ?? PanelResult.compute(application: application, rubric: nil, sheets: [])
    }

    static func application(_ id: UUID, in db: Tables) async throws -> Application {
        guard let application = try await db.applications.get(id) else {
            throw ApplicationService.notFound(id)
        }
        return application
    }

    /// The application, locked, and refused when it is closed.
    static func lockOpenApplication(_ id: UUID, in tx: Tables) async throws -> Application {
        guard let application = try await tx.applications.get(id, forUpdate: true) else {
            throw ApplicationService.notFound(id)
        }
        guard application.stage.isOpen else {
            throw ServiceError(.conflict, slug: "application-closed", LocalizedText(
                vi: "Hồ sơ đã đóng (\(application.stage.rawValue)); không thể đánh giá",
                en: "The application is closed (\(application.stage.rawValue)); it cannot be evaluated"))
        }
        return application
    }

    /// Whose list it is: an evaluator's own; staff may name an evaluator, or nobody for everyone's.
    static func evaluatorOrSelf(_ named: UUID?, by actor: Principal) throws(ServiceError) -> UUID? {
        guard actor.role == .evaluator else { return named }
        guard named == nil || named == actor.userID else { throw Self.actsForThemselves }
        return actor.userID
    }

    /// Whose sheet or recusal it is: an evaluator acts only for themselves; hr and admin name the evaluator (the
    /// typed input requires it of them).
    static func evaluatorActing(_ named: UUID?, by actor: Principal) throws(ServiceError) -> UUID {
        guard let evaluator = try evaluatorOrSelf(named, by: actor) else {
            if actor.role == .evaluator { throw Self.actsForThemselves }
            throw ServiceError.invalid("evaluator_id", vi: "bắt buộc", en: "is required")
        }
        return evaluator
    }

    static let actsForThemselves = ServiceError(.forbidden, slug: "forbidden", LocalizedText(
        vi: "Người đánh giá chỉ hành động cho chính mình", en: "An evaluator acts only for themselves"))

    static func evaluatorUser(_ id: UUID, in tx: Tables) async throws -> StaffUser {
        guard let user = try await tx.users.get(id) else {
            throw ServiceError.invalid("evaluator_id", vi: "không có người dùng \(id.text)", en: "no user \(id.text)")
        }
        guard user.role == .evaluator else {
            throw ServiceError.invalid("evaluator_id", vi: "\(user.name) không có vai trò evaluator",
                                       en: "\(user.name) does not have the evaluator role")
        }
        return user
    }

    /// Refuses a user who referred the candidate or declared a relationship with them.
    static func checkNoConflict(user: StaffUser, application: Application, in tx: Tables) async throws {
        guard let conflict = try await tx.conflicts.between(user: user.id, candidate: application.candidateID) else { return }
        let why = conflict.kind == "referral"
            ? LocalizedText(vi: "\(user.name) đã giới thiệu ứng viên này", en: "\(user.name) referred this candidate")
            : LocalizedText(vi: "\(user.name) đã khai có quan hệ với ứng viên này (\(conflict.relationship))",
                            en: "\(user.name) declared a relationship with this candidate (\(conflict.relationship))")
        throw ServiceError(.conflict, slug: "conflict-of-interest", LocalizedText(
            vi: "Xung đột lợi ích: \(why.vi); không được tham gia đánh giá",
            en: "Conflict of interest: \(why.en); they may not evaluate"),
            extensions: ["evaluator_id": .string(user.id.text), "ground": .string(conflict.kind)])
    }

    static func rubricNotFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "bảng tiêu chí", en: "rubric"), id.text)
    }
}
