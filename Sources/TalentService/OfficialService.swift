import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// The officials in post doing legal-drafting work (plan 483, II.2): an agency's HR keeps its own, Sở Tư pháp and the
/// administrators every agency's.
public struct OfficialService: Sendable {
    let database: Database

    /// Who may change these records; the API checks it before it reads a request body.
    public static let writers: Set<Role> = [.admin, .hr]
    public static let readers: Set<Role> = [.admin, .hr, .leadership]

    public func add(_ valid: ValidOfficial, by actor: Principal) async throws -> Official {
        try actor.require(Self.writers)
        try Self.requireOwnAgency(valid.agencyCode, by: actor)
        return try await database.transaction { tx in
            guard let agency = try await tx.agencies.get(valid.agencyCode), agency.status == .active else {
                throw ServiceError.invalid("agency_code", vi: "không có cơ quan đang hoạt động mã \(valid.agencyCode)",
                                           en: "no active agency has the code \(valid.agencyCode)")
            }
            if let candidate = valid.candidateID {
                guard try await tx.reach.candidate(candidate, actor.reach),
                      try await tx.candidates.get(candidate) != nil else {
                    throw ServiceError.invalid("candidate_id", vi: "không có ứng viên \(candidate.text)",
                                               en: "no candidate \(candidate.text)")
                }
            }
            let official = try await tx.officials.insert(valid, createdBy: actor.name)
            try await tx.audit.record(actor, "official.add", "official", official.id.text, after: official)
            return official
        }
    }

    public func get(_ id: UUID, by actor: Principal) async throws -> Official {
        try actor.require(Self.readers)
        guard let official = try await database.read({ try await $0.officials.get(id) }),
              Self.reaches(official, actor)
        else { throw Self.notFound(id) }
        return official
    }

    /// `inPost`: only those in post today (true), only those who have left (false is not offered: nil lists all).
    public func list(agency: String? = nil, kind: String? = nil, inPost: Bool = false, q: String? = nil,
                     page: PageRequest, by actor: Principal) async throws -> Page<Official> {
        try actor.require(Self.readers)
        var v = FieldValidator()
        let asked = v.code("agency", agency, required: false)
        let kind = v.oneOf("kind", kind, OfficialKind.self)
        let q = v.text("q", q, maxLength: 200)
        try v.check()
        let scoped = try ReportService.agency(asked, for: actor)
        return try await database.read { db in
            try await db.officials.list(agency: scoped, kind: kind, inPostOn: inPost ? .today() : nil, q: q, page: page)
        }
    }

    /// Records that the official left post on `leave.on` (their first day out of post).
    public func leave(_ id: UUID, _ leave: OfficialLeave, by actor: Principal) async throws -> Official {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            guard let before = try await tx.officials.get(id, forUpdate: true), Self.reaches(before, actor) else {
                throw Self.notFound(id)
            }
            if let until = before.until {
                throw ServiceError(.conflict, slug: "official-left", LocalizedText(
                    vi: "Công chức đã thôi làm công tác này từ ngày \(until)",
                    en: "The official already left post on \(until)"))
            }
            guard before.since < leave.on else {
                throw ServiceError.invalid("on", vi: "phải sau ngày bắt đầu (\(before.since))",
                                           en: "must be after the start (\(before.since))")
            }
            _ = try await tx.officials.leave(id, on: leave.on, reason: leave.reason)
            let after = try await tx.officials.get(id)!
            try await tx.audit.record(actor, "official.leave", "official", id.text, before: before, after: after)
            return after
        }
    }

    /// Changes the kind of work or the core-force mark (an official developed into the core force of II.2.đ).
    public func update(_ id: UUID, _ change: OfficialChange, expectedVersion: Int?,
                       by actor: Principal) async throws -> Official {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            guard let before = try await tx.officials.get(id, forUpdate: true), Self.reaches(before, actor) else {
                throw Self.notFound(id)
            }
            if let expectedVersion, expectedVersion != before.version { throw CandidateService.stale(before.version) }
            let kind = change.kind ?? before.kind
            let core = kind == .coreDraftingOfficer || (change.coreForce ?? before.coreForce)
            guard try await tx.officials.update(id, kind: kind, coreForce: core, expectedVersion: before.version),
                  let after = try await tx.officials.get(id)
            else { throw CandidateService.stale(before.version) }
            try await tx.audit.record(actor, "official.update", "official", id.text, before: before, after: after)
            return after
        }
    }

    /// An agency-scoped actor reaches their agency's officials only.
    static func reaches(_ official: Official, _ actor: Principal) -> Bool {
        actor.reach.reaches(agency: official.agencyCode)
    }

    static func requireOwnAgency(_ code: String, by actor: Principal) throws(ServiceError) {
        if let held = actor.reach.agency, held != code {
            throw ServiceError(.forbidden, slug: "other-agency", LocalizedText(
                vi: "Bạn chỉ quản lý công chức của cơ quan mình (\(held)), không phải \(code)",
                en: "You manage your own agency's officials (\(held)), not \(code)'s"))
        }
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "công chức", en: "official"), id.text)
    }
}
