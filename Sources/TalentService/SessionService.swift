import Crypto
import Dispatch
import Foundation
import HummingbirdBcrypt
import Synchronization
import TalentDomain
import TalentWire
import TalentStore

/// Signing in with an e-mail and a password, the sessions it opens, and who a bearer secret or a browser's session
/// cookie acts as. Failed sign-ins are limited per e-mail typed (whether or not an account has it, so the answer
/// tells nothing) and per client address.
public struct SessionService: Sendable {
    let database: Database
    let tokens: TokenService
    let settings: SessionSettings

    static let secretPrefix = "tls_"

    /// Signs in: a new session of `kind` for the account with this e-mail and password. A wrong password, an
    /// unknown e-mail, an account without a password and a disabled account all answer the same 401.
    public func signIn(_ request: SignInRequest, kind: Session.Kind = .api) async throws -> SignedIn {
        let emailKey = "email:" + request.email
        let addressKey = request.address.map { "address:" + $0 }
        let (emailState, addressState) = try await database.read { db in
            (try await db.sessions.failures(emailKey, windowMinutes: settings.failureWindowMinutes),
             try await addressKey.asyncMap { try await db.sessions.failures($0, windowMinutes: settings.failureWindowMinutes) })
        }
        if let addressState, addressState.count >= settings.failuresPerAddress {
            let wait = max(1, Int((addressState.windowEnds ?? Date()).timeIntervalSinceNow.rounded(.up)))
            throw Self.tooManyFromAddress(wait)
        }
        if let locked = emailState.lockedUntil {
            throw Self.locked(max(1, Int(locked.timeIntervalSinceNow.rounded(.up))))
        }
        let found = try await database.read { try await $0.users.credentials(email: request.email) }
        // An unknown e-mail still costs a bcrypt verification, so the time taken tells nothing either.
        let verified = await Self.verify(request.password, hash: found?.passwordHash ?? Self.decoy(cost: settings.bcryptCost))
        guard let found, found.passwordHash != nil, verified, !found.user.isDisabled else {
            try await database.transaction { tx in
                let count = try await tx.sessions.fail(emailKey, windowMinutes: settings.failureWindowMinutes,
                                                       lockAfter: settings.failuresPerAccount,
                                                       lockMinutes: settings.lockMinutes)
                if let addressKey {
                    try await tx.sessions.fail(addressKey, windowMinutes: settings.failureWindowMinutes,
                                               lockAfter: Int.max, lockMinutes: 0)
                }
                if let user = found?.user {
                    let reason = user.isDisabled ? "disabled" : (found?.passwordHash == nil ? "no_password" : "wrong_password")
                    try await tx.audit.record(Principal(user: user, channel: .api), "session.fail", "user", user.id.text,
                                              extra: ["reason": .string(reason), "failures": .number(Double(count)),
                                                      "address": request.address.map(JSONValue.string) ?? .null])
                }
            }
            throw Self.wrongCredentials
        }
        let secret = TokenService.newSecret(prefix: Self.secretPrefix)
        let maxMinutes = kind == .browser ? min(settings.maxMinutes, settings.browserMaxMinutes) : settings.maxMinutes
        return try await database.transaction { tx in
            let session = try await tx.sessions.insert(user: found.user.id, kind: kind, secretHash: TokenService.hash(secret),
                                                       formKey: TokenService.newSecret(prefix: ""),
                                                       address: request.address, idleMinutes: settings.idleMinutes,
                                                       maxMinutes: maxMinutes)
            try await tx.sessions.clear(emailKey)
            try await tx.audit.record(Principal(user: found.user, channel: .api), "session.create", "session",
                                      session.id.text, after: session)
            return SignedIn(token: secret, session: session, user: found.user)
        }
    }

    /// Signs out: the session of this principal stops working at once.
    public func signOut(_ actor: Principal) async throws {
        guard let sessionID = actor.sessionID else {
            throw ServiceError(.invalid, slug: "not-a-session", LocalizedText(
                vi: "Yêu cầu này không dùng phiên đăng nhập (mã truy cập do quản trị cấp thì thu hồi bằng talent token revoke)",
                en: "This request is not signed in with a session (an issued token is revoked with talent token revoke)"))
        }
        try await database.transaction { tx in
            try await tx.sessions.revoke(sessionID)
            try await tx.audit.record(actor, "session.revoke", "session", sessionID.text)
        }
    }

    /// Who a bearer secret acts as on `/v1`: an API session (`tls_…`) or an issued token (`tlt_…`).
    public func authenticate(bearer secret: String) async throws -> Principal {
        guard secret.hasPrefix(Self.secretPrefix) else { return try await tokens.authenticate(bearer: secret) }
        return try await authenticate(secret, kind: .api).0
    }

    /// Who a browser's session cookie acts as, and the key its forms must carry back.
    public func authenticate(browser secret: String) async throws -> (Principal, formKey: String) {
        let (principal, session) = try await authenticate(secret, kind: .browser)
        return (principal, session.formKey)
    }

    private func authenticate(_ secret: String, kind: Session.Kind) async throws -> (Principal, Session) {
        guard secret.hasPrefix(Self.secretPrefix), secret.utf8.count < 200 else { throw ServiceError.unauthenticated }
        let hash = TokenService.hash(secret)
        guard let (session, user) = try await database.read({ try await $0.sessions.find(secretHash: hash, kind: kind) })
        else { throw ServiceError.unauthenticated }
        // Slide the expiry at most once a minute, so reading does not turn every request into a write.
        if Date().timeIntervalSince(session.lastSeenAt) > 60 {
            try? await database.read { try await $0.sessions.touch(session.id, idleMinutes: settings.idleMinutes) }
        }
        var principal = Principal(user: user, channel: .api)
        principal.sessionID = session.id
        return (principal, session)
    }

    /// The signed-in user, as `GET /v1/me` and `talent whoami` show them.
    public func me(_ actor: Principal) async throws -> Me {
        guard let id = actor.userID else {
            return Me(user: nil, principal: actor, session: nil)
        }
        let (user, session) = try await database.read { db in
            (try await db.users.get(id), try await actor.sessionID.asyncMap { try await db.sessions.get($0) } ?? nil)
        }
        return Me(user: user, principal: actor, session: session)
    }

    static func verify(_ password: String, hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Bcrypt.verify(password, hash: hash)) }
        }
    }

    static func hash(_ password: NewPassword, cost: UInt8) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Bcrypt.hash(password.text, cost: cost)) }
        }
    }

    /// A bcrypt hash of nothing anyone types, verified against when the e-mail is unknown (made once per cost).
    static func decoy(cost: UInt8) -> String {
        decoys.withLock { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = Bcrypt.hash(TokenService.newSecret(prefix: ""), cost: cost)
            hashes[cost] = hash
            return hash
        }
    }

    private static let decoys = Mutex<[UInt8: String]>([:])

    static let wrongCredentials = ServiceError(.unauthenticated, slug: "sign-in-failed", LocalizedText(
        vi: "Thư điện tử hoặc mật khẩu không đúng", en: "The e-mail or the password is wrong"))

    static func locked(_ seconds: Int) -> ServiceError {
        var error = ServiceError(.tooManyRequests, slug: "sign-in-locked", LocalizedText(
            vi: "Tài khoản tạm khóa đăng nhập do nhập sai nhiều lần; thử lại sau \(Self.minutes(seconds)) phút hoặc nhờ quản trị viên mở khóa (talent user unlock)",
            en: "Sign-in to this account is locked after repeated failures; try again in \(Self.minutes(seconds)) min or ask an administrator to unlock it (talent user unlock)"))
        error.retryAfter = seconds
        return error
    }

    static func tooManyFromAddress(_ seconds: Int) -> ServiceError {
        var error = ServiceError(.tooManyRequests, slug: "too-many-sign-ins", LocalizedText(
            vi: "Quá nhiều lần đăng nhập sai từ địa chỉ này; thử lại sau \(Self.minutes(seconds)) phút",
            en: "Too many failed sign-ins from this address; try again in \(Self.minutes(seconds)) min"))
        error.retryAfter = seconds
        return error
    }

    static func minutes(_ seconds: Int) -> Int { max(1, (seconds + 59) / 60) }
}

/// How long sessions live and how failed sign-ins are limited.
public struct SessionSettings: Sendable, Equatable {
    /// A session unused this long expires (`TALENT_SESSION_IDLE_MINUTES`, default 8 hours); each use slides it.
    public var idleMinutes = 8 * 60
    /// No session lives longer (`TALENT_SESSION_MAX_HOURS`, default 7 days).
    public var maxMinutes = 7 * 24 * 60
    /// A browser's session lives at most a working day.
    public var browserMaxMinutes = 12 * 60
    /// Failed sign-ins are counted over this window.
    public var failureWindowMinutes = 15
    /// This many failures for one e-mail lock it for `lockMinutes` (an administrator can unlock sooner).
    public var failuresPerAccount = 5
    public var lockMinutes = 15
    /// This many failures from one address within the window answer 429 until the window ends.
    public var failuresPerAddress = 20
    /// The bcrypt cost of new passwords (`TALENT_BCRYPT_COST`, 10 to 16; tests use 4 to spare the CPU).
    public var bcryptCost: UInt8 = 12

    public init() {}
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
