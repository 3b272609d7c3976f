import Foundation
import Logging
import NIOCore
import PostgresNIO
import TalentDomain

/// SQL for candidate profiles and their education records.
public struct CandidateTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        c.id, c.full_name, c.date_of_birth::text, c.gender, c.citizen_id, c.email, c.phone, c.province, c.sector,
        c.current_employer, c.current_title, c.legal_experience_years, c.skills, c.languages, c.notes, c.version,
        c.created_at, c.updated_at, (extract(epoch FROM c.created_at) * 1000000)::bigint, c.sort_key,
        ARRAY(SELECT concat_ws(chr(31), e.degree, coalesce(e.field, chr(30)), coalesce(e.institution, chr(30)),
                               coalesce(e.graduation_year::text, chr(30)), coalesce(e.classification, chr(30)))
              FROM candidate_education e WHERE e.candidate_id = c.id ORDER BY e.ordinal),
        ARRAY(SELECT concat_ws(chr(31), k.kind, k.value, coalesce(k.merged_from::text, ''))
              FROM candidate_contacts k WHERE k.candidate_id = c.id ORDER BY k.added_at, k.kind, k.value)
        """

    /// A candidate with its keyset positions (created_at in microseconds, and the name sort key, or in a list by
    /// relevance the rank in its place).
    struct Row {
        var candidate: Candidate
        var createdMicros: Int64
        var sortKey: String
    }

    /// Decodes candidate rows. Education records come in the same row as one text per record, fields separated by
    /// U+001F and a missing value written U+001E (one round trip, and no JSON to parse).
    static func decode(_ rows: PostgresRowSequence) async throws -> [Row] {
        var result: [Row] = []
        for try await (id, name, dob, gender, citizenID, email, phone, province, sector, employer, title, years, skills,
                       languages, notes, version, createdAt, updatedAt, micros, sortKey, education, contacts)
            in rows.decode((UUID, String, String?, String?, String?, String?, String?, String?, String?, String?, String?,
                            Int?, [String], [String], String?, Int, Date, Date, Int64, String, [String], [String]).self) {
            let candidate = Candidate(
                id: id, fullName: name, dateOfBirth: dob.flatMap(CalendarDate.init), gender: gender.flatMap(Gender.init),
                citizenID: citizenID, email: email, phone: phone, province: province,
                education: education.map(Self.educationRecord),
                sector: sector.flatMap(Sector.init), currentEmployer: employer, currentTitle: title,
                legalExperienceYears: years, skills: skills, languages: languages, notes: notes,
                otherContacts: contacts.compactMap(Self.contact), version: version, createdAt: createdAt,
                updatedAt: updatedAt)
            result.append(Row(candidate: candidate, createdMicros: micros, sortKey: sortKey))
        }
        return result
    }

    /// A secondary contact packed as `kind U+001F value U+001F merged_from`.
    static func contact(_ packed: String) -> CandidateContact? {
        let parts = packed.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let kind = ContactKind(rawValue: parts[0]) else { return nil }
        return CandidateContact(kind: kind, value: parts[1], mergedFrom: UUID(uuidString: parts[2]))
    }

    static func educationRecord(_ packed: String) -> EducationRecord {
        let parts = packed.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            .map { $0 == "\u{1E}" ? nil : String($0) }
        func part(_ i: Int) -> String? { i < parts.count ? parts[i] : nil }
        return EducationRecord(degree: part(0).flatMap(Degree.init) ?? .other, field: part(1), institution: part(2),
                               graduationYear: part(3).flatMap { Int($0) }, classification: part(4).flatMap(Classification.init))
    }

    /// Inserts a profile; `createdBy` is the staff user who added it (an agency's HR reads those).
    public func insert(_ c: ValidCandidate, createdBy: UUID? = nil) async throws -> Candidate {
        let rows = try await connection.query("""
            INSERT INTO candidates (full_name, search_name, sort_key, date_of_birth, gender, citizen_id, email, phone,
                                    province, sector, current_employer, current_title, legal_experience_years, skills,
                                    languages, notes, created_by)
            VALUES (\(c.fullName), \(c.searchName), \(c.sortKey), \(c.dateOfBirth?.description)::date, \(c.gender?.rawValue),
                    \(c.citizenID), \(c.email), \(c.phone), \(c.province), \(c.sector?.rawValue), \(c.currentEmployer),
                    \(c.currentTitle), \(c.legalExperienceYears), \(c.skills), \(c.languages), \(c.notes), \(createdBy))
            RETURNING id, version, created_at, updated_at
            """, logger: logger)
        var inserted: (UUID, Int, Date, Date)?
        for try await row in rows.decode((UUID, Int, Date, Date).self) { inserted = row }
        let (id, version, createdAt, updatedAt) = inserted!
        try await replaceEducation(id, c.education, fresh: true)
        // The stored profile is exactly the checked one: no need to read it back.
        return Candidate(c, id: id, version: version, createdAt: createdAt, updatedAt: updatedAt)
    }

    /// Writes the profile if its version is still `expectedVersion`; false when it is not (a concurrent change).
    public func update(_ id: UUID, expectedVersion: Int, to c: ValidCandidate) async throws -> Bool {
        let rows = try await connection.query("""
            UPDATE candidates SET full_name = \(c.fullName), search_name = \(c.searchName), sort_key = \(c.sortKey),
                date_of_birth = \(c.dateOfBirth?.description)::date, gender = \(c.gender?.rawValue),
                citizen_id = \(c.citizenID), email = \(c.email), phone = \(c.phone), province = \(c.province),
                sector = \(c.sector?.rawValue), current_employer = \(c.currentEmployer), current_title = \(c.currentTitle),
                legal_experience_years = \(c.legalExperienceYears), skills = \(c.skills), languages = \(c.languages),
                notes = \(c.notes), version = version + 1, updated_at = now()
            WHERE id = \(id) AND version = \(expectedVersion)
            RETURNING id
            """, logger: logger)
        var updated = false
        for try await _ in rows.decode(UUID.self) { updated = true }
        if updated { try await replaceEducation(id, c.education) }
        return updated
    }

    /// `fresh`: a new candidate, with nothing to delete first.
    func replaceEducation(_ id: UUID, _ records: [EducationRecord], fresh: Bool = false) async throws {
        if !fresh { try await connection.query("DELETE FROM candidate_education WHERE candidate_id = \(id)", logger: logger) }
        for (ordinal, r) in records.enumerated() {
            try await connection.query("""
                INSERT INTO candidate_education (candidate_id, ordinal, degree, field, institution, institution_folded,
                                                 graduation_year, classification)
                VALUES (\(id), \(ordinal), \(r.degree.rawValue), \(r.field), \(r.institution),
                        \(r.institution.map(VietnameseText.fold)), \(r.graduationYear), \(r.classification?.rawValue))
                """, logger: logger)
        }
    }

    /// Keeps e-mails and phones on the profile besides its own (one already there is left as it is).
    public func addContacts(_ id: UUID, _ contacts: [CandidateContact]) async throws {
        for contact in contacts {
            try await connection.query("""
                INSERT INTO candidate_contacts (candidate_id, kind, value, merged_from)
                VALUES (\(id), \(contact.kind.rawValue), \(contact.value), \(contact.mergedFrom))
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }

    public func get(_ id: UUID, forUpdate: Bool = false) async throws -> Candidate? {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM candidates c WHERE c.id = \(id) AND c.erased_at IS NULL \(unescaped: forUpdate ? "FOR UPDATE OF c" : "")
            """, logger: logger)).first?.candidate
    }

    /// Locks the candidate's row until the transaction ends, reading nothing.
    public func lock(_ id: UUID) async throws {
        try await connection.query("SELECT 1 FROM candidates WHERE id = \(id) FOR UPDATE", logger: logger)
    }

    public func delete(_ id: UUID) async throws {
        try await connection.query("DELETE FROM candidates WHERE id = \(id)", logger: logger)
    }

    /// The records that share a citizen ID, e-mail or phone with the given values (other than `excluding`), their
    /// secondary contacts included.
    public func exactMatches(citizenID: String?, email: String?, phone: String?,
                             excluding: UUID? = nil) async throws -> [Candidate] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM candidates c
            WHERE (c.citizen_id = \(citizenID) OR c.email = \(email) OR c.phone = \(phone)
                   OR c.id IN (SELECT k.candidate_id FROM candidate_contacts k WHERE k.value IN (\(email), \(phone))))
              AND (\(excluding)::uuid IS NULL OR c.id <> \(excluding))
            """, logger: logger)).map(\.candidate)
    }

    /// Likely duplicates of a profile: the same name (ignoring accents and case) with the same date of birth, or a
    /// very similar name (trigram similarity ≥ 0.6) with an education record at the same institution.
    public func likelyDuplicates(searchName: String, dateOfBirth: CalendarDate?, institutions: [String],
                                 excluding: UUID?) async throws -> [Candidate] {
        let folded = institutions.map(VietnameseText.fold)
        return try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM candidates c
            WHERE (\(excluding)::uuid IS NULL OR c.id <> \(excluding))
              AND ((c.search_name = \(searchName) AND c.date_of_birth = \(dateOfBirth?.description)::date)
                   OR (c.search_name % \(searchName) AND similarity(c.search_name, \(searchName)) >= 0.6
                       AND EXISTS (SELECT 1 FROM candidate_education e
                                   WHERE e.candidate_id = c.id AND e.institution_folded = ANY(\(folded)))))
            ORDER BY c.created_at
            LIMIT 20
            """, logger: logger)).map(\.candidate)
    }

    /// Pairs of likely duplicates across all candidates (the same folded name and date of birth), oldest first.
    public func duplicatePairs(limit: Int) async throws -> [(UUID, UUID)] {
        let rows = try await connection.query("""
            SELECT a.id, b.id FROM candidates a
            JOIN candidates b ON b.search_name = a.search_name AND b.date_of_birth = a.date_of_birth
                             AND b.erased_at IS NULL
                             AND (b.created_at, b.id) > (a.created_at, a.id)
            ORDER BY a.created_at, a.id LIMIT \(limit)
            """, logger: logger)
        var pairs: [(UUID, UUID)] = []
        for try await (a, b) in rows.decode((UUID, UUID).self) { pairs.append((a, b)) }
        return pairs
    }

    /// A page of candidates matching the filter, keyset-paginated in the filter's order. A search ranked by relevance
    /// of up to three words reads its best ranks first (`rankedList`), bounded at a million candidates; `plan`
    /// chooses the other statement, for the tests that compare the two.
    public func list(_ filter: CandidateFilter, page: PageRequest, plan: SearchPlan = .automatic) async throws -> Page<Candidate> {
        if filter.sort == .relevance, (1...Self.rankedWords).contains(filter.words.count) {
            switch plan {
            case .automatic: return try await rankedList(filter, page: page, window: Self.searchWindow)
            case .tiered(let window): return try await rankedList(filter, page: page, window: window)
            case .general: break
            }
        }
        var q = SQLBuilder("")
        let sort = filter.sort
        let search = filter.words.isEmpty ? nil : SearchSQL(filter, &q)
        let rank = search?.rank ?? "0"
        // The keyset key after created_at: the name's sort key, or for `relevance` the rank (selected in its place).
        let columns = sort == .relevance ? Self.columns.replacingOccurrences(of: "c.sort_key,", with: "(\(rank))::text,")
            : Self.columns
        q.append("SELECT \(columns) FROM candidates c WHERE c.erased_at IS NULL")
        if let search { q.append(" AND " + search.match) }
        Self.appendFilters(filter, &q)
        if let cursor = page.cursor {
            switch sort {
            case .newest, .oldest:
                let op = sort == .newest ? "<" : ">"
                q.append(" AND (c.created_at, c.id) \(op) (\(Self.timestamp(try Self.micros(cursor.key), &q)), \(q.bind(try Self.id(cursor))))")
            case .name:
                q.append(" AND (c.sort_key, c.id) > (\(q.bind(cursor.key)), \(q.bind(try Self.id(cursor))))")
            case .relevance:
                let after = try RankedPosition(cursor)
                q.append(" AND (\(rank), c.created_at, c.id) < (\(q.bind(after.rank)), \(Self.timestamp(after.micros, &q)), \(q.bind(after.id)))")
            }
        }
        switch sort {
        case .newest: q.append(" ORDER BY c.created_at DESC, c.id DESC")
        case .oldest: q.append(" ORDER BY c.created_at, c.id")
        case .name: q.append(" ORDER BY c.sort_key, c.id")
        case .relevance: q.append(" ORDER BY \(rank) DESC, c.created_at DESC, c.id DESC")
        }
        q.append(" LIMIT \(q.bind(page.limit + 1))")
        let rows = try await Self.decode(connection.query(q.query, logger: logger))
        return Self.page(rows, sort: sort, limit: page.limit)
    }

    /// The page of the first `limit` rows, with a cursor after the last when there were more.
    static func page(_ rows: [Row], sort: CandidateSort, limit: Int) -> Page<Candidate> {
        let next = rows.count > limit ? rows[limit - 1] : nil
        return Page(items: rows.prefix(limit).map(\.candidate), nextCursor: next.map { row in
            let key = switch sort {
            case .newest, .oldest: String(row.createdMicros)
            case .name: row.sortKey
            case .relevance: row.sortKey + ":" + String(row.createdMicros)
            }
            return Cursor(key: key, id: row.candidate.id.text).encoded
        })
    }

    /// The filters other than the search text, each as ` AND …` on the candidate `c`.
    static func appendFilters(_ filter: CandidateFilter, _ q: inout SQLBuilder) {
        if let reach = filter.reach.candidateCondition(&q) { q.append(" AND " + reach) }
        if let sector = filter.sector { q.append(" AND c.sector = \(q.bind(sector.rawValue))") }
        if filter.degree != nil || filter.graduationYear != nil {
            var clause = " AND EXISTS (SELECT 1 FROM candidate_education e WHERE e.candidate_id = c.id"
            if let degree = filter.degree { clause += " AND e.degree = \(q.bind(degree.rawValue))" }
            if let year = filter.graduationYear { clause += " AND e.graduation_year = \(q.bind(year))" }
            q.append(clause + ")")
        }
        if filter.stage != nil || filter.agency != nil || filter.positionID != nil {
            var clause = " AND EXISTS (SELECT 1 FROM applications a JOIN positions p ON p.id = a.position_id WHERE a.candidate_id = c.id"
            if let stage = filter.stage { clause += " AND a.stage = \(q.bind(stage.rawValue))" }
            if let agency = filter.agency { clause += " AND p.agency_code = \(q.bind(agency))" }
            if let position = filter.positionID { clause += " AND a.position_id = \(q.bind(position))" }
            // Only an application within reach can make a candidate match: a candidate of one's own agency is not
            // found through their application at another (its stage, agency or position would leak).
            if let reach = filter.reach.applicationCondition(&q) { clause += " AND " + reach }
            q.append(clause + ")")
        }
        if !filter.documentWords.isEmpty {
            // Every word in one document's folded text (the trigram index finds the documents). Only the kinds the
            // reader may read make a candidate match (an evaluator: CV, diplomas, transcripts), and a card scan never.
            let role: Role = if case .panels = filter.reach { .evaluator } else { .leadership }
            let kinds = DocumentKind.allCases.filter { $0.readers.contains(role) }.map(\.rawValue)
            var clause = " AND EXISTS (SELECT 1 FROM documents d WHERE d.candidate_id = c.id AND d.kind = ANY(\(q.bind(kinds)))"
            for word in filter.documentWords {
                clause += " AND d.search_text LIKE \(q.bind("%" + Self.likeEscaped(word) + "%"))"
            }
            q.append(clause + ")")
        }
        q.append(createdRange(filter, &q))
    }

    /// A word for LIKE, its `%`, `_` and `\\` matched as themselves.
    static func likeEscaped(_ word: String) -> String {
        word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// The filter's creation dates (days in Vietnam's time) as ` AND …` on `c.created_at`, or nothing.
    static func createdRange(_ filter: CandidateFilter, _ q: inout SQLBuilder) -> String {
        var clause = ""
        if let from = filter.createdFrom {
            clause += " AND c.created_at >= (\(q.bind(from.description))::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')"
        }
        if let to = filter.createdTo {
            clause += " AND c.created_at < ((\(q.bind(to.description))::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')"
        }
        return clause
    }

    static let invalidCursor = ServiceError.invalid("cursor", vi: "con trỏ trang không hợp lệ", en: "is not a cursor this API returned")

    static func micros(_ text: String) throws(ServiceError) -> Int64 {
        guard let micros = Int64(text) else { throw invalidCursor }
        return micros
    }

    static func id(_ cursor: Cursor) throws(ServiceError) -> UUID {
        guard let id = UUID(uuidString: cursor.id) else { throw invalidCursor }
        return id
    }

    /// A creation time given in microseconds since the epoch (a cursor's key), as exact SQL.
    static func timestamp(_ micros: Int64, _ q: inout SQLBuilder) -> String {
        "('epoch'::timestamptz + \(q.bind(micros)) * interval '1 microsecond')"
    }

    /// COPYs candidates, and then their education records, in two statements (the search name, sort key and folded
    /// institution computed as `insert` computes them).
    public func copy(_ candidates: some Sequence<BulkCandidate>) async throws {
        var education = ByteBuffer()
        try await connection.copyFrom(table: "candidates", columns: [
            "id", "full_name", "search_name", "sort_key", "date_of_birth", "gender", "citizen_id", "email", "phone",
            "sector", "created_at", "updated_at",
        ], logger: logger) { writer in
            var buffer = ByteBuffer()
            for person in candidates {
                CopyText.appendRow([
                    person.id.uuidString, person.fullName, VietnameseText.fold(person.fullName),
                    VietnameseText.sortKey(person.fullName), person.dateOfBirth, person.gender, person.citizenID,
                    person.email, person.phone, person.sector, person.createdAt, person.createdAt,
                ], to: &buffer)
                if let e = person.education {
                    CopyText.appendRow([person.id.uuidString, "0", e.degree, e.field, e.institution,
                                        VietnameseText.fold(e.institution), e.graduationYear, e.classification],
                                       to: &education)
                }
                if buffer.readableBytes > 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            try await writer.write(buffer)
        }
        try await connection.copyFrom(table: "candidate_education", columns: [
            "candidate_id", "ordinal", "degree", "field", "institution", "institution_folded", "graduation_year",
            "classification",
        ], logger: logger) { writer in
            try await writer.write(education)
        }
    }
}
