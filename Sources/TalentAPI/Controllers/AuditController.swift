import Foundation
import Hummingbird
import TalentDomain
import TalentService

/// `/v1/audit`: the audit trail of every write.
struct AuditController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("audit")
            .get(use: list)
    }

    @Sendable func list(_ request: Request, context: CallerContext) async throws -> Response {
        let query = try AuditQuery(entity: request.query("entity"), actor: request.query("actor"),
                                   since: request.query("since"))
        let page = try await services.audit.list(entity: query.entity, actor: query.actor, since: query.since,
                                                 page: request.pageRequest(), by: context.caller)
        return Reply.json(page)
    }
}
