import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for trainings, their attendance and the coverage report.
public struct TrainingTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        t.id, t.title, t.starts_on::text, t.ends_on::text, t.organizer_code, t.partner_code, t.agreement_id,
        t.hours::float8, (SELECT count(*) FROM training_attendance x WHERE x.training_id = t.id)::int,
        (SELECT count(*) FROM training_attendance x WHERE x.training_id = t.id AND x.result = 'completed')::int,
        t.created_by, t.created_at
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [Training] {
        var result: [Training] = []
        for try await row in rows {
            let c = try row.decode((UUID, String, String, String, String?, String?, UUID?, Double?, Int, Int, String,
                                    Date).self)
            result.append(Training(id: c.0, title: c.1, startsOn: CalendarDate(c.2)!, endsOn: CalendarDate(c.3)!,
                                   organizerCode: c.4, partnerCode: c.5, agreementID: c.6, hours: c.7, attendees: c.8,
                                   completed: c.9, createdBy: c.10, createdAt: c.11))
        }
        return result
    }

    public func insert(_ t: ValidTraining, createdBy: String) async throws -> Training {
        let rows = try await connection.query("""
            INSERT INTO trainings (title, starts_on, ends_on, organizer_code, partner_code, agreement_id, hours, created_by)
            VALUES (\(t.title), \(t.startsOn.description)::date, \(t.endsOn.description)::date, \(t.organizerCode),
                    \(t.partnerCode), \(t.agreementID), \(t.hours)::numeric, \(createdBy))
            RETURNING id
            """, logger: logger)
        var id: UUID?
        for try await value in rows.decode(UUID.self) { id = value }
        return try await get(id!)!
    }

    public func get(_ id: UUID) async throws -> Training? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM trainings t WHERE t.id = \(id)
            """, logger: logger)).first
    }

    /// Latest end first.
    public func list(page: PageRequest) async throws -> Page<Training> {
        let after = page.cursor.flatMap { CalendarDate($0.key) }?.description
        let afterID = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let items = try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM trainings t
            WHERE \(afterID)::uuid IS NULL OR (t.ends_on, t.id) < (\(after)::date, \(afterID))
            ORDER BY t.ends_on DESC, t.id DESC LIMIT \(page.limit + 1)
            """, logger: logger))
        let next = items.count > page.limit ? items[page.limit - 1] : nil
        return Page(items: Array(items.prefix(page.limit)),
                    nextCursor: next.map { Cursor(key: $0.endsOn.description, id: $0.id.text).encoded })
    }

    /// Records (or changes) one official's result; returns the result before, if any.
    public func attend(training: UUID, official: UUID, result: TrainingResult,
                       by actor: String) async throws -> TrainingResult? {
        let before = try await connection.query("""
            SELECT result FROM training_attendance WHERE training_id = \(training) AND official_id = \(official) FOR UPDATE
            """, logger: logger)
        var previous: TrainingResult?
        for try await value in before.decode(String.self) { previous = TrainingResult(rawValue: value) }
        try await connection.query("""
            INSERT INTO training_attendance (training_id, official_id, result, recorded_by)
            VALUES (\(training), \(official), \(result.rawValue), \(actor))
            ON CONFLICT (training_id, official_id)
            DO UPDATE SET result = EXCLUDED.result, recorded_by = EXCLUDED.recorded_by, recorded_at = now()
            """, logger: logger)
        return previous
    }

    public func attendance(training: UUID? = nil, official: UUID? = nil) async throws -> [TrainingAttendance] {
        let rows = try await connection.query("""
            SELECT x.training_id, x.official_id, o.full_name, o.agency_code, x.result, x.recorded_by, x.recorded_at
            FROM training_attendance x JOIN officials o ON o.id = x.official_id
            WHERE (\(training)::uuid IS NULL OR x.training_id = \(training))
              AND (\(official)::uuid IS NULL OR x.official_id = \(official))
            ORDER BY o.agency_code, o.search_name, o.id, x.training_id LIMIT 10000
            """, logger: logger)
        var result: [TrainingAttendance] = []
        for try await (training, official, name, agency, outcome, by, at)
            in rows.decode((UUID, UUID, String, String, String, String, Date).self) {
            result.append(TrainingAttendance(trainingID: training, officialID: official, officialName: name,
                                             agencyCode: agency, result: TrainingResult(rawValue: outcome) ?? .registered,
                                             recordedBy: by, recordedAt: at))
        }
        return result
    }

    /// Per agency holding officials in post on `to` (or the one agency asked for, even without any): the officials,
    /// and whether each completed a training that ended between `from` and `to`. One row per official; the agency
    /// asked for without officials once, with a null official.
    public func coverage(from: CalendarDate, to: CalendarDate, agency: String?) async throws
        -> [(agency: String, agencyName: String, official: UntrainedOfficial?, trained: Bool)] {
        let rows = try await connection.query("""
            SELECT ag.code, ag.name, o.id, o.full_name, o.kind, o.since::text,
                   coalesce(EXISTS (SELECT 1 FROM training_attendance x JOIN trainings t ON t.id = x.training_id
                                    WHERE x.official_id = o.id AND x.result = 'completed'
                                      AND t.ends_on BETWEEN \(from.description)::date AND \(to.description)::date), false)
            FROM agencies ag
            LEFT JOIN officials o ON o.agency_code = ag.code AND o.since <= \(to.description)::date
                                 AND (o.until IS NULL OR o.until > \(to.description)::date)
            WHERE (\(agency)::text IS NULL OR ag.code = \(agency)) AND (\(agency)::text IS NOT NULL OR o.id IS NOT NULL)
            ORDER BY ag.code, o.search_name, o.id
            """, logger: logger)
        var result: [(String, String, UntrainedOfficial?, Bool)] = []
        for try await (code, name, id, fullName, kind, since, trained)
            in rows.decode((String, String, UUID?, String?, String?, String?, Bool).self) {
            let official = id.map {
                UntrainedOfficial(id: $0, fullName: fullName ?? "", kind: kind.flatMap(OfficialKind.init) ?? .draftingStaff,
                                  since: since.flatMap(CalendarDate.init) ?? to)
            }
            result.append((code, name, official, trained))
        }
        return result
    }

    /// Trainings that ended in the period.
    public func count(from: CalendarDate, to: CalendarDate) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM trainings WHERE ends_on BETWEEN \(from.description)::date AND \(to.description)::date
            """, logger: logger)
        for try await n in rows.decode(Int.self) { return n }
        return 0
    }
}
