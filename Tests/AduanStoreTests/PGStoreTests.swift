import AduanCore
import AduanStore
import Testing

/// The libpq wrapper and the PostgreSQL store's schema: parameters, errors without values,
/// transactions, migrations and refusals, the server's clock and the append-only hash chain.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGConnectionTests {
    @Test func parametersAreBoundAndRowsAreReadByColumnName() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        let r = try conn.query("SELECT $1::bigint + 1 AS n, $2::text AS t, $3::text AS missing, $4::boolean AS b, $5::bytea AS raw",
                               [.int(41), .text("Robert'); DROP TABLE x;--"), .null, .bool(true), .bytes([0, 1, 255])])
        #expect(r.rowCount == 1)
        #expect(r.int64(0, "n") == 42)
        #expect(r.text(0, "t") == "Robert'); DROP TABLE x;--")
        #expect(r.text(0, "missing") == nil)
        #expect(r.bool(0, "b") == true)
        #expect(r.bytes(0, "raw") == [0, 1, 255])
    }

    @Test func anErrorCarriesItsSQLStateAndNeverTheBoundValue() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        let secret = "Siti Anonimawati 081299990000"
        do {
            try conn.query("SELECT $1::integer AS n", [.text(secret)])
            Issue.record("a text that is no number was accepted")
        } catch let e {
            #expect(e.sqlState == "22P02")
            #expect(!e.message.contains("Anonimawati"), "message: \(e.message)")
            #expect(!e.description.contains("Anonimawati"), "description: \(e.description)")
            #expect(e.message.contains("integer"))
        }
        try conn.execute("CREATE TABLE people(name text PRIMARY KEY)")
        try conn.query("INSERT INTO people VALUES ($1)", [.text(secret)])
        do {
            try conn.query("INSERT INTO people VALUES ($1)", [.text(secret)])
            Issue.record("a duplicate key was accepted")
        } catch let e {
            #expect(e.isUniqueViolation)
            #expect(!e.description.contains("Anonimawati"), "description: \(e.description)")
        }
    }

    @Test func aTransactionThatThrowsLeavesNothingBehind() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        try conn.execute("CREATE TABLE notes(n integer)")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try conn.transaction {
                try conn.query("INSERT INTO notes VALUES ($1)", [.int(1)])
                throw Stop()
            }
        }
        try conn.transaction { try conn.query("INSERT INTO notes VALUES ($1)", [.int(2)]) }
        #expect(try conn.query("SELECT n FROM notes").column("n") == ["2"])
    }

    @Test func aWrongPasswordIsRefusedWithAConnectionError() throws {
        let db = try PGTestDatabase()
        let passfile = try db.passwords(for: [db.owner])
        #expect(throws: PostgresError.self) {
            _ = try PGTest.tcp(user: db.owner, database: db.name, passfile: "/nonexistent")
        }
        let conn = try PGTest.tcp(user: db.owner, database: db.name, passfile: passfile)
        #expect(conn.user == db.owner)
    }
}

@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGSchemaTests {
    static let context = StoreFixture.context

    static func store(_ db: PGTestDatabase) throws -> PGStore {
        try PGStore(try db.ownerConnection(), context: context, create: true)
    }

    @Test func aNewStoreIsCreatedInItsOwnSchemaAtTheCurrentVersion() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        #expect(throws: PGStoreRefusal.noStore) { try PGSchema.open(conn, create: false) }
        #expect(try PGSchema.open(conn, create: true) == 0)
        #expect(try PGSchema.open(conn, create: false) == PGSchema.version)
        let v = try conn.query("SELECT value FROM aduan.meta WHERE key = 'schema_version'").text(0, "value")
        #expect(v == String(PGSchema.version))
        // Nothing lands in public.
        #expect(try conn.query("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'").int64(0, "n") == 0)
    }

    /// A snapshot of everything in the `aduan` schema, to prove a refusal changed nothing.
    static func snapshot(_ conn: PGConnection) throws -> [String] {
        let tables = try conn.query("SELECT tablename FROM pg_tables WHERE schemaname = 'aduan' ORDER BY 1").column("tablename").compactMap { $0 }
        var out = tables
        for t in tables {
            let rows = try conn.query("SELECT t::text AS row FROM aduan.\(PGConnection.quoteIdentifier(t)) t ORDER BY 1").column("row")
            out += rows.map { "\(t): \($0 ?? "NULL")" }
        }
        return out
    }

    @Test func aStoreFromANewerProgramIsRefusedUntouched() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        try PGSchema.open(conn, create: true)
        try conn.query("UPDATE aduan.meta SET value = $1 WHERE key = 'schema_version'", [.text(String(PGSchema.version + 1))])
        let before = try Self.snapshot(conn)
        #expect(throws: PGStoreRefusal.newerSchema(found: PGSchema.version + 1, known: PGSchema.version)) {
            try PGSchema.open(conn, create: true)
        }
        #expect(try Self.snapshot(conn) == before)
    }

    @Test func aForeignSchemaNamedAduanIsRefusedUntouched() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        try conn.execute("CREATE SCHEMA aduan; CREATE TABLE aduan.pengaduan(id integer); INSERT INTO aduan.pengaduan VALUES (7)")
        let before = try Self.snapshot(conn)
        do {
            try PGSchema.open(conn, create: true)
            Issue.record("a foreign schema was opened")
        } catch let e {
            guard case .foreignSchema = e else { Issue.record("expected foreignSchema, got \(e)"); return }
            #expect(e.description.contains("not an Aduan store"))
        }
        #expect(try Self.snapshot(conn) == before)
        // One with a meta table of another format too.
        try conn.execute("CREATE TABLE aduan.meta(key text, value text); INSERT INTO aduan.meta VALUES ('format', 'other'), ('schema_version', '1')")
        let again = try Self.snapshot(conn)
        #expect(throws: PGStoreRefusal.foreignSchema(reason: "format is 'other'")) { try PGSchema.open(conn, create: true) }
        #expect(try Self.snapshot(conn) == again)
    }

    /// A report received, verified to a unit and followed up, as the workflow decides it.
    static func history(at start: Timestamp, title: String = "Jalan berlubang di Kecamatan Mekarsari") throws -> [Event] {
        let ctx = context
        let admin = StoreFixture.admin()
        var t = start
        let first = try Workflow.decide(Command(.receive, ActionDetails(intake: StoreFixture.intake(title))), on: nil, by: admin, at: t,
                                        context: ctx, newID: 1).get()
        var c = Workflow.evolve(nil, first)
        var events = [first]
        for (kind, details, actor) in [(ActionKind.verify, ActionDetails(unit: "pupr"), admin),
                                       (.followUp, ActionDetails(text: "Sudah ditambal."), StoreFixture.liaison("pupr"))] {
            t = t.adding(seconds: 3600)
            let e = try Workflow.decide(Command(kind, details), on: c, by: actor, at: t, context: ctx).get()
            events.append(e)
            c = Workflow.evolve(c, e)
        }
        return events
    }

    @Test func theServerComputesTheChainWithTheSQLiteStoresFormula() throws {
        let db = try PGTestDatabase()
        let store = try Self.store(db)
        let ids = try store.insertHistories([try Self.history(at: StoreFixture.day(2026, 10, 1)),
                                             try Self.history(at: StoreFixture.day(2026, 10, 2))])
        #expect(ids == [1, 2])
        #expect(try store.firstBrokenLink() == nil)
        #expect(try store.chainHead().count == 6)
        // The owner keeps an imported history's own times.
        let at = try store.conn.query("SELECT at FROM aduan.events WHERE seq = 1").int64(0, "at")
        #expect(at == StoreFixture.day(2026, 10, 1).seconds)
    }

    @Test func theEventLogIsAppendOnlyEvenForItsOwner() throws {
        let db = try PGTestDatabase()
        let store = try Self.store(db)
        try store.insertHistories([try Self.history(at: StoreFixture.day(2026, 10, 1))])
        for sql in ["UPDATE aduan.events SET body = '{}' WHERE seq = 1", "DELETE FROM aduan.events WHERE seq = 1", "TRUNCATE aduan.events"] {
            do {
                try store.conn.execute(sql)
                Issue.record("`\(sql)` was accepted")
            } catch let e {
                #expect(e.sqlState == "AD001", "\(sql): \(e)")
            }
        }
        #expect(try store.firstBrokenLink() == nil)
    }

    @Test func anOperatorsEventTakesTheServersTimeAndLogin() throws {
        let db = try PGTestDatabase()
        let store = try Self.store(db)
        let owner = store.conn
        try owner.execute("CREATE ROLE \(db.tag)_op LOGIN; GRANT USAGE ON SCHEMA aduan TO \(db.tag)_op; GRANT INSERT ON aduan.events TO \(db.tag)_op; CREATE POLICY op_writes ON aduan.events FOR INSERT TO \(db.tag)_op WITH CHECK (true)")
        let op = try PGTest.socket(user: "\(db.tag)_op", database: db.name)
        let insert = "INSERT INTO aduan.events(complaint_id, version, kind, actor_id, body, at, login) VALUES (1, 1, 'note', 'x', '{}', $1, $2)"
        // A time from the client's clock is refused, and so is another login.
        do {
            try op.query(insert, [.int(1_000), .text("\(db.tag)_op")])
            Issue.record("a client time was accepted")
        } catch let e { #expect(e.sqlState == "AD002", "\(e)") }
        do {
            try op.query("INSERT INTO aduan.events(complaint_id, version, kind, actor_id, body, login) VALUES (1, 1, 'note', 'x', '{}', 'someone')")
            Issue.record("another login was accepted")
        } catch let e { #expect(e.sqlState == "AD003", "\(e)") }
        // Left out, both are the server's.
        try op.query("INSERT INTO aduan.events(complaint_id, version, kind, actor_id, body) VALUES (1, 1, 'note', 'x', '{}')")
        let r = try owner.query("SELECT at, login, floor(extract(epoch FROM now()))::bigint AS now FROM aduan.events")
        #expect(r.rowCount == 1)
        #expect(r.text(0, "login") == "\(db.tag)_op")
        let at = r.int64(0, "at") ?? 0, now = r.int64(0, "now") ?? 0
        #expect(at <= now && at > now - 60)
        #expect(try store.firstBrokenLink() == nil)
        // An operator cannot move the chain head by hand.
        #expect(throws: PostgresError.self) { try op.execute("UPDATE aduan.meta SET value = 'x' WHERE key = 'chain_head'") }
    }

    @Test func searchFindsWholeWordsWithoutStemmingAndWithoutDiacritics() throws {
        let db = try PGTestDatabase()
        let store = try Self.store(db)
        try store.insertHistories([try Self.history(at: StoreFixture.day(2026, 10, 1), title: "Pelayanan Puskesmas lambat, antrean di Kécamatan"),
                                   try Self.history(at: StoreFixture.day(2026, 10, 2), title: "Camat tidak hadir")])
        func found(_ word: String) throws -> [String?] {
            try store.conn.query("""
                SELECT DISTINCT id FROM aduan.complaint_texts
                WHERE words @@ to_tsquery('simple', $1) ORDER BY id
                """, [.text(TextSearch.tokens(word).joined(separator: " & "))]).column("id")
        }
        #expect(try found("kecamatan") == ["1"])
        #expect(try found("Kecamatan") == ["1"])
        // The indonesian stemmer would make these one word; the core does not.
        #expect(try found("camat") == ["2"])
        #expect(try found("layan") == [])
        #expect(try found("pelayanan") == ["1"])
    }
}
