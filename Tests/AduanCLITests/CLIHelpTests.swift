import AduanTestSupport
import Testing

/// Help in both languages, usage errors (exit 2) with did-you-mean hints, and the screen's refusal
/// to start without a terminal.
@Suite struct CLIHelpTests {
    static let commands = ["init", "demo", "import", "export", "list", "show", "act", "verify", "backup", "calendar", "report", "auto-close"]

    @Test func topLevelHelpIsIndonesianAndListsEveryCommand() throws {
        try requireBinary()
        let desk = Desk("help")
        let r = desk.bare(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Pemakaian: aduan"))
        for c in Self.commands { #expect(r.stdout.contains("  \(c) "), "--help does not list \(c)") }
        #expect(r.stdout.contains("Kode keluar: 0"))
        #expect(r.stdout.contains("Contoh:"))
        #expect(r.stderr.isEmpty)

        let en = desk.bare(["--help", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout.hasPrefix("Usage: aduan"))
        #expect(en.stdout.contains("Examples:"))
        #expect(!en.stdout.contains("Contoh:"))
        // -h and `aduan help` are the same help.
        #expect(desk.bare(["-h"]).stdout == r.stdout)
        #expect(desk.bare(["help"]).stdout == r.stdout)
    }

    @Test(arguments: commands)
    func everyCommandHasHelpWithExamplesInBothLanguages(_ command: String) throws {
        try requireBinary()
        let desk = Desk("help-\(command)")
        let id = desk.bare([command, "--help"])
        #expect(id.status == 0, "\(command) --help: \(id.stderr)")
        #expect(id.stdout.hasPrefix("Pemakaian: aduan \(command)"), "\(command) --help starts with: \(id.stdout.prefix(60))")
        #expect(id.stdout.contains("\nContoh:\n  aduan \(command)"), "\(command) --help has no examples")
        #expect(id.stderr.isEmpty)

        let en = desk.bare([command, "--help", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout.hasPrefix("Usage: aduan \(command)"))
        #expect(en.stdout.contains("\nExamples:\n  aduan \(command)"))
        #expect(en.stdout != id.stdout)

        // `aduan help CMD` prints the same text; -h too.
        #expect(desk.bare(["help", command]).stdout == id.stdout)
        #expect(desk.bare([command, "-h"]).stdout == id.stdout)
        // Help needs no store and creates none.
        #expect(!fileExists(desk.scratch.file("data/aduan/aduan.db")))
    }

    @Test func workflowHelpPrintsTheWholeTransitionTable() throws {
        try requireBinary()
        let desk = Desk("help-workflow")
        // The table speaks the session's language (issue 11, item 11): its English form is asked for.
        let r = desk.bare(["help", "workflow", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("| action | from status | roles | requires | result |"))
        for action in ActCommandTests.actions {
            #expect(r.stdout.contains("\n| \(action) |"), "`aduan help workflow` has no row for \(action)")
        }
        #expect(r.stdout.contains("| verify | Belum Terverifikasi | admin | unit | Belum Ditindaklanjuti |"))
        #expect(desk.bare(["help", "alur", "--lang", "en"]).stdout == r.stdout)
        #expect(desk.bare(["help", "workflow", "--lang", "en"]).stdout.hasPrefix("The SP4N-LAPOR! workflow"))
    }

    @Test func filterHelpNamesTheColumns() throws {
        try requireBinary()
        let desk = Desk("help-filter")
        let r = desk.bare(["help", "filter"])
        #expect(r.status == 0)
        for key in ["status:", "unit:", "kategori:", "kanal:", "umur:", "terlambat", "anonim", "rahasia", "Contoh:"] {
            #expect(r.stdout.contains(key), "`aduan help filter` does not mention \(key)")
        }
        let en = desk.bare(["help", "filter", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout != r.stdout)
    }

    @Test func helpForAnUnknownTopicIsAUsageError() throws {
        try requireBinary()
        let r = Desk("help-unknown").bare(["help", "teleport"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("teleport"))
        #expect(r.stderr.contains("workflow"))
    }

    @Test func versionPrintsOneLine() throws {
        try requireBinary()
        let r = Desk("version").bare(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("aduan "))
        #expect(r.stdout.split(separator: "\n").count == 1)
    }

    // MARK: usage errors

    @Test(arguments: [("exprt", "export"), ("improt", "import"), ("shwo", "show"), ("verfy", "verify"), ("calender", "calendar"), ("reprot", "report")])
    func unknownCommandExitsTwoWithDidYouMean(_ typo: String, _ meant: String) throws {
        try requireBinary()
        let r = Desk("typo").bare([typo, "--lang", "en"])  // the hint in English (issue 11 item 11)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("aduan: "))
        #expect(r.stderr.contains("\"\(typo)\""))
        #expect(r.stderr.contains("did you mean `aduan \(meant)`?"), "for \(typo): \(firstLine(r.stderr))")
        #expect(r.stdout.isEmpty)
    }

    /// The commonest typo is two swapped letters: "lsit" must suggest `list`, not `init`
    /// (plain Levenshtein gives both distance 2 and the first command in the list wins).
    @Test func swappedLettersSuggestTheIntendedCommand() throws {
        try requireBinary()
        let r = Desk("typo-lsit").bare(["lsit", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean `aduan list`?"), "lsit: \(firstLine(r.stderr))")
    }

    @Test(arguments: [(["list", "--stor", "x.db"], "--store"), (["export", "--formt", "csv"], "--format"),
                      (["act", "1", "note", "--txt", "x"], "--text"), (["import", "a.csv", "--dry-rn"], "--dry-run"),
                      (["demo", "--cont", "5"], "--count"), (["list", "--lang", "en", "--limt", "3"], "--limit")])
    func unknownOptionExitsTwoWithDidYouMean(_ args: [String], _ meant: String) throws {
        try requireBinary()
        let desk = Desk("opt")
        let r = desk.bare(args + (args.contains("--lang") ? [] : ["--lang", "en"]))
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean \(meant)?"), "\(args): \(firstLine(r.stderr))")
        #expect(!fileExists(desk.scratch.file("x.db")))
    }

    @Test func optionsOfOtherCommandsAreRefused() throws {
        try requireBinary()
        let desk = Desk("opt-other")
        let r = desk.run(["list", "--rating", "3"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--rating"))
        #expect(r.stderr.contains("aduan list"))
        let twice = desk.run(["act", "1", "note", "--text", "a", "--text", "b"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("--text"))
        let missing = desk.bare(["list", "--store"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--store"))
    }

    @Test func unknownOperatorExitsTwoNamingTheKnownOnes() throws {
        try requireBinary()
        let desk = Desk("as-nobody")
        try desk.initStore()
        let r = desk.run(["list"], as: "nobody")
        #expect(r.status == 2)
        #expect(r.stderr.contains("--as nobody"))
        for op in allOperators { #expect(r.stderr.contains(op), "the message does not name operator \(op)") }
        #expect(r.stdout.isEmpty)
        let typo = desk.run(["list", "--lang", "en"], as: "admn")
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean admin?"))
    }

    @Test func invalidLanguageIsAUsageError() throws {
        try requireBinary()
        let r = Desk("lang").bare(["list", "--lang", "fr"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--lang fr"))
    }

    @Test(arguments: ["kemarin", "2026-11-23T09:00:00", "2026-11-23", "2026-13-40T09:00:00+07:00"])
    func invalidAduanNowExitsTwo(_ value: String) throws {
        try requireBinary()
        let desk = Desk("now")
        try desk.initStore()
        let before = desk.snapshot()
        for args in [["list"], ["act", "new", "receive", "--title", "Lampu mati"], ["report"], ["auto-close"], ["export"]] {
            let r = desk.run(args, env: ["ADUAN_NOW": value])
            #expect(r.status == 2, "\(args) with ADUAN_NOW=\(value): exit \(r.status)")
            #expect(r.stderr.contains("ADUAN_NOW"), "\(args): \(firstLine(r.stderr))")
            #expect(r.stderr.contains(value))
        }
        #expect(desk.snapshot() == before)
    }

    @Test(arguments: [(["warna:merah"], "warna"), (["status:dikerjakan"], "status"), (["umur:>x"], "umur"), (["kanal:merpati"], "kanal")])
    func filterErrorsNameTheColumn(_ filter: [String], _ column: String) throws {
        try requireBinary()
        let desk = Desk("filter")
        try desk.demo(count: 20)
        for command in ["list", "export"] {
            let r = desk.run([command] + filter)
            #expect(r.status == 2, "\(command) \(filter): exit \(r.status)")
            #expect(r.stderr.hasPrefix("aduan: "))
            #expect(r.stderr.contains(column), "\(command) \(filter): \(firstLine(r.stderr))")
            #expect(!r.stdout.contains("tracking_id"), "\(command) wrote output before refusing the filter")
        }
        let en = desk.run(["list", "--lang", "en"] + filter)
        #expect(en.status == 2)
        #expect(en.stderr.contains(column))
    }

    // MARK: the screen

    @Test func screenWithoutATerminalExitsTwoAndCreatesNoStore() throws {
        try requireBinary()
        let desk = Desk("screen")
        for args in [[String](), ["--demo"], ["--as", "tl-dinkes"]] {
            let r = desk.bare(args)
            #expect(r.status == 2, "aduan \(args): exit \(r.status)")
            #expect(r.stderr.hasPrefix("aduan: "))
            #expect(r.stderr.contains("terminal"), "aduan \(args): \(r.stderr)")
            #expect(r.stderr.contains("aduan list"), "the message should point to the script commands")
            #expect(r.stdout.isEmpty)
        }
        #expect(!fileExists(desk.scratch.file("data/aduan/aduan.db")))
        #expect(!fileExists(desk.scratch.file("data/aduan/demo.db")))
        #expect(!fileExists(desk.scratch.file("data/aduan")))
        let en = desk.bare(["--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr.contains("needs a terminal"))
        // An explicit --store is not created either.
        let explicit = desk.run([])
        #expect(explicit.status == 2)
        #expect(!fileExists(desk.store))
    }

    @Test func extraArgumentsAreRefused() throws {
        try requireBinary()
        let desk = Desk("extra")
        try desk.initStore()
        for args in [["verify", "now"], ["show", "1", "2"], ["report", "all"], ["init", "x"], ["backup"], ["import"], ["show"], ["act", "1"]] {
            let r = desk.run(args)
            #expect(r.status == 2, "\(args): exit \(r.status)")
            #expect(r.stderr.hasPrefix("aduan: "), "\(args): \(r.stderr)")
        }
    }
}
