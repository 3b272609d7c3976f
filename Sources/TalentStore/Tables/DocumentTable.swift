import Foundation
import Logging
import NIOCore
import PostgresNIO
import TalentDomain

/// SQL for documents and their bytes, kept in chunks of `chunkSize`.
public struct DocumentTable: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// The size of a stored chunk: an upload is written, and a download read, one chunk at a time.
    public static let chunkSize = 1024 * 1024

    static let columns = """
        d.id, d.candidate_id, d.nomination_id, d.kind, d.filename, d.content_type, d.size, d.sha256,
        d.text IS NOT NULL, d.uploaded_by, d.uploaded_at
        """

    static func decode(_ rows: PostgresRowSequence) async throws -> [CandidateDocument] {
        var result: [CandidateDocument] = []
        for try await row in rows {
            let d = try row.decode((UUID, UUID, UUID?, String, String, String, Int64, String, Bool, String, Date).self)
            guard let kind = DocumentKind(rawValue: d.3), let type = DocumentType(rawValue: d.5) else { continue }
            result.append(CandidateDocument(id: d.0, candidateID: d.1, nominationID: d.2, kind: kind, filename: d.4,
                                   contentType: type, size: Int(d.6), sha256: d.7, hasText: d.8, uploadedBy: d.9,
                                   uploadedAt: d.10))
        }
        return result
    }

    /// The record of a document whose chunks follow (`appendChunk`), in the same transaction.
    public func insert(candidateID: UUID, nominationID: UUID?, kind: DocumentKind, filename: String, type: DocumentType,
                       size: Int, sha256: String, text: String?, uploadedBy: String) async throws -> CandidateDocument {
        let searchText = text.map(VietnameseText.fold)
        let rows = try await connection.query("""
            INSERT INTO documents AS d (candidate_id, nomination_id, kind, filename, content_type, size, sha256, text,
                                        search_text, uploaded_by)
            VALUES (\(candidateID), \(nominationID), \(kind.rawValue), \(filename), \(type.rawValue), \(Int64(size)),
                    \(sha256), \(text), \(searchText), \(uploadedBy))
            RETURNING \(unescaped: Self.columns)
            """, logger: logger)
        guard let document = try await Self.decode(rows).first else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Không ghi được tài liệu", en: "The document was not written"))
        }
        return document
    }

    public func appendChunk(_ id: UUID, seq: Int, bytes: ByteBuffer) async throws {
        try await connection.query(
            "INSERT INTO document_chunks (document_id, seq, bytes) VALUES (\(id), \(seq), \(bytes))", logger: logger)
    }

    public func get(_ id: UUID) async throws -> CandidateDocument? {
        try await Self.decode(connection.query(
            "SELECT \(unescaped: Self.columns) FROM documents d WHERE d.id = \(id)", logger: logger)).first
    }

    /// A candidate's documents of these kinds, the oldest first.
    public func list(candidateID: UUID, kinds: [DocumentKind]) async throws -> [CandidateDocument] {
        try await Self.decode(connection.query("""
            SELECT \(unescaped: Self.columns) FROM documents d
            WHERE d.candidate_id = \(candidateID) AND d.kind = ANY(\(kinds.map(\.rawValue)))
            ORDER BY d.uploaded_at, d.id
            """, logger: logger))
    }

    /// One chunk of a document's bytes; nil past the last.
    public func chunk(_ id: UUID, seq: Int) async throws -> ByteBuffer? {
        let rows = try await connection.query(
            "SELECT bytes FROM document_chunks WHERE document_id = \(id) AND seq = \(seq)", logger: logger)
        for try await bytes in rows.decode(ByteBuffer.self) { return bytes }
        return nil
    }

    /// Removes a document and its bytes.
    public func delete(_ id: UUID) async throws {
        try await connection.query("DELETE FROM documents WHERE id = \(id)", logger: logger)
    }

    /// Removes every document of a candidate (an erasure); returns how many.
    public func deleteAll(candidateID: UUID) async throws -> Int {
        let rows = try await connection.query(
            "DELETE FROM documents WHERE candidate_id = \(candidateID) RETURNING id", logger: logger)
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }

    /// Moves every document of one candidate to another (a merge).
    public func reassign(from: UUID, to: UUID) async throws {
        try await connection.query("UPDATE documents SET candidate_id = \(to) WHERE candidate_id = \(from)", logger: logger)
    }
}
