import Foundation

/// A part of a candidate's file that can be asked for besides the profile (`?include=` of `GET /v1/candidates/{id}`,
/// `--include` of `talent candidate show`).
public enum CandidateFileSection: String, Sendable, Codable, CaseIterable, Comparable {
    case applications, referrals, nominations, panels

    /// The sections a comma-separated list names (`applications,panels`); an unknown or empty name is an error of
    /// `field`. A section named twice counts once.
    public static func parseList(_ text: String, field: String = "include") throws(ServiceError) -> Set<CandidateFileSection> {
        var sections: Set<CandidateFileSection> = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let section = CandidateFileSection(rawValue: String(name)) else {
                let allowed = allCases.map(\.rawValue).joined(separator: ", ")
                throw ServiceError.invalid(field, vi: "là danh sách cách nhau bằng dấu phẩy của: \(allowed)",
                                           en: "must be a comma-separated list of: \(allowed)")
            }
            sections.insert(section)
        }
        return sections
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One application in a candidate's file, with its stage history.
public struct FileApplication: Sendable, Hashable {
    public var application: Application
    public var history: [StageChange]

    public init(application: Application, history: [StageChange]) {
        self.application = application
        self.history = history
    }
}

/// The panel of one application in a candidate's file: who sits on it and the result so far.
public struct FilePanel: Sendable, Hashable {
    public var application: Application
    public var evaluators: [PanelMember]
    public var score: PanelResult

    public init(application: Application, evaluators: [PanelMember], score: PanelResult) {
        self.application = application
        self.evaluators = evaluators
        self.score = score
    }

}

/// A candidate's file, the way an officer opens a paper one: the profile, and the sections asked for, each in the
/// order things happened. A section not asked for is absent from the JSON (the profile alone is exactly the
/// candidate's record).
public struct CandidateFile: Sendable, Hashable {
    public var candidate: Candidate
    public var sections: Set<CandidateFileSection>
    public var applications: [FileApplication]
    public var referrals: [Referral]
    public var nominations: [NominationView]
    public var panels: [FilePanel]

    public init(candidate: Candidate, sections: Set<CandidateFileSection>, applications: [FileApplication] = [],
                referrals: [Referral] = [], nominations: [NominationView] = [], panels: [FilePanel] = []) {
        self.candidate = candidate
        self.sections = sections
        self.applications = applications
        self.referrals = referrals
        self.nominations = nominations
        self.panels = panels
    }
}
