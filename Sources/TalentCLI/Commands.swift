import ArgumentParser
import Foundation
import TalentDomain
import TalentService

// MARK: agency

struct AgencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "Agencies: the bodies that post positions and carry targets.",
        subcommands: [List.self, Add.self, Update.self, Retire.self])

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List agencies.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include retired agencies.") var all = false
        @Option(help: "Only this kind: department, district, commune, other.") var kind: String?
        @Option var limit: Int = 200
        @Option var cursor: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.agencies.list(includeRetired: all, kind: kind,
                                                        page: PageRequest(limit: limit, cursor: cursor), by: actor)
            printer.list(page.items, Columns.agency, nextCursor: page.nextCursor)
        }
    }

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add an agency.")
        @OptionGroup var global: GlobalOptions
        @Option var code: String
        @Option var name: String
        @Option(help: "department, district, commune or other.") var kind: String = "department"

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let agency = try await services.agencies.add(code: code, name: name, kind: kind, by: actor)
            printer.record(agency, Columns.agency)
        }
    }

    struct Update: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Rename an agency; its code and history stay.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option var name: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let agency = try await services.agencies.rename(code, name: name, by: actor)
            printer.record(agency, Columns.agency)
        }
    }

    struct Retire: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Retire an agency, optionally merged into another.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(name: .customLong("merged-into")) var mergedInto: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let agency = try await services.agencies.retire(code, mergedInto: mergedInto, by: actor)
            printer.record(agency, Columns.agency)
        }
    }
}

// MARK: user

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Staff users who sign in to the API.", subcommands: [Add.self, List.self])

    struct Add: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Add a staff user.")
        @OptionGroup var global: GlobalOptions
        @Option var name: String
        @Option(help: "admin, hr, evaluator or leadership.") var role: String
        @Option var agency: String?
        @Option var email: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let user = try await services.users.add(name: name, role: role, agencyCode: agency, email: email, by: actor)
            printer.record(user, Columns.user)
        }
    }

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List staff users.")
        @OptionGroup var global: GlobalOptions
        @Option var role: String?
        @Option var limit: Int = PageRequest.defaultLimit
        @Option var cursor: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.users.list(role: role, page: PageRequest(limit: limit, cursor: cursor), by: actor)
            printer.list(page.items, Columns.user, nextCursor: page.nextCursor)
        }
    }
}

// MARK: token

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
            let issued = try await services.tokens.issue(userID: user, partnerCode: partner, expiresInDays: expiresIn, by: actor)
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
        @Option var limit: Int = PageRequest.defaultLimit
        @Option var cursor: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.tokens.list(userID: user, page: PageRequest(limit: limit, cursor: cursor), by: actor)
            printer.list(page.items, Columns.token, nextCursor: page.nextCursor)
        }
    }

    struct Revoke: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token; it stops working at once.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The token's id (from `talent token list`).") var tokenID: String

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let token = try await services.tokens.revoke(tokenID, by: actor)
            printer.record(token, Columns.token)
        }
    }
}

// MARK: audit

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit trail of every write.", subcommands: [List.self])

    struct List: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "List audit entries, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "TYPE or TYPE:ID, for example candidate:3f2a….") var entity: String?
        @Option(name: .customLong("actor")) var actorName: String?
        @Option(help: "From this date, YYYY-MM-DD.") var since: String?
        @Option var limit: Int = PageRequest.defaultLimit
        @Option var cursor: String?

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let page = try await services.audit.list(entity: entity, actor: actorName, since: since,
                                                     page: PageRequest(limit: limit, cursor: cursor), by: actor)
            printer.list(page.items, Columns.audit, nextCursor: page.nextCursor)
        }
    }
}
