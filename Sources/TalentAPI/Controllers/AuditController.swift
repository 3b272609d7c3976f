import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// `/v1/audit`: the audit trail of every write.
struct AuditController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("audit")
            .get(use: list)
            .get("verify", use: verify)
    }

    /// `GET /v1/audit/verify[?anchor=SEQ:HASH]`: the hash chain checked whole; 200 whether intact or not (`ok` says).
    @Sendable func verify(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let anchor = query.text("anchor")
        try query.finish()
        let parsed = try anchor.map { try AuditAnchor(parsing: $0) }
        return Reply.json(try await services.audit.verify(anchor: parsed, by: context.caller))
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        var query = QueryParameters(request)
        let entity = query.text("entity"), actor = query.text("actor"), action = query.text("action")
        let since = query.date("since")
        let page = query.page()
        try query.finish()
        var filter: AuditEntity?
        if let entity { filter = try AuditEntity(parsing: entity) }
        return Reply.json(try await services.audit.list(entity: filter, actor: actor, action: action, since: since, page: page,
                                                        by: context.caller))
    }
}
