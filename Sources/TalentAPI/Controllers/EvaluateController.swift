import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentService
import TalentViews

/// The evaluators' pages in the browser: `GET /evaluate` (their panels and what is left to score),
/// `GET /evaluate/{application_id}` (the rubric's form) and `POST /evaluate/{application_id}` (submits or amends the
/// sheet through `EvaluationService.submit`, the same call as `POST /v1/applications/{id}/evaluations`: the same
/// rules, conflicts and locking, and the audit names the evaluator). Signed in like the dashboard.
struct EvaluateController {
    let services: TalentServices

    func addRoutes(to router: some RouterMethods<APIContext>) {
        router.group("evaluate")
            .get(use: list)
            .get(":application_id", use: form)
            .post(":application_id", use: submit)
            .post(":application_id/confirmation", use: confirm)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        let language = DashboardSession.language(request)
        guard let viewer = try await DashboardSession.viewer(request, context: context, services: services) else { return DashboardSession.toLogin() }
        if let refusal = Self.notEvaluator(viewer, language) { return refusal }
        let assignments = try await services.evaluations.assignments(limit: PageRequest.maximumLimit, by: viewer.principal)
        return DashboardSession.html(EvaluateView.list(viewer: viewer.principal.name, formKey: viewer.formKey ?? "",
                                                       assignments: assignments, language: language))
    }

    @Sendable func form(_ request: Request, context: APIContext) async throws -> Response {
        let language = DashboardSession.language(request)
        guard let viewer = try await DashboardSession.viewer(request, context: context, services: services) else { return DashboardSession.toLogin() }
        if let refusal = Self.notEvaluator(viewer, language) { return refusal }
        let assignment: EvaluatorAssignment
        switch try await find(context, viewer, language) {
        case .failure(let page): return page.response
        case .success(let found): assignment = found
        }
        let sheet = try await ownSheet(assignment, viewer)
        let chosen = request.uri.queryParameters.get("rubric").flatMap { UUID(uuidString: $0) }
        let rubric: Rubric
        switch try await formRubric(for: sheet, chosen: chosen, assignment: assignment, viewer: viewer, language: language) {
        case .failure(let page): return page.response
        case .success(let found): rubric = found
        }
        let saved = request.uri.queryParameters.get("saved") == "1"
        return DashboardSession.html(EvaluateView.form(
            EvaluateView.Form(viewer: viewer.principal.name, formKey: viewer.formKey ?? "", assignment: assignment, rubric: rubric,
                              sheet: sheet, saved: saved), language: language))
    }

    @Sendable func submit(_ request: Request, context: APIContext) async throws -> Response {
        let language = DashboardSession.language(request)
        let viewer: DashboardSession.Viewer, form: FormBody, assignment: EvaluatorAssignment
        switch try await post(request, context, language) {
        case .refused(let response): return response
        case .accepted(let who, let fields, let panel): (viewer, form, assignment) = (who, fields, panel)
        }
        var scores: [String: JSONValue] = [:], typed: [String: String] = [:]
        for (name, value) in form.fields where name.hasPrefix("score.") {
            let key = String(name.dropFirst("score.".count))
            let value = value.trimmingCharacters(in: .whitespaces)
            typed[key] = value
            if value.isEmpty { continue }
            scores[key] = Int(value).map { .number(Double($0)) } ?? .string(value)
        }
        let comment = form["comment"] ?? "", reason = form["reason"] ?? ""
        do {
            let submission = try Submission(rubricID: form["rubric_id"], scores: scores,
                                            comment: comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : comment,
                                            reason: reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : reason,
                                            by: viewer.principal)
            _ = try await services.evaluations.submit(application: assignment.member.applicationID, submission, by: viewer.principal)
            return DashboardSession.redirect("/evaluate/\(assignment.member.applicationID.uuidString.lowercased())?saved=1")
        } catch let error as ServiceError where ![.notFound, .forbidden, .unavailable, .internalFailure].contains(error.kind) {
            // Refused: the form again, with what was typed and why.
            let sheet = try await ownSheet(assignment, viewer)
            var message = error.message.text(language)
            var chosen = form["rubric_id"].flatMap { UUID(uuidString: $0) }
            if error.slug == "rubric-mismatch", case .string(let panel)? = error.extensions["rubric_id"] {
                chosen = UUID(uuidString: panel)
                message += LocalizedText(vi: ". Biểu mẫu nay theo bảng tiêu chí của hội đồng: hãy chấm lại.",
                                         en: ". The form now follows the panel's rubric: score it again.").text(language)
            }
            let rubric: Rubric
            switch try await formRubric(for: sheet, chosen: chosen, assignment: assignment, viewer: viewer, language: language) {
            case .failure(let page): return page.response
            case .success(let found): rubric = found
            }
            var fields: [String: String] = [:]
            for field in error.fieldErrors where fields[field.field] == nil { fields[field.field] = field.message.text(language) }
            let page = EvaluateView.form(EvaluateView.Form(
                viewer: viewer.principal.name, formKey: viewer.formKey ?? "", assignment: assignment, rubric: rubric, sheet: sheet,
                scores: typed, comment: comment, reason: reason, error: message, fieldErrors: fields), language: language)
            return DashboardSession.html(page, status: Problem(error, language: language).status)
        } catch let error as ServiceError where error.kind == .notFound || error.kind == .forbidden {
            return Page.notOnPanel(language, status: error.kind == .forbidden ? .forbidden : .notFound).response
        }
    }

    /// The evaluator confirms a sheet hr typed in for them: from then on it counts (`EvaluationService.confirm`).
    @Sendable func confirm(_ request: Request, context: APIContext) async throws -> Response {
        let language = DashboardSession.language(request)
        let viewer: DashboardSession.Viewer, form: FormBody, assignment: EvaluatorAssignment
        switch try await post(request, context, language) {
        case .refused(let response): return response
        case .accepted(let who, let fields, let panel): (viewer, form, assignment) = (who, fields, panel)
        }
        do {
            _ = try await services.evaluations.confirm(application: assignment.member.applicationID, sheet: nil,
                                                       by: viewer.principal)
        } catch let error as ServiceError where error.kind == .conflict {
            // Nothing to confirm any more (confirmed in another tab, or amended): the form says where the sheet stands.
        }
        return DashboardSession.redirect("/evaluate/\(assignment.member.applicationID.uuidString.lowercased())?saved=1")
    }

    // MARK: Shared

    /// What every form post checks before it does anything: the same site, a signed-in evaluator, the session's form
    /// key (signed in by the cookie; a bearer header cannot come from another site), and a panel of theirs.
    func post(_ request: Request, _ context: APIContext,
              _ language: Language) async throws -> PostCheck {
        if DashboardSession.crossSiteRefusal(request) != nil { return .refused(DashboardSession.refused(language)) }
        guard let viewer = try await DashboardSession.viewer(request, context: context, services: services) else {
            return .refused(DashboardSession.toLogin())
        }
        if let refusal = Self.notEvaluator(viewer, language) { return .refused(refusal) }
        let form = try await FormBody.read(request)
        if let formKey = viewer.formKey, !DashboardSession.same(form[DashboardSession.formKeyField], formKey) {
            return .refused(DashboardSession.refused(language))
        }
        switch try await find(context, viewer, language) {
        case .failure(let page): return .refused(page.response)
        case .success(let assignment): return .accepted(viewer, form, assignment)
        }
    }

    enum PostCheck {
        case accepted(DashboardSession.Viewer, FormBody, EvaluatorAssignment)
        case refused(Response)
    }

    /// A page answered instead of the form.
    struct Page: Error {
        var response: Response

        static func notOnPanel(_ language: Language, status: HTTPResponse.Status = .notFound) -> Page {
            Page(response: DashboardSession.html(DashboardView.message(
                LocalizedText(vi: "Không tìm thấy hồ sơ", en: "Application not found").text(language),
                LocalizedText(vi: "Bạn không ở trong hội đồng đánh giá hồ sơ này, hoặc hồ sơ không còn.",
                              en: "You are not on this application's panel, or it no longer exists.").text(language),
                language: language, link: ("/evaluate", LocalizedText(vi: "Phiếu đánh giá của tôi", en: "My score sheets").text(language))),
                status: status))
        }
    }

    /// The evaluation pages are for evaluators; the others get a clear 403 (and a way to their own page).
    static func notEvaluator(_ viewer: DashboardSession.Viewer, _ language: Language) -> Response? {
        guard viewer.principal.role != .evaluator else { return nil }
        let dashboard = [Role.admin, .hr, .leadership].contains(viewer.principal.role)
        return DashboardSession.html(DashboardView.message(
            LocalizedText(vi: "Không có quyền chấm điểm", en: "Not an evaluator").text(language),
            LocalizedText(vi: "Trang chấm điểm dành cho thành viên hội đồng đánh giá; vai trò của bạn là \(viewer.principal.role.rawValue).",
                          en: "The scoring pages are for members of an evaluation panel; your role is \(viewer.principal.role.rawValue).").text(language),
            language: language,
            link: dashboard ? ("/dashboard", LocalizedText(vi: "Bảng điều hành", en: "The dashboard").text(language)) : nil),
            status: .forbidden)
    }

    /// The viewer's place on the panel of the application in the path: 404 when they have none (or the id is not
    /// one), 409 when they have recused.
    func find(_ context: APIContext, _ viewer: DashboardSession.Viewer,
              _ language: Language) async throws -> Result<EvaluatorAssignment, Page> {
        guard let id = context.parameters.get("application_id").flatMap({ UUID(uuidString: $0) }) else { return .failure(.notOnPanel(language)) }
        let assignments = try await services.evaluations.assignments(limit: PageRequest.maximumLimit, by: viewer.principal)
        guard let assignment = assignments.first(where: { $0.member.applicationID == id }) else {
            return .failure(.notOnPanel(language))
        }
        if assignment.member.status == .recused {
            return .failure(Page(response: DashboardSession.html(DashboardView.message(
                LocalizedText(vi: "Đã rút khỏi hội đồng", en: "Recused").text(language),
                LocalizedText(vi: "Bạn đã rút khỏi hội đồng đánh giá hồ sơ này nên không chấm điểm hồ sơ này.",
                              en: "You have recused yourself from this application's panel, so you do not score it.").text(language),
                language: language, link: ("/evaluate", LocalizedText(vi: "Phiếu đánh giá của tôi", en: "My score sheets").text(language))),
                status: .conflict)))
        }
        return .success(assignment)
    }

    /// The viewer's own current sheet of the application (never a colleague's).
    func ownSheet(_ assignment: EvaluatorAssignment, _ viewer: DashboardSession.Viewer) async throws -> ScoreSheet? {
        guard let me = viewer.principal.userID else { return nil }
        let sheets = try await services.evaluations.sheets(application: assignment.member.applicationID, by: viewer.principal)
        return sheets.first { $0.evaluatorID == me && $0.supersededAt == nil }
    }

    /// The rubric of the form: the one the evaluator scored against, else the one chosen, else the only one
    /// published; with several published and none chosen, a page to choose.
    func formRubric(for sheet: ScoreSheet?, chosen: UUID?, assignment: EvaluatorAssignment, viewer: DashboardSession.Viewer,
                language: Language) async throws -> Result<Rubric, Page> {
        if let id = sheet?.rubricID ?? chosen, let rubric = try? await services.evaluations.rubric(id, by: viewer.principal) {
            return .success(rubric)
        }
        let published = try await services.evaluations.rubrics(status: .published, by: viewer.principal)
        if published.count == 1 { return .success(published[0]) }
        if published.isEmpty {
            return .failure(Page(response: DashboardSession.html(DashboardView.message(
                LocalizedText(vi: "Chưa có bảng tiêu chí", en: "No rubric yet").text(language),
                LocalizedText(vi: "Chưa có bảng tiêu chí nào được công bố; hãy liên hệ cán bộ nhân sự.",
                              en: "No rubric is published yet; ask the HR officer.").text(language),
                language: language, link: ("/evaluate", LocalizedText(vi: "Phiếu đánh giá của tôi", en: "My score sheets").text(language))),
                status: .conflict)))
        }
        return .failure(Page(response: DashboardSession.html(EvaluateView.chooseRubric(
            viewer: viewer.principal.name, formKey: viewer.formKey ?? "", assignment: assignment, rubrics: published,
            language: language))))
    }
}
