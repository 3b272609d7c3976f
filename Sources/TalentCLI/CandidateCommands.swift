import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

/// The profile options of `candidate add` and `candidate update`.
struct ProfileOptions: ParsableArguments {
    @Option(help: L(vi: "Họ và tên, đúng như người đó viết.",
                    en: "Full name, as the person writes it.")) var name: String?
    @Option(help: L(vi: "Ngày sinh, dd/mm/yyyy (ví dụ 14/05/2001) hoặc YYYY-MM-DD.",
                    en: "Date of birth, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var dob: String?
    @Option(help: L(vi: "female (nữ), male (nam) hoặc other (khác).", en: "female, male or other.")) var gender: String?
    @Option(name: .customLong("citizen-id"), help: L(vi: "Số căn cước công dân (CCCD), 12 chữ số.",
                                                     en: "Citizen ID (CCCD), 12 digits.")) var citizenID: String?
    @Option(help: L(vi: "Thư điện tử.", en: "E-mail address.")) var email: String?
    @Option(help: L(vi: "Số điện thoại Việt Nam; được lưu dạng +84….",
                    en: "A Vietnamese phone number; stored as +84….")) var phone: String?
    @Option(help: L(vi: "Tỉnh, thành phố cư trú.", en: "Province of residence.")) var province: String?
    @Option(help: L(vi: "Khu vực công tác: state (nhà nước), non_state (ngoài nhà nước), academic (giáo dục, nghiên cứu), overseas (nước ngoài) hoặc student (sinh viên).",
                    en: "state, non_state, academic, overseas or student.")) var sector: String?
    @Option(help: L(vi: "Nơi công tác hiện nay.", en: "Current employer.")) var employer: String?
    @Option(name: .customLong("job-title"), help: L(vi: "Chức danh hiện nay.",
                                                    en: "Current job title.")) var jobTitle: String?
    @Option(name: .customLong("experience-years"), help: L(vi: "Số năm kinh nghiệm trong lĩnh vực pháp luật.",
                                                           en: "Years of legal experience.")) var experienceYears: Int?
    @Option(help: L(vi: "Kỹ năng, cách nhau bằng dấu phẩy.", en: "Skills, comma-separated.")) var skills: String?
    @Option(help: L(vi: "Ngoại ngữ, cách nhau bằng dấu phẩy.",
                    en: "Languages, comma-separated.")) var languages: String?
    @Option(help: L(vi: "Ghi chú.", en: "Notes.")) var notes: String?
    @Option(help: L(vi: "Học vấn: bachelor (cử nhân), master (thạc sĩ), doctor (tiến sĩ) hoặc other (khác).",
                    en: "Education: bachelor, master, doctor or other.")) var degree: String?
    @Option(help: L(vi: "Học vấn: chuyên ngành.", en: "Education: field of study.")) var field: String?
    @Option(help: L(vi: "Học vấn: cơ sở đào tạo.", en: "Education: institution.")) var institution: String?
    @Option(name: .customLong("graduation-year"), help: L(vi: "Học vấn: năm tốt nghiệp.",
                                                          en: "Education: graduation year.")) var graduationYear: Int?
    @Option(help: L(vi: "Học vấn: xếp loại excellent (xuất sắc), very_good (giỏi), good (khá) hoặc average (trung bình).",
                    en: "Education: excellent, very_good, good or average.")) var classification: String?

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
    @Option(help: L(vi: "Từ khóa: họ tên (không phân biệt dấu và chữ hoa), số CCCD, thư điện tử hoặc số điện thoại.",
                    en: "Search text: a name (accents and case ignored), citizen ID, e-mail or phone.")) var q: String?
    @Option(help: L(vi: "Ứng viên có hồ sơ dự tuyển đang ở giai đoạn này.",
                    en: "Candidates with an application in this stage.")) var stage: String?
    @Option(help: L(vi: "Ứng viên có hồ sơ dự tuyển tại cơ quan này (mã cơ quan).",
                    en: "Candidates with an application at this agency (code).")) var agency: String?
    @Option(help: L(vi: "Ứng viên có hồ sơ dự tuyển vào vị trí này (mã vị trí).",
                    en: "Candidates with an application for this position (id).")) var position: String?
    @Option(help: L(vi: "Khu vực công tác: state, non_state, academic, overseas hoặc student.",
                    en: "Sector: state, non_state, academic, overseas or student.")) var sector: String?
    @Option(help: L(vi: "Học vấn: bachelor, master, doctor hoặc other.",
                    en: "Education: bachelor, master, doctor or other.")) var degree: String?
    @Option(name: .customLong("graduation-year"), help: L(vi: "Học vấn: năm tốt nghiệp.",
                                                          en: "Education: graduation year.")) var graduationYear: Int?
    @Option(name: .customLong("created-from"), help: L(vi: "Thêm từ ngày, dd/mm/yyyy hoặc YYYY-MM-DD.",
                                                       en: "Added on or after, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var createdFrom: String?
    @Option(name: .customLong("created-to"), help: L(vi: "Thêm đến ngày, dd/mm/yyyy hoặc YYYY-MM-DD.",
                                                     en: "Added on or before, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var createdTo: String?
    @Option(help: L(vi: "Sắp xếp: -created_at (mới nhất trước, mặc định), created_at, hoặc name (theo tên, thứ tự tiếng Việt).",
                    en: "-created_at (newest first, the default), created_at, or name (by given name, Vietnamese order)."))
    var sort: String?

    func query(text: String? = nil) -> CandidateQuery {
        CandidateQuery(text: text ?? q, stage: stage, agency: agency, positionID: position, sector: sector, degree: degree,
                       graduationYear: graduationYear, createdFrom: createdFrom, createdTo: createdTo, sort: sort)
    }
}

struct CandidateCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "candidate", abstract: L(vi: "Hồ sơ ứng viên.", en: "Candidate profiles."),
            subcommands: [Add.self, Show.self, List.self, Search.self, Update.self, Duplicates.self, Merge.self,
                          Import.self, Export.self])
    }

    struct Add: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm hồ sơ ứng viên (hồ sơ có khả năng trùng sẽ được chỉ ra).",
                                             en: "Add a candidate (likely duplicates are pointed out)."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var profile: ProfileOptions

        func validate() throws {
            if profile.name == nil { throw ValidationError("Missing expected argument '--name <name>'") }
        }

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let created = try await services.candidates.add(try ValidCandidate(profile.draft), by: actor)
            if printer.format == .json {
                printer.console.out(created.jsonString(pretty: true))
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
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xem một hồ sơ ứng viên.", en: "Show one candidate."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            printer.record(try await services.candidates.get(UUID.parse(id), by: actor), Columns.candidateDetail)
        }
    }

    struct List: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê hồ sơ ứng viên, mới nhất trước, có bộ lọc.",
                                             en: "List candidates, newest first, with filters."))
        }
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
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Tìm ứng viên theo họ tên (không phân biệt dấu và chữ hoa), số CCCD, thư điện tử hoặc số điện thoại.",
                            en: "Find candidates by name (accents and case ignored), citizen ID, e-mail or phone."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Từ khóa tìm kiếm.", en: "The text to search for.")) var text: String
        @OptionGroup var filters: CandidateFilterOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.candidates.list(filters.query(text: text),
                                                          page: paging.request(), by: actor)
            printer.list(page.items, Columns.candidate, nextCursor: page.nextCursor)
        }
    }

    struct Update: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Sửa các trường được nêu; --clear TRƯỜNG để xóa trắng một trường. --if-version từ chối nếu hồ sơ đã bị sửa từ phiên bản đó.",
                            en: "Change the fields given; --clear FIELD empties one. --if-version refuses a profile changed since."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @OptionGroup var profile: ProfileOptions
        @Option(parsing: .singleValue, help: L(vi: "Xóa trắng một trường (theo tên trường của API, ví dụ email hoặc notes); dùng được nhiều lần.",
                                               en: "Empty a field (by its API name, such as email or notes); repeatable."))
        var clear: [String] = []
        @Option(name: .customLong("if-version"), help: L(vi: "Chỉ thực hiện nếu hồ sơ vẫn ở phiên bản này.",
                                                         en: "Only if the profile is still at this version.")) var ifVersion: Int?

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
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Các hồ sơ có khả năng trùng với một ứng viên, hoặc mọi cặp hồ sơ có khả năng trùng.",
                            en: "Likely duplicates of one candidate, or all likely duplicate pairs."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            if let id {
                printer.list(try await services.candidates.duplicates(of: UUID.parse(id), by: actor), Columns.candidate)
            } else {
                printer.list(try await services.candidates.duplicatePairs(by: actor), Columns.duplicatePair)
            }
        }
    }

    struct Merge: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Gộp hồ sơ OTHER vào hồ sơ KEEP: hồ sơ dự tuyển và lịch sử chuyển sang KEEP, hồ sơ OTHER bị xóa.",
                            en: "Merge OTHER into KEEP: applications and history move to KEEP, OTHER is removed."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Hồ sơ được giữ lại.", en: "The profile that stays.")) var keep: String
        @Argument(help: L(vi: "Hồ sơ trùng được gộp vào rồi xóa.",
                          en: "The duplicate that is merged in and removed.")) var other: String

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
        .date("date_of_birth", vi: "Ngày sinh", en: "Date of birth") { $0.dateOfBirth },
        Column("citizen_id", vi: "Số CCCD", en: "Citizen ID") { $0.citizenID.cell },
        Column("email", vi: "E-mail", en: "E-mail") { $0.email.cell },
        Column("phone", vi: "Điện thoại", en: "Phone") { $0.phone.cell },
        .code("sector", vi: "Khu vực", en: "Sector") { $0.sector },
        Column("version", vi: "Phiên bản", en: "Version") { String($0.version) },
    ]

    static let candidateDetail: [Column<Candidate>] = candidate.filter { $0.field != "version" && $0.field != "sector" } + [
        .code("gender", vi: "Giới tính", en: "Gender") { $0.gender },
        Column("province", vi: "Tỉnh/thành cư trú", en: "Province") { $0.province.cell },
        .code("sector", vi: "Khu vực", en: "Sector") { $0.sector },
        Column("current_employer", vi: "Nơi làm việc", en: "Employer") { $0.currentEmployer.cell },
        Column("current_title", vi: "Chức danh", en: "Title") { $0.currentTitle.cell },
        Column("legal_experience_years", vi: "Số năm kinh nghiệm pháp lý", en: "Years of legal experience") {
            $0.legalExperienceYears.cell
        },
        Column("education", vi: "Học vấn", en: "Education", value: { education($0, nil) },
               cell: { candidate, language in education(candidate, language) }),
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
        .date("date_of_birth", vi: "Ngày sinh", en: "Date of birth") { $0.candidate.dateOfBirth },
    ]

    /// A candidate's degrees on one line: codes for CSV (`language` nil), labels for a table.
    private static func education(_ candidate: Candidate, _ language: Language?) -> String {
        candidate.education.map { e in
            [language.map { e.degree.label.text($0) } ?? e.degree.rawValue, e.field, e.institution,
             e.graduationYear.map(String.init),
             e.classification.map { c in language.map { c.label.text($0) } ?? c.rawValue }]
                .compactMap { $0 }.joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
