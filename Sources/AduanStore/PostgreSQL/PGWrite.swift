import AduanCore
import CLibPQ
import Glibc

/// Acting on a report in the PostgreSQL store: the server's clock, optimistic concurrency as in
/// the SQLite store (`ComplaintStore.apply`), and change notices for open screens (LISTEN/NOTIFY).
///
/// The connection is the store's writer (its owner): an action rewrites projection rows (the
/// reporter's masked texts, say) that the acting operator may not read, and a projection row
/// written by an operator's own role could not be checked by the database (an anonymous flag
/// turned off would show the reporter). Operators therefore ask through `aduan.commands` with
/// their own role (`PGCommands`), and the writer runs the core for them.
extension PGStore {
    /// The channel that says, after each commit that appended events, that something changed: an
    /// empty notice, since any role may listen (a listener reads again what it may see).
    public static let changesChannel = "aduan_events"

    /// The server's clock: the transaction's start, which every event of the transaction carries.
    func serverNow() throws -> Timestamp {
        Timestamp(seconds: try conn.query("SELECT floor(extract(epoch FROM now()))::bigint AS now").int64(0, "now") ?? 0)
    }

    /// The report's events, oldest first, decoded from the log.
    func events(of id: Int64) throws -> [Event] {
        let r = try conn.query("SELECT version, at, kind, body FROM aduan.events WHERE complaint_id = $1 ORDER BY version", [.int(id)])
        return (0..<r.rowCount).compactMap { i in
            EventCodec.decodeStored(complaint: id, version: Int(r.int64(i, "version") ?? 0), at: r.int64(i, "at") ?? 0,
                                    kind: r.text(i, "kind") ?? "", body: r.text(i, "body") ?? "")
        }
    }

    /// The report as its events make it (the writer sees every row), nil when it has none.
    func replayed(_ id: Int64) throws -> Complaint? {
        try events(of: id).reduce(nil) { Workflow.evolve($0, $1) }
    }

    /// Applies an action to an existing report at the server's time. `expectedVersion` is the
    /// version the operator's decision was based on: if another change came since, nothing is
    /// written and `StoreError.conflict` names who made the first one, what and when (only when the
    /// operator may read that event). Two writers of one report queue on its row; both decide on
    /// what the other committed.
    @discardableResult
    public func apply(_ command: Command, to id: Int64, expectedVersion: Int?, by actor: Actor, login: String? = nil) throws -> Complaint {
        try conn.transaction {
            let locked = try conn.query("SELECT version FROM aduan.complaints WHERE id = $1 FOR UPDATE", [.int(id)])
            guard locked.rowCount == 1 else { throw StoreError.notFound(id) }
            let history = try events(of: id)
            var state: Complaint?
            for e in history { state = Workflow.evolve(state, e) }
            // A report the operator may not see does not exist for them (as in the SQLite store).
            guard let current = state, current.version == Int(locked.int64(0, "version") ?? -1),
                  Access.mayAddress(command.kind, on: current, actor: actor) else {
                throw StoreError.notFound(id)
            }
            // As on SQLite: a written action is refused only by a change that touches what it rests
            // on (the core says which, TextDependencies.swift); any other action by any change.
            if let expected = expectedVersion, expected != current.version,
               expected > current.version || Workflow.conflicts(command.kind, with: history.filter { $0.version > expected }.map(\.kind)) {
                let first = history.first { $0.version == min(expected + 1, current.version) }
                let seen = first.flatMap { Privacy.redacted($0, in: current, for: actor) }
                throw StoreError.conflict(Conflict(complaintID: id, expectedVersion: expected, currentVersion: current.version,
                                                   changedBy: seen?.actor, change: seen?.kind, changedAt: seen?.at))
            }
            // As on SQLite: the report named as the original must exist for the acting operator.
            if let other = Access.duplicateOriginal(of: command, on: id),
               let refusal = Access.duplicateOriginalRefusal(other, original: try replayed(other), actor: actor) {
                throw StoreError.refused(refusal)
            }
            let now = try serverNow()
            return try record(Workflow.decide(command, on: current, by: actor, at: now, context: context), on: current, login: login)
        }
    }
}

extension PGStore {
    /// Receives a new report at the server's time: the next id is taken under a lock, so two
    /// writers never give one id twice; the core decides (a refusal writes nothing).
    @discardableResult
    public func receive(_ command: Command, by actor: Actor, login: String? = nil) throws -> Complaint {
        try conn.transaction {
            try conn.query("SELECT pg_advisory_xact_lock(hashtext('aduan.receive'))")
            let id = (try conn.query("SELECT coalesce(max(id), 0) + 1 AS next FROM aduan.complaints").int64(0, "next")) ?? 1
            let now = try serverNow()
            return try record(Workflow.decide(command, on: nil, by: actor, at: now, context: context, newID: id), on: nil, login: login)
        }
    }

    /// Writes what the core decided (inside the caller's transaction): a refusal writes nothing;
    /// an event is appended with its redacted forms and the report's projection.
    private func record(_ decision: Result<Event, Refusal>, on current: Complaint?, login: String?) throws -> Complaint {
        switch decision {
        case .failure(let r):
            throw StoreError.refused(r)
        case .success(var e):
            e.login = login ?? conn.user
            let next = Workflow.evolve(current, e)
            try appendEvent(e)
            try writeEventViews(e, in: next)
            try writeProjection(next, insert: current == nil)
            if current == nil { try writeContentKey(of: next, first: e) }
            return next
        }
    }
}

extension PGConnection {
    /// Starts receiving notifications on `channel` (delivered after the sender's commit).
    public func listen(_ channel: String) throws(PostgresError) {
        try execute("LISTEN " + Self.quoteIdentifier(channel))
    }

    /// Waits up to `timeout` seconds for notifications and returns their payloads (empty when
    /// none came). Sleeps in poll(2) on the connection's socket: no polling of the server.
    public func notifications(timeout: Double) throws(PostgresError) -> [(channel: String, payload: String)] {
        var out: [(channel: String, payload: String)] = []
        let deadline = Self.monotonicSeconds() + timeout
        while true {
            if PQconsumeInput(handle) == 0 {
                throw PostgresError(sqlState: nil, message: Self.trimmed(String(cString: PQerrorMessage(handle))))
            }
            while let n = PQnotifies(handle) {
                out.append((String(cString: n.pointee.relname), String(cString: n.pointee.extra)))
                PQfreemem(n)
            }
            if !out.isEmpty { return out }
            let remaining = deadline - Self.monotonicSeconds()
            if remaining <= 0 { return out }
            var p = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            _ = poll(&p, 1, Int32(max(1, remaining * 1000)))
        }
    }

    public static func monotonicSeconds() -> Double {
        (ContinuousClock.now - clockStart).secondsValue
    }

    /// Where `monotonicSeconds()` counts from: only differences mean anything.
    private static let clockStart = ContinuousClock.now
}
