import Foundation
import TalentDomain

extension CandidateContact: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("kind", kind)
            w.field("value", value)
            w.field("merged_from", mergedFrom?.text)
        }
    }
}

extension MergeField: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("field", field)
            w.field("kept", kept)
            w.field("other", other)
            w.field("outcome", outcome)
        }
    }
}

/// The kept profile's fields and a `merge` section: what became of each of the other profile's fields.
extension CandidateMergeResult: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            candidate.writeFields(to: &w)
            w.key("merge")
            w.object { w in
                w.field("other_id", plan.other.id.text)
                w.field("dry_run", dryRun)
                w.field("fields", plan.fields)
                w.field("other_contacts_added", plan.newContacts)
            }
        }
    }
}
