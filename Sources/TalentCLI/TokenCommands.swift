import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API bearer tokens.", subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: ServiceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token; the secret is printed once (the last line in table format).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The staff user the token acts as.") var user: String?
        @Option(help: "Or the partner institution (code) it acts as, for nominations only.") var partner: String?
        @Option(name: .customLong("expires-in"), help: "Days until it expires (default 90).") var expiresIn: Int?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let input = try TokenRequest(userID: user, partnerCode: partner, expiresInDays: expiresIn)
            let issued = try await services.tokens.issue(input, by: actor)
            var columns = Columns.token.map { column in
                Column<IssuedToken>(column.field, vi: column.heading.vi, en: column.heading.en) { column.value($0.record) }
            }
            // In a table the secret stands alone on the last line, so `| tail -1` picks it up.
            if printer.format == .csv { columns.append(Column("token", vi: "Mã bí mật", en: "Secret") { $0.token }) }
            printer.record(issued, columns, trailer: issued.token)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        @OptionGroup var global: GlobalOptions
        @Option var user: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.tokens.list(userID: user, page: paging.request(), by: actor)
            printer.list(page.items, Columns.token, nextCursor: page.nextCursor)
        }
    }

    struct Revoke: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token; it stops working at once.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The token's id (from `talent token list`).") var tokenID: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let token = try await services.tokens.revoke(UUID.parse(tokenID), by: actor)
            printer.record(token, Columns.token)
        }
    }
}

extension Columns {
    static let token: [Column<AccessToken>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("holder", vi: "Người giữ", en: "Holder") { $0.holder },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode.cell },
        Column("role", vi: "Vai trò", en: "Role") { $0.role.rawValue },
        Column("prefix", vi: "Tiền tố", en: "Prefix") { $0.prefix },
        Column("expires_at", vi: "Hết hạn", en: "Expires") { $0.expiresAt?.local ?? "" },
        Column("revoked_at", vi: "Thu hồi", en: "Revoked") { $0.revokedAt?.local ?? "" },
        Column("last_used_at", vi: "Dùng lần cuối", en: "Last used") { $0.lastUsedAt?.local ?? "" },
    ]
}
