import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// Drafts awaiting approval on the screen (issue 15 item 2): the status line counts them for
/// approvers, the filter word lists them, and the action menu offers approve only while one waits.
@Suite struct DeskApprovalTests {
    typealias F = DeskFixture

    @Test func theStatusLineCountsDraftsAwaitingApprovalForApprovers() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        // The antrean-puskesmas report (Proses, held by Dinkes): its liaison drafts the next follow-up.
        let held = try #require(try F.allComplaintIDs(store).first { try store.complaint($0)?.holder.unit == "dinkes" })
        let c = try #require(try store.complaint(held))
        _ = try store.apply(Command(.draft, ActionDetails(text: "Draf: antrean daring mulai Senin.")), to: held, expectedVersion: c.version,
                            by: F.actor("tl-dinkes"), at: F.now)
        let admin = F.run(store, keys: ["idle", "idle"])
        #expect(admin.row(38).contains("1 menunggu persetujuan"), "\(admin.row(38))")
        let en = F.run(store, keys: ["idle", "idle"], language: .en)
        #expect(en.row(38).contains("1 awaiting approval"), "\(en.row(38))")
        // A supervisor approves nothing; a liaison of another unit has nothing waiting.
        #expect(!F.run(store, as: "pengawas", keys: ["idle", "idle"]).row(38).contains("persetujuan"))
        #expect(!F.run(store, as: "tl-pupr", keys: ["idle", "idle"]).row(38).contains("persetujuan"))
        // The filter word lists exactly it.
        let listed = F.run(store, keys: ["l", "text:is:awaiting-approval", "Enter", "idle", "idle", "idle"])
        #expect(listed.contains("antrean puskesmas"), "\(listed.text())")
        #expect(!listed.contains("Jalan berlubang"))
        // The action menu offers approve while a draft waits, and the drafter cannot approve it.
        let ctx = DeskContext(store: store, config: F.config, me: F.actor("admin"), language: .id, clock: { F.now })
        let waiting = try #require(try store.complaint(held))
        #expect(Workflow.availableActions(on: waiting, by: ctx.me, context: store.context).contains(.approve))
        #expect(!Workflow.availableActions(on: c, by: ctx.me, context: store.context).contains(.approve))
    }
}

extension DeskFixture {
    static func allComplaintIDs(_ store: ComplaintStore) throws -> [Int64] {
        Array(1...Int64(items.count))
    }
}

/// The pass-down dialog types ahead over the holder's subtree (issue 15 item 1).
@Suite struct DeskPassDownTests {
    typealias F = DeskFixture

    @Test func passDownPicksASubUnitByTypingAndTheHolderMoves() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let held = try #require(try F.allComplaintIDs(store).first { try store.complaint($0)?.holder.unit == "dinkes" })
        // The Dinkes liaison's inbox holds just this report; b opens the tree picker, "karang" finds the Puskesmas.
        let grid = F.run(store, as: "tl-dinkes", keys: ["b", "idle", "text:karang", "idle", "Enter", "idle", "Enter", "idle", "idle"])
        let c = try #require(try store.complaint(held))
        #expect(c.holder == Holder(agency: "pemkab-sukamaju", unit: "pkm-karangrejo"), "\(grid.text())")
        #expect(c.holderChain.last?.via == .passDown)
        // The sub-unit's operator now holds it; the liaison above still sees it in the working inbox.
        let above = F.run(store, as: "tl-dinkes", keys: ["idle", "idle"])
        #expect(above.contains("antrean puskesmas"), "\(above.text())")
        let below = F.run(store, as: "op-pkm-karangrejo", keys: ["idle", "idle"])
        #expect(below.contains("antrean puskesmas"), "\(below.text())")
        #expect(!F.run(store, as: "tl-pupr", keys: ["idle", "idle"]).contains("antrean puskesmas"))
    }
}
