// Writes a page of candidates (the API's search answer) many times, with the product's JSONWriter mapping and with
// Foundation's JSONEncoder (no .sortedKeys, the same fields, explicit nulls), and prints the figures. Run by
// bench/json.sh on a release build; asserts nothing.
import Foundation
import TalentDomain
import TalentWire

/// The same page, encoded the Codable way: what the API did before the one mapping.
struct EncodablePage: Encodable {
    var items: [EncodableCandidate]
    var nextCursor: String?

    enum CodingKeys: String, CodingKey { case items, nextCursor = "next_cursor" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(nextCursor, forKey: .nextCursor)
    }
}

struct EncodableEducation: Encodable {
    var record: EducationRecord

    enum CodingKeys: String, CodingKey { case degree, field, institution, graduationYear = "graduation_year", classification }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record.degree.rawValue, forKey: .degree)
        try c.encode(record.field, forKey: .field)
        try c.encode(record.institution, forKey: .institution)
        try c.encode(record.graduationYear, forKey: .graduationYear)
        try c.encode(record.classification?.rawValue, forKey: .classification)
    }
}

struct EncodableCandidate: Encodable {
    var candidate: Candidate

    enum CodingKeys: String, CodingKey {
        case id, fullName = "full_name", dateOfBirth = "date_of_birth", gender, citizenID = "citizen_id", email, phone
        case province, education, sector, currentEmployer = "current_employer", currentTitle = "current_title"
        case legalExperienceYears = "legal_experience_years", skills, languages, notes, version
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let x = candidate
        try c.encode(x.id.text, forKey: .id)
        try c.encode(x.fullName, forKey: .fullName)
        try c.encode(x.dateOfBirth?.description, forKey: .dateOfBirth)
        try c.encode(x.gender?.rawValue, forKey: .gender)
        try c.encode(x.citizenID, forKey: .citizenID)
        try c.encode(x.email, forKey: .email)
        try c.encode(x.phone, forKey: .phone)
        try c.encode(x.province, forKey: .province)
        try c.encode(x.education.map(EncodableEducation.init), forKey: .education)
        try c.encode(x.sector?.rawValue, forKey: .sector)
        try c.encode(x.currentEmployer, forKey: .currentEmployer)
        try c.encode(x.currentTitle, forKey: .currentTitle)
        try c.encode(x.legalExperienceYears, forKey: .legalExperienceYears)
        try c.encode(x.skills, forKey: .skills)
        try c.encode(x.languages, forKey: .languages)
        try c.encode(x.notes, forKey: .notes)
        try c.encode(x.version, forKey: .version)
        try c.encode(x.createdAt, forKey: .createdAt)
        try c.encode(x.updatedAt, forKey: .updatedAt)
    }
}

let pageSize = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 51
let rounds = Int(CommandLine.arguments.dropFirst(2).first ?? "") ?? 2000
let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"]
let givens = ["Thị Minh Thư", "Văn Dũng", "Ngọc Uyên", "Hoàng Phương", "Thanh Hương", "Quốc Khánh"]
func sample(_ i: Int) -> Candidate {
    let name: String = families[i % families.count] + " " + givens[i % givens.count]
    let born = CalendarDate("199\(i % 10)-0\(1 + i % 9)-1\(i % 10)")
    let education: [EducationRecord] = i % 2 == 0
        ? [EducationRecord(degree: .bachelor, field: "Luật", institution: "Trường Đại học Cần Thơ",
                           graduationYear: 2015 + i % 8, classification: .good)]
        : []
    let at = Date(timeIntervalSince1970: 1_790_000_000 + Double(i))
    let citizenID: String = "0823" + String(10_000_000 + i)
    return Candidate(id: UUID(), fullName: name, dateOfBirth: born, gender: i % 2 == 0 ? .female : .male,
                     citizenID: citizenID, email: "ung.vien\(i)@example.vn", phone: "+8490" + String(1_000_000 + i),
                     province: "Đồng Tháp", education: education, sector: .state, currentEmployer: "Sở Tư pháp",
                     currentTitle: "Chuyên viên", legalExperienceYears: i % 12, skills: ["soạn thảo văn bản", "thẩm định"],
                     languages: ["tiếng Anh"], notes: nil, version: 1, createdAt: at, updatedAt: at)
}
let candidates: [Candidate] = (0..<pageSize).map(sample)
let page = Page(items: candidates, nextCursor: "eyJrIjoiMjAyNi0xMS0zMCIsImkiOiIzZjJhIn0")
let encodable = EncodablePage(items: candidates.map(EncodableCandidate.init), nextCursor: page.nextCursor)
let encoder = JSONEncoder()
encoder.dateEncodingStrategy = .iso8601
encoder.outputFormatting = [.withoutEscapingSlashes]

func measure(_ body: () throws -> Int) rethrows -> (median: Double, p95: Double, bytes: Int) {
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        bytes = try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
    }
    times.sort()
    return (times[times.count / 2], times[times.count * 95 / 100], bytes)
}

// Warm-up, then alternate so both sides see the same machine.
_ = page.jsonBytes.count
_ = try encoder.encode(encodable).count
var writer: [(Double, Double)] = [], foundation: [(Double, Double)] = []
var sizes = (0, 0)
for _ in 0..<5 {
    let w = measure { page.jsonBytes.count }
    let f = try measure { try encoder.encode(encodable).count }
    writer.append((w.median, w.p95))
    foundation.append((f.median, f.p95))
    sizes = (w.bytes, f.bytes)
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let w50 = median(writer.map(\.0)), w95 = median(writer.map(\.1))
let f50 = median(foundation.map(\.0)), f95 = median(foundation.map(\.1))
print("page of \(pageSize) candidates, \(rounds) writes a round, 5 rounds alternated (medians of the rounds)")
print(String(format: "JSONWriter   p50 %8.1f µs  p95 %8.1f µs  %d bytes", w50, w95, sizes.0))
print(String(format: "JSONEncoder  p50 %8.1f µs  p95 %8.1f µs  %d bytes", f50, f95, sizes.1))
print(String(format: "ratio JSONEncoder / JSONWriter: p50 %.2f×, p95 %.2f×", f50 / w50, f95 / w95))
