import Foundation
import Hummingbird
import TalentDomain
import TalentService

/// Holds partners to their rate on the nomination routes (`RateLimitService`: one budget per partner in the
/// database, whichever instance answers): beyond it, 429 with `Retry-After`. Staff are not limited.
struct PartnerRateMiddleware: RouterMiddleware {
    typealias Context = CallerContext
    let services: TalentServices
    let perMinute: Int

    func handle(_ request: Request, context: CallerContext,
                next: (Request, CallerContext) async throws -> Response) async throws -> Response {
        try await services.rateLimits.admit(context.caller, perMinute: perMinute)
        return try await next(request, context)
    }
}
