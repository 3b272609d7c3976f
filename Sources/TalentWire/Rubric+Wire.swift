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

extension Rubric: WireObjectReadable {
    /// The definition is the answer's definition fields, read and checked as a rubric file is
    /// (`RubricDefinition(json:)`): a definition that passed that check when it was created reads back equal. Unlike
    /// the other readers, a field inside `scale` or a criterion that the file format does not know is refused.
    public init(reading r: WireReader) throws(ServiceError) {
        let known: Set<String> = ["name", "description", "scale", "pass_threshold", "min_evaluators", "aggregation",
                                  "disagreement_threshold", "criteria"]
        let definition: RubricDefinition
        do {
            definition = try RubricDefinition(json: .object(r.fields.filter { known.contains($0.key) }))
        } catch {
            let first = error.fieldErrors.first
            throw WireReader.unreadable(WireReader.path(r.path, first?.field ?? "definition"),
                                        vi: first?.message.vi ?? error.message.vi, en: first?.message.en ?? error.message.en)
        }
        try self.init(id: r("id"), version: r("version"), status: r("status"), definition: definition,
                      createdBy: r("created_by"), createdAt: r("created_at"), publishedAt: r.optional("published_at"),
                      retiredAt: r.optional("retired_at"))
    }
}

extension Criterion: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(key: r("key"), label: r("label"), description: r.optional("description"), weight: r("weight"),
                      levels: r("levels"))
    }
}
