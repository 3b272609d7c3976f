import Foundation

/// What a partner is told of a nomination it submitted: the first answer, or the same answer again when a retry with
/// the same `Idempotency-Key` and body replays it.
public struct NominationReceipt: Sendable, Hashable {
    public var id: UUID
    public var status: NominationStatus
    public var submittedAt: Date
    /// Whether this is the replay of an answer given before.
    public var replayed: Bool

    public init(id: UUID, status: NominationStatus, submittedAt: Date, replayed: Bool = false) {
        self.id = id
        self.status = status
        self.submittedAt = submittedAt
        self.replayed = replayed
    }

    /// `{"id", "status", "submitted_at"}`: the body of the answer, stored with the key so that a replay is the first
    /// answer byte for byte.
    public var json: String {
        (JSONValue.object([
            "id": .string(id.text), "status": .string(status.rawValue),
            "submitted_at": .string(JSONWriter.iso8601(submittedAt)),
        ])).jsonString()
    }

    /// The receipt a stored answer (`json`) replays; nil if the text is not one.
    public init?(replaying json: String) {
        guard case .object(let fields)? = try? JSONValue(parsing: json),
              case .string(let id)? = fields["id"], let uuid = UUID(uuidString: id),
              case .string(let status)? = fields["status"], let status = NominationStatus(rawValue: status),
              case .string(let at)? = fields["submitted_at"],
              let submittedAt = try? Date(at, strategy: Date.ISO8601FormatStyle())
        else { return nil }
        self.init(id: uuid, status: status, submittedAt: submittedAt, replayed: true)
    }
}
