import Foundation

public enum Gender: String, Sendable, Codable, CaseIterable {
    case female, male, other
}

public enum Degree: String, Sendable, Codable, CaseIterable {
    case bachelor, master, doctor, other
}

public enum Classification: String, Sendable, Codable, CaseIterable {
    case excellent
    case veryGood = "very_good"
    case good
    case average
}

/// Where a candidate comes from: the plan wants talent from outside the state sector too.
public enum Sector: String, Sendable, Codable, CaseIterable {
    case state
    case nonState = "non_state"
    case academic
    case overseas
    case student
}

/// One degree a candidate holds.
public struct EducationRecord: Sendable, Hashable, Decodable {
    public var degree: Degree
    public var field: String?
    public var institution: String?
    public var graduationYear: Int?
    public var classification: Classification?

    public init(degree: Degree, field: String?, institution: String?, graduationYear: Int?, classification: Classification?) {
        self.degree = degree
        self.field = field
        self.institution = institution
        self.graduationYear = graduationYear
        self.classification = classification
    }

    enum CodingKeys: String, CodingKey {
        case degree, field, institution, graduationYear = "graduation_year", classification
    }
}

/// A person considered for a legal-drafting post.
public struct Candidate: Sendable, Hashable {
    public var id: UUID
    public var fullName: String
    public var dateOfBirth: CalendarDate?
    public var gender: Gender?
    public var citizenID: String?
    public var email: String?
    public var phone: String?
    public var province: String?
    public var education: [EducationRecord]
    public var sector: Sector?
    public var currentEmployer: String?
    public var currentTitle: String?
    public var legalExperienceYears: Int?
    public var skills: [String]
    public var languages: [String]
    public var notes: String?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, fullName: String, dateOfBirth: CalendarDate? = nil, gender: Gender? = nil, citizenID: String? = nil,
                email: String? = nil, phone: String? = nil, province: String? = nil, education: [EducationRecord] = [],
                sector: Sector? = nil, currentEmployer: String? = nil, currentTitle: String? = nil,
                legalExperienceYears: Int? = nil, skills: [String] = [], languages: [String] = [], notes: String? = nil,
                version: Int, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.citizenID = citizenID
        self.email = email
        self.phone = phone
        self.province = province
        self.education = education
        self.sector = sector
        self.currentEmployer = currentEmployer
        self.currentTitle = currentTitle
        self.legalExperienceYears = legalExperienceYears
        self.skills = skills
        self.languages = languages
        self.notes = notes
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The profile as a draft, so an update can be applied to it and checked by the same rules as a new profile.
    public var draft: CandidateDraft {
        CandidateDraft(
            fullName: fullName, dateOfBirth: dateOfBirth?.description, gender: gender?.rawValue, citizenID: citizenID,
            email: email, phone: phone, province: province,
            education: education.map {
                EducationDraft(degree: $0.degree.rawValue, field: $0.field, institution: $0.institution,
                               graduationYear: $0.graduationYear, classification: $0.classification?.rawValue)
            },
            sector: sector?.rawValue, currentEmployer: currentEmployer, currentTitle: currentTitle,
            legalExperienceYears: legalExperienceYears, skills: skills, languages: languages, notes: notes)
    }
}

/// One education record as typed, before it is checked.
public struct EducationDraft: Sendable, Hashable {
    public var degree: String?
    public var field: String?
    public var institution: String?
    public var graduationYear: Int?
    public var classification: String?

    public init(degree: String? = nil, field: String? = nil, institution: String? = nil, graduationYear: Int? = nil,
                classification: String? = nil) {
        self.degree = degree
        self.field = field
        self.institution = institution
        self.graduationYear = graduationYear
        self.classification = classification
    }

    public var isEmpty: Bool {
        degree == nil && field == nil && institution == nil && graduationYear == nil && classification == nil
    }
}

/// What a person typed to create or change a candidate, before it is checked. Both front ends and the CSV import
/// fill it in.
public struct CandidateDraft: Sendable, Hashable {
    public var fullName: String?
    public var dateOfBirth: String?
    public var gender: String?
    public var citizenID: String?
    public var email: String?
    public var phone: String?
    public var province: String?
    public var education: [EducationDraft]
    public var sector: String?
    public var currentEmployer: String?
    public var currentTitle: String?
    public var legalExperienceYears: Int?
    public var skills: [String]
    public var languages: [String]
    public var notes: String?

    public init(fullName: String? = nil, dateOfBirth: String? = nil, gender: String? = nil, citizenID: String? = nil,
                email: String? = nil, phone: String? = nil, province: String? = nil, education: [EducationDraft] = [],
                sector: String? = nil, currentEmployer: String? = nil, currentTitle: String? = nil,
                legalExperienceYears: Int? = nil, skills: [String] = [], languages: [String] = [], notes: String? = nil) {
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.citizenID = citizenID
        self.email = email
        self.phone = phone
        self.province = province
        self.education = education
        self.sector = sector
        self.currentEmployer = currentEmployer
        self.currentTitle = currentTitle
        self.legalExperienceYears = legalExperienceYears
        self.skills = skills
        self.languages = languages
        self.notes = notes
    }

    /// The fields of a profile, by their API names; an update names the ones it changes.
    public enum Field: String, Sendable, CaseIterable {
        case fullName = "full_name", dateOfBirth = "date_of_birth", gender, citizenID = "citizen_id", email, phone
        case province, education, sector, currentEmployer = "current_employer", currentTitle = "current_title"
        case legalExperienceYears = "legal_experience_years", skills, languages, notes
    }

    /// This draft with the named fields taken from `patch` (a field named there but nil in it is cleared).
    public func applying(_ patch: CandidateDraft, fields: Set<Field>) -> CandidateDraft {
        var result = self
        for field in fields {
            switch field {
            case .fullName: result.fullName = patch.fullName
            case .dateOfBirth: result.dateOfBirth = patch.dateOfBirth
            case .gender: result.gender = patch.gender
            case .citizenID: result.citizenID = patch.citizenID
            case .email: result.email = patch.email
            case .phone: result.phone = patch.phone
            case .province: result.province = patch.province
            case .education: result.education = patch.education
            case .sector: result.sector = patch.sector
            case .currentEmployer: result.currentEmployer = patch.currentEmployer
            case .currentTitle: result.currentTitle = patch.currentTitle
            case .legalExperienceYears: result.legalExperienceYears = patch.legalExperienceYears
            case .skills: result.skills = patch.skills
            case .languages: result.languages = patch.languages
            case .notes: result.notes = patch.notes
            }
        }
        return result
    }
}

/// A candidate draft that passed every check, in its stored form.
public struct ValidCandidate: Sendable, Hashable {
    public var fullName: String
    public var searchName: String
    public var sortKey: String
    public var dateOfBirth: CalendarDate?
    public var gender: Gender?
    public var citizenID: String?
    public var email: String?
    public var phone: String?
    public var province: String?
    public var education: [EducationRecord]
    public var sector: Sector?
    public var currentEmployer: String?
    public var currentTitle: String?
    public var legalExperienceYears: Int?
    public var skills: [String]
    public var languages: [String]
    public var notes: String?

    /// Checks every field and names each bad one (`education[0].degree` for a field of a nested record).
    public init(_ draft: CandidateDraft, today: CalendarDate = .today()) throws(ServiceError) {
        var v = FieldValidator()
        let name = v.personName("full_name", draft.fullName)
        var earliest = today
        (earliest.year, earliest.month, earliest.day) = (1900, 1, 1)
        dateOfBirth = v.date("date_of_birth", draft.dateOfBirth, in: earliest...today)
        gender = v.oneOf("gender", draft.gender, Gender.self)
        citizenID = v.citizenID("citizen_id", draft.citizenID)
        email = v.email("email", draft.email)
        phone = v.phone("phone", draft.phone)
        province = v.text("province", draft.province, maxLength: 100)
        if draft.education.count > 20 { v.add("education", vi: "tối đa 20 bằng cấp", en: "at most 20 records") }
        var education: [EducationRecord] = []
        for (i, record) in draft.education.enumerated() where !record.isEmpty {
            let prefix = "education[\(i)]."
            let degree = v.oneOf(prefix + "degree", record.degree, Degree.self, required: true)
            let field = v.text(prefix + "field", record.field, maxLength: 200)
            let institution = v.text(prefix + "institution", record.institution, maxLength: 300)
            let year = v.integer(prefix + "graduation_year", record.graduationYear, in: 1950...(today.year + 6))
            let classification = v.oneOf(prefix + "classification", record.classification, Classification.self)
            if let degree {
                education.append(EducationRecord(degree: degree, field: field, institution: institution,
                                                 graduationYear: year, classification: classification))
            }
        }
        self.education = education
        sector = v.oneOf("sector", draft.sector, Sector.self)
        currentEmployer = v.text("current_employer", draft.currentEmployer, maxLength: 300)
        currentTitle = v.text("current_title", draft.currentTitle, maxLength: 200)
        legalExperienceYears = v.integer("legal_experience_years", draft.legalExperienceYears, in: 0...70)
        skills = v.tags("skills", draft.skills)
        languages = v.tags("languages", draft.languages)
        notes = v.text("notes", draft.notes, maxLength: 10_000, multiline: true)
        guard v.errors.isEmpty, let name else { throw ServiceError.invalid(v.errors) }
        fullName = name
        searchName = VietnameseText.fold(name)
        sortKey = VietnameseText.sortKey(name)
    }

    /// A stored profile, which passed these checks when it was written.
    public init(_ candidate: Candidate) {
        fullName = candidate.fullName
        searchName = VietnameseText.fold(candidate.fullName)
        sortKey = VietnameseText.sortKey(candidate.fullName)
        dateOfBirth = candidate.dateOfBirth
        gender = candidate.gender
        citizenID = candidate.citizenID
        email = candidate.email
        phone = candidate.phone
        province = candidate.province
        education = candidate.education
        sector = candidate.sector
        currentEmployer = candidate.currentEmployer
        currentTitle = candidate.currentTitle
        legalExperienceYears = candidate.legalExperienceYears
        skills = candidate.skills
        languages = candidate.languages
        notes = candidate.notes
    }
}

/// A change to some fields of a profile, checked field by field by the same rules as a new profile.
public struct CandidatePatch: Sendable, Hashable {
    public let fields: Set<CandidateDraft.Field>
    /// The named fields' checked values; the others are stand-ins and never used.
    let values: ValidCandidate

    public init(_ draft: CandidateDraft, fields: Set<CandidateDraft.Field>, today: CalendarDate = .today())
        throws(ServiceError) {
        // The fields the patch leaves alone keep the stored profile's values, so only the named ones are checked; a
        // stand-in fills the one required field when the patch does not name it.
        let probe = CandidateDraft(fullName: "A").applying(draft, fields: fields)
        values = try ValidCandidate(probe, today: today)
        self.fields = fields
    }

    /// The profile with the named fields changed.
    public func applied(to candidate: Candidate) -> ValidCandidate {
        var result = ValidCandidate(candidate)
        for field in fields {
            switch field {
            case .fullName:
                result.fullName = values.fullName
                result.searchName = values.searchName
                result.sortKey = values.sortKey
            case .dateOfBirth: result.dateOfBirth = values.dateOfBirth
            case .gender: result.gender = values.gender
            case .citizenID: result.citizenID = values.citizenID
            case .email: result.email = values.email
            case .phone: result.phone = values.phone
            case .province: result.province = values.province
            case .education: result.education = values.education
            case .sector: result.sector = values.sector
            case .currentEmployer: result.currentEmployer = values.currentEmployer
            case .currentTitle: result.currentTitle = values.currentTitle
            case .legalExperienceYears: result.legalExperienceYears = values.legalExperienceYears
            case .skills: result.skills = values.skills
            case .languages: result.languages = values.languages
            case .notes: result.notes = values.notes
            }
        }
        return result
    }
}

/// Two profiles of one person to merge: `other` goes into `keep`.
public struct CandidateMerge: Sendable, Hashable {
    public var keep: UUID
    public var other: UUID

    /// Checks both ids (`keep_id`, `other_id`) and that they differ.
    public init(keep: String?, other: String?) throws(ServiceError) {
        var v = FieldValidator()
        let keep = v.uuid("keep_id", keep, required: true)
        let other = v.uuid("other_id", other, required: true)
        guard v.errors.isEmpty, let keep, let other else { throw ServiceError.invalid(v.errors) }
        guard keep != other else {
            throw ServiceError.invalid("other_id", vi: "không thể hợp nhất một hồ sơ với chính nó",
                                       en: "cannot merge a profile into itself")
        }
        self.keep = keep
        self.other = other
    }
}

extension FieldValidator {
    /// Short labels such as skills: NFC, trimmed, empty ones dropped, duplicates (ignoring accents and case) once.
    public mutating func tags(_ field: String, _ raw: [String]) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        if raw.count > 50 { add(field, vi: "tối đa 50 mục", en: "at most 50 items") }
        for (i, item) in raw.prefix(50).enumerated() {
            guard let tag = text("\(field)[\(i)]", item, maxLength: 100) else { continue }
            if seen.insert(VietnameseText.fold(tag)).inserted { result.append(tag) }
        }
        return result
    }
}

extension Gender: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .female: LocalizedText(vi: "nữ", en: "female")
        case .male: LocalizedText(vi: "nam", en: "male")
        case .other: LocalizedText(vi: "khác", en: "other")
        }
    }
}

extension Degree: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .bachelor: LocalizedText(vi: "cử nhân", en: "bachelor")
        case .master: LocalizedText(vi: "thạc sĩ", en: "master")
        case .doctor: LocalizedText(vi: "tiến sĩ", en: "doctorate")
        case .other: LocalizedText(vi: "khác", en: "other")
        }
    }
}

extension Classification: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .excellent: LocalizedText(vi: "xuất sắc", en: "excellent")
        case .veryGood: LocalizedText(vi: "giỏi", en: "very good")
        case .good: LocalizedText(vi: "khá", en: "good")
        case .average: LocalizedText(vi: "trung bình", en: "average")
        }
    }
}

extension Sector: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .state: LocalizedText(vi: "khu vực nhà nước", en: "state sector")
        case .nonState: LocalizedText(vi: "ngoài khu vực nhà nước", en: "non-state sector")
        case .academic: LocalizedText(vi: "cơ sở giáo dục, nghiên cứu", en: "academia")
        case .overseas: LocalizedText(vi: "ở nước ngoài", en: "overseas")
        case .student: LocalizedText(vi: "sinh viên", en: "student")
        }
    }
}
