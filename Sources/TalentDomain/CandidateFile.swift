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
public struct FileApplication: Sendable, Hashable, Encodable {
    public var application: Application
    public var history: [StageChange]

    public init(application: Application, history: [StageChange]) {
        self.application = application
        self.history = history
    }

    public func encode(to encoder: any Encoder) throws {
        try application.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(history, forKey: .history)
    }

    enum CodingKeys: String, CodingKey { case history }
}

/// The panel of one application in a candidate's file: who sits on it and the result so far.
public struct FilePanel: Sendable, Hashable, Encodable {
    public var application: Application
    public var evaluators: [PanelMember]
    public var score: PanelResult

    public init(application: Application, evaluators: [PanelMember], score: PanelResult) {
        self.application = application
        self.evaluators = evaluators
        self.score = score
    }

    enum CodingKeys: String, CodingKey {
        case applicationID = "application_id", positionTitle = "position_title", agencyCode = "agency_code"
        case evaluators, score
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(application.id.text, forKey: .applicationID)
        try c.encode(application.positionTitle, forKey: .positionTitle)
        try c.encode(application.agencyCode, forKey: .agencyCode)
        try c.encode(evaluators, forKey: .evaluators)
        try c.encode(score, forKey: .score)
    }
}

/// A candidate's file, the way an officer opens a paper one: the profile, and the sections asked for, each in the
/// order things happened. A section not asked for is absent from the JSON (the profile alone is exactly the
/// candidate's record).
public struct CandidateFile: Sendable, Hashable, JSONWritable {
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

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        candidate.writeFields(to: &w)
        for section in sections.sorted() {
            w.key(section.rawValue)
            switch section {
            case .applications: Self.writeEncoded(applications, to: &w)
            case .referrals: w.value(referrals)
            case .nominations: Self.writeEncoded(nominations, to: &w)
            case .panels: Self.writeEncoded(panels, to: &w)
            }
        }
        w.endObject()
    }

    private static func writeEncoded(_ records: [some Encodable], to w: inout JSONWriter) {
        w.beginArray()
        for record in records { JSONFormat.value(record).write(to: &w) }
        w.endArray()
    }
}
