import AduanCore

/// The commands `aduan` knows.
public enum CommandName: String, CaseIterable, Sendable {
    case screen = ""
    case `init`
    case demo
    case `import`
    case export
    case list
    case show
    case act
    case verify
    case backup
    case anchor
    case calendar
    case report
    case autoClose = "auto-close"
    case sweep
    case office
    case serve
    case help

    static func parse(_ s: String) -> CommandName? {
        guard !s.isEmpty else { return nil }
        return allCases.first { $0.rawValue == s }
    }
}

/// An option a command accepts.
struct OptionSpec: Sendable {
    var name: String
    var value: String?
    var repeatable = false

    init(_ name: String, value: String? = nil, repeatable: Bool = false) {
        self.name = name
        self.value = value
        self.repeatable = repeatable
    }
}

/// Options every command accepts.
let globalOptions: [OptionSpec] = [
    OptionSpec("store", value: "PATH"), OptionSpec("config", value: "PATH"), OptionSpec("as", value: "OPERATOR"),
    OptionSpec("lang", value: "id|en"), OptionSpec("help"), OptionSpec("demo"), OptionSpec("version"),
]

/// Options by command.
func commandOptions(_ command: CommandName) -> [OptionSpec] {
    switch command {
    case .screen, .help, .autoClose, .sweep, .serve: return []
    case .`init`: return [OptionSpec("office", value: "FILE"), OptionSpec("training")]
    case .office: return [OptionSpec("format", value: "text|json"), OptionSpec("yes")]
    case .verify, .anchor: return [OptionSpec("anchors", value: "FILE"), OptionSpec("key", value: "FILE")]
    case .demo: return [OptionSpec("count", value: "N"), OptionSpec("seed", value: "S")]
    case .import: return [OptionSpec("format", value: "csv|json|open311"), OptionSpec("skip-invalid"), OptionSpec("dry-run")]
    case .export: return [OptionSpec("format", value: "csv|json|open311|xlsx"), OptionSpec("out", value: "FILE"), OptionSpec("order", value: "deadline|received|updated|oldest"),
                          OptionSpec("header", value: "en|id")]
    case .list: return [OptionSpec("order", value: "deadline|received|updated|oldest"), OptionSpec("limit", value: "N"), OptionSpec("header", value: "id|en")]
    case .show: return []
    case .backup: return []
    case .calendar: return [OptionSpec("calendar-days")]
    case .report: return [OptionSpec("format", value: "text|csv|json|xlsx"), OptionSpec("out", value: "FILE"),
                          OptionSpec("from", value: "YYYY-MM-DD"), OptionSpec("to", value: "YYYY-MM-DD"),
                          OptionSpec("wide"), OptionSpec("header", value: "en|id")]
    case .act:
        return [OptionSpec("unit", value: "UNIT"), OptionSpec("agency", value: "AGENCY"), OptionSpec("reason", value: "TEXT"),
                OptionSpec("code", value: "CODE"), OptionSpec("text", value: "TEXT"), OptionSpec("text-file", value: "FILE"),
                OptionSpec("secret"), OptionSpec("rating", value: "1-5"), OptionSpec("duplicate-of", value: "ID"),
                OptionSpec("title", value: "TEXT"), OptionSpec("body", value: "TEXT"), OptionSpec("classification", value: "C"),
                OptionSpec("category", value: "PATH"), OptionSpec("anonymous", value: "yes|no"), OptionSpec("confidential", value: "yes|no"),
                OptionSpec("priority", value: "low|normal|high"), OptionSpec("channel", value: "CHANNEL"), OptionSpec("location", value: "TEXT"),
                OptionSpec("incident-date", value: "YYYY-MM-DD"), OptionSpec("tracking", value: "DIGITS"),
                OptionSpec("reporter-name", value: "NAME"), OptionSpec("reporter-phone", value: "PHONE"),
                OptionSpec("reporter-email", value: "EMAIL"), OptionSpec("reporter-nik", value: "NIK"),
                OptionSpec("expect-version", value: "N"), OptionSpec("written-at", value: "DATE-TIME")]
    }
}

/// The parsed command line.
public struct ParsedArguments: Sendable {
    public var command: CommandName = .screen
    public var options: [String: [String]] = [:]
    public var positionals: [String] = []
    /// The language of the session's messages (from --lang, else the locale), for errors raised
    /// while parsing and by `int(_:range:)`.
    public var language: Language = .id

    public func flag(_ name: String) -> Bool { options[name] != nil }
    public func value(_ name: String) -> String? { options[name]?.last }

    public func int(_ name: String, range: ClosedRange<Int>) throws(CLIError) -> Int? {
        guard let v = value(name) else { return nil }
        guard let n = Int(v.filter { $0 != "_" && $0 != "." && $0 != "," }), range.contains(n) else {
            throw .usage(strings(language).command(.wholeNumber(option: name, value: v, range: range)))
        }
        return n
    }

    /// Parses `aduan [global options] [command] [options] [arguments]`. Options may come in any order;
    /// `--name=value` and `--name value` both work; `--` ends the options.
    public static func parse(_ args: [String], language: Language? = nil) throws(CLIError) -> ParsedArguments {
        var result = ParsedArguments()
        // Errors found while parsing speak the language asked for, even before --lang is reached.
        result.language = language ?? Self.languageOption(args) ?? Platform.language(flag: nil, config: nil)
        let t = strings(result.language)
        var i = 0
        var commandSeen = false
        var onlyPositionals = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositionals || !arg.hasPrefix("-") || arg == "-" {
                if !commandSeen && !onlyPositionals, let c = CommandName.parse(arg) {
                    result.command = c
                    commandSeen = true
                } else if !commandSeen && !onlyPositionals && result.positionals.isEmpty {
                    let known = CommandName.allCases.map(\.rawValue).filter { !$0.isEmpty }
                    throw .usage(t.command(.unknownCommand(arg, suggestion: FilterParser.closest(arg, in: known), commands: known)))
                } else {
                    result.positionals.append(arg)
                }
                continue
            }
            if arg == "--" { onlyPositionals = true; continue }
            if arg == "-h" { result.options["help"] = [""]; continue }
            guard arg.hasPrefix("--") else {
                // "-status:proses"-style filter negations belong to the filter, not to us.
                if result.command == .list || result.command == .export { result.positionals.append(arg); continue }
                // A negative number ("calendar due 2026-11-23 -1") is an argument, not an option.
                if arg.count > 1, arg.dropFirst().allSatisfy(\.isNumber) { result.positionals.append(arg); continue }
                throw .usage(t.command(.unknownShortOption(arg)))
            }
            var name = String(arg.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            let specs = globalOptions + commandOptions(result.command)
            guard let spec = specs.first(where: { $0.name == name }) else {
                let cmd = result.command == .screen ? "aduan" : "aduan \(result.command.rawValue)"
                throw .usage(t.command(.unknownOption(name, command: cmd, suggestion: FilterParser.closest(name, in: specs.map(\.name)))))
            }
            if let valueName = spec.value {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if i < args.count {
                    value = args[i]
                    i += 1
                } else {
                    throw .usage(t.command(.needsValue(option: name, valueName: valueName)))
                }
                if result.options[name] != nil && !spec.repeatable {
                    throw .usage(t.command(.givenTwice(option: name)))
                }
                result.options[name, default: []].append(value)
            } else {
                if inlineValue != nil { throw .usage(t.command(.takesNoValue(option: name))) }
                result.options[name] = [""]
            }
        }
        return result
    }

    /// The value of `--lang` (or `--lang=`) anywhere in `args`, before they are parsed.
    static func languageOption(_ args: [String]) -> Language? {
        for (i, a) in args.enumerated() {
            if a == "--" { break }
            if a == "--lang", i + 1 < args.count { return Language.from(args[i + 1]) }
            if a.hasPrefix("--lang=") { return Language.from(String(a.dropFirst(7))) }
        }
        return nil
    }
}
