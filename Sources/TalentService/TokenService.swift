import Crypto
import Foundation
import TalentDomain
import TalentStore

/// Bearer tokens: issued by administrators, shown once, stored only as a SHA-256 hash, expiring, revocable at once.
public struct TokenService: Sendable {
    let database: Database

    public static let defaultLifetimeDays = 90
    static let secretPrefix = "tlt_"

    /// Issues a token that acts as the given staff user, or (with `partnerCode`) as a partner institution, whose
    /// role `partner` reaches the nomination routes only.
    public func issue(userID: String?, partnerCode: String? = nil, expiresInDays: Int?, by actor: Principal) async throws -> IssuedToken {
        try actor.require([.admin])
        var v = FieldValidator()
        if (userID == nil) == (partnerCode == nil) {
            v.add("user", vi: "cần đúng một trong --user ID hoặc --partner CODE", en: "give exactly one of --user ID or --partner CODE")
        }
        let days = v.integer("expires_in", expiresInDays ?? Self.defaultLifetimeDays, in: 1...3650)
        let partner = v.code("partner", partnerCode, required: false)
        try v.check()
        let id = try userID.map { text throws(ServiceError) in try UUID.parse(text, field: "user") }
        let secret = Self.newSecret()
        return try await database.transaction { tx in
            if let id, try await tx.users.get(id) == nil {
                throw ServiceError.notFound(LocalizedText(vi: "người dùng", en: "user"), id.text)
            }
            if let partner, try await tx.partners.get(partner) == nil {
                throw ServiceError.notFound(LocalizedText(vi: "đối tác", en: "partner"), partner)
            }
            let record = try await tx.tokens.insert(userID: id, partnerCode: partner, secretHash: Self.hash(secret),
                                                    prefix: String(secret.prefix(10)), expiresInDays: days)
            try await tx.audit.record(actor, "token.issue", "token", record.id.text, after: record)
            return IssuedToken(token: secret, record: record)
        }
    }

    /// Lists tokens (never their secrets).
    public func list(userID: String? = nil, page: PageRequest, by actor: Principal) async throws -> Page<AccessToken> {
        try actor.require([.admin])
        let user = try userID.map { text throws(ServiceError) in try UUID.parse(text, field: "user") }
        let rows = try await database.read { db in
            try await db.tokens.list(userID: user, page: page)
        }
        let items = Array(rows.prefix(page.limit))
        return Page(items: items, nextCursor: rows.count > page.limit ? items.last.map { Cursor(key: "", id: $0.id.text).encoded } : nil)
    }

    /// Revokes a token; it stops working at once. Revoking a revoked token changes nothing.
    public func revoke(_ tokenID: String, by actor: Principal) async throws -> AccessToken {
        try actor.require([.admin])
        let id = try UUID.parse(tokenID)
        return try await database.transaction { tx in
            guard let before = try await tx.tokens.get(id) else {
                throw ServiceError.notFound(LocalizedText(vi: "mã truy cập", en: "token"), id.text)
            }
            guard before.revokedAt == nil else { return before }
            try await tx.tokens.revoke(id)
            let after = try await tx.tokens.get(id)!
            try await tx.audit.record(actor, "token.revoke", "token", id.text, before: before, after: after)
            return after
        }
    }

    /// Who a bearer token acts as; `unauthenticated` for an unknown, expired or revoked token.
    public func authenticate(bearer secret: String) async throws -> Principal {
        guard secret.hasPrefix(Self.secretPrefix), secret.utf8.count < 200 else { throw ServiceError.unauthenticated }
        let hash = Self.hash(secret)
        let token = try await database.read { db in
            try await db.tokens.find(secretHash: hash)
        }
        guard let token, token.revokedAt == nil, token.expiresAt.map({ $0 > Date() }) ?? true else {
            throw ServiceError.unauthenticated
        }
        // Record use at most every five minutes, so reading does not turn every request into a write.
        if token.lastUsedAt.map({ Date().timeIntervalSince($0) > 300 }) ?? true {
            try? await database.read { db in try await db.tokens.touch(token.id) }
        }
        return Principal(name: token.holder, role: token.role, channel: .api, userID: token.userID,
                     partnerCode: token.partnerCode, tokenID: token.id)
    }

    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return secretPrefix + base64
    }

    static func hash(_ secret: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(secret.utf8)))
    }
}
