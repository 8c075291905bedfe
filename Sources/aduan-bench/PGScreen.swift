import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// The two-backend screen table (issue 14): the real `aduan` screen under a pseudo-terminal,
/// key → frame as the screen itself records it (ADUAN_PROFILE), on the SQLite demo store and on
/// the PostgreSQL store made from it, by the same operator with the same keys, so both columns
/// are the same measurement and the third is their ratio. On PostgreSQL the screen connects as
/// the operator's own database role (row-level security on) through the bench's location; an
/// internal note goes through the command queue and the store's writer (`aduan serve`, started for
/// the notes session) and is measured from the key to the repainted screen, as on SQLite.
extension PGBench {
    /// The table's columns for one size: SQLite, PostgreSQL, PostgreSQL ÷ SQLite.
    static func screenColumn(_ size: Int, _ part: Int) -> Int { size * 4 + part }

    static func screenTable(sizes: [Int]) -> Table {
        var columns: [Int] = []
        var headers: [Int: String] = [:]
        for size in sizes {
            for (part, name) in ["SQLite", "PostgreSQL", "PG ÷ SQLite"].enumerated() {
                columns.append(screenColumn(size, part))
                headers[screenColumn(size, part)] = "\(name) \(Format.grouped(size))"
            }
        }
        let t = Table(sizes: columns, headers: headers, judged: sizes.last.map { screenColumn($0, 1) })
        Bench.defineScreenRows(t)
        return t
    }

    /// The operator's location on PostgreSQL: the bench's location with the operator's role as user.
    var operatorLocation: String {
        if conninfo.contains("://") { return conninfo + (conninfo.contains("?") ? "&" : "?") + "user=\(role)" }
        return conninfo + " user=\(role)"
    }

    func screenFail(_ key: String, _ column: Int, _ what: String) {
        failed = true
        Log.warn(what)
        screen.set(key, size: column, Cell("failed (see stderr)"))
    }

    /// Both backends' screen columns for one size (after `measure` made the PostgreSQL store).
    func measureScreens(_ size: Int, _ path: String) {
        let name = Format.grouped(size)
        let words = shell?.vocabulary(path) ?? (rare: "perjudian", common: "di")
        let rows = StoreStatements.open(path, operators: operators, viewer: me)?.listRows ?? size * 8 / 10
        let script = KeyScript(keys: options.keys, budget: options.budget, listRows: rows, rareWord: words.rare, commonWord: words.common)
        let backends: [(part: Int, label: String, store: String, driver: ScreenDriver)] = [
            (0, "SQLite", path, ScreenDriver(bench: env, operatorID: me.id)),
            (1, "PostgreSQL", operatorLocation, ScreenDriver(bench: env, operatorID: me.id, environment: pgEnvironment)),
        ]
        for b in backends {
            let column = Self.screenColumn(size, b.part)
            Log.progress("\(name): \(b.label) screen, cold starts")
            let cold = b.driver.coldStarts(store: b.store, runs: options.runs)
            if let p = cold.problem {
                screenFail("cold", column, "\(name) \(b.label) screen: cold start: \(p)")
                continue
            } else if let s = Stats(cold.samples) {
                screen.set("cold", size: column, Cell("\(Format.ms(s.median)) (max \(Format.ms(s.max)), \(s.count))", s.median))
            }
            Log.progress("\(name): \(b.label) screen, keys")
            let main = b.driver.session(store: b.store, name: "screen-\(b.label)-\(size)") { s, r in script.run(s, &r) }
            if let p = main.problem { screenFail("move", column, "\(name) \(b.label) screen session: \(p)") }
            _ = Bench.fillKeys(screen, column: column, main, words)
            screenNotes(size, column, b.label, b.store, b.driver, path)
        }
        screenRatios(size)
    }

    /// Internal notes through the note dialog: on SQLite on a copy of the demo store (which stays
    /// as it was); on PostgreSQL with the store's writer running, through the queue.
    func screenNotes(_ size: Int, _ column: Int, _ label: String, _ store: String, _ driver: ScreenDriver, _ path: String) {
        guard options.actions > 0 else { return }
        Log.progress("\(Format.grouped(size)): \(label) screen, notes")
        var target = store
        var writer: pid_t?
        let copy = "\(env.work)/screen-notes-\(size).db"
        defer {
            if let writer { stopWriter(writer) }
            FileSystem.removeStore(copy)
        }
        if label == "SQLite" {
            let cp = Spawn.run(["/bin/cp", path, copy], env: env.baseEnvironment, log: env.scratch("cp.log"))
            if FileSystem.exists(path + "-wal") { _ = Spawn.run(["/bin/cp", path + "-wal", copy + "-wal"], env: env.baseEnvironment, log: env.scratch("cp.log")) }
            guard cp.ok else { screenFail("action", column, "copying the SQLite store: \(cp.tail)"); return }
            target = copy
        } else {
            let conn = try? PGConnection(parameters: [("dbname", conninfo), ("user", role), ("application_name", "aduan-bench writer check")])
            guard let conn, let pg = try? PGOperatorStore(conn: conn, conninfo: conninfo, context: office.context),
                  let w = startWriter(pg, drain: true) else {
                screenFail("action", column, "\(Format.grouped(size)): aduan serve did not start for the screen's notes")
                return
            }
            writer = w
        }
        let actions = options.actions, budget = options.budget
        let r = driver.session(store: target, name: "screen-notes-\(label)-\(size)") { s, r in
            r.sent["note"] = KeyScript.notes(s, count: actions, budget: budget)
        }
        if let p = r.problem { screenFail("action", column, "\(Format.grouped(size)) \(label) notes session: \(p)"); return }
        let s = r.profile.stats("action-apply")
        if s == nil { Log.warn("\(Format.grouped(size)) \(label): the profile has no \"action-apply\" samples") }
        screen.set("action", size: column, Bench.cell(s))
    }

    /// PostgreSQL ÷ SQLite for every row both columns have a number for (p99s; cold starts: medians).
    func screenRatios(_ size: Int) {
        let lite = Self.screenColumn(size, 0), pg = Self.screenColumn(size, 1), ratio = Self.screenColumn(size, 2)
        for key in ["cold", "move", "page", "last", "first", "open", "back", "view3", "view4", "view1", "limit", "search-rare",
                    "search-common", "action", "rss"] {
            guard let a = screen.value(key, size: lite), let b = screen.value(key, size: pg) else { continue }
            screen.set(key, size: ratio, Cell("\(Format.fixed(b / max(a, 0.001), 1))×"))
        }
    }
}
