import Foundation
import TalentDomain

/// A rubric is its definition's fields (as written in `rubric create --file`), with its id, version, status and dates.
extension Rubric: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id.text)
            w.field("version", version)
            w.field("status", status)
            if case .object(let fields) = definition.json {
                for key in fields.keys.sorted() { w.field(key, fields[key]!) }
            }
            w.field("created_by", createdBy)
            w.field("created_at", createdAt)
            w.field("published_at", publishedAt)
            w.field("retired_at", retiredAt)
        }
    }
}

/// A criterion as written in a rubric's file: its levels keyed by the score they describe.
extension Criterion: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("key", key)
            w.field("label", label)
            w.field("description", description)
            w.field("weight", weight)
            w.field("levels", levels)
        }
    }
}
