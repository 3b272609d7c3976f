import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// Candidate profiles: adding, finding, changing, and merging two profiles of one person.
public struct CandidateService: Sendable {
    let database: Database
    /// Where reads of a profile and searches by an identifier are logged.
    let readLog: ReadLog

    /// Who may change these records; the API checks it before it reads a request body.
    public static let writers: Set<Role> = [.admin, .hr]

    /// Adds a candidate. A citizen ID, e-mail or phone that another profile already has is refused, naming that
    /// profile; likely duplicates (same name and birth date, or a similar name from the same institution) come back
    /// with the new profile.
    public func add(_ valid: ValidCandidate, by actor: Principal) async throws -> CandidateCreated {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            try await Self.refuseExactDuplicate(valid, excluding: nil, by: actor, in: tx)
            let likely = try await Self.likelyDuplicates(of: valid, excluding: nil, by: actor, in: tx)
            let candidate = try await tx.candidates.insert(valid, createdBy: actor.userID)
            try await tx.audit.record(actor, "candidate.add", "candidate", candidate.id.text, after: candidate.audited)
            return CandidateCreated(candidate: candidate, possibleDuplicates: likely)
        }
    }

    /// One candidate by id.
    public func get(_ id: UUID, by actor: Principal) async throws -> Candidate {
        try actor.require(Role.staff)
        let candidate = try await database.read { db in
            try await Self.requireReach(id, by: actor, in: db)
            guard let candidate = try await db.candidates.get(id) else { throw try await Self.missing(id, in: db) }
            return candidate
        }
        readLog.candidateRead(id, by: actor)
        return Self.shown(candidate, to: actor)
    }

    /// Throws 404, as if it did not exist, unless the candidate is within the actor's reach.
    static func requireReach(_ id: UUID, by actor: Principal, in db: Tables) async throws {
        guard try await db.reach.candidate(id, actor.reach) else { throw notFound(id) }
    }

    /// The profile as the actor may see it: an evaluator never reads a full citizen ID, nor the person's contacts.
    static func shown(_ candidate: Candidate, to actor: Principal) -> Candidate {
        guard case .panels = actor.reach else { return candidate }
        var shown = candidate
        shown.citizenID = candidate.citizenID?.maskedCitizenID
        shown.email = nil
        shown.phone = nil
        shown.otherContacts = []
        return shown
    }

    /// A candidate's file: the profile with the sections asked for (none: the profile alone, as `get` gives it). Each
    /// section is read under the rule of the service that owns it, so the file never shows more than those would: a
    /// role that may not read referrals or panels there is refused them here, and an evaluator reads the stage history
    /// without panel scores. Everything is read on one connection.
    public func file(_ id: UUID, include sections: Set<CandidateFileSection>,
                     by actor: Principal) async throws -> CandidateFile {
        try actor.require(Role.staff)
        for section in sections.sorted() where !Self.fileReaders(section).contains(actor.role) {
            throw ServiceError(.forbidden, LocalizedText(
                vi: "Vai trò \(actor.role.rawValue) không được xem phần \(section.rawValue) của hồ sơ ứng viên",
                en: "The role \(actor.role.rawValue) may not read the \(section.rawValue) of a candidate's file"))
        }
        let file = try await database.read { db in
            try await Self.file(id, include: sections, by: actor, in: db)
        }
        readLog.candidateRead(id, sections: sections, by: actor)
        return file
    }

    /// The file, read on `db` (within the caller's reach, shown as they may see it).
    static func file(_ id: UUID, include sections: Set<CandidateFileSection>, by actor: Principal,
                     in db: Tables) async throws -> CandidateFile {
        try await Self.requireReach(id, by: actor, in: db)
        guard let candidate = try await db.candidates.get(id) else { throw try await Self.missing(id, in: db) }
        var file = CandidateFile(candidate: Self.shown(candidate, to: actor), sections: sections)
        guard !sections.isEmpty else { return file }
        // Only the applications within the actor's reach: a candidate of one's agency may have applied elsewhere too.
        var applications: [Application] = []
        if sections.contains(.applications) || sections.contains(.panels) {
            for application in try await db.applications.all(candidateID: id)
            where try await db.reach.application(application.id, actor.reach) {
                applications.append(application)
            }
        }
        if sections.contains(.applications) {
            for application in applications {
                let history = try await db.applications.history(application.id)
                file.applications.append(FileApplication(
                    application: application, history: ApplicationService.history(history, visibleTo: actor)))
            }
        }
        if sections.contains(.referrals) {
            file.referrals = try await db.referrals.all(candidateID: id)
        }
        if sections.contains(.nominations) {
            file.nominations = try await db.nominations.all(candidateID: id, reach: actor.reach)
        }
        if sections.contains(.panels) {
            let results = try await EvaluationService.results(for: applications.map(\.id), readBy: actor, in: db)
            // An application that never had a panel has none in the file.
            for application in applications {
                let evaluators = try await db.evaluations.panel(application: application.id)
                guard !evaluators.isEmpty else { continue }
                file.panels.append(FilePanel(application: application, evaluators: evaluators,
                                             score: EvaluationService.result(for: application.id, in: results)))
            }
        }
        return file
    }

    /// The sections of a candidate's file that the actor may read (what `talent candidate show` prints).
    public static func readableSections(by actor: Principal) -> Set<CandidateFileSection> {
        Set(CandidateFileSection.allCases.filter { fileReaders($0).contains(actor.role) })
    }

    /// Who may read a section of the file: the readers of the service that owns it.
    static func fileReaders(_ section: CandidateFileSection) -> Set<Role> {
        switch section {
        case .applications: ApplicationService.readers
        case .referrals: ReferralService.readers
        case .nominations: NominationService.staffReaders
        case .panels: EvaluationService.panelReaders
        }
    }

    /// Candidates matching the query, in its order, one page at a time. The text matches names without regard to
    /// accents or case, and citizen IDs, e-mails and phones exactly.
    public func list(_ query: CandidateQuery = CandidateQuery(), page: PageRequest, by actor: Principal) async throws -> Page<Candidate> {
        try actor.require(Role.staff)
        let filter = try Self.filter(query, by: actor)
        let page = try await database.read { db in
            try await db.candidates.list(filter, page: page)
        }
        // A search by a person's identifier is logged with the identifier masked, and whom it found.
        if let search = IdentifierSearch(query.text) {
            readLog.record(actor, "candidate.search", "search", search.entityID, extra: [
                "kind": .string(search.kind.rawValue), "found": .array(page.items.map { .string($0.id.text) }),
            ])
        }
        return Page(items: page.items.map { Self.shown($0, to: actor) }, nextCursor: page.nextCursor)
    }

    /// The query as the actor may run it: within their reach; an evaluator finds no one by citizen ID, e-mail or phone.
    static func filter(_ query: CandidateQuery, by actor: Principal) throws(ServiceError) -> CandidateFilter {
        var filter = try CandidateFilter(query)
        filter.reach = actor.reach
        if case .panels = actor.reach { filter.exact = [] }
        return filter
    }

    /// Changes the patch's fields. With `expectedVersion`, refuses (412) when the profile changed since it was read.
    public func update(_ uuid: UUID, patch: CandidatePatch, expectedVersion: Int?,
                       by actor: Principal) async throws -> Candidate {
        try actor.require(Self.writers)
        return try await database.transaction { tx in
            try await Self.requireReach(uuid, by: actor, in: tx)
            guard let before = try await tx.candidates.get(uuid, forUpdate: true) else {
                throw try await Self.missing(uuid, in: tx)
            }
            if let expectedVersion, expectedVersion != before.version { throw Self.stale(before.version) }
            let valid = patch.applied(to: before)
            try await Self.refuseExactDuplicate(valid, excluding: uuid, by: actor, in: tx)
            guard try await tx.candidates.update(uuid, expectedVersion: before.version, to: valid),
                  let after = try await tx.candidates.get(uuid)
            else { throw Self.stale(before.version) }
            try await tx.audit.record(actor, "candidate.update", "candidate", uuid.text, before: before.audited,
                                      after: after.audited)
            return after
        }
    }

    /// Likely duplicates of one candidate.
    public func duplicates(of id: UUID, by actor: Principal) async throws -> [Candidate] {
        try actor.require(Self.writers)
        let candidate = try await get(id, by: actor)
        let valid = ValidCandidate(candidate)
        return try await database.read { db in
            try await Self.likelyDuplicates(of: valid, excluding: candidate.id, by: actor, in: db)
        }
    }

    /// Pairs of likely duplicates across all candidates (same name, ignoring accents and case, and birth date).
    public func duplicatePairs(limit: Int = 200, by actor: Principal) async throws -> [DuplicatePair] {
        try actor.require(Self.writers)
        return try await database.read { db in
            let pairs = try await db.candidates.duplicatePairs(limit: limit)
            var result: [DuplicatePair] = []
            for (a, b) in pairs {
                guard try await db.reach.candidate(a, actor.reach), try await db.reach.candidate(b, actor.reach) else {
                    continue
                }
                if let first = try await db.candidates.get(a),
                   let second = try await db.candidates.get(b) {
                    result.append(DuplicatePair(candidate: DuplicateSummary(first), duplicate: DuplicateSummary(second)))
                }
            }
            return result
        }
    }

    /// Merges `other` into `keep`: every application (with its history) moves to `keep`, blanks in `keep` are filled
    /// from `other`, education, skills and languages are united, notes joined, the other's e-mail and phone stay as
    /// secondary contacts where `keep` has its own, and `other` is removed. The audit trail keeps the whole removed
    /// profile, its identifiers masked. With `dryRun`, says what the merge would do and writes nothing.
    public func merge(_ pair: CandidateMerge, dryRun: Bool = false, by actor: Principal) async throws -> CandidateMergeResult {
        try actor.require(Self.writers)
        let (keep, other) = (pair.keep, pair.other)
        if dryRun {
            return try await database.read { db in
                try await Self.requireReach(keep, by: actor, in: db)
                try await Self.requireReach(other, by: actor, in: db)
                guard let kept = try await db.candidates.get(keep) else { throw try await Self.missing(keep, in: db) }
                guard let removed = try await db.candidates.get(other) else { throw try await Self.missing(other, in: db) }
                let plan = CandidateMergePlan(keep: kept, other: removed)
                let preview = Candidate(try ValidCandidate(plan.merged), id: keep,
                                        otherContacts: kept.otherContacts + plan.newContacts, version: kept.version,
                                        createdAt: kept.createdAt, updatedAt: kept.updatedAt)
                return CandidateMergeResult(candidate: preview, plan: plan, dryRun: true)
            }
        }
        return try await database.transaction { tx in
            // Lock in id order so two merges of the same pair cannot deadlock.
            var locked: [UUID: Candidate] = [:]
            for id in [keep, other].sorted(by: { $0.uuidString < $1.uuidString }) {
                try await Self.requireReach(id, by: actor, in: tx)
                guard let candidate = try await tx.candidates.get(id, forUpdate: true) else {
                    throw try await Self.missing(id, in: tx)
                }
                locked[id] = candidate
            }
            guard let kept = locked[keep], let removed = locked[other] else { throw Self.notFound(keep) }
            let plan = CandidateMergePlan(keep: kept, other: removed)
            // Two open applications for one position cannot both stay open: the removed profile's is withdrawn first.
            let otherApplications = try await tx.applications.list(candidateID: other, positionID: nil, stage: nil,
                                                                   agency: nil, page: PageRequest(limit: 200)).items
            for application in otherApplications where application.stage.isOpen {
                if try await tx.applications.open(candidateID: keep, positionID: application.positionID) != nil {
                    _ = try await tx.applications.move(application.id, from: application.stage, to: .withdrawn, actor: actor,
                                                       reason: "Hợp nhất hồ sơ trùng / merged duplicate profile")
                }
            }
            let moved = try await tx.applications.reassign(from: other, to: keep)
            let movedReferrals = try await tx.referrals.reassign(from: other, to: keep)
            try await tx.nominations.reassign(from: other, to: keep)
            try await tx.documents.reassign(from: other, to: keep)
            try await tx.outbox.reassign(from: other, to: keep)
            // The removed profile's nominations now follow the kept one's applications too.
            try await NominationService.follow([keep], in: tx)
            try await tx.consents.reassign(from: other, to: keep)
            // Panels and sheets belong to the applications, which moved; declared conflicts follow the person.
            try await tx.conflicts.reassign(from: other, to: keep)
            try await tx.privacy.reassignRequests(from: other, to: keep)
            // An official hired as the removed profile was the same person as the kept one.
            try await tx.officials.reassignCandidate(from: other, to: keep)
            try await tx.candidates.delete(other)
            let merged = try ValidCandidate(plan.merged)
            guard try await tx.candidates.update(keep, expectedVersion: kept.version, to: merged) else {
                throw Self.stale(kept.version)
            }
            try await tx.candidates.addContacts(keep, plan.newContacts)
            guard let after = try await tx.candidates.get(keep) else { throw Self.stale(kept.version) }
            try await tx.audit.record(actor, "candidate.merge", "candidate", keep.text, before: kept.audited,
                                      after: after.audited,
                                      extra: ["merged": removed.audited.jsonValue,
                                              "moved_applications": .array(moved.map { .string($0.text) }),
                                              "moved_referrals": .array(movedReferrals.map { .string($0.text) })])
            try await tx.audit.record(actor, "candidate.merged_into", "candidate", other.text, before: removed.audited,
                                      extra: ["kept_id": .string(keep.text)])
            return CandidateMergeResult(candidate: after, plan: plan, dryRun: false)
        }
    }

    /// Refuses a profile whose citizen ID, e-mail or phone another has. A profile out of the actor's reach is not
    /// named: the answer says one exists (uniqueness is province-wide), not whose it is.
    static func refuseExactDuplicate(_ valid: ValidCandidate, excluding: UUID?, by actor: Principal,
                                     in tx: Tables) async throws {
        guard valid.citizenID != nil || valid.email != nil || valid.phone != nil else { return }
        let existing = try await tx.candidates.exactMatches(citizenID: valid.citizenID, email: valid.email,
                                                            phone: valid.phone, excluding: excluding)
        guard let other = existing.first else { return }
        let error = duplicate(of: other, valid)
        if try await tx.reach.candidate(other.id, actor.reach) { throw error }
        let field = error.fieldErrors.first?.field ?? "citizen_id"
        throw ServiceError(
            .conflict, slug: "duplicate-candidate",
            LocalizedText(vi: "Một ứng viên do cơ quan khác quản lý đã có cùng \(field); liên hệ Sở Tư pháp để dùng hồ sơ đó",
                          en: "A candidate another agency manages already has this \(field); ask the Department of Justice to use that profile"),
            fieldErrors: error.fieldErrors)
    }

    /// Likely duplicates within the actor's reach (others' profiles are not shown to them).
    static func likelyDuplicates(of valid: ValidCandidate, excluding: UUID?, by actor: Principal,
                                 in db: Tables) async throws -> [Candidate] {
        var found: [Candidate] = []
        for candidate in try await db.candidates.likelyDuplicates(
            searchName: valid.searchName, dateOfBirth: valid.dateOfBirth,
            institutions: valid.education.compactMap(\.institution), excluding: excluding)
        where try await db.reach.candidate(candidate.id, actor.reach) {
            found.append(candidate)
        }
        return found
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "ứng viên", en: "candidate"), id.text)
    }

    /// Why a candidate the caller may reach was not read: erased (410), else not there (404).
    static func missing(_ id: UUID, in db: Tables) async throws -> ServiceError {
        guard try await db.erasure.erased(id) else { return notFound(id) }
        return ServiceError(.gone, LocalizedText(
            vi: "Dữ liệu cá nhân của ứng viên \(id.text) đã bị xoá theo Luật 91/2025/QH15",
            en: "The personal data of candidate \(id.text) was erased under Law 91/2025/QH15"))
    }

    static func stale(_ current: Int) -> ServiceError {
        ServiceError(.preconditionFailed, LocalizedText(
            vi: "Hồ sơ đã được thay đổi (phiên bản hiện tại \(current)); hãy đọc lại rồi sửa",
            en: "The record has changed (current version \(current)); read it again and retry"),
            extensions: ["current_version": .number(Double(current))])
    }

    static func duplicate(of other: Candidate, _ valid: ValidCandidate) -> ServiceError {
        let emails = [other.email].compactMap { $0 } + other.otherContacts.filter { $0.kind == .email }.map(\.value)
        let field = other.citizenID != nil && other.citizenID == valid.citizenID ? "citizen_id"
            : valid.email.map(emails.contains) == true ? "email" : "phone"
        return ServiceError(
            .conflict, slug: "duplicate-candidate",
            LocalizedText(vi: "Ứng viên \(other.fullName) (\(other.id.text)) đã có cùng \(field)",
                          en: "Candidate \(other.fullName) (\(other.id.text)) already has this \(field)"),
            fieldErrors: [FieldError(field, vi: "trùng với ứng viên đã có", en: "matches an existing candidate")],
            extensions: ["existing_id": .string(other.id.text)])
    }
}
