import Crypto
import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Bearer tokens: issued by administrators, shown once, stored only as a SHA-256 hash, expiring, revocable at once.
public struct TokenService: Sendable {
    let database: Database
    /// No token lives longer (`TALENT_TOKEN_MAX_DAYS`, default a year).
    var maxLifetimeDays = 365

    public static let defaultLifetimeDays = TokenRequest.defaultLifetimeDays
    static let secretPrefix = "tlt_"

    /// Issues a token that acts as the given staff user, or (with `partnerCode`) as a partner institution, whose
    /// role `partner` reaches the nomination routes only.
    public func issue(_ request: TokenRequest, by actor: Principal) async throws -> IssuedToken {
        try actor.require([.admin])
        guard request.expiresInDays <= maxLifetimeDays else {
            throw ServiceError.invalid("expires_in", vi: "mã truy cập sống nhiều nhất \(maxLifetimeDays) ngày",
                                       en: "a token lives at most \(maxLifetimeDays) days")
        }
        let secret = Self.newSecret()
        return try await database.transaction { tx in
            var (id, partner): (UUID?, String?) = (nil, nil)
            switch request.holder {
            case .user(let user):
                guard try await tx.users.get(user) != nil else {
                    throw ServiceError.notFound(LocalizedText(vi: "người dùng", en: "user"), user.text)
                }
                id = user
            case .partner(let code):
                guard try await tx.partners.get(code) != nil else {
                    throw ServiceError.notFound(LocalizedText(vi: "đối tác", en: "partner"), code)
                }
                partner = code
            }
            let record = try await tx.tokens.insert(userID: id, partnerCode: partner, secretHash: Self.hash(secret),
                                                    prefix: String(secret.prefix(10)),
                                                    expiresInDays: request.expiresInDays)
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
    public func revoke(_ id: UUID, by actor: Principal) async throws -> AccessToken {
        try actor.require([.admin])
        return try await database.transaction { tx in
            guard let before = try await tx.tokens.get(id) else {
                throw ServiceError.notFound(LocalizedText(vi: "mã truy cập", en: "token"), id.text)
            }
            guard before.revokedAt == nil else { return before }
            try await tx.tokens.revoke(id)
            guard let after = try await tx.tokens.get(id) else {
                throw ServiceError.notFound(LocalizedText(vi: "mã truy cập", en: "token"), id.text)
            }
            try await tx.audit.record(actor, "token.revoke", "token", id.text, before: before, after: after)
            return after
        }
    }

    /// Who a bearer token acts as; `unauthenticated` for an unknown, expired or revoked token.
    public func authenticate(bearer secret: String) async throws -> Principal {
        guard secret.hasPrefix(Self.secretPrefix), secret.utf8.count < 200 else { throw ServiceError.unauthenticated }
        let hash = Self.hash(secret)
        let grant = try await database.read { db in
            try await db.tokens.find(secretHash: hash)
        }
        guard let grant, grant.revokedAt == nil, !grant.holderDisabled, grant.expiresAt.map({ $0 > Date() }) ?? true,
              let tokenID = grant.principal.tokenID
        else { throw ServiceError.unauthenticated }
        // Record use at most every five minutes, so reading does not turn every request into a write.
        if grant.lastUsedAt.map({ Date().timeIntervalSince($0) > 300 }) ?? true {
            try? await database.read { db in try await db.tokens.touch(tokenID) }
        }
        return grant.principal
    }

    static func newSecret(prefix: String = secretPrefix) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + base64
    }

    static func hash(_ secret: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(secret.utf8)))
    }
}
