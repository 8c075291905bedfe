import AduanCore
import AduanStore
import Testing

/// Search by audience (schema 9, PGScopedSearch.swift): what `aduan.search_texts` finds for a
/// login is exactly what a search under the login's row-level security finds, which is what the
/// core lets its operators read; the tokens the store keeps are the core's; an upgraded store gets
/// them for the reports it already held, and a login gone from the directory searches nothing.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGScopedSearchTests {
    /// Searches of the matrix's texts: words, prefixes, phrases, the reporter's name and phone, a
    /// word of the masked texts only, several terms.
    static let queries = ["aminah", "siti aminah", "ami", "081234567890", "puskesmas", "pungutan liar", "disamarkan",
                          "uang tambahan", "petugas hubungi", "mekarsari", "tidakada", "p"]

    static func ids(_ conn: PGConnection, _ query: String, byAudience: Bool) throws -> [Int64] {
        let d = PostgreSQLDialect(searchByAudience: byAudience)
        let sql = d.numbered("SELECT c.id FROM aduan.complaints c WHERE c.id IN (\(d.textMatchIDs)) ORDER BY c.id")
        return try conn.query(sql, [.text(d.textQuery(TextSearch.query(query)))]).column("id").compactMap { $0.flatMap { Int64($0) } }
    }

    @Test func eachLoginFindsByItsKeysExactlyWhatItFindsUnderItsPoliciesAndWhatTheCoreLetsItRead() throws {
        let (db, store, ops, complaints, passfile) = try PGAccessTests.province()
        // The words under the policies, to compare with (what an upgraded store's logins read
        // until the roles script runs again).
        for (login, _) in PGAccessSQL.logins(of: ops) {
            try store.conn.execute("GRANT SELECT (words) ON aduan.complaint_texts TO \(PGConnection.quoteIdentifier(login))")
        }
        for (login, mine) in PGAccessSQL.logins(of: ops) {
            let conn = try PGTest.tcp(user: login, database: db.name, passfile: passfile)
            #expect(try PGOperatorStore.searchesByAudience(conn), "\(login)")
            for query in Self.queries {
                let q = TextSearch.query(query)
                let expected = complaints.filter { _, c in
                    mine.contains { v in
                        [true, false].contains { masked in
                            Privacy.canView(c, viewer: v) && Privacy.contentAccess(of: v).mayRead(c)
                                && (masked || Privacy.reporterAccess(of: v).maySee(c))
                                && q.matches(fields: masked ? [Privacy.publicText(c.title, of: c), Privacy.publicText(c.body, of: c)] : [c.title, c.body])
                        }
                    }
                }.keys.sorted()
                let policy = try Self.ids(conn, query, byAudience: false)
                let keys = try Self.ids(conn, query, byAudience: true)
                #expect(policy == expected, "\(login) '\(query)' under its policies")
                #expect(keys == expected, "\(login) '\(query)' by its keys")
            }
        }
    }

    @Test func theStoredTokensAreTheCoresAndVerifyNoticesAChangedOne() throws {
        let (_, store, ops, complaints, _) = try PGAccessTests.province()
        for (id, c) in complaints {
            for masked in [true, false] {
                let same = try store.conn.query("SELECT audience = $2::text[] AS same FROM aduan.complaint_texts WHERE id = $1 AND masked = $3",
                                                [.int(id), .text(PGStore.arrayLiteral(Audience.tokens(of: c, masked: masked))), .bool(masked)])
                #expect(same.bool(0, "same") == true, "report \(id) masked \(masked)")
            }
        }
        #expect(try store.verify(operators: ops).isEmpty)
        // A token added by hand (a login made to match what it may not read) is found.
        let id = complaints.keys.min()!
        try store.conn.execute("UPDATE aduan.complaint_texts SET audience = audience || ARRAY['uc:pupr'] WHERE id = \(id) AND NOT masked")
        #expect(try store.verify(operators: ops).contains { $0.complaintID == id })
    }

    @Test func aLoginGoneFromTheDirectorySearchesNothing() throws {
        let (db, store, ops, _, passfile) = try PGAccessTests.province()
        let gone = "\(db.tag)_tl-pupr"
        let conn = try PGTest.tcp(user: gone, database: db.name, passfile: passfile)
        #expect(try !Self.ids(conn, "puskesmas", byAudience: true).isEmpty)
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops.filter { !$0.logins.contains(gone) }))
        #expect(try Self.ids(conn, "puskesmas", byAudience: true).isEmpty)
        #expect(try !PGOperatorStore.searchesByAudience(conn))
    }

    @Test func anUpgradedStoreGetsTokensForTheReportsItHeld() throws {
        let (db, store, ops, complaints, passfile) = try PGAccessTests.province()
        // As schema 8 left it: the whole texts granted, no tokens, no scoped words, no keys, no function.
        for (login, _) in PGAccessSQL.logins(of: ops) {
            try store.conn.execute("GRANT SELECT ON aduan.complaint_texts TO \(PGConnection.quoteIdentifier(login))")
        }
        try store.conn.execute("""
            DROP INDEX aduan.complaint_texts_scoped;
            ALTER TABLE aduan.complaint_texts DROP COLUMN audience, DROP COLUMN scoped_words;
            DROP TABLE aduan.login_audiences;
            DROP FUNCTION aduan.search_texts(text[]); DROP FUNCTION aduan.search_ready();
            CREATE INDEX complaint_texts_words ON aduan.complaint_texts USING gin(words);
            UPDATE aduan.meta SET value = '8' WHERE key = 'schema_version';
            """)
        let login = "\(db.tag)_tl-dinkes"
        let conn = try PGTest.tcp(user: login, database: db.name, passfile: passfile)
        #expect(try !PGOperatorStore.searchesByAudience(conn))
        let before = try Self.ids(conn, "aminah", byAudience: false)
        let upgraded = try PGStore(try db.ownerConnection(), context: PGAccessTests.context)
        // Until the owner runs the roles script again the login searches under its policies,
        // with the words it read before and not the new columns.
        #expect(try !PGOperatorStore.searchesByAudience(conn))
        #expect(try Self.ids(conn, "aminah", byAudience: false) == before)
        #expect(throws: PostgresError.self) { try conn.query("SELECT count(*) FROM aduan.complaint_texts WHERE scoped_words @@ 'x'::tsquery") }
        try upgraded.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        #expect(try PGOperatorStore.searchesByAudience(conn))
        #expect(try Self.ids(conn, "aminah", byAudience: true) == before)
        let problems = try upgraded.verify(operators: ops)
        let sample = try upgraded.conn.query("SELECT audience::text AS a FROM aduan.complaint_texts ORDER BY id, masked LIMIT 6").column("a")
        #expect(problems.isEmpty, "\(problems) \(sample)")
        #expect(try upgraded.conn.query("SELECT count(*) AS n FROM aduan.complaint_texts WHERE cardinality(audience) = 0").int64(0, "n") == 0)
        _ = complaints
    }

    @Test func aSearchTooLargeIsRefusedWhateverTheStoreHolds() throws {
        let (db, _, _, _, passfile) = try PGAccessTests.province()
        let conn = try PGTest.tcp(user: "\(db.tag)_tl-dinkes", database: db.name, passfile: passfile)
        let terms = PGStore.arrayLiteral((0..<65).map { "w\($0)" })
        #expect(throws: PostgresError.self) { try conn.query("SELECT aduan.search_texts($1::text[])", [.text(terms)]) }
    }
}
