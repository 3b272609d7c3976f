import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for applications and their stage history.
public struct ApplicationTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let select = """
        SELECT a.id, a.candidate_id, a.position_id, a.stage, a.stage_entered_at, a.version, a.created_at, a.updated_at,
               c.full_name, p.title, p.agency_code, (extract(epoch FROM a.created_at) * 1000000)::bigint
        FROM applications a JOIN candidates c ON c.id = a.candidate_id JOIN positions p ON p.id = a.position_id
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [(Application, Int64)] {
        var result: [(Application, Int64)] = []
        for try await (id, candidateID, positionID, stage, entered, version, createdAt, updatedAt, name, title, agency, micros)
            in rows.decode((UUID, UUID, UUID, String, Date, Int, Date, Date, String, String, String, Int64).self) {
            result.append((Application(id: id, candidateID: candidateID, positionID: positionID,
                                       stage: PipelineStage(rawValue: stage) ?? .nominated, stageEnteredAt: entered,
                                       version: version, createdAt: createdAt, updatedAt: updatedAt, candidateName: name,
                                       positionTitle: title, agencyCode: agency), micros))
        }
        return result
    }

    public func insert(candidateID: UUID, positionID: UUID, stage: PipelineStage, actor: Principal,
                       reason: String?) async throws -> Application {
        let rows = try await connection.query("""
            INSERT INTO applications (candidate_id, position_id, stage) VALUES (\(candidateID), \(positionID), \(stage.rawValue))
            RETURNING id
            """, logger: logger)
        var id: UUID?
        for try await value in rows.decode(UUID.self) { id = value }
        try await appendHistory(id!, from: nil, to: stage, actor: actor, reason: reason)
        return try await get(id!)!
    }

    public func get(_ id: UUID, forUpdate: Bool = false) async throws -> Application? {
        try await Self.decode(connection.query("""
            \(unescaped: Self.select) WHERE a.id = \(id) \(unescaped: forUpdate ? "FOR UPDATE OF a" : "")
            """, logger: logger)).first?.0
    }

    /// Every application for a position, open and closed.
    public func all(positionID: UUID) async throws -> [Application] {
        try await Self.decode(connection.query("\(unescaped: Self.select) WHERE a.position_id = \(positionID)", logger: logger)).map(\.0)
    }

    /// Every application of a candidate, open and closed, the oldest first.
    public func all(candidateID: UUID) async throws -> [Application] {
        try await Self.decode(connection.query("""
            \(unescaped: Self.select) WHERE a.candidate_id = \(candidateID) ORDER BY a.created_at, a.id
            """, logger: logger)).map(\.0)
    }

    /// The open application of a candidate for a position, if any.
    public func open(candidateID: UUID, positionID: UUID) async throws -> Application? {
        try await Self.decode(connection.query("""
            \(unescaped: Self.select) WHERE a.candidate_id = \(candidateID) AND a.position_id = \(positionID)
              AND a.stage NOT IN ('hired', 'rejected', 'withdrawn')
            """, logger: logger)).first?.0
    }

    public func move(_ id: UUID, from: PipelineStage, to: PipelineStage, actor: Principal, reason: String?,
                     panelScore: Double? = nil) async throws -> Application {
        try await connection.query("""
            UPDATE applications SET stage = \(to.rawValue), stage_entered_at = now(), version = version + 1, updated_at = now()
            WHERE id = \(id)
            """, logger: logger)
        try await appendHistory(id, from: from, to: to, actor: actor, reason: reason, panelScore: panelScore)
        return try await get(id)!
    }

    func appendHistory(_ id: UUID, from: PipelineStage?, to: PipelineStage, actor: Principal, reason: String?,
                       panelScore: Double? = nil) async throws {
        // The stage left and the stage entered share one instant; `first_entry` marks the application's first time in it.
        try await connection.query("""
            WITH instant AS (SELECT clock_timestamp() AS at),
            closed AS (
                UPDATE application_stage_history SET left_at = (SELECT at FROM instant)
                WHERE application_id = \(id) AND left_at IS NULL
            )
            INSERT INTO application_stage_history (application_id, from_stage, to_stage, actor, channel, reason, panel_score,
                                                   at, first_entry)
            VALUES (\(id), \(from?.rawValue), \(to.rawValue), \(actor.name), \(actor.channel.rawValue), \(reason),
                    \(panelScore), (SELECT at FROM instant),
                    NOT EXISTS (SELECT 1 FROM application_stage_history WHERE application_id = \(id) AND to_stage = \(to.rawValue)))
            """, logger: logger)
    }

    public func history(_ id: UUID) async throws -> [StageChange] {
        let rows = try await connection.query("""
            SELECT from_stage, to_stage, actor, channel, reason, at, panel_score FROM application_stage_history
            WHERE application_id = \(id) ORDER BY id
            """, logger: logger)
        var changes: [StageChange] = []
        for try await (from, to, actor, channel, reason, at, panelScore)
            in rows.decode((String?, String, String, String, String?, Date, Double?).self) {
            changes.append(StageChange(from: from.flatMap(PipelineStage.init), to: PipelineStage(rawValue: to) ?? .nominated,
                                       actor: actor, channel: Channel(rawValue: channel) ?? .cli, reason: reason, at: at,
                                       secondsInStage: 0, panelScore: panelScore))
        }
        return StageChange.withDurations(changes)
    }

    /// A page of applications, newest first, within `reach` (an agency's, a panel member's, or all).
    public func list(candidateID: UUID?, positionID: UUID?, stage: PipelineStage?, agency: String?,
                     reach: Reach = .province, page: PageRequest) async throws -> Page<Application> {
        let r = reach.binds
        let after = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let rows = try await Self.decode(connection.query("""
            \(unescaped: Self.select)
            WHERE (\(candidateID)::uuid IS NULL OR a.candidate_id = \(candidateID))
              AND (\(positionID)::uuid IS NULL OR a.position_id = \(positionID))
              AND (\(stage?.rawValue)::text IS NULL OR a.stage = \(stage?.rawValue))
              AND (\(agency)::text IS NULL OR p.agency_code = \(agency))
              AND application_in_reach(a.id, \(r.agency)::text, \(r.evaluator)::uuid)
              AND c.erased_at IS NULL
              AND (\(afterMicros)::bigint IS NULL
                   OR (a.created_at, a.id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(after)))
            ORDER BY a.created_at DESC, a.id DESC LIMIT \(page.limit + 1)
            """, logger: logger))
        let next = rows.count > page.limit ? rows[page.limit - 1] : nil
        return Page(items: rows.prefix(page.limit).map(\.0),
                    nextCursor: next.map { Cursor(key: String($0.1), id: $0.0.id.text).encoded })
    }

    /// Moves every application of one candidate to another (a merge). Returns the ids moved.
    public func reassign(from: UUID, to: UUID) async throws -> [UUID] {
        let rows = try await connection.query("""
            UPDATE applications SET candidate_id = \(to), version = version + 1, updated_at = now()
            WHERE candidate_id = \(from) RETURNING id
            """, logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }
}
