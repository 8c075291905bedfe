import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// Issue 11 item 17 on the screen: when the reporter actually wrote is asked in the reply and
/// rating dialogs, refused there (with the core's sentence) when it lies in the future or before the
/// follow-up it answers, while the typed reply stays; the history shows it; the event's own time
/// stays the recording moment.
@Suite struct DeskReporterTimeTests {
    typealias F = DeskFixture
    static let open = ["/", "text:antrean", "Enter"]

    @Test func aFutureTimeIsRefusedAtThePromptAndTheReplyIsKept() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "李秀英", in: store)
        let refused = F.run(store, keys: Self.open + ["p", "text:Belum ada perubahan", "ctrl-s", "text:2026-11-24 10:00", "Enter"])
        #expect(refused.contains("Waktu tulis pelapor") && refused.contains("masa depan"), "\(refused.text())")
        #expect(refused.contains("ditulis pelapor pada"), "the prompt stays open: \(refused.text())")
        #expect(!refused.contains("--written-at"), "the screen does not speak of the command line's option")
        // The cancelled reply was kept as a draft: `p` opens it again.
        #expect(try store.draft(of: id, kind: .reply, by: F.actor("admin"))?.text == "Belum ada perubahan")
        try store.discardDraft(of: id, kind: .reply, by: F.actor("admin"))
        // Corrected in the same dialog: the reply is written with the text typed before.
        _ = F.run(store, keys: Self.open + ["p", "text:Belum ada perubahan", "ctrl-s", "text:2026-11-24 10:00", "Enter",
                                            "ctrl-u", "text:2026-11-22 10:00", "Enter"])
        let e = try #require(try store.events(of: id).last)
        #expect(e.kind == .reply && e.details.text == "Belum ada perubahan")
        #expect(e.details.reportedAt == OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 11, day: 22), hour: 10))
        #expect(e.at == F.now, "the event's time is the recording moment")
    }

    @Test func aTimeBeforeTheFollowUpItAnswersIsRefusedAtThePrompt() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "李秀英", in: store)
        let before = try store.events(of: id).count
        let grid = F.run(store, keys: Self.open + ["p", "text:Belum", "ctrl-s", "text:2026-11-19 08:30", "Enter"])
        #expect(grid.contains("lebih awal dari tindak lanjut"), "\(grid.text())")
        #expect(try store.events(of: id).count == before)
    }

    @Test func theHistoryShowsWhenTheReporterWrote() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        _ = F.run(store, keys: Self.open + ["p", "text:Belum ada perubahan", "ctrl-s", "text:2026-11-22 10:00", "Enter"])
        let detail = F.run(store, width: 160, height: 60, keys: Self.open + ["Enter"])
        #expect(detail.contains("ditulis pelapor 22 Nov 2026"), "\(detail.text())")
    }
}
