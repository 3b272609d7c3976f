import Foundation
import TalentDomain
import TalentWire

/// Requests a partner may make per minute on the nomination routes (`TALENT_PARTNER_RATE_PER_MINUTE`, default 120):
/// a token bucket per partner, refilled continuously. Beyond it: 429 with `Retry-After`.
actor RateLimiter {
    let perMinute: Double
    private var buckets: [String: (tokens: Double, at: ContinuousClock.Instant)] = [:]

    init(perMinute: Int = 120) {
        self.perMinute = Double(max(1, perMinute))
    }

    /// Takes one request from the partner's bucket, or throws 429 saying when to retry.
    func take(_ partner: String) throws {
        let now = ContinuousClock.now
        var bucket = buckets[partner] ?? (perMinute, now)
        let elapsed = now - bucket.at
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(perMinute, bucket.tokens + seconds * perMinute / 60)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            buckets[partner] = bucket
            let wait = Int(((1 - bucket.tokens) * 60 / perMinute).rounded(.up))
            throw RateLimited(retryAfter: max(1, wait))
        }
        bucket.tokens -= 1
        buckets[partner] = bucket
    }

    struct RateLimited: Error {
        var retryAfter: Int
    }
}
