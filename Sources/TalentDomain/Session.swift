import Foundation

/// A signed-in session of a staff user: `api` is a bearer token for `/v1` (the remote CLI, scripts acting as a
/// person); `browser` is the dashboard's and the evaluation pages' cookie, which opens no `/v1` route. It expires
/// after a while without use (sliding) and at its absolute expiry whatever happens; signing out revokes it.
public struct Session: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case api
        case browser
    }

    public var id: UUID
    public var userID: UUID
    public var kind: Kind
    /// What the browser's forms carry back (CSRF protection); never shown for an `api` session.
    public var formKey: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date
    public var absoluteExpiresAt: Date
    public var revokedAt: Date?

    public init(id: UUID, userID: UUID, kind: Kind, formKey: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date,
                absoluteExpiresAt: Date, revokedAt: Date?) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.formKey = formKey
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.absoluteExpiresAt = absoluteExpiresAt
        self.revokedAt = revokedAt
    }
}

/// What signing in gives: the secret (shown once, never stored), the session and who it is.
public struct SignedIn: Sendable, Hashable {
    public var token: String
    public var session: Session
    public var user: StaffUser

    public init(token: String, session: Session, user: StaffUser) {
        self.token = token
        self.session = session
        self.user = user
    }
}

/// An e-mail and a password as typed at a sign-in, checked for shape only (whether they match is the service's).
public struct SignInRequest: Sendable, Hashable {
    public var email: String
    public var password: String
    /// Where the request came from (the client address), for the per-address limit.
    public var address: String?

    public init(email: String?, password: String?, address: String?) throws(ServiceError) {
        var v = FieldValidator()
        if email?.trimmed.isEmpty ?? true { v.add("email", vi: "bắt buộc", en: "is required") }
        if password?.isEmpty ?? true { v.add("password", vi: "bắt buộc", en: "is required") }
        try v.check()
        self.email = (email ?? "").trimmed.lowercased()
        self.password = password ?? ""
        self.address = address
    }
}

/// A new password, checked: at least 10 characters, at most 72 bytes (bcrypt reads no further), not the e-mail.
public struct NewPassword: Sendable, Hashable {
    public var text: String

    public init(_ text: String?, email: String? = nil) throws(ServiceError) {
        let text = text ?? ""
        if text.count < 10 {
            throw ServiceError.invalid("password", vi: "mật khẩu cần ít nhất 10 ký tự", en: "a password needs at least 10 characters")
        }
        if text.utf8.count > 72 {
            throw ServiceError.invalid("password", vi: "mật khẩu dài quá 72 byte", en: "a password is at most 72 bytes")
        }
        if let email, text.lowercased() == email.lowercased() {
            throw ServiceError.invalid("password", vi: "mật khẩu không được trùng thư điện tử", en: "the password must not be the e-mail")
        }
        self.text = text
    }
}

extension NewPassword: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never printed or logged.
    public var description: String { "••••" }
    public var debugDescription: String { "••••" }
}

/// Who is signed in, for `GET /v1/me` and `talent whoami`.
public struct Me: Sendable, Hashable {
    public var user: StaffUser?
    public var principal: Principal
    public var session: Session?

    public init(user: StaffUser?, principal: Principal, session: Session?) {
        self.user = user
        self.principal = principal
        self.session = session
    }
}
