import Foundation
import TalentDomain

extension Session.Kind: JSONWritable {}
extension Scope: JSONWritable {}

/// A session as listed and audited: never its secret.
extension Session: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("user_id", userID.text)
            w.field("kind", kind)
            w.field("created_at", createdAt)
            w.field("expires_at", expiresAt)
            w.field("absolute_expires_at", absoluteExpiresAt)
            w.field("revoked_at", revokedAt)
        }
    }
}

/// `POST /v1/sessions`: the secret, shown once.
extension SignedIn: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("token", token)
            w.field("session_id", session.id.text)
            w.field("expires_at", session.expiresAt)
            w.field("absolute_expires_at", session.absoluteExpiresAt)
            w.field("user", user)
        }
    }
}

extension SignInRequest {
    /// `{"email", "password"}`.
    public init(reading body: inout JSONFields, address: String?) throws {
        let email = body.string("email")
        let password = body.string("password")
        self = try body.finish { () throws(ServiceError) in
            try SignInRequest(email: email, password: password, address: address)
        }
    }
}

/// `GET /v1/me`: the user (for a staff session or token), their role, scope and agency, and the session's expiry.
extension Me: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("name", principal.name)
            w.field("role", principal.role)
            w.field("scope", principal.scope)
            w.field("agency_code", principal.agencyCode)
            w.field("partner_code", principal.partnerCode)
            w.field("user", user)
            w.field("session_expires_at", session?.expiresAt)
        }
    }
}

extension Session.Kind: WireReadable {}
extension Scope: WireReadable {}

extension Session: WireObjectReadable {
    /// The answer leaves out the browser form key and when the session was last used: the session read here has an
    /// empty `formKey` and `lastSeenAt` at 1970-01-01.
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), userID: r("user_id"), kind: r("kind"), formKey: "", createdAt: r("created_at"),
                      lastSeenAt: Date(timeIntervalSince1970: 0), expiresAt: r("expires_at"),
                      absoluteExpiresAt: r("absolute_expires_at"), revokedAt: r.optional("revoked_at"))
    }
}

extension SignedIn: WireObjectReadable {
    /// The answer names the session by its id and expiries only: the session read here is the user's `api` session
    /// (what `POST /v1/sessions` opens), not revoked, with an empty `formKey` and its creation and last use at
    /// 1970-01-01.
    public init(reading r: WireReader) throws(ServiceError) {
        let user: StaffUser = try r("user")
        let epoch = Date(timeIntervalSince1970: 0)
        let session = try Session(id: r("session_id"), userID: user.id, kind: .api, formKey: "", createdAt: epoch,
                                  lastSeenAt: epoch, expiresAt: r("expires_at"),
                                  absoluteExpiresAt: r("absolute_expires_at"), revokedAt: nil)
        try self.init(token: r("token"), session: session, user: user)
    }
}

/// The sign-in body `SignInRequest(reading:address:)` reads back as this request: the e-mail and the password, in
/// clear, for the request only (never log it).
extension SignInRequest: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("email", email)
            w.field("password", password)
        }
    }
}

extension Me {
    /// `GET /v1/me` as the answer gives it: the caller's name, role, scope, agency and partner, the user record and
    /// the session's expiry. The answer does not carry the principal's channel, token or session ids, nor the session
    /// itself, so it reads back as this rather than as a `Me`.
    public struct Answer: Sendable, Hashable {
        public var name: String
        public var role: Role
        public var scope: Scope
        public var agencyCode: String?
        public var partnerCode: String?
        public var user: StaffUser?
        public var sessionExpiresAt: Date?

        public init(name: String, role: Role, scope: Scope, agencyCode: String?, partnerCode: String?,
                    user: StaffUser?, sessionExpiresAt: Date?) {
            self.name = name
            self.role = role
            self.scope = scope
            self.agencyCode = agencyCode
            self.partnerCode = partnerCode
            self.user = user
            self.sessionExpiresAt = sessionExpiresAt
        }

        /// The answer a `Me` gives.
        public init(_ me: Me) {
            self.init(name: me.principal.name, role: me.principal.role, scope: me.principal.scope,
                      agencyCode: me.principal.agencyCode, partnerCode: me.principal.partnerCode, user: me.user,
                      sessionExpiresAt: me.session?.expiresAt)
        }
    }
}

extension Me.Answer: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(name: r("name"), role: r("role"), scope: r("scope"), agencyCode: r.optional("agency_code"),
                      partnerCode: r.optional("partner_code"), user: r.optional("user"),
                      sessionExpiresAt: r.optional("session_expires_at"))
    }
}

extension Me.Answer: JSONWritable {
    /// The same object as the `Me` it was read from.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("name", name)
            w.field("role", role)
            w.field("scope", scope)
            w.field("agency_code", agencyCode)
            w.field("partner_code", partnerCode)
            w.field("user", user)
            w.field("session_expires_at", sessionExpiresAt)
        }
    }
}
