import Foundation
import Logging
import PostgresNIO
import TalentDomain

/// SQL for candidate profiles.
public enum CandidateTable {
    static let columns = """
        id, full_name, date_of_birth::text, citizen_id, email, phone, version, created_at, updated_at,
        (extract(epoch FROM created_at) * 1000000)::bigint
        """

    /// Decodes rows with the keyset position (created_at in microseconds) of each.
    static func decode(_ rows: PostgresRowSequence) async throws -> [(Candidate, Int64)] {
        var result: [(Candidate, Int64)] = []
        for try await (id, name, dob, citizenID, email, phone, version, createdAt, updatedAt, micros)
            in rows.decode((UUID, String, String?, String?, String?, String?, Int, Date, Date, Int64).self) {
            let candidate = Candidate(id: id, fullName: name, dateOfBirth: dob.flatMap(CalendarDate.init), citizenID: citizenID,
                                      email: email, phone: phone, version: version, createdAt: createdAt, updatedAt: updatedAt)
            result.append((candidate, micros))
        }
        return result
    }

    public static func insert(_ c: ValidCandidate, on connection: PostgresConnection, logger: Logger) async throws -> Candidate {
        try await decode(connection.query("""
            INSERT INTO candidates (full_name, search_name, date_of_birth, citizen_id, email, phone)
            VALUES (\(c.fullName), \(c.searchName), \(c.dateOfBirth?.description)::date, \(c.citizenID), \(c.email), \(c.phone))
            RETURNING \(unescaped: columns)
            """, logger: logger))[0].0
    }

    public static func get(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Candidate? {
        try await decode(connection.query("SELECT \(unescaped: columns) FROM candidates WHERE id = \(id)",
                                          logger: logger)).first?.0
    }

    /// The records that share a citizen ID, e-mail or phone with the given values.
    public static func exactMatches(citizenID: String?, email: String?, phone: String?, on connection: PostgresConnection,
                                    logger: Logger) async throws -> [Candidate] {
        try await decode(connection.query("""
            SELECT \(unescaped: columns) FROM candidates
            WHERE citizen_id = \(citizenID) OR email = \(email) OR phone = \(phone)
            """, logger: logger)).map(\.0)
    }

    /// Newest first, keyset-paginated. `folded` matches anywhere in the folded name; `exact` matches a citizen ID,
    /// e-mail or phone exactly.
    public static func list(folded: String?, exact: [String], page: PageRequest, on connection: PostgresConnection,
                            logger: Logger) async throws -> Page<Candidate> {
        let afterMicros = page.cursor.flatMap { Int64($0.key) }
        let afterID = page.cursor.flatMap { UUID(uuidString: $0.id) }
        let pattern = folded.map { "%" + $0.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%" }
        let rows = try await decode(connection.query("""
            SELECT \(unescaped: columns) FROM candidates
            WHERE (\(pattern)::text IS NULL OR search_name LIKE \(pattern)
                   OR citizen_id = ANY(\(exact)) OR email = ANY(\(exact)) OR phone = ANY(\(exact)))
              AND (\(afterMicros)::bigint IS NULL
                   OR (created_at, id) < ('epoch'::timestamptz + \(afterMicros) * interval '1 microsecond', \(afterID)))
            ORDER BY created_at DESC, id DESC
            LIMIT \(page.limit + 1)
            """, logger: logger))
        let next = rows.count > page.limit ? rows[page.limit - 1] : nil
        return Page(items: rows.prefix(page.limit).map(\.0),
                    nextCursor: next.map { Cursor(key: String($0.1), id: $0.0.id.text).encoded })
    }
}
