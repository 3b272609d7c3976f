import ArgumentParser
import Foundation
import TalentDomain
import TalentService

/// The profile options of `candidate add` and `candidate update`.
struct ProfileOptions: ParsableArguments {
    @Option(help: "Full name, as the person writes it.") var name: String?
    @Option(help: "Date of birth, YYYY-MM-DD.") var dob: String?
    @Option(help: "female, male or other.") var gender: String?
    @Option(name: .customLong("citizen-id"), help: "Citizen ID (CCCD), 12 digits.") var citizenID: String?
    @Option var email: String?
    @Option(help: "A Vietnamese phone number; stored as +84….") var phone: String?
    @Option(help: "Province of residence.") var province: String?
    @Option(help: "state, non_state, academic, overseas or student.") var sector: String?
    @Option(help: "Current employer.") var employer: String?
    @Option(name: .customLong("job-title"), help: "Current job title.") var jobTitle: String?
    @Option(name: .customLong("experience-years"), help: "Years of legal experience.") var experienceYears: Int?
    @Option(help: "Skills, comma-separated.") var skills: String?
    @Option(help: "Languages, comma-separated.") var languages: String?
    @Option var notes: String?
    @Option(help: "Education: bachelor, master, doctor or other.") var degree: String?
    @Option(help: "Education: field of study.") var field: String?
    @Option(help: "Education: institution.") var institution: String?
    @Option(name: .customLong("graduation-year")) var graduationYear: Int?
    @Option(help: "Education: excellent, very_good, good or average.") var classification: String?

    var education: [EducationDraft] {
        let record = EducationDraft(degree: degree, field: field, institution: institution, graduationYear: graduationYear,
                                    classification: classification)
        return record.isEmpty ? [] : [record]
    }

    var draft: CandidateDraft {
        CandidateDraft(fullName: name, dateOfBirth: dob, gender: gender, citizenID: citizenID, email: email, phone: phone,
                       province: province, education: education, sector: sector, currentEmployer: employer,
                       currentTitle: jobTitle, legalExperienceYears: experienceYears, skills: Self.list(skills),
                       languages: Self.list(languages), notes: notes)
    }

    /// The fields these options change (an update leaves the others alone).
    var givenFields: Set<CandidateDraft.Field> {
        var fields: Set<CandidateDraft.Field> = []
        if name != nil { fields.insert(.fullName) }
        if dob != nil { fields.insert(.dateOfBirth) }
        if gender != nil { fields.insert(.gender) }
        if citizenID != nil { fields.insert(.citizenID) }
        if email != nil { fields.insert(.email) }
        if phone != nil { fields.insert(.phone) }
        if province != nil { fields.insert(.province) }
        if sector != nil { fields.insert(.sector) }
        if employer != nil { fields.insert(.currentEmployer) }
        if jobTitle != nil { fields.insert(.currentTitle) }
        if experienceYears != nil { fields.insert(.legalExperienceYears) }
        if skills != nil { fields.insert(.skills) }
        if languages != nil { fields.insert(.languages) }
        if notes != nil { fields.insert(.notes) }
        if !education.isEmpty { fields.insert(.education) }
        return fields
    }

    static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
    }
}

/// The filters of `candidate list`, `search` and `export`, the same as `GET /v1/candidates` takes.
struct CandidateFilterOptions: ParsableArguments {
    @Option(help: "Search text: a name (accents and case ignored), citizen ID, e-mail or phone.") var q: String?
    @Option(help: "Candidates with an application in this stage.") var stage: String?
    @Option(help: "Candidates with an application at this agency (code).") var agency: String?
    @Option(help: "Candidates with an application for this position (id).") var position: String?
    @Option var sector: String?
    @Option var degree: String?
    @Option(name: .customLong("graduation-year")) var graduationYear: Int?
    @Option(name: .customLong("created-from"), help: "Added on or after, YYYY-MM-DD.") var createdFrom: String?
    @Option(name: .customLong("created-to"), help: "Added on or before, YYYY-MM-DD.") var createdTo: String?
    @Option(help: "-created_at (newest first, the default), created_at, or name (by given name, Vietnamese order).")
    var sort: String?

    func query(text: String? = nil) -> CandidateQuery {
        CandidateQuery(text: text ?? q, stage: stage, agency: agency, positionID: position, sector: sector, degree: degree,
                       graduationYear: graduationYear, createdFrom: createdFrom, createdTo: createdTo, sort: sort)
    }
}

struct CandidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidate", abstract: "Candidate profiles.",
        subcommands: [Add.self, Show.self, List.self, Search.self, Update.self, Duplicates.self, Merge.self,
                      Import.self, Export.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add a candidate (likely duplicates are pointed out).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var profile: ProfileOptions

        func validate() throws {
            if profile.name == nil { throw ValidationError("Missing expected argument '--name <name>'") }
        }

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let created = try await services.candidates.add(try ValidCandidate(profile.draft), by: actor)
            if printer.format == .json {
                printer.console.out(JSONFormat.string(created, pretty: true))
            } else {
                printer.record(created.candidate, Columns.candidateDetail)
            }
            for other in created.possibleDuplicates {
                printer.console.err(printer.language == .en
                    ? "note: possibly the same person as \(other.fullName) (\(other.id.text)); see `talent candidate merge`"
                    : "lưu ý: có thể trùng với \(other.fullName) (\(other.id.text)); xem `talent candidate merge`")
            }
        }
    }

    struct Show: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Show one candidate.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.candidates.get(UUID.parse(id), by: actor), Columns.candidateDetail)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List candidates, newest first, with filters.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: CandidateFilterOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.candidates.list(filters.query(), page: paging.request(),
                                                          by: actor)
            printer.list(page.items, Columns.candidate, nextCursor: page.nextCursor)
        }
    }

    struct Search: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find candidates by name (accents and case ignored), citizen ID, e-mail or phone.")
        @OptionGroup var global: GlobalOptions
        @Argument var text: String
        @OptionGroup var filters: CandidateFilterOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.candidates.list(filters.query(text: text),
                                                          page: paging.request(), by: actor)
            printer.list(page.items, Columns.candidate, nextCursor: page.nextCursor)
        }
    }

    struct Update: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change the fields given; --clear FIELD empties one. --if-version refuses a profile changed since.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String
        @OptionGroup var profile: ProfileOptions
        @Option(parsing: .singleValue, help: "Empty a field (by its API name, such as email or notes); repeatable.")
        var clear: [String] = []
        @Option(name: .customLong("if-version"), help: "Only if the profile is still at this version.") var ifVersion: Int?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            var fields = profile.givenFields
            for name in clear {
                guard let field = CandidateDraft.Field(rawValue: name), field != .fullName else {
                    throw ServiceError.invalid("clear", vi: "không xóa được trường \(name)", en: "cannot clear the field \(name)")
                }
                fields.insert(field)
            }
            guard !fields.isEmpty else {
                throw ServiceError.invalid("fields", vi: "không có gì để sửa", en: "nothing to change")
            }
            let uuid = try UUID.parse(id)
            let patch = try CandidatePatch(profile.draft, fields: fields)
            let candidate = try await services.candidates.update(uuid, patch: patch, expectedVersion: ifVersion, by: actor)
            printer.record(candidate, Columns.candidateDetail)
        }
    }

    struct Duplicates: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Likely duplicates of one candidate, or all likely duplicate pairs.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            if let id {
                printer.list(try await services.candidates.duplicates(of: UUID.parse(id), by: actor), Columns.candidate)
            } else {
                printer.list(try await services.candidates.duplicatePairs(by: actor), Columns.duplicatePair)
            }
        }
    }

    struct Merge: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge OTHER into KEEP: applications and history move to KEEP, OTHER is removed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The profile that stays.") var keep: String
        @Argument(help: "The duplicate that is merged in and removed.") var other: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let pair = try CandidateMerge(keep: keep, other: other)
            printer.record(try await services.candidates.merge(pair, by: actor), Columns.candidateDetail)
        }
    }
}

extension Columns {
    static let candidate: [Column<Candidate>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("full_name", vi: "Họ tên", en: "Full name") { $0.fullName },
        Column("date_of_birth", vi: "Ngày sinh", en: "Date of birth") { $0.dateOfBirth.cell },
        Column("citizen_id", vi: "Số CCCD", en: "Citizen ID") { $0.citizenID.cell },
        Column("email", vi: "E-mail", en: "E-mail") { $0.email.cell },
        Column("phone", vi: "Điện thoại", en: "Phone") { $0.phone.cell },
        Column("sector", vi: "Khu vực", en: "Sector") { $0.sector?.rawValue ?? "" },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let candidateDetail: [Column<Candidate>] = candidate.filter { $0.field != "version" && $0.field != "sector" } + [
        Column("gender", vi: "Giới tính", en: "Gender") { $0.gender?.rawValue ?? "" },
        Column("province", vi: "Tỉnh/thành cư trú", en: "Province") { $0.province.cell },
        Column("sector", vi: "Khu vực", en: "Sector") { $0.sector?.rawValue ?? "" },
        Column("current_employer", vi: "Nơi làm việc", en: "Employer") { $0.currentEmployer.cell },
        Column("current_title", vi: "Chức danh", en: "Title") { $0.currentTitle.cell },
        Column("legal_experience_years", vi: "Số năm kinh nghiệm pháp lý", en: "Years of legal experience") {
            $0.legalExperienceYears.cell
        },
        Column("education", vi: "Học vấn", en: "Education") { candidate in
            candidate.education.map { e in
                [e.degree.rawValue, e.field, e.institution, e.graduationYear.map(String.init), e.classification?.rawValue]
                    .compactMap { $0 }.joined(separator: ", ")
            }.joined(separator: "; ")
        },
        Column("skills", vi: "Kỹ năng", en: "Skills") { $0.skills.joined(separator: ", ") },
        Column("languages", vi: "Ngoại ngữ", en: "Languages") { $0.languages.joined(separator: ", ") },
        Column("notes", vi: "Ghi chú", en: "Notes") { $0.notes.cell },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let duplicatePair: [Column<DuplicatePair>] = [
        Column("candidate_id", vi: "Mã", en: "ID") { $0.candidate.id },
        Column("candidate_name", vi: "Họ tên", en: "Full name") { $0.candidate.fullName },
        Column("duplicate_id", vi: "Mã hồ sơ trùng", en: "Duplicate ID") { $0.duplicate.id },
        Column("duplicate_name", vi: "Họ tên hồ sơ trùng", en: "Duplicate name") { $0.duplicate.fullName },
        Column("date_of_birth", vi: "Ngày sinh", en: "Date of birth") { $0.candidate.dateOfBirth.cell },
    ]
}
