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

extension CandidateContact: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(kind: r("kind"), value: r("value"), mergedFrom: r.optional("merged_from"))
    }
}

extension MergeField: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(field: r("field"), kept: r.optional("kept"), other: r.optional("other"), outcome: r("outcome"))
    }
}

extension CandidateMergeResult {
    /// A merge as the answer gives it: the kept profile and the `merge` section. The answer does not carry the two
    /// profiles as they were before the merge (`plan.keep`, `plan.other`, `plan.merged`), only the other's id, so it
    /// reads back as this rather than as a `CandidateMergeResult`.
    public struct Answer: Sendable, Hashable {
        public var candidate: Candidate
        public var otherID: UUID
        public var dryRun: Bool
        /// `plan.fields`: what became of each of the other profile's fields.
        public var fields: [MergeField]
        /// `plan.newContacts`.
        public var newContacts: [CandidateContact]

        public init(candidate: Candidate, otherID: UUID, dryRun: Bool, fields: [MergeField],
                    newContacts: [CandidateContact]) {
            self.candidate = candidate
            self.otherID = otherID
            self.dryRun = dryRun
            self.fields = fields
            self.newContacts = newContacts
        }

        /// The answer of a merge result, as the API would give it.
        public init(_ result: CandidateMergeResult) {
            self.init(candidate: result.candidate, otherID: result.plan.other.id, dryRun: result.dryRun,
                      fields: result.plan.fields, newContacts: result.plan.newContacts)
        }
    }
}

extension CandidateMergeResult.Answer: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        let merge = try r.object("merge")
        try self.init(candidate: r.read(), otherID: merge("other_id"), dryRun: merge("dry_run"), fields: merge("fields"),
                      newContacts: merge("other_contacts_added"))
    }
}

extension CandidateMergeResult.Answer: JSONWritable {
    /// The same object as the `CandidateMergeResult` it was read from.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            candidate.writeFields(to: &w)
            w.key("merge")
            w.object { w in
                w.field("other_id", otherID.text)
                w.field("dry_run", dryRun)
                w.field("fields", fields)
                w.field("other_contacts_added", newContacts)
            }
        }
    }
}
