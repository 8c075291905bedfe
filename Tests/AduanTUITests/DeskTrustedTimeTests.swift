import AduanCore
import AduanStore
import AduanTUI
import Testing

/// Issue 13 §3 on the screen: the reply and rating dialogs take an optional time the reporter
/// gave, kept as a field of the event (never its time).
@Suite struct DeskTrustedTimeTests {
    typealias F = DeskFixture

    @Test func aReplyInTheScreenKeepsTheReportersTimeAsAField() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "李秀英", in: store)
        let grid = F.run(store, keys: ["/", "text:antrean", "Enter", "p", "text:Belum ada perubahan", "ctrl-s",
                                       "text:2026-11-20 10:00", "Enter"])
        let e = try #require(try store.events(of: id).last)
        #expect(e.kind == .reply, "\(grid.text)")
        #expect(e.at == F.now, "the event's time is the recording moment")
        #expect(e.details.reportedAt == OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 11, day: 20), hour: 10))
    }

    @Test func aReplyWithoutAReportersTimeHasNone() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "李秀英", in: store)
        _ = F.run(store, keys: ["/", "text:antrean", "Enter", "p", "text:Belum ada perubahan", "ctrl-s", "Enter"])
        let e = try #require(try store.events(of: id).last)
        #expect(e.kind == .reply && e.details.reportedAt == nil)
    }

    @Test func aBadReportersTimeIsExplainedAndNothingIsWritten() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "李秀英", in: store)
        let before = try store.events(of: id).count
        let grid = F.run(store, keys: ["/", "text:antrean", "Enter", "p", "text:Belum", "ctrl-s", "text:kemarin sore", "Enter"])
        #expect(grid.contains("tanggal dan jam seperti 2026-11-20 10:00"), "\(grid.text)")
        // A time in the future is refused by the core, with its sentence.
        let future = F.run(store, keys: ["/", "text:antrean", "Enter", "p", "text:Belum", "ctrl-s", "text:2026-11-24 10:00", "Enter"])
        #expect(future.contains("Waktu tulis pelapor"), "\(future.text)")
        #expect(try store.events(of: id).count == before)
    }
}
