import AduanTestSupport
import Glibc
import Testing

/// Issue 11 item 1 end to end, as the operators met it: the real binary in tmux writes a reply
/// while another operator acts on the same report from the command line.
@Suite struct DraftEndToEndTests {
    static let now = EndToEndTests.now

    func aduan(_ args: [String], _ s: Scratch) -> ProcessResult {
        AduanBinary.run(args, env: ["ADUAN_NOW": Self.now], in: s)
    }

    @Test func aReplyOutlivesAnotherOperatorsChangesAndTheDraftOutlivesAQuit() throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = Scratch()
        let store = s.file("demo.db")
        #expect(aduan(["demo", "--count", "400", "--seed", "3", "--store", store], s).status == 0)
        let command = "'\(AduanBinary.path)' --store '\(store)'"
        var tmux = TmuxSession(width: 120, height: 40, command: command, env: ["ADUAN_NOW": Self.now], scratch: s)
        var (ok, screen) = tmux.waitFor("Kotak Masuk")
        try #require(ok, "the inbox never appeared:\n\(screen)")
        tmux.send("l")
        _ = tmux.waitFor("Saring:")
        tmux.type("status:proses")
        tmux.send("Enter")
        (ok, screen) = tmux.waitFor { EndToEndTests.selectedLine($0)?.contains("Proses") == true }
        let id = try #require(EndToEndTests.selectedID(screen), "\(screen)")

        // A copy added meanwhile does not refuse the reply.
        tmux.send("r")
        _ = tmux.waitFor("Ctrl-S")
        tmux.type("Petugas meninjau lokasi hari Kamis.")
        #expect(aduan(["act", id, "cc", "--unit", "kec-sukamaju", "--store", store], s).status == 0)
        tmux.send("C-s")
        (ok, screen) = tmux.waitFor("Tersimpan")
        #expect(ok, "a copy refused the reply: \(screen)")

        // A classification meanwhile does: the text stays, and Enter sends it again.
        tmux.send("r")
        _ = tmux.waitFor("Ctrl-S")
        tmux.type("Perbaikan selesai minggu depan.")
        #expect(aduan(["act", id, "classify", "--priority", "high", "--store", store], s).status == 0)
        tmux.send("C-s")
        (ok, screen) = tmux.waitFor("Laporan berubah sementara Anda menulis")
        #expect(ok && screen.contains("Perbaikan selesai minggu depan."), "\(screen)")
        tmux.send("Enter")
        (ok, screen) = tmux.waitFor("Tersimpan")
        #expect(ok, "\(screen)")
        let shown = aduan(["show", id, "--store", store], s).stdout
        #expect(shown.contains("Petugas meninjau lokasi hari Kamis.") && shown.contains("Perbaikan selesai minggu depan."), "\(shown)")

        // A note kept as a draft on Esc, d survives quitting the desk.
        tmux.send("m")
        _ = tmux.waitFor("Ctrl-S")
        tmux.type("Cek anggaran besok")
        tmux.send("Escape")
        _ = tmux.waitFor("simpan sebagai draf")
        tmux.send("d")
        _ = tmux.waitFor("disimpan sebagai draf")
        tmux.send("Q")
        (ok, screen) = tmux.waitFor("[exit 0]")
        #expect(ok, "\(screen)")
        #expect(!aduan(["show", id, "--store", store], s).stdout.contains("Cek anggaran besok"), "a draft is not in the history")
        #expect(!aduan(["export", "--store", store], s).stdout.contains("Cek anggaran besok"), "a draft is never exported")

        tmux = TmuxSession(width: 120, height: 40, command: command, env: ["ADUAN_NOW": Self.now], scratch: s)
        _ = tmux.waitFor("Kotak Masuk")
        tmux.send("l")
        _ = tmux.waitFor("Saring:")
        tmux.type("id:\(id)")
        tmux.send("Enter")
        _ = tmux.waitFor { EndToEndTests.selectedLine($0) != nil && $0.contains("id:\(id)") }
        tmux.send("m")
        (ok, screen) = tmux.waitFor("Cek anggaran besok")
        #expect(ok, "the draft did not come back: \(screen)")
        tmux.send("C-s")
        (ok, screen) = tmux.waitFor("Tersimpan")
        #expect(ok, "\(screen)")
        tmux.send("Q")
        _ = tmux.waitFor("[exit 0]")
        #expect(aduan(["show", id, "--store", store], s).stdout.contains("Cek anggaran besok"))
    }
}
