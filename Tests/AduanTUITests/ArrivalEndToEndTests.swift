import AduanTestSupport
import Glibc
import Testing

/// Issue 11 item 6 end to end: reports another operator receives (from the command line) while
/// the screen is open are announced in the status line, and the selection stays where it was.
@Suite struct ArrivalEndToEndTests {
    func aduan(_ args: [String], _ s: Scratch) -> ProcessResult {
        AduanBinary.run(args, env: ["ADUAN_NOW": EndToEndTests.now], in: s)
    }

    @Test func reportsReceivedMeanwhileAreAnnouncedAndTheSelectionStays() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let store = s.file("demo.db")
        #expect(aduan(["demo", "--count", "300", "--seed", "5", "--store", store], s).status == 0)
        let tmux = TmuxSession(width: 120, height: 40, command: "'\(AduanBinary.path)' --store '\(store)'",
                               env: ["ADUAN_NOW": EndToEndTests.now], scratch: s)
        var (ok, screen) = tmux.waitFor("Kotak Masuk")
        try #require(ok, "\(screen)")
        // Newest first, so new reports land above the selection.
        tmux.send("O")
        _ = tmux.waitFor("terbaru")
        tmux.send("j")
        tmux.send("j")
        (ok, screen) = tmux.waitFor { EndToEndTests.selectedLine($0) != nil && $0.contains("3 dari") }
        let selected = try #require(EndToEndTests.selectedID(screen), "\(screen)")
        for title in ["Jembatan gantung putus", "Banjir di Perumahan Griya Asri"] {
            #expect(aduan(["act", "new", "receive", "--title", title, "--channel", "web", "--store", store], s).status == 0)
        }
        (ok, screen) = tmux.waitFor("2 laporan baru masuk")
        #expect(ok, "no word of the arrivals: \(screen)")
        #expect(EndToEndTests.selectedID(screen) == selected, "the selection moved: \(screen)")
        #expect(screen.contains("5 dari"), "the selected report is now the 5th: \(screen)")
        tmux.send("Q")
        _ = tmux.waitFor("[exit 0]")
    }
}
