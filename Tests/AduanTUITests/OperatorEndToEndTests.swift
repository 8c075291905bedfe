import AduanTestSupport
import Glibc
import Testing

/// Issue 11 in a real terminal (tmux). Item 16: Home and End in the follow-up editor under tmux with TERM=xterm-256color,
/// whose terminfo names `\eOH`/`\eOF` while tmux sends `\e[1~`/`\e[4~` (and other terminals
/// `\e[H`/`\e[F`): every form moves the cursor.
@Suite struct OperatorEndToEndTests {
    @Test func homeAndEndWorkInTheEditorWithEitherEscapeSequence() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let store = s.file("demo.db")
        let env = ["ADUAN_NOW": "2026-11-23T09:00:00+07:00"]
        #expect(AduanBinary.run(["demo", "--count", "60", "--seed", "3", "--store", store], env: env, in: s).status == 0)
        let tmux = TmuxSession(width: 120, height: 40, command: "'\(AduanBinary.path)' --store '\(store)'", env: env, scratch: s)
        var (ok, screen) = tmux.waitFor("Kotak Masuk")
        try #require(ok, "the inbox never appeared:\n\(screen)")
        tmux.send("l")
        _ = tmux.waitFor("Saring:")
        tmux.type("status:proses")
        tmux.send("Enter")
        (ok, screen) = tmux.waitFor { $0.split(separator: "\n").contains { $0.hasPrefix("> ") && $0.contains("Proses") } }
        try #require(ok, "no report in Proses:\n\(screen)")
        tmux.send("r")
        (ok, screen) = tmux.waitFor("Ctrl-S")
        try #require(ok, "\(screen)")
        tmux.type("abc")
        _ = tmux.waitFor("abc")
        tmux.tmux(["send-keys", "-H", "1b", "5b", "31", "7e"])  // \e[1~ Home
        tmux.type("X")
        tmux.tmux(["send-keys", "-H", "1b", "5b", "34", "7e"])  // \e[4~ End
        tmux.type("Y")
        tmux.tmux(["send-keys", "-H", "1b", "5b", "48"])  // \e[H Home
        tmux.type("W")
        tmux.tmux(["send-keys", "-H", "1b", "5b", "46"])  // \e[F End
        tmux.type("Z")
        tmux.send("Home")  // tmux's own Home key
        tmux.type("V")
        (ok, screen) = tmux.waitFor("VWXabcYZ")
        #expect(ok, "Home/End did not move the cursor:\n\(screen)")
        #expect(!screen.contains("Buang teks ini"), "an escape sequence was taken for Esc:\n\(screen)")
        tmux.send("Escape")
        _ = tmux.waitFor("(y/t)")
        tmux.send("y")
        tmux.send("Q")
        #expect(tmux.waitFor("[exit 0]").ok)
    }

    /// Issue 11 item 4, in a real 80×24 terminal with the demo's counts: every status tab, the
    /// Diteruskan tab (shortened) and the A/R privacy column stay on screen.
    @Test func at80x24TheDemoInboxKeepsEveryTabAndThePrivacyColumn() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let store = s.file("demo.db")
        let env = ["ADUAN_NOW": "2026-11-23T09:00:00+07:00"]
        #expect(AduanBinary.run(["demo", "--count", "300", "--seed", "3", "--store", store], env: env, in: s).status == 0)
        let tmux = TmuxSession(width: 80, height: 24, command: "'\(AduanBinary.path)' --store '\(store)'", env: env, scratch: s)
        let (ok, screen) = tmux.waitFor("Kotak Masuk")
        try #require(ok, "the inbox never appeared:\n\(screen)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tabs = lines[1]
        for name in ["Semua", "Blm TL", "Proses", "Selesai", "Tunda", "Arsip"] { #expect(tabs.contains(name), "\(name) missing: \(tabs)") }
        #expect(tabs.contains("Diteruskan") || tabs.contains("Dit "), "the sent-out tab is missing: \(tabs)")
        #expect(lines[2].contains("A/R") && lines[2].contains("Unit"), "\(lines[2])")
        #expect(lines.allSatisfy { $0.count <= 80 })
        tmux.send("Q")
        #expect(tmux.waitFor("[exit 0]").ok)
    }
}
