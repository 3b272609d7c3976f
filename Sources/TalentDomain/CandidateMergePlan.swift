import Foundation

/// What a merge does with one field of the removed profile.
public enum MergeOutcome: String, Sendable, CaseIterable, LabeledCode {
    /// The kept profile had none: the other's value is taken.
    case filled
    /// The kept profile's value stays; the other's is dropped (the audit trail keeps the whole removed profile).
    case dropped
    /// The kept profile's value stays; the other's is kept on the profile as a secondary contact.
    case otherContact = "other_contact"
    /// The other's value replaces the kept one (the larger number of years of experience).
    case replaced
    /// The other's entries are added to the kept ones (education, skills, languages).
    case united
    /// The other's notes are appended to the kept ones.
    case joined

    public var label: LocalizedText {
        switch self {
        case .filled: LocalizedText(vi: "lấy từ hồ sơ gộp", en: "taken from the other")
        case .dropped: LocalizedText(vi: "bỏ (chỉ còn trong nhật ký)", en: "dropped (kept in the audit trail only)")
        case .otherContact: LocalizedText(vi: "giữ làm liên hệ phụ", en: "kept as a secondary contact")
        case .replaced: LocalizedText(vi: "thay bằng giá trị của hồ sơ gộp", en: "replaced by the other's")
        case .united: LocalizedText(vi: "thêm vào", en: "added")
        case .joined: LocalizedText(vi: "nối thêm", en: "appended")
        }
    }
}

/// One field where the removed profile holds something the kept one does not.
public struct MergeField: Sendable, Hashable {
    /// The API's field name (`email`, `date_of_birth`, `skills`, …).
    public var field: String
    /// The kept profile's value before the merge.
    public var kept: String?
    /// The removed profile's value (for lists, the entries it adds).
    public var other: String?
    public var outcome: MergeOutcome

    public init(field: String, kept: String?, other: String?, outcome: MergeOutcome) {
        self.field = field
        self.kept = kept
        self.other = other
        self.outcome = outcome
    }
}

/// A merge of two profiles of one person, worked out before anything is written: the kept profile with its blanks
/// filled from the other and their lists united, every field where the other's value is taken, added or dropped,
/// and the e-mails and phones that stay on the profile as secondary contacts.
public struct CandidateMergePlan: Sendable, Hashable {
    public var keep: Candidate
    public var other: Candidate
    /// The kept profile as it will be.
    public var merged: CandidateDraft
    public var fields: [MergeField]
    /// Secondary contacts the kept profile gains: the other's e-mail and phone where the kept profile has its own,
    /// and the other's secondary contacts.
    public var newContacts: [CandidateContact]

    public init(keep: Candidate, other: Candidate) {
        self.keep = keep
        self.other = other
        let (k, o) = (keep.draft, other.draft)
        var merged = k
        var fields: [MergeField] = []
        // A single value: taken when the kept profile has none, else the kept one stays.
        func single(_ name: String, _ kept: String?, _ theirs: String?, dropped: MergeOutcome = .dropped) -> String? {
            guard let theirs, theirs != kept else { return kept }
            guard let kept else {
                fields.append(MergeField(field: name, kept: nil, other: theirs, outcome: .filled))
                return theirs
            }
            fields.append(MergeField(field: name, kept: kept, other: theirs, outcome: dropped))
            return kept
        }
        if VietnameseText.nfc(o.fullName ?? "") != VietnameseText.nfc(k.fullName ?? "") {
            fields.append(MergeField(field: "full_name", kept: k.fullName, other: o.fullName, outcome: .dropped))
        }
        merged.dateOfBirth = single("date_of_birth", k.dateOfBirth, o.dateOfBirth)
        merged.gender = single("gender", k.gender, o.gender)
        merged.citizenID = single("citizen_id", k.citizenID, o.citizenID)
        merged.email = single("email", k.email, o.email, dropped: .otherContact)
        merged.phone = single("phone", k.phone, o.phone, dropped: .otherContact)
        merged.province = single("province", k.province, o.province)
        merged.sector = single("sector", k.sector, o.sector)
        merged.currentEmployer = single("current_employer", k.currentEmployer, o.currentEmployer)
        merged.currentTitle = single("current_title", k.currentTitle, o.currentTitle)
        switch (k.legalExperienceYears, o.legalExperienceYears) {
        case (nil, let theirs?):
            merged.legalExperienceYears = theirs
            fields.append(MergeField(field: "legal_experience_years", kept: nil, other: String(theirs), outcome: .filled))
        case (let kept?, let theirs?) where theirs != kept:
            merged.legalExperienceYears = max(kept, theirs)
            fields.append(MergeField(field: "legal_experience_years", kept: String(kept), other: String(theirs),
                                     outcome: theirs > kept ? .replaced : .dropped))
        default:
            break
        }
        let addedEducation = o.education.filter { !k.education.contains($0) }
        merged.education = k.education + addedEducation
        if !addedEducation.isEmpty {
            let describe = { (records: [EducationDraft]) in
                records.map { e in
                    [e.degree, e.field, e.institution, e.graduationYear.map(String.init), e.classification]
                        .compactMap { $0 }.joined(separator: ", ")
                }.joined(separator: "; ")
            }
            fields.append(MergeField(field: "education", kept: k.education.isEmpty ? nil : describe(k.education),
                                     other: describe(addedEducation), outcome: .united))
        }
        func tags(_ name: String, _ kept: [String], _ theirs: [String]) -> [String] {
            let known = Set(kept.map(VietnameseText.fold))
            let added = theirs.filter { !known.contains(VietnameseText.fold($0)) }
            if !added.isEmpty {
                fields.append(MergeField(field: name, kept: kept.isEmpty ? nil : kept.joined(separator: ", "),
                                         other: added.joined(separator: ", "), outcome: .united))
            }
            return kept + added
        }
        merged.skills = tags("skills", k.skills, o.skills)
        merged.languages = tags("languages", k.languages, o.languages)
        switch (k.notes, o.notes) {
        case (nil, let theirs?):
            merged.notes = theirs
            fields.append(MergeField(field: "notes", kept: nil, other: theirs, outcome: .filled))
        case (let kept?, let theirs?) where theirs != kept:
            merged.notes = kept + "\n\n" + theirs
            fields.append(MergeField(field: "notes", kept: kept, other: theirs, outcome: .joined))
        default:
            break
        }
        self.merged = merged
        self.fields = fields

        // Secondary contacts: never one the profile already holds, and each once.
        var held: Set<String> = Set([merged.email, merged.phone].compactMap { $0 } + keep.otherContacts.map(\.value))
        var contacts: [CandidateContact] = []
        var candidates = other.otherContacts
        if let email = other.email { candidates.insert(CandidateContact(kind: .email, value: email, mergedFrom: other.id), at: 0) }
        if let phone = other.phone {
            candidates.insert(CandidateContact(kind: .phone, value: phone, mergedFrom: other.id),
                              at: other.email == nil ? 0 : 1)
        }
        for contact in candidates where !held.contains(contact.value) {
            held.insert(contact.value)
            contacts.append(contact)
        }
        newContacts = contacts
    }

    /// The fields whose value does not survive the merge (dropped, not kept as a contact).
    public var dropped: [MergeField] { fields.filter { $0.outcome == .dropped } }
}

/// A merge's answer: the kept profile as it is (or, in a dry run, would be) and what became of the other's fields.
public struct CandidateMergeResult: Sendable, Hashable {
    public var candidate: Candidate
    public var plan: CandidateMergePlan
    /// True when nothing was written.
    public var dryRun: Bool

    public init(candidate: Candidate, plan: CandidateMergePlan, dryRun: Bool) {
        self.candidate = candidate
        self.plan = plan
        self.dryRun = dryRun
    }
}
