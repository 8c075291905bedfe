import AduanTestSupport
import AduanCore
import AduanStore
import Glibc
import Testing

/// Figures for notes, not a benchmark: with ADUAN_PG_MEASURE=N, loads N/10 reports through the
/// owner's statement-per-row path and N through COPY, and times a first page read as the owner and as a unit's
/// login under row-level security. Skipped otherwise.
@Suite(.enabled(if: PGTest.available && PGTest.env("ADUAN_PG_MEASURE") != nil, "set ADUAN_PG_MEASURE=N to measure"))
struct PGMeasureTests {
    static func seconds() -> Double { monotonic() }

    @Test func measureLoadAndFirstPage() throws {
        let n = Int(PGTest.env("ADUAN_PG_MEASURE")!) ?? 1000
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: StoreFixture.context, create: true)
        let units = ["dinkes", "pupr", "disdik", "kec-mekarsari", "diskominfo"]
        let admin = StoreFixture.admin()
        var histories: [[Event]] = []
        for i in 0..<n {
            let t = StoreFixture.day(2026, 9, 1).adding(seconds: Int64(i * 60))
            let first = try Workflow.decide(Command(.receive, ActionDetails(intake: StoreFixture.intake("Laporan \(i) jalan rusak", anonymous: i % 7 == 0))),
                                            on: nil, by: admin, at: t, context: StoreFixture.context, newID: 1).get()
            let c = Workflow.evolve(nil, first)
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: units[i % units.count])), on: c, by: admin, at: t.adding(seconds: 30),
                                        context: StoreFixture.context).get()
            histories.append([first, v])
        }
        // Statement per row, on a tenth (it is slow); then everything through COPY.
        let few = max(1, n / 10)
        let other = try PGTestDatabase()
        let slow = try PGStore(try other.ownerConnection(), context: StoreFixture.context, create: true)
        var start = Self.seconds()
        for chunk in stride(from: 0, to: few, by: 1000) { try slow.insertHistories(Array(histories[chunk..<min(few, chunk + 1000)])) }
        var load = Self.seconds() - start
        print("PG measure: statements: \(few) reports (2 events each) in \(load) s: \(Double(few) / load) reports/s")
        start = Self.seconds()
        let login = store.conn.user
        let prepared = try histories.map { try PGStore.prepare($0, context: StoreFixture.context, login: login) }
        let prepare = Self.seconds() - start
        try store.conn.transaction {
            let bulk = try PGBulkLoad(store)
            for chunk in stride(from: 0, to: n, by: 10_000) { try bulk.add(Array(prepared[chunk..<min(n, chunk + 10_000)])) }
            try bulk.finish()
        }
        load = Self.seconds() - start
        print("PG measure: COPY: \(n) reports (2 events each) in \(load) s: \(Double(n) / load) reports/s (preparing \(prepare) s, writing \(load - prepare) s)")
        let liaison = Actor(id: "tl", name: "tl", role: .liaison, agency: "pemkab", unit: "pupr", logins: ["\(db.tag)_tl"])
        try store.conn.execute(PGAccessSQL.rolesScript(operators: [liaison, Actor(id: "a", name: "a", role: .admin, agency: "pemkab", logins: ["\(db.tag)_a"])]))
        try store.conn.execute("ANALYZE")
        let passfile = try db.passwords(for: ["\(db.tag)_tl", "\(db.tag)_a"])
        func time(_ conn: PGConnection, _ sql: String, _ label: String) throws {
            _ = try conn.query(sql)
            var samples: [Double] = []
            for _ in 0..<20 {
                let s = Self.seconds()
                _ = try conn.query(sql)
                samples.append((Self.seconds() - s) * 1000)
            }
            samples.sort()
            print("PG measure: \(label): median \(samples[10]) ms, max \(samples[19]) ms")
        }
        let page = "SELECT c.id, c.status, c.due_key, t.title FROM aduan.complaints c LEFT JOIN aduan.complaint_texts t ON t.id = c.id AND NOT t.masked ORDER BY c.due_key, c.id LIMIT 50"
        let unitPage = "SELECT id, status, due_key FROM aduan.complaints WHERE holder_agency = 'pemkab' AND holder_unit = 'pupr' ORDER BY due_key, id LIMIT 50"
        try time(store.conn, page, "owner, first page of everything")
        let tl = try PGTest.tcp(user: "\(db.tag)_tl", database: db.name, passfile: passfile)
        try time(tl, page, "liaison under RLS, first page (no WHERE)")
        try time(tl, unitPage, "liaison under RLS, first page of its unit")
        let a = try PGTest.tcp(user: "\(db.tag)_a", database: db.name, passfile: passfile)
        try time(a, page, "admin under RLS, first page")
        try time(tl, "SELECT count(*) FROM aduan.complaints", "liaison under RLS, count")
        try time(tl, "SELECT id FROM aduan.complaint_texts WHERE words @@ to_tsquery('simple', 'rusak') LIMIT 50", "liaison under RLS, search")

        // The desk's reads through PGOperatorStore (PGDeskStore.swift) under RLS, and the page as
        // it was read before (ids, then each report whole: 4 statements per row).
        func timeDesk(_ label: String, _ body: () throws -> Void) throws {
            try body()
            var samples: [Double] = []
            for _ in 0..<20 {
                let s = Self.seconds()
                try body()
                samples.append((Self.seconds() - s) * 1000)
            }
            samples.sort()
            print("PG measure: desk, \(label): median \(samples[10]) ms, max \(samples[19]) ms")
        }
        let now = StoreFixture.day(2026, 11, 1)
        for (who, op, conn) in [("liaison", liaison, tl), ("admin", Actor(id: "a", name: "a", role: .admin, agency: "pemkab"), a)] {
            let desk = try PGOperatorStore(conn: conn, conninfo: who, context: StoreFixture.context)
            let q = InboxQuery(viewer: op)
            try timeDesk("\(who) first page of 50 (one statement)") { _ = try desk.page(q, after: nil, limit: 50, now: now) }
            let first = try desk.page(q, after: nil, limit: 50, now: now)
            if let last = first.last { try timeDesk("\(who) next page of 50") { _ = try desk.page(q, after: last.cursor, limit: 50, now: now) } }
            try timeDesk("\(who) first page of 50 the old way (ids + 3 statements a row)") {
                for (id, _) in try PGStore.pageIDs(q, after: nil, limit: 50, now: now, context: StoreFixture.context, on: conn) {
                    _ = try desk.complaint(id)
                }
            }
            try timeDesk("\(who) status counts (working inbox)") { _ = try desk.statusCounts(q.scope, formerHolders: false) }
            try timeDesk("\(who) count of the list") { _ = try desk.count(q, now: now) }
            try timeDesk("\(who) awaiting approval") { _ = try desk.awaitingApprovalCount(q.scope) }
            try timeDesk("\(who) Diteruskan") { _ = try desk.forwardedCount(q.scope) }
        }
    }
}
