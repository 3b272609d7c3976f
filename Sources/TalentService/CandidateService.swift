import Foundation
import TalentDomain
import TalentStore

/// Candidate profiles.
public struct CandidateService: Sendable {
    let database: Database

    /// Adds a candidate. A citizen ID, e-mail or phone that another profile already has is refused, naming that profile.
    public func add(_ draft: CandidateDraft, by actor: Actor) async throws -> Candidate {
        try actor.require([.admin, .hr])
        let valid = try ValidCandidate(draft)
        return try await database.transaction { c in
            let existing = try await CandidateTable.exactMatches(citizenID: valid.citizenID, email: valid.email,
                                                                 phone: valid.phone, on: c, logger: database.logger)
            if let other = existing.first {
                throw Self.duplicate(of: other, valid)
            }
            let candidate = try await CandidateTable.insert(valid, on: c, logger: database.logger)
            try await Audit.record(actor, "candidate.add", "candidate", candidate.id.text, after: candidate, on: c,
                                   logger: database.logger)
            return candidate
        }
    }

    /// One candidate by id.
    public func get(_ id: String, by actor: Actor) async throws -> Candidate {
        try actor.require(Role.staff)
        let uuid = try UUID.parse(id)
        guard let candidate = try await database.read({ try await CandidateTable.get(uuid, on: $0, logger: database.logger) }) else {
            throw ServiceError.notFound(LocalizedText(vi: "ứng viên", en: "candidate"), uuid.text)
        }
        return candidate
    }

    /// Candidates, newest first. `query` matches names without regard to accents or case, and citizen IDs, e-mails
    /// and phones exactly.
    public func list(query: String? = nil, page: PageRequest, by actor: Actor) async throws -> Page<Candidate> {
        try actor.require(Role.staff)
        var v = FieldValidator()
        let text = v.text("q", query, maxLength: 200)
        try v.check()
        let folded = text.map(VietnameseText.fold).flatMap { $0.isEmpty ? nil : $0 }
        let exact = text.map { [Normalize.citizenID($0), Normalize.email($0), Normalize.phone($0)].compactMap { $0 } } ?? []
        return try await database.read { c in
            try await CandidateTable.list(folded: folded, exact: exact, page: page, on: c, logger: database.logger)
        }
    }

    static func duplicate(of other: Candidate, _ valid: ValidCandidate) -> ServiceError {
        let field = other.citizenID != nil && other.citizenID == valid.citizenID ? "citizen_id"
            : other.email != nil && other.email == valid.email ? "email" : "phone"
        return ServiceError(
            .conflict, slug: "duplicate-candidate",
            LocalizedText(vi: "Ứng viên \(other.fullName) (\(other.id.text)) đã có cùng \(field)",
                          en: "Candidate \(other.fullName) (\(other.id.text)) already has this \(field)"),
            fieldErrors: [FieldError(field, vi: "trùng với ứng viên đã có", en: "matches an existing candidate")],
            extensions: ["existing_id": .string(other.id.text)])
    }
}
