import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for conflicts of interest: declarations, and the referrals that count as one.
public struct ConflictDeclarationTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Why the user may not evaluate the candidate, if anything stands in the way: a referral they made, or a declared
    /// relationship (a recusal is one).
    public func between(user: UUID, candidate: UUID) async throws -> (kind: String, relationship: String, reason: String?)? {
        let rows = try await connection.query("""
            SELECT 'referral', relationship, justification FROM referrals
            WHERE candidate_id = \(candidate) AND referrer_user_id = \(user)
            UNION ALL
            SELECT 'declaration', relationship, reason FROM conflict_declarations
            WHERE candidate_id = \(candidate) AND user_id = \(user)
            LIMIT 1
            """, logger: logger)
        for try await (kind, relationship, reason) in rows.decode((String, String, String?).self) {
            return (kind, relationship, reason)
        }
        return nil
    }

    /// Records that the user has a relationship with the candidate.
    public func declare(candidate: UUID, user: UUID, application: UUID?, relationship: Relationship, reason: String,
                        by actor: String) async throws -> ConflictDeclaration {
        let rows = try await connection.query("""
            INSERT INTO conflict_declarations (candidate_id, user_id, application_id, relationship, reason, declared_by)
            VALUES (\(candidate), \(user), \(application), \(relationship.rawValue), \(reason), \(actor))
            RETURNING id, candidate_id, user_id, application_id, relationship, reason, declared_by, declared_at
            """, logger: logger)
        var declaration: ConflictDeclaration?
        for try await (id, candidate, user, application, relationship, reason, by, at)
            in rows.decode((UUID, UUID, UUID, UUID?, String, String, String, Date).self) {
            declaration = ConflictDeclaration(id: id, candidateID: candidate, userID: user, applicationID: application,
                                              relationship: Relationship(rawValue: relationship) ?? .other, reason: reason,
                                              declaredBy: by, declaredAt: at)
        }
        return declaration!
    }

    /// Moves a candidate's declarations to another (a merge).
    public func reassign(from: UUID, to: UUID) async throws {
        try await connection.query("UPDATE conflict_declarations SET candidate_id = \(to) WHERE candidate_id = \(from)",
                                   logger: logger)
    }
}
