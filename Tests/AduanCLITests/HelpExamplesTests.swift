@testable import AduanCLI
import AduanCore
import AduanTestSupport
import Glibc
import Testing

/// Every command and subcommand of `aduan` (and every mode of aduan-stress, and aduan-bench) has a
/// `--help` that exits 0 and shows at least one example of exactly that command, in both
/// languages. The commands are walked from the declarations (`CommandName.allCases`) and the
/// subcommands from each help's own usage line, so a new command or subcommand without an
/// example fails here.
@Suite struct HelpExamplesTests {
    /// The examples of a help page: the lines under "Contoh:"/"Examples:", trimmed.
    static func examples(in help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0 == "Contoh:" || $0 == "Examples:" }) else { return [] }
        return lines[(start + 1)...].prefix { $0.hasPrefix("  ") }.map { String($0.drop { $0 == " " }) }
    }

    /// The subcommands a usage line names: each alternative `aduan CMD word …` whose word is
    /// lower-case (not a placeholder such as ID or FILE, nor an option).
    static func subcommands(of command: String, usage: String) -> [String] {
        usage.components(separatedBy: " | ").compactMap { alternative in
            let words = alternative.split(separator: " ").map(String.init)
            guard let at = words.firstIndex(of: command), at > 0, words[at - 1] == "aduan", at + 1 < words.count else { return nil }
            let word = words[at + 1]
            return !word.hasPrefix("-") && word.allSatisfy({ $0.isLowercase || $0 == "-" }) ? word : nil
        }
    }

    static var commands: [String] { CommandName.allCases.map(\.rawValue).filter { !$0.isEmpty } }

    @Test(arguments: Language.allCases)
    func everyCommandAndSubcommandHasAnExampleOfItselfInItsHelp(_ lang: Language) throws {
        try requireBinary()
        let desk = Desk("help-examples-\(lang.rawValue)")
        var walked = 0
        for command in Self.commands {
            let r = desk.bare([command, "--help", "--lang", lang.rawValue])
            #expect(r.status == 0, "aduan \(command) --help: \(r.stderr)")
            let usage = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
            let own = Self.examples(in: r.stdout)
            // `aduan help --help` is the top-level help: any `aduan …` example is its own.
            let prefix = command == "help" ? "aduan " : "aduan \(command)"
            #expect(own.contains { $0.hasPrefix(prefix) }, "aduan \(command) --help (\(lang)) has no example of itself: \(own)")
            walked += 1
            for sub in Self.subcommands(of: command, usage: usage) {
                let s = desk.bare([command, sub, "--help", "--lang", lang.rawValue])
                #expect(s.status == 0, "aduan \(command) \(sub) --help: \(s.stderr)")
                let subExamples = Self.examples(in: s.stdout)
                #expect(subExamples.contains { $0.hasPrefix("aduan \(command) \(sub)") },
                        "aduan \(command) \(sub) --help (\(lang)) has no example of `aduan \(command) \(sub)`: \(subExamples)")
                walked += 1
            }
        }
        let top = desk.bare(["--help", "--lang", lang.rawValue])
        #expect(Self.examples(in: top.stdout).contains { $0.hasPrefix("aduan ") }, "aduan --help has no example")
        // office show/apply/roles, calendar due/holidays, act new: the walk found the subcommands.
        #expect(walked >= Self.commands.count + 6, "only \(walked) help pages walked")
    }

    @Test func everyModeOfTheStressProgramAndTheBenchHasAnExample() throws {
        let stress = AduanBinary.built("aduan-stress"), bench = AduanBinary.built("aduan-bench")
        try #require(access(stress, X_OK) == 0 && access(bench, X_OK) == 0, "build first (`swift build`)")
        let scratch = Scratch("help-examples-tools")
        let help = AduanBinary.run(stress, ["--help"], env: [:], stdin: nil, scratch: scratch)
        #expect(help.status == 0)
        let modes = help.stdout.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard let at = words.firstIndex(of: "aduan-stress"), at + 1 < words.count, line.contains("[options]") else { return nil }
            return String(words[at + 1])
        }
        #expect(Set(modes) == ["kill", "import-kill", "operators"], "modes from the usage: \(modes)")
        for mode in modes {
            let r = AduanBinary.run(stress, [mode, "--help"], env: [:], stdin: nil, scratch: scratch)
            #expect(r.status == 0, "aduan-stress \(mode) --help: \(r.stderr)")
            #expect(Self.examples(in: r.stdout).contains { $0.contains("aduan-stress \(mode) ") }, "aduan-stress \(mode) --help has no example")
        }
        let b = AduanBinary.run(bench, ["--help"], env: [:], stdin: nil, scratch: scratch)
        #expect(b.status == 0)
        #expect(Self.examples(in: b.stdout).contains { $0.contains("aduan-bench") }, "aduan-bench --help has no example")
    }

    @Test func theSubcommandWalkReadsTheUsageLines() {
        #expect(Self.subcommands(of: "office", usage: "Usage: aduan office show [--format text|json] | aduan office apply FILE [--yes] | aduan office roles")
                == ["show", "apply", "roles"])
        #expect(Self.subcommands(of: "act", usage: "Usage: aduan act ID ACTION [options]   |   aduan act new receive --title … [options]") == ["new"])
        #expect(Self.subcommands(of: "list", usage: "Usage: aduan list [FILTER] [--order deadline|received]").isEmpty)
        #expect(Self.subcommands(of: "report", usage: "Usage: aduan report [--wide]   |   aduan report --format xlsx --out FILE").isEmpty)
    }
}
