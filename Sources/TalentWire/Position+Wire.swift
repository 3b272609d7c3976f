import Foundation
import TalentDomain

extension Position: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("agency_code", agencyCode)
            w.field("title", title)
            w.field("kind", kind)
            w.field("openings", openings)
            w.field("target_date", targetDate)
            w.field("status", status)
            w.field("description", description)
            w.field("hired", hired)
            w.field("version", version)
            w.field("created_at", createdAt)
            w.field("updated_at", updatedAt)
        }
    }
}
