import Foundation
import AduanCore
import AduanTestSupport
import Testing

/// Issue 11, item 11: every message of a command speaks the session's language: Indonesian by
/// default, English with --lang en; none falls back to the other language.
@Suite struct SessionLanguageTests {
    /// Words that only an English sentence of these messages holds, and only an Indonesian one.
    static let englishWords = ["unknown", "expected", "must be", "no such", "did you mean", "usage:", "has no time zone",
                               "is not valid", "from status", "roles", "requires", "unchanged", "not a "]
    static let indonesianWords = ["tidak dikenal", "harus", "tidak ada", "maksud Anda", "pemakaian:", "tanpa zona",
                                  "tidak sah", "dari status", "peran", "tidak berubah", "bukan "]

    static func commands(_ desk: Desk, badCSV: String) -> [[String]] {
        [
            ["act", "2", "frobnicate"],
            ["list", "--as", "nobody"],
            ["list", "--bogus"],
            ["list", "--limit", "abc"],
            ["calendar", "due", "2026-03-02", "-3"],
            ["calendar", "due", "2026-03-02"],
            ["calendar", "due", "2026-02-30", "5"],
            ["import", badCSV],
            ["list", "status:bogus"],
            ["list", "umur:xyz"],
            ["help", "workflow"],
            ["frobnicate"],
            ["act", "1", "verify", "--anonymous", "mungkin"],
        ]
    }

    @Test func theDefaultSessionPrintsNoEnglishSentence() throws {
        try requireBinary()
        let desk = Desk("lang-id")
        try desk.initStore()
        let csv = desk.scratch.write("zona.csv", "title,received_at\r\nLampu mati,2026-11-20 10:00\r\n")
        for args in Self.commands(desk, badCSV: csv) {
            let r = desk.run(args, as: args.contains("--as") ? nil : "admin")
            let text = r.stdout + r.stderr
            #expect(!text.isEmpty)
            for w in Self.englishWords where args.first != "help" || !["roles", "requires"].contains(w) {
                #expect(!text.contains(w), "`aduan \(args.joined(separator: " "))` speaks English (\(w)): \(text)")
            }
        }
        let workflow = desk.bare(["help", "workflow"]).stdout
        #expect(workflow.contains("| aksi | dari status | peran | perlu | hasil |"), "\(workflow)")
        #expect(!workflow.contains("| action |"))
    }

    @Test func anEnglishSessionPrintsNoIndonesianSentence() throws {
        try requireBinary()
        let desk = Desk("lang-en")
        try desk.initStore()
        let csv = desk.scratch.write("zona.csv", "title,received_at\r\nLampu mati,2026-11-20 10:00\r\n")
        for args in Self.commands(desk, badCSV: csv) {
            let r = desk.run(args + ["--lang", "en"], as: args.contains("--as") ? nil : "admin")
            let text = r.stdout + r.stderr
            #expect(!text.isEmpty)
            for w in Self.indonesianWords {
                #expect(!text.contains(w), "`aduan \(args.joined(separator: " ")) --lang en` speaks Indonesian (\(w)): \(text)")
            }
        }
    }
}

/// Issue 11, item 11: sentences live in the string tables, not as inline language choices in the
/// screen or the commands (whole help pages chosen by language are the one exception).
@Suite struct InlineLanguageChoiceTests {
    @Test func noSentenceIsChosenInlineByLanguageInTheScreenOrTheCommands() throws {
        var found: [String] = []
        for folder in ["Sources/AduanTUI", "Sources/AduanCLI"] {
            let root = AduanBinary.repositoryRoot + "/" + folder
            let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".swift") }
            #expect(!files.isEmpty, "no sources under \(root)")
            for file in files {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains("language == .en ?") && !line.hasSuffix("language == .en ? [") {
                    found.append("\(folder)/\(file):\(n + 1)")
                }
            }
        }
        #expect(found.isEmpty, "inline language choices (move them into Sources/AduanCore/Localization): \(found)")
    }
}
