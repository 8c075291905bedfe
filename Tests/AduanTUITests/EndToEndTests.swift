import AduanTestSupport
import Glibc
import Testing

/// The real binary in a real terminal (tmux): what an operator sees and does, end to end.
/// Each test has its own tmux server and folder; the pane is polled, never slept on blindly.
@Suite struct EndToEndTests {
    static let now = "2026-11-23T09:00:00+07:00"

    func aduan(_ args: [String], _ s: Scratch, env: [String: String] = [:]) -> ProcessResult {
        AduanBinary.run(args, env: ["ADUAN_NOW": Self.now].merging(env) { $1 }, in: s)
    }

    static func selectedLine(_ screen: String) -> String? {
        screen.split(separator: "\n").first(where: { $0.hasPrefix("> ") }).map(String.init)
    }

    /// The selected inbox row's id as `show` accepts it ("4512345" or "#12" → "12").
    static func selectedID(_ screen: String) -> String? {
        guard let line = selectedLine(screen) else { return nil }
        let field = line.dropFirst(2).split(separator: " ").first.map(String.init)
        return field.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
    }

    @Test func withoutATerminalTheScreenRefusesWithExitCode2AndCreatesNothing() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let r = aduan(["--demo"], s)
        #expect(r.status == 2)
        #expect(r.stderr.contains("tty") || r.stderr.contains("terminal"))
        #expect(readFile(s.file("data/aduan/demo.db")) == nil, "no demo store made for a screen that cannot start")
    }

    @Test func aDumbTerminalIsRefusedWithAClearMessage() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let tmux = TmuxSession(width: 100, height: 30, command: "'\(AduanBinary.path)' --store '\(s.file("x.db"))'",
                               env: ["TERM": "dumb", "ADUAN_NOW": Self.now], scratch: s)
        let (ok, screen) = tmux.waitFor("[exit 2]")
        #expect(ok, "\(screen)")
        #expect(screen.contains("TERM=dumb"))
    }

    @Test func anOperatorVerifiesForwardsAndRepliesAndShowSeesIt() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let store = s.file("demo.db")
        #expect(aduan(["demo", "--count", "400", "--seed", "3", "--store", store], s).status == 0)
        let tmux = TmuxSession(width: 120, height: 40, command: "'\(AduanBinary.path)' --store '\(store)'",
                               env: ["ADUAN_NOW": Self.now], scratch: s)
        var (ok, screen) = tmux.waitFor("Kotak Masuk")
        try #require(ok, "the inbox never appeared:\n\(screen)")

        // Verify and dispose the first unverified report to the Dinas Kesehatan.
        tmux.send("l")
        _ = tmux.waitFor("Saring:")
        tmux.type("status:bt")
        tmux.send("Enter")
        (ok, screen) = tmux.waitFor { Self.selectedLine($0)?.contains("Blm Verif") == true && $0.contains("status:bt") }
        let first = try #require(Self.selectedID(screen), "\(screen)")
        tmux.send("v")
        _ = tmux.waitFor("Pilih unit")
        tmux.type("kesehatan")
        tmux.send("Enter")
        _ = tmux.waitFor("Putuskan")
        tmux.send("C-s")
        (ok, screen) = tmux.waitFor("Tersimpan")
        #expect(ok, "\(screen)")
        var shown = aduan(["show", first, "--store", store], s)
        #expect(shown.stdout.contains("Belum Ditindaklanjuti"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Dinas Kesehatan"))

        // Forward the next unverified report to BPJS Kesehatan with a reason.
        (ok, screen) = tmux.waitFor { Self.selectedID($0) != nil && Self.selectedID($0) != first && Self.selectedLine($0)?.contains("Blm Verif") == true }
        let second = try #require(Self.selectedID(screen))
        tmux.send("f")
        _ = tmux.waitFor("instansi tujuan")
        tmux.type("bpjs")
        tmux.send("Enter")
        // The privacy decision before the report leaves the office, as at verification.
        (ok, screen) = tmux.waitFor("Putuskan")
        #expect(ok, "no privacy form before forwarding: \(screen)")
        tmux.send("C-s")
        _ = tmux.waitFor("Alasan")
        tmux.type("Kepesertaan JKN kewenangan BPJS Kesehatan")
        tmux.send("Enter")
        _ = tmux.waitFor("(y/t)")
        tmux.send("y")
        (ok, screen) = tmux.waitFor("Tersimpan")
        #expect(ok, "\(screen)")
        shown = aduan(["show", second, "--store", store], s)
        #expect(shown.stdout.contains("BPJS Kesehatan"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Kepesertaan JKN kewenangan BPJS Kesehatan"))

        // Post a follow-up (reply to the reporter) on a report in Proses.
        tmux.send("l")
        _ = tmux.waitFor("Saring:")
        tmux.send("C-u")
        tmux.type("status:proses")
        tmux.send("Enter")
        (ok, screen) = tmux.waitFor { Self.selectedLine($0)?.contains("Proses") == true }
        let third = try #require(Self.selectedID(screen))
        tmux.send("r")
        _ = tmux.waitFor("Ctrl-S")
        tmux.type("Petugas sudah meninjau lokasi, perbaikan Kamis.")
        tmux.send("C-s")
        (ok, screen) = tmux.waitFor("Tersimpan")
        #expect(ok, "\(screen)")
        shown = aduan(["show", third, "--store", store], s)
        #expect(shown.stdout.contains("Petugas sudah meninjau lokasi, perbaikan Kamis."), "\(shown.stdout)")

        tmux.send("Q")
        (ok, screen) = tmux.waitFor("[exit 0]")
        #expect(ok, "\(screen)")
        #expect(aduan(["verify", "--store", store], s).status == 0)
    }

    @Test func resizingKeepsTheDeskUsable() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let store = s.file("r.db")
        #expect(aduan(["demo", "--count", "100", "--store", store], s).status == 0)
        let tmux = TmuxSession(width: 120, height: 40, command: "'\(AduanBinary.path)' --store '\(store)'",
                               env: ["ADUAN_NOW": Self.now], scratch: s)
        #expect(tmux.waitFor("Kotak Masuk").ok)
        tmux.resize(50, 12)
        #expect(tmux.waitFor("terlalu kecil").ok)
        tmux.resize(200, 60)
        var (ok, screen) = tmux.waitFor { $0.contains("Kotak Masuk") && !$0.contains("terlalu kecil") }
        #expect(ok, "\(screen)")
        tmux.resize(80, 24)
        (ok, screen) = tmux.waitFor { $0.contains("Kotak Masuk") && $0.split(separator: "\n").allSatisfy { $0.count <= 80 } }
        #expect(ok, "\(screen)")
        tmux.send("Q")
        #expect(tmux.waitFor("[exit 0]").ok)
    }

    @Test func hostileComplaintTextHasNoEffectOnTheTerminal() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let store = s.file("h.db")
        #expect(aduan(["init", "--store", store], s).status == 0)
        let hostile = "Tagihan \u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{202E}terbalik \u{9B}31m akhir"
        let created = aduan(["act", "new", "receive", "--title", hostile, "--body", "isi \u{1B}[5mberkedip", "--store", store], s)
        try #require(created.status == 0, "\(created.stderr)")
        let tmux = TmuxSession(width: 120, height: 40, command: "'\(AduanBinary.path)' --store '\(store)'",
                               env: ["ADUAN_NOW": Self.now], scratch: s)
        var (ok, screen) = tmux.waitFor("Tagihan")
        #expect(ok, "\(screen)")
        #expect(screen.contains("␛"), "the escape shows as a visible symbol")
        tmux.send("Enter")
        (ok, screen) = tmux.waitFor("berkedip")
        #expect(ok, "\(screen)")
        let title = tmux.tmux(["display-message", "-p", "#{pane_title}"]).stdout
        #expect(!title.contains("pwned"), "OSC 0 must not set the window title: \(title)")
        // The screen was not cleared by ESC [2J: the title bar is still there.
        #expect(tmux.capture().contains("Aduan ·"))
        tmux.send("Q")
        #expect(tmux.waitFor("[exit 0]").ok)
    }
}
