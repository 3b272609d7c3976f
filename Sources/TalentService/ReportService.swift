import Foundation
import TalentDomain
import TalentStore

/// Reports for leadership, read from the replica when `DATABASE_READ_URL` is set.
public struct ReportService: Sendable {
    let database: Database

    /// Per referrer: referrals, credited, reached evaluation, hired, rejected (and the median panel score, once
    /// evaluations exist).
    public func referrers(kind: String? = nil, by actor: Actor) async throws -> [ReferrerStats] {
        try actor.require([.admin, .hr, .leadership])
        var v = FieldValidator()
        let kind = v.oneOf("referrer_kind", kind, ReferrerKind.self)
        try v.check()
        return try await database.report { c in
            try await ReportTable.referrers(kind: kind, on: c, logger: database.logger)
        }
    }
}
