import Foundation

/// What of the province's records an actor may read and change: the one rule of scope. The services check it for
/// one record (`CandidateService.get` answers 404 for a candidate out of reach) and the SQL of every list applies
/// it, so a page never shows, or counts, what is out of reach.
///
/// - `province`: everything (administrators; HR and leaders of scope `province`, such as Sở Tư pháp's).
/// - `agency`: the agency's positions, the applications to them, and the candidates who have an application there
///   or whom `user` added (HR and leaders of scope `agency`).
/// - `panels`: the candidates and applications of the panels `evaluator` sits on, never a full citizen ID.
/// - `nothing`: no staff record (partners, who reach their own nominations by their own rule).
public enum Reach: Sendable, Hashable {
    case province
    case agency(String, user: UUID?)
    case panels(evaluator: UUID)
    case nothing

    /// The agency an agency-scoped actor is held to.
    public var agency: String? {
        if case .agency(let code, _) = self { return code }
        return nil
    }

    public var isProvince: Bool { self == .province }

    /// Whether a record of `agencyCode` is within reach: an agency-scoped actor reaches their own agency's only (a
    /// record of no agency, none of them); everyone else, all.
    public func reaches(agency agencyCode: String?) -> Bool {
        agency.map { $0 == agencyCode } ?? true
    }
}

extension Principal {
    /// How far this actor reaches (see `Reach`). Unknown combinations reach nothing (fail closed).
    public var reach: Reach {
        switch role {
        case .admin:
            return .province
        case .hr, .leadership:
            if scope == .province { return .province }
            guard let agencyCode else { return .nothing }
            return .agency(agencyCode, user: userID)
        case .evaluator:
            guard let userID else { return .nothing }
            return .panels(evaluator: userID)
        case .partner:
            return .nothing
        }
    }
}

extension String {
    /// A citizen ID as an evaluator sees it: the last four digits only (`********0123`).
    public var maskedCitizenID: String {
        String(repeating: "*", count: max(0, count - 4)) + suffix(4)
    }
}
