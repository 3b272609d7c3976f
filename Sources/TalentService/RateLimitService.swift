import Foundation
import TalentDomain
import TalentStore

/// How often partner universities may call the nomination routes (`TALENT_PARTNER_RATE_PER_MINUTE`): a token bucket
/// per partner holding one minute's worth of requests, refilled continuously. The buckets are rows in the database
/// (migration 0019), so every instance of the server behind a balancer draws on the same budget. Staff are not limited.
public struct RateLimitService: Sendable {
    let database: Database

    /// The product's default rate, requests per minute per partner.
    public static let defaultPerMinute = 120

    /// Admits one request of a partner at `perMinute`, or throws 429 `rate-limited` saying in how many seconds the
    /// next one will be admitted. Other callers pass without a database round trip.
    public func admit(_ actor: Principal, perMinute: Int) async throws {
        guard actor.role == .partner, let partner = actor.partnerCode else { return }
        let rate = Double(max(1, perMinute))
        let (taken, left) = try await database.read { db in
            try await db.rateLimits.take(partnerCode: partner, capacity: rate, perSecond: rate / 60)
        }
        guard !taken else { return }
        // The time until the bucket holds one whole request again.
        throw Self.limited(retryAfter: max(1, Int(((1 - (left ?? 0)) * 60 / rate).rounded(.up))))
    }

    static func limited(retryAfter seconds: Int) -> ServiceError {
        var error = ServiceError(.tooManyRequests, slug: "rate-limited", LocalizedText(
            vi: "Quá nhiều yêu cầu; thử lại sau \(seconds) giây", en: "Too many requests; retry in \(seconds) s"))
        error.retryAfter = seconds
        return error
    }
}
