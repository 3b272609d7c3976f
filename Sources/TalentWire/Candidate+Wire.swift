import Foundation
import TalentDomain

extension EducationRecord: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("degree", degree)
            w.field("field", field)
            w.field("institution", institution)
            w.field("graduation_year", graduationYear)
            w.field("classification", classification)
        }
    }
}

extension Candidate: JSONObjectWritable {
    /// The fields without the braces, so a larger answer can extend the record.
    public func writeFields(to w: inout JSONWriter) {
        w.field("id", id.text)
        w.field("full_name", fullName)
        w.field("date_of_birth", dateOfBirth)
        w.field("gender", gender)
        w.field("citizen_id", citizenID)
        w.field("email", email)
        w.field("phone", phone)
        w.field("other_contacts", otherContacts)
        w.field("province", province)
        w.field("education", education)
        w.field("sector", sector)
        w.field("current_employer", currentEmployer)
        w.field("current_title", currentTitle)
        w.field("legal_experience_years", legalExperienceYears)
        w.field("skills", skills)
        w.field("languages", languages)
        w.field("notes", notes)
        w.field("version", version)
        w.field("created_at", createdAt)
        w.field("updated_at", updatedAt)
    }
}

/// The candidate's fields and the likely duplicates, in one object.
extension CandidateCreated: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            candidate.writeFields(to: &w)
            w.field("possible_duplicates", possibleDuplicates.map(DuplicateSummary.init))
        }
    }
}

extension DuplicateSummary: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id)
            w.field("full_name", fullName)
            w.field("date_of_birth", dateOfBirth)
        }
    }
}

extension DuplicatePair: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("candidate", candidate)
            w.field("duplicate", duplicate)
        }
    }
}

/// A candidate's JSON body (also the `candidate` of a nomination) as the service's draft.
extension CandidateDraft {
    /// The request body's fields, read one by one: a bad one is a field error in `body`, an unknown one is refused
    /// by `body.finish`.
    public init(reading body: inout JSONFields) {
        self.init(
            fullName: body.string("full_name"), dateOfBirth: body.string("date_of_birth"), gender: body.string("gender"),
            citizenID: body.string("citizen_id"), email: body.string("email"), phone: body.string("phone"),
            province: body.string("province"),
            education: body.objects("education") { record in
                let education = EducationDraft(
                    degree: record.string("degree"), field: record.string("field"),
                    institution: record.string("institution"), graduationYear: record.int("graduation_year"),
                    classification: record.string("classification"))
                // The domain skips a record with nothing in it (a CSV row without education); sent in JSON, `{}` is a
                // mistake.
                if education.isEmpty, !record.failed("degree") {
                    record.add("degree", vi: "bắt buộc", en: "is required")
                }
                return education
            },
            sector: body.string("sector"), currentEmployer: body.string("current_employer"),
            currentTitle: body.string("current_title"), legalExperienceYears: body.int("legal_experience_years"),
            skills: body.strings("skills"), languages: body.strings("languages"), notes: body.string("notes"))
    }
}

extension EducationRecord: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(degree: r("degree"), field: r.optional("field"), institution: r.optional("institution"),
                      graduationYear: r.optional("graduation_year"), classification: r.optional("classification"))
    }
}

extension Candidate: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(
            id: r("id"), fullName: r("full_name"), dateOfBirth: r.optional("date_of_birth"), gender: r.optional("gender"),
            citizenID: r.optional("citizen_id"), email: r.optional("email"), phone: r.optional("phone"),
            province: r.optional("province"), education: r("education"), sector: r.optional("sector"),
            currentEmployer: r.optional("current_employer"), currentTitle: r.optional("current_title"),
            legalExperienceYears: r.optional("legal_experience_years"), skills: r("skills"), languages: r("languages"),
            notes: r.optional("notes"), otherContacts: r("other_contacts"), version: r("version"),
            createdAt: r("created_at"), updatedAt: r("updated_at"))
    }
}

extension CandidateCreated {
    /// A new candidate as the answer gives it: the answer names each likely duplicate by its id, name and date of
    /// birth only (`DuplicateSummary`), so it reads back as this rather than as a `CandidateCreated`.
    public struct Answer: Sendable, Hashable {
        public var candidate: Candidate
        public var possibleDuplicates: [DuplicateSummary]

        public init(candidate: Candidate, possibleDuplicates: [DuplicateSummary]) {
            self.candidate = candidate
            self.possibleDuplicates = possibleDuplicates
        }
    }
}

extension CandidateCreated.Answer: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(candidate: r.read(), possibleDuplicates: r("possible_duplicates"))
    }
}

extension DuplicateSummary: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(id: r("id"), fullName: r("full_name"), dateOfBirth: r.optional("date_of_birth"))
    }
}

extension DuplicatePair: WireObjectReadable {
    public init(reading r: WireReader) throws(ServiceError) {
        try self.init(candidate: r("candidate"), duplicate: r("duplicate"))
    }
}

/// The request body `CandidateDraft(reading:)` reads back as this draft (also a nomination's `candidate`): the fields
/// given, nil and empty ones left out.
extension CandidateDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        writeFields(to: &w, only: nil)
    }

    /// A patch's body: exactly the fields named, a nil one as null (which clears it); nil names the fields given.
    public func writeFields(to w: inout JSONWriter, only fields: Set<Field>?) {
        func field(_ name: Field, _ value: (some JSONWritable)?) {
            if fields.map({ $0.contains(name) }) ?? (value != nil) { w.field(name.rawValue, value) }
        }
        func list(_ name: Field, _ value: [some JSONWritable]) {
            if fields.map({ $0.contains(name) }) ?? !value.isEmpty { w.field(name.rawValue, value) }
        }
        field(.fullName, fullName)
        field(.dateOfBirth, dateOfBirth)
        field(.gender, gender)
        field(.citizenID, citizenID)
        field(.email, email)
        field(.phone, phone)
        field(.province, province)
        list(.education, education)
        field(.sector, sector)
        field(.currentEmployer, currentEmployer)
        field(.currentTitle, currentTitle)
        field(.legalExperienceYears, legalExperienceYears)
        list(.skills, skills)
        list(.languages, languages)
        field(.notes, notes)
    }

    /// The body of a patch that changes the named fields to this draft's values.
    public func patchBody(_ fields: Set<Field>) -> [UInt8] {
        var w = JSONWriter()
        w.object { w in writeFields(to: &w, only: fields) }
        return w.bytes
    }
}

/// An education record of a candidate's body: the fields given.
extension EducationDraft: JSONObjectWritable {
    public func writeFields(to w: inout JSONWriter) {
        if let degree { w.field("degree", degree) }
        if let field { w.field("field", field) }
        if let institution { w.field("institution", institution) }
        if let graduationYear { w.field("graduation_year", graduationYear) }
        if let classification { w.field("classification", classification) }
    }
}

extension CandidateCreated.Answer: JSONWritable {
    /// The same object as the `CandidateCreated` it was read from.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            candidate.writeFields(to: &w)
            w.field("possible_duplicates", possibleDuplicates)
        }
    }
}
