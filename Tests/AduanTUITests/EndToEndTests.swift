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
        let tmux = TmuxSession(width: 100, height: 30, command: "'\(AduanBinary.path)' --demo --store '\(s.file("x.db"))'",
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
        // The target agency's units (issue 11): Enter keeps the agency level.
        _ = tmux.waitFor("tanpa unit")
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

    /// Issue 13 §3: a clock behind the store's last event by more than the skew is said on the
    /// screen's status line at open (the stderr warning is wiped by the screen).
    @Test func aClockBehindTheStoresLastEventIsShownOnTheStatusLineAtOpen() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let store = s.file("clock.db")
        // A training store: only there may ADUAN_NOW stand in for a clock that went back.
        #expect(aduan(["init", "--training", "--store", store], s).status == 0)
        let later = aduan(["act", "new", "receive", "--title", "Jalan rusak", "--store", store, "--as", "admin"], s,
                          env: ["ADUAN_NOW": "2026-11-30T09:00:00+07:00"])
        #expect(later.status == 0, "\(later.stderr)")
        let tmux = TmuxSession(width: 200, height: 40, command: "'\(AduanBinary.path)' --store '\(store)'",
                               env: ["ADUAN_NOW": Self.now], scratch: s)
        let (ok, screen) = tmux.waitFor("peringatan: jam komputer ini")
        #expect(ok, "no clock warning on the screen:\n\(screen)")
        tmux.send("Q")
        #expect(tmux.waitFor("[exit 0]").ok)
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
        #expect(aduan(["init", "--training", "--store", store], s).status == 0)
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

    // MARK: hangup and SIGTERM (item 15)

    /// Whether process `pid` still runs (a zombie nobody reaps counts as ended).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = readFile("/proc/\(pid)/stat") else { return false }
        let text = String(decoding: stat, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return true }
        let state = text[text.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    static func waitForExit(_ pid: pid_t, timeout: Double) -> Bool {
        let deadline = monotonic() + timeout
        while monotonic() < deadline {
            if !isRunning(pid) { return true }
            usleep(50_000)
        }
        return !isRunning(pid)
    }

    /// Starts the screen in tmux with a prompt open (`l`, `/` or `m`); returns the session and the screen's pid.
    func screenWithAPromptOpen(_ opener: String, _ s: Scratch) throws -> (TmuxSession, pid_t) {
        let store = s.file("demo.db")
        #expect(aduan(["demo", "--count", "50", "--seed", "3", "--store", store], s).status == 0)
        let pidFile = s.file("screen.pid")
        // The shell writes its pid and becomes aduan, so the pid is the screen's.
        let command = "/bin/sh -c \"echo \\$\\$ > '\(pidFile)'; exec '\(AduanBinary.path)' --store '\(store)'\""
        let tmux = TmuxSession(width: 120, height: 40, command: command, env: ["ADUAN_NOW": Self.now], scratch: s)
        let (ok, screen) = tmux.waitFor("Kotak Masuk")
        try #require(ok, "the inbox never appeared:\n\(screen)")
        let pidText = String(decoding: readFile(pidFile) ?? [], as: UTF8.self).filter(\.isNumber)
        let pid = try #require(pid_t(pidText), "no pid in \(pidText)")
        tmux.send(opener)
        switch opener {
        case "l": try #require(tmux.waitFor("Saring:").ok)
        case "/": try #require(tmux.waitFor("Cari:").ok)
        default: try #require(tmux.waitFor(timeout: 20) { $0 != screen }.ok)
        }
        tmux.type("setengah")
        return (tmux, pid)
    }

    @Test(arguments: ["l", "/", "m"])
    func killingTheTerminalWhileAPromptIsOpenEndsTheScreen(opener: String) throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let (tmux, pid) = try screenWithAPromptOpen(opener, s)
        defer { if Self.isRunning(pid) { kill(pid, SIGKILL) } }
        tmux.tmux(["kill-server"])
        #expect(Self.waitForExit(pid, timeout: 20), "the screen still runs 20 s after its terminal was closed")
    }

    @Test(arguments: ["l", "/", "m"])
    func sigtermWhileAPromptIsOpenEndsTheScreen(opener: String) throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let (tmux, pid) = try screenWithAPromptOpen(opener, s)
        defer { if Self.isRunning(pid) { kill(pid, SIGKILL) } }
        kill(pid, SIGTERM)
        #expect(Self.waitForExit(pid, timeout: 20), "the screen ignored SIGTERM")
        // It restored the terminal on its way out: the pane's shell reports its end.
        #expect(tmux.waitFor("[exit ", timeout: 20).ok)
    }

    /// A pseudo-terminal that is not the screen's controlling terminal: closing it sends no
    /// SIGHUP, so the screen learns of the hangup only from reads failing (EIO / end of file).
    @Test func aTerminalThatVanishesWithoutSIGHUPEndsTheScreenWithAPromptOpen() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        typealias IntCall = @convention(c) (Int32) -> Int32
        typealias NameCall = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let handle = try #require(dlopen(nil, RTLD_NOW))
        func symbol<T>(_ name: String, _: T.Type) throws -> T { unsafeBitCast(try #require(dlsym(handle, name)), to: T.self) }
        let openpt = try symbol("posix_openpt", IntCall.self), grant = try symbol("grantpt", IntCall.self)
        let unlock = try symbol("unlockpt", IntCall.self), name = try symbol("ptsname", NameCall.self)
        let master = openpt(O_RDWR | O_NOCTTY)
        try #require(master >= 0 && grant(master) == 0 && unlock(master) == 0)
        let slavePath = String(cString: try #require(name(master)))
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)

        let s = Scratch()
        let store = s.file("demo.db")
        #expect(aduan(["demo", "--count", "50", "--seed", "3", "--store", store], s).status == 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR | O_NOCTTY, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, master)
        let envWords: [String] = ["TERM=xterm-256color", "LANG=C.UTF-8", "ADUAN_NOW=\(Self.now)", "HOME=\(s.path)",
                                  "XDG_CONFIG_HOME=\(s.file("config"))"]
        let (pid, rc) = AduanBinary.spawnWithCleanSignals(AduanBinary.path, ["--store", store], environment: envWords, actions: &actions)
        try #require(rc == 0)
        var status: Int32 = 0
        defer { if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); waitpid(pid, &status, 0) } }

        /// Reads what the screen drew for `seconds`, so it never blocks on a full terminal.
        var drawn: [UInt8] = []
        func drain(_ seconds: Double) {
            let end = monotonic() + seconds
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while monotonic() < end {
                let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if n > 0 { drawn += buffer[0..<n] } else { usleep(20_000) }
            }
        }
        // Poll until the inbox is drawn (a busy machine may take seconds), never a fixed sleep.
        let drawDeadline = monotonic() + 20
        while monotonic() < drawDeadline && !String(decoding: drawn, as: UTF8.self).contains("Kotak") { drain(0.2) }
        #expect(String(decoding: drawn, as: UTF8.self).contains("Kotak"), "the screen never drew its inbox")
        _ = write(master, "l", 1)
        drain(0.5)
        _ = write(master, "status:", 7)
        drain(0.5)
        close(master)
        // Seconds on an idle machine; the bound is generous for a loaded CI runner. A screen that
        // spins on a dead terminal never ends at all.
        let deadline = monotonic() + 20
        var ended = false
        while monotonic() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { ended = true; break }
            usleep(50_000)
        }
        #expect(ended, "the screen still runs 20 s after its terminal vanished")
        if ended { #expect((status & 0x7f) == 0 && (status >> 8) & 0xff == 0, "exit status \(status)") }
    }
}
