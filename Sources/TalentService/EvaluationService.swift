import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Rubrics as versioned data, evaluation panels, score sheets and their amendments, conflicts of interest, and the
/// panel's result, computed in one place (`PanelResult.compute`) from the raw scores.
public struct EvaluationService: Sendable {
    let database: Database

    /// Who manages rubrics and panels; the API checks it before it reads a request body.
    public static let writers: Set<Role> = [.admin, .hr]
    /// Who submits sheets and recusals: evaluators, and hr or admin typing in for them.
    public static let scorers: Set<Role> = [.admin, .hr, .evaluator]

    // MARK: Rubrics

    /// Creates a draft rubric: the next version of its name.
    public func createRubric(_ definition: RubricDefinition, by actor: Principal) async throws -> Rubric {
        try actor.require(Self.writers)
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
        try actor.require(Self.writers)
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
    /// Warns when conflicts and recusals leave fewer eligible evaluators than the rubric's minimum.
    public func assign(application applicationID: UUID, _ assignment: PanelAssignment,
                       by actor: Principal) async throws -> PanelChange<PanelMember> {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            let application = try await Self.lockOpenApplication(applicationID, by: actor, in: tx)
            let user = try await Self.evaluatorUser(assignment.evaluatorID, in: tx)
            try await Self.checkNoConflict(user: user, application: application, in: tx)
            if let existing = try await tx.evaluations.member(application: application.id, evaluator: user.id) {
                throw ServiceError(.conflict, slug: "already-assigned", LocalizedText(
                    vi: "\(user.name) đã ở trong hội đồng đánh giá hồ sơ này (\(existing.status.rawValue))",
                    en: "\(user.name) is already on this application's panel (\(existing.status.rawValue))"))
            }
            let member = try await tx.evaluations.assign(application: application.id, evaluator: user.id, by: actor.name)
            try await tx.audit.record(actor, "evaluation.assign", "application", application.id.text, after: member)
            try await MailService.evaluationAssigned(member, application: application, in: tx)
            return PanelChange(record: member, warnings: try await Self.warnings(for: application, in: tx))
        }
    }

    /// Who may read a panel and its result (a candidate's file follows the same rule); an evaluator reads their own
    /// assignments and sheet and, once the panel is complete, their colleagues' sheets.
    static let panelReaders: Set<Role> = [.admin, .hr, .leadership]

    /// The application's panel and where each member stands.
    public func panel(application uuid: UUID, by actor: Principal) async throws -> [PanelMember] {
        try actor.require(Self.panelReaders)
        return try await database.read { db in
            _ = try await Self.application(uuid, by: actor, in: db)
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
        let held = actor.reach.agency
        return try await database.read { db in
            // An agency-scoped reader sees the panels of their agency's applications only.
            try await db.evaluations.assignments(evaluator: evaluator, status: status, limit: limit)
                .filter { held == nil || $0.agencyCode == held }
        }
    }

    /// Records a recusal: the evaluator declares a relationship with the candidate and steps off the panel (their
    /// sheet, if any, no longer counts). They can be assigned to none of the candidate's applications afterwards.
    /// An evaluator recuses themselves; hr and admin record it for them. Warns as `assign` does.
    public func recuse(application applicationID: UUID, _ recusal: Recusal,
                       by actor: Principal) async throws -> PanelChange<ConflictDeclaration> {
        try actor.require(Self.scorers)
        let evaluator = try Self.evaluatorActing(recusal.evaluatorID, by: actor)
        let (reason, relationship) = (recusal.reason, recusal.relationship)
        return try await database.transaction { tx in
            let application = try await Self.application(applicationID, by: actor, in: tx)
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
            return PanelChange(record: declaration, warnings: try await Self.warnings(for: application, in: tx))
        }
    }

    // MARK: Score sheets

    /// Submits a sheet. A second submission by the same evaluator is an amendment: it needs a reason and keeps the
    /// earlier scores as history. A sheet hr or an administrator types in for an evaluator records who typed it and
    /// counts only once the evaluator confirms it (`confirm`); the evaluator's own counts at once. An amendment made
    /// after the result was first read is flagged.
    public func submit(application applicationID: UUID, _ submission: Submission, by actor: Principal) async throws -> ScoreSheet {
        try actor.require(Self.scorers)
        let evaluator = try Self.evaluatorActing(submission.evaluatorID, by: actor)
        let (rubricID, comment, reason) = (submission.rubricID, submission.comment, submission.reason)
        return try await database.transaction { tx in
            let application = try await Self.lockOpenApplication(applicationID, by: actor, in: tx)
            try await ConsentService.requireRecruitmentConsent(application.candidateID, in: tx)
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
            // Typed in by someone else than the evaluator: it waits for the evaluator's confirmation.
            let enteredBy = actor.userID == user.id ? nil : actor.name
            let sheet = try await tx.evaluations.submit(application: application.id, evaluator: user.id, rubric: rubric.id,
                                                        scores: scores, comment: comment, reason: previous == nil ? nil : reason,
                                                        recordedBy: actor.name, enteredBy: enteredBy)
            try await tx.audit.record(actor, previous == nil ? "evaluation.submit" : "evaluation.amend", "application",
                                      application.id.text, before: previous, after: sheet,
                                      extra: ["entered_by": enteredBy.map(JSONValue.string) ?? .null,
                                              "evaluator_name": .string(user.name)])
            return sheet
        }
    }

    /// Confirms a sheet that hr or an administrator typed in for the evaluator: only the evaluator does, and from
    /// then on it counts. `sheet` nil is the evaluator's current sheet on the application.
    /// Staff who are not evaluators learn that the application does not exist (404) before they are refused (403).
    public func confirm(application applicationID: UUID, sheet sheetID: UUID?, by actor: Principal) async throws -> ScoreSheet {
        try actor.require(Role.staff)
        return try await database.transaction { tx in
            _ = try await Self.application(applicationID, by: actor, in: tx)
            guard actor.role == .evaluator, let me = actor.userID else {
                throw ServiceError(.forbidden, slug: "evaluator-confirms", LocalizedText(
                    vi: "Chỉ chính thành viên hội đồng xác nhận phiếu được nhập hộ cho mình",
                    en: "Only the evaluator confirms a sheet typed in for them"))
            }
            let application = try await Self.lockOpenApplication(applicationID, by: actor, in: tx)
            guard let member = try await tx.evaluations.member(application: application.id, evaluator: me, forUpdate: true),
                  member.status != .recused
            else {
                throw ServiceError(.forbidden, slug: "not-assigned", LocalizedText(
                    vi: "Bạn không ở trong hội đồng đánh giá hồ sơ này", en: "You are not on this application's panel"))
            }
            let found: ScoreSheet? = if let sheetID {
                try await tx.evaluations.sheet(sheetID, forUpdate: true)
            } else {
                try await tx.evaluations.currentSheet(application: application.id, evaluator: me)
            }
            guard let before = found, before.applicationID == application.id else {
                throw ServiceError.notFound(LocalizedText(vi: "phiếu đánh giá", en: "score sheet"),
                                            sheetID?.text ?? application.id.text)
            }
            guard before.evaluatorID == me else {
                throw ServiceError(.forbidden, slug: "not-your-sheet", LocalizedText(
                    vi: "Phiếu này là của \(before.evaluatorName); mỗi người chỉ xác nhận phiếu của mình",
                    en: "This sheet is \(before.evaluatorName)'s; each evaluator confirms only their own"))
            }
            guard before.isCurrent else {
                throw ServiceError(.conflict, slug: "sheet-superseded", LocalizedText(
                    vi: "Phiếu lần \(before.revision) đã được thay bằng lần sửa sau; chỉ xác nhận phiếu hiện hành",
                    en: "Revision \(before.revision) was superseded by a later one; only the current sheet can be confirmed"))
            }
            guard before.enteredBy != nil else {
                throw ServiceError(.conflict, slug: "nothing-to-confirm", LocalizedText(
                    vi: "Phiếu do chính bạn nộp, đã được tính; không cần xác nhận",
                    en: "You submitted this sheet yourself; it counts already and needs no confirmation"))
            }
            guard before.confirmedAt == nil else {
                throw ServiceError(.conflict, slug: "already-confirmed", LocalizedText(
                    vi: "Phiếu đã được xác nhận", en: "The sheet is confirmed already"))
            }
            try await Self.checkNoConflict(user: Self.evaluatorUser(me, in: tx), application: application, in: tx)
            let after = try await tx.evaluations.confirm(before.id, by: actor.name)
            try await tx.audit.record(actor, "evaluation.confirm", "application", application.id.text,
                                      before: before, after: after,
                                      extra: ["entered_by": before.enteredBy.map(JSONValue.string) ?? .null,
                                              "confirmed_by": .string(actor.name)])
            return after
        }
    }

    /// The sheets of an application. Staff see all. An evaluator sees their own always, and their colleagues' only
    /// once the panel is complete: every member who has not recused has a sheet that counts, at least the rubric's
    /// minimum. With `history`, amended revisions too. Reading colleagues' scores is reading the result.
    public func sheets(application uuid: UUID, history: Bool = false, by actor: Principal) async throws -> [ScoreSheet] {
        try actor.require([.admin, .hr, .leadership, .evaluator])
        return try await database.transaction { db in
            _ = try await Self.application(uuid, by: actor, in: db)
            let sheets = try await db.evaluations.sheets(applications: [uuid], history: history)
            if actor.role == .evaluator {
                guard let me = actor.userID,
                      let member = try await db.evaluations.member(application: uuid, evaluator: me)
                else {
                    throw ServiceError(.forbidden, slug: "not-assigned", LocalizedText(
                        vi: "Bạn không ở trong hội đồng đánh giá hồ sơ này", en: "You are not on this application's panel"))
                }
                guard member.status == .submitted, try await Self.panelIsComplete(uuid, in: db) else {
                    return sheets.filter { $0.evaluatorID == me }
                }
            }
            try await db.evaluations.markResultRead(applications: [uuid], by: actor.name)
            return sheets
        }
    }

    /// The panel's result. Reading it is recorded (the first time), and amendments counted after it are flagged.
    public func score(application uuid: UUID, by actor: Principal) async throws -> PanelResult {
        try actor.require(Self.panelReaders)
        return try await database.transaction { db in
            _ = try await Self.application(uuid, by: actor, in: db)
            return try await Self.result(for: uuid, in: Self.results(for: [uuid], readBy: actor, in: db))
        }
    }

    /// The applications for a position, ranked by panel score (complete panels first; equal scores share a rank).
    public func rank(position: UUID, by actor: Principal) async throws -> [RankedApplication] {
        try actor.require([.admin, .hr, .leadership])
        return try await database.transaction { db in
            guard let found = try await db.positions.get(position), PositionService.reaches(found, actor) else {
                throw PositionService.notFound(position)
            }
            let applications = try await db.applications.all(positionID: position)
            let results = try await Self.results(for: applications.map(\.id), readBy: actor, in: db)
            return Panel.rank(applications.map { ($0, Self.result(for: $0.id, in: results)) })
        }
    }

    // MARK: Shared with other services

    /// Panel results of applications, computed from their current sheets. With `readBy`, the results are being shown
    /// to someone: the first read of each (with a sheet that counts) is recorded.
    static func results(for applications: [UUID], readBy reader: Principal? = nil,
                        in db: Tables) async throws -> [UUID: PanelResult] {
        if let reader {
            try await db.evaluations.markResultRead(applications: applications, by: reader.name)
        }
        let sheets = try await db.evaluations.sheets(applications: applications)
        let rubrics = try await db.rubrics.get(Array(Set(sheets.map(\.rubricID))))
        let reads = try await db.evaluations.resultReads(applications: applications)
        let byApplication = Dictionary(grouping: sheets, by: \.applicationID)
        var results: [UUID: PanelResult] = [:]
        for id in applications {
            let own = byApplication[id] ?? []
            results[id] = PanelResult.compute(application: id, rubric: own.first.flatMap { rubrics[$0.rubricID] }, sheets: own,
                                              firstReadAt: reads[id])
        }
        return results
    }

    /// Whether every member of the panel who has not recused has a sheet that counts, and at least the rubric's
    /// minimum do: only then may an evaluator read their colleagues' scores.
    static func panelIsComplete(_ application: UUID, in db: Tables) async throws -> Bool {
        let members = try await db.evaluations.panel(application: application)
        guard members.allSatisfy({ $0.status == .submitted || $0.status == .recused }) else { return false }
        return try await result(for: application, in: results(for: [application], in: db)).complete
    }

    /// An application's result among those computed; one without sheets has the empty panel's result.
    static func result(for application: UUID, in results: [UUID: PanelResult]) -> PanelResult {
        results[application] ?? PanelResult.compute(application: application, rubric: nil, sheets: [])
    }

    /// The rubric an application's panel is held to and the fewest sheets it needs: the rubric of its sheets, else,
    /// before any sheet, the published rubric that needs the fewest (the first sheet chooses among them). Nil when no
    /// rubric is published.
    static func panelMinimum(application: UUID, in db: Tables) async throws -> (rubric: Rubric, required: Int)? {
        if let id = try await db.evaluations.rubricID(application: application), let rubric = try await db.rubrics.get(id) {
            return (rubric, rubric.definition.minEvaluators)
        }
        let published = try await db.rubrics.list(status: .published)
        guard let rubric = published.min(by: { $0.definition.minEvaluators < $1.definition.minEvaluators }) else { return nil }
        return (rubric, rubric.definition.minEvaluators)
    }

    /// A warning when fewer users may evaluate the candidate than the panel's rubric needs.
    static func warnings(for application: Application, in db: Tables) async throws -> [PanelWarning] {
        guard let minimum = try await panelMinimum(application: application.id, in: db) else { return [] }
        let eligible = try await db.evaluations.eligibleEvaluators(candidate: application.candidateID)
        guard eligible < minimum.required else { return [] }
        return [PanelWarning(eligibleEvaluators: eligible, required: minimum.required,
                             rubricName: minimum.rubric.definition.name)]
    }

    /// The application, or 404 when it does not exist or is out of an agency-scoped actor's reach (an evaluator's
    /// panel rules are their own: `not-assigned`).
    static func requireReach(_ id: UUID, by actor: Principal?, in db: Tables) async throws {
        guard let actor, actor.reach.agency != nil else { return }
        guard try await db.reach.application(id, actor.reach) else { throw ApplicationService.notFound(id) }
    }

    static func application(_ id: UUID, by actor: Principal? = nil, in db: Tables) async throws -> Application {
        try await requireReach(id, by: actor, in: db)
        guard let application = try await db.applications.get(id) else {
            throw ApplicationService.notFound(id)
        }
        return application
    }

    /// The application, locked, and refused when it is closed.
    static func lockOpenApplication(_ id: UUID, by actor: Principal? = nil, in tx: Tables) async throws -> Application {
        try await requireReach(id, by: actor, in: tx)
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
