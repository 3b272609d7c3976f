import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// The rights of the people whose data the tracker holds (Law 91/2025/QH15 Art. 4; Decree 356/2025/NĐ-CP Art. 5),
/// exercised by the data-protection officer (an administrator of province scope): what is held about a person, as
/// one document; erasure that keeps the statistics; and the retention rule (Law Art. 25.1.c: the data of a candidate
/// who is not recruited is deleted, unless agreed otherwise with them).
public struct DataSubjectService: Sendable {
    let database: Database
    /// Days after a person's last application closed without a hire before the retention rule erases them.
    public let retentionDays: Int
    public static let officers: Set<Role> = [.admin]
    /// Who sees what the retention rule has due (leadership reads it; only officers run it).
    public static let retentionReaders: Set<Role> = [.admin, .leadership]
    /// The most people one run of the rule erases; the next run takes the rest.
    static let retentionBatch = 500

    public init(database: Database, retentionDays: Int = 30) {
        self.database = database
        self.retentionDays = retentionDays
    }

    /// Everything held about the candidate, read in one transaction; the export itself is an audit entry.
    public func export(_ id: UUID, by actor: Principal) async throws -> PersonalDataExport {
        try actor.require(Self.officers)
        return try await database.transaction { tx in
            let file = try await CandidateService.file(id, include: Set(CandidateFileSection.allCases), by: actor, in: tx)
            let applications = file.applications.map(\.application.id)
            let sheets = try await tx.evaluations.sheets(applications: applications, history: true)
            var records: [(type: String, id: String)] = [("candidate", id.text)]
            records += applications.map { ("application", $0.text) }
            records += file.referrals.map { ("referral", $0.id.text) }
            records += file.nominations.map { ("nomination", $0.id.text) }
            let export = PersonalDataExport(
                generatedAt: Date(), file: file,
                submittedNominations: try await tx.subject.submittedNominations(candidate: id),
                evaluations: sheets, consents: try await tx.consents.all(candidate: id),
                documents: try await tx.documents.list(candidateID: id, kinds: DocumentKind.allCases),
                audit: try await tx.subject.audit(about: records))
            try await tx.audit.record(actor, "candidate.privacy_export", "candidate", id.text, extra: [
                "applications": .number(Double(applications.count)), "audit_entries": .number(Double(export.audit.count)),
            ])
            return export
        }
    }

    /// Erases the person's data, keeping the counts: their open applications are withdrawn, the audit entries about
    /// them redacted, every identifying value wiped, and — with `request` — that erasure request completed, all in
    /// one transaction. A person who was recruited is not erased (their file is kept under the law on cadres and
    /// civil servants: refuse the request with that basis); erased already is 410.
    public func erase(_ id: UUID, request: UUID? = nil, by actor: Principal) async throws -> Erasure {
        try actor.require(Self.officers)
        return try await database.transaction { tx in
            if let request {
                guard let found = try await tx.privacy.request(request, forUpdate: true) else {
                    throw PrivacyService.requestNotFound(request)
                }
                guard found.kind == .erasure, found.candidateID == id else {
                    throw ServiceError.invalid("request", vi: "phải là một yêu cầu xoá dữ liệu của chính ứng viên này",
                                               en: "must be an erasure request of this candidate")
                }
                try PrivacyService.check(.complete, on: found)
            }
            return try await Self.erase(id, basis: request == nil ? .officer : .request, request: request,
                                        by: actor, in: tx)
        }
    }

    /// The erasure itself, in the caller's transaction.
    static func erase(_ id: UUID, basis: ErasureBasis, request: UUID?, by actor: Principal,
                      in tx: Tables) async throws -> Erasure {
        guard let candidate = try await tx.candidates.get(id, forUpdate: true) else {
            throw try await CandidateService.missing(id, in: tx)
        }
        let applications = try await tx.applications.all(candidateID: id)
        if applications.contains(where: { $0.stage == .hired }) {
            throw ServiceError(.conflict, slug: "erasure-refused", LocalizedText(
                vi: "\(candidate.fullName) đã được tuyển dụng: hồ sơ được lưu theo pháp luật về cán bộ, công chức; từ chối yêu cầu với căn cứ đó",
                en: "\(candidate.fullName) was recruited: the file is kept under the law on cadres and civil servants; refuse the request on that basis"))
        }
        let withdrawn = try await ApplicationService.withdrawOpen(
            applications, reason: "Xoá dữ liệu cá nhân theo Luật 91/2025/QH15", by: actor, in: tx)
        guard try await tx.erasure.mark(id) else { throw try await CandidateService.missing(id, in: tx) }
        let redacted = try await tx.erasure.redactAudit(id)
        try await tx.erasure.wipe(id)
        try await tx.audit.record(actor, "candidate.erase", "candidate", id.text, extra: [
            "basis": .string(basis.rawValue), "request": request.map { .string($0.text) } ?? .null,
            "applications_withdrawn": .array(withdrawn.map { .string($0.text) }),
            "redacted": .array(redacted.map { .number(Double($0)) }),
        ])
        if let request {
            _ = try await PrivacyService.apply(.complete, to: request, expectedVersion: nil, by: actor, in: tx)
        }
        return Erasure(candidateID: id, erasedAt: Date(), basis: basis, requestID: request,
                       withdrawnApplications: withdrawn, redactedEntries: redacted.count)
    }

    /// The retention rule: who is due today, and — unless `dryRun` — their erasure, each in its own transaction (one
    /// person's failure does not undo the others'; the next run takes it again). At most `retentionBatch` a run.
    public func retention(dryRun: Bool, by actor: Principal) async throws -> RetentionRun {
        try actor.require(dryRun ? Self.retentionReaders : Self.officers)
        let days = retentionDays
        let due = try await database.read { db in
            try await db.erasure.retentionDue(days: days, today: .today(), limit: Self.retentionBatch)
        }
        if !dryRun {
            for person in due {
                _ = try await database.transaction { tx in
                    try await Self.erase(person.candidateID, basis: .retention, request: nil, by: actor, in: tx)
                }
            }
        }
        return RetentionRun(ranAt: Date(), days: days, dryRun: dryRun, due: due)
    }
}
