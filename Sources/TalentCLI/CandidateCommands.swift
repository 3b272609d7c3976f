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
    @Option(help: L(vi: "Từ có trong nội dung một tài liệu của ứng viên (PDF, DOCX), không phân biệt dấu và chữ hoa.",
                    en: "Words in the text of one of the candidate's documents (PDF, DOCX), accents and case ignored."))
    var document: String?
    @Option(name: .customLong("created-from"), help: L(vi: "Thêm từ ngày, dd/mm/yyyy hoặc YYYY-MM-DD.",
                                                       en: "Added on or after, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var createdFrom: String?
    @Option(name: .customLong("created-to"), help: L(vi: "Thêm đến ngày, dd/mm/yyyy hoặc YYYY-MM-DD.",
                                                     en: "Added on or before, YYYY-MM-DD or dd/mm/yyyy."), transform: DateInput.iso) var createdTo: String?
    @Option(help: L(vi: "Sắp xếp: -created_at (mới nhất trước, mặc định), created_at, hoặc name (theo tên, thứ tự tiếng Việt).",
                    en: "-created_at (newest first, the default), created_at, or name (by given name, Vietnamese order)."))
    var sort: String?

    /// The filters as the API's query parameters.
    func parameters(text: String? = nil) -> [(String, String?)] {
        [("q", text ?? q), ("stage", stage), ("agency", agency), ("position_id", position), ("sector", sector),
         ("degree", degree), ("graduation_year", graduationYear.map(String.init)), ("created_from", createdFrom),
         ("created_to", createdTo), ("sort", sort), ("document", document)]
    }

    func query(text: String? = nil) -> CandidateQuery {
        CandidateQuery(text: text ?? q, stage: stage, agency: agency, positionID: position, sector: sector, degree: degree,
                       graduationYear: graduationYear, createdFrom: createdFrom, createdTo: createdTo, sort: sort,
                       document: document)
    }
}

struct CandidateCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "candidate", abstract: L(vi: "Hồ sơ ứng viên.", en: "Candidate profiles."),
            subcommands: [Add.self, Show.self, List.self, Search.self, Update.self, Duplicates.self, Merge.self,
                          Import.self, Export.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thêm hồ sơ ứng viên (hồ sơ có khả năng trùng sẽ được chỉ ra).",
                                             en: "Add a candidate (likely duplicates are pointed out)."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var profile: ProfileOptions

        func validate() throws {
            if profile.name == nil { throw ValidationError("Missing expected argument '--name <name>'") }
        }

        func run(api: APIClient, printer: Printer) async throws {
            // The profile's own checks first, with their messages; then the API (which checks again).
            _ = try ValidCandidate(profile.draft)
            let created: CandidateCreated.Answer = try await api.post("/v1/candidates", profile.draft)
            if printer.format == .json {
                printer.console.out(created.jsonString(pretty: true))
            } else {
                printer.record(created.candidate, Columns.candidateDetail)
            }
            for other in created.possibleDuplicates {
                printer.console.err(printer.language == .en
                    ? "note: possibly the same person as \(other.fullName) (\(other.id)); see `talent candidate merge`"
                    : "lưu ý: có thể trùng với \(other.fullName) (\(other.id)); xem `talent candidate merge`")
            }
        }
    }

    struct Show: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Xem hồ sơ của một ứng viên: thông tin cá nhân, hồ sơ dự tuyển và lịch sử giai đoạn, giới thiệu, đề cử và hội đồng đánh giá.",
                            en: "Show a candidate's file: the profile, applications with their stage history, referrals, nominations and panels."),
                discussion: L(vi: "--format json in ra đúng như GET /v1/candidates/ID?include=… của API; --format csv chỉ in thông tin cá nhân.",
                              en: "--format json prints what GET /v1/candidates/ID?include=… of the API answers; --format csv prints the profile only."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String
        @Option(help: L(vi: "Các phần của hồ sơ, cách nhau bằng dấu phẩy: applications (hồ sơ dự tuyển), referrals (giới thiệu), nominations (đề cử), panels (hội đồng đánh giá); rỗng: chỉ thông tin cá nhân. Mặc định: mọi phần mà vai trò được xem.",
                        en: "Sections of the file, comma-separated: applications, referrals, nominations, panels; empty: the profile only. Default: every section the role may read."))
        var include: String?

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            var sections = try include.map { text throws(ServiceError) in
                text.isEmpty ? [] : try CandidateFileSection.parseList(text, field: "include")
            }
            if sections == nil {
                let me: Me.Answer = try await api.get("/v1/me")
                sections = CandidateService.readableSections(by: Principal(name: me.name, role: me.role, channel: .cli))
            }
            let list = (sections ?? []).map(\.rawValue).sorted().joined(separator: ",")
            let file: CandidateFile = try await api.get("/v1/candidates/\(uuid.text)",
                                                        query: [("include", list.isEmpty ? nil : list)])
            printer.record(file, Columns.candidateDetail.map { $0.of { (file: CandidateFile) in file.candidate } })
            if printer.format == .table { CandidateFileSections(file: file, printer: printer).print() }
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê hồ sơ ứng viên, mới nhất trước, có bộ lọc.",
                                             en: "List candidates, newest first, with filters."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: CandidateFilterOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Candidate> = try await api.get("/v1/candidates",
                                                          query: filters.parameters() + APIClient.page(paging.request()))
            printer.list(page.items, Columns.candidate, nextCursor: page.nextCursor)
        }
    }

    struct Search: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Tìm ứng viên theo họ tên (không phân biệt dấu và chữ hoa), số CCCD, thư điện tử hoặc số điện thoại.",
                            en: "Find candidates by name (accents and case ignored), citizen ID, e-mail or phone."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Từ khóa tìm kiếm.", en: "The text to search for.")) var text: String
        @OptionGroup var filters: CandidateFilterOptions
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Candidate> = try await api.get(
                "/v1/candidates", query: filters.parameters(text: text) + APIClient.page(paging.request()))
            printer.list(page.items, Columns.candidate, nextCursor: page.nextCursor)
        }
    }

    struct Update: APICommand {
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

        func run(api: APIClient, printer: Printer) async throws {
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
            _ = try CandidatePatch(profile.draft, fields: fields)
            // The change is made against the version given, else the one read now.
            var version = ifVersion
            if version == nil { version = try await api.get("/v1/candidates/\(uuid.text)", as: Candidate.self).version }
            guard let version else { return }
            let candidate: Candidate = try await api.patch("/v1/candidates/\(uuid.text)",
                                                           profile.draft.patchBody(fields), version: version)
            printer.record(candidate, Columns.candidateDetail)
        }
    }

    struct Duplicates: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Các hồ sơ có khả năng trùng với một ứng viên, hoặc mọi cặp hồ sơ có khả năng trùng.",
                            en: "Likely duplicates of one candidate, or all likely duplicate pairs."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của bản ghi.", en: "The record's id.")) var id: String?

        func run(api: APIClient, printer: Printer) async throws {
            if let id {
                let page: Page<Candidate> = try await api.get("/v1/candidates/\(UUID.parse(id).text)/duplicates")
                printer.list(page.items, Columns.candidate)
            } else {
                printer.list(try await api.get("/v1/candidates/duplicates", as: Page<DuplicatePair>.self).items,
                             Columns.duplicatePair)
            }
        }
    }

    struct Merge: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Gộp hồ sơ OTHER vào hồ sơ KEEP: hồ sơ dự tuyển và lịch sử chuyển sang KEEP, e-mail và điện thoại khác được giữ làm liên hệ phụ, hồ sơ OTHER bị xóa. --dry-run cho xem trước, không ghi gì.",
                            en: "Merge OTHER into KEEP: applications and history move to KEEP, a different e-mail and phone stay as secondary contacts, OTHER is removed. --dry-run shows what would happen and writes nothing."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Hồ sơ được giữ lại.", en: "The profile that stays.")) var keep: String
        @Argument(help: L(vi: "Hồ sơ trùng được gộp vào rồi xóa.",
                          en: "The duplicate that is merged in and removed.")) var other: String
        @Flag(name: .customLong("dry-run"), help: L(vi: "Chỉ cho xem những gì được giữ, được lấy thêm và bị bỏ; không ghi gì.",
                                                    en: "Only show what is kept, taken and dropped; write nothing."))
        var dryRun = false

        func run(api: APIClient, printer: Printer) async throws {
            let pair = try CandidateMerge(keep: keep, other: other)
            let result: CandidateMergeResult.Answer = try await api.post(
                "/v1/candidates/\(pair.keep.text)/merge",
                JSONValue.object(["other_id": .string(pair.other.text), "dry_run": .bool(dryRun)]))
            let en = printer.language == .en
            switch (printer.format, dryRun) {
            case (.json, _):
                printer.console.out(result.jsonString(pretty: true))
            case (_, true):
                printer.list(result.fields, Columns.mergeField)
                printer.message(LocalizedText(vi: "Chạy thử: chưa ghi gì. Bỏ --dry-run để gộp.",
                                  en: "Dry run: nothing was written. Run again without --dry-run to merge."))
            case (_, false):
                printer.record(result.candidate, Columns.candidateDetail)
            }
            // JSON carries the same in merge.fields.
            if !dryRun, printer.format == .table {
                for field in result.fields where field.outcome == .dropped || field.outcome == .otherContact {
                    let name = FieldName.label(field.field, printer.language)
                    let value = field.other ?? ""
                    printer.console.err(field.outcome == .dropped
                        ? (en ? "note: the other profile's \(name) \(value) was dropped (the audit trail keeps it)"
                              : "lưu ý: \(name) \(value) của hồ sơ gộp vào đã bị bỏ (nhật ký vẫn lưu)")
                        : (en ? "note: the other profile's \(name) \(value) is kept as a secondary contact"
                              : "lưu ý: \(name) \(value) của hồ sơ gộp vào được giữ làm liên hệ phụ"))
                }
            }
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
        Column("other_contacts", vi: "Liên hệ khác", en: "Other contacts", value: { contacts($0, nil) },
               cell: { candidate, language in contacts(candidate, language) }),
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

    static let mergeField: [Column<MergeField>] = [
        Column("field", vi: "Trường", en: "Field", value: { $0.field },
               cell: { field, language in FieldName.label(field.field, language) }),
        Column("kept", vi: "Hồ sơ giữ lại", en: "Kept profile") { $0.kept.cell },
        Column("other", vi: "Hồ sơ gộp vào", en: "Other profile") { $0.other.cell },
        .code("outcome", vi: "Kết quả", en: "Outcome") { $0.outcome },
    ]

    /// A candidate's secondary contacts on one line: `email:…; phone:…` for CSV (`language` nil), labels for a table.
    private static func contacts(_ candidate: Candidate, _ language: Language?) -> String {
        candidate.otherContacts.map { c in
            (language.map { c.kind.label.text($0) + " " } ?? (c.kind.rawValue + ":")) + c.value
        }.joined(separator: "; ")
    }

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

/// The sections of a candidate's file as a table prints them, under the profile: each with its heading and count,
/// in the order things happened.
struct CandidateFileSections {
    let file: CandidateFile
    let printer: Printer

    private var language: Language { printer.language }

    func print() {
        let sections = file.sections
        if sections.contains(.applications) {
            heading(vi: "Hồ sơ dự tuyển", en: "Applications", count: file.applications.count)
            printer.list(file.applications.map(\.application), Columns.fileApplication)
            for entry in file.applications {
                printer.console.out("")
                printer.console.out((language == .en ? "Stage history: " : "Lịch sử giai đoạn: ") + position(entry.application))
                printer.list(entry.history, Columns.stageChange)
            }
        }
        if sections.contains(.referrals) {
            heading(vi: "Giới thiệu", en: "Referrals", count: file.referrals.count)
            printer.list(file.referrals, Columns.fileReferral)
        }
        if sections.contains(.nominations) {
            heading(vi: "Đề cử của trường đối tác", en: "Nominations by partners", count: file.nominations.count)
            let applications = Dictionary(file.applications.map { ($0.application.id, $0.application) }) { a, _ in a }
            printer.list(file.nominations, Columns.fileNomination(applications: applications))
        }
        if sections.contains(.panels) {
            heading(vi: "Hội đồng đánh giá", en: "Evaluation panels", count: file.panels.count)
            for (i, panel) in file.panels.enumerated() {
                if i > 0 { printer.console.out("") }
                printer.console.out(position(panel.application) + ": " + summary(panel.score))
                let scores = Dictionary(panel.score.evaluators.map { ($0.evaluatorID, $0.weightedScore) }) { a, _ in a }
                printer.list(panel.evaluators, Columns.filePanelMember(scores: scores))
            }
            if file.panels.isEmpty { printer.list([PanelMember](), Columns.panelMember) }
        }
    }

    private func heading(vi: String, en: String, count: Int) {
        printer.console.out("")
        printer.console.out("== \(language == .en ? en : vi) (\(count)) ==")
    }

    private func position(_ application: Application) -> String {
        "\(application.positionTitle) (\(application.agencyCode))"
    }

    /// `2/3 phiếu, điểm hội đồng 4.1, đạt`: sheets against the rubric's minimum, the score, and the result once complete.
    private func summary(_ score: PanelResult) -> String {
        let en = language == .en
        var parts = ["\(score.submitted)/\(score.required.map(String.init) ?? "–") " + (en ? "sheets" : "phiếu")]
        if let panelScore = score.panelScore {
            parts.append((en ? "panel score " : "điểm hội đồng ") + Columns.score(panelScore))
        }
        switch score.passed {
        case true?: parts.append(en ? "passed" : "đạt")
        case false?: parts.append(en ? "failed" : "không đạt")
        case nil: parts.append(en ? "panel not complete" : "chưa đủ hội đồng")
        }
        if score.disagreement { parts.append(en ? "evaluators disagree" : "các thành viên chấm chênh lệch lớn") }
        return parts.joined(separator: ", ")
    }
}

extension Columns {
    /// An application in a candidate's file: the candidate is known, the position is what matters.
    static let fileApplication: [Column<Application>] = application.filter {
        !["candidate_name", "candidate_id", "position_id"].contains($0.field)
    }

    /// A referral in a candidate's file: who recommended them, how they know them, and whether it is the credited one.
    static let fileReferral: [Column<Referral>] = [
        .time("created_at", vi: "Thời điểm", en: "Time") { $0.createdAt },
        .code("referrer_kind", vi: "Loại người giới thiệu", en: "Referrer kind") { $0.referrerKind },
        Column("referrer", vi: "Người giới thiệu", en: "Referrer", value: { $0.referrerLabel }, cell: { referral, language in
            // The person who answers for the recommendation, with their title, and the institution they speak for.
            switch referral.referrerKind {
            case .selfApplication: return referral.referrerKind.label.text(language)
            case .person, .user:
                return [referral.referrerLabel, referral.referrerTitle].compactMap { $0 }.joined(separator: ", ")
            case .agency, .partner:
                let person = [referral.referrerName, referral.referrerTitle].compactMap { $0 }.joined(separator: ", ")
                return person.isEmpty ? referral.referrerLabel : "\(person) (\(referral.referrerLabel))"
            }
        }),
        .code("relationship", vi: "Quan hệ", en: "Relationship") { $0.relationship },
        Column("credited", vi: "Ghi nhận", en: "Credit", value: { $0.credited ? "true" : "false" }, cell: { referral, language in
            switch (referral.credited, language) {
            case (true, .en): "credited"
            case (false, .en): "supporting"
            case (true, _): "được ghi nhận"
            case (false, _): "bổ sung"
            }
        }),
        Column("channel", vi: "Kênh", en: "Channel", value: { $0.channel }, cell: { referral, language in
            switch (referral.channel, language) {
            case ("cli", .en): "CLI"
            case ("cli", _): "dòng lệnh"
            case ("nomination", .en): "partner nomination"
            case ("nomination", _): "đề cử của trường đối tác"
            case ("api", _): "API"
            default: referral.channel
            }
        }),
        Column("justification", vi: "Lý do giới thiệu", en: "Justification") { $0.justification },
    ]

    /// A nomination in a candidate's file; the application it opened is named by its position when the file has it.
    static func fileNomination(applications: [UUID: Application]) -> [Column<NominationView>] { [
        .time("submitted_at", vi: "Thời điểm", en: "Submitted") { $0.submittedAt },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode },
        Column("nominator", vi: "Người đề cử", en: "Nominator") { n in
            n.nominator.name + (n.nominator.title.map { ", \($0)" } ?? "")
        },
        Column("relationship", vi: "Quan hệ", en: "Relationship", value: { $0.relationship }, cell: { n, language in
            Relationship(rawValue: n.relationship)?.label.text(language) ?? n.relationship
        }),
        Column("justification", vi: "Lý do đề cử", en: "Justification") { $0.justification },
        Column("application_id", vi: "Hồ sơ dự tuyển", en: "Application", value: { $0.applicationID?.text ?? "" },
               cell: { n, _ in
                   guard let id = n.applicationID else { return "" }
                   return applications[id].map { "\($0.positionTitle) (\($0.agencyCode))" } ?? id.text
               }),
        .code("status", vi: "Trạng thái", en: "Status") { $0.status },
    ] }

    /// A panel member in a candidate's file, with their weighted score once they have submitted.
    static func filePanelMember(scores: [UUID: Double]) -> [Column<PanelMember>] {
        panelMember.filter { $0.field != "evaluator_id" } + [
            Column("weighted_score", vi: "Điểm có trọng số", en: "Weighted score") { member in
                scores[member.evaluatorID].map(score) ?? ""
            },
        ]
    }
}
