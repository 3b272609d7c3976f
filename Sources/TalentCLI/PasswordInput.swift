import Foundation
import TalentDomain

#if canImport(Glibc)
import Glibc
#endif

/// A password for a command: `TALENT_PASSWORD` when set (scripts, tests), else typed at the terminal without
/// echo, twice when it is a new one. Never printed, never passed as a flag (flags show in `ps` and shell history).
enum PasswordInput {
    static func read(prompt: String, confirm: String? = nil, console: Console) throws -> String {
        if let given = console.environment["TALENT_PASSWORD"], !given.isEmpty { return given }
        guard !console.isCapturing, isatty(STDIN_FILENO) == 1 else {
            throw ServiceError.invalid("password", vi: "nhập mật khẩu từ bàn phím hoặc đặt biến TALENT_PASSWORD",
                                       en: "type the password at a terminal or set TALENT_PASSWORD")
        }
        let first = try typed(prompt)
        if let confirm {
            guard try typed(confirm) == first else {
                throw ServiceError.invalid("password", vi: "hai lần nhập không giống nhau", en: "the two entries differ")
            }
        }
        return first
    }

    /// A line typed at the terminal (with echo), such as an e-mail.
    static func line(prompt: String, console: Console) throws -> String {
        guard !console.isCapturing, isatty(STDIN_FILENO) == 1 else {
            throw ServiceError.invalid("email", vi: "cần --email", en: "--email is required")
        }
        FileHandle.standardError.write(Data(prompt.utf8))
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ServiceError.invalid("email", vi: "cần --email", en: "--email is required")
        }
        return line
    }

    /// One line from the terminal with echo off, restored whatever happens.
    private static func typed(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            throw ServiceError.invalid("password", vi: "không nhận được mật khẩu", en: "no password was typed")
        }
        return line
    }
}
