import Foundation
import Hummingbird
import TalentDomain
import TalentWire
import TalentService

/// The data subject's rights on their candidate record: `GET /v1/candidates/{id}/export`, everything held about the
/// person (the data-protection officer).
struct DataSubjectController {
    let services: TalentServices

    func addRoutes(to group: RouterGroup<CallerContext>) {
        group.group("candidates")
            .get(":id/export", use: export)
    }

    @Sendable func export(_ request: Request, context: CallerContext) async throws -> Response {
        try QueryParameters(request).finish()
        let id = try UUID.parse(context.parameters.require("id"))
        return Reply.json(try await services.dataSubjects.export(id, by: context.caller))
    }
}
