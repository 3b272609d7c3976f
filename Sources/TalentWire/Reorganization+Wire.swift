import TalentDomain

extension ReorganizationChange.Action: JSONWritable {}
extension ReorganizationChange.Outcome: JSONWritable {}

extension ReorganizationChange: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("step", step)
            w.field("effective", effective)
            w.field("action", action)
            w.field("code", code)
            w.field("name", name)
            w.field("previous_name", previousName)
            w.field("kind", kind)
            w.field("merged_into", mergedInto)
            w.field("outcome", outcome)
            w.field("positions_moved", positionsMoved)
            w.field("targets_moved", targetsMoved)
            w.field("targets_folded", targetsFolded)
        }
    }
}

extension ReorganizationResult: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id)
            w.field("name", name)
            w.field("dry_run", dryRun)
            w.field("changed", changed)
            w.key("summary")
            w.object { w in
                w.field("created", count(.create))
                w.field("renamed", count(.rename))
                w.field("retired", count(.retire))
                w.field("kept", changes.filter { $0.action == .keep }.count)
                w.field("unchanged", unchanged)
                w.field("positions_moved", positionsMoved)
                w.field("targets_moved", targetsMoved)
                w.field("targets_folded", targetsFolded)
            }
            w.field("changes", changes)
        }
    }
}

extension ReorganizationChange.Action: WireReadable {}
extension ReorganizationChange.Outcome: WireReadable {}

extension ReorganizationChange: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(step: r("step"), effective: r("effective"), action: r("action"), code: r("code"), name: r("name"),
                      previousName: r.optional("previous_name"), kind: r("kind"), mergedInto: r.optional("merged_into"),
                      outcome: r("outcome"), positionsMoved: r("positions_moved"), targetsMoved: r("targets_moved"),
                      targetsFolded: r("targets_folded"))
    }
}

extension ReorganizationResult: WireObjectReadable {
    /// `changed` and the `summary` are worked out from the changes, as when the answer was written; they are not
    /// read.
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), name: r("name"), dryRun: r("dry_run"), changes: r("changes"))
    }
}
