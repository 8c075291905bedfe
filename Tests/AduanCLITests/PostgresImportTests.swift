import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// `aduan import` on a PostgreSQL store (issue 14): the store's owner imports through COPY with the
/// same checks as on SQLite, in one transaction; a second import of the file finds everything; an
/// operator's role is refused and the store stays as it was.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil,
                "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test)"), .serialized)
struct PostgresImportTests {
    /// A demo store's reports exported as JSON (whole histories) and CSV.
    static func exports(count: Int) throws -> (json: String, csv: String, desk: Desk) {
        let source = Desk("pg-import-src")
        try source.demo(count: count, seed: 11)
        let json = source.scratch.file("export.json"), csv = source.scratch.file("export.csv")
        try #require(source.run(["export", "--format", "json", "--out", json]).status == 0)
        try #require(source.run(["export", "--format", "csv", "--out", csv]).status == 0)
        return (json, csv, source)
    }

    /// Everything a refused import must leave as it was.
    static func state(_ conn: PGConnection) throws -> [String] {
        var out: [String] = []
        for q in ["SELECT count(*)::text AS v FROM aduan.complaints", "SELECT count(*)::text AS v FROM aduan.events",
                  "SELECT count(*)::text AS v FROM aduan.event_views", "SELECT count(*)::text AS v FROM aduan.complaint_keys",
                  "SELECT string_agg(key || '=' || value, ',' ORDER BY key) AS v FROM aduan.meta"] {
            out.append(try conn.query(q).text(0, "v") ?? "")
        }
        return out
    }

    @Test func theOwnerImportsThroughCOPYAndASecondImportFindsEverything() throws {
        try requireBinary()
        let p = try PostgresCLITests.Province()
        try #require(p.run("owner", ["init", "--office", p.officeFile]).status == 0)
        let files = try Self.exports(count: 120)
        let owner = try p.ownerConnection()

        let records = try parseJSONArray(String(decoding: readFile(files.json) ?? [], as: UTF8.self)).count
        let first = p.run("owner", ["import", files.json])
        try #require(first.status == 0, "import: \(first.stdout) \(first.stderr)")
        #expect(first.stdout.contains("Imported \(records) "), "\(first.stdout)")
        // Piped: no progress line on stderr.
        #expect(!first.stderr.contains("\u{1B}[K"), "\(first.stderr)")
        #expect(try owner.query("SELECT count(*) AS n FROM aduan.complaints").int64(0, "n") == Int64(records))
        // Every import event carries the owner's login and the server's time, and the chain holds.
        let events = try owner.query("SELECT DISTINCT login, kind FROM aduan.events")
        #expect(events.rowCount == 1 && events.text(0, "login") == "\(p.tag)_owner" && events.text(0, "kind") == "import")
        let skew = try owner.query("SELECT max(abs(at - floor(extract(epoch FROM now())))) AS s FROM aduan.events").int64(0, "s") ?? 99
        #expect(skew < 60)
        // The same file again, and its CSV form: everything is found, nothing is written.
        let before = try Self.state(owner)
        let again = p.run("owner", ["import", files.json])
        #expect(again.status == 0 && again.stdout.contains("Imported 0 ") && again.stdout.contains("(\(records) already present"),
                "\(again.stdout) \(again.stderr)")
        #expect(try Self.state(owner) == before)

        // An operator's role is refused, in the session's language, and nothing changes.
        let roles = p.run("owner", ["office", "roles"])
        try #require(roles.status == 0)
        try owner.execute(roles.stdout)
        let verified = p.run("owner", ["verify"])
        #expect(verified.status == 0 && verified.stdout.contains("Intact"), "\(verified.stdout.prefix(3000)) \(verified.stderr)")
        let andi = p.run("andi", ["import", files.csv])
        #expect(andi.status != 0 && andi.stderr.contains("runs as the store's owner") && andi.stderr.contains("\(p.tag)_andi"), "\(andi.stderr)")
        let andiID = AduanBinary.run(["import", files.csv, "--store", p.operatorURI("andi"), "--lang", "id"],
                                     env: ["PGPASSFILE": p.passfile], in: p.desk.scratch)
        #expect(andiID.status != 0 && andiID.stderr.contains("dijalankan oleh pemilik penyimpanan"), "\(andiID.stderr)")
        #expect(try Self.state(owner) == before)
        // Nor may an operator read the re-import keys (a hash of texts it may not see).
        let conn = try PGConnection(parameters: [("host", "127.0.0.1"), ("port", p.port), ("user", "\(p.tag)_andi"), ("dbname", p.tag),
                                                 ("passfile", p.passfile), ("sslmode", "disable")])
        #expect(throws: PostgresError.self) { try conn.query("SELECT count(*) FROM aduan.complaint_keys") }
        // The operators read what they may of the imported reports (the office's rules, as for any report).
        let listed = p.run("andi", ["list"])
        #expect(listed.status == 0, "\(listed.stderr)")
    }

    @Test func aRefusedImportLeavesTheStoreAsItWas() throws {
        try requireBinary()
        let p = try PostgresCLITests.Province()
        try #require(p.run("owner", ["init", "--office", p.officeFile]).status == 0)
        let owner = try p.ownerConnection()
        let good = p.desk.scratch.write("good.csv", "title,body,agency,received_at\nJalan rusak,Lubang besar,pemkab-sukamaju,2026-03-02T09:00:00+07:00\n")
        let first = p.run("owner", ["import", good])
        try #require(first.status == 0, "\(first.stdout) \(first.stderr)")
        let before = try Self.state(owner)
        // One bad row refuses the whole file, naming the line and the field; nothing is written.
        let bad = p.desk.scratch.write("bad.csv", """
            title,body,agency,received_at
            Lampu mati,Sudah seminggu,pemkab-sukamaju,2026-03-03T09:00:00+07:00
            Sampah,Menumpuk,,2026-03-04T09:00:00+07:00
            """ + "\n")
        let refused = p.run("owner", ["import", bad])
        #expect(refused.status != 0 && refused.stderr.contains("bad.csv:3: agency: "), "\(refused.stdout) \(refused.stderr)")
        #expect(try Self.state(owner) == before)
        // With --skip-invalid the good row goes in and the bad one is named.
        let skipping = p.run("owner", ["import", bad, "--skip-invalid"])
        #expect(skipping.status == 1 && skipping.stdout.contains("Imported 1 "), "\(skipping.stdout) \(skipping.stderr)")
        #expect(try owner.query("SELECT count(*) AS n FROM aduan.complaints").int64(0, "n") == 2)
        // Again: both found, nothing written.
        let after = try Self.state(owner)
        let again = p.run("owner", ["import", bad, "--skip-invalid"])
        #expect(again.stdout.contains("Imported 0 ") && again.stdout.contains("(1 already present"), "\(again.stdout)")
        #expect(try Self.state(owner) == after)
    }

    /// Every index and constraint of the store's schema with its definition.
    static func catalog(_ conn: PGConnection) throws -> [String] {
        try conn.query("""
            SELECT tablename || ' ' || indexname || ' ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'aduan'
            UNION ALL
            SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'aduan'::regnamespace ORDER BY 1
            """).column("d").compactMap { $0 }
    }

    /// A large import into an empty store builds the indexes and foreign keys at the end of its one
    /// transaction (PGBulkIndexes.swift): killed while they are dropped, it leaves the store as it
    /// was with every index in place; run to the end, every index is there and verify is clean.
    @Test func aLargeImportIntoAnEmptyStoreKilledMidwayLeavesEveryIndexAndOneRunToTheEndVerifies() throws {
        try requireBinary()
        let p = try PostgresCLITests.Province()
        try #require(p.run("owner", ["init", "--office", p.officeFile]).status == 0)
        let owner = try p.ownerConnection()
        try owner.execute(p.run("owner", ["office", "roles"]).stdout)
        var csv = "title,body,agency,received_at\n"
        for i in 0..<3_000 {
            csv += "Laporan \(i) jalan rusak,Lubang besar di jalan desa nomor \(i),pemkab-sukamaju,2026-03-02T\(String(format2: i % 24)):\(String(format2: i % 60)):00+07:00\n"
        }
        let file = p.desk.scratch.write("large.csv", csv)
        let catalog = try Self.catalog(owner), before = try Self.state(owner)
        #expect(catalog.contains { $0.contains("complaint_texts_scoped") })

        // Killed once it holds the tables with their indexes dropped (its lock on complaints granted).
        let running = AduanBinary.spawn(AduanBinary.path, ["import", file, "--store", p.owner, "--lang", "en"],
                                        env: ["PGPASSFILE": p.passfile], stdin: nil, scratch: p.desk.scratch)
        var seen = false
        for _ in 0..<6_000 where !seen {
            seen = try owner.query("""
                SELECT count(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                WHERE c.relname = 'complaint_texts' AND l.mode = 'AccessExclusiveLock' AND l.granted AND l.pid <> pg_backend_pid()
                """).int64(0, "n") ?? 0 > 0
            if !seen { usleep(5_000) }
        }
        kill(running.pid, SIGKILL)
        let killed = running.wait()
        #expect(seen, "the import never dropped the indexes: \(killed.stdout) \(killed.stderr)")
        #expect(killed.status == 128 + SIGKILL, "\(killed.stdout) \(killed.stderr)")
        // The server rolls the killed session's transaction back once it sees the socket close.
        var left = before
        for _ in 0..<200 {
            left = try Self.state(owner)
            if try owner.query("SELECT count(*) AS n FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()",
                               [.text("\(p.tag)_owner")]).int64(0, "n") == 0 { break }
            usleep(50_000)
        }
        #expect(left == before)
        #expect(try Self.catalog(owner) == catalog)

        let imported = p.run("owner", ["import", file])
        #expect(imported.status == 0 && imported.stdout.contains("Imported 3,000 "), "\(imported.stdout) \(imported.stderr)")
        #expect(try Self.catalog(owner) == catalog)
        #expect(try owner.query("SELECT count(*) AS n FROM aduan.complaint_texts").int64(0, "n") == 6_000)
        let verified = p.run("owner", ["verify"])
        #expect(verified.status == 0 && verified.stdout.contains("Intact"), "\(verified.stdout.prefix(3000)) \(verified.stderr)")
        // Searching through the rebuilt index finds a report as an operator.
        let found = p.run("andi", ["list", "jalan"])
        #expect(found.status == 0, "\(found.stderr)")
    }
}

private extension String {
    /// Two digits, zero-padded.
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
