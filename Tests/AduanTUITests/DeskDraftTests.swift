import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// Issue 11 item 1: typed text is never thrown away. A change that does not touch what a written
/// action rests on does not refuse it; a conflict keeps the text, shows what changed and sends it
/// again with one key; drafts survive a quit and belong to their operator alone.
@Suite struct DeskDraftTests {
    typealias F = DeskFixture

    /// tl-pupr opens the PUPR report and starts `key` (r, m) with `text`; `meanwhile` runs as another operator before Ctrl-S.
    static func write(_ store: ComplaintStore, key: String, text: String, width: Int = 120, height: Int = 40,
                      meanwhile: @escaping (ComplaintStore, Int64) -> Void, then: [ScriptedTerminal.ScriptStep] = []) throws -> (Grid, Desk) {
        let id = try F.id(of: "Jalan berlubang", in: store)
        let other = try ComplaintStore.open(path: store.path, context: store.context)
        let (desk, terminal) = F.desk(store, as: "tl-pupr", width: width, height: height, keys: ["/", "text:berlubang", "Enter", key, "text:" + text])
        terminal.append([.perform { meanwhile(other, id) }, .key(.ctrl("s"))] + then)
        desk.run()
        return (try #require(terminal.scriptEndFrame), desk)
    }

    static func admin(_ command: Command) -> (ComplaintStore, Int64) -> Void {
        { other, id in _ = try? other.apply(command, to: id, expectedVersion: nil, by: F.actor("admin"), at: F.now) }
    }

    @Test func aCopyAddedMeanwhileDoesNotRefuseAFollowUp() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let (grid, _) = try Self.write(store, key: "r", text: "Tim sudah meninjau lokasi", meanwhile: Self.admin(Command(.cc, ActionDetails(unit: "kec-sukamaju"))))
        let id = try F.id(of: "Jalan berlubang", in: store)
        let last = try #require(try store.events(of: id).last)
        #expect(last.kind == .followUp && last.details.text == "Tim sudah meninjau lokasi", "\(grid.text())")
    }

    @Test func aNoteIsNotRefusedByAnUnrelatedChange() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let (grid, _) = try Self.write(store, key: "m", text: "Cek anggaran", meanwhile: Self.admin(Command(.note, ActionDetails(text: "Dicek Siti"))))
        let id = try F.id(of: "Jalan berlubang", in: store)
        let notes = try store.events(of: id).filter { $0.kind == .note }.compactMap(\.details.text)
        #expect(notes == ["Dicek Siti", "Cek anggaran"], "\(grid.text())")
    }

    @Test func aRefusedFollowUpKeepsItsTextShowsWhatChangedAndIsSentAgainWithOneKey() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "Jalan berlubang", in: store)
        let change = Self.admin(Command(.classify, ActionDetails(changes: ClassificationChange(priority: .high))))
        let (panel, _) = try Self.write(store, key: "r", text: "Perbaikan dijadwalkan minggu depan", meanwhile: change)
        #expect(panel.contains("Laporan berubah sementara Anda menulis"), "\(panel.text())")
        #expect(panel.contains("Yang berubah") && panel.contains("Siti Rahmawati"), "\(panel.text())")
        #expect(panel.contains("Perbaikan dijadwalkan minggu depan"), "the text is shown, kept")
        #expect(panel.contains("Enter kirim lagi"), "\(panel.text())")
        #expect(try store.draft(of: id, kind: .followUp, by: F.actor("tl-pupr"))?.text == "Perbaikan dijadwalkan minggu depan")
        #expect(try store.events(of: id).last?.kind == .classify, "nothing was written yet")

        // The same again, and Enter sends the very text on the report as it is now.
        let dir2 = TempDir()
        let store2 = try F.makeStore(in: dir2)
        let (sent, _) = try Self.write(store2, key: "r", text: "Perbaikan dijadwalkan minggu depan", meanwhile: change, then: [.key(.enter)])
        let last = try #require(try store2.events(of: id).last)
        #expect(last.kind == .followUp && last.details.text == "Perbaikan dijadwalkan minggu depan", "\(sent.text())")
        #expect(try store2.draft(of: id, kind: .followUp, by: F.actor("tl-pupr")) == nil, "a sent draft is forgotten")
    }

    @Test func theConflictIsReadableWholeAtEightyColumns() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let change = Self.admin(Command(.redispose, ActionDetails(unit: "dlh", reason: "Bukan wewenang PUPR")))
        let (grid, _) = try Self.write(store, key: "m", text: "Catatan", width: 80, height: 24, meanwhile: change)
        // The refusal's last words, past 80 columns, are on the screen (wrapped, not cut).
        let text = grid.text().split(separator: "\n").map { $0.replacingOccurrences("│", "").trimmingSpaces() }.joined(separator: " ")
        #expect(text.contains("Tidak ada yang ditulis"), "\(grid.text())")
        #expect(text.contains("Bukan wewenang PUPR"), "the change is named in words: \(grid.text())")
        #expect(text.contains("Tidak dapat dikirim"), "the report left the unit: sending again is not offered")
        #expect(text.contains("Esc tutup") && !text.contains("Enter kirim lagi") && !text.contains("e ubah dulu"), "\(grid.text())")
    }

    @Test func theConflictPanelNamesNoChangeTheOperatorMayNotSee() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "李秀英", in: store)
        try store.apply(Command(.cc, ActionDetails(unit: "pupr")), to: id, expectedVersion: nil, by: F.actor("admin"), at: F.now)
        let other = try ComplaintStore.open(path: store.path, context: store.context)
        let (desk, terminal) = F.desk(store, as: "tl-pupr", keys: ["M", "/", "text:antrean", "Enter", "m", "text:Kami pantau"])
        terminal.append([.perform {
            _ = try? other.apply(Command(.followUp, ActionDetails(text: "Hasil pemeriksaan internal", secret: true)), to: id,
                                 expectedVersion: nil, by: F.actor("tl-dinkes"), at: F.now)
        }, .key(.ctrl("s"))])
        desk.run()
        let grid = try #require(terminal.scriptEndFrame)
        #expect(grid.contains("1 perubahan yang tidak boleh Anda lihat"), "\(grid.text())")
        for secret in ["Hasil pemeriksaan internal", "Andi Pratama", "tl-dinkes"] { #expect(!grid.contains(secret), "\(secret) leaked: \(grid.text())") }
        #expect(try store.draft(of: id, kind: .note, by: F.actor("tl-pupr"))?.text == "Kami pantau")
    }

    @Test func aDraftSurvivesAQuitAndOpensWithTheSameKey() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "Jalan berlubang", in: store)
        // The terminal goes away while the editor is open.
        let (desk, terminal) = F.desk(store, as: "tl-pupr", keys: ["/", "text:berlubang", "Enter", "r", "text:Sedang kami survei"])
        terminal.append([.key(.hangup)])
        desk.run()
        #expect(try store.draft(of: id, kind: .followUp, by: F.actor("tl-pupr"))?.text == "Sedang kami survei")
        #expect(try store.events(of: id).allSatisfy { $0.details.text != "Sedang kami survei" }, "a draft is never an event")
        // Nobody else sees it: another operator's editor opens empty.
        #expect(try store.draft(of: id, kind: .followUp, by: F.actor("admin")) == nil)
        let admin = F.run(store, as: "admin", keys: ["/", "text:berlubang", "Enter", "m"])
        #expect(!admin.contains("Sedang kami survei"), "\(admin.text())")
        // The same operator: `r` opens it, Ctrl-S sends it.
        let back = F.run(store, as: "tl-pupr", keys: ["/", "text:berlubang", "Enter", "r"])
        #expect(back.contains("Sedang kami survei") && back.contains("Draf Anda"), "\(back.text())")
        _ = F.run(store, as: "tl-pupr", keys: ["/", "text:berlubang", "Enter", "r", "ctrl-s"])
        #expect(try store.events(of: id).last?.details.text == "Sedang kami survei")
        #expect(try store.draftCount(by: F.actor("tl-pupr")) == 0)
    }

    @Test func escapeKeepsOrDiscardsTheDraftAsTheOperatorChooses() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "Jalan berlubang", in: store)
        let me = F.actor("tl-pupr")
        let kept = F.run(store, as: "tl-pupr", keys: ["/", "text:berlubang", "Enter", "m", "text:Nanti dilanjut", "Esc", "d"])
        #expect(try store.draft(of: id, kind: .note, by: me)?.text == "Nanti dilanjut", "\(kept.text())")
        _ = F.run(store, as: "tl-pupr", keys: ["/", "text:berlubang", "Enter", "m", "Esc", "y"])
        #expect(try store.draft(of: id, kind: .note, by: me) == nil, "y discards it")
    }
}

extension Substring {
    func replacingOccurrences(_ a: Character, _ b: String) -> String {
        var out = ""
        for ch in self { if ch == a { out += b } else { out.append(ch) } }
        return out
    }
}
