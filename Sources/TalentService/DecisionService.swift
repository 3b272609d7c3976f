import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Hiring decisions: recording one moves its application to `hired` (from `offer`, by the stage rules), dates the
/// hire by the effective date (which the targets count from), puts the candidate in post as an official, and closes
/// the position as `filled` once its openings are taken. A decision is kept as signed.
public struct DecisionService: Sendable {
    let database: Database

    public static let writers: Set<Role> = [.admin, .hr]
    public static let readers: Set<Role> = [.admin, .hr, .leadership]

    public func record(_ valid: ValidHiringDecision, by actor: Principal) async throws -> HiringDecision {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            let applicationID = valid.applicationID
            guard try await tx.reach.application(applicationID, actor.reach),
                  let before = try await tx.applications.get(applicationID, forUpdate: true) else {
                throw ApplicationService.notFound(applicationID)
            }
            if let existing = try await tx.decisions.forApplication(applicationID) {
                throw ServiceError(.conflict, slug: "decision-recorded", LocalizedText(
                    vi: "Hồ sơ đã có quyết định tuyển dụng số \(existing.number) ngày \(existing.signedOn)",
                    en: "The application already has hiring decision \(existing.number) of \(existing.signedOn)"),
                    extensions: ["existing_id": .string(existing.id.text)])
            }
            if before.stage != .hired {
                try StageMachine.check(from: before.stage, to: .hired, reason: nil)
                try await ConsentService.requireRecruitmentConsent(before.candidateID, in: tx)
            }
            guard let position = try await tx.positions.get(before.positionID, forUpdate: true),
                  let candidate = try await tx.candidates.get(before.candidateID) else {
                throw ApplicationService.notFound(applicationID)
            }
            let id = try await tx.decisions.insert(valid, recordedBy: actor.name)
            let reason = "Quyết định số \(valid.number) ngày \(valid.signedOn)"
            if before.stage != .hired {
                _ = try await tx.applications.move(applicationID, from: before.stage, to: .hired, actor: actor,
                                                   reason: reason)
            }
            try await tx.decisions.dateHire(application: applicationID, on: valid.effectiveOn)
            try await NominationService.follow([before.candidateID], in: tx)
            let after = try await tx.applications.get(applicationID)!
            if before.stage != .hired { try await MailService.applicationResult(after, in: tx) }
            try await tx.audit.record(actor, before.stage == .hired ? "application.date_hire" : "application.move",
                                      "application", applicationID.text, before: before,
                                      after: after, extra: ["reason": .string(reason), "decision_id": .string(id.text)])
            let official = try await tx.officials.insert(
                ValidOfficial(fullName: candidate.fullName, agencyCode: position.agencyCode,
                              kind: OfficialKind(position: position.kind), coreForce: false, candidateID: candidate.id,
                              since: valid.effectiveOn),
                decisionID: id, createdBy: actor.name)
            try await tx.audit.record(actor, "official.add", "official", official.id.text, after: official,
                                      extra: ["decision_id": .string(id.text)])
            if position.status == .open, try await tx.decisions.hires(position: position.id) >= position.openings {
                var filled = ValidPosition(position)
                filled.status = .filled
                if try await tx.positions.update(position.id, expectedVersion: position.version, to: filled),
                   let closed = try await tx.positions.get(position.id) {
                    try await tx.audit.record(actor, "position.update", "position", position.id.text, before: position,
                                              after: closed, extra: ["reason": .string(reason)])
                }
            }
            let decision = try await tx.decisions.get(id)!
            try await tx.audit.record(actor, "decision.record", "decision", id.text, after: decision)
            return decision
        }
    }

    public func get(_ id: UUID, by actor: Principal) async throws -> HiringDecision {
        try actor.require(Self.readers)
        let found = try await database.read { db -> HiringDecision? in
            guard let decision = try await db.decisions.get(id),
                  try await db.reach.application(decision.applicationID, actor.reach) else { return nil }
            return decision
        }
        guard let found else { throw Self.notFound(id) }
        return found
    }

    public func list(agency: String? = nil, page: PageRequest, by actor: Principal) async throws -> Page<HiringDecision> {
        try actor.require(Self.readers)
        var v = FieldValidator()
        let asked = v.code("agency", agency, required: false)
        try v.check()
        let scoped = try ReportService.agency(asked, for: actor)
        return try await database.read { try await $0.decisions.list(agency: scoped, page: page) }
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "quyết định tuyển dụng", en: "hiring decision"), id.text)
    }
}
