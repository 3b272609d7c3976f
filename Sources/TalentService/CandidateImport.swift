import Foundation
import Synchronization
import TalentDomain
import TalentWire
import TalentStore

/// CSV import and export of candidate profiles. Columns are the API's field names, or their Vietnamese headers as an
/// officer types them (`Họ và tên`, `Ngày sinh`, `Số CCCD`…, accents and case ignored; `--template` writes them);
/// the first education record is `degree`, `field`, `institution`, `graduation_year`, `classification`; lists
/// (`skills`, `languages`) are separated by `;` (by `,` in a file whose separator is `;`). Dates may be written
/// dd/mm/yyyy, codes as their Vietnamese labels (`Nữ`, `Thạc sĩ`). `id`, `version`, `created_at` and `updated_at`
/// columns (as exported) are ignored on import.
public struct CandidateCSV: Sendable {
    let database: Database

    public static let columns = [
        "full_name", "date_of_birth", "gender", "citizen_id", "email", "phone", "province", "sector", "current_employer",
        "current_title", "legal_experience_years", "skills", "languages", "notes", "degree", "field", "institution",
        "graduation_year", "classification",
    ]
    static let ignored: Set<String> = ["id", "version", "created_at", "updated_at", "other_contacts"]
    /// The consent columns (issue 13, item 1): `consent` names the purposes (`recruitment`, `talent_pool` or
    /// `recruitment;talent_pool`), the others fall back to the import's declared notice, channel and evidence.
    public static let consentColumns = ["consent", "consent_notice", "consent_channel", "consent_evidence"]

    /// The Vietnamese header of each column, in `columns` order: the template's first line.
    public static let vietnameseHeaders = [
        "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Email", "Điện thoại", "Tỉnh/thành phố", "Khu vực",
        "Nơi công tác", "Chức vụ", "Số năm kinh nghiệm pháp lý", "Kỹ năng", "Ngoại ngữ", "Ghi chú", "Trình độ",
        "Chuyên ngành", "Trường", "Năm tốt nghiệp", "Xếp loại",
    ]

    /// Other ways officers head a column, folded (accents and case ignored).
    static let headerAliases: [String: String] = {
        var aliases: [String: String] = [:]
        for (column, header) in zip(columns, vietnameseHeaders) { aliases[VietnameseText.fold(header)] = column }
        let more: [String: [String]] = [
            "full_name": ["ho ten", "ten", "ho va ten ung vien"], "date_of_birth": ["ngay thang nam sinh"],
            "citizen_id": ["cccd", "so can cuoc", "so can cuoc cong dan", "so dinh danh", "so dinh danh ca nhan"],
            "email": ["thu dien tu", "e-mail", "dia chi email"], "phone": ["so dien thoai", "sdt", "dien thoai di dong"],
            "province": ["tinh", "tinh thanh", "tinh/thanh"], "sector": ["nguon"],
            "current_employer": ["co quan", "don vi cong tac", "co quan cong tac"], "current_title": ["chuc danh"],
            "legal_experience_years": ["kinh nghiem", "so nam kinh nghiem"], "degree": ["hoc vi", "bang cap"],
            "field": ["nganh"], "institution": ["truong dao tao", "co so dao tao", "noi dao tao"],
            "classification": ["xep loai tot nghiep"], "consent": ["dong y", "su dong y"],
            "consent_notice": ["phien ban thong bao"], "consent_channel": ["hinh thuc dong y"],
            "consent_evidence": ["minh chung dong y"],
        ]
        for (column, names) in more { for name in names { aliases[name] = column } }
        return aliases
    }()

    /// The column a header names: an API field name, or a Vietnamese header (see `headerAliases`).
    static func column(forHeader text: String) -> String {
        let name = text.trimmed.lowercased()
        if columns.contains(name) || ignored.contains(name) || consentColumns.contains(name) { return name }
        return headerAliases[VietnameseText.fold(text.trimmed)] ?? name
    }

    /// The template for officers: a byte-order mark (so Excel reads UTF-8) and the Vietnamese headers, which the
    /// importer reads back.
    public static var template: String {
        CSVWriter.byteOrderMark + CSVWriter.line(vietnameseHeaders)
    }

    /// Imports a CSV read through `nextChunk` (nil at the end). Every row is checked; duplicates against the database
    /// and within the file are rejected rows. Without `skipInvalid`, any rejected row means nothing is imported.
    /// `consent`: the consent declared for the file, or the defaults of its consent columns; people imported with no
    /// consent are counted in the report (`withoutConsent`).
    public func importCSV(skipInvalid: Bool, consent: ImportConsent? = nil, language: Language = .vi, by actor: Principal,
                          progress: @escaping @Sendable (Int) -> Void = { _ in },
                          nextChunk: @escaping @Sendable () throws -> [UInt8]?) async throws -> ImportReport {
        try actor.require([.admin, .hr])
        do {
            return try await database.transaction { tx in
                if let version = consent?.noticeVersion, !(try await tx.consents.noticeExists(version)) {
                    throw ServiceError.invalid("notice", vi: "không có thông báo phiên bản \(version)",
                                               en: "there is no notice of version \(version)")
                }
                let staging = tx.candidateImport
                try await staging.createStaging()
                let importID = UUID()
                let state = ImportState(language: language, consent: consent)
                try await staging.copy { rows in
                    try await Self.stream(state: state, rows: &rows, progress: progress, nextChunk: nextChunk)
                }
                var report = state.report()
                // Rows whose citizen ID, e-mail or phone another profile already has.
                var clashLines: [Int: String] = [:]
                for (line, id, name, field) in try await staging.clashes() where clashLines[line] == nil {
                    clashLines[line] = language == .en
                        ? "\(field): candidate \(name) (\(id.text)) already has it"
                        : "\(field): trùng với ứng viên đã có \(name) (\(id.text))"
                }
                // Rows naming a notice the tracker never showed.
                for (line, version) in try await staging.unknownNotices() where clashLines[line] == nil {
                    clashLines[line] = language == .en ? "consent_notice: there is no notice of version \(version)"
                        : "consent_notice: không có thông báo phiên bản \(version)"
                }
                if !clashLines.isEmpty {
                    for (line, raw) in try await staging.raw(lines: Array(clashLines.keys)) {
                        guard let reason = clashLines[line] else { continue }
                        report.rejected.append(RejectedRow(line: line, reason: reason, fields: raw))
                    }
                    report.rejected.sort { $0.line < $1.line }
                    try await staging.discard(lines: Array(clashLines.keys))
                }
                if !skipInvalid && !report.rejected.isEmpty {
                    throw ImportRefused(report: report)
                }
                let written = try await staging.insertStaged(importID: importID, actor: actor)
                report.imported = report.rows - report.rejected.count
                report.consentsRecorded = written.consents
                report.withoutConsent = written.withoutConsent
                try await tx.audit.record(actor, "candidate.import", "import", importID.text,
                                          extra: ["rows": .number(Double(report.rows)), "imported": .number(Double(report.imported)),
                                                  "rejected": .number(Double(report.rejected.count)),
                                                  "consents": .number(Double(written.consents)),
                                                  "without_consent": .number(Double(written.withoutConsent))])
                report.committed = true
                return report
            }
        } catch let refused as ImportRefused {
            return refused.report
        }
    }

    /// An export of every candidate matching the query, checked (the caller's role, the filters) before anything is
    /// written, so that an edge streaming it can still answer a 4xx.
    public func exporter(_ query: CandidateQuery, json: Bool, by actor: Principal) throws(ServiceError) -> CandidateExport {
        try actor.require([.admin, .hr, .leadership])
        return CandidateExport(database: database, filter: try CandidateService.filter(query, by: actor), json: json,
                               query: query, actor: actor)
    }
}

/// Writes the candidates of a checked export in batches of 1,000, as CSV (with a byte-order mark, so Excel reads the
/// Vietnamese correctly) or as a JSON array of the API's candidate shape; `run` answers how many it wrote.
public struct CandidateExport: Sendable {
    let database: Database
    let filter: CandidateFilter
    public let json: Bool
    let query: CandidateQuery
    let actor: Principal

    /// Writes the export, then its audit entry (at once, not through the read log: exports are rare and heavy), with
    /// the filters (an identifier masked) and how many rows left; an export cut short is recorded as incomplete.
    public func run(write: (String) async throws -> Void) async throws -> Int {
        var count = 0
        do {
            try await rows(write: write, count: &count)
        } catch {
            try? await audit(count, complete: false)
            throw error
        }
        try await audit(count, complete: true)
        return count
    }

    func audit(_ rows: Int, complete: Bool) async throws {
        try await database.transaction { [actor, query, json] tx in
            try await tx.audit.record(actor, "candidate.export", "export", UUID().text, extra: [
                "format": .string(json ? "json" : "csv"), "filters": .object(query.audited),
                "rows": .number(Double(rows)), "complete": .bool(complete),
            ])
        }
    }

    private func rows(write: (String) async throws -> Void, count: inout Int) async throws {
        var cursor: Cursor?
        try await write(json ? "[" : CSVWriter.byteOrderMark + CSVWriter.line(["id"] + CandidateCSV.columns + ["created_at", "version"]))
        repeat {
            let page = try await database.read { [cursor, filter] db in
                try await db.candidates.list(filter, page: PageRequest(batch: 1000, after: cursor))
            }
            for candidate in page.items {
                if json {
                    try await write((count == 0 ? "\n" : ",\n") + candidate.jsonString())
                } else {
                    try await write(CSVWriter.line(CandidateCSV.row(candidate)))
                }
                count += 1
            }
            cursor = try page.nextCursor.map { text throws(ServiceError) in try Cursor(decoding: text) }
        } while cursor != nil
        if json { try await write("\n]\n") }
    }
}

extension CandidateCSV {
    static func row(_ c: Candidate) -> [String] {
        let e = c.education.first
        return [
            c.id.text, c.fullName, c.dateOfBirth?.description ?? "", c.gender?.rawValue ?? "", c.citizenID ?? "", c.email ?? "",
            c.phone ?? "", c.province ?? "", c.sector?.rawValue ?? "", c.currentEmployer ?? "", c.currentTitle ?? "",
            c.legalExperienceYears.map(String.init) ?? "", c.skills.joined(separator: "; "), c.languages.joined(separator: "; "),
            c.notes ?? "", e?.degree.rawValue ?? "", e?.field ?? "", e?.institution ?? "", e?.graduationYear.map(String.init) ?? "",
            e?.classification?.rawValue ?? "", ISO8601DateFormatter().string(from: c.createdAt), String(c.version),
        ]
    }

    /// A file whose text is not UTF-8 (Excel's "CSV (Comma delimited)" on Vietnamese Windows is Windows-1258): refused
    /// whole, so that no garbled name is stored, with how to save it right.
    static func notUTF8(line: Int) -> ServiceError {
        ServiceError.invalid("file", vi: "tệp không phải UTF-8 (từ dòng \(line)): trong Excel chọn Lưu thành → CSV UTF-8 (Comma delimited) (*.csv), rồi nhập lại; không có gì được ghi",
                             en: "the file is not UTF-8 (from line \(line)): in Excel, Save As → CSV UTF-8 (Comma delimited) (*.csv), then import again; nothing was written")
    }

    /// Thrown inside the transaction to roll it back when an all-or-nothing import has invalid rows.
    struct ImportRefused: Error {
        var report: ImportReport
    }

    static func stream(state: ImportState, rows: inout ImportRows,
                       progress: @Sendable (Int) -> Void, nextChunk: @Sendable () throws -> [UInt8]?) async throws {
        var reader = CSVReader()
        var lastReported = 0
        while let chunk = try nextChunk() {
            let records = reader.feed(chunk)
            if let line = reader.invalidEncodingLine {
                throw Self.notUTF8(line: line)
            }
            state.listSeparator = reader.separator == 0x3B ? "," : ";"
            for record in records {
                try state.take(record, into: &rows)
            }
            if rows.pendingBytes > 512 * 1024 { try await rows.flush() }
            if state.rows - lastReported >= 1000 {
                lastReported = state.rows
                progress(state.rows)
            }
        }
        if let line = reader.invalidEncodingLine {
            throw Self.notUTF8(line: line)
        }
        if reader.unterminatedQuote {
            throw ServiceError.invalid("file", vi: "tệp kết thúc giữa một trường có dấu ngoặc kép",
                                       en: "the file ends inside a quoted field")
        }
        if let record = reader.finish() { try state.take(record, into: &rows) }
        try await rows.flush()
        progress(state.rows)
        guard state.header != nil else {
            throw ServiceError.invalid("file", vi: "tệp trống: cần dòng tiêu đề với full_name", en: "the file is empty: a header row with full_name is needed")
        }
    }
}

/// The running state of one import: the header, the in-file duplicate keys, the rejected rows.
final class ImportState: @unchecked Sendable {
    let language: Language
    /// Today, once per import rather than once per row.
    let today = CalendarDate.today()
    var header: [String]?
    var index: [String: Int] = [:]
    var rows = 0
    var rejected: [RejectedRow] = []
    var seen: [String: Int] = [:]
    /// What separates the entries of skills and languages: `;`, or `,` in a file whose fields `;` separates.
    var listSeparator = ";"

    /// The file-wide consent, or the consent columns' defaults.
    let consent: ImportConsent?
    /// When a talent-pool consent given in a file ends: two years after the import, as a nomination's.
    let talentPoolExpiry: CalendarDate

    init(language: Language, consent: ImportConsent? = nil) {
        self.language = language
        self.consent = consent
        talentPoolExpiry = CalendarDate(year: today.year + ValidNomination.talentPoolYears, month: today.month,
                                        day: min(today.day, 28))!
    }

    func report() -> ImportReport {
        ImportReport(header: header ?? [], rows: rows, imported: 0, rejected: rejected, committed: false)
    }

    /// Reads the header, or checks one row and appends it to the rows COPYed into the staging table.
    func take(_ record: CSVReader.Record, into staged: inout ImportRows) throws {
        guard let header else {
            let names = record.fields.map(CandidateCSV.column(forHeader:))
            for (i, name) in names.enumerated() {
                guard CandidateCSV.columns.contains(name) || CandidateCSV.ignored.contains(name)
                        || CandidateCSV.consentColumns.contains(name) else {
                    throw ServiceError.invalid("header", vi: "cột không được hỗ trợ: \(name) (các cột: \(CandidateCSV.columns.joined(separator: ", ")))",
                                               en: "unknown column: \(name) (columns: \(CandidateCSV.columns.joined(separator: ", ")))")
                }
                if index[name] != nil {
                    throw ServiceError.invalid("header", vi: "cột \(name) xuất hiện hai lần", en: "the column \(name) appears twice")
                }
                index[name] = i
            }
            let consentColumns = CandidateCSV.consentColumns.filter { index[$0] != nil }
            if let consent, !consent.purposes.isEmpty, !consentColumns.isEmpty {
                throw ServiceError.invalid("consent", vi: "tệp đã có cột \(consentColumns.joined(separator: ", ")): bỏ khai báo --consent hoặc bỏ các cột đó",
                                           en: "the file has the column \(consentColumns.joined(separator: ", ")): drop --consent or those columns")
            }
            if !consentColumns.isEmpty, index["consent"] == nil {
                throw ServiceError.invalid("header", vi: "có cột \(consentColumns.joined(separator: ", ")) mà thiếu cột consent (mục đích đồng ý)",
                                           en: "the column \(consentColumns.joined(separator: ", ")) needs a consent column (the purposes)")
            }
            if let consent, consent.purposes.isEmpty, index["consent"] == nil {
                throw ServiceError.invalid("consent", vi: "notice, channel, evidence cần --consent hoặc cột consent trong tệp",
                                           en: "notice, channel and evidence need --consent or a consent column in the file")
            }
            guard index["full_name"] != nil else {
                throw ServiceError.invalid("header", vi: "thiếu cột full_name (Họ và tên)", en: "the full_name (Họ và tên) column is missing")
            }
            header = names
            return
        }
        if record.fields.count == 1 && record.fields[0].isEmpty { return }  // a blank line
        rows += 1
        func value(_ name: String) -> String? {
            guard let i = index[name], i < record.fields.count else { return nil }
            let text = record.fields[i].trimmed
            return text.isEmpty ? nil : text
        }
        func reject(_ reason: String) {
            rejected.append(RejectedRow(line: record.line, reason: reason, fields: record.fields))
        }
        if record.fields.count != header.count {
            reject(language == .en ? "has \(record.fields.count) fields, the header \(header.count)"
                   : "có \(record.fields.count) cột, dòng tiêu đề có \(header.count)")
            return
        }
        var numberErrors: [String] = []
        func integer(_ name: String) -> Int? {
            guard let text = value(name) else { return nil }
            guard let n = Int(text) else {
                numberErrors.append(language == .en ? "\(name): must be a whole number" : "\(name): phải là số nguyên")
                return nil
            }
            return n
        }
        let separator = Character(listSeparator)
        let lists = { (name: String) in
            (value(name) ?? "").split(separator: separator).map { $0.trimmed }
        }
        /// A code, or its label as an officer writes it (`Nữ`, `Thạc sĩ`, `Khu vực nhà nước`…).
        func code<Code: LabeledCode & CaseIterable>(_ name: String, _ type: Code.Type) -> String? {
            guard let text = value(name) else { return nil }
            if Code(rawValue: text) != nil { return text }
            return CodeLabels.of(Code.self)[VietnameseText.fold(text)] ?? text
        }
        let draft = CandidateDraft(
            fullName: value("full_name"), dateOfBirth: value("date_of_birth").map(CalendarDate.isoText),
            gender: code("gender", Gender.self),
            citizenID: value("citizen_id"), email: value("email"), phone: value("phone"), province: value("province"),
            education: [EducationDraft(degree: code("degree", Degree.self), field: value("field"),
                                       institution: value("institution"), graduationYear: integer("graduation_year"),
                                       classification: code("classification", Classification.self))],
            sector: code("sector", Sector.self), currentEmployer: value("current_employer"), currentTitle: value("current_title"),
            legalExperienceYears: integer("legal_experience_years"), skills: lists("skills"), languages: lists("languages"),
            notes: value("notes"))
        if !numberErrors.isEmpty {
            reject(numberErrors.joined(separator: "; "))
            return
        }
        let valid: ValidCandidate
        do {
            valid = try ValidCandidate(draft, today: today)
        } catch {
            reject(error.fieldErrors.map { "\($0.field): \($0.message.text(language))" }.joined(separator: "; "))
            return
        }
        // The same person twice in one file is a rejected row, never two profiles.
        let keys = [valid.citizenID.map { "citizen_id:" + $0 }, valid.email.map { "email:" + $0 },
                    valid.phone.map { "phone:" + $0 }].compactMap { $0 }
        if let (clash, first) = keys.lazy.compactMap({ key in self.seen[key].map { (key, $0) } }).first {
            let field = String(clash.prefix { $0 != ":" })
            reject(language == .en ? "\(field): same as line \(first) of this file"
                   : "\(field): trùng với dòng \(first) của tệp này")
            return
        }
        // The consent the row gives, or the file's; a bad one rejects the row.
        var consents: [NewConsent] = []
        let purposes = index["consent"] != nil ? ImportConsent.split(value("consent") ?? "") : (consent?.purposes.map(\.rawValue) ?? [])
        if !purposes.isEmpty {
            let channel = value("consent_channel") ?? consent?.channel?.rawValue
            if let channel, let known = ConsentChannel(rawValue: channel), !ImportConsent.channels.contains(known) {
                reject(language == .en ? "consent_channel: must be paper, email or web" : "consent_channel: phải là paper, email hoặc web")
                return
            }
            do {
                for purpose in purposes {
                    consents.append(try NewConsent(
                        purpose: purpose, noticeVersion: value("consent_notice") ?? consent?.noticeVersion, channel: channel,
                        expiresOn: purpose == ConsentPurpose.talentPool.rawValue ? talentPoolExpiry.description : nil,
                        evidence: value("consent_evidence") ?? consent?.evidence))
                }
            } catch {
                let columns = ["purpose": "consent", "notice_version": "consent_notice", "channel": "consent_channel",
                               "evidence": "consent_evidence"]
                reject(error.fieldErrors.map { "\(columns[$0.field] ?? "consent_" + $0.field): \($0.message.text(language))" }
                    .joined(separator: "; "))
                return
            }
        }
        for key in keys { seen[key] = record.line }
        staged.append(line: record.line, valid, raw: record.fields, consents: consents)
    }
}

/// Each code's labels folded (`Nữ` → `nu`), made once per type rather than once per row of an import.
enum CodeLabels {
    private static let made = Mutex<[ObjectIdentifier: [String: String]]>([:])

    /// The folded Vietnamese and English labels of a code type's cases, to their codes.
    static func of<Code: LabeledCode & CaseIterable>(_ type: Code.Type) -> [String: String] {
        if let found = made.withLock({ $0[ObjectIdentifier(type)] }) { return found }
        var labels: [String: String] = [:]
        for code in Code.allCases.reversed() {   // the first case wins, as a search in order would find it
            labels[VietnameseText.fold(code.label.en)] = code.rawValue
            labels[VietnameseText.fold(code.label.vi)] = code.rawValue
        }
        made.withLock { $0[ObjectIdentifier(type)] = labels }
        return labels
    }
}
