import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for evaluation panels and score sheets.
public struct EvaluationTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let memberColumns = """
        a.application_id, a.evaluator_id, u.name, a.assigned_by, a.assigned_at, a.recused_at, a.recusal_reason,
        EXISTS (SELECT 1 FROM evaluation_sheets s WHERE s.application_id = a.application_id
                AND s.evaluator_id = a.evaluator_id)
        """

    static func decodeMembers(_ rows: PostgresRowSequence) async throws -> [PanelMember] {
        var result: [PanelMember] = []
        for try await (application, evaluator, name, assignedBy, assignedAt, recusedAt, reason, submitted)
            in rows.decode((UUID, UUID, String, String, Date, Date?, String?, Bool).self) {
            let status: PanelMemberStatus = recusedAt != nil ? .recused : submitted ? .submitted : .assigned
            result.append(PanelMember(applicationID: application, evaluatorID: evaluator, evaluatorName: name, status: status,
                                      assignedBy: assignedBy, assignedAt: assignedAt, recusedAt: recusedAt,
                                      recusalReason: reason))
        }
        return result
    }

    public func assign(application: UUID, evaluator: UUID, by actor: String) async throws -> PanelMember {
        try await connection.query("""
            INSERT INTO evaluation_assignments (application_id, evaluator_id, assigned_by)
            VALUES (\(application), \(evaluator), \(actor))
            """, logger: logger)
        return try await member(application: application, evaluator: evaluator)!
    }

    public func member(application: UUID, evaluator: UUID, forUpdate: Bool = false) async throws -> PanelMember? {
        try await Self.decodeMembers(connection.query("""
            SELECT \(unescaped: Self.memberColumns) FROM evaluation_assignments a JOIN staff_users u ON u.id = a.evaluator_id
            WHERE a.application_id = \(application) AND a.evaluator_id = \(evaluator)
            \(unescaped: forUpdate ? "FOR UPDATE OF a" : "")
            """, logger: logger)).first
    }

    public func panel(application: UUID) async throws -> [PanelMember] {
        try await Self.decodeMembers(connection.query("""
            SELECT \(unescaped: Self.memberColumns) FROM evaluation_assignments a JOIN staff_users u ON u.id = a.evaluator_id
            WHERE a.application_id = \(application) ORDER BY a.assigned_at, u.name
            """, logger: logger))
    }

    /// The panels an evaluator sits on (or everyone's), open applications first, newest assignment first.
    public func assignments(evaluator: UUID?, status: PanelMemberStatus?,
                            limit: Int) async throws -> [EvaluatorAssignment] {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.memberColumns), c.full_name, p.title, p.agency_code, ap.stage
            FROM evaluation_assignments a JOIN staff_users u ON u.id = a.evaluator_id
            JOIN applications ap ON ap.id = a.application_id JOIN candidates c ON c.id = ap.candidate_id
            JOIN positions p ON p.id = ap.position_id
            WHERE (\(evaluator)::uuid IS NULL OR a.evaluator_id = \(evaluator))
            ORDER BY ap.stage IN ('hired', 'rejected', 'withdrawn'), a.assigned_at DESC, a.application_id
            LIMIT 2000
            """, logger: logger)
        var result: [EvaluatorAssignment] = []
        for try await (application, evaluatorID, name, assignedBy, assignedAt, recusedAt, reason, submitted, candidate, title,
                       agency, stage)
            in rows.decode((UUID, UUID, String, String, Date, Date?, String?, Bool, String, String, String, String).self) {
            let memberStatus: PanelMemberStatus = recusedAt != nil ? .recused : submitted ? .submitted : .assigned
            if let status, status != memberStatus { continue }
            result.append(EvaluatorAssignment(
                member: PanelMember(applicationID: application, evaluatorID: evaluatorID, evaluatorName: name,
                                    status: memberStatus, assignedBy: assignedBy, assignedAt: assignedAt, recusedAt: recusedAt,
                                    recusalReason: reason),
                candidateName: candidate, positionTitle: title, agencyCode: agency,
                stage: PipelineStage(rawValue: stage) ?? .nominated))
            if result.count == limit { break }
        }
        return result
    }

    public func recuse(application: UUID, evaluator: UUID, reason: String) async throws -> PanelMember {
        try await connection.query("""
            UPDATE evaluation_assignments SET recused_at = now(), recusal_reason = \(reason)
            WHERE application_id = \(application) AND evaluator_id = \(evaluator)
            """, logger: logger)
        return try await member(application: application, evaluator: evaluator)!
    }

    static let sheetColumns = """
        s.id, s.application_id, s.evaluator_id, u.name, s.rubric_id, s.revision, s.scores::text, s.comment, s.reason,
        s.recorded_by, s.submitted_at, s.superseded_at
        """

    static func decodeSheets(_ rows: PostgresRowSequence) async throws -> [ScoreSheet] {
        var result: [ScoreSheet] = []
        for try await (id, application, evaluator, name, rubric, revision, scores, comment, reason, recordedBy, at, superseded)
            in rows.decode((UUID, UUID, UUID, String, UUID, Int, String, String?, String?, String, Date, Date?).self) {
            let values = try JSONDecoder().decode([String: Int].self, from: Data(scores.utf8))
            result.append(ScoreSheet(id: id, applicationID: application, evaluatorID: evaluator, evaluatorName: name,
                                     rubricID: rubric, revision: revision, scores: values, comment: comment, reason: reason,
                                     recordedBy: recordedBy, submittedAt: at, supersededAt: superseded))
        }
        return result
    }

    /// Sheets of some applications: the current ones that count (of evaluators not recused), or every revision.
    public func sheets(applications: [UUID], history: Bool = false) async throws -> [ScoreSheet] {
        guard !applications.isEmpty else { return [] }
        return try await Self.decodeSheets(connection.query("""
            SELECT \(unescaped: Self.sheetColumns)
            FROM evaluation_sheets s JOIN staff_users u ON u.id = s.evaluator_id
            JOIN evaluation_assignments a ON a.application_id = s.application_id AND a.evaluator_id = s.evaluator_id
            WHERE s.application_id = ANY(\(applications))
              AND (\(history) OR (s.superseded_at IS NULL AND a.recused_at IS NULL))
            ORDER BY s.application_id, u.name, s.evaluator_id, s.revision
            """, logger: logger))
    }

    /// The evaluator's current sheet on an application, if they have submitted.
    public func currentSheet(application: UUID, evaluator: UUID) async throws -> ScoreSheet? {
        try await Self.decodeSheets(connection.query("""
            SELECT \(unescaped: Self.sheetColumns) FROM evaluation_sheets s JOIN staff_users u ON u.id = s.evaluator_id
            WHERE s.application_id = \(application) AND s.evaluator_id = \(evaluator) AND s.superseded_at IS NULL
            """, logger: logger)).first
    }

    /// Stores a sheet; an amendment supersedes the current one, which stays as history.
    public func submit(application: UUID, evaluator: UUID, rubric: UUID, scores: [String: Int], comment: String?,
                       reason: String?, recordedBy: String) async throws -> ScoreSheet {
        let scoresJSON = (JSONValue.object(scores.mapValues { .number(Double($0)) })).jsonString()
        let rows = try await connection.query("""
            WITH previous AS (
                UPDATE evaluation_sheets SET superseded_at = clock_timestamp()
                WHERE application_id = \(application) AND evaluator_id = \(evaluator) AND superseded_at IS NULL
                RETURNING revision
            )
            INSERT INTO evaluation_sheets (application_id, evaluator_id, rubric_id, revision, scores, comment, reason, recorded_by)
            VALUES (\(application), \(evaluator), \(rubric), coalesce((SELECT max(revision) FROM previous), 0) + 1,
                    \(scoresJSON)::jsonb, \(comment), \(reason), \(recordedBy))
            RETURNING id
            """, logger: logger)
        var id: UUID?
        for try await value in rows.decode(UUID.self) { id = value }
        return try await Self.decodeSheets(connection.query("""
            SELECT \(unescaped: Self.sheetColumns) FROM evaluation_sheets s JOIN staff_users u ON u.id = s.evaluator_id
            WHERE s.id = \(id!)
            """, logger: logger))[0]
    }

    /// The rubric the application's panel uses: the one its sheets were submitted against.
    public func rubricID(application: UUID) async throws -> UUID? {
        let rows = try await connection.query("""
            SELECT rubric_id FROM evaluation_sheets WHERE application_id = \(application) ORDER BY submitted_at LIMIT 1
            """, logger: logger)
        for try await id in rows.decode(UUID.self) { return id }
        return nil
    }
}
