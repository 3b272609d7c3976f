import Foundation
import TalentDomain

extension AccessToken: JSONObjectWritable {
    /// The fields, for a record that adds its own (an issued token).
    public func writeFields(to w: inout JSONWriter) {
        w.field("id", id.text)
        w.field("user_id", userID?.text)
        w.field("partner_code", partnerCode)
        w.field("holder", holder)
        w.field("role", role)
        w.field("prefix", prefix)
        w.field("created_at", createdAt)
        w.field("expires_at", expiresAt)
        w.field("revoked_at", revokedAt)
        w.field("last_used_at", lastUsedAt)
    }
}

extension AccessToken: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), userID: r.optional("user_id"), partnerCode: r.optional("partner_code"),
                      holder: r("holder"), role: r("role"), prefix: r("prefix"), createdAt: r("created_at"),
                      expiresAt: r.optional("expires_at"), revokedAt: r.optional("revoked_at"),
                      lastUsedAt: r.optional("last_used_at"))
    }
}
