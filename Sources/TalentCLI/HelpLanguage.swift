import ArgumentParser
import TalentDomain
import TalentWire

/// The language of help text: the one chosen before parsing (`--lang`, else `TALENT_LANG`, else Vietnamese).
/// swift-argument-parser evaluates `configuration` and `help:` when it builds help, so they read this task-local.
public enum HelpLanguage {
    @TaskLocal public static var current: Language = .vi

    /// The language `arguments` ask for: `--lang X` or `--lang=X`, else `TALENT_LANG` in `environment`, else Vietnamese.
    public static func scan(_ arguments: [String], environment: [String: String]) -> Language {
        var flag: Language?
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", i + 1 < arguments.count { flag = Language(rawValue: arguments[i + 1]) ?? flag }
            if argument.hasPrefix("--lang=") { flag = Language(rawValue: String(argument.dropFirst(7))) ?? flag }
            if argument == "--" { break }
        }
        return flag ?? environment["TALENT_LANG"].flatMap(Language.init(rawValue:)) ?? .vi
    }
}

/// A help text in the language of this run: an abstract, a discussion.
public func L(vi: String, en: String) -> String {
    HelpLanguage.current == .en ? en : vi
}

/// A help text in the language of this run: an option's or argument's help.
public func L(vi: String, en: String) -> ArgumentHelp {
    ArgumentHelp(HelpLanguage.current == .en ? en : vi)
}
