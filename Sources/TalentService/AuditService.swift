import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Reads the audit trail; writing it is part of every other service's writes.
public struct AuditService: Sendable {
    let database: Database

    /// Entries newest first, narrowed by entity (a type, or one record of it), actor, action and a first day. Without
    /// an action, the read log's entries (`ReadLog.actions`) are left out, so that reads do not drown the writes;
    /// `action: "candidate.read"` (or another of them) lists them.
    public func list(entity: AuditEntity? = nil, actor name: String? = nil, action: String? = nil,
                     since: CalendarDate? = nil, page: PageRequest,
                     by actor: Principal) async throws -> Page<AuditEntry> {
        try actor.require([.admin, .leadership])
        // The first day starts at midnight on the province's clock.
        let start = since.flatMap { d -> Date? in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = CalendarDate.vietnam
            return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day))
        }
        return try await database.read { db in
            try await Self.requireReach(entity, by: actor, in: db)
            return try await db.audit.list(entityType: entity?.type, entityID: entity?.id, actor: name, action: action,
                                    hiding: ReadLog.actions, since: start, page: page)
        }
    }

    /// Checks the whole trail's hash chain (migration 0013): intact, or the first entry that breaks it, and the head
    /// to keep outside the database. With an anchor kept earlier, also that its entry is still there unchanged.
    /// Admin and leadership of province scope, as for the whole trail.
    public func verify(anchor: AuditAnchor? = nil, by actor: Principal) async throws -> AuditVerification {
        try actor.require([.admin, .leadership])
        guard actor.reach.isProvince else {
            throw ServiceError(.forbidden, slug: "province-scope-required", LocalizedText(
                vi: "Chỉ tài khoản cấp tỉnh mới kiểm tra được toàn bộ nhật ký",
                en: "Only a province-scoped account checks the whole audit trail"))
        }
        return try await database.read { db in try await AuditChain.verify(db.audit, anchor: anchor) }
    }

    /// An agency-scoped reader reads one record's history at a time, and only of a record within their reach (404
    /// otherwise, as for the record itself); the province-wide trail is for province-scoped readers.
    static func requireReach(_ entity: AuditEntity?, by actor: Principal, in db: Tables) async throws {
        guard !actor.reach.isProvince else { return }
        guard let entity, let text = entity.id else {
            throw ServiceError(.forbidden, slug: "province-scope-required", LocalizedText(
                vi: "Tài khoản của bạn chỉ xem lịch sử của từng hồ sơ thuộc cơ quan mình (--entity candidate:ID, application:ID hoặc position:ID)",
                en: "Your account reads the history of one record of your agency at a time (--entity candidate:ID, application:ID or position:ID)"))
        }
        let id = try UUID.parse(text, field: "entity")
        let reached: Bool
        switch entity.type {
        case "candidate": reached = try await db.reach.candidate(id, actor.reach)
        case "application": reached = try await db.reach.application(id, actor.reach)
        case "position":
            reached = try await db.positions.get(id).map { PositionService.reaches($0, actor) } ?? false
        default: reached = false
        }
        guard reached else { throw ServiceError.notFound(LocalizedText(vi: "bản ghi", en: "record"), text) }
    }
}
