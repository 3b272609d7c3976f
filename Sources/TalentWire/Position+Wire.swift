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

/// A position's JSON body as the service's draft.
extension PositionDraft {
    /// The request body's fields, read one by one: a bad one is a field error in `body`, an unknown one is refused
    /// by `body.finish`.
    public init(reading body: inout JSONFields) {
        self.init(agencyCode: body.string("agency_code") ?? body.string("agency"), title: body.string("title"),
                  kind: body.string("kind"), openings: body.int("openings"), targetDate: body.string("target_date"),
                  status: body.string("status"), description: body.string("description"))
    }
}
