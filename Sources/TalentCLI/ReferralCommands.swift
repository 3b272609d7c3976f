import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct ReferralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral", abstract: "Who recommended a candidate, and whether the referral is credited.",
        subcommands: [Add.self, List.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a referral: by a person, a staff user, an agency, a partner, or the candidate themself.")
        @OptionGroup var global: GlobalOptions
        @Option var candidate: String
        @Option(name: .customLong("by-person"), help: "The referrer's name.") var byPerson: String?
        @Option(name: .customLong("by-user"), help: "A staff user's id.") var byUser: String?
        @Option(name: .customLong("by-agency"), help: "An agency's code.") var byAgency: String?
        @Option(name: .customLong("by-partner"), help: "A partner's code.") var byPartner: String?
        @Flag(name: .customLong("self"), help: "The candidate applied themself.") var selfApplied = false
        @Option(name: .customLong("referrer-title"), help: "The referrer's title.") var referrerTitle: String?
        @Option(name: .customLong("referrer-email"), help: "The referrer's e-mail.") var referrerEmail: String?
        @Option(help: "none, teacher, colleague, supervisor, relative or other.") var relationship: String?
        @Option var justification: String

        func validate() throws {
            let given = [byPerson != nil, byUser != nil, byAgency != nil, byPartner != nil, selfApplied].filter { $0 }.count
            guard given == 1 else {
                throw ValidationError("Give exactly one of --by-person, --by-user, --by-agency, --by-partner, --self")
            }
        }

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let kind: ReferrerKind = byPerson != nil ? .person : byUser != nil ? .user : byAgency != nil ? .agency
                : byPartner != nil ? .partner : .selfApplication
            let draft = ReferralDraft(candidateID: candidate, referrerKind: kind.rawValue, referrerName: byPerson,
                                      referrerTitle: referrerTitle, referrerEmail: referrerEmail, referrerUserID: byUser,
                                      referrerAgencyCode: byAgency, referrerPartnerCode: byPartner,
                                      relationship: relationship, justification: justification)
            printer.record(try await services.referrals.add(ValidReferral(draft), by: actor), Columns.referral)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List referrals, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option var candidate: String?
        @Option(help: "A referrer: a person's name, a staff user's id, an agency's or a partner's code.") var referrer: String?
        @Option(help: "person, user, agency, partner or self.") var kind: String?
        @Flag(help: "Only credited referrals.") var credited = false
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.referrals.list(candidateID: candidate, kind: kind, referrer: referrer,
                                                         credited: credited ? true : nil,
                                                         page: paging.request(), by: actor)
            printer.list(page.items, Columns.referral, nextCursor: page.nextCursor)
        }
    }
}

extension Columns {
    static let referral: [Column<Referral>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("candidate_id", vi: "Ứng viên", en: "Candidate") { $0.candidateID.text },
        Column("referrer_kind", vi: "Loại người giới thiệu", en: "Referrer kind") { $0.referrerKind.rawValue },
        Column("referrer", vi: "Người giới thiệu", en: "Referrer") { $0.referrerLabel },
        Column("relationship", vi: "Quan hệ", en: "Relationship") { $0.relationship.rawValue },
        Column("credited", vi: "Được ghi nhận", en: "Credited") { $0.credited ? "✓" : "" },
        Column("channel", vi: "Kênh", en: "Channel") { $0.channel },
        Column("created_at", vi: "Thời điểm", en: "Time") { $0.createdAt.local },
        Column("justification", vi: "Lý do giới thiệu", en: "Justification") { $0.justification },
    ]
}
