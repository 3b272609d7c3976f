import Foundation
import TalentDomain

extension Agreement: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("partner_code", partnerCode)
            w.field("reference", reference)
            w.field("title", title)
            w.field("signed_on", signedOn)
            w.field("starts_on", startsOn)
            w.field("ends_on", endsOn)
            w.field("status", status())
            w.field("fields", fields)
            w.field("yearly_quota", yearlyQuota)
            w.field("training", training)
            w.field("notes", notes)
            w.field("version", version)
            w.field("created_at", createdAt)
            w.field("updated_at", updatedAt)
        }
    }
}
