import AduanCore
import AduanStore
import Testing

/// The unit tree and drafts in the store (issue 15 items 1–2): the projection keeps the pending
/// draft, `is:awaiting-approval` selects in SQL what the core selects, the subtree scope lists
/// what the core lets open, and verify replays pass-downs and approvals.
@Suite struct StoreHierarchyTests {
    typealias F = StoreFixture

    static let directory = Directory(agencies: [
        Agency(id: "pemkab", name: "Pemkab Sukamaju", units: [
            Unit(id: "dinkes", name: "Dinas Kesehatan"), Unit(id: "pupr", name: "Dinas PUPR"),
            Unit(id: "dinkes-p2p", name: "Bidang P2P", parent: "dinkes"),
            Unit(id: "pkm", name: "Puskesmas Sukamaju", parent: "dinkes-p2p"),
        ]),
    ])
    static let context = WorkflowContext(directory: directory, policy: WorkflowPolicy(clockSkewSeconds: 400 * 86_400))
    static let admin = F.admin()
    static let dinkes = directory.placing(Actor(id: "tl-dinkes", name: "Andi", role: .liaison, agency: "pemkab", unit: "dinkes"))
    static let pkmOperator = directory.placing(Actor(id: "op-pkm", name: "Joko", role: .unitOperator, agency: "pemkab", unit: "pkm"))
    static let p2pOperator = directory.placing(Actor(id: "op-p2p", name: "Rina", role: .unitOperator, agency: "pemkab", unit: "dinkes-p2p"))
    static let pupr = directory.placing(Actor(id: "tl-pupr", name: "Budi", role: .liaison, agency: "pemkab", unit: "pupr"))

    @Test func draftsPassDownsAndReturnsAreStoredListedAndReplayed() throws {
        try withTempDir { dir in
            let store = try ComplaintStore.open(path: dir + "/aduan.db", context: Self.context, create: true)
            var t = F.day(2026, 11, 2, 9)
            func step() -> Timestamp { t = t.adding(seconds: 600); return t }
            // A reporter's text that spells the state marker must not make a report "awaiting approval".
            var tricky = F.intake("Lampu mati \"pd\":[1] di gang")
            tricky.location = "\"pd\":[ RT 1"
            var ids: [Int64] = []
            for intake in [F.intake("Puskesmas tutup"), tricky, F.intake("Jalan rusak"), F.intake("Obat habis")] {
                let c = try store.receive(intake, by: Self.admin, at: step())
                _ = try store.apply(Command(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: false, confidential: true))),
                                    to: c.id, expectedVersion: nil, by: Self.admin, at: step())
                ids.append(c.id)
            }
            // #1: down two levels, a draft at the Puskesmas awaiting approval.
            _ = try store.apply(Command(.passDown, ActionDetails(unit: "pkm")), to: ids[0], expectedVersion: nil, by: Self.dinkes, at: step())
            let drafted = try store.apply(Command(.draft, ActionDetails(text: "Jam buka diperbaiki.")), to: ids[0], expectedVersion: nil,
                                          by: Self.pkmOperator, at: step())
            #expect(drafted.awaitingApproval)
            // #3: down, returned up, drafted by Dinkes and approved by the admin.
            _ = try store.apply(Command(.passDown, ActionDetails(unit: "dinkes-p2p")), to: ids[2], expectedVersion: nil, by: Self.dinkes, at: step())
            _ = try store.apply(Command(.returnUp, ActionDetails(reason: "Bukan kewenangan bidang")), to: ids[2], expectedVersion: nil,
                                by: Self.p2pOperator, at: step())
            let d3 = try store.apply(Command(.draft, ActionDetails(text: "Draf")), to: ids[2], expectedVersion: nil, by: Self.dinkes, at: step())
            #expect(d3.status == .belumDitindaklanjuti && d3.holder.unit == "dinkes")
            let approved = try store.apply(Command(.approve), to: ids[2], expectedVersion: nil, by: Self.admin, at: step())
            #expect(approved.status == .proses && !approved.awaitingApproval)

            let all = try F.allComplaints(store)
            for c in all { #expect(try Workflow.fold(store.events(of: c.id)) == c, "projection of #\(c.id) is the fold") }
            // The filter word, in SQL and in memory.
            let waiting = try store.page(InboxQuery(scope: .everything, filter: .term(.awaitingApproval)), limit: 100, now: t).map(\.id)
            #expect(waiting == [ids[0]])
            #expect(all.filter(\.awaitingApproval).map(\.id) == [ids[0]])
            #expect(try store.awaitingApprovalCount(Access.inboxScope(of: Self.dinkes)) == 1)
            #expect(try store.awaitingApprovalCount(Access.inboxScope(of: Self.pupr)) == 0)
            // Every level above lists what the subtree holds; a sibling lists nothing; confidential content is read by the subtree.
            for viewer in [Self.dinkes, Self.p2pOperator, Self.pkmOperator, Self.pupr] {
                let visible = all.filter { Privacy.canView($0, viewer: viewer) }.map(\.id)
                var q = InboxQuery(viewer: viewer)
                q.formerHolders = true
                let listed = try store.page(q, limit: 100, now: t).map(\.id).sorted()
                #expect(listed == visible, "list vs canView for \(viewer.id)")
                #expect(try store.count(q, now: t) == visible.count, "count for \(viewer.id)")
                let rows = try store.page(q, limit: 100, now: t)
                for r in rows {
                    let c = all.first { $0.id == r.id }!
                    #expect(r.contentHidden == !Privacy.canSeeContent(c, viewer: viewer), "content of #\(r.id) for \(viewer.id)")
                }
            }
            #expect(try store.page(InboxQuery(viewer: Self.pupr), limit: 100, now: t).isEmpty)
            // verify replays every pass-down, return, draft and approval.
            let report = try store.verify()
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }
}
