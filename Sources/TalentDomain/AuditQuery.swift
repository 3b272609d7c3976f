import Foundation

/// What the audit trail is narrowed to: an entity (`TYPE` or `TYPE:ID`), an actor's name, an action, a first day.
public struct AuditQuery: Sendable, Hashable {
    public var entity: AuditEntity?
    public var actor: String?
    /// One action (`candidate.update`, `candidate.read`, …); without it, logged reads are left out.
    public var action: String?
    public var since: CalendarDate?

    public init(entity: AuditEntity? = nil, actor: String? = nil, action: String? = nil, since: CalendarDate? = nil) {
        self.entity = entity
        self.actor = actor
        self.action = action
        self.since = since
    }

    /// Reads the edge's filters, naming every bad one in one error (a malformed entity after the others, on its own).
    public init(entity: String?, actor: String?, action: String? = nil, since: String?) throws(ServiceError) {
        var v = FieldValidator()
        let entity = v.text("entity", entity, maxLength: 200)
        let actor = v.text("actor", actor, maxLength: 200)
        let action = v.text("action", action, maxLength: 100)
        let since = v.date("since", since)
        try v.check()
        var parsed: AuditEntity?
        if let entity { parsed = try AuditEntity(parsing: entity) }
        self.init(entity: parsed, actor: actor, action: action, since: since)
    }
}

/// An entity of the audit trail: its type, and its id unless every entity of the type is meant.
public struct AuditEntity: Sendable, Hashable {
    public var type: String
    public var id: String?

    /// Ids are stored the way they print (UUIDs lowercased, agency codes uppercased); accept them in any case.
    public init(type: String, id: String? = nil) {
        self.type = type
        var id = id
        if let text = id, let uuid = UUID(uuidString: text) { id = uuid.text }
        if type == "agency" { id = id?.uppercased() }
        self.id = id
    }

    /// Reads `TYPE` or `TYPE:ID`.
    public init(parsing text: String) throws(ServiceError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw ServiceError.invalid("entity", vi: "phải có dạng LOẠI hoặc LOẠI:MÃ, ví dụ candidate:…",
                                       en: "must be TYPE or TYPE:ID, for example candidate:…")
        }
        self.init(type: first, id: parts.count > 1 ? parts[1] : nil)
    }
}
