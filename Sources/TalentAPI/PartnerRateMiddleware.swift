import Foundation
import HTTPTypes
import Hummingbird
import TalentDomain
import TalentWire

/// Holds partners to their rate on the nomination routes: beyond it, 429 with `Retry-After`. Staff are not limited.
struct PartnerRateMiddleware: RouterMiddleware {
    typealias Context = CallerContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: CallerContext,
                next: (Request, CallerContext) async throws -> Response) async throws -> Response {
        if context.caller.role == .partner, let partner = context.caller.partnerCode {
            do {
                try await limiter.take(partner)
            } catch let limited as RateLimiter.RateLimited {
                throw Problem(status: .tooManyRequests, slug: "rate-limited",
                              detail: LocalizedText(vi: "Quá nhiều yêu cầu; thử lại sau \(limited.retryAfter) giây",
                                                    en: "Too many requests; retry in \(limited.retryAfter) s"),
                              language: context.language).withHeader(.retryAfter, String(limited.retryAfter))
            }
        }
        return try await next(request, context)
    }
}
