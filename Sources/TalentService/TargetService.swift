import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// The plan's targets: how many officers of a kind each agency must have hired by a deadline.
public struct TargetService: Sendable {
    let database: Database

    /// Who may change these records; the API checks it before it reads a request body.
    public static let writers: Set<Role> = [.admin]

    /// Adds a target; administrators only.
    public func add(_ valid: ValidTarget, by actor: Principal) async throws -> Target {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            guard let agency = try await tx.agencies.get(valid.agencyCode),
                  agency.status == .active
            else {
                throw ServiceError.invalid("agency_code", vi: "không có cơ quan đang hoạt động mã \(valid.agencyCode)",
                                           en: "no active agency has the code \(valid.agencyCode)")
            }
            let target = try await tx.targets.insert(valid, createdBy: actor.name)
            try await tx.audit.record(actor, "target.add", "target", target.id.text, after: target)
            return target
        }
    }

    /// The targets; admin, leadership and hr read them, an agency-scoped reader their own agency's only (naming
    /// another is refused, as in the reports).
    public func list(agency: String? = nil, by actor: Principal) async throws -> [Target] {
        try actor.require([.admin, .leadership, .hr])
        var v = FieldValidator()
        let asked = v.code("agency", agency, required: false)
        try v.check()
        let agency = try ReportService.agency(asked, for: actor)
        return try await database.read { try await $0.targets.list(agency: agency) }
    }
}
