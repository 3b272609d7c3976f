import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Openings per agency, of the kinds the plan counts.
public struct PositionService: Sendable {
    let database: Database

    /// Who may change these records; the API checks it before it reads a request body.
    public static let writers: Set<Role> = [.admin, .hr]

    /// Adds a position to an active agency.
    public func add(_ valid: ValidPosition, by actor: Principal) async throws -> Position {
        try actor.require(Self.writers)
        try Self.requireOwnAgency(valid.agencyCode, by: actor)
        return try await database.transaction { tx in
            try await Self.requireActiveAgency(valid.agencyCode, in: tx)
            let position = try await tx.positions.insert(valid)
            try await tx.audit.record(actor, "position.add", "position", position.id.text, after: position)
            return position
        }
    }

    /// One position by id.
    public func get(_ id: UUID, by actor: Principal) async throws -> Position {
        try actor.require(Role.staff)
        guard let position = try await database.read({ try await $0.positions.get(id) }),
              Self.reaches(position, actor)
        else { throw Self.notFound(id) }
        return position
    }

    /// An agency-scoped actor reaches their agency's positions only; everyone else, every position.
    static func reaches(_ position: Position, _ actor: Principal) -> Bool {
        actor.reach.reaches(agency: position.agencyCode)
    }

    /// An agency-scoped actor adds and moves positions to their own agency only.
    static func requireOwnAgency(_ code: String, by actor: Principal) throws(ServiceError) {
        if let held = actor.reach.agency, held != code {
            throw ServiceError(.forbidden, slug: "other-agency", LocalizedText(
                vi: "Bạn chỉ làm việc với vị trí của cơ quan mình (\(held)), không phải \(code)",
                en: "You work on your own agency's positions (\(held)), not \(code)'s"))
        }
    }

    public func list(agency: String? = nil, kind: String? = nil, status: String? = nil, page: PageRequest,
                     by actor: Principal) async throws -> Page<Position> {
        try actor.require(Role.staff)
        var v = FieldValidator()
        let agency = v.code("agency", agency, required: false)
        let kind = v.oneOf("kind", kind, PositionKind.self)
        let status = v.oneOf("status", status, PositionStatus.self)
        try v.check()
        // An agency-scoped actor lists their agency's positions, whatever agency they name.
        if let held = actor.reach.agency, agency != nil, agency != held { return Page(items: [], nextCursor: nil) }
        let scoped = actor.reach.agency ?? agency
        return try await database.read { db in
            try await db.positions.list(agency: scoped, kind: kind, status: status, page: page)
        }
    }

    /// Changes the patch's fields; with `expectedVersion`, refuses (412) a position changed since it was read.
    public func update(_ uuid: UUID, patch: PositionPatch, expectedVersion: Int?,
                       by actor: Principal) async throws -> Position {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            guard let before = try await tx.positions.get(uuid, forUpdate: true), Self.reaches(before, actor) else {
                throw Self.notFound(uuid)
            }
            if let expectedVersion, expectedVersion != before.version { throw CandidateService.stale(before.version) }
            let valid = patch.applied(to: before)
            if before.status == .filled, valid.status == .open {
                throw ServiceError(.conflict, slug: "reopen-needs-reason", LocalizedText(
                    vi: "Vị trí đã tuyển đủ: mở lại cần lý do (talent position reopen ID --reason …)",
                    en: "The position is filled: reopening it needs a reason (talent position reopen ID --reason …)"))
            }
            try Self.requireOwnAgency(valid.agencyCode, by: actor)
            if valid.agencyCode != before.agencyCode {
                try await Self.requireActiveAgency(valid.agencyCode, in: tx)
            }
            guard try await tx.positions.update(uuid, expectedVersion: before.version, to: valid),
                  let after = try await tx.positions.get(uuid)
            else { throw CandidateService.stale(before.version) }
            try await tx.audit.record(actor, "position.update", "position", uuid.text, before: before, after: after)
            return after
        }
    }

    /// Opens a filled (or closed) position again for more hires, with the reason, audited.
    public func reopen(_ uuid: UUID, reason: String, by actor: Principal) async throws -> Position {
        try actor.require(Self.writers)
        var v = FieldValidator()
        let reason = v.text("reason", reason, required: true, maxLength: 2000, multiline: true)
        guard v.errors.isEmpty, let reason else { throw ServiceError.invalid(v.errors) }
        return try await database.transaction { tx in
            guard let before = try await tx.positions.get(uuid, forUpdate: true), Self.reaches(before, actor) else {
                throw Self.notFound(uuid)
            }
            guard [.filled, .closed].contains(before.status) else {
                throw ServiceError(.conflict, slug: "position-not-closed", LocalizedText(
                    vi: "Vị trí đang ở trạng thái \(before.status.rawValue): không cần mở lại",
                    en: "The position is \(before.status.rawValue): there is nothing to reopen"))
            }
            var open = ValidPosition(before)
            open.status = .open
            guard try await tx.positions.update(uuid, expectedVersion: before.version, to: open),
                  let after = try await tx.positions.get(uuid)
            else { throw CandidateService.stale(before.version) }
            try await tx.audit.record(actor, "position.reopen", "position", uuid.text, before: before, after: after,
                                      extra: ["reason": .string(reason)])
            return after
        }
    }

    static func requireActiveAgency(_ code: String, in tx: Tables) async throws {
        guard let agency = try await tx.agencies.get(code), agency.status == .active else {
            throw ServiceError.invalid("agency", vi: "không có cơ quan đang hoạt động mã \(code)",
                                       en: "no active agency has the code \(code)")
        }
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "vị trí tuyển dụng", en: "position"), id.text)
    }
}
