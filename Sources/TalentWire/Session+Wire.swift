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
