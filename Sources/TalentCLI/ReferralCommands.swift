import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct ReferralCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "referral", abstract: L(vi: "Giới thiệu: ai đã giới thiệu ứng viên, và việc giới thiệu có được ghi nhận hay không.",
                                                 en: "Who recommended a candidate, and whether the referral is credited."),
            subcommands: [Add.self, List.self])
    }

    struct Add: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Ghi nhận một lượt giới thiệu: của cá nhân, cán bộ trong hệ thống, cơ quan, đối tác, hoặc ứng viên tự ứng tuyển.",
                            en: "Record a referral: by a person, a staff user, an agency, a partner, or the candidate themself."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã ứng viên.", en: "The candidate's id.")) var candidate: String
        @Option(name: .customLong("by-person"), help: L(vi: "Họ tên người giới thiệu.",
                                                        en: "The referrer's name.")) var byPerson: String?
        @Option(name: .customLong("by-user"), help: L(vi: "Mã người dùng của cán bộ.",
                                                      en: "A staff user's id.")) var byUser: String?
        @Option(name: .customLong("by-agency"), help: L(vi: "Mã cơ quan.",
                                                        en: "An agency's code.")) var byAgency: String?
        @Option(name: .customLong("by-partner"), help: L(vi: "Mã đối tác.",
                                                         en: "A partner's code.")) var byPartner: String?
        @Flag(name: .customLong("self"), help: L(vi: "Ứng viên tự ứng tuyển.",
                                                 en: "The candidate applied themself.")) var selfApplied = false
        @Option(name: .customLong("referrer-title"), help: L(vi: "Chức danh người giới thiệu.",
                                                             en: "The referrer's title.")) var referrerTitle: String?
        @Option(name: .customLong("referrer-email"), help: L(vi: "Thư điện tử người giới thiệu.",
                                                             en: "The referrer's e-mail.")) var referrerEmail: String?
        @Option(help: L(vi: "Quan hệ: none (không có), teacher (giảng viên, thầy cô), colleague (đồng nghiệp), supervisor (cấp trên), relative (người thân) hoặc other (khác).",
                        en: "none, teacher, colleague, supervisor, relative or other.")) var relationship: String?
        @Option(help: L(vi: "Lý do giới thiệu.", en: "Why the candidate is recommended.")) var justification: String

        func validate() throws {
            let given = [byPerson != nil, byUser != nil, byAgency != nil, byPartner != nil, selfApplied].filter { $0 }.count
            guard given == 1 else {
                throw ValidationError("Give exactly one of --by-person, --by-user, --by-agency, --by-partner, --self")
            }
        }

        func run(api: APIClient, printer: Printer) async throws {
            let kind: ReferrerKind = byPerson != nil ? .person : byUser != nil ? .user : byAgency != nil ? .agency
                : byPartner != nil ? .partner : .selfApplication
            let draft = ReferralDraft(candidateID: candidate, referrerKind: kind.rawValue, referrerName: byPerson,
                                      referrerTitle: referrerTitle, referrerEmail: referrerEmail, referrerUserID: byUser,
                                      referrerAgencyCode: byAgency, referrerPartnerCode: byPartner,
                                      relationship: relationship, justification: justification)
            _ = try ValidReferral(draft)
            func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
            let body = JSONValue.object([
                "candidate_id": text(draft.candidateID), "referrer_kind": text(draft.referrerKind),
                "referrer_name": text(draft.referrerName), "referrer_title": text(draft.referrerTitle),
                "referrer_email": text(draft.referrerEmail), "referrer_user_id": text(draft.referrerUserID),
                "referrer_agency_code": text(draft.referrerAgencyCode),
                "referrer_partner_code": text(draft.referrerPartnerCode), "relationship": text(draft.relationship),
                "justification": text(draft.justification),
            ])
            printer.record(try await api.post("/v1/referrals", body, as: Referral.self), Columns.referral)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các lượt giới thiệu, mới nhất trước.",
                                             en: "List referrals, newest first."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã ứng viên.", en: "The candidate's id.")) var candidate: String?
        @Option(help: L(vi: "Người giới thiệu: họ tên cá nhân, mã người dùng của cán bộ, mã cơ quan hoặc mã đối tác.",
                        en: "A referrer: a person's name, a staff user's id, an agency's or a partner's code.")) var referrer: String?
        @Option(help: L(vi: "person (cá nhân), user (cán bộ), agency (cơ quan), partner (đối tác) hoặc self (tự ứng tuyển).",
                        en: "person, user, agency, partner or self.")) var kind: String?
        @Flag(help: L(vi: "Chỉ các lượt giới thiệu được ghi nhận.",
                      en: "Only credited referrals.")) var credited = false
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let page: Page<Referral> = try await api.get("/v1/referrals", query: [
                ("candidate_id", candidate), ("referrer_kind", kind), ("referrer", referrer),
                ("credited", credited ? "true" : nil),
            ] + APIClient.page(paging.request()))
            let names = await candidateNames(page.items.map(\.candidateID), printer: printer, api: api)
            printer.list(page.items, Columns.referral(candidateNames: names), nextCursor: page.nextCursor)
        }
    }
}

/// The names of the candidates a table of referrals shows, looked up once each (a table only: JSON and CSV keep
/// `candidate_id` and nothing else). A candidate the actor may not read keeps its id.
func candidateNames(_ ids: [UUID], printer: Printer, api: APIClient) async -> [UUID: String] {
    guard printer.format == .table else { return [:] }
    var names: [UUID: String] = [:]
    for id in ids where names[id] == nil {
        if let candidate = try? await api.get("/v1/candidates/\(id.text)", as: Candidate.self) { names[id] = candidate.fullName }
    }
    return names
}

extension Columns {
    static let referral = referral(candidateNames: [:])

    /// A referral's columns; a table shows the candidate's name where it is known, CSV the candidate's id.
    static func referral(candidateNames: [UUID: String]) -> [Column<Referral>] { [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("candidate_id", vi: "Ứng viên", en: "Candidate", value: { $0.candidateID.text },
               cell: { referral, _ in candidateNames[referral.candidateID] ?? referral.candidateID.text }),
        .code("referrer_kind", vi: "Loại người giới thiệu", en: "Referrer kind") { $0.referrerKind },
        Column("referrer", vi: "Người giới thiệu", en: "Referrer", value: { $0.referrerLabel }, cell: { referral, language in
            referral.referrerKind == .selfApplication ? referral.referrerKind.label.text(language) : referral.referrerLabel
        }),
        .code("relationship", vi: "Quan hệ", en: "Relationship") { $0.relationship },
        Column("credited", vi: "Được ghi nhận", en: "Credited") { $0.credited ? "✓" : "" },
        Column("channel", vi: "Kênh", en: "Channel") { $0.channel },
        .time("created_at", vi: "Thời điểm", en: "Time") { $0.createdAt },
        Column("justification", vi: "Lý do giới thiệu", en: "Justification") { $0.justification },
    ] }
}
