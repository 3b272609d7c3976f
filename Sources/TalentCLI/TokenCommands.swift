import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct TokenCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "token", abstract: L(vi: "Mã truy cập (token) của API.",
                                              en: "API bearer tokens."), subcommands: [Issue.self, List.self, Revoke.self])
    }

    struct Issue: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Cấp mã truy cập; chuỗi bí mật chỉ in ra một lần (dòng cuối ở định dạng bảng).",
                            en: "Issue a token; the secret is printed once (the last line in table format)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Người dùng mà mã truy cập đại diện.",
                        en: "The staff user the token acts as.")) var user: String?
        @Option(help: L(vi: "Hoặc cơ sở đào tạo đối tác (mã) mà mã truy cập đại diện, chỉ để gửi đề cử.",
                        en: "Or the partner institution (code) it acts as, for nominations only.")) var partner: String?
        @Option(name: .customLong("expires-in"), help: L(vi: "Số ngày có hiệu lực (mặc định 90).",
                                                         en: "Days until it expires (default 90).")) var expiresIn: Int?

        func run(api: APIClient, printer: Printer) async throws {
            let input = try TokenRequest(userID: user, partnerCode: partner, expiresInDays: expiresIn)
            var body: [String: JSONValue] = ["expires_in_days": .number(Double(input.expiresInDays))]
            switch input.holder {
            case .user(let id): body["user_id"] = .string(id.text)
            case .partner(let code): body["partner_code"] = .string(code)
            }
            let issued: IssuedToken = try await api.post("/v1/tokens", JSONValue.object(body))
            var columns = Columns.token.map { column in
                column.of { (issued: IssuedToken) in issued.record }
            }
            // In a table the secret stands alone on the last line, so `| tail -1` picks it up.
            if printer.format == .csv { columns.append(Column("token", vi: "Mã bí mật", en: "Secret") { $0.token }) }
            printer.record(issued, columns, trailer: issued.token)
        }
    }

    struct List: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Liệt kê các mã truy cập (không bao giờ hiện chuỗi bí mật).",
                                             en: "List tokens (never their secrets)."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Mã người dùng.", en: "The user's id.")) var user: String?
        @OptionGroup var paging: PageOptions<StandardPage>

        func run(api: APIClient, printer: Printer) async throws {
            let id = try user.map { text throws(ServiceError) in try UUID.parse(text, field: "user").text }
            let page: Page<AccessToken> = try await api.get("/v1/tokens", query: [("user", id)] + APIClient.page(paging.request()))
            printer.list(page.items, Columns.token, nextCursor: page.nextCursor)
        }
    }

    struct Revoke: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Thu hồi mã truy cập; mã hết tác dụng ngay.",
                                             en: "Revoke a token; it stops working at once."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của mã truy cập (xem `talent token list`).",
                          en: "The token's id (from `talent token list`).")) var tokenID: String

        func run(api: APIClient, printer: Printer) async throws {
            let token: AccessToken = try await api.delete("/v1/tokens/\(UUID.parse(tokenID).text)")
            printer.record(token, Columns.token)
        }
    }
}

extension Columns {
    static let token: [Column<AccessToken>] = [
        Column("id", vi: "Mã", en: "ID") { $0.id.text },
        Column("holder", vi: "Người giữ", en: "Holder") { $0.holder },
        Column("partner_code", vi: "Đối tác", en: "Partner") { $0.partnerCode.cell },
        .code("role", vi: "Vai trò", en: "Role") { $0.role },
        Column("prefix", vi: "Tiền tố", en: "Prefix") { $0.prefix },
        .time("expires_at", vi: "Hết hạn", en: "Expires") { $0.expiresAt },
        .time("revoked_at", vi: "Thu hồi", en: "Revoked") { $0.revokedAt },
        .time("last_used_at", vi: "Dùng lần cuối", en: "Last used") { $0.lastUsedAt },
    ]
}
