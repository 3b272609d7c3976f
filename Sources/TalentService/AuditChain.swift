import Crypto
import Foundation
import TalentDomain
import TalentStore

/// The audit trail's hash chain, recomputed here independently of the database's trigger (migrations 0013, 0016):
/// each entry's hash is SHA-256 of the previous entry's hash (32 zero bytes before the first) followed by the entry's
/// canonical text, its fields in a fixed order, each written `LENGTH:TEXT;` (`-;` for a null), where the changes
/// stand as their own SHA-256. An erasure replaces the changes of the entries about the person by `redacted`; the
/// digest stays, so the chain holds, and the `candidate.erase` entry after them lists them.
enum AuditChain {
    static let genesis = [UInt8](repeating: 0, count: 32)
    /// What a redacted entry's changes read.
    static let redacted = #"{"redacted": true}"#

    /// The text an entry's hash covers; the same as the database's `audit_entry_text`.
    static func text(_ link: AuditTable.ChainLink) -> String {
        var text = ""
        for value in [String(link.seq), String(link.id), String(link.atMicros), link.actor, link.role, link.channel,
                      link.action, link.entityType, link.entityID, link.changesDigest, link.actorUserID, link.tokenID] {
            if let value { text += "\(value.utf8.count):\(value);" } else { text += "-;" }
        }
        return text
    }

    /// The hash of an entry chained after `previous` (raw bytes), in lower-case hex.
    static func hash(_ link: AuditTable.ChainLink, after previous: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: Array(text(link).utf8))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func digest(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The places a `candidate.erase` entry says it redacted.
    static func redactions(_ link: AuditTable.ChainLink) -> [Int64] {
        guard link.action == "candidate.erase", case .object(let fields)? = try? JSONValue(parsing: Array(link.changes.utf8)),
              case .array(let seqs)? = fields["redacted"] else { return [] }
        return seqs.compactMap { if case .number(let n) = $0 { Int64(n) } else { nil } }
    }

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    /// Walks the whole trail: each entry must take the place after the previous one and hash to what is stored,
    /// given the previous entry's stored hash (so a break is named where it is, not at every entry after it); the
    /// anchor's entry must be there with the anchor's hash. Every entry is counted; the head is the last one.
    static func verify(_ audit: AuditTable, anchor: AuditAnchor?) async throws -> AuditVerification {
        var previous = genesis
        var expectedSeq: Int64 = 1
        var entries: Int64 = 0
        var firstBad: AuditBreak?
        var head: (seq: Int64, hash: String)?
        var anchorSeen = false
        // Redacted entries not yet named by a later `candidate.erase` entry.
        var unrecorded: [Int64: AuditBreak] = [:]
        var redactedCount: Int64 = 0
        try await audit.walkChain { link in
            func broken(_ reason: AuditBreakReason) -> AuditBreak {
                AuditBreak(seq: link.seq, id: link.id, at: link.at, action: link.action, entityType: link.entityType,
                           entityID: link.entityID, reason: reason)
            }
            entries += 1
            head = (link.seq, link.hash)
            // After the first break the rest is counted, not checked.
            guard firstBad == nil else { return true }
            let isRedacted = link.changes == redacted
            for seq in redactions(link) { unrecorded[seq] = nil }
            if link.seq != expectedSeq {
                firstBad = broken(.missing)
            } else if hash(link, after: previous) != link.hash || (!isRedacted && digest(link.changes) != link.changesDigest) {
                firstBad = broken(.altered)
            } else if isRedacted && digest(link.changes) != link.changesDigest {
                redactedCount += 1
                unrecorded[link.seq] = broken(.unrecorded)
            } else if let anchor, anchor.seq == link.seq {
                anchorSeen = true
                if anchor.hash != link.hash { firstBad = broken(.anchor) }
            }
            previous = bytes(hex: link.hash)
            expectedSeq = link.seq + 1
            return true
        }
        if let first = unrecorded.values.min(by: { $0.seq < $1.seq }), firstBad.map({ first.seq < $0.seq }) ?? true {
            firstBad = first
        }
        if firstBad == nil, let anchor, !anchorSeen {
            firstBad = AuditBreak(seq: anchor.seq, id: nil, at: nil, action: nil, entityType: nil, entityID: nil,
                                  reason: .anchor)
        }
        return AuditVerification(entries: entries, redacted: redactedCount, firstBad: firstBad, headSeq: head?.seq,
                                 head: head?.hash)
    }
}
