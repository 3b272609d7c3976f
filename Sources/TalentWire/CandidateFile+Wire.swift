import Foundation
import TalentDomain

/// An application of the file: the application's fields and its stage history.
extension FileApplication: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            application.writeFields(to: &w)
            w.field("history", history)
        }
    }
}

extension FilePanel: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("application_id", application.id.text)
            w.field("position_title", application.positionTitle)
            w.field("agency_code", application.agencyCode)
            w.field("evaluators", evaluators)
            w.field("score", score)
        }
    }
}

/// The candidate's fields, then each section asked for (a section not asked for is absent).
extension CandidateFile: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            candidate.writeFields(to: &w)
            for section in sections.sorted() {
                switch section {
                case .applications: w.field("applications", applications)
                case .referrals: w.field("referrals", referrals)
                case .nominations: w.field("nominations", nominations)
                case .panels: w.field("panels", panels)
                }
            }
        }
    }
}

extension FileApplication: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(application: r.read(), history: r("history"))
    }
}

extension FilePanel: WireObjectReadable {
    /// The answer names the panel's application by its id, position title and agency code only: the application read
    /// here has those, and placeholders for the rest (no candidate or position id, `nominated`, version 0, times at
    /// 1970-01-01, empty candidate name). Read as part of a `CandidateFile`, the application is the file's own when
    /// the file includes its applications, and has at least the file's candidate.
    public init(reading r: WireReader) throws(ServiceError) {
        let epoch = Date(timeIntervalSince1970: 0)
        let zero = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        let application = try Application(
            id: r("application_id"), candidateID: zero, positionID: zero, stage: .nominated, stageEnteredAt: epoch,
            version: 0, createdAt: epoch, updatedAt: epoch, candidateName: "", positionTitle: r("position_title"),
            agencyCode: r("agency_code"))
        try self.init(application: application, evaluators: r("evaluators"), score: r("score"))
    }
}

extension CandidateFile: WireObjectReadable {
    /// The sections are those the answer has (a section not asked for is absent).
    public init(reading r: WireReader) throws(ServiceError) {
        let candidate: Candidate = try r.read()
        let sections = Set(CandidateFileSection.allCases.filter { r.has($0.rawValue) })
        let applications: [FileApplication] = try r.optional("applications") ?? []
        var panels: [FilePanel] = try r.optional("panels") ?? []
        for i in panels.indices {
            if let full = applications.first(where: { $0.application.id == panels[i].application.id }) {
                panels[i].application = full.application
            } else {
                panels[i].application.candidateID = candidate.id
                panels[i].application.candidateName = candidate.fullName
            }
        }
        try self.init(candidate: candidate, sections: sections, applications: applications,
                      referrals: r.optional("referrals") ?? [], nominations: r.optional("nominations") ?? [],
                      panels: panels)
    }
}
