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
            .get("duplicates", use: duplicatePairs)
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
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(CandidateService.writers)
        var body = try await JSONBody.read(request, context: context)
        let draft = CandidateDraft(reading: &body)
        let input = try body.finish { try ValidCandidate(draft) }
        let created = try await services.candidates.add(input, by: context.caller)
        return Reply.created(created, location: "/v1/candidates/\(created.candidate.id.text)")
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let sections = query.sections("include")
        try query.finish()
        let id = try UUID.parse(context.parameters.require("id"))
        guard let sections, !sections.isEmpty else {
            let candidate = try await services.candidates.get(id, by: context.caller)
            return Reply.versioned(candidate, version: candidate.version)
        }
        let file = try await services.candidates.file(id, include: sections, by: context.caller)
        return Reply.versioned(file, version: file.candidate.version)
    }

    @Sendable func update(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(CandidateService.writers)
        // A path that names no record is 422 before anything else is looked at.
        let id = try UUID.parse(context.parameters.require("id"))
        var body = try await JSONBody.read(request, context: context)
        let draft = CandidateDraft(reading: &body)
        let fields = Set(body.keys.compactMap(CandidateDraft.Field.init(rawValue:)))
        let patch = try body.finish { try CandidatePatch(draft, fields: fields) }
        // If-Match is looked at once the body is known to be well formed: bad input answers 4xx, whatever the tag.
        let version = try request.requiredVersion()
        let candidate = try await services.candidates.update(id, patch: patch, expectedVersion: version,
                                                             by: context.caller)
        return Reply.versioned(candidate, version: candidate.version)
    }

    @Sendable func duplicates(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        let items = try await services.candidates.duplicates(of: id, by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    /// Every pair of profiles that look like the same person, within the caller's reach.
    @Sendable func duplicatePairs(_ request: Request, context: CallerContext) async throws -> Response {
        try QueryParameters(request).finish()
        return Reply.json(Page(items: try await services.candidates.duplicatePairs(by: context.caller), nextCursor: nil))
    }

    @Sendable func merge(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(CandidateService.writers)
        var body = try await JSONBody.read(request, context: context)
        let keep = try context.parameters.require("id")
        let other = body.string("other_id")
        let dryRun = body.bool("dry_run") ?? false
        let pair = try body.finish { try CandidateMerge(keep: keep, other: other) }
        let result = try await services.candidates.merge(pair, dryRun: dryRun, by: context.caller)
        // A dry run changed nothing: its tag is the stored version.
        return Reply.versioned(result, version: result.candidate.version)
    }
}
extension QueryParameters {
    /// `?include=applications,panels`: the sections of a candidate's file; nil when absent or empty.
    mutating func sections(_ name: String) -> Set<CandidateFileSection>? {
        guard let text = raw(name), !text.isEmpty else { return nil }
        do {
            return try CandidateFileSection.parseList(text, field: name)
        } catch {
            for field in error.fieldErrors { add(field.field, vi: field.message.vi, en: field.message.en) }
            return nil
        }
    }

    /// The filters of candidate lists and exports, each checked as its parameter.
    mutating func candidateQuery() -> CandidateQuery {
        CandidateQuery(
            text: text("q"), stage: oneOf("stage", PipelineStage.self)?.rawValue, agency: code("agency"),
            positionID: (uuid("position_id") ?? uuid("position"))?.text, sector: oneOf("sector", Sector.self)?.rawValue,
            degree: oneOf("degree", Degree.self)?.rawValue, graduationYear: integer("graduation_year", in: 1950...2100),
            createdFrom: date("created_from")?.description, createdTo: date("created_to")?.description,
            sort: oneOf("sort", CandidateSort.self)?.rawValue, document: text("document"))
    }
}
