import Foundation
import Logging
import NIOCore
import PostgresNIO
import TalentDomain
import TalentStore

/// A CSV row that was not imported, with why.
public struct RejectedRow: Sendable, Encodable {
    /// The file line the row starts on (the header is line 1).
    public var line: Int
    public var reason: String
    public var fields: [String]
}

/// What an import did.
public struct ImportReport: Sendable, Encodable {
    public var header: [String]
    public var rows: Int
    public var imported: Int
    public var rejected: [RejectedRow]
    /// False when nothing was written (an all-or-nothing import with invalid rows).
    public var committed: Bool
}

/// CSV import and export of candidate profiles. Columns are the API's field names; the first education record is
/// `degree`, `field`, `institution`, `graduation_year`, `classification`; lists (`skills`, `languages`) are separated
/// by `;`. `id`, `version`, `created_at` and `updated_at` columns (as exported) are ignored on import.
public struct CandidateCSV: Sendable {
    let database: Database

    public static let columns = [
        "full_name", "date_of_birth", "gender", "citizen_id", "email", "phone", "province", "sector", "current_employer",
        "current_title", "legal_experience_years", "skills", "languages", "notes", "degree", "field", "institution",
        "graduation_year", "classification",
    ]
    static let ignored: Set<String> = ["id", "version", "created_at", "updated_at"]

    /// Imports a CSV read through `nextChunk` (nil at the end). Every row is checked; duplicates against the database
    /// and within the file are rejected rows. Without `skipInvalid`, any rejected row means nothing is imported.
    public func importCSV(skipInvalid: Bool, language: Language = .vi, by actor: Principal,
                          progress: @escaping @Sendable (Int) -> Void = { _ in },
                          nextChunk: @escaping @Sendable () throws -> [UInt8]?) async throws -> ImportReport {
        try actor.require([.admin, .hr])
        let logger = database.logger
        do {
            return try await database.transaction { tx in
                let c = tx.connection
                try await c.query("""
                    CREATE TEMP TABLE import_rows (
                        line int NOT NULL, id uuid NOT NULL, full_name text, search_name text, sort_key text,
                        date_of_birth date, gender text, citizen_id text, email text, phone text, province text,
                        sector text, current_employer text, current_title text, legal_experience_years int,
                        skills text[], languages text[], notes text, degree text, field text, institution text,
                        institution_folded text, graduation_year int, classification text, raw text[]
                    ) ON COMMIT DROP
                    """, logger: logger)
                // Trigram index entries go to the GIN pending list and are merged later in bulk, which makes large
                // imports several times faster.
                try await c.query("SET LOCAL gin_pending_list_limit = '64MB'", logger: logger)
                let importID = UUID()
                let state = ImportState(language: language)
                try await c.copyFrom(table: "import_rows", logger: logger) { writer in
                    try await Self.stream(state: state, writer: writer, progress: progress, nextChunk: nextChunk)
                }
                var report = state.report()
                // Rows whose citizen ID, e-mail or phone another profile already has.
                let clashes = try await c.query("""
                    SELECT r.line, c.id, c.full_name, 'citizen_id' FROM import_rows r JOIN candidates c ON c.citizen_id = r.citizen_id
                    UNION ALL
                    SELECT r.line, c.id, c.full_name, 'email' FROM import_rows r JOIN candidates c ON c.email = r.email
                    UNION ALL
                    SELECT r.line, c.id, c.full_name, 'phone' FROM import_rows r JOIN candidates c ON c.phone = r.phone
                    """, logger: logger)
                var clashLines: [Int: String] = [:]
                for try await (line, id, name, field) in clashes.decode((Int, UUID, String, String).self) where clashLines[line] == nil {
                    clashLines[line] = language == .en
                        ? "\(field): candidate \(name) (\(id.text)) already has it"
                        : "\(field): trùng với ứng viên đã có \(name) (\(id.text))"
                }
                if !clashLines.isEmpty {
                    let rows = try await c.query(
                        "SELECT line, raw FROM import_rows WHERE line = ANY(\(Array(clashLines.keys)))", logger: logger)
                    for try await (line, raw) in rows.decode((Int, [String]).self) {
                        report.rejected.append(RejectedRow(line: line, reason: clashLines[line]!, fields: raw))
                    }
                    report.rejected.sort { $0.line < $1.line }
                    try await c.query("DELETE FROM import_rows WHERE line = ANY(\(Array(clashLines.keys)))", logger: logger)
                }
                if !skipInvalid && !report.rejected.isEmpty {
                    throw ImportRefused(report: report)
                }
                try await c.query("""
                    INSERT INTO candidates (id, full_name, search_name, sort_key, date_of_birth, gender, citizen_id, email,
                                            phone, province, sector, current_employer, current_title,
                                            legal_experience_years, skills, languages, notes)
                    SELECT id, full_name, search_name, sort_key, date_of_birth, gender, citizen_id, email, phone, province,
                           sector, current_employer, current_title, legal_experience_years, skills, languages, notes
                    FROM import_rows ORDER BY line
                    """, logger: logger)
                try await c.query("""
                    INSERT INTO candidate_education (candidate_id, ordinal, degree, field, institution, institution_folded,
                                                     graduation_year, classification)
                    SELECT id, 0, degree, field, institution, institution_folded, graduation_year, classification
                    FROM import_rows WHERE degree IS NOT NULL
                    """, logger: logger)
                try await c.query("""
                    INSERT INTO audit_log (actor, role, channel, action, entity_type, entity_id, changes, actor_user_id, token_id)
                    SELECT \(actor.name), \(actor.role.rawValue), \(actor.channel.rawValue), 'candidate.import', 'candidate',
                           id::text, jsonb_build_object('import_id', \(importID.text)::text, 'line', line),
                           \(actor.userID), \(actor.tokenID)
                    FROM import_rows r
                    """, logger: logger)
                report.imported = report.rows - report.rejected.count
                try await tx.audit.record(actor, "candidate.import", "import", importID.text,
                                          extra: ["rows": .number(Double(report.rows)), "imported": .number(Double(report.imported)),
                                                  "rejected": .number(Double(report.rejected.count))])
                report.committed = true
                return report
            }
        } catch let refused as ImportRefused {
            return refused.report
        }
    }

    /// Writes every candidate matching the query, in batches, as CSV (with a byte-order mark, so Excel reads the
    /// Vietnamese correctly) or as a JSON array of the API's candidate shape.
    public func export(_ query: CandidateQuery, json: Bool, by actor: Principal,
                       write: @escaping @Sendable (String) throws -> Void) async throws -> Int {
        try actor.require([.admin, .hr, .leadership])
        let filter = try CandidateFilter(query)
        var cursor: Cursor?
        var count = 0
        try write(json ? "[" : CSVWriter.byteOrderMark + CSVWriter.line(["id"] + Self.columns + ["created_at", "version"]))
        repeat {
            let page = try await database.read { [cursor] tx in
                let c = tx.connection
                return try await CandidateTable.list(filter, page: PageRequest(batch: 1000, after: cursor), on: c, logger: database.logger)
            }
            for candidate in page.items {
                if json {
                    try write((count == 0 ? "\n" : ",\n") + JSONFormat.string(candidate))
                } else {
                    try write(CSVWriter.line(Self.row(candidate)))
                }
                count += 1
            }
            cursor = try page.nextCursor.map { text throws(ServiceError) in try Cursor(decoding: text) }
        } while cursor != nil
        if json { try write("\n]\n") }
        return count
    }

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

    /// Thrown inside the transaction to roll it back when an all-or-nothing import has invalid rows.
    struct ImportRefused: Error {
        var report: ImportReport
    }

    static func stream(state: ImportState, writer: PostgresCopyFromWriter,
                       progress: @Sendable (Int) -> Void, nextChunk: @Sendable () throws -> [UInt8]?) async throws {
        var reader = CSVReader()
        var buffer = ByteBuffer()
        func flush() async throws {
            if buffer.readableBytes > 0 {
                try await writer.write(buffer)
                buffer.clear()
            }
        }
        var lastReported = 0
        while let chunk = try nextChunk() {
            for record in reader.feed(chunk) {
                try state.take(record, into: &buffer)
            }
            if buffer.readableBytes > 512 * 1024 { try await flush() }
            if state.rows - lastReported >= 1000 {
                lastReported = state.rows
                progress(state.rows)
            }
        }
        if reader.unterminatedQuote {
            throw ServiceError.invalid("file", vi: "tệp kết thúc giữa một trường có dấu ngoặc kép",
                                       en: "the file ends inside a quoted field")
        }
        if let record = reader.finish() { try state.take(record, into: &buffer) }
        try await flush()
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

    init(language: Language) {
        self.language = language
    }

    func report() -> ImportReport {
        ImportReport(header: header ?? [], rows: rows, imported: 0, rejected: rejected, committed: false)
    }

    /// Reads the header, or checks one row and appends it to the COPY buffer.
    func take(_ record: CSVReader.Record, into buffer: inout ByteBuffer) throws {
        guard header != nil else {
            let names = record.fields.map { $0.trimmed.lowercased() }
            for (i, name) in names.enumerated() {
                guard CandidateCSV.columns.contains(name) || CandidateCSV.ignored.contains(name) else {
                    throw ServiceError.invalid("header", vi: "cột không được hỗ trợ: \(name) (các cột: \(CandidateCSV.columns.joined(separator: ", ")))",
                                               en: "unknown column: \(name) (columns: \(CandidateCSV.columns.joined(separator: ", ")))")
                }
                if index[name] != nil {
                    throw ServiceError.invalid("header", vi: "cột \(name) xuất hiện hai lần", en: "the column \(name) appears twice")
                }
                index[name] = i
            }
            guard index["full_name"] != nil else {
                throw ServiceError.invalid("header", vi: "thiếu cột full_name", en: "the full_name column is missing")
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
        if record.fields.count != header!.count {
            reject(language == .en ? "has \(record.fields.count) fields, the header \(header!.count)"
                   : "có \(record.fields.count) cột, dòng tiêu đề có \(header!.count)")
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
        let lists = { (name: String) in
            (value(name) ?? "").split(separator: ";").map { $0.trimmed }
        }
        let draft = CandidateDraft(
            fullName: value("full_name"), dateOfBirth: value("date_of_birth"), gender: value("gender"),
            citizenID: value("citizen_id"), email: value("email"), phone: value("phone"), province: value("province"),
            education: [EducationDraft(degree: value("degree"), field: value("field"), institution: value("institution"),
                                       graduationYear: integer("graduation_year"), classification: value("classification"))],
            sector: value("sector"), currentEmployer: value("current_employer"), currentTitle: value("current_title"),
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
        if let clash = keys.first(where: { seen[$0] != nil }) {
            let field = String(clash.prefix { $0 != ":" })
            reject(language == .en ? "\(field): same as line \(seen[clash]!) of this file"
                   : "\(field): trùng với dòng \(seen[clash]!) của tệp này")
            return
        }
        for key in keys { seen[key] = record.line }
        let education = valid.education.first
        let columns: [String?] = [
            String(record.line), UUID().uuidString, valid.fullName, valid.searchName, valid.sortKey,
            valid.dateOfBirth?.description, valid.gender?.rawValue, valid.citizenID, valid.email, valid.phone,
            valid.province, valid.sector?.rawValue, valid.currentEmployer, valid.currentTitle,
            valid.legalExperienceYears.map(String.init), CopyText.array(valid.skills), CopyText.array(valid.languages),
            valid.notes, education?.degree.rawValue, education?.field, education?.institution,
            education?.institution.map(VietnameseText.fold), education?.graduationYear.map(String.init),
            education?.classification?.rawValue, CopyText.array(record.fields),
        ]
        CopyText.appendRow(columns, to: &buffer)
    }
}

/// PostgreSQL's COPY text format.
enum CopyText {
    static func appendRow(_ values: [String?], to buffer: inout ByteBuffer) {
        for (i, value) in values.enumerated() {
            if i > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.writeString("\\N")
                continue
            }
            if !value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == 0x0A || $0 == 0x0D }) {
                buffer.writeString(value)
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeString("\\t")
                case UInt8(ascii: "\n"): buffer.writeString("\\n")
                case UInt8(ascii: "\r"): buffer.writeString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// An array literal `{"a","b"}` (before the COPY escaping of `appendRow`).
    static func array(_ items: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in item.utf8 {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
