import Foundation
import TalentDomain
import TalentWire
import TalentStore

/// The rights of the people whose data the tracker holds (Law 91/2025/QH15 Art. 4; Decree 356/2025/NĐ-CP Art. 5),
/// exercised by the data-protection officer (an administrator of province scope): what is held about a person, as
/// one document.
public struct DataSubjectService: Sendable {
    let database: Database
    public static let officers: Set<Role> = [.admin]

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
                audit: try await tx.subject.audit(about: records))
            try await tx.audit.record(actor, "candidate.privacy_export", "candidate", id.text, extra: [
                "applications": .number(Double(applications.count)), "audit_entries": .number(Double(export.audit.count)),
            ])
            return export
        }
    }
}
