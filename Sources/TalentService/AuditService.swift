import Foundation
import TalentDomain
import TalentStore

/// Reads the audit trail; writing it is part of every other service's writes.
public struct AuditService: Sendable {
    let database: Database

    /// Entries newest first, narrowed by entity (`TYPE:ID` or `TYPE`), actor and a start date.
    public func list(entity: String? = nil, actor name: String? = nil, since: String? = nil, page: PageRequest,
                     by actor: Principal) async throws -> Page<AuditEntry> {
        try actor.require([.admin, .leadership])
        var v = FieldValidator()
        let entityText = v.text("entity", entity, maxLength: 200)
        let actorName = v.text("actor", name, maxLength: 200)
        let sinceDate = v.date("since", since)
        try v.check()
        var type: String?
        var id: String?
        if let entityText {
            let parts = entityText.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let first = parts.first, !first.isEmpty, parts.count == 1 || !parts[1].isEmpty else {
                throw ServiceError.invalid("entity", vi: "phải có dạng LOẠI hoặc LOẠI:MÃ, ví dụ candidate:…",
                                           en: "must be TYPE or TYPE:ID, for example candidate:…")
            }
            type = first
            id = parts.count > 1 ? parts[1] : nil
            // Ids are stored the way UUID prints them; accept them in any case.
            if let text = id, let uuid = UUID(uuidString: text) { id = uuid.text }
            if type == "agency" { id = id?.uppercased() }
        }
        let start = sinceDate.flatMap { d -> Date? in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = CalendarDate.vietnam
            return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day))
        }
        let (entityType, entityID) = (type, id)
        return try await database.read { db in
            try await db.audit.list(entityType: entityType, entityID: entityID, actor: actorName, since: start, page: page)
        }
    }
}
