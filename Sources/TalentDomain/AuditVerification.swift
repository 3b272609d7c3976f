import Foundation

/// A point of the audit chain kept outside the database (`talent audit anchor`): an entry's place and hash, written
/// `SEQ:HASH`. A later verification given it checks that the entry is still there with the same hash, which catches
/// a trail cut short or rewritten as a whole.
public struct AuditAnchor: Sendable, Hashable, CustomStringConvertible {
    public var seq: Int64
    /// SHA-256, lower-case hex.
    public var hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// Reads `SEQ:HASH` (the hash in hex, 64 digits).
    public init(parsing text: String, field: String = "anchor") throws(ServiceError) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        let hex = parts.count == 2 ? parts[1].lowercased() : ""
        guard parts.count == 2, let seq = Int64(parts[0]), seq >= 1, hex.count == 64,
              hex.allSatisfy({ $0.isHexDigit })
        else {
            throw ServiceError.invalid(field, vi: "phải có dạng SỐ_THỨ_TỰ:MÃ_BĂM (64 chữ số hex), như `talent audit anchor` in ra",
                                       en: "must be SEQ:HASH (64 hex digits), as `talent audit anchor` prints it")
        }
        self.init(seq: seq, hash: hex)
    }

    public var description: String { "\(seq):\(hash)" }
}

/// Why an entry breaks the chain.
public enum AuditBreakReason: String, Sendable, CaseIterable, LabeledCode {
    /// Its content or its hash is not what was chained: edited, or inserted by hand.
    case altered
    /// Entries before it are missing (its place is not the one after the previous entry's).
    case missing
    /// It does not match the anchor given (or the anchor's entry is gone).
    case anchor
    /// Its changes read as redacted, but no erasure after it says it redacted them.
    case unrecorded

    public var label: LocalizedText {
        switch self {
        case .altered: LocalizedText(vi: "nội dung hoặc mã băm đã bị thay đổi", en: "its content or hash was changed")
        case .missing: LocalizedText(vi: "thiếu các mục ngay trước mục này", en: "entries before it are missing")
        case .anchor: LocalizedText(vi: "không khớp với mốc đã lưu", en: "does not match the anchor")
        case .unrecorded: LocalizedText(vi: "nội dung bị xoá mà không có lần xoá dữ liệu nào ghi nhận",
                                        en: "its content was removed without a recorded erasure")
        }
    }
}

/// The first entry that breaks the chain.
public struct AuditBreak: Sendable, Hashable {
    /// Its place in the chain.
    public var seq: Int64
    /// The entry's id; nil when the entry an anchor names is gone.
    public var id: Int64?
    public var at: Date?
    public var action: String?
    public var entityType: String?
    public var entityID: String?
    public var reason: AuditBreakReason

    public init(seq: Int64, id: Int64?, at: Date?, action: String?, entityType: String?, entityID: String?,
                reason: AuditBreakReason) {
        self.seq = seq
        self.id = id
        self.at = at
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.reason = reason
    }
}

/// What `talent audit verify` and `GET /v1/audit/verify` answer: whether every entry is chained to the one before,
/// how many were checked, the first that is not, and the chain's head (the last entry's place and hash) to keep.
public struct AuditVerification: Sendable, Hashable {
    public var ok: Bool { firstBad == nil }
    public var entries: Int64
    /// Entries whose changes an erasure redacted (their digest still chained).
    public var redacted: Int64
    public var firstBad: AuditBreak?
    public var headSeq: Int64?
    /// The last entry's hash, lower-case hex; nil for an empty trail.
    public var head: String?

    public init(entries: Int64, redacted: Int64 = 0, firstBad: AuditBreak?, headSeq: Int64?, head: String?) {
        self.entries = entries
        self.redacted = redacted
        self.firstBad = firstBad
        self.headSeq = headSeq
        self.head = head
    }

    /// The head as an anchor to keep outside the database; nil for an empty trail.
    public var anchor: AuditAnchor? {
        guard let headSeq, let head else { return nil }
        return AuditAnchor(seq: headSeq, hash: head)
    }
}
