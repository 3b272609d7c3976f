import Foundation
import TalentDomain

extension AccessToken: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in writeFields(to: &w) }
    }

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
