import Crypto
import Foundation
import TalentDomain
import TalentStore

/// The audit trail's hash chain, recomputed here independently of the database's trigger (migration 0013): each
/// entry's hash is SHA-256 of the previous entry's hash (32 zero bytes before the first) followed by the entry's
/// canonical text, its fields in a fixed order, each written `LENGTH:TEXT;` (`-;` for a null).
enum AuditChain {
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// The text an entry's hash covers; the same as the database's `audit_entry_text`.
    static func text(_ link: AuditTable.ChainLink) -> String {
        var text = ""
        for value in [String(link.seq), String(link.id), String(link.atMicros), link.actor, link.role, link.channel,
                      link.action, link.entityType, link.entityID, link.changes, link.actorUserID, link.tokenID] {
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
        try await audit.walkChain { link in
            func broken(_ reason: AuditBreakReason) -> AuditBreak {
                AuditBreak(seq: link.seq, id: link.id, at: link.at, action: link.action, entityType: link.entityType,
                           entityID: link.entityID, reason: reason)
            }
            entries += 1
            head = (link.seq, link.hash)
            // After the first break the rest is counted, not checked.
            guard firstBad == nil else { return true }
            if link.seq != expectedSeq {
                firstBad = broken(.missing)
            } else if hash(link, after: previous) != link.hash {
                firstBad = broken(.altered)
            } else if let anchor, anchor.seq == link.seq {
                anchorSeen = true
                if anchor.hash != link.hash { firstBad = broken(.anchor) }
            }
            previous = bytes(hex: link.hash)
            expectedSeq = link.seq + 1
            return true
        }
        if firstBad == nil, let anchor, !anchorSeen {
            firstBad = AuditBreak(seq: anchor.seq, id: nil, at: nil, action: nil, entityType: nil, entityID: nil,
                                  reason: .anchor)
        }
        return AuditVerification(entries: entries, firstBad: firstBad, headSeq: head?.seq, head: head?.hash)
    }
}
