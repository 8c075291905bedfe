import AduanCore
import AduanStore
import Glibc

/// Runs every measurement for every size and fills the table.
final class Bench {
    let options: Options
    let env: BenchEnvironment
    let operators: Operators
    let me: Actor
    let table: Table
    let shell: SQLiteShell?
    /// Set when an `aduan` command failed, so a figure is missing (exit 1).
    private(set) var failed = false

    init(options: Options, env: BenchEnvironment, operators: Operators, me: Actor) {
        self.options = options
        self.env = env
        self.operators = operators
        self.me = me
        table = Table(sizes: options.sizes)
        shell = env.sqlite3.map { SQLiteShell(path: $0, bench: env) }
        defineRows()
    }

    func defineRows() {
        let t = table
        t.define("generate", "Generate demo store (`aduan demo --seed \(options.seed)`), complaints/s")
        t.define("size", "Store size (file + -wal)")
        t.define("export", "Export all to CSV (`aduan export`), complaints/s")
        t.define("import", "Import that CSV into a new store (`aduan import`, search index included), complaints/s", .atLeast(50_000, "≥ 50,000/s"))
        Self.defineScreenRows(t)
        t.define("rss-ratio", "Peak RSS, largest size ÷ smallest", .atMost(1.5, "≤ 1.5×"))
        t.define("floor-first", "First page (140 rows): sqlite3 shell floor → Aduan Home p50", .atMost(3, "≤ 3× floor"))
        t.define("floor-rare", "Selective search: sqlite3 floor → Aduan p50")
        t.define("floor-common", "Broad search: sqlite3 floor → Aduan p50")
        t.define("verify", "`aduan verify`, s")
        t.define("report", "`aduan report` as \(operators.supervisor?.id ?? "supervisor"), s")
    }

    /// The key-to-frame rows, shared by the two-backend screen table (PGScreen.swift).
    static func defineScreenRows(_ t: Table) {
        t.define("cold", "Cold start to first complete inbox frame, ms: median (max, runs)", .atMost(100, "median ≤ 100 ms"))
        t.define("move", "Move ↓/↑, ms: p50 / p99 / max (keys)", .atMost(5, "p99 ≤ 5 ms"))
        t.define("page", "Page PgDn/PgUp, ms", .atMost(5, "p99 ≤ 5 ms"))
        t.define("last", "Jump to end (End), ms")
        t.define("first", "Jump to top (Home: first page again), ms")
        t.define("open", "Open detail (Enter), ms", .atMost(5, "p99 ≤ 5 ms"))
        t.define("back", "Back from detail (q), ms")
        t.define("view3", "Switch to Deadlines (3), ms", .atMost(50, "p99 ≤ 50 ms"))
        t.define("view4", "Switch to Dashboard (4), ms", .atMost(50, "p99 ≤ 50 ms"))
        t.define("view1", "Back to Inbox (1), ms")
        t.define("limit", "Filter applied (`l` status:proses or terlambat, Enter), ms", .atMost(30, "p99 ≤ 30 ms"))
        t.define("search-rare", "Selective search (`/` rarest word, Enter), ms", .atMost(30, "p99 ≤ 30 ms"))
        t.define("search-common", "Broad search (`/` commonest word, Enter), ms", .atMost(300, "p99 ≤ 300 ms"))
        t.define("action", "Internal note saved (`m`, text, Ctrl-S: commit + repaint), ms", .atMost(30, "p99 ≤ 30 ms"))
        t.define("rss", "Peak RSS of the screen after all keys (VmHWM)", .atMost(60, "≤ 60 MiB"))
        t.define("maxrss", "Peak RSS at exit (wait4 ru_maxrss), a check")
    }

    func run() {
        if shell == nil { Log.warn("sqlite3 not found (apt-get install sqlite3, or --sqlite3 PATH): the floor rows are left out and search words are fixed") }
        for size in options.sizes { measure(size) }
        rssRatio()
        Log.clearProgress()
    }

    func fail(_ key: String, _ size: Int, _ what: String) {
        failed = true
        Log.warn("\(Format.grouped(size)): \(what)")
        table.set(key, size: size, Cell("failed (see stderr)"))
    }

    func aduan(_ args: [String], stdout: String? = nil, extraEnv: [String] = []) -> Finished {
        Spawn.run([env.aduan] + args, env: env.baseEnvironment + extraEnv, stdoutPath: stdout, log: env.scratch("aduan.log"))
    }

    // MARK: one size

    func measure(_ size: Int) {
        let name = Format.grouped(size)
        let store = "\(env.work)/demo-\(size).db"
        guard generate(size, store) else { return }
        table.set("size", size: size, Cell(storeSize(store, size)))

        Log.progress("\(name): cold starts")
        let driver = ScreenDriver(bench: env, operatorID: me.id)
        let cold = driver.coldStarts(store: store, runs: options.runs)
        if let p = cold.problem { fail("cold", size, "cold start: \(p)") } else if let s = Stats(cold.samples) {
            table.set("cold", size: size, Cell("\(Format.ms(s.median)) (max \(Format.ms(s.max)), \(s.count))", s.median))
        }

        let words = shell?.vocabulary(store) ?? (rare: "perjudian", common: "di")
        let rows = StoreStatements.open(store, operators: operators, viewer: me)?.listRows ?? size * 8 / 10
        Log.progress("\(name): keys")
        let script = KeyScript(keys: options.keys, budget: options.budget, listRows: rows, rareWord: words.rare, commonWord: words.common)
        let main = driver.session(store: store, name: "keys-\(size)") { s, r in script.run(s, &r) }
        let latencies = recordKeys(size, main, words)

        if let shell { floors(size, store, shell, latencies, words) }
        timeCommand("verify", size, ["verify", "--store", store])
        timeCommand("report", size, ["report", "--store", store] + (operators.supervisor.map { ["--as", $0.id] } ?? []))
        exportImport(size, store, driver)
    }

    /// Makes demo-N.db, or reuses one made earlier with the same count, seed and clock.
    func generate(_ size: Int, _ store: String) -> Bool {
        let meta = store + ".meta"
        let wanted = "count=\(size) seed=\(options.seed) now=\(BenchEnvironment.now)"
        if !options.regenerate, FileSystem.exists(store), let old = FileSystem.readText(meta), old.hasPrefix(wanted + " ") {
            let rate = old.split(separator: " ").first { $0.hasPrefix("rate=") }.map { String($0.dropFirst(5)) } ?? "?"
            table.set("generate", size: size, Cell("reused (\(rate)/s when made)"))
            return true
        }
        FileSystem.removeStore(store)
        unlink(meta)
        Log.progress("\(Format.grouped(size)): generating the demo store")
        let r = aduan(["demo", "--count", "\(size)", "--seed", "\(options.seed)", "--store", store])
        guard r.ok else {
            fail("generate", size, "aduan demo failed (exit \(r.status)): \(r.tail)")
            return false
        }
        let rate = Double(size) / r.seconds
        FileSystem.writeText(meta, wanted + " rate=\(Format.grouped(Int(rate))) seconds=\(Format.fixed(r.seconds, 1))\n")
        table.set("generate", size: size, Cell("\(Format.grouped(Int(rate)))/s (\(Format.fixed(r.seconds, 1)) s)", rate))
        return true
    }

    func storeSize(_ store: String, _ size: Int) -> String {
        let bytes = Double(FileSystem.size(store) + FileSystem.size(store + "-wal"))
        return "\(Format.mib(bytes)) (\(Format.fixed(bytes / Double(size) / 1024, 1)) KiB each)"
    }

    // MARK: keys

    static func cell(_ s: Stats?, _ note: String = "") -> Cell {
        guard let s else { return Cell("no samples") }
        return Cell("\(Format.ms(s.median)) / \(Format.ms(s.percentile(99))) / \(Format.ms(s.max)) (\(Format.grouped(s.count)))\(note)", s.percentile(99))
    }

    /// Fills the key rows from the main session; returns the stats the floors compare with.
    func recordKeys(_ size: Int, _ r: SessionResult, _ words: (rare: String, common: String)) -> [String: Stats] {
        describe(size, "keys", r)
        if let p = r.problem { fail("move", size, "screen session: \(p)") }
        return Self.fillKeys(table, column: size, r, words)
    }

    /// Puts one screen session's latencies into `table`'s column; returns the stats by row.
    static func fillKeys(_ table: Table, column size: Int, _ r: SessionResult, _ words: (rare: String, common: String)) -> [String: Stats] {
        var out: [String: Stats] = [:]
        for label in ["move", "page", "last", "first", "open", "back", "view3", "view4", "view1"] {
            let s = r.profile.stats(label)
            if s == nil && r.problem == nil { Log.warn("\(Format.grouped(size)): the profile has no \"\(label)\" samples") }
            out[label] = s
            table.set(label, size: size, cell(s))
        }
        let limit = r.profile.stats("limit-apply")
        table.set("limit", size: size, cell(limit))
        // Both searches record "search-apply", selective ones first: split by how many of each were sent.
        let all = r.profile.samples["search-apply"] ?? []
        let rare = r.sent["search-selective"] ?? 0, common = r.sent["search-broad"] ?? 0
        var note = ""
        if all.count != rare + common {
            note = " ≈"
            Log.warn("\(Format.grouped(size)): \(all.count) search samples for \(rare + common) searches; the split between selective and broad is approximate")
        }
        let rareStats = Stats(Array(all.prefix(rare))), commonStats = Stats(Array(all.dropFirst(rare)))
        table.set("search-rare", size: size, cell(rareStats, " «\(words.rare)»" + note))
        table.set("search-common", size: size, cell(commonStats, " «\(words.common)»" + note))
        out["search-rare"] = rareStats
        out["search-common"] = commonStats
        if let peak = r.peakResident { table.set("rss", size: size, Cell(Format.mib(peak), peak / 1_048_576)) }
        if let m = r.maxResident { table.set("maxrss", size: size, Cell(Format.mib(m), m / 1_048_576)) }
        return out
    }

    /// With --verbose: what was sent and what the profile holds, to check the labels.
    func describe(_ size: Int, _ name: String, _ r: SessionResult) {
        guard options.verbose else { return }
        Log.clearProgress()
        let sent = r.sent.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let labels = r.profile.samples.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.count)" }.joined(separator: ", ")
        let memory = r.memoryAfter.map { "\($0.phase) \(Format.mib($0.bytes))" }.joined(separator: ", ")
        Log.writeErr("\(Format.grouped(size)) \(name) session: sent \(sent)\n  profile: \(labels)\n")
        if !memory.isEmpty { Log.writeErr("  VmHWM after: \(memory)\n") }
    }

    func rssRatio() {
        guard options.sizes.count >= 2, let small = options.sizes.first, let large = options.sizes.last,
              let a = table.value("rss", size: small), let b = table.value("rss", size: large), a > 0 else { return }
        table.set("rss-ratio", size: large, Cell("\(Format.fixed(b / a, 2))× (vs \(Format.grouped(small)))", b / a))
    }

    // MARK: sqlite3 floor

    func floors(_ size: Int, _ store: String, _ shell: SQLiteShell, _ keys: [String: Stats], _ words: (rare: String, common: String)) {
        Log.progress("\(Format.grouped(size)): sqlite3 floor")
        // The store's own statements, recorded with their values (no copy of its SQL).
        guard let statements = StoreStatements.open(store, operators: operators, viewer: me) else {
            Log.warn("\(Format.grouped(size)): the store could not be opened to record its statements; the floor rows are left out")
            return
        }
        if let firstPage = statements.firstPage() { compare("floor-first", size, store, shell, firstPage, keys["first"]) }
        for (key, word) in [("floor-rare", words.rare), ("floor-common", words.common)] {
            guard let search = statements.search(word) else { continue }
            compare(key, size, store, shell, search, keys[key == "floor-rare" ? "search-rare" : "search-common"])
        }
    }

    func compare(_ key: String, _ size: Int, _ store: String, _ shell: SQLiteShell, _ recorded: [String], _ aduan: Stats?) {
        let statements = recorded.map { $0 + ";" }
        if options.verbose {
            Log.clearProgress()
            Log.writeErr("\(Format.grouped(size)) \(key): the store's statements, with their values:\n" + statements.map { "  \($0)\n" }.joined())
        }
        guard let floor = shell.floor(store, statements) else {
            Log.warn("\(Format.grouped(size)): the sqlite3 shell failed on: \(statements.joined(separator: " "))")
            table.set(key, size: size, Cell("sqlite3 failed"))
            return
        }
        let floorMs = floor * 1000
        guard let aduan else { table.set(key, size: size, Cell("\(Format.ms(floorMs)) ms → no Aduan samples")); return }
        let ratio = aduan.median / max(floorMs, 0.001)
        table.set(key, size: size, Cell("\(Format.ms(floorMs)) ms → \(Format.ms(aduan.median)) ms = \(Format.fixed(ratio, 1))×", ratio))
    }

    // MARK: commands

    func timeCommand(_ key: String, _ size: Int, _ args: [String]) {
        Log.progress("\(Format.grouped(size)): aduan \(args[0])")
        // Long runs are timed once; short ones three times for a median.
        let runs = size > 100_000 ? 1 : 3
        var times: [Double] = []
        for _ in 0..<runs {
            let r = aduan(args, stdout: "/dev/null")
            guard r.ok else { fail(key, size, "aduan \(args[0]) failed (exit \(r.status)): \(r.tail)"); return }
            times.append(r.seconds)
        }
        let s = Stats(times)!
        table.set(key, size: size, Cell(Format.fixed(s.median, 2) + (runs > 1 ? " (median of \(runs))" : ""), s.median))
    }

    /// Export everything to CSV, import it into a fresh store, then add notes on that copy (so the
    /// reusable demo store never changes).
    func exportImport(_ size: Int, _ store: String, _ driver: ScreenDriver) {
        let csv = "\(env.work)/export-\(size).csv"
        let copy = "\(env.work)/import-\(size).db"
        unlink(csv)
        FileSystem.removeStore(copy)
        defer {
            if !options.keep {
                unlink(csv)
                FileSystem.removeStore(copy)
            }
        }
        Log.progress("\(Format.grouped(size)): export")
        // English messages, so the counts below can be read from them.
        let viewer = operators.seesEverything.map { ["--as", $0.id] } ?? []
        let ex = aduan(["export", "--store", store, "--out", csv, "--lang", "en"] + viewer)
        guard ex.ok else { fail("export", size, "aduan export failed (exit \(ex.status)): \(ex.tail)"); return }
        let exported = Self.number(after: "Exported ", in: ex.output) ?? size
        table.set("export", size: size, Cell("\(Format.grouped(Int(Double(exported) / ex.seconds)))/s (\(Format.fixed(ex.seconds, 1)) s, \(Format.mib(Double(FileSystem.size(csv)))))"))

        Log.progress("\(Format.grouped(size)): import")
        // Into an empty training store (not timed): the bench freezes the clock with ADUAN_NOW,
        // which only training stores honour (issue 13).
        let made = aduan(["init", "--training", "--store", copy, "--lang", "en"])
        guard made.ok else { fail("import", size, "aduan init --training failed (exit \(made.status)): \(made.tail)"); return }
        // The export holds every agency's reports; an admin imports only their own agency's
        // (issue 13), so the others are skipped as invalid and the rate counts what was written.
        let im = aduan(["import", csv, "--store", copy, "--skip-invalid", "--lang", "en"])
        // Exit 1 with --skip-invalid means rows were skipped; the import itself went through.
        guard im.ok || (im.status == 1 && Self.number(after: "Imported ", in: im.output) != nil) else {
            fail("import", size, "aduan import failed (exit \(im.status)): \(im.tail)"); return
        }
        let imported = Self.number(after: "Imported ", in: im.output) ?? exported
        let skipped = exported - imported
        let rate = Double(imported) / im.seconds
        let note = skipped > 0 ? "; \(Format.grouped(skipped)) of \(Format.grouped(exported)) skipped: another agency's, or already present" : ""
        table.set("import", size: size, Cell("\(Format.grouped(Int(rate)))/s (\(Format.grouped(imported)) in \(Format.fixed(im.seconds, 1)) s\(note))", rate))
        if skipped > 0 { Log.warn("\(Format.grouped(size)): import: \(im.tail)") }

        guard options.actions > 0 else { return }
        Log.progress("\(Format.grouped(size)): notes")
        let actions = options.actions, budget = options.budget
        let r = driver.session(store: copy, name: "notes-\(size)") { s, r in
            r.sent["note"] = KeyScript.notes(s, count: actions, budget: budget)
        }
        describe(size, "notes", r)
        if let p = r.problem { fail("action", size, "notes session: \(p)"); return }
        let s = r.profile.stats("action-apply")
        if s == nil { Log.warn("\(Format.grouped(size)): the profile has no \"action-apply\" samples") }
        table.set("action", size: size, Self.cell(s))
    }

    /// The whole number right after `prefix` in a command's message ("Exported 1,000,000 complaint(s)").
    static func number(after prefix: String, in text: String) -> Int? {
        guard let r = text.firstRange(of: prefix) else { return nil }
        let digits = text[r.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
        return Int(String(digits))
    }
}
