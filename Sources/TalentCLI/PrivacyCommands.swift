import ArgumentParser
import Foundation
import TalentDomain
import TalentWire
import TalentService

struct PrivacyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "privacy",
            abstract: L(vi: "Dữ liệu cá nhân (Luật 91/2025/QH15): quyền của người có dữ liệu, do cán bộ bảo vệ dữ liệu thực hiện.",
                        en: "Personal data (Law 91/2025/QH15): the data subjects' rights, exercised by the data-protection officer."),
            subcommands: [Export.self])
    }

    struct Export: APICommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: L(vi: "Mọi dữ liệu đang lưu về một người, thành một tài liệu JSON (quyền truy cập, quyền mang dữ liệu).",
                            en: "Everything held about one person, as one JSON document (the rights of access and portability)."))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: L(vi: "Mã định danh của ứng viên.", en: "The candidate's id.")) var candidate: String
        @Option(help: L(vi: "Ghi vào tệp này (quyền 0600) thay vì in ra màn hình.",
                        en: "Write to this file (mode 0600) instead of standard output.")) var out: String?

        /// The document as the API gave it, byte for byte: nothing is lost in a round trip.
        func run(api: APIClient, printer: Printer) async throws {
            let bytes = try await api.download("/v1/candidates/\(UUID.parse(candidate, field: "candidate").text)/export")
            guard let out else {
                printer.console.write(String(decoding: bytes, as: UTF8.self) + "\n")
                return
            }
            do {
                try PrivateFile.write(Data(bytes), to: out)
            } catch {
                throw ServiceError.invalid("out", vi: "không ghi được \(out)", en: "cannot write \(out)")
            }
            printer.message(LocalizedText(vi: "Đã ghi \(out)", en: "Wrote \(out)"))
        }
    }
}
