import AduanTestSupport
import Glibc
import Testing

/// `aduan export` tells a waiting operator how far it is (count and rate on stderr) whenever the
/// export goes somewhere other than the terminal (`--out FILE`, or stdout redirected or piped) and
/// stderr is the terminal; with stdout on the terminal the data is not interleaved with progress,
/// and with stderr piped nothing is said (issue 14: exports of a province's store take minutes).
@Suite struct ExportProgressTests {
    @Test func anExportRedirectedFromATerminalShowsCountAndRateAndAPipedOneSaysNothing() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let store = s.file("demo.db")
        let now = "2026-11-23T09:00:00+07:00"
        let made = AduanBinary.run(["demo", "--count", "300", "--seed", "3", "--store", store], env: ["ADUAN_NOW": now], in: s)
        try #require(made.status == 0, "\(made.stderr)")
        let aduan = "'\(AduanBinary.path)' export --store '\(store)' --lang en --format csv"
        for (command, shows) in [("\(aduan) > '\(s.file("a.csv"))'", true), ("\(aduan) | cat > '\(s.file("b.csv"))'", true),
                                 ("\(aduan) --out '\(s.file("c.csv"))'", true), (aduan, false)] {
            let tmux = TmuxSession(width: 120, height: 30, command: command, env: ["ADUAN_NOW": now], scratch: s)
            let (ok, screen) = tmux.waitFor("[exit 0]", timeout: 60)
            try #require(ok, "\(command):\n\(screen)")
            let progress = screen.contains("exporting: ") && screen.contains("complaints/s")
            #expect(progress == shows, "\(command): progress shown \(progress):\n\(screen)")
        }
        // Stderr piped: no progress, whatever stdout is.
        let piped = AduanBinary.run(["export", "--store", store, "--lang", "en", "--format", "csv", "--out", s.file("d.csv")], env: ["ADUAN_NOW": now], in: s)
        #expect(piped.status == 0 && !piped.stderr.contains("exporting"), "\(piped.stderr)")
    }
}
