import Foundation
import PostgresNIO
import TalentDomain

/// Which statement `CandidateTable.list` runs for a search ranked by relevance.
public enum SearchPlan: Sendable {
    /// Best ranks first for up to three words (`rankedList`), the single statement otherwise.
    case automatic
    /// One statement that ranks every match (unbounded: a common word reads most of the table).
    case general
    /// Best ranks first with a window of the given number of newest candidates.
    case tiered(window: Int)
}

/// A search text as SQL on the candidate `c`, its values bound in one statement's builder.
struct SearchSQL {
    /// Every word inside the folded name (the trigram index serves each LIKE).
    var words: String
    /// The text as an exact citizen ID, e-mail or phone, or nil when it cannot be one.
    var identifier: String?
    /// How well the name matches: per word 2 when the name holds it as a whole word spelled as typed (diacritics
    /// included), 1 when it holds it as a whole word without regard to accents, 0 when the word is only inside
    /// another ("huong" in "Phương").
    var nameRank: String

    /// A row matches by its name or by an identifier.
    var match: String { identifier.map { "((\(words)) OR \($0))" } ?? "(\(words))" }
    /// The rank: an exact identifier above every name (2 per word at most), then the name's.
    var rank: String { identifier.map { "(CASE WHEN \($0) THEN \(2 * count + 1) ELSE 0 END + \(nameRank))" } ?? nameRank }
    /// A name match that is not an identifier match (an identifier's NULL columns are no match).
    var nameOnly: String { identifier.map { "\(words) AND NOT coalesce(\($0), false)" } ?? words }
    let count: Int

    init(_ filter: CandidateFilter, _ q: inout SQLBuilder) {
        count = filter.words.count
        words = filter.words.map { "c.search_name LIKE \(q.bind("%" + Self.like($0.folded) + "%"))" }.joined(separator: " AND ")
        if filter.exact.isEmpty {
            identifier = nil
        } else {
            let exact = q.bind(filter.exact)
            // The contacts' owners as an array computed once (an InitPlan), not a subquery per row, so that every
            // alternative is an index condition and PostgreSQL ORs their bitmaps instead of reading the table.
            identifier = "(c.citizen_id = ANY(\(exact)) OR c.email = ANY(\(exact)) OR c.phone = ANY(\(exact))"
                + " OR c.id = ANY(ARRAY(SELECT k.candidate_id FROM candidate_contacts k WHERE k.value = ANY(\(exact)))))"
        }
        nameRank = "(" + filter.words.map { word in
            let spelled = q.bind(word.spellings.map { "% " + Self.like($0) + " %" })
            let whole = q.bind("% " + Self.like(word.folded) + " %")
            return "CASE WHEN (' ' || c.full_name || ' ') LIKE ANY(\(spelled)) THEN 2"
                + " WHEN (' ' || c.search_name || ' ') LIKE \(whole) THEN 1 ELSE 0 END"
        }.joined(separator: " + ") + ")"
    }

    /// The text as a LIKE pattern that matches it literally.
    static func like(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

/// A place in a list ranked by relevance: the cursor's "rank:created_at in microseconds" and id.
struct RankedPosition {
    var rank: Int
    var micros: Int64
    var id: UUID

    init(rank: Int, micros: Int64, id: UUID) {
        self.rank = rank
        self.micros = micros
        self.id = id
    }

    init(_ cursor: Cursor) throws(ServiceError) {
        let parts = cursor.key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let rank = Int(parts[0]) else { throw CandidateTable.invalidCursor }
        self.init(rank: rank, micros: try CandidateTable.micros(parts[1]), id: try CandidateTable.id(cursor))
    }
}

extension CandidateTable {
    /// Ranked search reads at most this many words' ranks best first; a longer text takes the general statement.
    static let rankedWords = 3
    /// How many of the newest candidates a ranked search reads first.
    static let searchWindow = 10_000

    /// A search ranked by relevance, best ranks first, so that no search reads the whole table: rank by rank from the
    /// best (an exact identifier, then 2 per word down to 0), each rank's rows newest first, taken first from the
    /// `window` newest candidates (one bounded walk of `candidates_created_names` that ranks them all), then, only when a
    /// rank has too few there, from the older rows that its score vectors find through the whole-word indexes
    /// (migration 0021). Exactly the rows and order of the general statement: each row is still checked against the
    /// same match and rank expressions; the indexes only say where to look.
    ///
    /// A rank reaches past the window only when it is sparse among the newest rows; PostgreSQL then reads its rows
    /// by bitmap, bounded by how many there are. Each statement reads its own snapshot: a candidate added meanwhile
    /// is newer than the window and missing from this page, as if the search had run a moment earlier.
    func rankedList(_ filter: CandidateFilter, page: PageRequest, window size: Int) async throws -> Page<Candidate> {
        let top = 2 * filter.words.count, need = page.limit + 1
        let after = try page.cursor.map { cursor throws(ServiceError) in try RankedPosition(cursor) }
        var found: [RankedPosition] = []
        if !filter.exact.isEmpty, after.map({ $0.rank > top }) ?? true {
            found += try await identifierRows(filter, after: after, limit: need)
        }
        var fromTop: Window?, fromCursor: Window?
        var vocabulary: [[String]]?  // read once, when a rank first reaches past its window
        for rank in stride(from: min(top, after?.rank ?? top), through: 0, by: -1) where found.count < need {
            // The cursor's own rank continues after the cursor; the ranks below it start from the newest row.
            let atCursor = after?.rank == rank
            let window: Window
            if let cached = atCursor ? fromCursor : fromTop {
                window = cached
            } else {
                window = try await self.window(filter, after: atCursor ? after : nil, size: size, limit: need)
                if atCursor { fromCursor = window } else { fromTop = window }
            }
            found += (window.rows[rank] ?? []).prefix(need - found.count)
            guard found.count < need, let edge = window.edge else { continue }
            let longer: [[String]]
            if let vocabulary { longer = vocabulary } else { longer = try await longerWords(filter.words) }
            vocabulary = longer
            found += try await olderRows(filter, rank: rank, longerWords: longer, before: edge, limit: need - found.count)
        }
        return Self.page(try await rows(found), sort: .relevance, limit: page.limit)
    }

    /// The newest `size` candidates (after the cursor, within the filter's dates) ranked: per rank the first `limit`
    /// that match, and the oldest row read when the walk stopped at `size` (older rows exist).
    struct Window {
        var rows: [Int: [RankedPosition]]
        var edge: RankedPosition?
    }

    /// The walk reads `candidates_created_names` alone (migration 0021), so the window holds only the columns that
    /// index carries (and the identifiers, read from the table, when the text may be one); a filter on another column
    /// of the candidate must be added to both.
    func window(_ filter: CandidateFilter, after: RankedPosition?, size: Int, limit: Int) async throws -> Window {
        var q = SQLBuilder("")
        let search = SearchSQL(filter, &q)
        var walk = "c.erased_at IS NULL" + Self.createdRange(filter, &q)
        if let after {
            walk += " AND (c.created_at, c.id) < (\(Self.timestamp(after.micros, &q)), \(q.bind(after.id)))"
        }
        let sizeBind = q.bind(size), limitBind = q.bind(limit)
        // A text that may be an identifier leaves out the rows it finds that way (ranked above every name).
        let identifierColumns = search.identifier == nil ? "" : ", c.citizen_id, c.email, c.phone"
        q.append("""
            WITH w AS MATERIALIZED (SELECT c.id, c.created_at, c.full_name, c.search_name, c.sector\(identifierColumns) FROM candidates c
                WHERE \(walk) ORDER BY c.created_at DESC, c.id DESC LIMIT \(sizeBind))
            SELECT r.id, r.micros, r.rank, r.n FROM (
                SELECT m.*, row_number() OVER (PARTITION BY m.rank ORDER BY m.micros DESC, m.id DESC) AS n FROM (
                    SELECT c.id, \(Self.microsColumn) AS micros, \(search.nameRank) AS rank FROM w c WHERE \(search.nameOnly)
            """)
        Self.appendFilters(filter, &q)
        q.append("""
                ) m) r
            WHERE r.n <= \(limitBind)
            UNION ALL
            SELECT e.id, e.micros, -1, 0 FROM (SELECT c.id, \(Self.microsColumn) AS micros FROM w c ORDER BY c.created_at, c.id LIMIT 1) e
            WHERE (SELECT count(*) FROM w) = \(sizeBind)
            """)
        var result = Window(rows: [:], edge: nil)
        var numbered: [Int: [(n: Int, position: RankedPosition)]] = [:]
        for try await (id, micros, rank, n) in try await connection.query(q.query, logger: logger).decode((UUID, Int64, Int, Int).self) {
            let position = RankedPosition(rank: rank, micros: micros, id: id)
            if rank < 0 { result.edge = position } else { numbered[rank, default: []].append((n, position)) }
        }
        // Rows come in no set order; each rank's row number (newest first) puts them in place.
        result.rows = numbered.mapValues { $0.sorted { $0.n < $1.n }.map(\.position) }
        return result
    }

    static let microsColumn = "(extract(epoch FROM c.created_at) * 1000000)::bigint"

    /// Rows found by an exact citizen ID, e-mail or phone: above every name, in the general statement's order.
    func identifierRows(_ filter: CandidateFilter, after: RankedPosition?, limit: Int) async throws -> [RankedPosition] {
        var q = SQLBuilder("")
        let search = SearchSQL(filter, &q)
        guard let identifier = search.identifier else { return [] }
        let rank = "(\(2 * search.count + 1) + \(search.nameRank))"
        q.append("SELECT c.id, \(Self.microsColumn), \(rank) FROM candidates c WHERE c.erased_at IS NULL AND \(identifier)")
        Self.appendFilters(filter, &q)
        if let after {
            q.append(" AND (\(rank), c.created_at, c.id) < (\(q.bind(after.rank)), \(Self.timestamp(after.micros, &q)), \(q.bind(after.id)))")
        }
        q.append(" ORDER BY \(rank) DESC, c.created_at DESC, c.id DESC LIMIT \(q.bind(limit))")
        return try await positions(q)
    }

    /// Per search word, the longer words of the names that contain it (from `candidate_name_words`).
    func longerWords(_ words: [SearchWord]) async throws -> [[String]] {
        let patterns = words.map { "%" + SearchSQL.like($0.folded) + "%" }, folded = words.map(\.folded)
        var result = Array(repeating: [String](), count: words.count)
        for try await (i, longer) in try await connection.query("""
            SELECT p.i::int, ARRAY(SELECT v.word FROM candidate_name_words v WHERE v.word LIKE p.pattern AND v.word <> p.word)
            FROM unnest(\(patterns)::text[], \(folded)::text[]) WITH ORDINALITY AS p(pattern, word, i)
            """, logger: logger).decode((Int, [String]).self) {
            result[i - 1] = longer
        }
        return result
    }

    /// The rows of one rank older than `before`, newest first, found through the whole-word indexes: the rank is the
    /// sum of the words' scores, so its rows are those of the score vectors with that sum (a word's score 2: its
    /// spelling among the name's words; 1: its folded form among the folded words; 0: a longer word that contains it).
    func olderRows(_ filter: CandidateFilter, rank: Int, longerWords: [[String]], before: RankedPosition,
                   limit: Int) async throws -> [RankedPosition] {
        var q = SQLBuilder("")
        let search = SearchSQL(filter, &q)
        // Per word, the index condition of each score (0, 1, 2); none for 0 when no longer word contains it.
        let conditions: [[String]] = filter.words.enumerated().map { i, word in
            [longerWords[i].isEmpty ? "" : "string_to_array(c.search_name, ' ') && \(q.bind(longerWords[i]))::text[]",
             "string_to_array(c.search_name, ' ') @> \(q.bind([word.folded]))::text[]",
             "string_to_array(c.full_name, ' ') && \(q.bind(word.spellings))::text[]"]
        }
        // Every vector of per-word scores (0, 1 or 2) whose sum is the rank; a score 0 without a longer word is none.
        var vectors: [[Int]] = [[]]
        for word in conditions.indices {
            vectors = vectors.flatMap { v in (0...2).filter { !conditions[word][$0].isEmpty }.map { v + [$0] } }
        }
        let alternatives = vectors.filter { $0.reduce(0, +) == rank }.map { v in
            "(" + v.enumerated().map { conditions[$0][$1] }.joined(separator: " AND ") + ")"
        }
        guard !alternatives.isEmpty else { return [] }
        // OFFSET 0 keeps the index conditions below apart from the window's edge and the LIKEs, which PostgreSQL
        // would otherwise combine with other indexes (created_at, trigrams) into a much larger bitmap.
        q.append("""
            SELECT c.id, \(Self.microsColumn), \(rank) FROM (SELECT c.* FROM candidates c
                WHERE c.erased_at IS NULL AND (\(alternatives.joined(separator: " OR "))) OFFSET 0) c
            WHERE (c.created_at, c.id) < (\(Self.timestamp(before.micros, &q)), \(q.bind(before.id)))
              AND \(search.nameOnly) AND \(search.nameRank) = \(q.bind(rank))
            """)
        Self.appendFilters(filter, &q)
        q.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT \(q.bind(limit))")
        return try await positions(q)
    }

    func positions(_ q: SQLBuilder) async throws -> [RankedPosition] {
        var result: [RankedPosition] = []
        for try await (id, micros, rank) in try await connection.query(q.query, logger: logger).decode((UUID, Int64, Int).self) {
            result.append(RankedPosition(rank: rank, micros: micros, id: id))
        }
        return result
    }

    /// The found candidates' rows in the order found, the rank in the sort key's place.
    func rows(_ found: [RankedPosition]) async throws -> [Row] {
        guard !found.isEmpty else { return [] }
        let ids = found.map(\.id)
        let rows = try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM candidates c WHERE c.id = ANY(\(ids)) AND c.erased_at IS NULL
            """, logger: logger))
        let byID = Dictionary(rows.map { ($0.candidate.id, $0) }, uniquingKeysWith: { first, _ in first })
        return found.compactMap { position in
            byID[position.id].map { Row(candidate: $0.candidate, createdMicros: position.micros, sortKey: String(position.rank)) }
        }
    }
}
