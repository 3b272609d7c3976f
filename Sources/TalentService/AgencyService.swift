import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Agencies are data: admins add, rename, retire and merge them; positions and targets follow a merge.
public struct AgencyService: Sendable {
    let database: Database

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
        try actor.require([.admin])
        let code = new.code
        return try await database.transaction { tx in
            if try await tx.agencies.get(code) != nil {
                throw ServiceError(.conflict, slug: "duplicate",
                                   LocalizedText(vi: "Đã có cơ quan mã \(code)", en: "An agency with code \(code) exists"),
                                   fieldErrors: [FieldError("code", vi: "đã được dùng", en: "is already taken")])
            }
            let agency = try await tx.agencies.insert(code: code, name: new.name, kind: new.kind)
            try await tx.audit.record(actor, "agency.add", "agency", agency.code, after: agency)
            return agency
        }
    }

    /// Renames an agency (its code, and so its history, stays).
    public func rename(_ code: String, _ rename: AgencyRename, by actor: Principal) async throws -> Agency {
        try actor.require([.admin])
        return try await database.transaction { tx in
            let before = try await lockActive(code, in: tx)
            let after = try await tx.agencies.rename(before.code, to: rename.name)
            try await tx.audit.record(actor, "agency.rename", "agency", after.code, before: before, after: after)
            return after
        }
    }

    /// Retires an agency, optionally into the active agency that took over its work.
    public func retire(_ code: String, _ retirement: AgencyRetirement, by actor: Principal) async throws -> Agency {
        try actor.require([.admin])
        let target = retirement.mergedInto
        return try await database.transaction { tx in
            let before = try await lockActive(code, in: tx)
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
            // A merger hands the retired agency's positions to the agency that took over its work.
            // So do its targets: one of the same kind and deadline there already becomes one, with the larger count.
            var moved = 0
            var targets: (moved: [UUID], folded: [UUID]) = ([], [])
            if let target {
                moved = try await tx.positions.reassign(from: before.code, to: target)
                targets = try await tx.targets.reassign(from: before.code, to: target)
            }
            try await tx.audit.record(actor, "agency.retire", "agency", after.code, before: before, after: after,
                                      extra: ["positions_moved": .number(Double(moved)),
                                              "targets_moved": .array(targets.moved.map { .string($0.text) }),
                                              "targets_folded": .array(targets.folded.map { .string($0.text) })])
            return after
        }
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
