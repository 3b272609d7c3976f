import Foundation

/// A partner's endpoint that is told when one of its nominations changes status. The secret signs every delivery
/// (HMAC-SHA256 of the body) and is shown once, when the webhook is added.
public struct Webhook: Sendable, Hashable {
    public var id: UUID
    public var partnerCode: String
    public var url: String
    public var active: Bool
    public var createdBy: String
    public var createdAt: Date
    /// Only in the answer that adds the webhook.
    public var secret: String?

    public init(id: UUID, partnerCode: String, url: String, active: Bool, createdBy: String, createdAt: Date,
                secret: String? = nil) {
        self.id = id
        self.partnerCode = partnerCode
        self.url = url
        self.active = active
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.secret = secret
    }
}

/// A webhook as an admin asks for it, checked: the partner's code and an absolute http(s) URL, `http` only to this
/// machine (a partner's real endpoint is reached over TLS).
public struct ValidWebhook: Sendable, Hashable {
    public var partnerCode: String
    public var url: String

    public init(partnerCode: String?, url: String?) throws(ServiceError) {
        var v = FieldValidator()
        let code = v.code("partner_code", partnerCode)
        let url = v.text("url", url, required: true, maxLength: 2000)
        if let url {
            if !Self.acceptable(url) {
                v.add("url", vi: "phải là địa chỉ https:// đầy đủ (http:// chỉ cho 127.0.0.1 hoặc localhost)",
                      en: "must be a full https:// URL (http:// only for 127.0.0.1 or localhost)")
            }
        }
        try v.check()
        self.partnerCode = code ?? ""
        // The scheme as the database's check reads it: `HTTPS://` is `https://`.
        var stored = url ?? ""
        if let colon = stored.firstIndex(of: ":") {
            stored = stored[..<colon].lowercased() + stored[colon...]
        }
        self.url = stored
    }

    static func acceptable(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(),
              !host.isEmpty, url.user == nil, url.password == nil, !text.contains(where: \.isWhitespace) else {
            return false
        }
        switch scheme {
        case "https": return true
        case "http": return ["127.0.0.1", "localhost", "::1"].contains(host)
        default: return false
        }
    }
}

/// Where a delivery stands: waiting (a first try or a retry), delivered (a 2xx answer), or given up after every retry.
public enum DeliveryState: String, Sendable, Codable, CaseIterable {
    case pending
    case delivered
    case failed
}

extension DeliveryState: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .pending: LocalizedText(vi: "đang chờ gửi", en: "pending")
        case .delivered: LocalizedText(vi: "đã gửi", en: "delivered")
        case .failed: LocalizedText(vi: "gửi không thành, đã thôi thử lại", en: "failed, no more retries")
        }
    }
}

/// One message of the outbox as `talent webhook deliveries` shows it.
public struct Delivery: Sendable, Hashable {
    public var id: UUID
    public var channel: String
    public var event: String
    public var partnerCode: String?
    public var webhookID: UUID?
    public var url: String?
    /// An e-mail's address.
    public var recipient: String?
    public var state: DeliveryState
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(id: UUID, channel: String, event: String, partnerCode: String?, webhookID: UUID?, url: String?,
                recipient: String? = nil, state: DeliveryState, attempts: Int, nextAttemptAt: Date?, lastStatus: Int?, lastError: String?,
                createdAt: Date, deliveredAt: Date?) {
        self.id = id
        self.channel = channel
        self.event = event
        self.partnerCode = partnerCode
        self.webhookID = webhookID
        self.url = url
        self.recipient = recipient
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}

/// A webhook delivery claimed by the worker: what to send, where, and with which key to sign it.
public struct DueWebhook: Sendable, Hashable {
    public var id: UUID
    public var event: String
    public var url: String
    public var secret: String
    public var body: String
    /// Attempts so far, this one included.
    public var attempt: Int

    public init(id: UUID, event: String, url: String, secret: String, body: String, attempt: Int) {
        self.id = id
        self.event = event
        self.url = url
        self.secret = secret
        self.body = body
        self.attempt = attempt
    }
}

/// When the outbox tries again: exponential backoff from `base` (doubling each attempt, capped), giving up after
/// `maxAttempts`.
public struct RetryPolicy: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration
    public var maxAttempts: Int

    public init(base: Duration = .seconds(30), cap: Duration = .seconds(6 * 3600), maxAttempts: Int = 12) {
        self.base = base
        self.cap = cap
        self.maxAttempts = max(1, maxAttempts)
    }

    /// The wait after the `attempt`th failed attempt (1-based): base, 2·base, 4·base, ... up to the cap; nil when
    /// that was the last attempt.
    public func delay(after attempt: Int) -> Duration? {
        guard attempt < maxAttempts else { return nil }
        let factor = Double(1 << min(max(attempt - 1, 0), 30))
        let seconds = min(base.seconds * factor, cap.seconds)
        return .milliseconds(Int64(seconds * 1000))
    }
}

extension Duration {
    /// The duration in seconds, fractions included.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
