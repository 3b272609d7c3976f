import Foundation
import Logging
import NIOCore
import PostgresNIO
import TalentDomain

/// SQL of the CSV import: the checked rows are COPYed into a staging table that lives as long as the transaction,
/// checked against the stored profiles there, and moved into `candidates` in a few statements.
public struct CandidateImportTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Creates the staging table, dropped at COMMIT or ROLLBACK.
    public func createStaging() async throws {
        try await connection.query("""
            CREATE TEMP TABLE import_rows (
                line int NOT NULL, id uuid NOT NULL, full_name text, search_name text, sort_key text,
                date_of_birth date, gender text, citizen_id text, email text, phone text, province text,
                sector text, current_employer text, current_title text, legal_experience_years int,
                skills text[], languages text[], notes text, degree text, field text, institution text,
                institution_folded text, graduation_year int, classification text, raw text[],
                consent_purposes text[], consent_notice text, consent_channel text, consent_evidence text,
                consent_expires date
            ) ON COMMIT DROP
            """, logger: logger)
        // Trigram index entries go to the GIN pending list and are merged later in bulk, which makes large
        // imports several times faster.
        try await connection.query("SET LOCAL gin_pending_list_limit = '64MB'", logger: logger)
    }

    /// COPYs the rows that `body` appends into the staging table.
    public func copy(_ body: (inout ImportRows) async throws -> Void) async throws {
        try await connection.copyFrom(table: "import_rows", logger: logger) { writer in
            var rows = ImportRows(writer: writer)
            try await body(&rows)
        }
    }

    /// Staged rows whose citizen ID, e-mail or phone another profile already has (its secondary contacts too), by
    /// line (a line may clash on several fields).
    public func clashes() async throws -> [(line: Int, id: UUID, name: String, field: String)] {
        let rows = try await connection.query("""
            SELECT r.line, c.id, c.full_name, 'citizen_id' FROM import_rows r JOIN candidates c ON c.citizen_id = r.citizen_id
            UNION ALL
            SELECT r.line, c.id, c.full_name, 'email' FROM import_rows r JOIN candidates c ON c.email = r.email
            UNION ALL
            SELECT r.line, c.id, c.full_name, 'phone' FROM import_rows r JOIN candidates c ON c.phone = r.phone
            UNION ALL
            SELECT r.line, c.id, c.full_name, k.kind FROM import_rows r
            JOIN candidate_contacts k ON k.value = r.email OR k.value = r.phone JOIN candidates c ON c.id = k.candidate_id
            """, logger: logger)
        var result: [(line: Int, id: UUID, name: String, field: String)] = []
        for try await (line, id, name, field) in rows.decode((Int, UUID, String, String).self) {
            result.append((line, id, name, field))
        }
        return result
    }

    /// Staged lines whose consent names a notice the tracker never showed, with the version named.
    public func unknownNotices() async throws -> [(line: Int, version: String)] {
        let rows = try await connection.query("""
            SELECT r.line, r.consent_notice FROM import_rows r
            WHERE r.consent_notice IS NOT NULL AND NOT EXISTS (SELECT 1 FROM privacy_notices n WHERE n.version = r.consent_notice)
            """, logger: logger)
        var result: [(line: Int, version: String)] = []
        for try await (line, version) in rows.decode((Int, String).self) { result.append((line, version)) }
        return result
    }

    /// The fields of some staged lines, as the file had them.
    public func raw(lines: [Int]) async throws -> [(line: Int, fields: [String])] {
        let rows = try await connection.query("SELECT line, raw FROM import_rows WHERE line = ANY(\(lines))", logger: logger)
        var result: [(line: Int, fields: [String])] = []
        for try await (line, raw) in rows.decode((Int, [String]).self) { result.append((line, raw)) }
        return result
    }

    /// Takes some lines out of the staging table (rejected rows).
    public func discard(lines: [Int]) async throws {
        try await connection.query("DELETE FROM import_rows WHERE line = ANY(\(lines))", logger: logger)
    }

    /// Writes every staged row as a candidate with its education record, and one audit entry per candidate naming
    /// the import and the line.
    /// Their consents go in the same way, one per person and purpose, recorded by the actor at the import's time.
    public func insertStaged(importID: UUID, actor: Principal) async throws -> (consents: Int, withoutConsent: Int) {
        try await connection.query("""
            INSERT INTO candidates (id, full_name, search_name, sort_key, date_of_birth, gender, citizen_id, email,
                                    phone, province, sector, current_employer, current_title,
                                    legal_experience_years, skills, languages, notes, created_by)
            SELECT id, full_name, search_name, sort_key, date_of_birth, gender, citizen_id, email, phone, province,
                   sector, current_employer, current_title, legal_experience_years, skills, languages, notes,
                   \(actor.userID)::uuid
            FROM import_rows ORDER BY line
            """, logger: logger)
        try await connection.query("""
            INSERT INTO candidate_education (candidate_id, ordinal, degree, field, institution, institution_folded,
                                             graduation_year, classification)
            SELECT id, 0, degree, field, institution, institution_folded, graduation_year, classification
            FROM import_rows WHERE degree IS NOT NULL
            """, logger: logger)
        try await connection.query("""
            INSERT INTO audit_log (actor, role, channel, action, entity_type, entity_id, changes, actor_user_id, token_id)
            SELECT \(actor.name), \(actor.role.rawValue), \(actor.channel.rawValue), 'candidate.import', 'candidate',
                   id::text, jsonb_build_object('import_id', \(importID.text)::text, 'line', line)
                       || CASE WHEN cardinality(consent_purposes) > 0
                               THEN jsonb_build_object('consents', to_jsonb(consent_purposes)) ELSE '{}'::jsonb END,
                   \(actor.userID), \(actor.tokenID)
            FROM import_rows r
            """, logger: logger)
        try await connection.query("""
            INSERT INTO consents (candidate_id, purpose, notice_version, channel, obtained_at, expires_on, evidence,
                                  recorded_by)
            SELECT r.id, p.purpose, r.consent_notice, r.consent_channel, now(),
                   CASE WHEN p.purpose = 'talent_pool' THEN r.consent_expires END, r.consent_evidence, \(actor.name)
            FROM import_rows r CROSS JOIN LATERAL unnest(r.consent_purposes) AS p (purpose)
            """, logger: logger)
        let rows = try await connection.query("""
            SELECT coalesce(sum(cardinality(consent_purposes)), 0)::int,
                   count(*) FILTER (WHERE coalesce(cardinality(consent_purposes), 0) = 0)::int
            FROM import_rows
            """, logger: logger)
        for try await (consents, without) in rows.decode((Int, Int).self) { return (consents, without) }
        return (0, 0)
    }
}

/// Checked rows on their way into the import's staging table: appended as COPY text, sent in chunks by `flush`.
public struct ImportRows {
    let writer: PostgresCopyFromWriter
    var buffer = ByteBuffer()

    /// Bytes appended and not yet sent.
    public var pendingBytes: Int { buffer.readableBytes }

    /// Appends one checked row of the file, with a new id, in the staging table's column order.
    public mutating func append(line: Int, _ valid: ValidCandidate, raw: [String], consents: [NewConsent] = []) {
        let education = valid.education.first
        let columns: [String?] = [
            String(line), UUID.randomVersion4().uuidString, valid.fullName, valid.searchName, valid.sortKey,
            valid.dateOfBirth?.description, valid.gender?.rawValue, valid.citizenID, valid.email, valid.phone,
            valid.province, valid.sector?.rawValue, valid.currentEmployer, valid.currentTitle,
            valid.legalExperienceYears.map(String.init), CopyText.array(valid.skills), CopyText.array(valid.languages),
            valid.notes, education?.degree.rawValue, education?.field, education?.institution,
            education?.institution.map(VietnameseText.fold), education?.graduationYear.map(String.init),
            education?.classification?.rawValue, CopyText.array(raw),
            consents.isEmpty ? nil : CopyText.array(consents.map(\.purpose.rawValue)), consents.first?.noticeVersion,
            consents.first?.channel.rawValue, consents.first?.evidence,
            consents.first { $0.purpose == .talentPool }?.expiresOn?.description,
        ]
        CopyText.appendRow(columns, to: &buffer)
    }

    /// Sends what was appended, if anything.
    public mutating func flush() async throws {
        if buffer.readableBytes > 0 {
            try await writer.write(buffer)
            buffer.clear()
        }
    }
}

extension UUID {
    /// A random (version 4) UUID from the system's generator. Foundation's `UUID()` opens `/dev/urandom` for each one
    /// on Linux, a tenth of an import's time for its new ids.
    static func randomVersion4() -> UUID {
        var generator = SystemRandomNumberGenerator()
        var bytes = (generator.next() as UInt64, generator.next() as UInt64)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = (raw[6] & 0x0F) | 0x40   // version 4
            raw[8] = (raw[8] & 0x3F) | 0x80   // the RFC 4122 variant
            return UUID(uuid: raw.load(as: uuid_t.self))
        }
    }
}
