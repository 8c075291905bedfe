import AduanCore
import AduanStore
import Testing

/// Loading histories through COPY gives the very rows (hashes included) the statement-per-row
/// path gives, leaves the append trigger on, and a COPY failure names no value.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGBulkTests {
    static func dump(_ conn: PGConnection) throws -> [String] {
        let queries = [
            "SELECT seq, complaint_id, version, at, kind, actor_id, agency_from, agency_to, body, encode(hash, 'hex') AS h FROM aduan.events ORDER BY seq",
            "SELECT seq, complaint_id, version, at, kind, needs_handling, needs_content, shown_to, body FROM aduan.event_views ORDER BY seq, shown_to",
            "SELECT * FROM aduan.complaints ORDER BY id",
            "SELECT * FROM aduan.complaint_reporters ORDER BY id",
            "SELECT id, masked, title, body, location, words::text FROM aduan.complaint_texts ORDER BY id, masked",
            "SELECT key, value FROM aduan.meta ORDER BY key",
            "SELECT id, content_key FROM aduan.complaint_keys ORDER BY id",
        ]
        var out: [String] = []
        for q in queries {
            let r = try conn.query(q)
            for i in 0..<r.rowCount { out.append(r.columnNames.map { r.text(i, $0) ?? "NULL" }.joined(separator: "|")) }
        }
        return out
    }

    @Test func copyGivesTheSameRowsAsStatementsAndTheChainGoesOn() throws {
        let one = try PGTestDatabase(), two = try PGTestDatabase()
        let ops = PGAccessTests.operators(one.tag)
        let histories = try PGAccessTests.stories(ops).map(\.events) + Self.moreForms(ops)
        let slow = try PGStore(try one.ownerConnection(), context: PGAccessTests.context, create: true)
        let fast = try PGStore(try two.ownerConnection(), context: PGAccessTests.context, create: true)
        // Half first, then the rest, so the second load extends a chain that already exists.
        let half = histories.count / 2
        #expect(try slow.insertHistories(Array(histories[..<half])) == Array(1...Int64(half)))
        try slow.insertHistories(Array(histories[half...]))
        #expect(try fast.bulkInsertHistories(Array(histories[..<half])) == Array(1...Int64(half)))
        try fast.bulkInsertHistories(Array(histories[half...]))
        let a = try Self.dump(slow.conn), b = try Self.dump(fast.conn)
        #expect(a.count == b.count)
        #expect(a == b, "first difference: \(zip(a, b).first { $0 != $1 }.map { "\($0.0)\n  vs \($0.1)" } ?? "lengths")")
        #expect(try fast.verify(operators: []) == [])
        // The append trigger is back on: an action afterwards is hashed by the server and the chain holds.
        let admin = ops.first { $0.id == "admin-pemkab" }!
        try fast.apply(Command(.note, ActionDetails(text: "Sesudah impor.")), to: 1, expectedVersion: nil, by: admin)
        #expect(try fast.firstBrokenLink() == nil)
        let enabled = try fast.conn.query("SELECT tgenabled FROM pg_trigger WHERE tgname = 'events_append'").text(0, "tgenabled")
        #expect(enabled == "O")
    }

    /// Histories whose events redact differently by every answer of a sight: a new title naming the
    /// reporter at verify (content), and an import quoting a source history with a secret
    /// follow-up and texts naming the reporter (handling, reporter), anonymous and not.
    static func moreForms(_ ops: [Actor]) throws -> [[Event]] {
        let admin = ops.first { $0.id == "admin-pemkab" }!, liaison = ops.first { $0.id == "tl-dinkes" }!
        var out: [[Event]] = []
        for anonymous in [false, true] {
            var h = try PGAccessTests.Story(anonymous: anonymous, confidential: anonymous, by: admin)
            try h.apply(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(title: "Pungli oleh petugas, lapor Siti Aminah",
                                                                                            anonymous: anonymous, confidential: anonymous)), by: admin)
            try h.apply(.followUp, ActionDetails(text: "Siti Aminah sudah dihubungi.", secret: true), by: liaison)
            try h.apply(.followUp, ActionDetails(text: "Selesai, terima kasih Siti Aminah."), by: liaison)
            out.append(h.events)
            let source = h.events.map { e -> Event in var e = e; e.complaintID = 0; return e }
            let replayed = try Workflow.replay(source, context: PGAccessTests.context).get()
            let details = ImportSource.importDetails(from: source, replayed: replayed, file: "lama.json", sha256: String(repeating: "a", count: 64))
            let imported = try Workflow.decide(Command(.import, details), on: nil, by: admin, at: h.time.adding(seconds: 3600),
                                               context: PGAccessTests.context, newID: 1).get()
            out.append([imported])
        }
        return out
    }

    /// Every event's stored forms are, sight by sight, the core's redaction for that sight: the
    /// load computes only the forms that can differ, and this holds it to `Privacy.redacted`.
    @Test func eachStoredFormIsTheCoresRedactionForEverySight() throws {
        let db = try PGTestDatabase()
        let ops = PGAccessTests.operators(db.tag)
        let histories = try PGAccessTests.stories(ops).map(\.events) + Self.moreForms(ops)
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let ids = try store.bulkInsertHistories(histories)
        var checked = 0
        for (id, history) in zip(ids, histories) {
            let events = history.map { e -> Event in var e = e; e.complaintID = id; return e }
            let c = Workflow.fold(events)!
            let r = try store.conn.query("SELECT version, shown_to, body FROM aduan.event_views WHERE complaint_id = $1", [.int(id)])
            let rows = (0..<r.rowCount).map { (version: Int(r.int64($0, "version")!), mask: Int(r.int64($0, "shown_to")!), body: r.text($0, "body")!) }
            for e in events {
                let mine = rows.filter { $0.version == e.version }
                #expect(Set(mine.map(\.body)).count == mine.count, "report \(id) v\(e.version): one row per distinct form")
                for sight in Privacy.Sight.all {
                    let shown = mine.filter { $0.mask & (1 << sight.bit) != 0 }
                    if sight.mayRead(e) {
                        let expected = String(decoding: EventCodec.storedBody(Privacy.redacted(e, in: c, sight: sight)), as: UTF8.self)
                        #expect(shown.map(\.body) == [expected], "report \(id) v\(e.version) \(e.kind) sight \(sight.bit)")
                        checked += 1
                    } else {
                        #expect(shown.isEmpty, "report \(id) v\(e.version) \(e.kind): sight \(sight.bit) may not read it")
                    }
                }
            }
        }
        #expect(checked > 300)
        // The forms do differ where the core says so: the import's secret entry and the reporter's name.
        let importBodies = try store.conn.query("SELECT body FROM aduan.event_views WHERE kind = 'import'").column("body").compactMap { $0 }
        #expect(importBodies.contains { $0.contains("Siti Aminah sudah dihubungi") })
        #expect(importBodies.contains { !$0.contains("sudah dihubungi") })
        #expect(importBodies.contains { $0.contains("Pelapor sudah") || $0.contains("terima kasih Pelapor") })
    }

    /// Re-import keys came with schema version 4: a store made before gets them for the reports it
    /// holds when its owner next opens it, the same keys a load writes today; no operator reads them.
    @Test func aStoreFromBeforeReimportKeysGetsThemWhenItsOwnerOpensIt() throws {
        let db = try PGTestDatabase()
        let ops = PGAccessTests.operators(db.tag)
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        try store.bulkInsertHistories(try PGAccessTests.stories(ops).map(\.events) + Self.moreForms(ops))
        let keys = "SELECT id, content_key FROM aduan.complaint_keys ORDER BY id"
        let written = try store.conn.query(keys).column("content_key")
        #expect(written.count > 10)
        try store.conn.execute("DROP TABLE aduan.complaint_keys; UPDATE aduan.meta SET value = '3' WHERE key = 'schema_version'")
        let again = try PGStore(try db.ownerConnection(), context: PGAccessTests.context)
        #expect(try again.conn.query(keys).column("content_key") == written)
        try again.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        let admin = try PGTest.tcp(user: "\(db.tag)_admin-pemkab", database: db.name, passfile: try db.passwords(for: ["\(db.tag)_admin-pemkab"]))
        do {
            _ = try admin.query("SELECT content_key FROM aduan.complaint_keys")
            Issue.record("an operator read the re-import keys")
        } catch let e {
            #expect(e.sqlState == "42501")
        }
    }

    /// A load is one transaction: a failure after some batches went in leaves the store exactly as
    /// it was, with the append trigger on; a source's own number is kept where it is free.
    @Test func aLoadThatFailsHalfWayLeavesNothingAndKeepsFreeSourceNumbers() throws {
        let db = try PGTestDatabase()
        let ops = PGAccessTests.operators(db.tag)
        let histories = try PGAccessTests.stories(ops).map(\.events)
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        try store.bulkInsertHistories(Array(histories.prefix(2)))
        let before = try Self.dump(store.conn)
        struct Stop: Error {}
        let login = store.conn.user
        let prepared = try histories.map { try PGStore.prepare($0, context: PGAccessTests.context, login: login) }
        #expect(throws: Stop.self) {
            try store.conn.transaction {
                let load = try PGBulkLoad(store)
                try load.add(Array(prepared.prefix(5)))
                try load.add(Array(prepared.dropFirst(5)))
                throw Stop()
            }
        }
        #expect(try Self.dump(store.conn) == before)
        #expect(try store.conn.query("SELECT tgenabled FROM pg_trigger WHERE tgname = 'events_append'").text(0, "tgenabled") == "O")
        // Numbers: 2 is taken (kept by the first load), 40 is free; the rest follow the highest.
        var wanted = Array(prepared.prefix(3))
        wanted[0].preferredID = 2
        wanted[1].preferredID = 40
        let ids = try store.conn.transaction {
            let load = try PGBulkLoad(store)
            let ids = try load.add(wanted)
            try load.finish()
            return ids
        }
        #expect(ids == [3, 40, 41])
        #expect(try store.verify(operators: []) == [])
    }

    /// The text rows go through binary COPY: the binary `tsvector` of every case of
    /// `PGSearchVectorTests` is, as the server reads it, the very value of the literal the
    /// statement path writes (and texts with tabs, newlines and backslashes arrive unchanged).
    @Test func theBinaryVectorIsTheLiteralsValue() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        try conn.execute("CREATE TABLE t(n bigint, ok boolean, s text, w tsvector)")
        var cases = PGSearchVectorTests.cases
        cases.append(("tab\there", "new\nline back\\slash \r \\N"))
        var w = BinaryCopyWriter()
        for (i, c) in cases.enumerated() {
            w.row(4); w.int8(Int64(i)); w.bool(i % 2 == 0); w.text(c.0 + "|" + c.1)
            var field: [UInt8] = []
            PGSearch.appendBinaryVector(title: c.0, body: c.1, to: &field)
            w.raw(field)
        }
        try conn.copyBinary("COPY t FROM STDIN WITH (FORMAT binary)", w)
        let r = try conn.query("SELECT n, ok, s, w::text AS w FROM t ORDER BY n")
        #expect(r.rowCount == cases.count)
        for (i, c) in cases.enumerated() {
            let literal = try conn.query("SELECT $1::tsvector::text AS w", [.text(PGSearch.vector(title: c.0, body: c.1))]).text(0, "w")
            #expect(r.text(i, "w") == literal, "\(c.0)")
            #expect(r.text(i, "s") == c.0 + "|" + c.1)
            #expect(r.bool(i, "ok") == (i % 2 == 0))
        }
    }

    @Test func theBinaryScopedVectorIsTheLiteralsValue() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        try conn.execute("CREATE TABLE t(n bigint, w tsvector)")
        // Numbers whose prefixes sort against each other by bytes ("1:" "10:" "100:" "9:"), in any order.
        let tokens = [["9:", "10:", "1:", "100:", "23:", "2:"], ["7:"], []]
        var w = BinaryCopyWriter()
        var n = 0
        for c in PGSearchVectorTests.cases {
            for t in tokens {
                w.row(2); w.int8(Int64(n)); n += 1
                var field: [UInt8] = []
                PGSearch.appendBinaryScopedVector(prefixes: t, title: c.0, body: c.1, to: &field)
                w.raw(field)
            }
        }
        try conn.copyBinary("COPY t FROM STDIN WITH (FORMAT binary)", w)
        let r = try conn.query("SELECT n, w::text AS w FROM t ORDER BY n")
        n = 0
        for c in PGSearchVectorTests.cases {
            for t in tokens {
                let literal = try conn.query("SELECT $1::tsvector::text AS w", [.text(PGSearch.scopedVector(prefixes: t, title: c.0, body: c.1))]).text(0, "w")
                #expect(r.text(n, "w") == literal, "\(c.0) \(t)")
                n += 1
            }
        }
    }

    @Test func copyEscapesEveryByteAndAFailureNamesNoValue() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        try conn.execute("CREATE TABLE t(s text, n integer, b bytea)")
        let odd = "tab\there\nnewline\\backslash\r\\N end"
        try conn.copyIn("COPY t FROM STDIN", [[.text(odd), .int(-7), .bytes([0, 9, 10, 92, 255])], [.null, .null, .null]])
        let r = try conn.query("SELECT s, n, b FROM t ORDER BY n NULLS LAST")
        #expect(r.text(0, "s") == odd)
        #expect(r.int64(0, "n") == -7)
        #expect(r.bytes(0, "b") == [0, 9, 10, 92, 255])
        #expect(r.text(1, "s") == nil)
        do {
            try conn.copyIn("COPY t(n) FROM STDIN", [[.int(1)], [.text("Siti Aminah")]])
            Issue.record("a name was accepted as a number")
        } catch let e {
            #expect(e.sqlState == "22P02")
            #expect(!e.description.contains("Siti"), "\(e)")
        }
        // The connection is usable after the failure, and the failed COPY left nothing.
        #expect(try conn.query("SELECT count(*) AS n FROM t").int64(0, "n") == 2)
    }
}

/// The text rows' search words, built straight into bytes for bulk loads, are the literal the
/// plain rule gives: the core's tokens in order of first use, each with its sorted positions
/// without repeats (at most 256, none past 16,383), quotes and backslashes doubled.
struct PGSearchVectorTests {
    static func reference(title: String, body: String) -> String {
        var positions: [String: [Int]] = [:]
        var order: [String] = []
        func add(_ tokens: [String], from start: Int) {
            for (i, t) in tokens.enumerated() {
                if positions[t] == nil { order.append(t) }
                positions[t, default: []].append(min(start + i, 16_383))
            }
        }
        let t = TextSearch.tokens(title)
        add(t, from: 1)
        add(TextSearch.tokens(body), from: t.count + 2)
        return order.map { word in
            PGSearch.lexeme(word) + ":" + Array(Set(positions[word]!)).sorted().prefix(256).map(String.init).joined(separator: ",")
        }.joined(separator: " ")
    }

    static var cases: [(String, String)] {
        let long = (0..<17_000).map { $0 % 300 == 0 ? "jalan" : "w\($0 % 97)" }.joined(separator: " ")
        return [
            ("Jalan rusak", "Jalan rusak parah di Desa Mekarsari, jalan berlubang."),
            ("", ""), ("Só", "ÆØÅ ß đ ł — Déjà vu déjà"), ("it's", "back\\slash 'quote' it's"),
            ("ulang", Array(repeating: "ulang", count: 400).joined(separator: " ")), ("panjang", long),
            // Lexemes whose order differs bytewise and by length (a prefix first), and non-ASCII after ASCII.
            ("ab a abc", "b ä aa z zz é"),
        ]
    }

    @Test func theVectorIsThePlainRulesLiteral() {
        for (title, body) in Self.cases {
            #expect(PGSearch.vector(title: title, body: body) == Self.reference(title: title, body: body), "\(title)")
        }
    }
}
