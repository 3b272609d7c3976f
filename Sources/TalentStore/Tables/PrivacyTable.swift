import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for data subjects' requests, the public holidays their clock skips, breaches and the inventory.
public struct PrivacyTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let requestColumns = """
        r.id, r.candidate_id, r.kind, r.received_on::text, r.note, r.status, r.acknowledge_by::text, r.due_on::text,
        r.acknowledged_at, r.extension_days, r.extension_reason, r.extended_at, r.refusal_basis, r.closed_at,
        r.opened_by, r.closed_by, r.version, r.created_at, r.updated_at
        """

    static func decodeRequests(_ rows: PostgresRowSequence) async throws -> [PrivacyRequest] {
        var result: [PrivacyRequest] = []
        for try await row in rows {
            let c = try row.decode((UUID, UUID, String, String, String?, String, String, String, Date?, Int?, String?,
                                    Date?, String?, Date?, String, String?, Int, Date, Date).self)
            result.append(PrivacyRequest(
                id: c.0, candidateID: c.1, kind: PrivacyRequestKind(rawValue: c.2) ?? .access,
                receivedOn: CalendarDate(c.3)!, note: c.4, storedStatus: PrivacyRequestStatus(rawValue: c.5) ?? .open,
                acknowledgeBy: CalendarDate(c.6)!, dueOn: CalendarDate(c.7)!, acknowledgedAt: c.8, extensionDays: c.9,
                extensionReason: c.10, extendedAt: c.11, refusalBasis: c.12, closedAt: c.13, openedBy: c.14,
                closedBy: c.15, version: c.16, createdAt: c.17, updatedAt: c.18))
        }
        return result
    }

    /// The public holidays between two days, inclusive.
    public func holidays(from: CalendarDate, through: CalendarDate) async throws -> Set<CalendarDate> {
        let rows = try await connection.query("""
            SELECT day::text FROM public_holidays WHERE day BETWEEN \(from.description)::date AND \(through.description)::date
            """, logger: logger)
        var days: Set<CalendarDate> = []
        for try await day in rows.decode(String.self) { if let d = CalendarDate(day) { days.insert(d) } }
        return days
    }

    public func insertRequest(_ r: ValidPrivacyRequest, acknowledgeBy: CalendarDate, dueOn: CalendarDate,
                              openedBy: String) async throws -> PrivacyRequest {
        let rows = try await connection.query("""
            INSERT INTO privacy_requests (candidate_id, kind, received_on, note, acknowledge_by, due_on, opened_by)
            VALUES (\(r.candidateID), \(r.kind.rawValue), \(r.receivedOn.description)::date, \(r.note),
                    \(acknowledgeBy.description)::date, \(dueOn.description)::date, \(openedBy))
            RETURNING id
            """, logger: logger)
        var id: UUID?
        for try await value in rows.decode(UUID.self) { id = value }
        return try await request(id!)!
    }

    public func request(_ id: UUID, forUpdate: Bool = false) async throws -> PrivacyRequest? {
        try await Self.decodeRequests(connection.query("""
            SELECT \(unescaped: Self.requestColumns) FROM privacy_requests r WHERE r.id = \(id)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)).first
    }

    /// Records an action on a request (the service checked it is allowed); false when the version moved.
    public func apply(_ action: PrivacyRequestAction, to id: UUID, expectedVersion: Int, newDueOn: CalendarDate?,
                      by actor: String) async throws -> Bool {
        let (basis, days, reason): (String?, Int?, String?) = switch action {
        case .refuse(let basis): (basis, nil, nil)
        case .extend(let days, let reason): (nil, days, reason)
        default: (nil, nil, nil)
        }
        let closes = action == .complete || { if case .refuse = action { true } else { false } }()
        let rows = try await connection.query("""
            UPDATE privacy_requests SET
                status = \(action.status.rawValue),
                acknowledged_at = coalesce(acknowledged_at, now()),
                extension_days = coalesce(\(days)::int, extension_days),
                extension_reason = coalesce(\(reason)::text, extension_reason),
                extended_at = CASE WHEN \(days)::int IS NULL THEN extended_at ELSE now() END,
                due_on = coalesce(\(newDueOn?.description)::date, due_on),
                refusal_basis = \(basis),
                closed_at = CASE WHEN \(closes) THEN now() ELSE NULL END,
                closed_by = CASE WHEN \(closes) THEN \(actor) ELSE NULL END,
                version = version + 1, updated_at = now()
            WHERE id = \(id) AND version = \(expectedVersion) RETURNING id
            """, logger: logger)
        var updated = false
        for try await _ in rows.decode(UUID.self) { updated = true }
        return updated
    }

    /// Requests, the most urgent first (by due date); `status` filters on the status people see, `overdue` included,
    /// and `pending` is every request not done or refused.
    public func requests(status: String?, candidateID: UUID?, today: CalendarDate,
                         page: PageRequest) async throws -> Page<PrivacyRequest> {
        let afterDue = page.cursor.flatMap { CalendarDate($0.key) }?.description
        let afterID = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.requestColumns) FROM privacy_requests r
            WHERE (\(candidateID)::uuid IS NULL OR r.candidate_id = \(candidateID))
              AND (\(status)::text IS NULL
                   OR (\(status)::text = 'pending' AND r.status IN ('open', 'acknowledged', 'extended'))
                   OR (CASE WHEN r.status IN ('open', 'acknowledged', 'extended') AND r.due_on < \(today.description)::date
                            THEN 'overdue' ELSE r.status END) = \(status)::text)
              AND (\(afterDue)::date IS NULL OR (r.due_on, r.id) > (\(afterDue)::date, \(afterID)))
            ORDER BY r.due_on, r.id LIMIT \(page.limit + 1)
            """, logger: logger)
        let items = try await Self.decodeRequests(rows)
        let next = items.count > page.limit ? items[page.limit - 1] : nil
        return Page(items: Array(items.prefix(page.limit)),
                    nextCursor: next.map { Cursor(key: $0.dueOn.description, id: $0.id.text).encoded })
    }

    /// Moves the requests of a merged-away profile to the profile kept.
    public func reassignRequests(from: UUID, to: UUID) async throws {
        try await connection.query("UPDATE privacy_requests SET candidate_id = \(to) WHERE candidate_id = \(from)",
                                   logger: logger)
    }

    // MARK: Breaches

    static let breachColumns = """
        b.id, b.discovered_at, b.description, b.records, b.notified_at, b.recorded_by, b.notified_by, b.version, b.created_at
        """

    static func decodeBreaches(_ rows: PostgresRowSequence) async throws -> [Breach] {
        var result: [Breach] = []
        for try await (id, discovered, description, records, notified, recordedBy, notifiedBy, version, createdAt)
            in rows.decode((UUID, Date, String, Int?, Date?, String, String?, Int, Date).self) {
            result.append(Breach(id: id, discoveredAt: discovered, description: description, records: records,
                                 notifiedAt: notified, recordedBy: recordedBy, notifiedBy: notifiedBy,
                                 version: version, createdAt: createdAt))
        }
        return result
    }

    public func insertBreach(_ b: ValidBreach, recordedBy: String) async throws -> Breach {
        let rows = try await connection.query("""
            INSERT INTO breaches (discovered_at, description, records, recorded_by)
            VALUES (\(b.discoveredAt), \(b.description), \(b.records), \(recordedBy)) RETURNING id
            """, logger: logger)
        var id: UUID?
        for try await value in rows.decode(UUID.self) { id = value }
        return try await breach(id!)!
    }

    public func breach(_ id: UUID, forUpdate: Bool = false) async throws -> Breach? {
        try await Self.decodeBreaches(connection.query("""
            SELECT \(unescaped: Self.breachColumns) FROM breaches b WHERE b.id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)).first
    }

    /// Records the notification once; false when it was already recorded.
    public func recordNotification(_ id: UUID, at time: Date, by actor: String) async throws -> Bool {
        let rows = try await connection.query("""
            UPDATE breaches SET notified_at = \(time), notified_by = \(actor), version = version + 1
            WHERE id = \(id) AND notified_at IS NULL RETURNING id
            """, logger: logger)
        var updated = false
        for try await _ in rows.decode(UUID.self) { updated = true }
        return updated
    }

    /// Newest discovery first.
    public func breaches(page: PageRequest) async throws -> Page<Breach> {
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let afterID = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.breachColumns) FROM breaches b
            WHERE \(afterMicros)::bigint IS NULL
               OR (b.discovered_at, b.id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(afterID))
            ORDER BY b.discovered_at DESC, b.id DESC LIMIT \(page.limit + 1)
            """, logger: logger)
        let items = try await Self.decodeBreaches(rows)
        let next = items.count > page.limit ? items[page.limit - 1] : nil
        return Page(items: Array(items.prefix(page.limit)), nextCursor: next.map {
            Cursor(key: String(Int64(($0.discoveredAt.timeIntervalSince1970 * 1_000_000).rounded())), id: $0.id.text).encoded
        })
    }

    // MARK: The inventory

    /// Every column of the application's tables with its comment (nil when it has none), in table and column order.
    public func columnComments() async throws -> [(table: String, column: String, comment: String?)] {
        let rows = try await connection.query("""
            SELECT c.relname::text, a.attname::text, col_description(c.oid, a.attnum)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
            ORDER BY c.relname, a.attnum
            """, logger: logger)
        var result: [(String, String, String?)] = []
        for try await (table, column, comment) in rows.decode((String, String, String?).self) {
            result.append((table, column, comment))
        }
        return result
    }
}
