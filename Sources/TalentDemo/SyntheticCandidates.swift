import Foundation
import TalentDomain
import TalentService
import TalentStore

/// Large volumes of realistic synthetic candidates, for benchmarks and load tests: COPY straight into the database,
/// or a CSV file in the import format. Rows with `number` n are unique in citizen ID, e-mail and phone, so several
/// batches with different `first` numbers never collide.
public struct SyntheticCandidates: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The generator over the services' database.
    public init(services: TalentServices) {
        self.init(database: services.database)
    }

    /// COPYs `count` candidates (half with an education record) and records one audit entry for the batch.
    public func load(count: Int, first: Int = 0, by actor: Principal) async throws {
        try actor.require([.admin])
        try await database.transaction { tx in
            try await tx.candidates.copy((first..<(first + count)).lazy.map { n in
                let person = Self.person(n)
                return BulkCandidate(
                    id: UUID(), fullName: person.name, dateOfBirth: person.dateOfBirth, gender: person.gender,
                    citizenID: person.citizenID, email: person.email, phone: person.phone, sector: person.sector,
                    createdAt: person.createdAt,
                    education: n % 2 == 0 ? BulkCandidate.Education(
                        degree: person.degree, field: "Luật", institution: person.institution,
                        graduationYear: person.graduationYear, classification: person.classification) : nil)
            })
            try await tx.audit.record(actor, "candidate.generate", "candidate", "synthetic",
                                      extra: ["count": .number(Double(count)), "first": .number(Double(first))])
        }
    }

    /// Writes `count` candidates as an import CSV.
    public static func csv(count: Int, first: Int, write: (String) throws -> Void) throws {
        try write(CSVWriter.line(["full_name", "date_of_birth", "gender", "citizen_id", "email", "phone", "sector", "degree",
                                  "field", "institution", "graduation_year", "classification"]))
        var chunk = ""
        for n in first..<(first + count) {
            let p = person(n)
            chunk += CSVWriter.line([p.name, p.dateOfBirth, p.gender, p.citizenID, p.email, p.phone, p.sector, p.degree,
                                     "Luật", p.institution, p.graduationYear, p.classification])
            if chunk.utf8.count > 1 << 20 {
                try write(chunk)
                chunk = ""
            }
        }
        try write(chunk)
    }

    struct Person {
        var name, dateOfBirth, gender, citizenID, email, phone, sector, createdAt: String
        var degree, institution, graduationYear, classification: String
    }

    /// The n-th synthetic person: the same on every machine.
    static func person(_ n: Int) -> Person {
        var g = SeededGenerator(seed: UInt64(n) &* 0x9E37_79B9 &+ 17)
        func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
        let family = pick(DemoData.familyNames)
        let middle = pick(DemoData.middleNames)
        let given = pick(DemoData.givenNames)
        let year = 1965 + Int(g.next() % 40)
        let female = middle == "Thị" || g.next() % 2 == 0
        let created = Date(timeIntervalSince1970: 1_700_000_000 + Double(g.next() % 90_000_000))
        let slug = VietnameseText.fold("\(given).\(family)").replacingOccurrences(of: " ", with: ".")
        return Person(
            name: "\(family) \(middle) \(given)",
            dateOfBirth: String(format: "%04d-%02d-%02d", year, 1 + Int(g.next() % 12), 1 + Int(g.next() % 28)),
            gender: female ? "female" : "male",
            citizenID: String(format: "%03d%d%08d", 1 + Int(g.next() % 96), female ? 1 : 0, n % 100_000_000),
            email: "\(slug).\(n)@example.vn",
            phone: String(format: "+849%08d", n % 100_000_000),
            sector: pick(Sector.allCases).rawValue,
            createdAt: ISO8601DateFormatter().string(from: created),
            degree: pick([Degree.bachelor, .bachelor, .bachelor, .master, .doctor]).rawValue,
            institution: pick(DemoData.institutions), graduationYear: String(min(2025, year + 23)),
            classification: pick(Classification.allCases).rawValue)
    }
}
