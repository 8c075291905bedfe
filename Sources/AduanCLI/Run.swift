import AduanCore
import AduanStore
import Glibc

/// Runs `aduan` with its arguments and returns the exit code. Never lets an error escape as a
/// stack trace: every failure becomes one clear line on stderr.
public func runAduan(_ args: [String]) -> Int32 {
    // A closed pipe (aduan list | head) must end quietly, not with SIGPIPE noise.
    signal(SIGPIPE, SIG_IGN)
    let err = OutputStream(fd: 2)
    var language = Platform.language(flag: nil, config: nil)
    var opened: Session?
    // A training store says so last, on stderr, to a person at a terminal (issue 13): stdout
    // stays exactly what scripts parse, and an error stays one line for the logs.
    defer { opened?.sayTraining() }
    do throws(CLIError) {
        if let l = ParsedArguments.languageOption(args) { language = l }
        let parsed = try ParsedArguments.parse(args, language: language)
        if parsed.flag("version") {
            let out = OutputStream(fd: 1)
            out.line("aduan \(aduanVersion)")
            return 0
        }
        if parsed.flag("help") || parsed.command == .help {
            return try help(parsed, language: language)
        }
        let session = try Session(arguments: parsed)
        opened = session
        language = session.language
        do throws(CLIError) {
            let code = try dispatch(session)
            session.out.flush()
            return code
        } catch {
            session.out.flush()
            // Rendered with the office's directory, so units and agencies appear by name.
            if case .store(let e) = error { throw CLIError.refused(session.describe(e)).withCode(e.exitCode) }
            throw error
        }
    } catch {
        err.line(render(error, language: language))
        err.flush()
        return error.exitCode
    }
}

public let aduanVersion = "0.1.0"

extension CLIError {
    /// Keeps a store error's exit code after rendering it to text.
    func withCode(_ code: Int32) -> CLIError {
        code == 2 ? .environment(message) : .refused(message)
    }

    var message: String {
        switch self {
        case .usage(let m), .environment(let m), .refused(let m): return m
        case .invalid(let lines): return lines.joined(separator: "\n")
        case .store(let e): return "\(e)"
        }
    }
}

/// A value the user gave (an argument, an environment variable) as a message quotes it: made
/// safe for the terminal and cut to an excerpt, since it may be 120 KB long.
func quoteInput(_ s: String) -> String { SafeText.excerpt(s, limit: 80) }

/// The last guard against a message that quotes a whole input: every line made safe and cut to
/// an excerpt, so stderr stays short whatever a message embeds.
func shortLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { SafeText.excerpt(String($0), limit: 1_000) }
        .joined(separator: "\n")
}

func render(_ e: CLIError, language: Language) -> String {
    shortLines(renderWhole(e, language: language))
}

private func renderWhole(_ e: CLIError, language: Language) -> String {
    let prefix = "aduan: "
    switch e {
    case .usage(let m):
        return prefix + m + "\n" + strings(language).command(.seeHelp)
    case .environment(let m), .refused(let m):
        return prefix + m
    case .invalid(let lines):
        // These quote the input file, which is nobody's trusted text and may hold megabyte fields.
        return lines.map { SafeText.excerpt($0) }.joined(separator: "\n")
    case .store(let s):
        return prefix + s.message(strings(language), names: Directory(agencies: []), zone: .wib)
    }
}

func help(_ p: ParsedArguments, language: Language) throws(CLIError) -> Int32 {
    let out = OutputStream(fd: 1)
    var topic = p.command == .help ? p.positionals.first : nil
    if p.command != .help && p.command != .screen { topic = p.command.rawValue }
    switch topic {
    case nil:
        out.write(HelpText.render(.screen, language))
    case "workflow", "alur":
        out.line(strings(language).command(.workflowTitle))
        out.line(TransitionTable.standard().markdown(strings(language)))
    case "filter", "saringan":
        out.line(HelpText.filterLanguage(language))
    case let t?:
        guard let c = CommandName.parse(t) else {
            throw .usage(strings(language).command(.noHelpFor(t, topics: CommandName.allCases.map(\.rawValue).filter { !$0.isEmpty } + ["workflow", "filter"])))
        }
        out.write(HelpText.render(c, language))
    }
    out.flush()
    return 0
}

func dispatch(_ s: Session) throws(CLIError) -> Int32 {
    switch s.arguments.command {
    case .screen: return try ScreenCommand.run(s)
    case .`init`: return try InitCommand.run(s)
    case .demo: return try DemoCommand.run(s)
    case .`import`: return try ImportCommand.run(s)
    case .export: return try ExportCommand.run(s)
    case .list: return try ListCommand.run(s)
    case .show: return try ShowCommand.run(s)
    case .act: return try ActCommand.run(s)
    case .verify: return try VerifyCommand.run(s)
    case .backup: return try BackupCommand.run(s)
    case .anchor: return try AnchorCommand.run(s)
    case .calendar: return try CalendarCommand.run(s)
    case .report: return try ReportCommand.run(s)
    case .autoClose: return try AutoCloseCommand.run(s)
    case .sweep: return try SweepCommand.run(s)
    case .office: return try OfficeCommand.run(s)
    case .serve: return try ServeCommand.run(s)
    case .help: return try help(s.arguments, language: s.language)
    }
}

/// Refuses extra positional arguments with a clear message.
func expectPositionals(_ s: Session, _ range: ClosedRange<Int>, _ what: String) throws(CLIError) {
    let n = s.arguments.positionals.count
    if n < range.lowerBound {
        throw .usage(s.strings.command(.missingArguments(command: s.arguments.command.rawValue, usage: what)))
    }
    if n > range.upperBound {
        throw .usage(s.strings.command(.unexpectedArgument(command: s.arguments.command.rawValue, argument: s.arguments.positionals[range.upperBound])))
    }
}
