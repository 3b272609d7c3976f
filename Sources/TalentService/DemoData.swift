import Foundation
import TalentDomain
import TalentStore

/// Realistic sample data for a first look, written through the same service methods as real work (and so audited).
public struct DemoData: Sendable {
    let services: TalentServices

    public init(services: TalentServices) {
        self.services = services
    }

    public struct Summary: Sendable, Encodable {
        public var users: [StaffUser]
        public var candidates: Int
        public var alreadyLoaded: Bool
    }

    static let marker = "quantri@demo.talent.vn"

    /// Loads the sample once; a second run finds its marker and adds nothing.
    public func load(by actor: Actor) async throws -> Summary {
        try actor.require([.admin])
        let existing = try await services.users.list(page: PageRequest(limit: 200), by: actor).items
        if existing.contains(where: { $0.email == Self.marker }) {
            return Summary(users: existing.filter { $0.email?.hasSuffix("@demo.talent.vn") == true }, candidates: 0,
                           alreadyLoaded: true)
        }
        let staff: [(String, Role, String, String)] = [
            ("Quản trị viên Hệ thống", .admin, "STP", Self.marker),
            ("Nguyễn Thị Lan", .hr, "SNV", "lan.nguyen@demo.talent.vn"),
            ("Trần Minh Đức", .hr, "STP", "duc.tran@demo.talent.vn"),
            ("Lê Văn Hải", .evaluator, "STP", "hai.le@demo.talent.vn"),
            ("Phạm Thị Thu Hà", .evaluator, "SNV", "ha.pham@demo.talent.vn"),
            ("Võ Thành Nam", .leadership, "VPUBND", "nam.vo@demo.talent.vn"),
        ]
        var users: [StaffUser] = []
        for (name, role, agency, email) in staff {
            users.append(try await services.users.add(name: name, role: role.rawValue, agencyCode: agency, email: email,
                                                      by: actor))
        }
        var generator = SeededGenerator(seed: 483)
        var count = 0
        for index in 0..<120 {
            let draft = Self.candidate(index, using: &generator)
            do {
                _ = try await services.candidates.add(draft, by: actor)
                count += 1
            } catch let error as ServiceError where error.kind == .conflict {
                continue  // a generated identifier collided; skip that person
            }
        }
        return Summary(users: users, candidates: count, alreadyLoaded: false)
    }

    static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Bùi", "Đặng",
                              "Đỗ", "Ngô", "Hồ", "Dương", "Đinh", "Lâm", "Châu", "Tô", "Lương"]
    static let middleNames = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng", "Quốc", "Thu", "Bảo", "Gia", "Hữu",
                              "Đức", "Kim", "Phương", "Anh", "Trọng"]
    static let givenNames = ["An", "Bình", "Châu", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hùng",
                             "Khánh", "Khoa", "Linh", "Long", "Mai", "Minh", "Nam", "Ngân", "Nhung", "Phúc", "Phượng",
                             "Quân", "Quyên", "Sơn", "Tâm", "Thảo", "Thư", "Trang", "Trí", "Tú", "Tuấn", "Uyên",
                             "Vy", "Xuân", "Yến", "Đào", "Ánh", "Ổn", "Ưng"]

    static func candidate(_ index: Int, using g: inout SeededGenerator) -> CandidateDraft {
        let family = familyNames[Int(g.next() % UInt64(familyNames.count))]
        let middle = middleNames[Int(g.next() % UInt64(middleNames.count))]
        let given = givenNames[Int(g.next() % UInt64(givenNames.count))]
        let year = 1975 + Int(g.next() % 28)
        let month = 1 + Int(g.next() % 12)
        let day = 1 + Int(g.next() % 28)
        let female = middle == "Thị" || g.next() % 2 == 0
        // CCCD: province code 082 (Tiền Giang), century-and-sex digit, two-digit birth year, six digits.
        let centurySex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0)
        let citizenID = String(format: "082%d%02d%06d", centurySex, year % 100, 100_000 + index)
        let phonePrefixes = ["090", "091", "093", "094", "097", "098", "032", "035", "070", "077", "083", "085"]
        let phone = phonePrefixes[Int(g.next() % UInt64(phonePrefixes.count))] + String(format: "%07d", 1_000_000 + index * 37)
        let slug = VietnameseText.fold("\(given) \(family)").replacingOccurrences(of: " ", with: ".")
        return CandidateDraft(fullName: "\(family) \(middle) \(given)",
                              dateOfBirth: String(format: "%04d-%02d-%02d", year, month, day),
                              citizenID: g.next() % 10 == 0 ? nil : citizenID,
                              email: "\(slug).\(index)@example.vn",
                              phone: g.next() % 8 == 0 ? nil : phone)
    }
}

/// A small deterministic generator (SplitMix64), so the demo data is the same on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
