import Foundation

/// A nomination about the person as its partner sent it: the body as received, before any correction or merge.
public struct SubmittedNomination: Sendable, Hashable {
    public var id: UUID
    public var partnerCode: String
    public var submittedAt: Date
    public var submitted: JSONValue
    public var consentObtainedAt: Date
    public var consentNoticeVersion: String

    public init(id: UUID, partnerCode: String, submittedAt: Date, submitted: JSONValue, consentObtainedAt: Date,
                consentNoticeVersion: String) {
        self.id = id
        self.partnerCode = partnerCode
        self.submittedAt = submittedAt
        self.submitted = submitted
        self.consentObtainedAt = consentObtainedAt
        self.consentNoticeVersion = consentNoticeVersion
    }
}

/// Everything the tracker holds about one person, as one document (Law 91/2025/QH15 Art. 4: the right to access and
/// to portability): the profile with its contacts and education, every application with its stage history, the
/// referrals and nominations about them (nominations also as submitted), the panels and every score sheet about
/// them, their consents, and the audit entries about any of these records.
public struct PersonalDataExport: Sendable, Hashable {
    public var generatedAt: Date
    public var file: CandidateFile
    public var submittedNominations: [SubmittedNomination]
    public var evaluations: [ScoreSheet]
    public var consents: [Consent]
    /// The documents of their file (what they are; each can be downloaded by id).
    public var documents: [CandidateDocument]
    public var audit: [AuditEntry]

    public init(generatedAt: Date, file: CandidateFile, submittedNominations: [SubmittedNomination],
                evaluations: [ScoreSheet], consents: [Consent], documents: [CandidateDocument] = [], audit: [AuditEntry]) {
        self.generatedAt = generatedAt
        self.file = file
        self.submittedNominations = submittedNominations
        self.evaluations = evaluations
        self.consents = consents
        self.documents = documents
        self.audit = audit
    }
}
