import Foundation
import PostgresNIO
import TalentDomain

/// `Reach` as SQL. The rule itself is written once, in the database (`candidate_in_reach`, `application_in_reach`,
/// migration 0011); every query that lists or reads candidates and applications passes it the actor's reach as
/// these three values.
public struct ReachBinds: Sendable, Hashable {
    /// The agency an agency-scoped actor is held to ("" reaches nothing).
    public var agency: String?
    /// The user whose own additions an agency-scoped actor also reaches.
    public var addedBy: UUID?
    /// The evaluator whose panels are reached.
    public var evaluator: UUID?

    init(_ reach: Reach) {
        switch reach {
        case .province: (agency, addedBy, evaluator) = (nil, nil, nil)
        case .agency(let code, let user): (agency, addedBy, evaluator) = (code, user, nil)
        case .panels(let id): (agency, addedBy, evaluator) = (nil, nil, id)
        case .nothing: (agency, addedBy, evaluator) = ("", nil, nil)
        }
    }
}

extension Reach {
    var binds: ReachBinds { ReachBinds(self) }

    /// The condition on a candidate id column for a query built with `SQLBuilder`, or nil when nothing is filtered.
    func candidateCondition(_ q: inout SQLBuilder, column: String = "c.id") -> String? {
        guard self != .province else { return nil }
        let b = binds
        let agency = b.agency.map { q.bind($0) } ?? "NULL", addedBy = b.addedBy.map { q.bind($0) } ?? "NULL"
        let evaluator = b.evaluator.map { q.bind($0) } ?? "NULL"
        return "candidate_in_reach(\(column), \(agency)::text, \(addedBy)::uuid, \(evaluator)::uuid)"
    }

    /// The condition on an application id column for a query built with `SQLBuilder`, or nil when nothing is filtered.
    func applicationCondition(_ q: inout SQLBuilder, column: String = "a.id") -> String? {
        guard self != .province else { return nil }
        let b = binds
        let agency = b.agency.map { q.bind($0) } ?? "NULL", evaluator = b.evaluator.map { q.bind($0) } ?? "NULL"
        return "application_in_reach(\(column), \(agency)::text, \(evaluator)::uuid)"
    }
}

/// One record's place in an actor's reach.
public struct ReachTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Whether the candidate is within reach (true for `province` without a query).
    public func candidate(_ id: UUID, _ reach: Reach) async throws -> Bool {
        guard reach != .province else { return true }
        let b = reach.binds
        return try await connection.query("""
            SELECT 1 WHERE candidate_in_reach(\(id), \(b.agency)::text, \(b.addedBy)::uuid, \(b.evaluator)::uuid)
            """, logger: logger).hasRows()
    }

    /// Whether the application is within reach.
    public func application(_ id: UUID, _ reach: Reach) async throws -> Bool {
        guard reach != .province else { return true }
        let b = reach.binds
        return try await connection.query("""
            SELECT 1 WHERE application_in_reach(\(id), \(b.agency)::text, \(b.evaluator)::uuid)
            """, logger: logger).hasRows()
    }
}
