import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentDemo
import TalentService

struct DemoCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "demo", abstract: L(vi: "Dữ liệu mẫu để xem thử.",
                                             en: "Sample data for a first look."), subcommands: [Load.self, Generate.self])
    }

    struct Load: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: L(vi: "Nạp dữ liệu mẫu sát thực tế (một lần).",
                                             en: "Load realistic sample data (once)."))
        }
        @OptionGroup var global: GlobalOptions

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            let summary = try await DemoData(services: services).load(by: actor)
            if printer.format == .json {
                printer.console.out(summary.jsonString(pretty: true))
                return
            }
            printer.message(summary.alreadyLoaded
                ? LocalizedText(vi: "Dữ liệu mẫu đã được nạp trước đó.", en: "The sample data was loaded before.")
                : LocalizedText(
                    vi: "Đã nạp \(summary.users.count) người dùng, \(summary.positions) vị trí, \(summary.candidates) ứng viên và \(summary.applications) hồ sơ ứng tuyển mẫu.",
                    en: "Loaded \(summary.users.count) users, \(summary.positions) positions, \(summary.candidates) candidates and \(summary.applications) applications."))
            printer.list(summary.users, Columns.user)
        }
    }
}

extension DemoCommand {
    struct Generate: ServiceCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Tạo nhiều hồ sơ ứng viên giả lập để đo hiệu năng: nạp thẳng vào cơ sở dữ liệu, hoặc --csv TỆP để ghi tệp nhập.",
                            en: "Generate many synthetic candidates for benchmarks: COPY into the database, or --csv FILE to write an import file."))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: L(vi: "Số hồ sơ cần tạo.", en: "How many candidates to generate.")) var candidates: Int = 100_000
        @Option(help: L(vi: "Số thứ tự của người đầu tiên được tạo (các đợt có số khác nhau không bao giờ trùng nhau).",
                        en: "Number of the first generated person (batches with different numbers never collide).")) var first: Int = 0
        @Option(help: L(vi: "Ghi tệp CSV để nhập vào đây thay vì nạp vào cơ sở dữ liệu.",
                        en: "Write an import CSV here instead of loading the database.")) var csv: String?

        func run() async throws {
            if let csv {
                guard let handle = PrivateFile.create(csv) else {
                    throw ServiceError.invalid("csv", vi: "không ghi được \(csv)", en: "cannot write \(csv)")
                }
                defer { try? handle.close() }
                try SyntheticCandidates.csv(count: candidates, first: first) { try handle.write(contentsOf: Data($0.utf8)) }
                return
            }
            let actor = try global.actor()
            let printer = global.printer
            try await global.withServices { services in
                try await run(services: services, actor: actor, printer: printer)
            }
        }

        func run(services: TalentServices, actor: Principal, printer: Printer) async throws {
            try await SyntheticCandidates(services: services).load(count: candidates, first: first, by: actor)
            printer.message(LocalizedText(vi: "Đã tạo \(candidates) ứng viên.", en: "Generated \(candidates) candidates."))
        }
    }
}
