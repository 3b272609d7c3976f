import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// Evaluation panels and score sheets: an application's evaluators, recusals, sheets and panel score, an
/// evaluator's own assignments (`/v1/assignments`), and a position's ranking.
struct EvaluationController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("applications")
            .get(":id/evaluators", use: panel)
            .post(":id/evaluators", use: assign)
            .post(":id/recusals", use: recuse)
            .get(":id/evaluations", use: sheets)
            .post(":id/evaluations", use: submit)
            .post(":id/evaluations/:sheet_id/confirmation", use: confirm)
            .get(":id/score", use: score)
        group.group("assignments")
            .get(use: assignments)
        group.group("positions")
            .get(":id/ranking", use: ranking)
    }

    @Sendable func panel(_ request: Request, context: CallerContext) async throws -> Response {
        let items = try await services.evaluations.panel(application: UUID.parse(context.parameters.require("id")), by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func assign(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(EvaluationService.writers)
        var body = try await JSONBody.read(request, context: context)
        let evaluator = body.string("evaluator_id")
        let input = try body.finish { try PanelAssignment(evaluatorID: evaluator) }
        let change = try await services.evaluations.assign(application: UUID.parse(context.parameters.require("id")),
                                                           input, by: context.caller)
        return Reply.created(change.in(context.language),
                             location: "/v1/applications/\(change.record.applicationID.text)/evaluators")
    }

    @Sendable func recuse(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(EvaluationService.scorers)
        var body = try await JSONBody.read(request, context: context)
        let evaluator = body.string("evaluator_id")
        let reason = body.string("reason")
        let relationship = body.string("relationship")
        let input = try body.finish {
            try Recusal(evaluatorID: evaluator, reason: reason, relationship: relationship, by: context.caller)
        }
        let change = try await services.evaluations.recuse(
            application: UUID.parse(context.parameters.require("id")), input, by: context.caller)
        return Reply.created(change.in(context.language),
                             location: "/v1/applications/\(change.record.applicationID?.text ?? "")/evaluators")
    }

    /// The panels an evaluator sits on: what is still to score, submitted, recused.
    @Sendable func assignments(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let evaluator = query.uuid("evaluator_id")
        let status = query.oneOf("status", PanelMemberStatus.self)
        let limit = query.integer("limit", in: 1...PageRequest.maximumLimit)
        try query.finish()
        let items = try await services.evaluations.assignments(evaluator: evaluator, status: status,
                                                               limit: limit ?? PageRequest.defaultLimit, by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func sheets(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let history = query.bool("history") ?? false
        try query.finish()
        let items = try await services.evaluations.sheets(application: UUID.parse(context.parameters.require("id")), history: history,
                                                          by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func submit(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(EvaluationService.scorers)
        var body = try await JSONBody.read(request, context: context)
        let rubric = body.string("rubric_id"), scores = body.members("scores"), comment = body.string("comment")
        let reason = body.string("reason"), evaluator = body.string("evaluator_id")
        let submission = try body.finish {
            try Submission(rubricID: rubric, scores: scores, comment: comment, reason: reason, evaluatorID: evaluator,
                           by: context.caller)
        }
        let sheet = try await services.evaluations.submit(application: UUID.parse(context.parameters.require("id")),
                                                          submission, by: context.caller)
        return Reply.created(sheet, location: "/v1/applications/\(sheet.applicationID.text)/evaluations")
    }

    /// The evaluator confirms a sheet typed in for them: no body.
    @Sendable func confirm(_ request: Request, context: CallerContext) async throws -> Response {
        let application = try UUID.parse(context.parameters.require("id"))
        // `current`: the evaluator's current sheet of the application.
        let named = try context.parameters.require("sheet_id")
        let sheet = named == "current" ? nil : try UUID.parse(named, field: "sheet_id")
        return Reply.json(try await services.evaluations.confirm(application: application, sheet: sheet, by: context.caller))
    }

    @Sendable func score(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.evaluations.score(application: UUID.parse(context.parameters.require("id")), by: context.caller))
    }

    @Sendable func ranking(_ request: Request, context: CallerContext) async throws -> Response {
        let items = try await services.evaluations.rank(position: UUID.parse(context.parameters.require("id"), field: "position"), by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }
}
