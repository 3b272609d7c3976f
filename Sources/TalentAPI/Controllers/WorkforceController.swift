import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/officials`, `/v1/trainings`, `/v1/decisions`, `/v1/commendations`: the plan beyond recruitment.
struct WorkforceController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("officials")
            .get(use: listOfficials)
            .post(use: addOfficial)
            .get(":id", use: showOfficial)
            .patch(":id", use: updateOfficial)
            .post(":id/leave", use: leave)
        group.group("trainings")
            .get(use: listTrainings)
            .post(use: addTraining)
            .get(":id", use: showTraining)
            .get(":id/attendance", use: attendance)
            .post(":id/attendance", use: attend)
        group.group("decisions")
            .get(use: listDecisions)
            .post(use: recordDecision)
            .get(":id", use: showDecision)
        group.group("commendations")
            .get(use: listCommendations)
            .post(use: propose)
            .get(":id", use: showCommendation)
            .post(":id/decision", use: decide)
    }

    // MARK: Officials

    @Sendable func listOfficials(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let agency = query.code("agency"), kind = query.text("kind"), inPost = query.bool("in_post")
        let q = query.text("q")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.officials.list(agency: agency, kind: kind, inPost: inPost ?? false, q: q,
                                                            page: page, by: context.caller))
    }

    @Sendable func addOfficial(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(OfficialService.writers)
        var body = try await JSONBody.read(request, context: context)
        let draft = OfficialDraft(reading: &body)
        let input = try body.finish { try ValidOfficial(draft) }
        let official = try await services.officials.add(input, by: context.caller)
        return Reply.created(official, location: "/v1/officials/\(official.id.text)")
    }

    @Sendable func showOfficial(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        let official = try await services.officials.get(id, by: context.caller)
        return Reply.versioned(official, version: official.version)
    }

    @Sendable func updateOfficial(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(OfficialService.writers)
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let kind = body.string("kind"), core = body.bool("core_force")
        // Fields of the wrong type or unknown are 422 whatever the tag; then If-Match (428 or 412); then whether the
        // change asked for makes sense, as on every PATCH here.
        try body.finish()
        let version = try request.requiredVersion()
        let change = try OfficialChange(kind: kind, coreForce: core)
        let official = try await services.officials.update(id, change, expectedVersion: version, by: context.caller)
        return Reply.versioned(official, version: official.version)
    }

    @Sendable func leave(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(OfficialService.writers)
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let draft = OfficialLeaveDraft(reading: &body)
        let input = try body.finish { try OfficialLeave(draft) }
        let official = try await services.officials.leave(id, input, by: context.caller)
        return Reply.versioned(official, version: official.version)
    }

    // MARK: Trainings

    @Sendable func listTrainings(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.trainings.list(page: page, by: context.caller))
    }

    @Sendable func addTraining(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(TrainingService.writers)
        var body = try await JSONBody.read(request, context: context)
        let draft = TrainingDraft(reading: &body)
        let input = try body.finish { try ValidTraining(draft) }
        let training = try await services.trainings.add(input, by: context.caller)
        return Reply.created(training, location: "/v1/trainings/\(training.id.text)")
    }

    @Sendable func showTraining(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.trainings.get(id, by: context.caller))
    }

    @Sendable func attendance(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        try QueryParameters(request).finish()
        let items = try await services.trainings.attendance(id, by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func attend(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(TrainingService.writers)
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let draft = AttendanceDraft(reading: &body)
        let input = try body.finish { try ValidAttendance(draft) }
        let recorded = try await services.trainings.attend(id, input, by: context.caller)
        return Reply.json(recorded)
    }

    // MARK: Decisions

    @Sendable func listDecisions(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let agency = query.code("agency")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.decisions.list(agency: agency, page: page, by: context.caller))
    }

    @Sendable func recordDecision(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(DecisionService.writers)
        var body = try await JSONBody.read(request, context: context)
        let draft = HiringDecisionDraft(reading: &body)
        let input = try body.finish { try ValidHiringDecision(draft) }
        let decision = try await services.decisions.record(input, by: context.caller)
        return Reply.created(decision, location: "/v1/decisions/\(decision.id.text)")
    }

    @Sendable func showDecision(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.decisions.get(id, by: context.caller))
    }

    // MARK: Commendations

    @Sendable func listCommendations(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let status = query.text("status"), agency = query.code("agency")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.commendations.list(status: status, agency: agency, page: page,
                                                                by: context.caller))
    }

    @Sendable func propose(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(CommendationService.proposers)
        var body = try await JSONBody.read(request, context: context)
        let draft = CommendationDraft(reading: &body)
        let input = try body.finish { try ValidCommendation(draft) }
        let commendation = try await services.commendations.propose(input, by: context.caller)
        return Reply.created(commendation, location: "/v1/commendations/\(commendation.id.text)")
    }

    @Sendable func showCommendation(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.commendations.get(id, by: context.caller))
    }

    @Sendable func decide(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(CommendationService.proposers)
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let draft = CommendationDecisionDraft(reading: &body)
        let input = try body.finish { try CommendationDecision(draft) }
        return Reply.json(try await services.commendations.decide(id, input, by: context.caller))
    }
}
