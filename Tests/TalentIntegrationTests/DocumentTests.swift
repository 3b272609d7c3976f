import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TalentAPI
import TalentDomain
@testable import TalentService
import NIOCore
import TalentStore
import Testing

/// Issue 17, part 1: documents of a candidate's file, uploaded as multipart, stored in chunks, downloaded byte for
/// byte with their type; the type judged by the content; text extracted for search; card scans restricted and every
/// read logged; erasure removes them.
@Suite("Documents of a candidate's file", .freshDatabase)
struct DocumentTests {
    static let boundary = "----talent-test-boundary-7MA4YWxkTrZu0gW"

    /// A multipart body with `kind` and `file` (or what the caller gives).
    static func multipart(kind: String?, filename: String, data: Data, extra: [String: String] = [:]) -> Data {
        var body = Data()
        var fields = extra
        if let kind { fields["kind"] = kind }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        body += data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        return body
    }

    static let multipartType: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]

    func upload(_ api: APIHarness, _ path: String, token: String, kind: String? = "cv", filename: String = "Lý lịch.pdf",
                data: Data, extra: [String: String] = [:]) async throws -> APIHarness.Reply {
        try await api.request(.post, path, token: token, raw: Self.multipart(kind: kind, filename: filename, data: data, extra: extra),
                              headers: Self.multipartType)
    }

    /// A real PDF with Vietnamese text, made by WeasyPrint (installed with the project's tools).
    static func pdf(_ text: String) async throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("a.html"), pdf = folder.appendingPathComponent("a.pdf")
        try Data("<html><meta charset=utf-8><body><p>\(text)</p></body></html>".utf8).write(to: html)
        try run("weasyprint", ["--quiet", html.path, pdf.path])
        return try Data(contentsOf: pdf)
    }

    /// A DOCX (a ZIP holding word/document.xml), made with Python's zipfile; `word: false` makes a ZIP that is not one.
    static func docx(_ text: String, word: Bool = true) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("a.docx")
        let entry = word ? "word/document.xml" : "xl/workbook.xml"
        let xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>\(text)</w:t></w:r></w:p><w:p><w:r><w:t>Tom &amp; Jerry</w:t></w:r></w:p></w:body></w:document>"
        try run("python3", ["-c", """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('[Content_Types].xml', '<Types/>')
                z.writestr(sys.argv[2], sys.argv[3])
            """, out.path, entry, xml])
        return try Data(contentsOf: out)
    }

    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(program) failed")
    }

    func count(_ api: APIHarness, _ table: String) async throws -> Int {
        try await api.services.database.withConnection { c in
            for try await n in try await c.query("SELECT count(*)::int FROM \(unescaped: table)", logger: TestDatabase.logger).decode(Int.self) {
                return n
            }
            return -1
        }
    }

    func candidate(_ api: APIHarness, _ hr: String, name: String = "Phạm Thị Đào") async throws -> String {
        try #require(try await api.request(.post, "/v1/candidates", token: hr, json: ["full_name": name]).object["id"] as? String)
    }

    @Test("a PDF and a DOCX upload and download byte for byte with their type and name; their text, accents folded, finds the candidate")
    func roundTrip() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let id = try await candidate(api, hr)
            let pdf = try await Self.pdf("Kỹ thuật soạn thảo văn bản quy phạm pháp luật; giải Nhất Olympic Luật")
            let added = try await upload(api, "/v1/candidates/\(id)/documents", token: hr, data: pdf)
            #expect(added.status == 201, "\(added.text)")
            #expect(added.object["content_type"] as? String == "application/pdf")
            #expect(added.object["filename"] as? String == "Lý lịch.pdf")
            #expect(added.object["size"] as? Int == pdf.count)
            #expect(added.object["sha256"] as? String == SHA256.hash(data: pdf).map { String(format: "%02x", $0) }.joined())
            #expect(added.object["has_text"] as? Bool == true)
            let document = try #require(added.object["id"] as? String)
            #expect(added.headers[.location] == "/v1/documents/\(document)")

            let read = try await api.request(.get, "/v1/documents/\(document)", token: hr)
            #expect(read.status == 200)
            #expect(read.body == pdf)
            #expect(read.contentType == "application/pdf")
            #expect(read.headers[.contentDisposition]?.contains("filename*=UTF-8''L%C3%BD%20l%E1%BB%8Bch.pdf") == true)

            let docx = try Self.docx("Thạc sĩ Luật Hiến pháp")
            let word = try await upload(api, "/v1/candidates/\(id)/documents", token: hr, kind: "diploma",
                                        filename: "C:\\Users\\hr\\bang.pdf", data: docx)
            #expect(word.status == 201, "\(word.text)")
            #expect(word.object["content_type"] as? String == DocumentType.docx.rawValue)
            #expect(word.object["filename"] as? String == "bang.pdf")  // the base name only; the name's extension is not the type
            let wordID = try #require(word.object["id"] as? String)
            #expect(try await api.request(.get, "/v1/documents/\(wordID)", token: hr).body == docx)

            let list = try await api.request(.get, "/v1/candidates/\(id)/documents", token: hr)
            #expect((list.object["items"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["cv", "diploma"])

            // The text feeds search: words of the documents, typed without accents and in any case.
            for text in ["soan thao van ban", "OLYMPIC luật", "hien phap", "tom & jerry"] {
                let found = try await api.request(.get, "/v1/candidates?document=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", token: hr)
                #expect(found.status == 200, "\(found.text)")
                #expect((found.object["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id], "\(text)")
            }
            let none = try await api.request(.get, "/v1/candidates?document=kinh%20te%20luong", token: hr)
            #expect((none.object["items"] as? [[String: Any]])?.isEmpty == true)

            // Removed: gone, bytes and all; the audit keeps what it was.
            let removed = try await api.request(.delete, "/v1/documents/\(document)", token: hr)
            #expect(removed.status == 200)
            #expect(try await api.request(.get, "/v1/documents/\(document)", token: hr).status == 404)
            #expect(try await count(api, "document_chunks WHERE document_id = '\(document)'") == 0)
        }
    }

    @Test("a file whose content is not PDF, DOCX, JPEG or PNG is 415 whatever its name; too large is 413; a broken body is 4xx; nothing is stored")
    func refused() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let id = try await candidate(api, hr)
            let path = "/v1/candidates/\(id)/documents"

            let text = try await upload(api, path, token: hr, filename: "cv.pdf", data: Data("not a pdf at all".utf8))
            #expect(text.status == 415, "\(text.text)")
            #expect((text.object["type"] as? String ?? "").hasSuffix("/unsupported-media-type"))
            let zip = try await upload(api, path, token: hr, filename: "cv.docx", data: try Self.docx("x", word: false))
            #expect(zip.status == 415)
            let html = try await upload(api, path, token: hr, filename: "cv.png", data: Data("<html><script>alert(1)</script>".utf8))
            #expect(html.status == 415)

            let big = Data(Array("%PDF-1.4\n".utf8)) + Data(count: DocumentService.defaultMaxBytes)
            let tooLarge = try await upload(api, path, token: hr, data: big)
            #expect(tooLarge.status == 413, "\(tooLarge.text)")
            #expect((tooLarge.object["type"] as? String ?? "").hasSuffix("/too-large"))

            #expect(try await upload(api, path, token: hr, kind: nil, data: Data("%PDF-1.4".utf8)).status == 422)
            #expect(try await upload(api, path, token: hr, kind: "passport", data: Data("%PDF-1.4".utf8)).status == 422)
            #expect(try await upload(api, path, token: hr, data: Data("%PDF-1.4".utf8), extra: ["note": "x"]).status == 422)
            #expect(try await upload(api, path, token: hr, data: Data()).status == 422)
            let json = try await api.request(.post, path, token: hr, json: ["kind": "cv"])
            #expect(json.status == 415)
            var cut = Self.multipart(kind: "cv", filename: "a.pdf", data: Data("%PDF-1.4".utf8))
            cut.removeLast(20)
            #expect(try await api.request(.post, path, token: hr, raw: cut, headers: Self.multipartType).status == 400)

            // Out of reach or unknown: 404 before the body is read; an evaluator may not upload.
            #expect(try await upload(api, "/v1/candidates/\(UUID().uuidString)/documents", token: hr, data: Data("%PDF-1.4".utf8)).status == 404)
            let evaluator = try await api.token(.evaluator)
            #expect(try await upload(api, path, token: evaluator, data: Data("%PDF-1.4".utf8)).status == 403)

            #expect(try await count(api, "documents") == 0)
            #expect(try await count(api, "document_chunks") == 0)
        }
    }

    @Test("an upload's temporary file is private, refuses bytes past the limit, and is gone once closed, stored or not")
    func temporaryFile() throws {
        let upload = try DocumentUpload(limit: 8)
        let path = upload.url.path
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        try upload.write(ByteBuffer(string: "%PDF-1.7"))
        #expect(upload.size == 8)
        #expect(throws: ServiceError.self) { try upload.write(ByteBuffer(string: "x")) }
        upload.close()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a card scan is HR's and admins' only; a recommendation is not for evaluators; every download is logged; a partner attaches to its own nomination only; erasure removes them")
    func access() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let leader = try await api.token(.leadership)
            let id = try await candidate(api, hr)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data((0..<200).map { UInt8($0 % 251) })
            let card = try await upload(api, "/v1/candidates/\(id)/documents", token: hr, kind: "id_card",
                                        filename: "cccd.png", data: png)
            #expect(card.status == 201, "\(card.text)")
            #expect(card.object["content_type"] as? String == "image/png" && card.object["has_text"] as? Bool == false)
            let cardID = try #require(card.object["id"] as? String)
            let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(count: 100)
            let letter = try await upload(api, "/v1/candidates/\(id)/documents", token: hr, kind: "recommendation",
                                          filename: "thu.jpg", data: jpeg)
            #expect(letter.object["content_type"] as? String == "image/jpeg")

            #expect(try await api.request(.get, "/v1/documents/\(cardID)", token: leader).status == 404)
            let leaderList = try await api.request(.get, "/v1/candidates/\(id)/documents", token: leader)
            #expect((leaderList.object["items"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["recommendation"])
            let read = try await api.request(.get, "/v1/documents/\(cardID)", token: hr)
            #expect(read.status == 200 && read.body == png && read.contentType == "image/png")
            await api.services.readLog.flush()
            let reads = try await api.services.audit.list(entity: nil, actor: nil, action: "document.read", since: nil,
                                                          page: PageRequest(limit: 10), by: .testAdmin)
            #expect(reads.items.count == 1)
            #expect(reads.items.first?.entityID == id)

            // A partner attaches the nomination letter to its own nomination; another partner's is 404.
            let ulaw = try await NominationTests.partner(api, code: "ULAW")
            let ctu = try await NominationTests.partner(api, code: "CTU")
            let nominated = try await api.request(.post, "/v1/nominations", token: ulaw, json: NominationTests.body(),
                                                  headers: [HTTPField.Name("Idempotency-Key")!: "d"])
            let nomination = try #require(nominated.object["id"] as? String)
            let pdf = try await Self.pdf("Thư đề cử của Khoa Luật")
            let attached = try await upload(api, "/v1/nominations/\(nomination)/documents", token: ulaw,
                                            kind: "recommendation", filename: "thu-de-cu.pdf", data: pdf)
            #expect(attached.status == 201, "\(attached.text)")
            #expect(attached.object["nomination_id"] as? String == nomination)
            #expect(try await upload(api, "/v1/nominations/\(nomination)/documents", token: ctu, data: pdf).status == 404)
            #expect(try await api.request(.get, "/v1/documents/\(try #require(attached.object["id"] as? String))", token: ulaw).status == 403)
            let nominee = try #require(try await api.request(.get, "/v1/nominations/\(nomination)", token: hr).object["candidate_id"] as? String)
            #expect((try await api.request(.get, "/v1/candidates/\(nominee)/documents", token: hr).object["items"] as? [[String: Any]])?.count == 1)

            // Erasure removes them, bytes and all.
            _ = try await api.services.dataSubjects.erase(UUID.parse(id), by: .testAdmin)
            #expect(try await count(api, "documents WHERE candidate_id = '\(id)'") == 0)
            let chunks = try await count(api, "document_chunks")
            #expect(chunks == (try await count(api, "document_chunks c JOIN documents d ON d.id = c.document_id")))
        }
    }

    @Test("talent document add | list | get --out | remove: the file comes back byte for byte; errors are one line")
    func cli() async throws {
        try await APIHarness.with { api in
            let hr = try await api.token(.hr)
            let id = try await candidate(api, hr)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doc-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let source = folder.appendingPathComponent("Bảng điểm.pdf")
            let pdf = try await Self.pdf("Bảng điểm toàn khóa")
            try pdf.write(to: source)
            let cli = CLIRunner(databaseURL: api.services.database.url)

            let added = try #require(try await cli.json("document", "add", "--candidate", id, "--file", source.path,
                                                        "--kind", "transcript") as? [String: Any])
            #expect(added["filename"] as? String == "Bảng điểm.pdf")
            let document = try #require(added["id"] as? String)
            let listed = await cli.run("document", "list", "--candidate", id)
            #expect(listed.status == 0 && listed.stdout.contains("bảng điểm") && listed.stdout.contains(document), "\(listed.stdout)")
            let out = folder.appendingPathComponent("out.pdf")
            let got = await cli.run("document", "get", document, "--out", out.path)
            #expect(got.status == 0, "\(got.stderr)")
            #expect(try Data(contentsOf: out) == pdf)

            let wrong = folder.appendingPathComponent("notes.pdf")
            try Data("plain text".utf8).write(to: wrong)
            let refused = await cli.run("document", "add", "--candidate", id, "--file", wrong.path, "--kind", "cv")
            #expect(refused.status != 0 && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
            #expect(await cli.run("document", "add", "--candidate", id, "--file", wrong.path, "--kind", "selfie").status != 0)

            #expect(await cli.run("document", "remove", document).status == 0)
            #expect(await cli.run("document", "get", document, "--out", out.path).status != 0)
        }
    }
}
