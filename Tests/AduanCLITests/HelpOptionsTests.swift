@testable import AduanCLI
import AduanCore
import Testing

/// Each command's `--help` lists the options the parser accepts, from the same declarations
/// (`globalOptions`, `commandOptions`), with a description in the session's language.
@Suite struct HelpOptionsTests {
    /// The line of `--help`'s option lists that names `option` ("  --order WHICH  …", "  -h, --help  …").
    static func line(naming option: String, in help: String) -> Substring? {
        help.split(separator: "\n").first { line in
            let text = line.drop { $0 == " " }
            guard line.hasPrefix("  ") else { return false }
            return text == "--\(option)" || text.hasPrefix("--\(option) ") || text.hasPrefix("-h, --\(option) ")
        }
    }

    @Test(arguments: CommandName.allCases, Language.allCases)
    func everyDeclaredOptionIsNamedInItsCommandsHelp(_ command: CommandName, _ lang: Language) {
        let help = HelpText.render(command, lang)
        for spec in globalOptions + commandOptions(command) {
            let line = Self.line(naming: spec.name, in: help)
            #expect(line != nil, "aduan \(command.rawValue) --help (\(lang)) does not name --\(spec.name)")
            if let line, let value = spec.value {
                #expect(line.contains("--\(spec.name) \(value)"), "--\(spec.name) is shown without its value \(value): \(line)")
            }
        }
    }

    @Test func everyOptionHasADescriptionInBothLanguages() {
        for command in CommandName.allCases {
            for spec in globalOptions + commandOptions(command) {
                let id = spec.help.text(.id), en = spec.help.text(.en)
                #expect(!id.isEmpty && !en.isEmpty, "--\(spec.name) of \(command) has no description")
                #expect(id != en, "--\(spec.name) of \(command) is not translated: \(id)")
            }
        }
    }

    @Test func exportOrderAndListHeaderAppearInHelpFromTheBinary() throws {
        try requireBinary()
        let desk = Desk("help-options")
        for lang in ["id", "en"] {
            let export = desk.bare(["export", "--help", "--lang", lang]).stdout
            #expect(Self.line(naming: "order", in: export).map { $0.contains("oldest") } == true, "export --help (\(lang)):\n\(export)")
            let list = desk.bare(["list", "--help", "--lang", lang]).stdout
            #expect(Self.line(naming: "header", in: list) != nil, "list --help (\(lang)):\n\(list)")
            #expect(Self.line(naming: "version", in: list) != nil, "list --help (\(lang)) lacks the global --version")
        }
    }
}
