import AduanCore
@testable import AduanStore
import Testing

/// The units' copies as rows of their own (`aduan.complaint_copies`, migration 10, PGCopies.swift):
/// whoever writes the reports (an import, the writer's actions, the office's deadline recompute)
/// the table holds exactly each report's copies with its deadline key; a store made before gets it
/// filled; `aduan verify` names a difference; a login whose roles script predates it still pages.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGCopiesTests {
    /// The table's rows as "unit #id key", and what the reports say they must be.
    static func rows(_ conn: PGConnection) throws -> (table: [String], reports: [String]) {
        func strings(_ sql: String) throws -> [String] {
            let r = try conn.query(sql)
            return (0..<r.rowCount).map { "\(r.text($0, "unit") ?? "?") #\(r.int64($0, "complaint_id") ?? 0) \(r.int64($0, "due_key") ?? 0)" }.sorted()
        }
        return (try strings("SELECT unit, complaint_id, due_key FROM aduan.complaint_copies"),
                try strings("SELECT DISTINCT u AS unit, id AS complaint_id, due_key FROM aduan.complaints, unnest(cc_units) u"))
    }

    @Test func theCopiesFollowTheImportTheWriterAndTheOfficesRecomputeAndVerifyNamesADifference() throws {
        let (_, store, ops, complaints, _) = try PGAccessTests.province()
        func actor(_ id: String) -> Actor { ops.first { $0.id == id }! }
        var (table, reports) = try Self.rows(store.conn)
        #expect(table == reports && table.count == complaints.values.filter { !$0.ccUnits.isEmpty }.count, "after the import: \(table)")

        // The writer: a fresh report disposed, copied, then passed to another agency.
        let fresh = complaints.values.filter { $0.status == .belumTerverifikasi }.map(\.id).min()!
        _ = try store.apply(Command(.verify, ActionDetails(unit: "pupr")), to: fresh, expectedVersion: nil, by: actor("admin-pemkab"))
        _ = try store.apply(Command(.cc, ActionDetails(unit: "dinkes")), to: fresh, expectedVersion: nil, by: actor("admin-pemkab"))
        let copied = try store.conn.query("SELECT count(*) AS n FROM aduan.complaint_copies WHERE complaint_id = $1", [.int(fresh)]).int64(0, "n")
        #expect(copied == 1)
        _ = try store.apply(Command(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Kewenangan provinsi")), to: fresh,
                            expectedVersion: nil, by: actor("tl-pupr"))
        (table, reports) = try Self.rows(store.conn)
        #expect(table == reports, "after the writer's changes: \(table) ≠ \(reports)")
        #expect(try store.verify(operators: ops) == [])

        // A row gone, one added, one with a stale key: verify names them, and only them.
        try store.conn.execute("""
            DELETE FROM aduan.complaint_copies WHERE complaint_id = (SELECT min(complaint_id) FROM aduan.complaint_copies);
            INSERT INTO aduan.complaint_copies(unit, complaint_id, due_key) VALUES ('disdik', \(fresh), 0);
            UPDATE aduan.complaint_copies SET due_key = due_key + 1 WHERE complaint_id = (SELECT max(complaint_id) FROM aduan.complaint_copies WHERE unit <> 'disdik');
            """)
        let problems = try store.verify(operators: ops)
        #expect(problems.map(\.message) == [.copiesDiffer(count: 4)], "\(problems)")
        #expect(PostgresText.message(.copiesDiffer(count: 4), .en).contains("aduan.complaint_copies"))
        try store.conn.execute("DELETE FROM aduan.complaint_copies; INSERT INTO aduan.complaint_copies(unit, complaint_id, due_key) \(PGSchema.copiesRecount)")

        // The office's deadline recompute rewrites due keys in bulk: the copies' keys follow.
        var changed = PGAccessTests.context
        changed.deadlines.firstFollowUp.days += 3
        changed.deadlines.verification.days += 3
        let before = try Self.rows(store.conn).table
        _ = try store.conn.transaction { try store.recomputeDeadlines(context: changed, page: 4) }
        (table, reports) = try Self.rows(store.conn)
        #expect(table == reports, "after the recompute: \(table) ≠ \(reports)")
        #expect(table != before, "the recompute moved some copied report's deadline")
    }

    /// A store made before migration 10 (no table, no triggers): opening it with this build fills
    /// the table from the reports, and the page of a unit's login is the same as before.
    @Test func aStoreMadeBeforeTheCopiesGetsThemFilledWhenOpened() throws {
        let (db, store, ops, complaints, passfile) = try PGAccessTests.province()
        let liaison = ops.first { $0.id == "tl-pupr" }!
        func page() throws -> [Int64] {
            let desk = try PGOperatorStore(conn: try PGTest.tcp(user: liaison.logins[0], database: db.name, passfile: passfile),
                                           conninfo: "test", context: PGAccessTests.context)
            return try desk.page(InboxQuery(viewer: liaison), after: nil, limit: 50, now: StoreFixture.now).map(\.id)
        }
        let listed = try page()
        #expect(Set(listed) == Set(complaints.filter { Access.inboxScope(of: liaison).holdsNow($0.value) }.keys) && listed.count > 2)
        try store.conn.execute("""
            DROP TABLE aduan.complaint_copies;
            DROP TRIGGER complaints_copies_insert ON aduan.complaints; DROP TRIGGER complaints_copies_update ON aduan.complaints;
            DROP FUNCTION aduan.complaint_copies_keep();
            UPDATE aduan.meta SET value = '8' WHERE key = 'schema_version';
            """)
        #expect(try PGSchema.open(try db.ownerConnection(), create: false) == 8)
        let (table, reports) = try Self.rows(store.conn)
        #expect(table == reports && !table.isEmpty)
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        #expect(try page() == listed)
    }

    /// A store upgraded before its owner ran the roles script again: the login has no grant on the
    /// copies yet, and its page walks the one condition as before (same rows, no error).
    @Test func withoutAGrantOnTheCopiesAUnitsPageIsTheSame() throws {
        let (db, store, ops, _, passfile) = try PGAccessTests.province()
        for op in ops where op.unit != nil {
            let login = op.logins[0]
            let desk = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: "test",
                                           context: PGAccessTests.context)
            let q = InboxQuery(viewer: op)
            let listed = try desk.page(q, after: nil, limit: 50, now: StoreFixture.now).map(\.id)
            try store.conn.execute("REVOKE SELECT ON aduan.complaint_copies FROM \(PGConnection.quoteIdentifier(login))")
            #expect(try desk.page(q, after: nil, limit: 50, now: StoreFixture.now).map(\.id) == listed, "\(op.id)")
            #expect(desk.copiesUnreadable, "\(op.id) fell back to the one condition")
            try store.conn.execute("GRANT SELECT ON aduan.complaint_copies TO \(PGConnection.quoteIdentifier(login))")
        }
    }
}
