import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// A stress run on a PostgreSQL store (`--store postgresql://…`, issue 14). The location names an
/// existing database without an `aduan` schema, and connects as a role that may create a schema
/// there and create roles (CREATEROLE): that role becomes the store's owner and runs the writer
/// (`aduan serve`). Each operator process connects through the same location as its own role
/// (`<tag>_op1`, `<tag>_op2`, …: the run's random tag keeps cluster-wide role names apart), so the
/// cluster must let those roles in the same way (trust or peer on a test cluster's socket, or a
/// passfile / service file: PG* variables are passed on to every child).
///
/// Like the SQLite runs, where the runner's Unix login is bound to every operator, each process
/// role is bound to every operator of the built-in office: it may act as any of them, and the
/// writer checks each command against the office (`Identity.resolve`). After a passing run the
/// schema and the run's roles are dropped (kept with --keep or after a failure).
struct PGStage {
    let conninfo: String
    let tag: String
    let roles: [String]
    let office: Office
    let officeJSON: String
    let w: Workspace
    let aduan: String

    /// Whether a --store value names a PostgreSQL database.
    static func isPostgres(_ store: String?) -> Bool {
        guard let store, case .success(.postgres) = StoreLocation.parse(store) else { return false }
        return true
    }

    init(conninfo: String, processes: Int, w: Workspace, aduan: String) throws(StressError) {
        self.conninfo = conninfo
        self.w = w
        self.aduan = aduan
        let tag = "st" + String(UInt64.random(in: 0..<(1 << 36)), radix: 36)
        self.tag = tag
        let roles = (1...processes).map { "\(tag)_op\($0)" }
        self.roles = roles
        // Every operator gets the process roles; the office's own logins get the tag (roles are
        // cluster-wide, and the roles script creates one per login).
        officeJSON = BuiltInConfig.json
            .replacing("\"logins\": [\"", with: "\"logins\": [" + roles.map { "\"\($0)\", " }.joined() + "\"\(tag)_")
            .replacing("\"kominfo\"]", with: "\"\(tag)_kominfo\"]")
        let json = officeJSON
        switch OfficeConfig.parse(json, file: "office.json") {
        case .success(let c): office = Office(config: c)
        case .failure(let e): throw .environment("the PostgreSQL office does not parse: \(e.all.map(\.description).joined(separator: "; "))")
        }
        try writeWholeFile(w.dir + "/pg-office.json", Array(json.utf8))
    }

    var officeFile: String { w.dir + "/pg-office.json" }

    /// The owner's connection (the location as given).
    func ownerConnection(_ application: String = "aduan-stress") throws(StressError) -> PGConnection {
        do { return try PGConnection(parameters: [("dbname", conninfo), ("application_name", application)]) } catch {
            throw .environment("cannot connect to the store's database: \(error.message)")
        }
    }

    /// An operator process's connection, as its own role.
    static func operatorConnection(_ conninfo: String, role: String) throws(StressError) -> PGConnection {
        do {
            return try PGConnection(parameters: [("dbname", conninfo), ("user", role), ("application_name", "aduan-stress operator")])
        } catch {
            throw .environment("cannot connect as \(role): \(error.message)")
        }
    }

    /// The children's environment: the SQLite one plus libpq's own variables.
    static func environment(home: String) -> [String] {
        var env = childEnvironment(home: home)
        for name in ["PGPASSFILE", "PGSERVICEFILE", "PGSYSCONFDIR", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSSLMODE"] {
            if let v = getenv(name) { env.append("\(name)=\(String(cString: v))") }
        }
        return env
    }

    /// `aduan init` (the real binary) records the office; the roles script (the core's rules as
    /// policies) gives each login its role; `complaints` reports moved along by `actions` valid
    /// actions are loaded as an import would (owner, statement per row).
    func setUp(complaints: Int, actions: Int, rng: inout StressRandom) throws(StressError) {
        let owner = try ownerConnection()
        let exists = (try? owner.query("SELECT to_regnamespace('aduan') IS NOT NULL AS present").bool(0, "present")) ?? nil
        guard exists == false else {
            throw .environment("the database already holds an aduan schema; give an empty database (a run never reuses a store)")
        }
        let out = w.dir + "/init.out", err = w.dir + "/init.err"
        let child = try Child(program: aduan, args: ["init", "--store", conninfo, "--office", officeFile, "--lang", "en"],
                              env: Self.environment(home: w.dir), stdout: .file(out), stderr: err, newGroup: false)
        let status = child.wait()
        guard exitedNormally(status) == 0 else {
            throw .environment("aduan init --store …: \(describeStatus(status)): \(firstLine(String(decoding: readWholeFile(err), as: UTF8.self)))")
        }
        do {
            try owner.execute(PGAccessSQL.rolesScript(operators: office.operators))
        } catch {
            throw .environment("the roles script failed: \(error.message)")
        }
        let histories = Self.histories(complaints: complaints, actions: actions, office: office, rng: &rng)
        do {
            let store = try PGStore(owner, context: office.context)
            _ = try store.insertHistories(histories)
        } catch {
            throw .environment("loading the first reports failed: \(error)")
        }
    }

    /// Reports received and moved along in memory by the core, as an import brings them.
    static func histories(complaints: Int, actions: Int, office: Office, rng: inout StressRandom) -> [[Event]] {
        let planner = Planner(office: office)
        let admin = office.operatorNamed("admin") ?? office.operators[0]
        var at = Timestamp(seconds: wallClock().seconds - 86_400)
        var current: [Complaint] = []
        var histories: [[Event]] = []
        for i in 0..<complaints {
            let r = Workflow.decide(Command(.receive, ActionDetails(intake: planner.intake(rng: &rng))), on: nil, by: admin, at: at,
                                    context: office.context, newID: Int64(i + 1))
            guard case .success(let e) = r else { continue }
            current.append(Workflow.evolve(nil, e))
            histories.append([e])
        }
        guard !current.isEmpty else { return histories }
        for _ in 0..<actions {
            let i = Int.random(in: 0..<current.count, using: &rng)
            guard let p = planner.plan(for: current[i], allowTerminal: false, otherID: nil, rng: &rng) else { continue }
            at = at.adding(seconds: 60)
            guard case .success(let e) = Workflow.decide(p.command, on: current[i], by: p.actor, at: at, context: office.context) else { continue }
            current[i] = Workflow.evolve(current[i], e)
            histories[i].append(e)
        }
        return histories
    }

    /// Starts `aduan serve` (its own process group, so one SIGKILL reaches it).
    func startWriter(round: Int) throws(StressError) -> Child {
        try Child(program: aduan, args: ["serve", "--store", conninfo, "--lang", "en"], env: Self.environment(home: w.dir),
                  stdout: .file(w.dir + "/serve.out"), stderr: w.dir + "/serve-\(round % 2).err", newGroup: true)
    }

    /// Waits until a writer holds the writer lock (true) or `seconds` pass.
    static func waitForWriter(_ conn: PGConnection, seconds: Double) -> Bool {
        let end = monotonic() + seconds
        while monotonic() < end {
            let n = (try? conn.query("""
                SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = $1
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, [.int(PGOperatorStore.writerLockKey & 0xFFFF_FFFF)]).int64(0, "n")) ?? nil
            if (n ?? 0) > 0 { return true }
            usleep(10_000)
        }
        return false
    }

    /// Waits until no backend of a killed writer is left (a killed client's backend may still be
    /// finishing the statement it was sent); false after `seconds`.
    static func waitForWritersGone(_ conn: PGConnection, seconds: Double) -> Bool {
        let end = monotonic() + seconds
        while monotonic() < end {
            let n = (try? conn.query("""
                SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'aduan serve' AND datname = current_database()
                """).int64(0, "n")) ?? nil
            if n == 0 { return true }
            usleep(5_000)
        }
        return false
    }

    /// Drops the run's schema and roles (after a passing run).
    func tearDown() {
        guard let owner = try? ownerConnection() else { return }
        try? owner.execute("DROP SCHEMA aduan CASCADE")
        let roles = (try? owner.query("SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)", [.text(tag + "_")]).column("rolname")) ?? []
        for case let role? in roles { try? owner.execute("DROP ROLE \(PGConnection.quoteIdentifier(role))") }
    }
}

/// What the PostgreSQL store holds, read by the owner in one snapshot: every event's kind and
/// actor, and every command's outcome.
struct PGSnapshot {
    struct CommandRow {
        var id: Int64, login: String, operatorID: String, complaint: Int64, kind: String, outcome: String?, version: Int?
    }
    var events: [EventKey: (kind: String, actor: String)] = [:]
    var commands: [CommandRow] = []

    static func read(_ conn: PGConnection) throws(StressError) -> PGSnapshot {
        var s = PGSnapshot()
        do {
            try conn.transaction(.repeatableRead) {
                let e = try conn.query("SELECT complaint_id, version, kind, actor_id FROM aduan.events")
                for i in 0..<e.rowCount {
                    s.events[EventKey(complaint: e.int64(i, "complaint_id") ?? 0, version: Int(e.int64(i, "version") ?? 0))] =
                        (e.text(i, "kind") ?? "", e.text(i, "actor_id") ?? "")
                }
                let c = try conn.query("SELECT id, login, operator_id, complaint_id, kind, outcome, result_version FROM aduan.commands ORDER BY id")
                for i in 0..<c.rowCount {
                    s.commands.append(CommandRow(id: c.int64(i, "id") ?? 0, login: c.text(i, "login") ?? "", operatorID: c.text(i, "operator_id") ?? "",
                                                 complaint: c.int64(i, "complaint_id") ?? 0, kind: c.text(i, "kind") ?? "",
                                                 outcome: c.text(i, "outcome"), version: c.int64(i, "result_version").map(Int.init)))
                }
            }
        } catch {
            throw .environment("reading the store failed: \(error)")
        }
        return s
    }

    /// Every settled command against the log: a `done` command has exactly its event (report,
    /// version, kind, actor), and the log holds nothing else beyond `baseline`; a command that is
    /// not done left no event. Returns what disagrees (a half-written command, a lost or a stray event).
    func halfWritten(baseline: Int) -> [String] {
        var wrong: [String] = []
        var done = 0
        for c in commands where c.outcome == "done" {
            done += 1
            guard let v = c.version, let e = events[EventKey(complaint: c.complaint, version: v)] else {
                wrong.append("command \(c.id) (\(c.kind) on #\(c.complaint)) is done, but its event (version \(c.version.map(String.init) ?? "none")) is not in the log")
                continue
            }
            if e.kind != c.kind || e.actor != c.operatorID {
                wrong.append("command \(c.id) is \(c.kind) by \(c.operatorID), its event #\(c.complaint) v\(v) is \(e.kind) by \(e.actor)")
            }
        }
        for c in commands where c.outcome != "done" && c.outcome != nil && c.version != nil && c.outcome != "conflict" {
            wrong.append("command \(c.id) was settled \(c.outcome ?? "?") but names version \(c.version!)")
        }
        if events.count - baseline != done {
            wrong.append("the log grew by \(events.count - baseline) events, but \(done) commands are done: an event without its command or a command without its event")
        }
        return wrong
    }
}

/// Runs the real `aduan verify --store` on the PostgreSQL store: exit 0 and "Intact".
func runAduanVerifyPG(binary: String, conninfo: String, scratch: String) -> String? {
    let out = scratch + "/verify.out", err = scratch + "/verify.err"
    do {
        let child = try Child(program: binary, args: ["verify", "--store", conninfo, "--lang", "en"],
                              env: PGStage.environment(home: scratch), stdout: .file(out), stderr: err, newGroup: false)
        let status = child.wait()
        let stdout = String(decoding: readWholeFile(out), as: UTF8.self)
        if exitedNormally(status) == 0 && stdout.hasPrefix("Intact") { return nil }
        let stderr = String(decoding: readWholeFile(err), as: UTF8.self)
        return "aduan verify: \(describeStatus(status)): \(stdout.isEmpty ? firstLine(stderr) : stdout)"
    } catch {
        return "aduan verify: \(error.message)"
    }
}

/// The in-process verify (chain, projections against replay, policies) as failure lines.
func verifyPG(_ conn: PGConnection, office: Office) -> [String] {
    do {
        let store = try PGStore(conn, context: office.context)
        return try store.verify(operators: office.operators).map(\.description)
    } catch {
        return ["verify could not run: \(error)"]
    }
}
