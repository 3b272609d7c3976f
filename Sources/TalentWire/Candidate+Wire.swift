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
