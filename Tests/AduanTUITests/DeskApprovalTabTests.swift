import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// The Inbox's "awaiting approval" tab (issue 15): approvers (the core's `Approval.approves`)
/// get a tab listing the drafts they may approve, with its count, while any wait; others never;
/// at 80 columns every tab stays.
@Suite struct DeskApprovalTabTests {
    typealias F = DeskFixture

    /// The fixture with the Dinkes liaison's draft on the report Dinkes holds.
    static func storeWithADraft(_ dir: TempDir) throws -> ComplaintStore {
        let store = try F.makeStore(in: dir)
        let held = try #require(try F.allComplaintIDs(store).first { try store.complaint($0)?.holder.unit == "dinkes" })
        let c = try #require(try store.complaint(held))
        _ = try store.apply(Command(.draft, ActionDetails(text: "Draf: antrean daring mulai Senin.")), to: held, expectedVersion: c.version,
                            by: F.actor("tl-dinkes"), at: F.now)
        return store
    }

    @Test func anApproverHasATabOfTheDraftsTheyMayApproveWithItsCount() throws {
        let dir = TempDir()
        let store = try Self.storeWithADraft(dir)
        let inbox = F.run(store, keys: ["idle"])
        #expect(inbox.row(1).contains("Persetujuan 1"), "the tab row: \(inbox.row(1))")
        // Left of Diteruskan (Diteruskan stays the last tab): two keys left of Semua.
        let tab = F.run(store, keys: ["Left", "Left", "idle", "idle"])
        #expect(tab.contains("antrean puskesmas"), "\(tab.text())")
        #expect(!tab.contains("Jalan berlubang"), "\(tab.text())")
        #expect(tab.row(38).contains("1 dari 1"), "\(tab.row(38))")
        #expect(tab.row(38).contains("1 menunggu persetujuan"), "\(tab.row(38))")
        let en = F.run(store, keys: ["idle"], language: .en)
        #expect(en.row(1).contains("To approve 1"), "\(en.row(1))")
        // The drafter approves no draft of their own: nothing waits for them, no tab.
        let drafter = F.run(store, as: "tl-dinkes", keys: ["idle"])
        #expect(!drafter.row(1).contains("Persetujuan"), "\(drafter.row(1))")
        #expect(!drafter.row(38).contains("menunggu persetujuan"), "\(drafter.row(38))")
        // Approved from the tab, the last draft leaves it; the tab stays while it is shown.
        let approved = F.run(store, keys: ["Left", "Left", "idle", "y", "idle", "y", "idle", "idle"])
        #expect(try store.complaint(try F.id(of: "李秀英", in: store))?.pendingDraft == nil, "\(approved.text())")
        #expect(approved.row(1).contains("Persetujuan 0"), "\(approved.row(1))")
        #expect(!F.run(store, keys: ["idle"]).row(1).contains("Persetujuan"))
        // A supervisor and a unit operator approve nothing: no tab.
        for id in ["pengawas", "op-pkm-karangrejo"] {
            let grid = F.run(store, as: id, keys: ["idle"])
            #expect(!grid.row(1).contains("Persetujuan") && !grid.row(1).contains("Stj"), "\(id): \(grid.row(1))")
        }
    }

    @Test func at80ColumnsTheApproverKeepsEveryTabIncludingApproval() throws {
        let dir = TempDir()
        let store = try Self.storeWithADraft(dir)
        let grid = F.run(store, width: 80, height: 24, keys: ["idle"])
        let tabs = grid.row(1)
        for (full, tiny) in [("Semua", "Sem"), ("Blm Verif", "BV"), ("Blm TL", "BTL"), ("Proses", "Pros"), ("Selesai", "Sls"),
                             ("Tunda", "Tnd"), ("Arsip", "Ars"), ("Diteruskan", "Dit")] {
            #expect(tabs.contains(full) || tabs.contains(tiny + " "), "tab \(full) missing at 80 columns: \(tabs)")
        }
        #expect(tabs.count <= 80)
        #expect(tabs.contains("Stj 1") || tabs.contains("Persetujuan 1"), "the approval tab at 80 columns: \(tabs)")
        #expect(grid.row(2).contains("A/R"), "no privacy column at 80 columns: \(grid.row(2))")
    }

    /// Nine tabs with a million-report office's counts still fit in 79 cells.
    @Test(arguments: ["4.444", "1.234.567"])
    func withLargeCountsNineTabsStillFitAt80Columns(count: String) {
        let names: [(String, String)] = [("Semua", "Sem"), ("Blm Verif", "BV"), ("Blm TL", "BTL"), ("Proses", "Pros"), ("Selesai", "Sls"),
                                         ("Tunda", "Tnd"), ("Arsip", "Ars"), ("Persetujuan", "Stj"), ("Diteruskan", "Dit")]
        for active in [0, 5, 7] {
            let tabs = names.enumerated().map { (full: $0.element.0, tiny: $0.element.1, count: count, active: $0.offset == active) }
            let labels = InboxView.tabLabels(tabs, width: 79)
            #expect(labels.count == 9)
            #expect(labels.map { DisplayWidth.of($0) }.reduce(0, +) + 8 <= 79, "\(labels)")
            #expect(labels[active].contains(names[active].0) && labels[active].contains(count), "the active tab keeps its name and count: \(labels)")
        }
    }
}

/// Issue 15: the approver sees the boilerplate warning before publishing, above the confirmation.
@Suite struct DeskApproverBoilerplateTests {
    typealias F = DeskFixture

    /// The Dinkes report with a draft by its liaison: the template "selesai" as it is, or a real answer.
    static func store(_ dir: TempDir, template: Bool) throws -> (ComplaintStore, Int64) {
        let store = try F.makeStore(in: dir)
        let held = try #require(try F.allComplaintIDs(store).first { try store.complaint($0)?.holder.unit == "dinkes" })
        let c = try #require(try store.complaint(held))
        let selesai = try #require(F.config.templates.first { $0.id == "selesai" })
        let text = template ? F.config.fill(selesai, for: c, author: F.actor("tl-dinkes"), audience: .everyone)
            : "Antrean daring dibuka mulai Senin depan; loket tambahan melayani lansia sejak pukul 06.30 di ruang tunggu timur."
        _ = try store.apply(Command(.draft, ActionDetails(text: text)), to: held, expectedVersion: c.version, by: F.actor("tl-dinkes"), at: F.now)
        return (store, held)
    }

    @Test func approvingABoilerplateDraftWarnsBeforePublishing() throws {
        let dir = TempDir()
        let (store, id) = try Self.store(dir, template: true)
        let asking = F.run(store, keys: ["/", "text:antrean", "Enter", "y", "idle"])
        let bottom = (30..<40).map { asking.row($0) }.joined(separator: "\n")
        #expect(bottom.contains("Peringatan: tindak lanjut ini"), "\(asking.text())")
        #expect(asking.row(39).contains("Setujui draf"), "\(asking.row(39))")
        #expect(try store.complaint(id)?.pendingDraft != nil, "nothing published before the answer")
        let en = F.run(store, keys: ["/", "text:antrean", "Enter", "y", "idle"], language: .en)
        #expect((30..<40).map { en.row($0) }.joined().contains("Warning: this follow-up is"), "\(en.text())")
        // At 80×24 the warning still shows above the question.
        let narrow = F.run(store, width: 80, height: 24, keys: ["/", "text:antrean", "Enter", "y", "idle"])
        #expect((14..<24).map { narrow.row($0) }.joined().contains("Peringatan"), "\(narrow.text())")
        // Publishing stays the approver's choice.
        _ = F.run(store, keys: ["/", "text:antrean", "Enter", "y", "y", "idle"])
        #expect(try store.complaint(id)?.pendingDraft == nil && store.complaint(id)?.followUpCount == 2)
    }

    @Test func aSubstantiveDraftIsApprovedWithoutAWarning() throws {
        let dir = TempDir()
        let (store, _) = try Self.store(dir, template: false)
        let asking = F.run(store, keys: ["/", "text:antrean", "Enter", "y", "idle"])
        #expect(!asking.text().contains("Peringatan"), "\(asking.text())")
        #expect(asking.row(39).contains("Setujui draf"), "\(asking.row(39))")
    }
}
