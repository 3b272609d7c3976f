import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

/// `talent document`: the documents of a candidate's file (CV, diplomas, transcripts, a card scan, letters, decisions).
struct DocumentCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "document",
            abstract: L(vi: "Tài liệu trong hồ sơ ứng viên: sơ yếu lý lịch, văn bằng, bảng điểm, ảnh căn cước, thư giới thiệu, quyết định.",
                        en: "Documents of a candidate's file: CV, diplomas, transcripts, ID card scan, letters, decisions."),
            subcommands: [Add.self, List.self, Get.self, Remove.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(
                vi: "Thêm một tệp PDF, DOCX, JPEG hoặc PNG (xét theo nội dung) vào hồ sơ ứng viên; mặc định tối đa 10 MiB.",
                en: "Add a PDF, DOCX, JPEG or PNG file (judged by its content) to a candidate's file; 10 MiB at most by default."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã định danh ứng viên.", en: "The candidate's id.")) var candidate: String
        @Option(help: L(vi: "Đường dẫn tệp.", en: "The file's path.")) var file: String
        @Option(help: L(vi: "Loại: cv, diploma, transcript, id_card, recommendation, decision, other.",
                        en: "Kind: cv, diploma, transcript, id_card, recommendation, decision, other.")) var kind: String

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(candidate, field: "candidate")
            let request = try ValidDocumentRequest(kind: kind, filename: file)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ServiceError.invalid("file", vi: "không đọc được tệp \(file)", en: "cannot read the file \(file)")
            }
            let boundary = "talent-" + UUID().uuidString
            let body = Multipart.body(boundary: boundary, fields: ["kind": request.kind.rawValue],
                                      file: (request.filename ?? "document", data))
            let document: CandidateDocument = try await api.upload("/v1/candidates/\(uuid.text)/documents", body,
                                                          contentType: "multipart/form-data; boundary=\(boundary)")
            printer.record(document, Columns.document)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê tài liệu của một ứng viên mà vai trò của bạn được xem.",
                                             en: "List a candidate's documents that your role may read."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã định danh ứng viên.", en: "The candidate's id.")) var candidate: String

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(candidate, field: "candidate")
            let page: Page<CandidateDocument> = try await api.get("/v1/candidates/\(uuid.text)/documents")
            printer.list(page.items, Columns.document, nextCursor: nil)
        }
    }

    struct Get: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(
                vi: "Tải một tài liệu đúng như khi tải lên: ghi vào --out (mặc định tên tệp gốc trong thư mục hiện tại); mỗi lần đọc được ghi nhật ký.",
                en: "Download a document exactly as uploaded: to --out (by default its own name in this folder); every read is logged."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh tài liệu.", en: "The document's id.")) var id: String
        @Option(help: L(vi: "Tệp ghi ra ('-': màn hình).", en: "The file to write ('-': standard output).")) var out: String?

        func run(api: APIClient, printer: Printer) async throws {
            let uuid = try UUID.parse(id)
            let response = try await api.send("GET", "/v1/documents/\(uuid.text)")
            let bytes = response.body
            if out == "-" {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            // By default the name it was uploaded with (its base name only), in the current folder.
            let disposition = response.headers.first { $0.key.lowercased() == "content-disposition" }?.value ?? ""
            let path = out ?? Self.filename(disposition) ?? "document-\(uuid.text)"
            if out == nil, FileManager.default.fileExists(atPath: path) {
                throw ServiceError.invalid("out", vi: "\(path) đã có: chọn --out khác", en: "\(path) exists: choose another --out")
            }
            do {
                try PrivateFile.write(Data(bytes), to: path)
            } catch {
                throw ServiceError.invalid("out", vi: "không ghi được vào \(path): \(error.localizedDescription)",
                                           en: "cannot write to \(path): \(error.localizedDescription)")
            }
            printer.message(LocalizedText(vi: "Đã ghi \(path) (\(bytes.count) byte)", en: "Wrote \(path) (\(bytes.count) bytes)"))
        }

        /// The file name of `filename*=UTF-8''…` (else `filename="…"`), its base name only.
        static func filename(_ disposition: String) -> String? {
            var name: String?
            if let range = disposition.range(of: "filename*=UTF-8''") {
                name = String(disposition[range.upperBound...].prefix { $0 != ";" }).removingPercentEncoding
            } else if let range = disposition.range(of: "filename=\"") {
                name = String(disposition[range.upperBound...].prefix { $0 != "\"" })
            }
            guard let last = name?.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init),
                  !last.isEmpty, last != ".", last != ".." else { return nil }
            return last
        }
    }

    struct Remove: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Xóa một tài liệu và nội dung của nó (nhật ký kiểm toán giữ thông tin về tài liệu).",
                                             en: "Remove a document and its bytes (the audit trail keeps what it was)."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh tài liệu.", en: "The document's id.")) var id: String

        func run(api: APIClient, printer: Printer) async throws {
            let document: CandidateDocument = try await api.delete("/v1/documents/\(UUID.parse(id).text)")
            printer.record(document, Columns.document)
        }
    }
}

/// A `multipart/form-data` body with text fields and one file.
enum Multipart {
    static func body(boundary: String, fields: [String: String], file: (name: String, data: Data)) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(file.data.count + 512)
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        // As browsers write a name: a quote as %22, line breaks as %0D and %0A.
        let quoted = file.name.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(quoted)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file.data
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return body
    }
}

extension Columns {
    static let document: [Column<CandidateDocument>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("candidate_id", vi: "Mã ứng viên", en: "Candidate ID") { $0.candidateID?.text ?? "" },
        .code("kind", vi: "Loại", en: "Kind") { $0.kind },
        Column("filename", vi: "Tên tệp", en: "File name") { $0.filename },
        Column("content_type", vi: "Kiểu", en: "Type") { $0.contentType.rawValue },
        Column("size", vi: "Kích thước (byte)", en: "Size (bytes)") { String($0.size) },
        Column("sha256", vi: "SHA-256", en: "SHA-256") { $0.sha256 },
        Column("uploaded_by", vi: "Người tải lên", en: "Uploaded by") { $0.uploadedBy },
        .time("uploaded_at", vi: "Tải lên lúc", en: "Uploaded") { $0.uploadedAt },
    ]
}
