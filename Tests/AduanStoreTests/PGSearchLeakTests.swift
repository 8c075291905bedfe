import AduanCore
import AduanStore
import Testing

/// A search reveals nothing of the reports a login may not read, also not through what the
/// database counts for the login's own session. Issue 14 wanted a selective search under
/// row-level security in 30 ms; every way to use the words' index before the policy (the
/// function `ts_match_vq` marked LEAKPROOF, or a SECURITY DEFINER search with the login's rule
/// after the index) touches the matching rows of the whole store first, and PostgreSQL shows the
/// caller how many: `pg_stat_get_xact_tuples_returned`, `EXPLAIN (ANALYZE, BUFFERS)`. With prefix
/// queries that count spells out a hidden report's words, the reporter's name included (found by
/// the review of session 7, /work/notes/s7/REVIEW-search.md, against such a search). These tests
/// pin that a login's counters after a search for a word only hidden reports contain equal those
/// after a word no report contains, on both ways a login searches: under row-level security (a
/// store whose owner has not yet given the login its keys) and through its own keys
/// (`aduan.search_texts`, schema 9, which uses an index: the one whose entries are the login's
/// own texts' words, PGScopedSearch.swift).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGSearchLeakTests {
    /// What the database counted for this transaction on the text rows, their words' index and
    /// the reports (PUBLIC may call these functions).
    static func counters(_ conn: PGConnection) throws -> [Int64] {
        var out: [Int64] = []
        for rel in ["aduan.complaint_texts", "aduan.complaint_texts_scoped", "aduan.complaints"] {
            let r = try conn.query("""
                SELECT pg_stat_get_xact_numscans(o) AS scans, pg_stat_get_xact_tuples_returned(o) AS returned,
                       pg_stat_get_xact_tuples_fetched(o) AS fetched, pg_stat_get_xact_blocks_fetched(o) AS blocks
                FROM (SELECT $1::regclass AS o) x
                """, [.text(rel)])
            out += ["scans", "returned", "fetched", "blocks"].map { r.int64(0, $0) ?? -1 }
        }
        return out
    }

    /// The store's filter for a text term (FilterSQL through the dialect), as `conn`'s role, in a
    /// transaction of its own; returns what it found and what the database counted meanwhile
    /// (the counters are the session's, pending until flushed: the difference is this search's).
    static func search(_ word: String, on conn: PGConnection, byAudience: Bool) throws -> (found: Int, counted: [String]) {
        let d = PostgreSQLDialect(searchByAudience: byAudience)
        let sql = d.numbered("SELECT c.id FROM aduan.complaints c WHERE c.id IN (\(d.textMatchIDs))")
        return try conn.transaction {
            let before = try counters(conn)
            let found = try conn.query(sql, [.text(d.textQuery(TextSearch.query(word)))]).rowCount
            let after = try counters(conn)
            let names = ["complaint_texts", "complaint_texts_scoped", "complaints"].flatMap { rel in
                ["scans", "tuples returned", "tuples fetched", "blocks"].map { "\(rel) \($0)" }
            }
            return (found, zip(names, zip(before, after)).map { "\($0): +\($1.1 - $1.0)" })
        }
    }

    /// (login, a search only texts it may not read match): a word of another agency's reports;
    /// their reporter's name, after a word the login reads elsewhere (the anchored probe of the
    /// review), and as a prefix.
    static let probes = [("tl-dinkes", "rahasiaprovinsi"), ("tl-pupr", "rahasiaprovinsi"), ("tl-pupr", "puskesmas kurniawati"),
                         ("tl-dinkes", "kurniawa"), ("kadis", "rahasiaprovinsi")]

    /// The privacy matrix's stories and a dozen reports of the province that the kabupaten's
    /// operators may not open, holding `word` and naming `reporter`; the roles applied.
    static func store(word: String, reporter: String, byAudience: Bool) throws -> (PGTestDatabase, [Actor]) {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let ops = PGAccessTests.operators(db.tag)
        var histories = try PGAccessTests.stories(ops).map(\.events)
        let prov = ops.first { $0.id == "admin-prov" }!
        for i in 0..<12 {
            let intake = Intake(title: "Gudang \(word) nomor \(i)", body: "Laporan tentang \(word), pelapor \(reporter).",
                                location: "Kota", anonymous: false, confidential: i % 2 == 0,
                                reporter: Reporter(name: reporter, phone: "081200000000", email: nil, nik: nil))
            let at = OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 6, day: 9), hour: 9)
            histories.append([try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: prov, at: at,
                                                  context: PGAccessTests.context, newID: 1).get()])
        }
        try store.insertHistories(histories)
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        if !byAudience {
            // As an upgraded store before its owner ran the roles script again: the logins keep
            // the texts' words (the migration's grant), and have no keys.
            for (login, _) in PGAccessSQL.logins(of: ops) {
                try store.conn.execute("GRANT SELECT (id, masked, title, body, location, words) ON aduan.complaint_texts TO \(PGConnection.quoteIdentifier(login))")
            }
            try store.conn.execute("DELETE FROM aduan.login_audiences")
        }
        try store.conn.execute("ANALYZE")
        return (db, ops)
    }

    /// Two stores alike but for what the hidden reports hold (a word and a reporter's name of the
    /// same lengths): every probe of those is counted alike in both, in a session of its own after
    /// the same first search (a function's plan changes after its fifth call). The same word is
    /// compared in both, since an index's pages differ from word to word whatever is hidden.
    @Test(arguments: [false, true], [false, true])
    func aSearchCountsTheSameWhetherHiddenReportsHoldTheWordOrNot(indexesOnly: Bool, byAudience: Bool) throws {
        let (holding, _) = try Self.store(word: "rahasiaprovinsi", reporter: "Siti Kurniawati", byAudience: byAudience)
        let (other, _) = try Self.store(word: "kosongsekalixyz", reporter: "Siti Wulandarini", byAudience: byAudience)
        #expect(try holding.ownerConnection().query("SELECT id FROM aduan.complaint_texts WHERE words @@ 'rahasiaprovinsi'::tsquery").rowCount == 24)
        func measured(_ db: PGTestDatabase, _ who: String, _ word: String) throws -> (found: Int, counted: [String]) {
            let login = "\(db.tag)_\(who)"
            let conn = try PGTest.tcp(user: login, database: db.name, passfile: try db.passwords(for: [login]))
            if indexesOnly { try conn.execute("SET enable_seqscan = off") }
            #expect(try PGOperatorStore.searchesByAudience(conn) == byAudience)
            _ = try Self.search("takadasamasekali", on: conn, byAudience: byAudience)
            return try Self.search(word, on: conn, byAudience: byAudience)
        }
        for (who, probe) in Self.probes {
            let hidden = try measured(holding, who, probe)
            let nothing = try measured(other, who, probe)
            #expect(hidden.found == 0 && nothing.found == 0, "\(who) finds \(probe)")
            #expect(hidden.counted == nothing.counted, "\(who)'s own counters tell whether hidden reports hold '\(probe)':\n\(hidden.counted.joined(separator: "\n"))\nagainst\n\(nothing.counted.joined(separator: "\n"))")
        }
        // A word it may read is found (the search works at all), through the index where it has keys.
        let found = try measured(holding, "tl-pupr", "puskesmas")
        #expect(found.found > 0)
        if byAudience { #expect(found.counted.contains { $0.hasPrefix("complaint_texts_scoped blocks: +") && $0 != "complaint_texts_scoped blocks: +0" }, "\(found.counted)") }
    }
}
