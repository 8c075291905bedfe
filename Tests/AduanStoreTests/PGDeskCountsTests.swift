import AduanCore
@testable import AduanStore
import Glibc
import Testing

/// The screen's counts on PostgreSQL read keyed counters, not the reports (issue 14): the status
/// tabs come from `aduan.desk_counts`, the Diteruskan tab from `aduan.forward_counts` (both kept
/// by triggers on `complaints`), the awaiting-approval
/// count from the reports where a draft waits; both equal to what the core counts, under every
/// login of the privacy matrix (copies, a forward, a login with two hats), through imports and
/// the writer's changes; `verify` notices a counter that went wrong.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGDeskCountsTests {
    static func byStatus(_ cs: some Sequence<Complaint>) -> [Status: Int] { cs.reduce(into: [:]) { $0[$1.status, default: 0] += 1 } }


    /// For every login (several hats included), every hat's tabs with and without copies: what the
    /// core says the hat holds now, per status, read without scanning `aduan.complaints`.
    static func checkTabs(_ db: PGTestDatabase, _ ops: [Actor], _ complaints: [Int64: Complaint], passfile: String, _ when: String) throws -> Int {
        var checked = 0
        for (login, hats) in PGAccessSQL.logins(of: ops) {
            let desk = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                           context: PGAccessTests.context)
            for op in hats {
                for scope in [Access.inboxScope(of: op), Access.inboxScope(of: op).withoutCopies] {
                    try desk.conn.execute("BEGIN")
                    let got = try desk.statusCounts(scope, formerHolders: false)
                    let scans = try desk.conn.query("SELECT pg_stat_get_xact_numscans('aduan.complaints'::regclass) AS n").int64(0, "n")
                    try desk.conn.execute("COMMIT")
                    #expect(got == byStatus(complaints.values.filter { scope.holdsNow($0) }), "\(when): \(login) as \(op.id), \(scope)")
                    #expect(scans == 0, "\(when): \(login) as \(op.id): the tabs read \(scans ?? -1) scan(s) of the reports")
                    try desk.conn.execute("BEGIN")
                    let forwarded = try desk.forwardedCount(scope)
                    let forwardScans = try desk.conn.query("SELECT pg_stat_get_xact_numscans('aduan.complaints'::regclass) AS n").int64(0, "n")
                    try desk.conn.execute("COMMIT")
                    #expect(forwarded == complaints.values.filter { scope.contains($0) && $0.wasForwardedAway(by: scope.agency) }.count,
                            "\(when): \(login) as \(op.id), Diteruskan \(scope)")
                    if case .subtree = scope {} else {
                        #expect(forwardScans == 0, "\(when): \(login) as \(op.id): Diteruskan read \(forwardScans ?? -1) scan(s) of the reports")
                    }
                    checked += 1
                }
            }
        }
        return checked
    }

    static func recountDiffers(_ store: PGStore) throws -> Int64 { try PGSchema.countersDiffering(store.conn) }

    @Test func theStatusAndForwardedTabsAreReadFromCountersThatAgreeWithTheCoreUnderEveryLogin() throws {
        let (db, store, ops, complaints, passfile) = try PGAccessTests.province()
        #expect(try Self.checkTabs(db, ops, complaints, passfile: passfile, "after the import") >= 20)
        #expect(try Self.recountDiffers(store) == 0)
    }

    /// A store upgraded before its owner ran the roles script again: the logins have no grant on
    /// the counters yet, and the desk counts the reports as before (same numbers, no error).
    @Test func withoutAGrantOnTheCountersTheDeskCountsTheReportsAsBefore() throws {
        let (db, store, ops, complaints, passfile) = try PGAccessTests.province()
        for (login, hats) in PGAccessSQL.logins(of: ops) {
            try store.conn.execute("REVOKE SELECT ON aduan.desk_counts, aduan.forward_counts FROM \(PGConnection.quoteIdentifier(login))")
            let desk = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                           context: PGAccessTests.context)
            for op in hats {
                let scope = Access.inboxScope(of: op)
                #expect(try desk.statusCounts(scope, formerHolders: false) == Self.byStatus(complaints.values.filter { scope.holdsNow($0) }), "\(login)")
                #expect(try desk.forwardedCount(scope) == complaints.values.filter { scope.contains($0) && $0.wasForwardedAway(by: scope.agency) }.count,
                        "\(login)")
            }
        }
    }

    @Test func theCountersFollowTheWritersChangesAndVerifyNoticesAWrongOne() throws {
        let (db, store, ops, complaints, passfile) = try PGAccessTests.province()
        func actor(_ id: String) -> Actor { ops.first { $0.id == id }! }
        var now = complaints
        // Through the writer's path: a fresh report disposed to a unit, copied, passed to another
        // agency; a held one closed; a new report received.
        let fresh = complaints.values.filter { $0.status == .belumTerverifikasi }.map(\.id).min()!
        let held = complaints.values.filter { $0.holder.unit == "dinkes" && $0.ccUnits.contains("pupr") }.map(\.id).min()!
        var c = try store.apply(Command(.verify, ActionDetails(unit: "pupr")), to: fresh, expectedVersion: nil, by: actor("admin-pemkab"))
        now[fresh] = c
        c = try store.apply(Command(.cc, ActionDetails(unit: "dinkes")), to: fresh, expectedVersion: nil, by: actor("admin-pemkab"))
        now[fresh] = c
        c = try store.apply(Command(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Kewenangan provinsi")), to: fresh,
                            expectedVersion: nil, by: actor("tl-pupr"))
        now[fresh] = c
        let intake = Intake(title: "Lampu jalan mati", body: "Sudah seminggu.", reporter: PGAccessTests.reporter)
        let received = try store.receive(Command(.receive, ActionDetails(intake: intake)), by: actor("admin-pemkab"))
        now[received.id] = received
        if let closed = try? store.apply(Command(.close, ActionDetails(text: "Selesai ditangani.")), to: held, expectedVersion: nil, by: actor("admin-pemkab")) {
            now[held] = closed
        }
        #expect(now[fresh]?.holder.agency == "prov" && now[fresh]?.ccUnits.contains("dinkes") == true)
        #expect(try Self.recountDiffers(store) == 0)
        #expect(try Self.checkTabs(db, ops, now, passfile: passfile, "after the writer's changes") >= 20)
        #expect(try store.verify(operators: ops) == [])

        try store.conn.execute("UPDATE aduan.desk_counts SET n = n + 1 WHERE copied_to = '' AND agency = 'pemkab' AND unit = 'dinkes'")
        let problems = try store.verify(operators: ops)
        #expect(problems.contains { if case .countersDiffer(let n)? = $0.message { return n >= 1 } else { return false } },
                "verify names the wrong counter: \(problems)")
    }

    /// The awaiting-approval count (status line, tab) reads only the reports where a draft waits:
    /// a partial index over them, even where the approver's agency holds many reports.
    @Test func theAwaitingApprovalCountReadsOnlyTheReportsWithAWaitingDraft() throws {
        let (db, store, ops, complaints, passfile) = try PGAccessTests.province()
        let waiting = complaints.values.filter(\.awaitingApproval).count
        for (login, hats) in PGAccessSQL.logins(of: ops) {
            let desk = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                           context: PGAccessTests.context)
            for op in hats where Approval.approves(op.role) {
                try desk.conn.execute("BEGIN")
                // The store is small: without this the planner reads its few pages in one sweep.
                try desk.conn.execute("SET LOCAL enable_seqscan = off")
                let got = try desk.approvalCount(for: op, now: Timestamp(seconds: 1_780_000_000))
                // Rows read by sequential and bitmap scans of the table, and through each of its indexes.
                let read = try desk.conn.query("""
                    SELECT pg_stat_get_xact_tuples_fetched(t) + pg_stat_get_xact_tuples_returned(t)
                           + (SELECT coalesce(sum(pg_stat_get_xact_tuples_fetched(indexrelid)), 0) FROM pg_index WHERE indrelid = t) AS n
                    FROM (SELECT 'aduan.complaints'::regclass AS t) x
                    """).int64(0, "n") ?? -1
                try desk.conn.execute("COMMIT")
                let mine = Access.inboxScope(of: op).withoutCopies
                #expect(got == complaints.values.filter { mine.holdsNow($0) && $0.awaitingApproval && $0.pendingDraft?.drafter != op.id }.count,
                        "\(login) as \(op.id)")
                #expect(read <= Int64(waiting), "\(login) as \(op.id): read \(read) report rows, \(waiting) drafts wait")
            }
        }
        _ = store
    }
}
