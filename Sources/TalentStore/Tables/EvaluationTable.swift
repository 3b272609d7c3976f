import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for evaluation panels and score sheets.
public struct EvaluationTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    // A member has submitted once their current sheet counts: their own, or one typed in for them and confirmed.
    static let memberColumns = """
        a.application_id, a.evaluator_id, u.name, a.assigned_by, a.assigned_at, a.recused_at, a.recusal_reason,
        (SELECT CASE WHEN s.entered_by IS NULL OR s.confirmed_at IS NOT NULL THEN 'submitted' ELSE 'awaiting_confirmation' END
         FROM evaluation_sheets s WHERE s.application_id = a.application_id AND s.evaluator_id = a.evaluator_id
           AND s.superseded_at IS NULL)
        """

    static func memberStatus(recusedAt: Date?, sheet: String?) -> PanelMemberStatus {
        recusedAt != nil ? .recused : sheet.flatMap(PanelMemberStatus.init(rawValue:)) ?? .assigned
    }

    static func decodeMembers(_ rows: PostgresRowSequence) async throws -> [PanelMember] {
        var result: [PanelMember] = []
        for try await (application, evaluator, name, assignedBy, assignedAt, recusedAt, reason, sheet)
            in rows.decode((UUID, UUID, String, String, Date, Date?, String?, String?).self) {
            let status = memberStatus(recusedAt: recusedAt, sheet: sheet)
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
            WHERE (\(evaluator)::uuid IS NULL OR a.evaluator_id = \(evaluator)) AND c.erased_at IS NULL
            ORDER BY ap.stage IN ('hired', 'rejected', 'withdrawn'), a.assigned_at DESC, a.application_id
            LIMIT 2000
            """, logger: logger)
        var result: [EvaluatorAssignment] = []
        for try await (application, evaluatorID, name, assignedBy, assignedAt, recusedAt, reason, sheet, candidate, title,
                       agency, stage)
            in rows.decode((UUID, UUID, String, String, Date, Date?, String?, String?, String, String, String, String).self) {
            let memberStatus = Self.memberStatus(recusedAt: recusedAt, sheet: sheet)
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
        s.recorded_by, s.submitted_at, s.superseded_at, s.entered_by, s.confirmed_by, s.confirmed_at, s.amended_after_result
        """

    static func decodeSheets(_ rows: PostgresRowSequence) async throws -> [ScoreSheet] {
        var result: [ScoreSheet] = []
        for try await (id, application, evaluator, name, rubric, revision, scores, comment, reason, recordedBy, at, superseded,
                       enteredBy, confirmedBy, confirmedAt, amendedAfterResult)
            in rows.decode((UUID, UUID, UUID, String, UUID, Int, String, String?, String?, String, Date, Date?,
                            String?, String?, Date?, Bool).self) {
            let values = try JSONDecoder().decode([String: Int].self, from: Data(scores.utf8))
            result.append(ScoreSheet(id: id, applicationID: application, evaluatorID: evaluator, evaluatorName: name,
                                     rubricID: rubric, revision: revision, scores: values, comment: comment, reason: reason,
                                     recordedBy: recordedBy, submittedAt: at, supersededAt: superseded,
                                     enteredBy: enteredBy, confirmedBy: confirmedBy, confirmedAt: confirmedAt,
                                     amendedAfterResult: amendedAfterResult))
        }
        return result
    }

    /// One sheet (any revision) by its id.
    public func sheet(_ id: UUID, forUpdate: Bool = false) async throws -> ScoreSheet? {
        try await Self.decodeSheets(connection.query("""
            SELECT \(unescaped: Self.sheetColumns) FROM evaluation_sheets s JOIN staff_users u ON u.id = s.evaluator_id
            WHERE s.id = \(id) \(unescaped: forUpdate ? "FOR UPDATE OF s" : "")
            """, logger: logger)).first
    }

    /// Confirms a sheet typed in for the evaluator; it is flagged when it is an amendment and the result was read.
    public func confirm(_ id: UUID, by confirmer: String) async throws -> ScoreSheet {
        try await connection.query("""
            UPDATE evaluation_sheets s SET confirmed_by = \(confirmer), confirmed_at = clock_timestamp(),
                amended_after_result = s.amended_after_result OR (s.revision > 1 AND EXISTS (
                    SELECT 1 FROM evaluation_result_reads r WHERE r.application_id = s.application_id))
            WHERE s.id = \(id)
            """, logger: logger)
        return try await sheet(id)!
    }

    /// Records that the results of these applications were read, for those with a sheet that counts and that nobody
    /// had read before. One statement, so it is safe on a connection outside a transaction.
    public func markResultRead(applications: [UUID], by reader: String) async throws {
        guard !applications.isEmpty else { return }
        try await connection.query("""
            INSERT INTO evaluation_result_reads (application_id, first_read_by)
            SELECT DISTINCT s.application_id, \(reader) FROM evaluation_sheets s
            JOIN evaluation_assignments a ON a.application_id = s.application_id AND a.evaluator_id = s.evaluator_id
            WHERE s.application_id = ANY(\(applications)) AND s.superseded_at IS NULL AND a.recused_at IS NULL
              AND (s.entered_by IS NULL OR s.confirmed_at IS NOT NULL)
            ON CONFLICT (application_id) DO NOTHING
            """, logger: logger)
    }

    /// When the results of these applications were first read (absent when nobody has).
    public func resultReads(applications: [UUID]) async throws -> [UUID: Date] {
        guard !applications.isEmpty else { return [:] }
        let rows = try await connection.query("""
            SELECT application_id, first_read_at FROM evaluation_result_reads WHERE application_id = ANY(\(applications))
            """, logger: logger)
        var result: [UUID: Date] = [:]
        for try await (id, at) in rows.decode((UUID, Date).self) { result[id] = at }
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
    /// `enteredBy` names who typed it in for the evaluator (nil for their own sheet). An amendment is flagged when the
    /// result had been read already.
    public func submit(application: UUID, evaluator: UUID, rubric: UUID, scores: [String: Int], comment: String?,
                       reason: String?, recordedBy: String, enteredBy: String?) async throws -> ScoreSheet {
        let scoresJSON = (JSONValue.object(scores.mapValues { .number(Double($0)) })).jsonString()
        let rows = try await connection.query("""
            WITH previous AS (
                UPDATE evaluation_sheets SET superseded_at = clock_timestamp()
                WHERE application_id = \(application) AND evaluator_id = \(evaluator) AND superseded_at IS NULL
                RETURNING revision
            )
            INSERT INTO evaluation_sheets (application_id, evaluator_id, rubric_id, revision, scores, comment, reason, recorded_by,
                                           entered_by, amended_after_result)
            VALUES (\(application), \(evaluator), \(rubric), coalesce((SELECT max(revision) FROM previous), 0) + 1,
                    \(scoresJSON)::jsonb, \(comment), \(reason), \(recordedBy), \(enteredBy),
                    EXISTS (SELECT 1 FROM previous)
                    AND EXISTS (SELECT 1 FROM evaluation_result_reads r WHERE r.application_id = \(application)))
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

    /// How many users with the evaluator role may evaluate the candidate: none of their referrals names the candidate
    /// and they declared no relationship with them (a recusal is such a declaration).
    public func eligibleEvaluators(candidate: UUID) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM staff_users u
            WHERE u.role = 'evaluator'
              AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.candidate_id = \(candidate) AND r.referrer_user_id = u.id)
              AND NOT EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.candidate_id = \(candidate) AND d.user_id = u.id)
            """, logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
