import Foundation

/// One entry of the audit trail: who did what, through which front end, to which record, and what changed.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var role: Role
    public var channel: Channel
    public var action: String
    public var entityType: String
    public var entityID: String
    /// What changed: `{"after": ...}`, or `{"before": ..., "after": ...}`.
    public var changes: JSONValue

    public init(id: Int64, at: Date, actor: String, role: Role, channel: Channel, action: String, entityType: String,
                entityID: String, changes: JSONValue) {
        self.id = id
        self.at = at
        self.actor = actor
        self.role = role
        self.channel = channel
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.changes = changes
    }
}
