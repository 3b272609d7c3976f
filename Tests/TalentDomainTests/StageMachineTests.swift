import TalentDomain
import Testing

@Suite("Stage machine")
struct StageMachineTests {
    /// Every move, written out: A = allowed, R = needs a reason, - = refused.
    /// Columns: nominated screening evaluation interview offer hired pool rejected withdrawn.
    static let table: [(PipelineStage, String)] = [
        (.nominated,  "- A - - - - - A A"),
        (.screening,  "R - A - - - - A A"),
        (.evaluation, "R R - A - - A A A"),
        (.interview,  "R R R - A - A A A"),
        (.offer,      "R R R R - A A A A"),
        (.pool,       "R R R R R - - A A"),
        (.hired,      "R R R R R - R - -"),
        (.rejected,   "R R R R R - R - -"),
        (.withdrawn,  "R R R R R - R - -"),
    ]

    static let columns: [PipelineStage] = [.nominated, .screening, .evaluation, .interview, .offer, .hired, .pool, .rejected, .withdrawn]

    static var cases: [(PipelineStage, PipelineStage, StageMachine.Verdict)] {
        table.flatMap { from, row in
            zip(columns, row.split(separator: " ")).map { to, mark in
                (from, to, mark == "A" ? .allowed : mark == "R" ? .needsReason : .refused)
            }
        }
    }

    @Test("the table covers every pair of stages")
    func coversEverything() {
        #expect(Self.cases.count == PipelineStage.allCases.count * PipelineStage.allCases.count)
    }

    @Test("every allowed and every refused move", arguments: cases)
    func verdicts(from: PipelineStage, to: PipelineStage, expected: StageMachine.Verdict) {
        #expect(StageMachine.verdict(from: from, to: to) == expected)
        switch expected {
        case .allowed:
            #expect(throws: Never.self) { try StageMachine.check(from: from, to: to, reason: nil) }
        case .needsReason:
            #expect(throws: ServiceError.self) { try StageMachine.check(from: from, to: to, reason: nil) }
            #expect(throws: ServiceError.self) { try StageMachine.check(from: from, to: to, reason: "   ") }
            #expect(throws: Never.self) { try StageMachine.check(from: from, to: to, reason: "Bổ sung hồ sơ") }
        case .refused:
            #expect(throws: ServiceError.self) { try StageMachine.check(from: from, to: to, reason: "any reason") }
        }
    }

    @Test("a refused move names the moves that are allowed")
    func refusalIsClear() {
        do {
            try StageMachine.check(from: .nominated, to: .interview, reason: nil)
            Issue.record("skipping stages was allowed")
        } catch {
            #expect(error.kind == .conflict)
            #expect(error.slug == "invalid-transition")
            #expect(error.message.en.contains("screening"))
        }
    }
}

@Suite("Vietnamese name order")
struct SortKeyTests {
    @Test("names sort by given name, in Vietnamese alphabet order, tones breaking ties")
    func order() {
        let names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Ánh", "Phạm Minh Đức", "Hồ Văn Dũng", "Võ Thị Anh",
                     "Đặng Văn An", "Ngô Thị Ân", "Bùi Văn Ơn", "Lý Văn On", "Mai Văn Ôn"]
        let sorted = names.sorted { VietnameseText.sortKey($0) < VietnameseText.sortKey($1) }
        #expect(sorted == ["Đặng Văn An", "Trần Thị An", "Võ Thị Anh", "Lê Văn Ánh", "Ngô Thị Ân", "Nguyễn Văn Bình",
                           "Hồ Văn Dũng", "Phạm Minh Đức", "Lý Văn On", "Mai Văn Ôn", "Bùi Văn Ơn"])
    }

    @Test("the key is ASCII and ignores case and normalization form")
    func stable() {
        let key = VietnameseText.sortKey("Nguyễn Văn An")
        let ascii = key.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        #expect(VietnameseText.sortKey("NGUYỄN VĂN AN") == key)
        #expect(VietnameseText.sortKey("Nguye\u{0302}\u{0303}n Va\u{0306}n An") == key)
    }
}

@Suite("CSV reading")
struct CSVReaderTests {
    func read(_ text: String, chunk: Int = 3) -> [[String]] {
        var reader = CSVReader()
        var records: [[String]] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            records += reader.feed(Array(bytes[i..<min(i + chunk, bytes.count)])).map(\.fields)
            i += chunk
        }
        if let last = reader.finish() { records.append(last.fields) }
        return records
    }

    @Test("quotes, doubled quotes, commas and line breaks inside fields, CRLF, and a byte-order mark", arguments: [1, 2, 7, 1000])
    func parsing(chunk: Int) {
        let text = "\u{FEFF}full_name,notes\r\n\"Nguyễn, Thị\",\"nói \"\"xin chào\"\"\nxuống dòng\"\r\nLê Văn An,\n"
        #expect(read(text, chunk: chunk) == [["full_name", "notes"], ["Nguyễn, Thị", "nói \"xin chào\"\nxuống dòng"], ["Lê Văn An", ""]])
    }

    @Test("line numbers count physical lines, for row-numbered errors")
    func lines() {
        var reader = CSVReader()
        let records = reader.feed(Array("a\n\"x\ny\"\nb\n".utf8))
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("no final line break and no byte-order mark")
    func plain() {
        #expect(read("a,b\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(read("ä,b") == [["ä", "b"]])
    }
}

@Suite("Profile updates")
struct ProfilePatchTests {
    @Test("only the named fields change; a named nil clears")
    func applying() {
        let base = CandidateDraft(fullName: "Lê Văn An", email: "an@example.vn", phone: "0912345678", notes: "cũ")
        let patch = CandidateDraft(email: nil, notes: "mới")
        let result = base.applying(patch, fields: [.email, .notes])
        #expect(result.fullName == "Lê Văn An")
        #expect(result.email == nil)
        #expect(result.phone == "0912345678")
        #expect(result.notes == "mới")
    }

    @Test("education records are checked field by field")
    func education() {
        let draft = CandidateDraft(fullName: "An", education: [
            EducationDraft(degree: "bachelor", field: "law", institution: "Trường Đại học Luật TP. Hồ Chí Minh",
                           graduationYear: 2023, classification: "excellent"),
            EducationDraft(degree: "phd", graduationYear: 1800, classification: "superb"),
        ])
        do {
            _ = try ValidCandidate(draft)
            Issue.record("invalid education accepted")
        } catch {
            #expect(Set(error.fieldErrors.map(\.field)) == ["education[1].degree", "education[1].graduation_year",
                                                           "education[1].classification"])
        }
    }

    @Test("skills are trimmed, deduplicated ignoring accents and case")
    func tags() throws {
        let valid = try ValidCandidate(CandidateDraft(fullName: "An", skills: [" Soạn thảo ", "soan thao", "Thẩm định", ""]))
        #expect(valid.skills == ["Soạn thảo", "Thẩm định"])
    }
}
