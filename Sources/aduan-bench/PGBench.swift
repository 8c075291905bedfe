import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// `aduan-bench --postgresql LOCATION` (issue 14): the two-backend table at the store level.
/// For each size the SQLite demo store (made or reused as for the screen table) is copied into
/// a PostgreSQL store through the COPY path (`PGStore.bulkInsertHistories`: the same histories,
/// the same hash chain), then the same operator reads both stores the way the screen does, through
/// the store each backend offers the screen: `ComplaintStore` on SQLite, `PGOperatorStore`
/// connected as the operator's own database role (row-level security on) over the location
/// given (a Unix socket for the figures). Each PostgreSQL figure is printed with the
/// SQLite figure of the same run and their ratio. These are store calls; the second table
/// (PGScreen.swift) has the real screen's key-to-frame times on both backends.
///
/// The location's role must be able to create the `aduan` schema and roles (CREATEROLE). A store
/// the bench made is marked (a comment on the schema) and reused for the same size and seed;
/// any other `aduan` schema is refused.
final class PGBench {
    let options: Options
    let env: BenchEnvironment
    let operators: Operators
    let me: Actor
    let conninfo: String
    let table: Table
    /// The two-backend screen table (PGScreen.swift): key → frame on SQLite and on PostgreSQL.
    let screen: Table
    let shell: SQLiteShell?
    /// Set when a figure is missing because something failed (exit 1).
    var failed = false
    /// The office as the PostgreSQL store keeps it: each login a role named bench_<login>.
    let officeJSON: String
    let office: OfficeConfig
    let now: Timestamp

    init?(options: Options, env: BenchEnvironment, operators: Operators, me: Actor, conninfo: String) {
        self.options = options
        self.env = env
        self.operators = operators
        self.me = me
        self.conninfo = conninfo
        table = Table(sizes: options.sizes)
        screen = Self.screenTable(sizes: options.sizes)
        shell = env.sqlite3.map { SQLiteShell(path: $0, bench: env) }
        // The admin's login also wears the monitor's hat in the example office; on PostgreSQL a
        // login's rows are the union of its operators', so the monitor gets a login of its own.
        officeJSON = BuiltInConfig.json.replacing("\"logins\": [\"siti\", \"kominfo\"]", with: "\"logins\": [\"kominfo\"]")
            .replacing("\"logins\": [\"", with: "\"logins\": [\"bench_")
        guard case .success(let o) = OfficeConfig.parse(officeJSON, file: "bench-office.json"),
              case .success(let now) = Timestamp.parseISO8601(BenchEnvironment.now) else { return nil }
        office = o
        self.now = now
        define()
    }

    var role: String { office.operators.first { $0.id == me.id }?.logins.first ?? "bench_\(me.id)" }

    func define() {
        let t = table
        t.define("pg-load", "PostgreSQL store loaded through COPY from the SQLite store's histories, complaints/s", .atLeast(50_000, "≥ 50,000/s"))
        t.define("pg-first", "First inbox page (connect as the operator + 140 rows), ms: PostgreSQL median (max) · SQLite · ratio", .atMost(100, "≤ 100 ms"))
        t.define("pg-page", "Next page (70 rows after the last), ms: PostgreSQL p50 / p99 · SQLite p99 · ratio", .atMost(5, "p99 ≤ 5 ms"))
        t.define("pg-open", "Open a report (report + timeline), ms", .atMost(5, "p99 ≤ 5 ms"))
        t.define("pg-move", "Move ↓/↑: no store call on either backend (rows are read a page at a time)")
        t.define("pg-filter", "Filter (status:proses OR terlambat), first page, ms", .atMost(30, "p99 ≤ 30 ms"))
        t.define("pg-search", "Selective search (rarest word), first page, ms", .atMost(30, "p99 ≤ 30 ms"))
        t.define("pg-action", "Internal note: submit → writer's commit → visible to the operator, ms", .atMost(30, "p99 ≤ 30 ms"))
        t.define("pg-notify", "A second connection sees another operator's note (PG: LISTEN/NOTIFY; SQLite: data_version), ms", .atMost(1000, "≤ 1 s"))
        t.define("pg-floor", "First page (140 rows) as one statement in `psql` as the operator's role → Aduan's first page without connecting")
        t.define("pg-size", "PostgreSQL store size (the aduan schema) vs SQLite file")
    }

    func fail(_ key: String, _ size: Int, _ what: String) {
        failed = true
        Log.warn("\(Format.grouped(size)): \(what)")
        table.set(key, size: size, Cell("failed (see stderr)"))
    }

    func run(screen: Bench) {
        for size in options.sizes {
            let store = "\(env.work)/demo-\(size).db"
            guard screen.generate(size, store) else { continue }
            measure(size, store)
            measureScreens(size, store)
        }
        Log.clearProgress()
    }

    /// Times `body` `n` times (ms), stopping early after the budget.
    func sample(_ n: Int, _ body: (Int) throws -> Void) rethrows -> Stats? {
        var out: [Double] = []
        let end = monotonic() + options.budget
        for i in 0..<n {
            let t = monotonic()
            try body(i)
            out.append((monotonic() - t) * 1000)
            if monotonic() > end { break }
        }
        return Stats(out)
    }

    /// "PG p50 / p99 · SQLite p99 · ratio ×" with the PG p99 as the value judged.
    func cell(_ pg: Stats?, _ lite: Stats?, median: Bool = false) -> Cell {
        guard let pg, let lite else { return Cell("no samples") }
        if median {
            return Cell("\(Format.ms(pg.median)) (max \(Format.ms(pg.max))) · SQLite \(Format.ms(lite.median)) · \(Format.fixed(pg.median / max(lite.median, 0.001), 1))×", pg.median)
        }
        let p99 = pg.percentile(99), l99 = lite.percentile(99)
        return Cell("\(Format.ms(pg.median)) / \(Format.ms(p99)) · SQLite \(Format.ms(l99)) · \(Format.fixed(p99 / max(l99, 0.001), 1))×", p99)
    }

    func measure(_ size: Int, _ path: String) {
        let name = Format.grouped(size)
        guard let owner = try? PGConnection(parameters: [("dbname", conninfo), ("application_name", "aduan-bench")]) else {
            fail("pg-load", size, "cannot connect to \(conninfo) as the store's owner")
            return
        }
        guard load(size, path, owner) else { return }
        if options.loadOnly { return }
        guard let lite = try? ComplaintStore.open(path: path, context: operators.config.context, readOnly: true) else {
            fail("pg-first", size, "\(path): the SQLite store does not open")
            return
        }
        let context = office.context
        let sqliteMe = me
        let pgMe = office.operators.first { $0.id == me.id } ?? me
        func connect() throws -> PGOperatorStore {
            let conn = try PGConnection(parameters: [("dbname", conninfo), ("user", role), ("application_name", "aduan-bench operator")])
            try PGOperatorStore.check(conn, location: conninfo)
            return try PGOperatorStore(conn: conn, conninfo: conninfo, context: context)
        }
        let inbox = InboxQuery(viewer: sqliteMe)
        do {
            // First page: connect (or open) and read 140 rows, as the screen's first frame does.
            Log.progress("\(name): PostgreSQL first page")
            let pgFirst = try sample(options.runs) { _ in _ = try connect().page(inbox, after: nil, limit: 140, now: now) }
            let liteFirst = try sample(options.runs) { _ in
                let s = try ComplaintStore.open(path: path, context: operators.config.context, readOnly: true)
                _ = try s.page(inbox, limit: 140, now: now)
            }
            table.set("pg-first", size: size, cell(pgFirst, liteFirst, median: true))

            let pg = try connect()
            // Pages: walk forward 70 rows at a time from the top, as PgDn does.
            Log.progress("\(name): pages")
            var pgCursor: PageCursor?, liteCursor: PageCursor?
            let pgPage = try sample(options.keys / 10) { _ in
                let rows = try pg.page(inbox, after: pgCursor, limit: 70, now: now)
                pgCursor = rows.last.map { PageCursor(key: $0.sortKey, id: $0.id) }
            }
            let litePage = try sample(options.keys / 10) { _ in
                let rows = try lite.page(inbox, after: liteCursor, limit: 70, now: now)
                liteCursor = rows.last?.cursor
            }
            table.set("pg-page", size: size, cell(pgPage, litePage))
            table.set("pg-move", size: size, Cell("in memory on both (see the screen table)"))

            // Open: the report and its timeline, for reports of the first pages.
            Log.progress("\(name): open")
            let ids = try lite.page(inbox, limit: 700, now: now).map(\.id)
            guard !ids.isEmpty else { fail("pg-open", size, "the inbox is empty"); return }
            let pgOpen = try sample(options.keys) { i in _ = try pg.complaint(ids[i % ids.count]); _ = try pg.events(of: ids[i % ids.count]) }
            let liteOpen = try sample(options.keys) { i in _ = try lite.complaint(ids[i % ids.count]); _ = try lite.events(of: ids[i % ids.count]) }
            table.set("pg-open", size: size, cell(pgOpen, liteOpen))

            // Filter and selective search: the first page of each.
            let vocabulary = FilterVocabulary(directory: context.directory)
            let word = shell?.vocabulary(path)?.rare ?? "perjudian"
            for (key, text) in [("pg-filter", "status:proses OR terlambat"), ("pg-search", word)] {
                Log.progress("\(name): \(key)")
                guard case .success(let filter) = FilterParser.parse(text, vocabulary: vocabulary) else { fail(key, size, "«\(text)» does not parse"); continue }
                var q = inbox
                q.filter = filter
                let pgS = try sample(options.keys / 10) { _ in _ = try pg.page(q, after: nil, limit: 140, now: now) }
                let liteS = try sample(options.keys / 10) { _ in _ = try lite.page(q, limit: 140, now: now) }
                var c = cell(pgS, liteS)
                if key == "pg-search" { c.text += " «\(word)»" + (pg.conn.searchByAudience ? " by keys" : " under RLS") }
                table.set(key, size: size, c)
            }

            floor(size, pg, inbox)
            actions(size, path, pg, ids, pgMe, sqliteMe)
            storeSize(size, path, owner)
        } catch {
            fail("pg-first", size, "PostgreSQL: \(error)")
        }
    }

    /// The psql floor: the first page's rows (whole `complaints` rows) in one statement, with the
    /// store's own WHERE clause (`PGStore.pageStatement`), run by psql as the operator's role.
    func floor(_ size: Int, _ pg: PGOperatorStore, _ inbox: InboxQuery) {
        guard let psql = FileSystem.onPath("psql") else { Log.warn("psql not found: no floor"); return }
        let (sql, values) = PGStore.pageStatement(inbox, after: nil, limit: 140, now: now, context: office.context, columns: "c.*")
        var literal = sql
        for (i, v) in values.enumerated().reversed() {
            let text: String
            switch v {
            case .null: text = "NULL"
            case .int(let n): text = String(n)
            case .bool(let b): text = b ? "true" : "false"
            case .text(let t): text = PGConnection.quoteLiteral(t)
            case .bytes: text = "NULL"
            }
            literal = literal.replacing("$\(i + 1)", with: text)
        }
        func timed(_ body: String, _ repeats: Int) -> Double? {
            let script = env.scratch("floor.sql")
            _ = FileSystem.writeText(script, String(repeating: body, count: repeats))
            defer { unlink(script) }
            let r = Spawn.run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-U", role, "-f", script],
                              env: env.baseEnvironment + passEnvironment(), stdoutPath: "/dev/null", log: env.scratch("psql.log"))
            return r.ok ? r.seconds : nil
        }
        let body = literal + ";\n", empty = "SELECT 1;\n"
        guard let q10 = timed(body, 10), let e10 = timed(empty, 10) else {
            Log.warn("\(Format.grouped(size)): psql failed on the first page's statement")
            table.set("pg-floor", size: size, Cell("psql failed"))
            return
        }
        let repeats = min(2000, max(10, Int(0.5 / max(1e-6, (q10 - e10) / 10))))
        var best = Double.infinity
        for _ in 0..<3 {
            guard let q = timed(body, repeats), let e = timed(empty, repeats) else { return }
            best = min(best, max(0, q - e) / Double(repeats))
        }
        let aduan = (try? sample(max(5, options.runs)) { _ in _ = try pg.page(inbox, after: nil, limit: 140, now: now) })?.flatMap { $0 }
        guard let aduan else { return }
        let floorMs = best * 1000
        table.set("pg-floor", size: size, Cell("\(Format.ms(floorMs)) ms → \(Format.ms(aduan.median)) ms = \(Format.fixed(aduan.median / max(floorMs, 0.001), 1))×",
                                               aduan.median / max(floorMs, 0.001)))
    }

    /// libpq's variables pass to psql and the writer (a passfile or service file, never a password).
    func passEnvironment() -> [String] {
        let names: [String] = ["PGPASSFILE", "PGSERVICEFILE", "PGSYSCONFDIR", "PGHOST", "PGPORT"]
        return names.compactMap { (n: String) -> String? in getenv(n).map { "\(n)=\(String(cString: $0))" } }
    }

    func storeSize(_ size: Int, _ path: String, _ owner: PGConnection) {
        let bytes = (try? owner.query("""
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS b FROM pg_class c
            WHERE c.relnamespace = 'aduan'::regnamespace AND c.relkind IN ('r', 'm')
            """).int64(0, "b")).flatMap { $0 } ?? 0
        let lite = FileSystem.size(path) + FileSystem.size(path + "-wal")
        table.set("pg-size", size: size, Cell("\(Format.mib(Double(bytes))) · SQLite \(Format.mib(Double(lite))) · \(Format.fixed(Double(bytes) / Double(max(lite, 1)), 1))×"))
    }
}
