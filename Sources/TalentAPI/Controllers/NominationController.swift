import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TalentDomain
import TalentWire
import TalentService

/// `/v1/nominations`: partner universities submit nominations and follow them; staff read them. Partners are held
/// to their rate on every route here.
struct NominationController {
    let services: TalentServices
    /// `TALENT_PARTNER_RATE_PER_MINUTE`.
    let partnerRatePerMinute: Int

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("nominations")
            .add(middleware: PartnerRateMiddleware(services: services, perMinute: partnerRatePerMinute))
            .post(use: submit)
            .get(use: list)
            .get(":id", use: show)
            .post(":id/triage", use: triage)
            .post(":id/documents", use: attach)
    }

    /// A partner attaches a file (the nomination letter, a transcript) to its own nomination.
    @Sendable func attach(_ request: Request, context: CallerContext) async throws -> Response {
        let id = try UUID.parse(context.parameters.require("id"))
        return try await DocumentController.receive(request, context: context, to: .nomination(id), services: services)
    }

    /// 201 with the receipt; the same `Idempotency-Key` and body again replays the first answer.
    @Sendable func submit(_ request: Request, context: CallerContext) async throws -> Response {
        // The role first: a caller who may not do this learns nothing from how its body is read.
        try context.caller.require(NominationService.writers)
        var body = try await JSONBody.read(request, context: context)
        let submitted = body.value
        let candidate = body.object("candidate") { CandidateDraft(reading: &$0) }
        let position = body.string("position_id")
        let nominator = body.object("nominator") { n in (n.string("name"), n.string("title"), n.string("email")) }
        let relationship = body.string("relationship")
        let justification = body.string("justification")
        let consent = body.object("consent") { c in (c.string("obtained_at"), c.string("notice_version"),
                                                     c.has("purposes") ? c.strings("purposes") : nil) }
        let draft = NominationDraft(
            candidate: candidate ?? CandidateDraft(), positionID: position, nominatorName: nominator?.0,
            nominatorTitle: nominator?.1, nominatorEmail: nominator?.2, relationship: relationship,
            justification: justification, consentObtainedAt: consent?.0, consentNoticeVersion: consent?.1,
            consentPurposes: consent?.2)
        let input = try body.finish { try ValidNomination(draft) }
        let key = try Self.idempotencyKey(request, context: context)
        let receipt = try await services.nominations.submit(input, submitted: submitted, idempotencyKey: key,
                                                            by: context.caller)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if receipt.replayed { headers[Self.replayedHeader] = "true" }
        return Response(status: .created, headers: headers, body: .init(byteBuffer: ByteBuffer(string: receipt.json)))
    }

    // Both are valid field names, so the fallback is never taken; it only spares a force unwrap.
    static let keyHeader = HTTPField.Name("Idempotency-Key") ?? .contentType
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed") ?? .contentType

    /// The partner's `Idempotency-Key`: required, 1–255 printable ASCII characters.
    static func idempotencyKey(_ request: Request, context: CallerContext) throws -> String {
        guard let key = request.headers[keyHeader]?.trimmed, !key.isEmpty else {
            throw Problem(status: .badRequest, slug: "idempotency-key-required", detail: LocalizedText(
                vi: "Cần tiêu đề Idempotency-Key (một giá trị duy nhất cho mỗi đề cử, dùng lại khi gửi lại)",
                en: "The Idempotency-Key header is required (one unique value per nomination, reused on retries)"),
                language: context.language)
        }
        guard key.utf8.count <= 255, key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E }) else {
            throw Problem(status: .badRequest, slug: "idempotency-key-invalid", detail: LocalizedText(
                vi: "Idempotency-Key phải gồm 1–255 ký tự ASCII in được", en: "Idempotency-Key must be 1–255 printable ASCII characters"),
                language: context.language)
        }
        return key
    }

    /// A partner sees its own nominations only.
    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let status = query.text("status"), triage = query.text("triage")
        let page = query.page()
        try query.finish()
        return Reply.json(try await services.nominations.list(status: status, triage: triage, page: page,
                                                              by: context.caller))
    }

    /// HR's triage: `{"triage": "reviewed" | "declined" | "accepted", "reason", "position_id"}`.
    @Sendable func triage(_ request: Request, context: CallerContext) async throws -> Response {
        try context.caller.require(NominationService.triagers)
        let id = try context.parameters.require("id")
        var body = try await JSONBody.read(request, context: context)
        let triage = body.string("triage"), reason = body.string("reason"), position = body.string("position_id")
        let input = try body.finish { try ValidTriage(triage: triage, reason: reason, positionID: position) }
        return Reply.json(try await services.nominations.triage(id, input, by: context.caller))
    }

    @Sendable func show(_ request: Request, context: CallerContext) async throws -> Response {
        Reply.json(try await services.nominations.get(context.parameters.require("id"), by: context.caller))
    }
}
