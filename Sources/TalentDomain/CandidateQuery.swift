import Foundation

/// How candidate lists are ordered.
public enum CandidateSort: String, Sendable, CaseIterable {
    /// Newest first (the default without a search text).
    case newest = "-created_at"
    /// Oldest first.
    case oldest = "created_at"
    /// By given name, the Vietnamese way (Nguyễn Văn An under A), then family and middle names.
    case name
    /// Best match of the search text first (the default with one): a word spelled as typed, diacritics included,
    /// before the same word without regard to accents, before a word that only contains what was typed; then
    /// newest first. Without a search text, newest first.
    case relevance
}

/// One word of a search text: as typed (NFC) and folded.
public struct SearchWord: Sendable, Hashable {
    public var typed: String
    public var folded: String

    /// The ways a name may write the typed word exactly: in lower case, capitalized, or in capitals.
    public var spellings: [String] {
        let lower = typed.lowercased()
        var result = [lower]
        for spelling in [lower.prefix(1).uppercased() + lower.dropFirst(), typed.uppercased()] where !result.contains(spelling) {
            result.append(spelling)
        }
        return result
    }
}

/// Filters for candidate lists, search and export, as typed (checked by `CandidateFilter.init`).
public struct CandidateQuery: Sendable, Hashable {
    public var text: String?
    public var stage: String?
    public var agency: String?
    public var positionID: String?
    public var sector: String?
    public var degree: String?
    public var graduationYear: Int?
    public var createdFrom: String?
    public var createdTo: String?
    public var sort: String?
    /// Words the text of one of the candidate's documents holds (accents and case ignored).
    public var document: String?

    public init(text: String? = nil, stage: String? = nil, agency: String? = nil, positionID: String? = nil,
                sector: String? = nil, degree: String? = nil, graduationYear: Int? = nil, createdFrom: String? = nil,
                createdTo: String? = nil, sort: String? = nil, document: String? = nil) {
        self.text = text
        self.stage = stage
        self.agency = agency
        self.positionID = positionID
        self.sector = sector
        self.degree = degree
        self.graduationYear = graduationYear
        self.createdFrom = createdFrom
        self.createdTo = createdTo
        self.sort = sort
        self.document = document
    }
}

/// Checked candidate filters in the form the store uses.
public struct CandidateFilter: Sendable, Hashable {
    /// The folded search text, matched anywhere in the folded name.
    public var folded: String?
    /// The search text's words, each matched anywhere in the folded name and ranked by how it matches.
    public var words: [SearchWord]
    /// Citizen IDs, e-mails and phones the search text could be, matched exactly.
    public var exact: [String]
    public var stage: PipelineStage?
    public var agency: String?
    public var positionID: UUID?
    public var sector: Sector?
    public var degree: Degree?
    public var graduationYear: Int?
    public var createdFrom: CalendarDate?
    public var createdTo: CalendarDate?
    public var sort: CandidateSort
    /// Folded words that one document of the candidate must all contain.
    public var documentWords: [String] = []
    /// Whose candidates: the service sets the actor's reach, and the SQL applies it.
    public var reach: Reach = .province

    public init(_ query: CandidateQuery) throws(ServiceError) {
        var v = FieldValidator()
        let text = v.text("q", query.text, maxLength: 200)
        words = (text.map(VietnameseText.nfc) ?? "").split(whereSeparator: \.isWhitespace).compactMap { word in
            let folded = VietnameseText.fold(String(word))
            return folded.isEmpty ? nil : SearchWord(typed: String(word), folded: folded)
        }
        folded = words.isEmpty ? nil : words.map(\.folded).joined(separator: " ")
        exact = text.map { [Normalize.citizenID($0), Normalize.email($0), Normalize.phone($0)].compactMap { $0 } } ?? []
        stage = v.oneOf("stage", query.stage, PipelineStage.self)
        agency = v.code("agency", query.agency, required: false)
        positionID = v.uuid("position", query.positionID)
        sector = v.oneOf("sector", query.sector, Sector.self)
        degree = v.oneOf("degree", query.degree, Degree.self)
        graduationYear = v.integer("graduation_year", query.graduationYear, in: 1950...2100)
        createdFrom = v.date("created_from", query.createdFrom)
        createdTo = v.date("created_to", query.createdTo)
        sort = v.oneOf("sort", query.sort, CandidateSort.self) ?? (words.isEmpty ? .newest : .relevance)
        if sort == .relevance, words.isEmpty { sort = .newest }
        let document = v.text("document", query.document, maxLength: 200)
        documentWords = document.map { VietnameseText.fold($0).split(separator: " ").map(String.init) } ?? []
        try v.check()
    }
}
