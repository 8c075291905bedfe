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

/// An option a command accepts. The same declaration parses it and writes its line in `--help`
/// (`HelpText.optionLines`), so an accepted option cannot be missing from help.
struct OptionSpec: Sendable {
    var name: String
    var value: String?
    var repeatable = false
    /// What it does, in the string tables (both languages).
    var help: OptionHelp

    init(_ name: String, value: String? = nil, repeatable: Bool = false, _ help: OptionHelp) {
        self.name = name
        self.value = value
        self.repeatable = repeatable
        self.help = help
    }
}

/// Options every command accepts.
let globalOptions: [OptionSpec] = [
    OptionSpec("store", value: "PATH", .store), OptionSpec("config", value: "PATH", .config), OptionSpec("as", value: "OPERATOR", .operatorID),
    OptionSpec("lang", value: "id|en", .lang), OptionSpec("help", .help), OptionSpec("demo", .demo), OptionSpec("version", .version),
]

/// Options by command.
func commandOptions(_ command: CommandName) -> [OptionSpec] {
    switch command {
    case .screen, .help, .autoClose, .sweep, .serve: return []
    case .`init`: return [OptionSpec("office", value: "FILE", .office), OptionSpec("training", .training)]
    case .office: return [OptionSpec("format", value: "text|json", .officeFormat), OptionSpec("yes", .yes)]
    case .verify, .anchor: return [OptionSpec("anchors", value: "FILE", .anchors), OptionSpec("key", value: "FILE", .key)]
    case .demo: return [OptionSpec("count", value: "N", .count), OptionSpec("seed", value: "S", .seed)]
    case .import: return [OptionSpec("format", value: "csv|json|open311", .importFormat), OptionSpec("skip-invalid", .skipInvalid),
                          OptionSpec("dry-run", .dryRun)]
    case .export: return [OptionSpec("format", value: "csv|json|open311|xlsx", .exportFormat), OptionSpec("out", value: "FILE", .out),
                          OptionSpec("order", value: "deadline|received|updated|oldest", .order), OptionSpec("header", value: "en|id", .exportHeader)]
    case .list: return [OptionSpec("order", value: "deadline|received|updated|oldest", .order), OptionSpec("limit", value: "N", .limit),
                        OptionSpec("header", value: "id|en", .listHeader)]
    case .show: return []
    case .backup: return []
    case .calendar: return [OptionSpec("calendar-days", .calendarDays)]
    case .report: return [OptionSpec("format", value: "text|csv|json|xlsx", .reportFormat), OptionSpec("out", value: "FILE", .out),
                          OptionSpec("from", value: "YYYY-MM-DD", .from), OptionSpec("to", value: "YYYY-MM-DD", .to),
                          OptionSpec("wide", .wide), OptionSpec("header", value: "en|id", .reportHeader)]
    case .act:
        return [OptionSpec("unit", value: "UNIT", .unit), OptionSpec("agency", value: "AGENCY", .agency), OptionSpec("reason", value: "TEXT", .reason),
                OptionSpec("code", value: "CODE", .archiveCode), OptionSpec("text", value: "TEXT", .text), OptionSpec("text-file", value: "FILE", .textFile),
                OptionSpec("secret", .secret), OptionSpec("rating", value: "1-5", .rating), OptionSpec("duplicate-of", value: "ID", .duplicateOf),
                OptionSpec("title", value: "TEXT", .title), OptionSpec("body", value: "TEXT", .body), OptionSpec("classification", value: "C", .classification),
                OptionSpec("category", value: "PATH", .category), OptionSpec("anonymous", value: "yes|no", .anonymous),
                OptionSpec("confidential", value: "yes|no", .confidential), OptionSpec("priority", value: "low|normal|high", .priority),
                OptionSpec("channel", value: "CHANNEL", .channel), OptionSpec("location", value: "TEXT", .location),
                OptionSpec("incident-date", value: "YYYY-MM-DD", .incidentDate), OptionSpec("tracking", value: "DIGITS", .tracking),
                OptionSpec("reporter-name", value: "NAME", .reporterName), OptionSpec("reporter-phone", value: "PHONE", .reporterPhone),
                OptionSpec("reporter-email", value: "EMAIL", .reporterEmail), OptionSpec("reporter-nik", value: "NIK", .reporterNIK),
                OptionSpec("expect-version", value: "N", .expectVersion), OptionSpec("written-at", value: "DATE-TIME", .writtenAt)]
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

    /// Whether `word` is one of `specs`' options (`--lang`, `--lang=en`), so it cannot be the
    /// value of the option before it; `--- note ---` names none and stays a value.
    static func namesAnOption(_ word: String, _ specs: [OptionSpec]) -> Bool {
        guard word.hasPrefix("--") else { return false }
        let name = word.dropFirst(2).prefix { $0 != "=" }
        return specs.contains { $0.name == name }
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
                } else if i < args.count, !Self.namesAnOption(args[i], specs) {
                    value = args[i]
                    i += 1
                } else {
                    // At the end, or followed by another of the command's options (`--as --lang en`):
                    // that word is no value.
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
