import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

extension CandidateCommand {
    struct Import: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Nhập hồ sơ ứng viên từ tệp CSV: nhập tất cả các dòng hoặc không dòng nào, trừ khi dùng --skip-invalid để giữ các dòng hợp lệ.",
                            en: "Import candidates from CSV: all rows or none, unless --skip-invalid keeps the valid ones."),
                discussion: L(vi: "Các cột: \(CandidateCSV.columns.joined(separator: ", ")), hoặc tiêu đề tiếng Việt (\(CandidateCSV.vietnameseHeaders.joined(separator: ", "))); bắt buộc có họ và tên. Tệp UTF-8 (Excel: CSV UTF-8), phân cách bằng ',' hoặc ';'; ngày viết YYYY-MM-DD hoặc dd/mm/yyyy; kỹ năng và ngoại ngữ cách nhau bằng ';' (bằng ',' khi tệp phân cách bằng ';').",
                              en: "Columns: \(CandidateCSV.columns.joined(separator: ", ")), or the Vietnamese headers (\(CandidateCSV.vietnameseHeaders.joined(separator: ", "))); the full name is required. UTF-8 (Excel: CSV UTF-8), separated by ',' or ';'; dates YYYY-MM-DD or dd/mm/yyyy; skills and languages separated by ';' (by ',' when the file uses ';')."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Tệp CSV.", en: "The CSV file.")) var file: String?
        @Flag(help: L(vi: "In ra tệp mẫu (dòng tiêu đề tiếng Việt, UTF-8 cho Excel) rồi thoát: talent candidate import --template > mau.csv",
                      en: "Print the template (Vietnamese headers, UTF-8 for Excel) and stop: talent candidate import --template > mau.csv"))
        var template = false
        @Option(name: .customLong("skip-invalid"), help: L(vi: "Nhập các dòng hợp lệ; ghi các dòng bị từ chối, kèm cột lý do, vào tệp này.",
                                                           en: "Import the valid rows; write the rejected ones, with a reason column, here."))
        var rejects: String?
        @Option(help: L(vi: "Sự đồng ý của mọi người trong tệp: recruitment, talent_pool hoặc recruitment,talent_pool (hoặc dùng cột consent trong tệp).",
                        en: "The consent of everyone in the file: recruitment, talent_pool or recruitment,talent_pool (or a consent column in the file).")) var consent: String?
        @Option(help: L(vi: "Phiên bản thông báo xử lý dữ liệu mà họ đã đọc, ví dụ 2026-01.",
                        en: "The version of the privacy notice they saw, such as 2026-01.")) var notice: String?
        @Option(help: L(vi: "Hình thức đồng ý: paper (phiếu giấy), email hoặc web.", en: "How it was given: paper, email or web.")) var channel: String?
        @Option(help: L(vi: "Nơi lưu minh chứng (số hồ sơ phiếu đồng ý).", en: "Where the proof is kept (the forms' file number).")) var evidence: String?

        func run(api: APIClient, printer: Printer) async throws {
            _ = try ImportConsent(consent: consent, notice: notice, channel: channel, evidence: evidence)
            if template {
                printer.console.write(CandidateCSV.template)
                return
            }
            guard let file else {
                throw ServiceError.invalid("file", vi: "cần tệp CSV (hoặc --template để lấy tệp mẫu)",
                                           en: "a CSV file is needed (or --template for the template)")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ServiceError.invalid("file", vi: "không đọc được tệp \(file)", en: "cannot read the file \(file)")
            }
            let console = printer.console
            let report: ImportReport
            do {
                report = try await api.upload("/v1/candidates/imports", [UInt8](data), contentType: "text/csv; charset=utf-8",
                                              query: [("skip_invalid", rejects != nil ? "true" : nil), ("consent", consent),
                                                      ("notice", notice), ("channel", channel), ("evidence", evidence)])
            } catch let error as ServiceError where error.slug == "import-refused" {
                // The answer carries the report: which rows, and why.
                guard let refused = error.extensions["report"].flatMap({ try? ImportReport(wireBytes: $0.jsonBytes) })
                else { throw error }
                report = refused
            }
            if let rejects, !report.rejected.isEmpty {
                var text = CSVWriter.byteOrderMark + CSVWriter.line(report.header + ["line", "reason"])
                for row in report.rejected { text += CSVWriter.line(row.fields + [String(row.line), row.reason]) }
                do {
                    try PrivateFile.write(Data(text.utf8), to: rejects)
                } catch {
                    throw ServiceError.invalid("skip-invalid", vi: "không ghi được \(rejects)", en: "cannot write \(rejects)")
                }
            }
            if printer.format == .json {
                console.out(report.jsonString(pretty: true))
            }
            guard report.committed else {
                for row in report.rejected.prefix(200) {
                    console.err((printer.language == .en ? "line \(row.line): " : "dòng \(row.line): ") + row.reason)
                }
                throw ServiceError(.invalid, slug: "import-refused", LocalizedText(
                    vi: "Không nhập gì: \(report.rejected.count)/\(report.rows) dòng không hợp lệ (dùng --skip-invalid TỆP để nhập các dòng hợp lệ)",
                    en: "Nothing imported: \(report.rejected.count) of \(report.rows) rows are invalid (use --skip-invalid FILE to import the valid rows)"))
            }
            if printer.format != .json {
                printer.message(LocalizedText(
                    vi: "Đã nhập \(report.imported)/\(report.rows) ứng viên" + (report.rejected.isEmpty ? "." : "; \(report.rejected.count) dòng bị loại, ghi vào \(rejects ?? "")."),
                    en: "Imported \(report.imported) of \(report.rows) candidates" + (report.rejected.isEmpty ? "." : "; \(report.rejected.count) rejected rows written to \(rejects ?? "")."))
                )
                printer.message(report.withoutConsent == 0
                    ? LocalizedText(vi: "Đã ghi nhận \(report.consentsRecorded) sự đồng ý.", en: "\(report.consentsRecorded) consents recorded.")
                    : LocalizedText(vi: "Đã ghi nhận \(report.consentsRecorded) sự đồng ý; \(report.withoutConsent) người chưa có sự đồng ý nào được ghi nhận (dùng --consent hoặc cột consent, hoặc talent consent record).",
                                    en: "\(report.consentsRecorded) consents recorded; \(report.withoutConsent) people have no consent recorded (use --consent or a consent column, or talent consent record)."))
            }
        }
    }

    struct Export: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Xuất hồ sơ ứng viên ra CSV (có BOM, để mở bằng Excel) hoặc JSON, với các bộ lọc như lệnh list.",
                            en: "Export candidates as CSV (with a byte-order mark, for Excel) or JSON, with the filters of list."))
        }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: CandidateFilterOptions
        @Option(help: L(vi: "Ghi vào tệp này thay vì in ra màn hình.",
                        en: "Write to this file instead of standard output.")) var out: String?

        func run(api: APIClient, printer: Printer) async throws {
            let json = printer.format == .json
            let bytes = try await api.download("/v1/candidates/export",
                                               query: filters.parameters() + [("format", json ? "json" : "csv")])
            let console = printer.console
            guard let out else {
                if console.isCapturing { console.write(String(decoding: bytes, as: UTF8.self)) }
                else { try FileHandle.standardOutput.write(contentsOf: Data(bytes)) }
                return
            }
            do {
                try PrivateFile.write(Data(bytes), to: out)
            } catch {
                throw ServiceError.invalid("out", vi: "không ghi được \(out)", en: "cannot write \(out)")
            }
            let count = Self.count(bytes, json: json)
            console.err(printer.language == .en ? "exported \(count) candidates to \(out)" : "đã xuất \(count) ứng viên vào \(out)")
        }

        /// The candidates in an export: the array's items, or the CSV's records after its header.
        static func count(_ bytes: [UInt8], json: Bool) -> Int {
            if json {
                guard case .array(let items)? = try? JSONValue(parsing: bytes) else { return 0 }
                return items.count
            }
            var reader = CSVReader()
            let records = reader.feed(bytes).count + (reader.finish() == nil ? 0 : 1)
            return max(0, records - 1)
        }
    }
}
