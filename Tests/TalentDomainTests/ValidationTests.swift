import Foundation
import TalentDomain
import Testing

@Suite("Identifiers people type")
struct ValidationTests {
    @Test("citizen IDs are exactly 12 digits", arguments: [
        ("082301000123", "082301000123"),
        ("  082301000123 ", "082301000123"),
        ("001099012345", "001099012345"),
    ])
    func validCitizenIDs(raw: String, stored: String) {
        #expect(Normalize.citizenID(raw) == stored)
    }

    @Test("citizen IDs that are refused", arguments: [
        "", "08230100012", "0823010001234", "08230100012a", "0823 0100 0123", "０８２３０１０００１２３", "-82301000123",
    ])
    func invalidCitizenIDs(raw: String) {
        #expect(Normalize.citizenID(raw) == nil)
    }

    @Test("phones are normalized to +84…", arguments: [
        ("0912345678", "+84912345678"),
        ("0912 345 678", "+84912345678"),
        ("0912.345.678", "+84912345678"),
        ("0912-345-678", "+84912345678"),
        ("+84912345678", "+84912345678"),
        ("+84 912 345 678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("0084912345678", "+84912345678"),
        ("+84 0912 345 678", "+84912345678"),
        ("0352123456", "+84352123456"),
        ("(0273) 3872 123", "+842733872123"),
        ("02733872123", "+842733872123"),
    ])
    func validPhones(raw: String, stored: String) {
        #expect(Normalize.phone(raw) == stored)
    }

    @Test("phones that are refused", arguments: [
        "", "12345", "091234567", "09123456789", "+1 202 555 0100", "0912345678x", "0112345678", "+8491234567",
        "phone", "09123+45678",
    ])
    func invalidPhones(raw: String) {
        #expect(Normalize.phone(raw) == nil)
    }

    @Test("e-mail addresses are trimmed and lower-cased", arguments: [
        ("Thu.Nguyen@Example.edu.vn", "thu.nguyen@example.edu.vn"),
        (" an@moj.gov.vn ", "an@moj.gov.vn"),
        ("a+tag@sub.example.com", "a+tag@sub.example.com"),
    ])
    func validEmails(raw: String, stored: String) {
        #expect(Normalize.email(raw) == stored)
    }

    @Test("e-mail addresses that are refused", arguments: [
        "", "plain", "@example.com", "a@", "a@b", "a@b.c", "a b@example.com", "a@@example.com", "a@-x.com",
        "a@example..com", "a@exa mple.com",
    ])
    func invalidEmails(raw: String) {
        #expect(Normalize.email(raw) == nil)
    }

    @Test("names are stored NFC and otherwise exactly as typed")
    func namesAreNFC() {
        let decomposed = "Nguye\u{0302}\u{0303}n Thi\u{0323} Minh Thu\u{031B}"  // NFD, as some keyboards send it
        let composed = "Nguyễn Thị Minh Thư"
        #expect(!decomposed.unicodeScalars.elementsEqual(composed.unicodeScalars))  // equal as Swift Strings, not as bytes
        #expect(Normalize.personName(decomposed) == composed)
        #expect(Normalize.personName(decomposed)!.unicodeScalars.elementsEqual(composed.unicodeScalars))
        #expect(Normalize.personName("  Lê  Văn   An ") == "Lê  Văn   An")
        #expect(Normalize.personName("ĐẶNG thị ánh") == "ĐẶNG thị ánh")
    }

    @Test("names that are refused", arguments: ["", "   ", "123", "An\u{0}", "Bình\u{7}", String(repeating: "a", count: 201)])
    func invalidNames(raw: String) {
        #expect(Normalize.personName(raw) == nil)
    }

    @Test("search folding drops every tone mark and maps đ to d", arguments: [
        ("Nguyễn Thị Minh Thư", "nguyen thi minh thu"),
        ("ĐẶNG Văn Đức", "dang van duc"),
        ("Lê  Quốc   Hùng", "le quoc hung"),
        ("Huỳnh Ngọc Ánh", "huynh ngoc anh"),
        ("Ổn Ưng Ơn", "on ung on"),
        ("à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ", "a a a a a a a a a a a a a a a a a"),
        ("Nguye\u{0302}\u{0303}n", "nguyen"),
    ])
    func folding(text: String, folded: String) {
        #expect(VietnameseText.fold(text) == folded)
    }

    @Test("dates are real dates written YYYY-MM-DD", arguments: [
        ("2001-05-14", true), ("2024-02-29", true), ("2023-02-29", false), ("2001-13-01", false), ("2001-5-14", false),
        ("14/05/2001", false), ("2001-05-14T00:00:00Z", false), ("", false), ("2000-02-29", true), ("1900-02-29", false),
    ])
    func dates(text: String, valid: Bool) {
        #expect((CalendarDate(text) != nil) == valid)
        if valid { #expect(CalendarDate(text)?.description == text) }
    }

    @Test("a candidate draft names every bad field at once")
    func candidateDraftErrors() {
        let draft = CandidateDraft(fullName: "", dateOfBirth: "2001-02-30", citizenID: "123", email: "x", phone: "1")
        do {
            _ = try ValidCandidate(draft)
            Issue.record("an invalid draft was accepted")
        } catch {
            #expect(error.kind == .invalid)
            #expect(Set(error.fieldErrors.map(\.field)) == ["full_name", "date_of_birth", "citizen_id", "email", "phone"])
        }
    }

    @Test("a date of birth in the future is refused")
    func futureBirth() throws {
        let today = CalendarDate(year: 2026, month: 11, day: 30)!
        #expect(throws: ServiceError.self) {
            try ValidCandidate(CandidateDraft(fullName: "An", dateOfBirth: "2026-12-01"), today: today)
        }
        #expect(try ValidCandidate(CandidateDraft(fullName: "An", dateOfBirth: "2026-11-30"), today: today).dateOfBirth == today)
    }

    @Test("cursors round-trip and garbage is a field error")
    func cursors() throws {
        let cursor = Cursor(key: "1732950000000000", id: "e0497252-2678-4531-a633-2a46448284ac")
        #expect(try Cursor(decoding: cursor.encoded) == cursor)
        #expect(throws: ServiceError.self) { try Cursor(decoding: "not a cursor!") }
        #expect(throws: ServiceError.self) { try PageRequest(limit: 0) }
        #expect(throws: ServiceError.self) { try PageRequest(limit: 201) }
        #expect(try PageRequest().limit == 50)
    }

    @Test("Accept-Language picks English only when asked", arguments: [
        (nil, Language.vi), ("en", .en), ("en-US,en;q=0.9", .en), ("vi-VN, en;q=0.5", .vi), ("fr", .vi), ("", .vi),
    ] as [(String?, Language)])
    func languages(header: String?, language: Language) {
        #expect(Language.negotiate(header) == language)
    }

    @Test("an agreement's dates are required: absent, empty or malformed, each named, never a crash", arguments: [
        (nil, nil, ["starts_on", "ends_on"]),
        ("", "", ["starts_on", "ends_on"]),
        ("2026-01-01", "", ["ends_on"]),
        ("", "2028-12-31", ["starts_on"]),
        ("2026-02-30", "2028-12-31", ["starts_on"]),
        ("2026-01-01", "2025-12-31", ["ends_on"]),
    ] as [(String?, String?, [String])])
    func agreementDates(starts: String?, ends: String?, fields: [String]) {
        do {
            _ = try ValidAgreement(AgreementDraft(reference: "45/2026/HĐHT", startsOn: starts, endsOn: ends))
            Issue.record("accepted starts_on \(starts ?? "nil"), ends_on \(ends ?? "nil")")
        } catch {
            #expect(error.fieldErrors.map(\.field) == fields)
        }
    }

    @Test("a target's deadline is required, empty or absent")
    func targetDeadline() {
        for deadline in [nil, ""] as [String?] {
            #expect(throws: ServiceError.self) {
                try ValidTarget(agencyCode: "STP", positionKind: "core_drafting_officer", count: 2, deadline: deadline,
                                note: nil)
            }
        }
    }
}

@Suite("Documents and webhooks: the rules without a database")
struct DocumentRuleTests {
    @Test("the type comes from the first bytes; a ZIP is a DOCX only with word/document.xml; anything else is none")
    func sniffing() {
        #expect(DocumentType(sniffing: Array("%PDF-1.7".utf8), hasWordDocument: false) == .pdf)
        #expect(DocumentType(sniffing: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], hasWordDocument: false) == .png)
        #expect(DocumentType(sniffing: [0xFF, 0xD8, 0xFF, 0xE1], hasWordDocument: false) == .jpeg)
        #expect(DocumentType(sniffing: [0x50, 0x4B, 0x03, 0x04], hasWordDocument: true) == .docx)
        #expect(DocumentType(sniffing: [0x50, 0x4B, 0x03, 0x04], hasWordDocument: false) == nil)
        #expect(DocumentType(sniffing: Array("<html>".utf8), hasWordDocument: false) == nil)
        #expect(DocumentType(sniffing: [UInt8](), hasWordDocument: false) == nil)
        #expect(DocumentType(sniffing: Array("%PD".utf8), hasWordDocument: false) == nil)
    }

    @Test("a DOCX's XML becomes its text: paragraphs on lines, entities decoded, tags gone")
    func wordText() {
        let xml = #"<w:document><w:body><w:p><w:r><w:t>Kỹ thuật</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> soạn &amp; thảo</w:t></w:r></w:p><w:p><w:r><w:t>&#7843;&#x1EA1; &lt;b&gt;</w:t></w:r></w:p></w:body></w:document>"#
        #expect(DocumentText.fromWordXML(xml) == "Kỹ thuật\t soạn & thảo\nảạ <b>\n")
    }

    @Test("kept text has no NUL or other control characters but line breaks and tabs")
    func keptText() {
        #expect(DocumentText.kept("a\u{0}b\tc\nd\u{7}") == "ab\tc\nd")
        #expect(DocumentText.kept("\u{0} ") == nil)
    }

    @Test("a file name keeps its base name, NFC, without control characters")
    func filenames() throws {
        #expect(try ValidDocumentRequest(kind: "cv", filename: "C:\\Users\\hr\\Lý lịch.pdf").filename == "Lý lịch.pdf")
        #expect(try ValidDocumentRequest(kind: "cv", filename: "../../etc/passwd").filename == "passwd")
        #expect(try ValidDocumentRequest(kind: "cv", filename: "..").filename == nil)
        #expect(try ValidDocumentRequest(kind: "cv", filename: "a\u{0}b.pdf").filename == nil)
        #expect(try ValidDocumentRequest(kind: "cv", filename: "Le\u{0302}\u{0301}.pdf").filename == "Lế.pdf")
        #expect(throws: ServiceError.self) { try ValidDocumentRequest(kind: "selfie", filename: nil) }
    }

    @Test("a webhook's URL is https, or http to this machine only")
    func webhookURLs() throws {
        #expect(try ValidWebhook(partnerCode: "ULAW", url: "https://ulaw.edu.vn/hook").url == "https://ulaw.edu.vn/hook")
        #expect(try ValidWebhook(partnerCode: "ULAW", url: "http://127.0.0.1:8080/h").url == "http://127.0.0.1:8080/h")
        #expect(try ValidWebhook(partnerCode: "ULAW", url: "HTTPS://Ulaw.edu.vn/Hook").url == "https://Ulaw.edu.vn/Hook")
        for bad in ["http://ulaw.edu.vn/hook", "ftp://x.vn", "https://", "https://user:pw@x.vn/", "https://x.vn/a b", "hook"] {
            #expect(throws: ServiceError.self) { try ValidWebhook(partnerCode: "ULAW", url: bad) }
        }
    }

    @Test("triage: declined needs a reason; a position only with accepted; new is no triage")
    func triage() throws {
        #expect(throws: ServiceError.self) { try ValidTriage(triage: "declined", reason: nil, positionID: nil) }
        #expect(throws: ServiceError.self) { try ValidTriage(triage: "new", reason: nil, positionID: nil) }
        #expect(throws: ServiceError.self) {
            try ValidTriage(triage: "reviewed", reason: nil, positionID: UUID().uuidString)
        }
        #expect(try ValidTriage(triage: "declined", reason: "  Chưa phù hợp ", positionID: nil).reason == "Chưa phù hợp")
    }
}
