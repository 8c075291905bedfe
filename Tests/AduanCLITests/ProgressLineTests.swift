import AduanTestSupport
import Foundation
import Testing

/// The commands that print progress (demo, import, verify, export, backup): a line with a rate on
/// a terminal, in the session's language (its numbers, its "per second"); nothing when stderr is
/// piped; and no colour with NO_COLOR (the line has none to begin with).
@Suite(.serialized) struct ProgressLineTests {
    /// Runs the four commands in a real terminal (tmux) and returns the pane once they ended.
    static func terminalRun(_ lang: String, env: [String: String] = [:]) throws -> String {
        let desk = Desk("progress-\(lang)")
        let a = AduanBinary.path, d = desk.scratch.path
        let quiet = ">/dev/null"
        let script = [
            "\(a) demo --count 3000 --store \(d)/a.db --lang \(lang) \(quiet)",
            "\(a) verify --store \(d)/a.db --lang \(lang) \(quiet)",
            "\(a) export --store \(d)/a.db --as admin --out \(d)/a.csv --lang \(lang) \(quiet)",
            "\(a) backup \(d)/b.db --store \(d)/a.db --lang \(lang) \(quiet)",
            "\(a) init --training --store \(d)/c.db \(quiet) 2>&1",
            "\(a) import \(d)/a.csv --store \(d)/c.db --as admin --skip-invalid --lang \(lang) \(quiet)",
        ].joined(separator: "; ")
        let session = TmuxSession(width: 160, height: 40, command: "sh -c \"\(script)\"", env: env, scratch: desk.scratch)
        let done = session.waitFor("[exit ", timeout: 120)
        try #require(done.ok, "the commands did not end: \(done.screen)")
        return session.tmux(["capture-pane", "-p", "-e", "-S", "-100"]).stdout
    }

    static func progressLines(_ pane: String, labels: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for line in pane.split(separator: "\n").map(String.init) {
            for l in labels where line.hasPrefix(l + ": ") { out[l] = line }
        }
        return out
    }

    @Test func onATerminalEachCommandShowsARateInIndonesian() throws {
        try requireBinary()
        let pane = try Self.terminalRun("id")
        let labels = ["membuat", "memeriksa", "mengekspor", "cadangan", "mengimpor"]
        let lines = Self.progressLines(pane, labels: labels)
        for l in ["membuat", "memeriksa", "mengekspor", "cadangan", "mengimpor"] {
            let line = try #require(lines[l], "no progress line `\(l):` on the terminal:\n\(pane)")
            #expect(line.contains("/dtk"), "the rate is not per dtk: \(line)")
            #expect(!line.contains("/s") && !line.hasSuffix(" s"), "English seconds in an Indonesian session: \(line)")
            #expect(!line.contains("pages"), "\(line)")
        }
        #expect(lines["membuat"]?.contains("3.000/3.000") == true, "\(lines["membuat"] ?? pane)")
    }

    @Test func onATerminalEachCommandShowsARateInEnglish() throws {
        try requireBinary()
        let pane = try Self.terminalRun("en")
        let lines = Self.progressLines(pane, labels: ["generating", "verifying", "exporting", "backup", "checking", "importing"])
        #expect(lines.count == 6, "progress lines: \(lines.keys.sorted())\n\(pane)")
        let demo = try #require(lines["generating"], "no progress line for demo:\n\(pane)")
        #expect(demo.contains("3,000/3,000"), "\(demo)")
        #expect(demo.contains(" complaints/s"), "demo's rate names no unit: \(demo)")
        for (_, line) in lines { #expect(line.contains("/s"), "\(line)"); #expect(!line.contains("/dtk"), "\(line)") }
    }

    @Test func withNoColorTheProgressLineCarriesNoColour() throws {
        try requireBinary()
        let pane = try Self.terminalRun("id", env: ["NO_COLOR": "1"])
        #expect(pane.contains("membuat: "), "progress is still shown with NO_COLOR: \(pane)")
        // capture-pane -e writes colours as SGR sequences: none may set a colour (30–37, 38;…, 90–97).
        let colour = try NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*(3[0-8]|9[0-7])[0-9;]*m")
        #expect(colour.firstMatch(in: pane, range: NSRange(pane.startIndex..., in: pane)) == nil, "a colour with NO_COLOR:\n\(pane)")
    }

    @Test func whenPipedNoCommandPrintsAProgressLine() throws {
        try requireBinary()
        let desk = Desk("progress-piped")
        let demo = desk.run(["demo", "--count", "300"])
        let verify = desk.run(["verify"])
        let export = desk.run(["export", "--out", desk.scratch.file("x.csv")], as: "admin")
        let backup = desk.run(["backup", desk.scratch.file("b.db")])
        let other = Desk("progress-piped-import")
        try other.initStore()
        let imported = other.run(["import", desk.scratch.file("x.csv"), "--skip-invalid"], as: "admin")
        for (name, r) in [("demo", demo), ("verify", verify), ("export", export), ("backup", backup), ("import", imported)] {
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(!r.stderr.contains("\r") && !r.stderr.contains("\u{1B}["), "\(name) drew progress into a pipe: \(r.stderr.debugDescription)")
            #expect(!r.stdout.contains("\r") && !r.stdout.contains("\u{1B}["), "\(name): \(r.stdout.debugDescription)")
        }
    }
}
