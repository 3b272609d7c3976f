import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentWire
import TalentService

/// `/v1/reports`: the pipeline, targets, partners and referrers, for leadership.
struct ReportController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("reports")
            .get("pipeline", use: pipeline)
            .get("targets", use: targets)
            .get("partners", use: partners)
            .get("referrers", use: referrers)
            .get("annual", use: annual)
            .get("training", use: training)
            .get("submissions", use: submissions)
            .post("submissions", use: submit)
            .get("issued", use: issuedList)
            .post("issued", use: issue)
            .get("issued/:id", use: issued)
            .get("issued/:id/:format", use: document)
    }

    /// Who has and has not submitted a year's report.
    @Sendable func submissions(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let year = query.integer("year", in: 2024...2100)
        try query.finish()
        return Reply.json(try await services.reportChain.overview(year: year, by: context.caller))
    }

    /// An agency's yearly report to Sở Tư pháp.
    @Sendable func submit(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(ReportChainService.submitters)
        var body = try await JSONBody.read(request, context: context)
        let draft = SubmissionDraft(reading: &body)
        let input = try body.finish { try ValidSubmission(draft) }
        let submission = try await services.reportChain.submit(input, by: context.caller)
        return Reply.created(submission, location: "/v1/reports/submissions?year=\(submission.year)")
    }

    @Sendable func issuedList(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.reportChain.issued(page: page, by: context.caller))
    }

    /// Issues the province's report, frozen as rendered.
    @Sendable func issue(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(ReportChainService.submitters)
        var body = try await JSONBody.read(request, context: context)
        let draft = IssueDraft(reading: &body)
        let input = try body.finish { try ValidIssue(draft) }
        let issued = try await services.reportChain.issue(input, by: context.caller)
        return Reply.created(issued, location: "/v1/reports/issued/\(issued.id.text)")
    }

    @Sendable func issued(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        try QueryParameters(request).finish()
        return Reply.json(try await services.reportChain.issued(id, by: context.caller))
    }

    /// One frozen document, the bytes as issued: `markdown`, `html` or `pdf`.
    @Sendable func document(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        try QueryParameters(request).finish()
        guard let format = IssuedFormat(rawValue: try context.parameters.require("format")) else {
            throw ServiceError.notFound(LocalizedText(vi: "định dạng", en: "format"),
                                        (try? context.parameters.require("format")) ?? "")
        }
        let document = try await services.reportChain.document(id, format, by: context.caller)
        var headers: HTTPFields = [:]
        headers[.contentType] = format.contentType
        headers[.contentDisposition] = "inline; filename=\"\(format.fileName)\""
        headers[.eTag] = "\"\(document.sha256)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: document.bytes)))
    }

    /// Training coverage against plan II.2.d, per agency and for the province.
    @Sendable func training(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let year = query.integer("year", in: 2024...2100)
        let agency = query.code("agency")
        try query.finish()
        return Reply.json(try await services.trainings.report(year: year, agency: agency, by: context.caller))
    }

    @Sendable func pipeline(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let agency = query.code("agency")
        let kind = query.oneOf("position_kind", PositionKind.self)
        let from = query.date("from"), to = query.date("to")
        let grouping = query.oneOf("group_by", PipelineGrouping.self)
        try query.finish()
        return Reply.json(try await services.reports.pipeline(
            PipelineQuery(agency: agency, positionKind: kind, from: from, to: to, groupBy: grouping), by: context.caller))
    }

    @Sendable func targets(_ request: Request, context: CallerContext) async throws -> Response {
        let items = try await services.reports.targets(by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func partners(_ request: Request, context: CallerContext) async throws -> Response {
        let items = try await services.reports.partners(by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func referrers(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let kind = query.oneOf("referrer_kind", ReferrerKind.self)
        try query.finish()
        let items = try await services.reports.referrers(kind: kind, by: context.caller)
        return Reply.json(Page(items: items, nextCursor: nil))
    }

    @Sendable func annual(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let year = query.integer("year", in: 1...9999)
        try query.finish()
        return Reply.json(try await services.reports.annual(ReportYear(year), by: context.caller))
    }
}
