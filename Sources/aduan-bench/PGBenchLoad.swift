import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

extension PGBench {
    /// The environment for `aduan init/serve` on PostgreSQL: no ADUAN_NOW (the server's clock rules there).
    var pgEnvironment: [String] { env.baseEnvironment.filter { !$0.hasPrefix("ADUAN_NOW=") } + passEnvironment() }

    /// Makes the PostgreSQL store for `size` from the SQLite demo store, or reuses one the bench
    /// made for the same size, seed and clock. `aduan init` records the office; the roles script
    /// gives every login its role and policies; the histories go in through COPY in batches.
    func load(_ size: Int, _ path: String, _ owner: PGConnection) -> Bool {
        let marker = "aduan-bench count=\(size) seed=\(options.seed) now=\(BenchEnvironment.now)"
        do {
            let present = try owner.query("SELECT to_regnamespace('aduan') IS NOT NULL AS p").bool(0, "p") ?? false
            if present {
                let comment = try owner.query("SELECT obj_description('aduan'::regnamespace, 'pg_namespace') AS c").text(0, "c") ?? ""
                if comment.hasPrefix(marker + " "), !options.regenerate, !options.loadOnly {
                    let rate = comment.split(separator: " ").first { $0.hasPrefix("rate=") }.map { String($0.dropFirst(5)) } ?? "?"
                    table.set("pg-load", size: size, Cell("reused (\(rate)/s when made)"))
                    return true
                }
                guard comment.hasPrefix("aduan-bench ") else {
                    fail("pg-load", size, "the database holds an aduan store the bench did not make; give an empty database")
                    return false
                }
                try owner.execute("DROP SCHEMA aduan CASCADE")
            }
            let officeFile = env.scratch("bench-office.json")
            _ = FileSystem.writeText(officeFile, officeJSON)
            Log.progress("\(Format.grouped(size)): PostgreSQL store")
            let made = Spawn.run([env.aduan, "init", "--store", conninfo, "--office", officeFile, "--lang", "en"], env: pgEnvironment,
                                 stdoutPath: "/dev/null", log: env.scratch("init.log"))
            guard made.ok else { fail("pg-load", size, "aduan init --store …: \(made.tail)"); return false }
            try owner.execute(PGAccessSQL.rolesScript(operators: office.operators))

            let lite = try ComplaintStore.open(path: path, context: operators.config.context, readOnly: true)
            let total = try lite.totals().complaints
            let pg = try PGStore(owner, context: office.context)
            let reader = HistoryReader(lite, total: total)
            let r = options.loadOld ? try loadSerial(reader, pg, size: size)
                : try loadPipelined(reader, pg, size: size, threads: options.loadThreads)
            let loaded = r.loaded, copySeconds = r.seconds
            let breakdown = loadBreakdown(loaded: loaded, read: r.read, prepare: r.prepare, timings: r.timings)
                + "; \(Format.grouped(Int(Double(loaded) / max(copySeconds, 0.001))))/s over \(Format.fixed(copySeconds, 2)) s: \(r.how)"
            Log.clearProgress()
            appendLine(env.scratch("pg-load.log"), breakdown)
            Log.writeErr(breakdown + "\n")
            // Statistics for the planner, on the store's own tables (the owner may not analyze the catalogs).
            for case let t? in try owner.query("SELECT tablename FROM pg_tables WHERE schemaname = 'aduan'").column("tablename") {
                try owner.execute("ANALYZE aduan.\(PGConnection.quoteIdentifier(t))")
            }
            let rate = Int(Double(loaded) / max(copySeconds, 0.001))
            try owner.execute("COMMENT ON SCHEMA aduan IS \(PGConnection.quoteLiteral(marker + " rate=\(Format.grouped(rate))"))")
            table.set("pg-load", size: size, Cell("\(Format.grouped(rate))/s (\(Format.grouped(loaded)) in \(Format.fixed(copySeconds, 1)) s; \(r.how))", Double(rate)))
            return true
        } catch {
            fail("pg-load", size, "loading the PostgreSQL store: \(error)")
            return false
        }
    }

    /// Notes on both backends: the operator's own action to visible, and another connection
    /// seeing it. PostgreSQL: through the command queue and a real `aduan serve`; SQLite: on a
    /// copy of the demo store (which stays as it was), with a second read-only connection.
    func actions(_ size: Int, _ path: String, _ pg: PGOperatorStore, _ ids: [Int64], _ pgMe: Actor, _ liteMe: Actor) {
        let n = max(5, options.actions)
        let name = Format.grouped(size)
        guard let writer = startWriter(pg, drain: true) else {
            fail("pg-action", size, "aduan serve did not start or did not take the writer lock in 6 s")
            return
        }
        defer { stopWriter(writer) }
        let copy = "\(env.work)/actions-\(size).db"
        defer { FileSystem.removeStore(copy) }
        do {
            let note = { (i: Int) in Command(.note, ActionDetails(text: "Catatan benchmark \(i)")) }
            Log.progress("\(name): PostgreSQL notes")
            // A note that meets a change the writer's sweep just made is refused (a conflict) and
            // asked again on the new version; only the accepted attempt is timed.
            var pgTimes: [Double] = []
            let pgEnd = monotonic() + options.budget
            for i in 0..<n where monotonic() < pgEnd {
                let id = ids[i % ids.count]
                for _ in 0..<5 {
                    guard let c = try pg.complaint(id) else { break }
                    let t = monotonic()
                    let after: Complaint
                    do {
                        after = try pg.apply(note(i), to: id, expectedVersion: c.version, by: pgMe, at: now)
                    } catch {
                        if case .conflict = error { continue }
                        throw error
                    }
                    precondition(after.version > c.version)
                    pgTimes.append((monotonic() - t) * 1000)
                    break
                }
            }
            let pgAction = Stats(pgTimes)
            // A second operator's connection (the monitor, who sees every report) hears of the change.
            let other = office.operators.first { Access.inboxScope(of: $0) == .everything }?.logins.first ?? role
            let second = try PGConnection(parameters: [("dbname", conninfo), ("user", other), ("application_name", "aduan-bench second")])
            try second.listen("aduan_events")
            try pg.conn.listen(PGStore.outcomesChannel)
            let pgNotify = try sample(n) { i in
                let id = ids[(i + 7) % ids.count]
                guard let c = try pg.complaint(id) else { return }
                let queued = try PGStore.submit(note(i), to: id, expectedVersion: c.version, as: pgMe.id, on: pg.conn)
                // A notice names nothing (any role may LISTEN): on each one, read the report again
                // through row-level security until the note is there.
                var seen = false
                let end = monotonic() + 5
                while !seen && monotonic() < end {
                    guard try !second.notifications(timeout: 5).isEmpty else { continue }
                    seen = (try PGStore.complaint(id, on: second)?.version ?? 0) > c.version
                }
                _ = try PGStore.waitForOutcome(of: queued, on: pg.conn, timeout: 10)
            }

            // SQLite, on a copy.
            Log.progress("\(name): SQLite notes")
            let cp = Spawn.run(["/bin/cp", path, copy], env: env.baseEnvironment, log: env.scratch("cp.log"))
            if FileSystem.exists(path + "-wal") { _ = Spawn.run(["/bin/cp", path + "-wal", copy + "-wal"], env: env.baseEnvironment, log: env.scratch("cp.log")) }
            guard cp.ok else { fail("pg-action", size, "copying the SQLite store: \(cp.tail)"); return }
            let lite = try ComplaintStore.open(path: copy, context: operators.config.context)
            let liteSecond = try ComplaintStore.open(path: copy, context: operators.config.context, readOnly: true)
            let liteAction = try sample(n) { i in
                let id = ids[i % ids.count]
                guard let c = try lite.complaint(id) else { return }
                _ = try lite.apply(note(i), to: id, expectedVersion: c.version, by: liteMe, at: now)
                _ = try lite.complaint(id)
            }
            let liteNotify = try sample(n) { i in
                let id = ids[(i + 7) % ids.count]
                let v = liteSecond.dataVersion()
                guard let c = try lite.complaint(id) else { return }
                _ = try lite.apply(note(i), to: id, expectedVersion: c.version, by: liteMe, at: now)
                while liteSecond.dataVersion() == v {}
                _ = try liteSecond.complaint(id)
            }
            table.set("pg-action", size: size, cell(pgAction, liteAction))
            var c = cell(pgNotify, liteNotify)
            c.text += " (the SQLite screen looks every refreshSeconds)"
            table.set("pg-notify", size: size, c)
        } catch {
            fail("pg-action", size, "notes: \(error)")
        }
    }
}

extension PGBulkLoad.Timings {
    mutating func merge(_ other: PGBulkLoad.Timings) {
        assembling += other.assembling
        finishing += other.finishing
        for c in other.copy { add(c.table, c.seconds, c.bytes) }
    }
}

/// Where a load's time went, per complaint (µs) and in all (s), for the notes.
func loadBreakdown(loaded: Int, read: Double, prepare: Double, timings: PGBulkLoad.Timings, extra: [(String, Double)] = []) -> String {
    let n = Double(max(loaded, 1))
    func part(_ label: String, _ s: Double) -> String { "\(label) \(Format.fixed(s, 2)) s (\(Format.fixed(s / n * 1_000_000, 1)) µs)" }
    var parts = [part("reading SQLite", read), part("preparing (wall)", prepare), part("assembling", timings.assembling)]
    for c in timings.copy { parts.append(part("COPY \(c.table) [\(c.bytes / max(loaded, 1)) B each]", c.seconds)) }
    parts.append(part("finish", timings.finishing))
    parts.append(part("of which building indexes and foreign keys", timings.indexing))
    for (label, s) in extra { parts.append(part(label, s)) }
    return "load breakdown, \(loaded) complaints: " + parts.joined(separator: "; ")
}

extension PGBench {
    /// Starts the store's writer (`aduan serve`) and waits until it holds the writer lock; nil when
    /// it did not start or took no lock within 6 s (it is stopped then). With `drain`, also waits
    /// (at most 5 minutes) until the writer's own sweeps have caught up: the store's clock is the
    /// server's and cannot be frozen like SQLite's ADUAN_NOW, so on a store loaded days after its
    /// demo clock the writer first records the escalations and auto-closes that fell due since,
    /// and a measured note racing one of those is refused as a conflict.
    func startWriter(_ pg: PGOperatorStore, drain: Bool = false) -> pid_t? {
        guard let writer = Spawn.start([env.aduan, "serve", "--store", conninfo, "--lang", "en"], env: pgEnvironment, stdin: .path("/dev/null", O_RDONLY),
                                       stdout: .path(env.scratch("serve.log"), O_CREAT | O_TRUNC | O_WRONLY), stderr: .fd(1)) else { return nil }
        var up = false
        for _ in 0..<300 where !up {
            up = (try? pg.writerRunning()) == true
            if !up { usleep(20_000) }
        }
        guard up else {
            stopWriter(writer)
            return nil
        }
        if drain, let owner = try? PGConnection(parameters: [("dbname", conninfo), ("application_name", "aduan-bench drain")]) {
            let started = monotonic()
            func last() -> Int64 { ((try? owner.query("SELECT coalesce(max(seq), 0) AS m FROM aduan.events").int64(0, "m")) ?? nil) ?? 0 }
            let first = last()
            var seen = first, quietSince = monotonic()
            while monotonic() - quietSince < 3 && monotonic() - started < 300 {
                Log.progress("the writer's sweeps: \(Format.grouped(Int(seen - first))) events recorded")
                usleep(500_000)
                let now = last()
                if now != seen { seen = now; quietSince = monotonic() }
            }
            Log.clearProgress()
            Log.writeErr("aduan-bench: the writer's sweeps recorded \(Format.grouped(Int(seen - first))) events in \(Format.fixed(monotonic() - started, 1)) s before the notes\n")
        }
        return writer
    }

    func stopWriter(_ writer: pid_t) {
        kill(writer, SIGTERM)
        var status: Int32 = 0
        while waitpid(writer, &status, 0) < 0 && errno == EINTR {}
    }
}

/// Appends one line to a file (created if missing).
func appendLine(_ path: String, _ line: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard fd >= 0 else { return }
    defer { close(fd) }
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
}
