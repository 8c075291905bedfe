import AduanCore

/// A PostgreSQL store as an operator's command or screen sees it: connected as the operator's
/// own database role (peer over the Unix socket, SCRAM over TCP), so the database's row-level
/// security and grants have already withheld what the role may not read; actions are queued in
/// `aduan.commands` for the store's writer (`aduan serve`) and their outcome heard through NOTIFY.
public final class PGOperatorStore: AduanStoreContract {
    public let conn: PGConnection
    public let conninfo: String
    public let context: WorkflowContext
    /// The database role the connection acts as (`session_user`): the operator's login.
    public let login: String
    /// How long an action waits for the writer's outcome.
    public var writerTimeout: Double = 10
    /// Where the operator's drafts are kept on this machine (`LocalDrafts`); nil: in memory.
    public var draftsPath: String?
    var drafts: LocalDrafts?
    /// The connection that LISTENs for other operators' changes (PGDeskStore.swift), and how many were heard.
    var listener: PGConnection?
    var heardChanges: Int64 = 0
    /// Set when this login could not read `aduan.complaint_copies` (roles script older than migration 10): pages walk the one condition.
    var copiesUnreadable = false
    /// The inbox scopes of the login's hats (its operators in the office), which decide where the
    /// figure counters answer exactly (PGFigureCounts.swift); nil: read from the store's office.
    public var loginScopes: [InboxScope]?

    public var location: StoreLocation { .postgres(conninfo: conninfo) }

    /// The advisory lock key every running writer holds shared (`aduan serve`): an operator's
    /// action is only queued while one holds it.
    public static let writerLockKey: Int64 = 0x6164_7561_6e57

    /// Connects with a location's connection string (a URI or `key=value` words; libpq's
    /// expand_dbname), passwords only from a passfile or service file.
    public static func connect(_ conninfo: String) throws(StoreError) -> PGConnection {
        do { return try PGConnection(parameters: [("dbname", conninfo)]) } catch {
            throw .postgres(.database(detail: error.message))
        }
    }

    /// Checks that the database holds a store this build reads, with the operator's rights
    /// (operators cannot read `meta`; `aduan.store_version()` tells format and version).
    public static func check(_ conn: PGConnection, location: String) throws(StoreError) {
        do {
            let r = try conn.query("SELECT to_regnamespace('aduan') IS NOT NULL AS present")
            guard r.bool(0, "present") == true else { throw StoreError.postgres(.noStore(location: location)) }
            let v = try conn.query("SELECT aduan.store_version() AS v").text(0, "v") ?? ""
            let words = v.split(separator: " ")
            guard words.count == 2, words[0] == Substring(PGSchema.format), let n = Int(words[1]) else {
                throw StoreError.postgres(.foreignSchema(reason: "no store version"))
            }
            if n > PGSchema.version { throw StoreError.postgres(.newerSchema(found: n, known: PGSchema.version)) }
        } catch let e as StoreError {
            throw e
        } catch let e as PostgresError {
            // 42883: no store_version() (a version 1 store or a foreign schema); 42501: no grant on the schema.
            if e.sqlState == "42883" { throw .postgres(.foreignSchema(reason: "no aduan.store_version(); the owner opens it once with this build")) }
            if e.isPermissionDenied {
                throw .postgres(.noAccess(role: (try? conn.query("SELECT session_user AS u").text(0, "u")) ?? conn.user))
            }
            throw .postgres(.database(detail: e.message))
        } catch {
            throw .postgres(.database(detail: "\(error)"))
        }
    }

    public init(conn: PGConnection, conninfo: String, context: WorkflowContext) throws(StoreError) {
        self.conn = conn
        self.conninfo = conninfo
        self.context = context
        do {
            login = try conn.query("SELECT session_user AS u").text(0, "u") ?? conn.user
            conn.searchByAudience = try Self.searchesByAudience(conn)
            // The screen's and the figures' reads are short: compiling them (PostgreSQL's JIT,
            // on by default above a plan cost the dashboard's counts reach) took 0.3-0.5 s a
            // statement at 100,000 reports, more than running them.
            _ = try conn.query("SELECT set_config('jit', 'off', false) FROM pg_settings WHERE name = 'jit'")
        } catch { throw .postgres(.database(detail: error.message)) }
    }

    static func wrap<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do { return try body() } catch let e as StoreError { throw e } catch let e as PostgresError {
            throw .postgres(.database(detail: e.message))
        } catch { throw .postgres(.database(detail: "\(error)")) }
    }

    public func complaint(_ id: Int64) throws(StoreError) -> Complaint? {
        try Self.wrap { try PGStore.complaint(id, on: conn) }
    }

    public func events(of id: Int64) throws(StoreError) -> [Event] {
        try Self.wrap { try PGStore.timeline(id, on: conn) }
    }

    public func ids(forTrackingID t: String) throws(StoreError) -> [Int64] {
        try Self.wrap {
            try conn.query("SELECT id FROM aduan.complaints WHERE tracking_id = $1 ORDER BY id LIMIT 100", [.text(t)])
                .column("id").compactMap { $0.flatMap { Int64($0) } }
        }
    }

    public func office() throws(StoreError) -> OfficeVersion? {
        try Self.wrap { try PGStore.office(on: conn) }
    }

    /// A page of a list: the rows the database lets the role open, narrowed by the scope rule
    /// (the working inbox) and the filter, rendered in `PostgreSQLDialect` by the one renderer,
    /// read in one statement (`fetch`, PGDeskStore.swift); each row as the role reads it, its
    /// title hidden where the core's content rule says so.
    public func page(_ q: InboxQuery, after cursor: PageCursor?, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow] {
        try fetch(q, cursor: cursor, forward: true, limit: limit, now: now)
    }

    /// Receives a new report through the writer, which gives it the next number at the server's time.
    public func receive(_ intake: Intake, by actor: Actor, at now: Timestamp) throws(StoreError) -> Complaint {
        try apply(Command(.receive, ActionDetails(intake: intake)), to: 0, expectedVersion: nil, by: actor, at: now)
    }

    /// Whether a writer (`aduan serve`) runs for this database: it holds the writer lock shared.
    public func writerRunning() throws(StoreError) -> Bool {
        try Self.wrap {
            let free = try conn.query("SELECT pg_try_advisory_lock($1) AS free", [.int(Self.writerLockKey)]).bool(0, "free") ?? false
            if free { try conn.query("SELECT pg_advisory_unlock($1)", [.int(Self.writerLockKey)]) }
            return !free
        }
    }

    /// Queues the action for the writer and waits for its outcome. Nothing is queued when no
    /// writer runs. A stale version comes back as the conflict the core would name (who, what,
    /// when: read from the operator's own timeline); a refusal as the core's refusal.
    public func apply(_ command: Command, to id: Int64, expectedVersion: Int?, by actor: Actor, at now: Timestamp) throws(StoreError) -> Complaint {
        guard try writerRunning() else { throw .postgres(.noWriter(location: conninfo)) }
        let outcome: PGCommandOutcome?
        let queued: Int64
        var id = id
        do {
            try conn.listen(PGStore.outcomesChannel)
            queued = try PGStore.submit(command, to: id, expectedVersion: expectedVersion, as: actor.id, on: conn)
            outcome = try PGStore.waitForOutcome(of: queued, on: conn, timeout: writerTimeout)
            if command.kind == .receive, outcome?.outcome == "done" {
                id = try conn.query("SELECT complaint_id FROM aduan.commands WHERE id = $1", [.int(queued)]).int64(0, "complaint_id") ?? 0
            }
        } catch {
            throw .postgres(.database(detail: error.message))
        }
        switch outcome?.outcome {
        case "done":
            guard let c = try complaint(id) else { throw .notFound(id) }
            return c
        case "conflict":
            let current = outcome?.version ?? 0
            let expected = expectedVersion ?? current
            let first = try events(of: id).first { $0.version == expected + 1 }
            throw .conflict(Conflict(complaintID: id, expectedVersion: expected, currentVersion: current,
                                     changedBy: first?.actor, change: first?.kind, changedAt: first?.at))
        case "not-found":
            throw .notFound(id)
        case "refused":
            // The writer's decision, kept as a code: said in the session's language.
            switch outcome?.message.flatMap(PGWriterRefusal.init(code:)) {
            case .workflow(let r)?: throw .refused(r)
            case .notOperatorOfLogin(let login, let op)?: throw .postgres(.writerNotOperatorOfLogin(login: login, operatorID: op))
            case .unreadableCommand?: throw .postgres(.writerUnreadableCommand)
            case nil: break
            }
            // An older writer's words: the core's own reason, decided again on what the operator sees.
            let current = command.kind == .receive ? nil : try complaint(id)
            if command.kind == .receive || current != nil,
               case .failure(let r) = Workflow.decide(command, on: current, by: actor, at: now, context: context) {
                throw .refused(r)
            }
            throw .postgres(.writerRefused(detail: outcome?.message ?? "?"))
        default:
            throw .postgres(.writerSlow(command: queued, seconds: Int(writerTimeout)))
        }
    }
}
