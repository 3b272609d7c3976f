import Foundation
import TalentDomain

/// The province's report as an administrative document (Decree 30/2020/NĐ-CP): the issuing bodies and the national
/// heading side by side, number and symbol, place and date, the title, the sections a report has (results with the
/// figures, shortcomings and causes, next tasks, proposals), "Nơi nhận" and the signature block; Times New Roman 14 on
/// A4 with the decree's margins. Rendered once, when the report is issued; the bytes are then kept as they are.
public enum IssuedReportView {
    public static func markdown(_ c: IssuedReportContent) -> String {
        let f = Frame(c)
        var out = """
            | \(Document.cell(c.issuer.parent)) | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
            |:---:|:---:|
            | **\(Document.cell(c.issuer.name))** | **Độc lập - Tự do - Hạnh phúc** |
            | Số: \(Document.cell(f.number)) | *\(Document.cell(f.placeAndDate))* |

            # BÁO CÁO

            **\(f.subject)**


            """
        for (numeral, title, body) in f.parts {
            out += "## \(numeral). \(title)\n\n"
            for paragraph in body.paragraphs { out += paragraph + "\n\n" }
            for (i, section) in body.sections.enumerated() {
                out += Document.markdown(section, level: 3, number: "\(i + 1). ")
            }
        }
        out += "**Nơi nhận:**\n\n"
        for recipient in c.issuer.recipients { out += "- \(Document.cell(recipient));\n" }
        out += "\n**\(Document.cell(c.issuer.signerTitle))**\n\n(Đã ký)\n\n**\(Document.cell(c.issue.signer))**\n"
        return out
    }

    public static func html(_ c: IssuedReportContent) -> String {
        let f = Frame(c)
        let e = Chart.escape
        var body = """
            <table class="heading"><tr>
            <td><div>\(e(c.issuer.parent))</div><div class="b">\(e(c.issuer.name))</div><div class="rule"></div>
            <div>Số: \(e(f.number))</div></td>
            <td><div class="b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="b">Độc lập - Tự do - Hạnh phúc</div>
            <div class="rule"></div><div class="i">\(e(f.placeAndDate))</div></td>
            </tr></table>
            <h1>BÁO CÁO</h1>
            <p class="subject">\(e(f.subject))</p>

            """
        for (numeral, title, part) in f.parts {
            body += "<h2>\(e(numeral)). \(e(title))</h2>\n"
            for paragraph in part.paragraphs { body += "<p>\(e(paragraph))</p>\n" }
            for (i, section) in part.sections.enumerated() { body += html(section, level: 3, number: "\(i + 1). ") }
        }
        body += """
            <table class="closing"><tr>
            <td class="recipients"><div class="bi">Nơi nhận:</div>\(c.issuer.recipients.map { "<div>- \(e($0));</div>" }.joined())</td>
            <td class="signature"><div class="b">\(e(c.issuer.signerTitle))</div><div class="i">(Đã ký)</div>
            <div class="name">\(e(c.issue.signer))</div></td>
            </tr></table>
            """
        return """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>\(e(f.number)) — \(e(f.subject))</title>
            <style>\(style)</style></head><body>
            \(body)
            </body></html>

            """
    }

    static func html(_ section: Document.Section, level: Int, number: String) -> String {
        let e = Chart.escape
        var out = "<h\(level)>\(e(number + section.title))</h\(level)>\n"
        for paragraph in section.paragraphs { out += "<p>\(e(paragraph))</p>\n" }
        if let chart = section.chart { out += chart + "\n" }
        if let table = section.table {
            func cells(_ row: [String], _ tag: String) -> String {
                row.enumerated().map { "<\(tag)\(table.numeric.contains($0) ? " class=\"num\"" : "")>\(e($1))</\(tag)>" }.joined()
            }
            out += "<table class=\"data\"><thead><tr>\(cells(table.headers, "th"))</tr></thead><tbody>"
            out += table.rows.map { "<tr>\(cells($0, "td"))</tr>" }.joined() + "</tbody></table>\n"
        }
        for part in section.parts { out += html(part, level: min(level + 1, 6), number: "") }
        return out
    }

    /// Decree 30/2020/NĐ-CP, Appendix I: A4, top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman,
    /// 13–14 pt body.
    static let style = """
        @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 14pt; line-height: 1.3;
               color: #000; margin: 0; }
        table.heading, table.closing { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
        table.heading td { text-align: center; vertical-align: top; font-size: 12.5pt; }
        table.heading td:first-child { width: 42%; } table.heading td:last-child { width: 58%; }
        .b { font-weight: bold; } .i { font-style: italic; } .bi { font-weight: bold; font-style: italic; }
        .rule { width: 35%; margin: 2pt auto 4pt; border-top: 0.6pt solid #000; }
        h1 { text-align: center; font-size: 14pt; margin: 18pt 0 0; }
        p.subject { text-align: center; font-weight: bold; margin: 0 0 12pt; }
        h2 { font-size: 14pt; margin: 12pt 0 6pt; } h3, h4, h5 { font-size: 14pt; font-style: italic; margin: 8pt 0 4pt; }
        p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
        table.data { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 12pt; page-break-inside: auto; }
        table.data th, table.data td { border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: top; }
        table.data td.num, table.data th.num { text-align: right; }
        table.data tr { page-break-inside: avoid; }
        svg.chart { max-width: 100%; height: auto; display: block; margin: 4pt 0; font-size: 10pt; }
        table.closing td { vertical-align: top; } td.recipients { width: 50%; font-size: 12pt; }
        td.signature { width: 50%; text-align: center; } td.signature .name { margin-top: 48pt; font-weight: bold; }
        """

    /// The parts every rendering shares: number and symbol, place and date, subject, and the four sections.
    struct Frame {
        var number: String
        var placeAndDate: String
        var subject: String
        var parts: [(String, String, (paragraphs: [String], sections: [Document.Section]))]

        init(_ c: IssuedReportContent) {
            let issue = c.issue
            number = issue.number
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
            let d = issue.signedOn
            // Decree 30: days under 10 and the months January and February are written with a leading zero.
            let month = d.month <= 2 ? two(d.month) : String(d.month)
            placeAndDate = "\(c.issuer.place), ngày \(two(d.day)) tháng \(month) năm \(d.year)"
            let plan = "Kế hoạch số 483/KH-UBND ngày 19/12/2024 thực hiện Đề án “Thu hút, tạo nguồn, phát triển đội ngũ cán bộ, công chức làm công tác tham mưu xây dựng pháp luật” (Quyết định số 916/QĐ-TTg)"
            switch issue.kind {
            case .annual: subject = "Kết quả thực hiện \(plan) năm \(issue.year.year)"
            case .midterm: subject = "Sơ kết thực hiện \(plan) giai đoạn 2025 – 2027"
            case .final: subject = "Tổng kết thực hiện \(plan) giai đoạn 2025 – 2030"
            }
            let figures = AnnualReportView.document(c.annual).sections
            func consolidated(_ own: String?, _ pick: (AgencySubmission) -> String?, none: String) -> [String] {
                if let own { return own.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
                let lines = c.submissions.compactMap { s in pick(s).map { "\(s.agencyName): \($0.replacingOccurrences(of: "\n", with: " "))" } }
                return lines.isEmpty ? [none] : lines
            }
            let total = c.submissions.count + c.missing.count
            var general = consolidated(issue.assessment, { $0.results }, none: "Chưa có cơ quan nào gửi báo cáo.")
            general.append(c.missing.isEmpty
                ? "Đã nhận báo cáo của \(c.submissions.count)/\(total) cơ quan."
                : "Đã nhận báo cáo của \(c.submissions.count)/\(total) cơ quan; chưa gửi: \(c.missing.map(\.agencyName).joined(separator: ", ")).")
            let next = issue.kind == .annual ? "NHIỆM VỤ NĂM \(issue.year.year + 1)" : "NHIỆM VỤ GIAI ĐOẠN TIẾP THEO"
            parts = [
                ("I", "KẾT QUẢ THỰC HIỆN", (general, figures)),
                ("II", "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                 (consolidated(issue.shortcomings, { $0.difficulties }, none: "Không có."), [])),
                ("III", next, (issue.tasks.map { $0.split(separator: "\n").map(String.init) } ?? ["Tiếp tục thực hiện các nhiệm vụ của Kế hoạch."], [])),
                ("IV", "ĐỀ XUẤT, KIẾN NGHỊ", (consolidated(issue.proposals, { $0.proposals }, none: "Không có."), [])),
            ]
        }
    }
}
