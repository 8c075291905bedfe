import AduanCore
import AduanStore
import Testing

/// Full-text search as an operator's own role (issue 14). `@@` is not LEAKPROOF, so under
/// row-level security PostgreSQL must test each text row's policy before its words and cannot
/// use the words' index: a selective word took 9.9 s at 1,000,000 reports. Each login searches
/// through a function of its own (`PGAccessSQL.rolesScript`) whose rule is the login's text
/// policy; these tests hold it to finding exactly what the policy lets the login read, no more,
/// and to using the index.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGTextSearchTests {
    /// The privacy matrix's stories in a fresh store, the roles script applied, and a password
    /// for every login of it (plus one login long enough that its search function's name is a digest).
    struct Fixture {
        let db: PGTestDatabase
        let store: PGStore
        let ops: [Actor]
        let passfile: String

        init() throws {
            db = try PGTestDatabase()
            store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
            var ops = PGAccessTests.operators(db.tag)
            // 63 bytes, PostgreSQL's longest role name: "aduan:search:" before it is too long for a name.
            let long = db.tag + "_" + String(repeating: "l", count: 62 - db.tag.utf8.count)
            ops.append(Actor(id: "tl-long", name: "tl-long", role: .liaison, agency: "pemkab", unit: "dinkes", logins: [long]))
            self.ops = ops
            try store.insertHistories(try PGAccessTests.stories(ops).map(\.events))
            try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
            passfile = try db.passwords(for: PGAccessSQL.logins(of: ops).map(\.login))
        }

        func connect(_ login: String) throws -> PGConnection {
            try PGTest.tcp(user: login, database: db.name, passfile: passfile)
        }
    }

    static let dialect = PostgreSQLDialect()

    /// The statement the store's filters run for a text term (FilterSQL through the dialect).
    static func search(_ word: String, on conn: PGConnection) throws -> Set<Int64> {
        let q = dialect.textQuery(TextSearch.query(word))
        let sql = dialect.numbered("SELECT c.id FROM aduan.complaints c WHERE c.id IN (\(dialect.textMatchIDs))")
        return Set(try conn.query(sql, [.text(q)]).column("id").compactMap { $0.flatMap { Int64($0) } })
    }

    /// What the login's text policy lets it read that matches: the plain query under row-level security.
    static func readable(_ word: String, on conn: PGConnection) throws -> Set<Int64> {
        let q = dialect.textQuery(TextSearch.query(word))
        return Set(try conn.query("SELECT t.id FROM aduan.complaint_texts t WHERE t.words @@ $1::tsquery", [.text(q)])
            .column("id").compactMap { $0.flatMap { Int64($0) } })
    }

    static let words = ["aminah", "siti", "081234567890", "puskesmas", "pungutan liar", "mekarsari", "uang", "petugas"]

    @Test func eachLoginFindsExactlyTheTextsItsPolicyLetsItRead() throws {
        let f = try Fixture()
        var found = 0
        for (login, _) in PGAccessSQL.logins(of: f.ops) {
            let conn = try f.connect(login)
            for word in Self.words {
                let got = try Self.search(word, on: conn)
                let policy = try Self.readable(word, on: conn)
                #expect(got == policy, "\(login) searching \(word): finds \(got.sorted()), its text policy reads \(policy.sorted())")
                found += got.count
            }
        }
        // Somebody finds something, and the reporter's name is not found by everyone who finds the rest.
        #expect(found > 0)
    }

    @Test func aSelectiveSearchUsesTheWordsIndexUnderRowLevelSecurity() throws {
        let f = try Fixture()
        // One login whose search function is named after it, one whose name is a digest.
        for login in ["\(f.db.tag)_tl-dinkes", f.ops.last!.logins[0]] {
            let conn = try f.connect(login)
            try conn.execute("SET enable_seqscan = off")
            try conn.transaction {
                #expect(try Self.search("puskesmas", on: conn).count > 0)
                let scans = try conn.query("SELECT pg_stat_get_xact_numscans('aduan.complaint_texts_words'::regclass) AS n").int64(0, "n")
                #expect((scans ?? 0) > 0, "\(login): the search did not use the words' index (\(scans ?? -1) scans)")
            }
        }
    }

    @Test func aLoginCannotCallAnotherLoginsSearch() throws {
        let f = try Fixture()
        let conn = try f.connect("\(f.db.tag)_tl-pupr")
        let other = PGAccessSQL.policyName("search", "\(f.db.tag)_kominfo")
        do {
            _ = try conn.query("SELECT * FROM aduan.\(PGConnection.quoteIdentifier(other))('aminah'::tsquery)")
            Issue.record("tl-pupr ran kominfo's search")
        } catch let e {
            #expect(e.isPermissionDenied, "\(e)")
        }
    }

    @Test func aLoginGoneFromTheDirectoryFindsNothingAndItsSearchIsDropped() throws {
        let f = try Fixture()
        let kominfo = "\(f.db.tag)_kominfo"
        let conn = try f.connect(kominfo)
        #expect(try Self.search("puskesmas", on: conn).count > 0)
        try f.store.conn.execute(PGAccessSQL.rolesScript(operators: f.ops.filter { $0.id != "kominfo" }))
        #expect(try Self.search("puskesmas", on: try f.connect(kominfo)).isEmpty)
        let name = PGAccessSQL.policyName("search", kominfo)
        let left = try f.store.conn.query("SELECT count(*) AS n FROM pg_proc WHERE proname = $1", [.text(name)]).int64(0, "n")
        #expect(left == 0)
    }

    @Test func aStoreWhoseRolesPredateSearchFunctionsStillSearchesUnderItsPolicies() throws {
        let f = try Fixture()
        let login = "\(f.db.tag)_tl-dinkes"
        try f.store.conn.execute("DROP FUNCTION aduan.\(PGConnection.quoteIdentifier(PGAccessSQL.policyName("search", login)))(tsquery)")
        let conn = try f.connect(login)
        for word in Self.words {
            #expect(try Self.search(word, on: conn) == Self.readable(word, on: conn), "\(word)")
        }
    }
}
