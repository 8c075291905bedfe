import AduanCore
@testable import AduanStore
import Testing

/// The Inbox's "awaiting approval" tab (issue 15): the store lists and counts, from the
/// projection's `draft_by` column, exactly the reports the core lets each viewer approve
/// (`Approval.mayApprove`: a draft waits, the gate allows `approve`, another operator drafted it).
@Suite struct StoreApprovalTabTests {
    typealias F = StoreFixture
    typealias H = StoreHierarchyTests

    static let supervisor = Actor(id: "sup", name: "Hendra", role: .supervisor, agency: "pemkab")
    static let other = Actor(id: "admin-prov", name: "Admin prov", role: .admin, agency: "prov")

    /// Reports with drafts by a Puskesmas operator, by the Dinkes liaison itself, by a Bidang
    /// operator, by the PUPR liaison; one approved, one returned, one copied to PUPR.
    static func build(_ store: ComplaintStore) throws -> [Int64] {
        var t = F.day(2026, 11, 2, 9)
        func step() -> Timestamp { t = t.adding(seconds: 600); return t }
        var ids: [Int64] = []
        for unit in ["dinkes", "dinkes", "dinkes", "pupr", "dinkes", "dinkes", "dinkes"] {
            let c = try store.receive(F.intake("Laporan \(ids.count)"), by: H.admin, at: step())
            _ = try store.apply(Command(.verify, ActionDetails(unit: unit)), to: c.id, expectedVersion: nil, by: H.admin, at: step())
            ids.append(c.id)
        }
        func act(_ i: Int, _ kind: ActionKind, _ d: ActionDetails = ActionDetails(), by a: Actor) throws {
            _ = try store.apply(Command(kind, d), to: ids[i], expectedVersion: nil, by: a, at: step())
        }
        try act(0, .passDown, ActionDetails(unit: "pkm"), by: H.dinkes)
        try act(0, .draft, ActionDetails(text: "Jam buka diperbaiki."), by: H.pkmOperator)
        try act(1, .draft, ActionDetails(text: "Sudah dicek."), by: H.dinkes)
        try act(2, .passDown, ActionDetails(unit: "dinkes-p2p"), by: H.dinkes)
        try act(2, .draft, ActionDetails(text: "Vaksinasi dijadwalkan."), by: H.p2pOperator)
        try act(3, .draft, ActionDetails(text: "Jalan ditambal."), by: H.pupr)
        try act(4, .draft, ActionDetails(text: "Draf"), by: H.dinkes)
        try act(4, .approve, by: H.admin)
        try act(5, .draft, ActionDetails(text: "Draf"), by: H.dinkes)
        try act(5, .returnDraft, ActionDetails(text: "Kurang lengkap"), by: H.admin)
        try act(6, .cc, ActionDetails(unit: "pupr"), by: H.admin)
        try act(6, .draft, ActionDetails(text: "Dikoordinasikan."), by: H.dinkes)
        return ids
    }

    @Test func theTabListsAndCountsExactlyWhatTheCoreLetsEachViewerApprove() throws {
        try withTempDir { dir in
            let store = try ComplaintStore.open(path: dir + "/aduan.db", context: H.context, create: true)
            let ids = try Self.build(store)
            let all = try F.allComplaints(store)
            let now = F.day(2026, 11, 3)
            let viewers = [H.admin, H.dinkes, H.p2pOperator, H.pkmOperator, H.pupr, Self.supervisor, Self.other]
            for viewer in viewers {
                let expected = all.filter { Approval.mayApprove($0, by: viewer, context: H.context) }.map(\.id)
                guard let q = ComplaintStore.approvalQuery(for: viewer) else {
                    #expect(expected.isEmpty, "\(viewer.id) never approves, yet the core lets them approve \(expected)")
                    #expect(try store.approvalCount(for: viewer, now: now) == 0)
                    continue
                }
                // The core's filter in memory agrees with the core's gate, report by report.
                let scope = Access.inboxScope(of: viewer)
                let ctx = store.filterContext(now: now, content: Privacy.contentAccess(of: viewer), viewerAgency: scope.agency,
                                              viewerUnit: scope.unit, viewerUnitsBelow: Array(scope.units.dropFirst()))
                #expect(all.filter { q.filter.matches($0, ctx) }.map(\.id) == expected, "matches() vs mayApprove for \(viewer.id)")
                let listed = try store.page(q, limit: 100, now: now).map(\.id).sorted()
                #expect(listed == expected, "tab of \(viewer.id)")
                #expect(try store.approvalCount(for: viewer, now: now) == expected.count, "count of \(viewer.id)")
            }
            // The cases spelled out: the admin approves every draft of the agency, Dinkes those of
            // its subtree but its own, PUPR its own unit's only, never the copy it got.
            #expect(try store.page(ComplaintStore.approvalQuery(for: H.admin)!, limit: 100, now: now).map(\.id).sorted()
                    == [ids[0], ids[1], ids[2], ids[3], ids[6]])
            #expect(try store.page(ComplaintStore.approvalQuery(for: H.dinkes)!, limit: 100, now: now).map(\.id).sorted() == [ids[0], ids[2]])
            #expect(try store.page(ComplaintStore.approvalQuery(for: H.pupr)!, limit: 100, now: now).isEmpty)
            #expect(ComplaintStore.approvalQuery(for: H.pkmOperator) == nil && ComplaintStore.approvalQuery(for: Self.supervisor) == nil)
        }
    }

    @Test func theAwaitingApprovalPredicateIsAColumnNotAReadOfEachState() throws {
        let sql = FilterSQL().condition(.term(.awaitingApproval), F.context.filterContextForTests).sql
        #expect(sql == "c.draft_by IS NOT NULL")
        let mine = FilterSQL().condition(Approval.inboxFilter(for: H.dinkes)!, F.context.filterContextForTests).sql
        #expect(!mine.contains("state") && !mine.contains("complaint_texts"), "\(mine)")
        try withTempDir { dir in
            let store = try ComplaintStore.open(path: dir + "/aduan.db", context: H.context, create: true)
            _ = try Self.build(store)
            // The count an approver's status line asks for is answered through the partial index.
            let q = ComplaintStore.approvalQuery(for: H.admin)!
            let cond = store.whereClause(q, now: F.day(2026, 11, 3))
            let s = try store.db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM complaints c WHERE \(cond.sql)")
            try s.bind(cond.args)
            var plan: [String] = []
            while try s.step() { plan.append(s.text(3)) }
            #expect(!plan.joined().contains("complaint_texts"), "\(plan)")
        }
    }

    @Test func aStoreMadeBeforeTheColumnIsFilledInFromItsStatesAndVerifyChecksIt() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            var ids: [Int64] = []
            do {
                let store = try ComplaintStore.open(path: path, context: H.context, create: true)
                ids = try Self.build(store)
                // Back to schema 3: no column, no index.
                try store.db.execute("""
                    DROP INDEX complaints_drafts; ALTER TABLE complaints DROP COLUMN draft_by;
                    UPDATE meta SET value = '3' WHERE key = 'schema_version'
                    """)
            }
            let store = try ComplaintStore.open(path: path, context: H.context, create: false)
            #expect(try store.db.scalarText("SELECT value FROM meta WHERE key = 'schema_version'") == "4")
            let drafters = try (0..<ids.count).map { i in try store.db.scalarText("SELECT draft_by FROM complaints WHERE id = ?", [.int(ids[i])]) }
            #expect(drafters == ["op-pkm", "tl-dinkes", "op-p2p", "tl-pupr", nil, nil, "tl-dinkes"])
            #expect(try store.approvalCount(for: H.dinkes, now: F.day(2026, 11, 3)) == 2)
            #expect(try store.verify().problems.isEmpty)
            // A wrong column is named by verify (the approvers' tab would be wrong).
            try store.db.run("UPDATE complaints SET draft_by = NULL WHERE id = ?", [.int(ids[0])])
            let problems = try store.verify().problems
            #expect(problems.contains { $0.complaintID == ids[0] && $0.description.contains("draft_by") }, "\(problems)")
        }
    }
}

extension WorkflowContext {
    /// A filter context at the fixture's "now" for reading the SQL a filter renders to.
    var filterContextForTests: FilterContext { FilterContext(now: StoreFixture.now, calendar: calendar, deadlines: deadlines) }
}
