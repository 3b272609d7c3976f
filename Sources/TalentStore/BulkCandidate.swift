import Foundation

/// A candidate written by `CandidateTable.copy`, each value already the text PostgreSQL reads (bulk loads of
/// synthetic candidates for benchmarks): no checks, no audit of its own.
public struct BulkCandidate: Sendable {
    public var id: UUID
    public var fullName: String
    /// `YYYY-MM-DD`.
    public var dateOfBirth: String
    public var gender: String
    public var citizenID: String
    public var email: String
    public var phone: String
    public var sector: String
    /// ISO 8601; `updated_at` too.
    public var createdAt: String
    public var education: Education?

    /// The first education record.
    public struct Education: Sendable {
        public var degree: String
        public var field: String
        public var institution: String
        public var graduationYear: String
        public var classification: String

        public init(degree: String, field: String, institution: String, graduationYear: String, classification: String) {
            self.degree = degree
            self.field = field
            self.institution = institution
            self.graduationYear = graduationYear
            self.classification = classification
        }
    }

    public init(id: UUID, fullName: String, dateOfBirth: String, gender: String, citizenID: String, email: String,
                phone: String, sector: String, createdAt: String, education: Education?) {
        self.id = id
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.citizenID = citizenID
        self.email = email
        self.phone = phone
        self.sector = sector
        self.createdAt = createdAt
        self.education = education
    }
}
