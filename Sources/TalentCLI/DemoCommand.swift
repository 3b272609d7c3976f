import ArgumentParser
import Foundation
import TalentDomain
import TalentService

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Sample data for a first look.", subcommands: [Load.self])

    struct Load: ServiceCommand {
        static let configuration = CommandConfiguration(abstract: "Load realistic sample data (once).")
        @OptionGroup var global: GlobalOptions

        func run(services: TalentServices, actor: Actor, printer: Printer) async throws {
            let summary = try await DemoData(services: services).load(by: actor)
            if printer.format == .json {
                printer.console.out(JSONFormat.string(summary, pretty: true))
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
