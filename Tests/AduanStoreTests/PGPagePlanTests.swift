import AduanCore
@testable import AduanStore
import Foundation
import Testing

/// What a page of the list costs the database (issue 14: move/page p99 ≤ 5 ms at 1,000,000),
/// checked with `EXPLAIN (ANALYZE, FORMAT JSON)` of the very statement the screen sends
/// (`PGOperatorStore.pageStatement`), as the operator's own role (row-level security on): the
/// rows the database reads and throws away for a page of 20.
///
/// An agency's page (the admin, the benchmark's operator) walks `complaints_due` and keeps what
/// it reads. A unit's page does not (a known issue, left open): its working inbox is
/// "held by the unit or one below it OR copied to the unit", and no index serves that OR in
/// deadline order, so the page walks every report by deadline and drops the other units' (at
/// 100,000 in the benchmark's store, as Dinas Kesehatan's liaison: 2,011 rows read and dropped
/// for a page of 70). Reading what the units hold from `complaints_unit_due` is cheap (tried:
/// a union of one index range per unit, 20 rows read for 20), but the copies cannot be found
/// through an index under row-level security: the array operators (`= ANY`, `@>`) are not
/// LEAKPROOF, so the planner must apply the policy to every row first (the copies' part then
/// read all 1,200 rows here). It needs a schema change (copies in a table of their own with a
/// b-tree (unit, due_key, id), or a partial index on reports with copies plus a bounded part).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGPagePlanTests {
    typealias F = StoreFixture

    /// Rows read and dropped by filters anywhere in the plan (the policy's own checks included).
    static func rowsRemoved(_ node: [String: Any]) -> Int {
        var n = (node["Rows Removed by Filter"] as? Int) ?? 0
        for child in (node["Plans"] as? [[String: Any]]) ?? [] { n += rowsRemoved(child) }
        return n
    }

    @Test func anAgencysPageKeepsWhatItReadsAndAUnitsPageStillWalksEveryReport() throws {
        let db = try PGTestDatabase()
        let owner = try db.ownerConnection()
        let store = try PGStore(owner, context: F.context, create: true)
        // 1,200 reports; one in 30 is disposed to Dinas Kesehatan, the rest to PUPR, interleaved in deadline order.
        let admin = F.admin()
        var histories: [[Event]] = []
        for i in 0..<1_200 {
            let at = F.day(2026, 10, 1).adding(seconds: Int64(i) * 600)
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: F.intake("Laporan \(i)"))), on: nil, by: admin, at: at,
                                        context: F.context, newID: Int64(i + 1)).get()
            let received = Workflow.evolve(nil, r)
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: i % 30 == 0 ? "dinkes" : "pupr",
                                                                       changes: ClassificationChange(anonymous: false, confidential: false))),
                                        on: received, by: admin, at: at.adding(seconds: 60), context: F.context).get()
            histories.append([r, v])
        }
        _ = try store.bulkInsertHistories(histories)
        try owner.execute("ANALYZE aduan.complaints")
        try owner.execute("ANALYZE aduan.complaint_texts")
        let liaison = { var a = F.liaison("dinkes"); a.logins = ["\(db.tag)_dinkes"]; return a }()
        let adminRole = { var a = admin; a.logins = ["\(db.tag)_admin"]; return a }()
        try owner.execute(PGAccessSQL.rolesScript(operators: [liaison, adminRole]))
        let conn = try PGTest.socket(user: liaison.logins[0], database: db.name)
        let pg = try PGOperatorStore(conn: conn, conninfo: "test", context: F.context)

        let liaisonConn = try PGTest.socket(user: liaison.logins[0], database: db.name)
        let adminConn = try PGTest.socket(user: adminRole.logins[0], database: db.name)
        #expect(try Self.dropped(by: adminRole, on: adminConn).allSatisfy { $0 == 0 }, "an agency's page keeps every row it reads")
        // The selected report (read at every move for the key bar, and to open it): one statement.
        let admins = try PGOperatorStore(conn: adminConn, conninfo: "test", context: F.context)
        let sent = adminConn.statementsSent
        let report = try admins.complaint(2)
        #expect(adminConn.statementsSent - sent == 1, "reading one report sent \(adminConn.statementsSent - sent) statements")
        #expect(report?.title == "Laporan 1" && report?.reporter?.name != nil && report?.status == .belumDitindaklanjuti)
        withKnownIssue("a unit's page walks every report by deadline: its copies cannot be found through an index under row-level security") {
            for removed in try Self.dropped(by: liaison, on: liaisonConn) {
                // Today: the walk by deadline over every report drops the 29 of 30 PUPR holds (≈ 600 for 20 rows).
                #expect(removed <= 40, "a page of 20 of the liaison's reports read and dropped \(removed) rows")
            }
        }
    }

    /// Rows read and dropped for the first and the second page of 20 of `op`'s working inbox.
    static func dropped(by op: Actor, on conn: PGConnection) throws -> [Int] {
        let pg = try PGOperatorStore(conn: conn, conninfo: "test", context: F.context)
        let q = InboxQuery(viewer: op)
        let first = try pg.page(q, after: nil, limit: 20, now: F.now)
        try #require(first.count == 20, "\(op.id)'s inbox fills a page of 20")
        var out: [Int] = []
        for cursor in [nil, first.last!.cursor] {
            let (sql, values) = PGOperatorStore.pageStatement(q, cursor: cursor, forward: true, limit: 20, now: F.now, context: F.context)
            let r = try conn.query("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, values)
            let json = try #require(r.text(0, "QUERY PLAN"))
            let plan = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.first?["Plan"] as? [String: Any])
            out.append(rowsRemoved(plan))
        }
        return out
    }
}
