import Foundation
import TalentDomain
import TalentStore
import TalentWire

/// Audit entries of one use case, written together in one statement (a nomination writes three). Public for the
/// demo and synthetic-data generators (TalentDemo), which write through the store like the services do.
public struct AuditBatch: Sendable {
    public private(set) var entries: [AuditTable.Entry] = []

    public init() {}

    public mutating func add(_ action: String, _ entityType: String, _ entityID: String,
                      before: (any JSONWritable & Sendable)? = nil, after: (any JSONWritable & Sendable)? = nil,
                      extra: [String: JSONValue] = [:]) {
        // The records as the API shows them (their one mapping, in TalentWire).
        var w = JSONWriter()
        w.beginObject()
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) {
            w.key(key)
            value.write(to: &w)
        }
        for (key, record) in [("after", after), ("before", before)] {
            guard let record else { continue }
            w.key(key)
            record.write(to: &w)
        }
        w.endObject()
        entries.append(AuditTable.Entry(action: action, entityType: entityType, entityID: entityID,
                                        changes: String(decoding: w.bytes, as: UTF8.self)))
    }
}

extension AuditTable {
    /// Writes one audit entry in the transaction of the write it describes.
    public func record(_ actor: Principal, _ action: String, _ entityType: String, _ entityID: String,
                before: (any JSONWritable & Sendable)? = nil, after: (any JSONWritable & Sendable)? = nil,
                extra: [String: JSONValue] = [:]) async throws {
        var batch = AuditBatch()
        batch.add(action, entityType, entityID, before: before, after: after, extra: extra)
        try await append(batch, by: actor)
    }

    /// Writes a use case's entries, in order, in one statement (nothing when there are none).
    public func append(_ batch: AuditBatch, by actor: Principal) async throws {
        guard !batch.entries.isEmpty else { return }
        try await append(actor: actor, batch.entries)
    }
}
