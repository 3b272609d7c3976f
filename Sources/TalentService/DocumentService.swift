import Crypto
import Foundation
import NIOCore
import TalentDomain
import TalentWire
import TalentStore

/// An upload on its way in: the bytes go to a private temporary file as they arrive (never held whole in memory),
/// counted against the limit and hashed; `DocumentService.add` then checks the type from the content, extracts the
/// text and stores the file in chunks. Removed when it is closed, whether it was stored or not.
public final class DocumentUpload {
    public let limit: Int
    let url: URL
    private let handle: FileHandle
    private var hasher = SHA256()
    public private(set) var size = 0
    private(set) var head: [UInt8] = []

    public init(limit: Int) throws {
        self.limit = limit
        url = FileManager.default.temporaryDirectory.appendingPathComponent("talent-upload-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ServiceError(.internalFailure, LocalizedText(vi: "Không tạo được tệp tạm", en: "No temporary file could be made"))
        }
        handle = try FileHandle(forWritingTo: url)
    }

    deinit { close() }

    /// Appends bytes; past the limit it throws (413) and keeps nothing more.
    public func write(_ bytes: ByteBuffer) throws {
        size += bytes.readableBytes
        guard size <= limit else { throw DocumentService.tooLarge(limit) }
        bytes.withUnsafeReadableBytes { raw in
            hasher.update(bufferPointer: raw)
            if head.count < 8 { head += raw.prefix(8 - head.count) }
        }
        try handle.write(contentsOf: bytes.readableBytesView)
    }

    var sha256: String { hasher.finalize().hexString }

    private var closed = false
    public func close() {
        guard !closed else { return }
        closed = true
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}

/// Documents of a candidate's file: added by HR (or by a partner to its own nomination), the type checked from the
/// content, the text of a PDF or DOCX extracted for search; read by the roles their kind allows (a card scan by HR
/// and admins only), every download logged as a read of the person's data; removed by HR, and with an erasure.
public struct DocumentService: Sendable {
    let database: Database
    let readLog: ReadLog
    /// The largest document accepted (`TALENT_DOCUMENT_MAX_BYTES`, 10 MiB by default).
    public let maxBytes: Int

    public static let defaultMaxBytes = 10 * 1024 * 1024
    public static let writers: Set<Role> = [.admin, .hr]
    static let staffReaders: Set<Role> = [.admin, .hr, .leadership, .evaluator]

    public init(database: Database, readLog: ReadLog, maxBytes: Int = DocumentService.defaultMaxBytes) {
        self.database = database
        self.readLog = readLog
        self.maxBytes = maxBytes
    }

    public static func tooLarge(_ limit: Int) -> ServiceError {
        let mib = Double(limit) / 1_048_576
        let shown = mib == mib.rounded() ? String(Int(mib)) : String(format: "%.1f", mib)
        return ServiceError(.invalid, slug: "too-large", LocalizedText(
            vi: "Tệp vượt quá \(shown) MiB: nén hoặc tách tệp", en: "The file is larger than \(shown) MiB: compress or split it"))
    }

    /// Where an upload may go, checked before its body is read: the candidate within the actor's reach (staff), or
    /// the partner's own nomination (whose candidate it goes to).
    public enum Target: Sendable {
        case candidate(UUID)
        case nomination(UUID)
    }

    /// Checks that `actor` may add a document to `target`; the candidate it goes to.
    public func authorize(_ target: Target, by actor: Principal) async throws -> (candidate: UUID, nomination: UUID?) {
        switch target {
        case .candidate(let id):
            try actor.require(Self.writers)
            let found = try await database.read { db in
                try await db.reach.candidate(id, actor.reach) ? try await db.candidates.get(id) != nil : false
            }
            guard found else { throw CandidateService.notFound(id) }
            return (id, nil)
        case .nomination(let id):
            try actor.require([.partner])
            guard let partner = actor.partnerCode,
                  let nomination = try await database.read({ try await $0.nominations.get(id, partnerCode: partner) }),
                  let candidate = nomination.candidateID,
                  try await database.read({ try await $0.candidates.get(candidate) }) != nil else {
                throw ServiceError.notFound(LocalizedText(vi: "đề cử", en: "nomination"), id.text)
            }
            return (candidate, id)
        }
    }

    /// Stores an upload received whole: its type from the content (PDF, DOCX, JPEG or PNG, else 415 and nothing
    /// stored), its text extracted, its bytes in chunks, audited; all in one transaction.
    public func add(_ upload: DocumentUpload, _ request: ValidDocumentRequest, to target: Target,
                    by actor: Principal) async throws -> CandidateDocument {
        let (candidate, nomination) = try await authorize(target, by: actor)
        guard upload.size > 0 else {
            throw ServiceError.invalid("file", vi: "tệp rỗng", en: "the file is empty")
        }
        let hasWordDocument = upload.head.starts(with: [0x50, 0x4B, 0x03, 0x04])
            ? await TextExtractor.zipHolds(upload.url, "word/document.xml") : false
        guard let type = DocumentType(sniffing: upload.head, hasWordDocument: hasWordDocument) else {
            throw ServiceError(.invalid, slug: "unsupported-media-type", LocalizedText(
                vi: "Chỉ nhận tệp PDF, DOCX, JPEG hoặc PNG (xét theo nội dung tệp, không theo tên)",
                en: "Only PDF, DOCX, JPEG or PNG files are accepted (judged by their content, not their name)"),
                fieldErrors: [FieldError("file", vi: "không phải PDF, DOCX, JPEG hay PNG", en: "is not a PDF, DOCX, JPEG or PNG")])
        }
        let text = type.hasText ? await TextExtractor.text(of: upload.url, type: type).flatMap { DocumentText.kept($0) } : nil
        let filename = request.filename ?? "document.\(type.fileExtension)"
        let sha256 = upload.sha256
        let url = upload.url, size = upload.size
        return try await database.transaction { tx in
            let document = try await tx.documents.insert(
                candidateID: candidate, nominationID: nomination, kind: request.kind, filename: filename, type: type,
                size: size, sha256: sha256, text: text, uploadedBy: actor.name)
            // The file goes in one chunk at a time: a chunk is all of it in memory at once.
            let file = try FileHandle(forReadingFrom: url)
            defer { try? file.close() }
            var seq = 0
            while let data = try file.read(upToCount: DocumentTable.chunkSize), !data.isEmpty {
                try await tx.documents.appendChunk(document.id, seq: seq, bytes: ByteBuffer(bytes: data))
                seq += 1
            }
            try await tx.audit.record(actor, "document.add", "candidate", candidate.text, after: document,
                                      extra: ["document_id": .string(document.id.text)])
            return actor.role == .partner ? document.forPartner : document
        }
    }

    /// A candidate's documents that the actor's role may read (a card scan is listed to HR and admins only).
    public func list(candidate id: String, by actor: Principal) async throws -> [CandidateDocument] {
        try actor.require(Self.staffReaders)
        let uuid = try UUID.parse(id)
        let kinds = DocumentKind.allCases.filter { $0.readers.contains(actor.role) }
        return try await database.read { db in
            guard try await db.reach.candidate(uuid, actor.reach), try await db.candidates.get(uuid) != nil else {
                throw CandidateService.notFound(uuid)
            }
            let documents = try await db.documents.list(candidateID: uuid, kinds: kinds)
            return actor.role == .evaluator ? documents.map(\.forEvaluator) : documents
        }
    }

    /// A document the actor may read, and its chunks one after the other (each read when the download needs it);
    /// the read is logged under the candidate.
    public func open(_ id: String, by actor: Principal) async throws -> (CandidateDocument, DocumentChunks) {
        try actor.require(Self.staffReaders)
        let uuid = try UUID.parse(id)
        let document = try await database.read { db -> CandidateDocument in
            guard let document = try await db.documents.get(uuid), document.kind.readers.contains(actor.role),
                  let candidate = document.candidateID, try await db.reach.candidate(candidate, actor.reach) else {
                throw Self.notFound(uuid)
            }
            return document
        }
        readLog.record(actor, "document.read", "candidate", document.candidateID?.text ?? "",
                             extra: ["document_id": .string(uuid.text), "kind": .string(document.kind.rawValue)])
        return (document, DocumentChunks(database: database, id: uuid))
    }

    /// Removes a document and its bytes (HR within reach, admins); the audit keeps what it was.
    public func remove(_ id: String, by actor: Principal) async throws -> CandidateDocument {
        try actor.require(Self.writers)
        let uuid = try UUID.parse(id)
        return try await database.transaction { tx in
            guard let document = try await tx.documents.get(uuid), let candidate = document.candidateID,
                  try await tx.reach.candidate(candidate, actor.reach) else {
                throw Self.notFound(uuid)
            }
            try await tx.documents.delete(uuid)
            try await tx.audit.record(actor, "document.remove", "candidate", candidate.text, before: document,
                                      extra: ["document_id": .string(uuid.text)])
            return document
        }
    }

    static func notFound(_ id: UUID) -> ServiceError {
        ServiceError.notFound(LocalizedText(vi: "tài liệu", en: "document"), id.text)
    }
}

/// A stored document's bytes, read one chunk at a time.
public struct DocumentChunks: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer
    let database: Database
    let id: UUID

    public struct AsyncIterator: AsyncIteratorProtocol {
        let database: Database
        let id: UUID
        var seq = 0

        public mutating func next() async throws -> ByteBuffer? {
            let (id, seq) = (self.id, self.seq)
            guard let chunk = try await database.read({ try await $0.documents.chunk(id, seq: seq) }) else { return nil }
            self.seq += 1
            return chunk
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(database: database, id: id) }
}

/// Text from a stored file: `pdftotext` (poppler-utils) for a PDF, `unzip -p` of `word/document.xml` for a DOCX.
/// A document whose text cannot be read is still stored, without text.
enum TextExtractor {
    static func text(of file: URL, type: DocumentType) async -> String? {
        switch type {
        case .pdf:
            guard let result = try? await ExternalProgram.system("pdftotext")
                .run(["-q", "-enc", "UTF-8", "-l", "100", file.path, "-"], timeout: extractionTimeout), result.status == 0
            else { return nil }
            return result.output
        case .docx:
            // A DOCX whose text would inflate past the limit (a zip bomb) is kept without its text.
            guard let size = await zipEntrySize(file, "word/document.xml"), size <= maxWordXML,
                  let result = try? await ExternalProgram.system("unzip")
                      .run(["-p", file.path, "word/document.xml"], timeout: extractionTimeout), result.status == 0
            else { return nil }
            return DocumentText.fromWordXML(result.output)
        case .jpeg, .png:
            return nil
        }
    }

    /// How long extracting a document's text may take, and the largest DOCX text part read.
    static let extractionTimeout: Duration = .seconds(20)
    static let maxWordXML = 50 * 1024 * 1024

    /// The uncompressed size of a ZIP entry, from `unzip -Zl` (its fourth column); nil if it has none.
    static func zipEntrySize(_ file: URL, _ entry: String) async -> Int? {
        guard let result = try? await ExternalProgram.system("unzip").run(["-Zl", file.path, entry]),
              result.status == 0 else { return nil }
        for line in result.output.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.last.map(String.init) == entry, fields.count >= 4 { return Int(fields[3]) }
        }
        return nil
    }

    /// Whether a ZIP file has an entry of this name (`unzip -Z1` lists them).
    static func zipHolds(_ file: URL, _ entry: String) async -> Bool {
        guard let result = try? await ExternalProgram.system("unzip").run(["-Z1", file.path]), result.status == 0 else {
            return false
        }
        return result.output.split(whereSeparator: \.isNewline).contains { $0 == entry }
    }
}
