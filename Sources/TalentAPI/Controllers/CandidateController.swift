import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/candidates`: profiles, search, duplicates and merges.
struct CandidateController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("candidates")
            .get(use: list)
            .post(use: create)
            .get(":id", use: show)
            .patch(":id", use: update)
            .get(":id/duplicates", use: duplicates)
            .post(":id/merge", use: merge)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let filters = query.candidateQuery()
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.candidates.list(filters, page: page, by: context.caller))
    }

    @Sendable func create(_ request: Request, context: CallerContext) async throws -> Response {
        var body = try await JSONBody.read(request, context: context)
        let draft = CandidateForms.draft(&body)
        let input = try body.finish { try ValidCandidate(draft) }
        let created = try await services.candidates.add(input, by: context.caller)
        return Reply.created(created, location: "/v1/candidates/\(created.candidate.id.text)")
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        let candidate = try await services.candidates.get(id, by: context.caller)
        return Reply.versioned(candidate, version: candidate.version)
    }

    @Sendable func update(_ request: Request, context: CallerContext) async throws -> Response {
        // The body is read first: a request that is malformed answers 4xx for that, whatever its If-Match.
        var body = try await JSONBody.read(request, context: context)
        let version = try request.requiredVersion()
        let draft = CandidateForms.draft(&body)
        let fields = Set(body.keys.compactMap(CandidateDraft.Field.init(rawValue:)))
        let patch = try body.finish { try CandidatePatch(draft, fields: fields) }
        let id = try UUID.parse(context.parameters.require("id"))
        let candidate = try await services.candidates.update(id, patch: patch, expectedVersion: version,
                                                             by: context.caller)
        return Reply.versioned(candidate, version: candidate.version)
    }

    @Sendable func duplicates(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        let items = try await services.candidates.duplicates(of: id, by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func merge(_ request: Request, context: CallerContext) async throws -> Response {
        var body = try await JSONBody.read(request, context: context)
        let keep = try context.parameters.require("id")
        let other = body.string("other_id")
        let pair = try body.finish { try CandidateMerge(keep: keep, other: other) }
        let merged = try await services.candidates.merge(pair, by: context.caller)
        return Reply.versioned(merged, version: merged.version)
    }
}

/// A candidate's JSON body (also the `candidate` of a nomination) as the service's draft.
enum CandidateForms {
    static func draft(_ body: inout JSONBody) -> CandidateDraft {
        CandidateDraft(
            fullName: body.string("full_name"), dateOfBirth: body.string("date_of_birth"), gender: body.string("gender"),
            citizenID: body.string("citizen_id"), email: body.string("email"), phone: body.string("phone"),
            province: body.string("province"),
            education: body.objects("education") { record in
                let education = EducationDraft(
                    degree: record.string("degree"), field: record.string("field"),
                    institution: record.string("institution"), graduationYear: record.int("graduation_year"),
                    classification: record.string("classification"))
                // The domain skips a record with nothing in it (a CSV row without education); sent in JSON, `{}` is a
                // mistake.
                if education.isEmpty, !record.failed("degree") {
                    record.add("degree", vi: "bắt buộc", en: "is required")
                }
                return education
            },
            sector: body.string("sector"), currentEmployer: body.string("current_employer"),
            currentTitle: body.string("current_title"), legalExperienceYears: body.int("legal_experience_years"),
            skills: body.strings("skills"), languages: body.strings("languages"), notes: body.string("notes"))
    }
}

extension QueryParameters {
    /// The filters of candidate lists and exports, each checked as its parameter.
    mutating func candidateQuery() -> CandidateQuery {
        CandidateQuery(
            text: text("q"), stage: oneOf("stage", PipelineStage.self)?.rawValue, agency: code("agency"),
            positionID: (uuid("position_id") ?? uuid("position"))?.text, sector: oneOf("sector", Sector.self)?.rawValue,
            degree: oneOf("degree", Degree.self)?.rawValue, graduationYear: integer("graduation_year", in: 1950...2100),
            createdFrom: date("created_from")?.description, createdTo: date("created_to")?.description,
            sort: oneOf("sort", CandidateSort.self)?.rawValue)
    }
}
