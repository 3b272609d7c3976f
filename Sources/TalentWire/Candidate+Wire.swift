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

extension Candidate: JSONWritable {
    /// Explicit nulls, so every field of the contract is present in what programs read.
    public func write(to w: inout JSONWriter) {
        w.object { w in writeFields(to: &w) }
    }

    /// The fields without the braces, so a larger answer can extend the record.
    public func writeFields(to w: inout JSONWriter) {
        w.field("id", id.text)
        w.field("full_name", fullName)
        w.field("date_of_birth", dateOfBirth)
        w.field("gender", gender)
        w.field("citizen_id", citizenID)
        w.field("email", email)
        w.field("phone", phone)
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
