import Foundation

/// A candidate just created, with the existing profiles that look like the same person.
public struct CandidateCreated: Sendable, Hashable {
    public var candidate: Candidate
    public var possibleDuplicates: [Candidate]

    public init(candidate: Candidate, possibleDuplicates: [Candidate]) {
        self.candidate = candidate
        self.possibleDuplicates = possibleDuplicates
    }
}

/// How a likely duplicate is named in answers: enough to recognize the person.
public struct DuplicateSummary: Sendable, Hashable {
    public var id: String
    public var fullName: String
    public var dateOfBirth: CalendarDate?

    public init(_ candidate: Candidate) {
        id = candidate.id.text
        fullName = candidate.fullName
        dateOfBirth = candidate.dateOfBirth
    }

    /// A summary as an answer names it (read back by a client of the API).
    public init(id: String, fullName: String, dateOfBirth: CalendarDate?) {
        self.id = id
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
    }
}

/// A pair of profiles that look like one person.
public struct DuplicatePair: Sendable, Hashable {
    public var candidate: DuplicateSummary
    public var duplicate: DuplicateSummary

    public init(candidate: DuplicateSummary, duplicate: DuplicateSummary) {
        self.candidate = candidate
        self.duplicate = duplicate
    }
}
