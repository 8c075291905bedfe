import AduanCore
@testable import AduanStore
import Foundation
import Testing

/// What a page of the list costs the database (issue 14: move/page p99 ≤ 5 ms at 1,000,000),
/// checked with `EXPLAIN (ANALYZE, FORMAT JSON)` of the very statement the screen sends
/// (`PGOperatorStore.pageStatement`), as the operator's own role (row-level security on): the
/// rows the database reads (from `complaints` and `complaint_copies`) and throws away for a page of 20.
///
/// An agency's page (the admin, the benchmark's operator) walks `complaints_due` and keeps what
/// it reads. A unit's working inbox is "held by the unit or one below it OR copied to the unit":
/// walked as one OR in deadline order it read every report by deadline and dropped the other
/// units' (at 100,000 in the benchmark's store, as Dinas Kesehatan's liaison: 2,011 rows read and
/// dropped for a page of 70), because the copies (`cc_units`, an array) cannot be found through an
/// index under row-level security (`@>` is not LEAKPROOF). Since migration 10 the copies are rows
/// of `aduan.complaint_copies` (unit, keys, id) with a b-tree per order, and a unit's page is a
/// merge of one keyset walk per unit it holds for and one of its copies (`PGUnitPage.swift`).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGPagePlanTests {
    typealias F = StoreFixture

    /// Rows read and dropped by filters anywhere in the plan (the policy's own checks included).
    static func rowsRemoved(_ node: [String: Any]) -> Int {
        var n = (node["Rows Removed by Filter"] as? Int) ?? 0
        for child in (node["Plans"] as? [[String: Any]]) ?? [] { n += rowsRemoved(child) }
        return n
    }

    /// Rows read from the reports' tables (`complaints`, `complaint_copies`) anywhere in the plan:
    /// kept or dropped, every loop (EXPLAIN gives per-loop averages), the policies' probes included.
    static func rowsRead(_ node: [String: Any]) -> Int {
        var n = 0
        if let table = node["Relation Name"] as? String, ["complaints", "complaint_copies"].contains(table) {
            let loops = (node["Actual Loops"] as? Int) ?? 1
            let perLoop = ((node["Actual Rows"] as? Int) ?? 0) + ((node["Rows Removed by Filter"] as? Int) ?? 0)
                + ((node["Rows Removed by Index Recheck"] as? Int) ?? 0)
            n += perLoop * loops
        }
        for child in (node["Plans"] as? [[String: Any]]) ?? [] { n += rowsRead(child) }
        return n
    }

    @Test func anAgencysPageAndAUnitsPageReadAboutWhatTheyShow() throws {
        let db = try PGTestDatabase()
        let owner = try db.ownerConnection()
        let store = try PGStore(owner, context: F.context, create: true)
        // 1,200 reports interleaved in deadline order: one in 30 disposed to Dinas Kesehatan, one in
        // 30 to Kecamatan Mekarsari (below it in the liaison's tree), the rest to PUPR; one in 40 of
        // PUPR's copied to Dinas Kesehatan (tembusan), one in 5 to Dinas Pendidikan.
        let admin = F.admin()
        var histories: [[Event]] = []
        for i in 0..<1_200 {
            let at = F.day(2026, 10, 1).adding(seconds: Int64(i) * 600)
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: F.intake("Laporan \(i)"))), on: nil, by: admin, at: at,
                                        context: F.context, newID: Int64(i + 1)).get()
            let received = Workflow.evolve(nil, r)
            let unit = i % 30 == 0 ? "dinkes" : i % 30 == 15 ? "kec-mekarsari" : "pupr"
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: unit,
                                                                       changes: ClassificationChange(anonymous: false, confidential: false))),
                                        on: received, by: admin, at: at.adding(seconds: 60), context: F.context).get()
            var history = [r, v]
            // Copies: one in 40 of PUPR's to Dinas Kesehatan; one in 5 to Dinas Pendidikan (others' copies, as in a real store).
            for (copied, every, rest) in [("dinkes", 40, 7), ("disdik", 5, 2)] where unit == "pupr" && i % every == rest {
                let cc = try Workflow.decide(Command(.cc, ActionDetails(unit: copied)), on: history.dropFirst().reduce(received) { Workflow.evolve($0, $1) },
                                             by: admin, at: at.adding(seconds: 120 + Int64(history.count)), context: F.context).get()
                history.append(cc)
            }
            histories.append(history)
        }
        _ = try store.bulkInsertHistories(histories)
        try owner.execute("ANALYZE aduan.complaints; ANALYZE aduan.complaint_copies; ANALYZE aduan.complaint_texts")
        let liaison = { var a = F.liaison("dinkes"); a.unitsBelow = ["kec-mekarsari"]; a.logins = ["\(db.tag)_dinkes"]; return a }()
        let unitOperator = Actor(id: "op-dinkes", name: "Operator Dinkes", role: .unitOperator, agency: "pemkab", unit: "dinkes",
                                 logins: ["\(db.tag)_opdinkes"])
        let adminRole = { var a = admin; a.logins = ["\(db.tag)_admin"]; return a }()
        try owner.execute(PGAccessSQL.rolesScript(operators: [liaison, unitOperator, adminRole]))

        let adminConn = try PGTest.socket(user: adminRole.logins[0], database: db.name)
        #expect(try Self.measured(by: adminRole, on: adminConn).allSatisfy { $0.removed == 0 && $0.read <= 6 * 20 },
                "an agency's page keeps every row it reads")
        // The selected report (read at every move for the key bar, and to open it): one statement.
        let admins = try PGOperatorStore(conn: adminConn, conninfo: "test", context: F.context)
        let sent = adminConn.statementsSent
        let report = try admins.complaint(2)
        #expect(adminConn.statementsSent - sent == 1, "reading one report sent \(adminConn.statementsSent - sent) statements")
        #expect(report?.title == "Laporan 1" && report?.reporter?.name != nil && report?.status == .belumDitindaklanjuti)

        // A unit's pages (its holds, the units below it, its copies): about what they show, in the list's order.
        for op in [unitOperator, liaison] {
            let conn = try PGTest.socket(user: op.logins[0], database: db.name)
            for m in try Self.measured(by: op, on: conn) {
                // Before migration 10: the walk by deadline over every report dropped ≈ 600 for 20 rows.
                #expect(m.removed <= 5, "a page of 20 of \(op.id)'s reports read and dropped \(m.removed) rows")
                // Per row shown: its walk's row (a copy: and its report's), the page's row, its title's policy
                // probes; each walk reads ahead at most a page. Before migration 10: 470 to 1,356 (23 to 67 per row).
                #expect(m.read <= 7 * 20, "a page of 20 of \(op.id)'s reports read \(m.read) rows of complaints and complaint_copies")
            }
            // The same rows in the same order as the scope's one condition walked by the owner.
            let q = InboxQuery(viewer: op)
            let c = PGStore.listCondition(q, now: F.now, context: F.context)
            let walked = try owner.query(PostgreSQLDialect().numbered("SELECT c.id FROM aduan.complaints c WHERE \(c.sql) ORDER BY c.due_key, c.id"), c.values)
                .column("id").compactMap { $0.flatMap { Int64($0) } }
            let pg = try PGOperatorStore(conn: conn, conninfo: "test", context: F.context)
            var paged: [Int64] = []
            var cursor: PageCursor?
            while true {
                let rows = try pg.page(q, after: cursor, limit: 20, now: F.now)
                paged += rows.map(\.id)
                guard rows.count == 20 else { break }
                cursor = rows.last!.cursor
            }
            #expect(paged == walked && walked.count > 40, "\(op.id) pages \(paged.count) reports, the scope holds \(walked.count)")
            let back = try pg.page(q, before: try pg.page(q, after: nil, limit: 40, now: F.now).last!.cursor, limit: 20, now: F.now)
            #expect(back.map(\.id) == Array(walked[19..<39]), "\(op.id)'s page before the 40th row")
        }
    }

    /// Rows dropped and read for the first and the second page of 20 of `op`'s working inbox, forward and backward.
    static func measured(by op: Actor, on conn: PGConnection) throws -> [(removed: Int, read: Int)] {
        let pg = try PGOperatorStore(conn: conn, conninfo: "test", context: F.context)
        let q = InboxQuery(viewer: op)
        let first = try pg.page(q, after: nil, limit: 20, now: F.now)
        try #require(first.count == 20, "\(op.id)'s inbox fills a page of 20")
        let second = try pg.page(q, after: first.last!.cursor, limit: 20, now: F.now)
        try #require(second.count == 20, "\(op.id)'s inbox fills two pages of 20")
        var out: [(removed: Int, read: Int)] = []
        for (cursor, forward) in [(nil, true), (first.last!.cursor, true), (second.last!.cursor, false)] as [(PageCursor?, Bool)] {
            let (sql, values) = PGOperatorStore.pageStatement(q, cursor: cursor, forward: forward, limit: 20, now: F.now, context: F.context)
            if ProcessInfo.processInfo.environment["ADUAN_PRINT_PLANS"] != nil {  // to look at the plans
                let t = try conn.query("EXPLAIN (ANALYZE, COSTS OFF) " + sql, values)
                print("PLAN \(op.id) \(cursor == nil) \(forward)\n" + t.column("QUERY PLAN").compactMap { $0 }.joined(separator: "\n"))
            }
            let r = try conn.query("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, values)
            let json = try #require(r.text(0, "QUERY PLAN"))
            let plan = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.first?["Plan"] as? [String: Any])
            out.append((rowsRemoved(plan), rowsRead(plan)))
        }
        return out
    }
}
