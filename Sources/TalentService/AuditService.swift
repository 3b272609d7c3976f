import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Reads the audit trail; writing it is part of every other service's writes.
public struct AuditService: Sendable {
    let database: Database

    /// Entries newest first, narrowed by entity (a type, or one record of it), actor and a first day.
    public func list(entity: AuditEntity? = nil, actor name: String? = nil, since: CalendarDate? = nil, page: PageRequest,
                     by actor: Principal) async throws -> Page<AuditEntry> {
        try actor.require([.admin, .leadership])
        // The first day starts at midnight on the province's clock.
        let start = since.flatMap { d -> Date? in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = CalendarDate.vietnam
            return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day))
        }
        return try await database.read { db in
            try await db.audit.list(entityType: entity?.type, entityID: entity?.id, actor: name, since: start, page: page)
        }
    }
}
