import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Agencies are data: admins add, rename, retire and merge them; positions and targets follow a merge.
public struct AgencyService: Sendable {
    let database: Database

    /// Who may change these records; the API checks it before it reads a request body.
    public static let writers: Set<Role> = [.admin]

    /// The reference list; retired agencies only when asked for.
    public func list(includeRetired: Bool = false, kind: String? = nil, page: PageRequest,
                     by actor: Principal) async throws -> Page<Agency> {
        try actor.require(Role.staff)
        var v = FieldValidator()
        let kind = v.oneOf("kind", kind, AgencyKind.self)
        try v.check()
        let rows = try await database.read { db in
            try await db.agencies.list(includeRetired: includeRetired, kind: kind, after: page.cursor?.id, limit: page.limit + 1)
        }
        let items = Array(rows.prefix(page.limit))
        return Page(items: items, nextCursor: rows.count > page.limit ? items.last.map { Cursor(key: "", id: $0.code).encoded } : nil)
    }

    /// One agency by its code.
    public func get(_ code: String, by actor: Principal) async throws -> Agency {
        try actor.require(Role.staff)
        let key = code.uppercased()
        guard let agency = try await database.read({ try await $0.agencies.get(key) }) else {
            throw ServiceError.notFound(LocalizedText(vi: "cơ quan", en: "agency"), code)
        }
        return agency
    }

    /// Adds an agency with a new code.
    public func add(_ new: NewAgency, by actor: Principal) async throws -> Agency {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            try await insert(new.code, name: new.name, kind: new.kind, in: tx, by: actor)
        }
    }

    /// Renames an agency (its code, and so its history, stays).
    public func rename(_ code: String, _ rename: AgencyRename, by actor: Principal) async throws -> Agency {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            try await self.rename(try await lockActive(code, in: tx), to: rename.name, in: tx, by: actor)
        }
    }

    /// Retires an agency, optionally into the active agency that took over its work.
    public func retire(_ code: String, _ retirement: AgencyRetirement, by actor: Principal) async throws -> Agency {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            try await retire(try await lockActive(code, in: tx), into: retirement.mergedInto, in: tx, by: actor).agency
        }
    }

    /// Applies a reorganization file in one transaction, step by step: creates, renames and retires agencies as `add`,
    /// `rename` and `retire` do (positions and targets follow a merger; each change is audited), skips what the
    /// database already says, and refuses the whole file, writing nothing, when any entry cannot apply. A dry run
    /// does the same work and rolls it back, so it tells exactly what applying would do.
    public func reorganize(_ plan: Reorganization, dryRun: Bool, by actor: Principal) async throws -> ReorganizationResult {
        try actor.require(Self.writers)
        struct DryRun: Error { var result: ReorganizationResult }
        do {
            return try await database.transaction { tx in
                var changes = try plan.plan(against: try await tx.agencies.lockAll())
                for (i, change) in changes.enumerated() where change.outcome == .changed {
                    let context: [String: JSONValue] = ["reorganization": .string(plan.id), "step": .string(change.step)]
                    switch change.action {
                    case .create:
                        _ = try await insert(change.code, name: change.name, kind: change.kind, in: tx, by: actor, extra: context)
                    case .rename:
                        _ = try await rename(try await lockActive(change.code, in: tx), to: change.name, in: tx, by: actor,
                                             extra: context)
                    case .retire:
                        let done = try await retire(try await lockActive(change.code, in: tx), into: change.mergedInto,
                                                    in: tx, by: actor, extra: context)
                        changes[i].positionsMoved = done.positionsMoved
                        changes[i].targetsMoved = done.targetsMoved
                        changes[i].targetsFolded = done.targetsFolded
                    case .keep:
                        break
                    }
                }
                let result = ReorganizationResult(id: plan.id, name: plan.name, dryRun: dryRun, changes: changes)
                if dryRun { throw DryRun(result: result) }
                // Applying a file already applied writes nothing at all, not even this entry.
                if result.changed {
                    try await tx.audit.record(actor, "agency.reorganize", "reorganization", plan.id,
                                              extra: result.summary.merging(["name": .string(plan.name)]) { a, _ in a })
                }
                return result
            }
        } catch let rollback as DryRun {
            return rollback.result
        }
    }

    private func insert(_ code: String, name: String, kind: AgencyKind, in tx: Tables, by actor: Principal,
                        extra: [String: JSONValue] = [:]) async throws -> Agency {
        if try await tx.agencies.get(code) != nil {
            throw ServiceError(.conflict, slug: "duplicate",
                               LocalizedText(vi: "Đã có cơ quan mã \(code)", en: "An agency with code \(code) exists"),
                               fieldErrors: [FieldError("code", vi: "đã được dùng", en: "is already taken")])
        }
        let agency = try await tx.agencies.insert(code: code, name: name, kind: kind)
        try await tx.audit.record(actor, "agency.add", "agency", agency.code, after: agency, extra: extra)
        return agency
    }

    private func rename(_ before: Agency, to name: String, in tx: Tables, by actor: Principal,
                        extra: [String: JSONValue] = [:]) async throws -> Agency {
        let after = try await tx.agencies.rename(before.code, to: name)
        try await tx.audit.record(actor, "agency.rename", "agency", after.code, before: before, after: after, extra: extra)
        return after
    }

    /// The rule of a retirement, wherever it comes from: the successor must be another, active agency, and a merger
    /// hands the retired agency's positions to the agency that took over its work. So do its targets: one of the same
    /// kind and deadline there already becomes one, with the larger count.
    private func retire(_ before: Agency, into target: String?, in tx: Tables, by actor: Principal,
                        extra: [String: JSONValue] = [:]) async throws
        -> (agency: Agency, positionsMoved: Int, targetsMoved: Int, targetsFolded: Int) {
        if let target {
            guard target != before.code else {
                throw ServiceError.invalid("merged_into", vi: "không thể sáp nhập vào chính nó", en: "cannot be the agency itself")
            }
            guard let into = try await tx.agencies.get(target), into.status == .active else {
                throw ServiceError.invalid("merged_into", vi: "phải là mã của một cơ quan đang hoạt động",
                                           en: "must be the code of an active agency")
            }
        }
        let after = try await tx.agencies.retire(before.code, mergedInto: target)
        var moved = 0
        var targets: (moved: [UUID], folded: [UUID]) = ([], [])
        var staff: [UUID] = []
        var officials: [UUID] = []
        if let target {
            moved = try await tx.positions.reassign(from: before.code, to: target)
            targets = try await tx.targets.reassign(from: before.code, to: target)
            // Its officers now work for the agency that took over: an agency-scoped one keeps reaching their work.
            staff = try await tx.users.reassign(from: before.code, to: target)
            // So do its officials in post and those who left: their training counts for the new agency.
            officials = try await tx.officials.reassign(from: before.code, to: target)
        }
        try await tx.audit.record(actor, "agency.retire", "agency", after.code, before: before, after: after,
                                  extra: extra.merging([
                                      "positions_moved": .number(Double(moved)),
                                      "targets_moved": .array(targets.moved.map { .string($0.text) }),
                                      "targets_folded": .array(targets.folded.map { .string($0.text) }),
                                      "users_moved": .array(staff.map { .string($0.text) }),
                                      "officials_moved": .array(officials.map { .string($0.text) }),
                                  ]) { a, _ in a })
        return (after, moved, targets.moved.count, targets.folded.count)
    }

    private func lockActive(_ code: String, in tx: Tables) async throws -> Agency {
        guard let agency = try await tx.agencies.get(code.uppercased(), forUpdate: true) else {
            throw ServiceError.notFound(LocalizedText(vi: "cơ quan", en: "agency"), code)
        }
        guard agency.status == .active else {
            throw ServiceError(.conflict, slug: "agency-retired",
                               LocalizedText(vi: "Cơ quan \(agency.code) đã ngừng hoạt động", en: "Agency \(agency.code) is retired"))
        }
        return agency
    }
}
