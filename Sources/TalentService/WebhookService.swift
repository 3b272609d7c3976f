import Crypto
import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Partners' webhooks: an administrator adds a partner's URL (the signing secret is shown once); every change of a
/// nomination's coarse status queues a signed delivery in the outbox, in the transaction of the change
/// (`NominationService.follow`); the server's worker sends what is due (`claimDue`, then `record`), retrying with
/// exponential backoff, and `deliveries` shows where each stands.
public struct WebhookService: Sendable {
    let database: Database
    public let retry: RetryPolicy

    public init(database: Database, retry: RetryPolicy = RetryPolicy()) {
        self.database = database
        self.retry = retry
    }

    public static let managers: Set<Role> = [.admin]
    /// Admins read every delivery; a partner reads its own webhooks and deliveries.
    static let readers: Set<Role> = [.admin, .partner]

    /// Adds a webhook for a partner; the answer carries the secret, which is never shown again.
    public func add(_ valid: ValidWebhook, by actor: Principal) async throws -> Webhook {
        try actor.require(Self.managers)
        return try await database.transaction { tx in
            guard try await tx.partners.get(valid.partnerCode) != nil else {
                throw ServiceError.invalid("partner_code", vi: "không có đối tác \(valid.partnerCode)",
                                           en: "no partner \(valid.partnerCode)")
            }
            let webhook = try await tx.webhooks.insert(valid, secret: TokenService.newSecret(prefix: "whsec_"),
                                                       createdBy: actor.name)
            var audited = webhook
            audited.secret = nil
            try await tx.audit.record(actor, "webhook.add", "webhook", webhook.id.text, after: audited)
            return webhook
        }
    }

    public func list(partner code: String?, by actor: Principal) async throws -> [Webhook] {
        try actor.require(Self.readers)
        let partner = try Self.partnerFilter(code, actor)
        let webhooks = try await database.read { try await $0.webhooks.list(partnerCode: partner) }
        return actor.role == .partner ? webhooks.map(Self.forPartner) : webhooks
    }

    /// One webhook (never its secret); another partner's is not found.
    public func get(_ id: String, by actor: Principal) async throws -> Webhook {
        try actor.require(Self.readers)
        let uuid = try UUID.parse(id)
        let partner = try Self.partnerFilter(nil, actor)
        guard let webhook = try await database.read({ try await $0.webhooks.get(uuid) }),
              partner.map({ $0 == webhook.partnerCode }) ?? true else {
            throw ServiceError.notFound(LocalizedText(vi: "webhook", en: "webhook"), uuid.text)
        }
        return actor.role == .partner ? Self.forPartner(webhook) : webhook
    }

    /// A partner reads its webhook without the name of the official who added it.
    static func forPartner(_ webhook: Webhook) -> Webhook {
        var copy = webhook
        copy.createdBy = ""
        return copy
    }

    /// Stops a webhook: nothing more is queued for it and what waits is given up; kept, with its deliveries, for the
    /// record.
    public func remove(_ id: String, by actor: Principal) async throws -> Webhook {
        try actor.require(Self.managers)
        let uuid = try UUID.parse(id)
        return try await database.transaction { tx in
            guard let before = try await tx.webhooks.get(uuid) else {
                throw ServiceError.notFound(LocalizedText(vi: "webhook", en: "webhook"), uuid.text)
            }
            try await tx.webhooks.deactivate(uuid)
            guard let after = try await tx.webhooks.get(uuid) else {
                throw ServiceError.notFound(LocalizedText(vi: "webhook", en: "webhook"), uuid.text)
            }
            if before.active {
                try await tx.audit.record(actor, "webhook.remove", "webhook", uuid.text, before: before, after: after)
            }
            return after
        }
    }

    /// The outbox's deliveries, newest first: every partner's for an admin (or one partner's), a partner's own.
    public func deliveries(partner code: String?, state: String?, page: PageRequest,
                           by actor: Principal) async throws -> Page<Delivery> {
        try actor.require(Self.readers)
        var v = FieldValidator()
        let state = v.oneOf("state", state, DeliveryState.self)
        try v.check()
        let partner = try Self.partnerFilter(code, actor)
        return try await database.read {
            try await $0.outbox.deliveries(channel: "webhook", partnerCode: partner, state: state, page: page)
        }
    }

    /// An admin's filter as asked (checked); a partner's own code whatever it asked.
    static func partnerFilter(_ code: String?, _ actor: Principal) throws(ServiceError) -> String? {
        var v = FieldValidator()
        let partner = v.code("partner", code, required: false)
        try v.check()
        if actor.role == .partner {
            guard let own = actor.partnerCode else { throw ServiceError.forbidden(actor.role.rawValue) }
            return own
        }
        return partner
    }

    // MARK: The worker's side (the server's own process, no caller)

    /// Claims what is due, each leased so that another instance's worker skips it meanwhile.
    public func claimDue(limit: Int = 20, lease: Duration = .seconds(60)) async throws -> [DueWebhook] {
        try await database.transaction { try await $0.webhooks.claimDue(limit: limit, lease: lease) }
    }

    /// What an attempt came to: a 2xx is delivered; anything else is retried after the policy's backoff, or given
    /// up after its last attempt.
    public func record(_ due: DueWebhook, status: Int?, error: String?) async throws {
        let delivered = status.map { (200..<300).contains($0) } ?? false
        let retryAfter = delivered ? nil : retry.delay(after: due.attempt)
        let reason = delivered ? nil : error ?? status.map { "HTTP \($0)" } ?? "no answer"
        try await database.transaction { try await $0.outbox.record(due.id, attempt: due.attempt, delivered: delivered, status: status,
                                                                      error: reason, retryAfter: retryAfter) }
    }

    /// `X-Talent-Signature`: `sha256=` and the hex HMAC-SHA256 of the body with the webhook's secret.
    public static func signature(body: some DataProtocol, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Data(mac).map { String(format: "%02x", $0) }.joined()
    }
}
