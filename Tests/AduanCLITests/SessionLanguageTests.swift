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

/// Issue 11, item 11: sentences live in the string tables, not as inline language choices
/// anywhere in Sources/ outside Sources/AduanCore/Localization (whole help pages chosen by language,
/// `language == .en ? [` or a call of `english(…)`/`indonesian(…)`, are the one exception). Every
/// form counts: `language == .en ? "…" : "…"`, the shorter `en ? "…" : "…"` (with the literal on
/// the next line too), `en ? e : i` choosing between two passed-in sentences, and a
/// `case .en: "…"` switch.
@Suite struct InlineLanguageChoiceTests {
    /// `file:line` of every inline language choice under `folder` (relative to the repository).
    static func inlineChoices(under folder: String, skipping skipped: [String] = []) throws -> [String] {
        let condition = #"(?:\b(?:en|english|isEnglish)\b|\blang(?:uage)?\s*[!=]=\s*\.(?:en|id)\b)"#
        let patterns = [
            // A ternary whose first branch is a string literal (one line or `"""`) holding a letter
            // (not "." : ",").
            condition + #"\s*\?\s*\(?\s*"(?:""\s*\n\s*)?[^"\n]*[A-Za-z]"#,
            // A ternary between two plain names: `en ? e : i`.
            condition + #"\s*\?\s*[A-Za-z_]\w*\s*:\s*[A-Za-z_]\w*\s*(?:[)}\n;,]|$)"#,
            // A switch on the language with a literal branch.
            #"\bcase\s+\.(?:en|id)\s*:\s*(?:return\s+)?"[^"\n]*[A-Za-z]"#,
        ].map { try! NSRegularExpression(pattern: $0, options: [.anchorsMatchLines]) }
        let root = AduanBinary.repositoryRoot + "/" + folder
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty, "no sources under \(root)")
        var found: Set<String> = []
        for file in files where !skipped.contains(where: { file.hasPrefix($0) }) {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            let ns = text as NSString
            for re in patterns {
                for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    let line = ns.substring(to: m.range.location).reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                    found.insert("\(folder)/\(file):\(line)")
                }
            }
        }
        return found.sorted()
    }

    @Test func noSentenceIsChosenInlineByLanguageOutsideTheStringTables() throws {
        let found = try Self.inlineChoices(under: "Sources", skipping: ["AduanCore/Localization/"])
        #expect(found.isEmpty, "inline language choices (move them into Sources/AduanCore/Localization): \(found.count)\n\(found.joined(separator: "\n"))")
    }

    /// The detector itself: each form it must catch is caught, and the exceptions are not.
    @Test func theInlineChoiceDetectorCatchesEveryShortForm() throws {
        let dir = AduanBinary.repositoryRoot + "/.build/inline-choice-probe"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir + "/Sources/X", withIntermediateDirectories: true)
        let caught = [
            #"let a = en ? "verify" : "verifikasi""#,
            #"return language == .en ? "Reporter" : "Pelapor""#,
            "s.out.line(s.language == .en\n    ? \"\\(n) closed.\"\n    : \"\\(n) ditutup.\")",
            #"let b = (en ? "LAPOR!" : "No.LAPOR", c.id)"#,
            "func say(_ e: String, _ i: String) { out.append(en ? e : i) }",
            #"case .en: "days""#,
            "let header = en\n    ? \"\"\"\n    roles for the operators\n    \"\"\"\n    : \"\"\"\n    peran untuk operator\n    \"\"\"",
        ]
        let spared = [
            #"language == .en ? ["#,
            "lang == .en ? english(c) : indonesian(c)",
            #"language == .id ? "." : ",""#,
            #"let dir = greater ? "ASC" : "DESC""#,
        ]
        for (i, line) in (caught + spared).enumerated() {
            try ("// probe\n" + line + "\n").write(toFile: dir + "/Sources/X/P\(i).swift", atomically: true, encoding: .utf8)
        }
        let found = try Self.inlineChoices(under: ".build/inline-choice-probe/Sources")
        for i in caught.indices { #expect(found.contains { $0.contains("/P\(i).swift:") }, "not caught: \(caught[i])") }
        for i in spared.indices { #expect(!found.contains { $0.contains("/P\(caught.count + i).swift:") }, "wrongly caught: \(spared[i])") }
        try? FileManager.default.removeItem(atPath: dir)
    }
}
