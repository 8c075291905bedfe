import AduanCore
import CSQLite
import Glibc

/// The office's record of every report: an append-only, hash-chained event log in SQLite with
/// projections for fast reads. Every accepted action is one transaction (the event and the
/// projection commit together or not at all), made durable before the call returns.
///
///     let store = try ComplaintStore.open(path: path, context: config.context, create: true)
///     let c = try store.receive(intake, by: admin, at: now)
///     try store.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: c.id,
///                     expectedVersion: c.version, by: admin, at: now)
public final class ComplaintStore {
    /// The store's SQLite connection (one per store object; a background reader opens its own).
    public let db: Database
    /// The store file, as given to `open`.
    public let path: String
    /// The office's rules (directory, calendar, deadlines, policy) every action is decided under.
    public let context: WorkflowContext
    /// True when the file can be written by other users (reported at open; see `aduan verify`).
    public private(set) var isWritableByOthers = false
    /// During a bulk load the search index is built at the end instead of row by row.
    var bulkLoading = false
    /// Set at open when the calendar or deadline settings had changed and the stored deadlines
    /// were recomputed (say so once: DeadlineRefresh.swift).
    public private(set) var deadlinesRecomputed: DeadlineRecompute?
    /// True for a training store (`aduan demo`, `--demo`, `aduan init --training`): marked once,
    /// at creation, by the `training` row of `meta`. See Training.swift.
    public internal(set) var isTraining = false
    /// The authenticated account this connection writes as (the Unix account on SQLite): stamped
    /// into every event it appends (`Event.login`). nil only for tools and tests.
    public let login: String?
    /// The trusted now (the system clock; a training store's frozen moment), read when an action
    /// is decided: no action may be stamped later than it plus the office's clock skew. Nil for
    /// callers without a clock (then only the store's last event time bounds new actions).
    public var trustedNow: (() -> Timestamp)?

    /// Far beyond any deadline: reports without a running deadline sort after all others.
    static let noDeadlineKey: Int64 = 9_000_000_000_000

    init(db: Database, path: String, context: WorkflowContext, login: String?) {
        self.db = db
        self.path = path
        self.context = context
        self.login = login
    }

    /// Opens (and with `create`, creates with mode 0600) the store at `path`, applying pending
    /// migrations. A store from a newer Aduan is refused untouched.
    /// `training`: a store created by this call is marked as a training store (an existing store
    /// keeps its mark). `login`: the authenticated account, stamped into every event written.
    public static func open(path: String, context: WorkflowContext, create: Bool = false,
                            readOnly: Bool = false, training: Bool = false, login: String? = nil) throws(StoreError) -> ComplaintStore {
        var st = stat()
        let exists = stat(path, &st) == 0
        // An empty file is not a store yet: only `create` may turn it into one.
        if exists && st.st_size == 0 && !create && (st.st_mode & S_IFMT) == S_IFREG { throw .missing(path: path) }
        var createdHere = false
        if !exists {
            guard create else { throw .missing(path: path) }
            let dir = parentDirectory(of: path)
            if !dir.isEmpty, !makeDirectories(dir) { throw .cannotOpen(path: path, reason: "cannot create folder \(dir): \(errnoText())") }
            // Create the file ourselves so it is 0600 from the first byte; SQLite then gives the
            // -wal and -shm files the same mode.
            let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd >= 0 {
                close(fd)
                createdHere = true
            } else if errno != EEXIST {
                // EEXIST: another process (a second import) created it just now; use it as it is.
                throw errno == EACCES || errno == EROFS ? .readOnly(path: path) : .cannotOpen(path: path, reason: errnoText())
            }
        } else if (st.st_mode & S_IFMT) == S_IFDIR {
            throw .cannotOpen(path: path, reason: "it is a folder")
        }
        // A store we created and could not set up is removed again, so no half-made file remains.
        func cleanup() { if createdHere { unlink(path); unlink(path + "-wal"); unlink(path + "-shm") } }
        let db: Database
        do {
            db = try Database(path: path, options: Database.OpenOptions(readOnly: readOnly, create: false))
        } catch {
            cleanup()
            throw StoreError.from(error, path: path)
        }
        let store = ComplaintStore(db: db, path: path, context: context, login: login)
        store.isWritableByOthers = exists && (st.st_mode & (S_IWGRP | S_IWOTH)) != 0
        do {
            db.setBusyTimeout(milliseconds: 5000)
            // Touch the header first so a non-database file fails here with a clear error.
            _ = try db.scalarInt("SELECT count(*) FROM sqlite_master")
            let schema = try store.schemaVersion()
            if !readOnly {
                _ = try db.scalarText("PRAGMA journal_mode=WAL")
                // FULL: a commit is on disk before the call returns, also across power loss.
                try db.execute("PRAGMA synchronous=FULL")
            }
            try db.execute("PRAGMA cache_size=-8192; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF")
            try store.migrate(from: schema, readOnly: readOnly, training: training)
            store.isTraining = try store.readTrainingMark()
            // Heal after an interrupted bulk load (or a dropped index) before anyone reads.
            if !readOnly { try store.rebuildIndexes() }
            // Deadlines stored under other calendar or deadline settings follow the current ones.
            // Best effort: a store that cannot be brought up to date still opens (verify then says why).
            if !readOnly { store.deadlinesRecomputed = (try? store.recomputeDeadlinesIfStale()) ?? nil }
        } catch let e as SQLiteError {
            cleanup()
            throw StoreError.from(e, path: path)
        } catch let e as StoreError {
            cleanup()
            throw e
        } catch {
            cleanup()
            throw .cannotOpen(path: path, reason: "\(error)")
        }
        return store
    }

    /// The store's schema version, 0 for a new (empty) file. Refuses another program's database
    /// and a store from a newer Aduan, before anything is written.
    private func schemaVersion() throws -> Int {
        let hasMeta = try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'") ?? 0
        if hasMeta > 0 {
            let current = Int(try db.scalarText("SELECT value FROM meta WHERE key='schema_version'") ?? "0") ?? 0
            if current > Schema.version { throw StoreError.newerSchema(path: path, found: current, supported: Schema.version) }
            return current
        }
        if (try db.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0) > 0 { throw StoreError.foreignDatabase(path: path) }
        return 0
    }

    /// Brings a store at schema `current` (from `schemaVersion`) up to `Schema.version`.
    private func migrate(from current: Int, readOnly: Bool, training: Bool) throws {
        var current = current
        if current == Schema.version { return }
        if readOnly { throw current == 0 ? StoreError.missing(path: path) : StoreError.readOnly(path: path) }
        try db.transaction {
            // Another process may have set the store up while this one waited for the lock.
            if (try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'") ?? 0) > 0 {
                current = Int(try db.scalarText("SELECT value FROM meta WHERE key='schema_version'") ?? "0") ?? 0
                if current >= Schema.version { return }
            }
            for m in Schema.migrations where m.version > current {
                try db.execute(m.sql)
            }
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)", [.text(String(Schema.version))])
            if current == 0 {
                try db.run("INSERT INTO meta(key, value) VALUES('chain_head', ?), ('event_count', '0')", [.text(Chain.genesisHex)])
                try db.run("INSERT INTO meta(key, value) VALUES('deadline_fingerprint', ?)", [.text(deadlineFingerprint)])
                if training { try db.run("INSERT INTO meta(key, value) VALUES('training', '1')") }
            }
        }
    }

    /// Changes whenever a setting that moves stored deadlines changes.
    public var deadlineFingerprint: String { context.calendar.fingerprint + "/" + context.deadlines.fingerprint }

    /// True when the stored deadlines were computed under other calendar or SLA settings.
    public func deadlinesAreStale() throws(StoreError) -> Bool {
        try read { (try db.scalarText("SELECT value FROM meta WHERE key='deadline_fingerprint'") ?? "") != deadlineFingerprint }
    }

    /// SQLite's change counter for this connection: it moves when another connection commits,
    /// so a screen can refresh when another operator acts.
    public func dataVersion() -> Int64 { (try? db.scalarInt("PRAGMA data_version")) ?? 0 }

    // MARK: error mapping

    func read<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let e as StoreError {
            throw e
        } catch let e as SQLiteError {
            throw StoreError.from(e, path: path)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    func write<T>(_ body: () throws -> T) throws(StoreError) -> T {
        try read { try db.transaction(immediate: true, body) }
    }

    // MARK: writing

    /// Records a new report (intake) and returns it.
    @discardableResult
    public func receive(_ intake: Intake, by actor: Actor, at now: Timestamp) throws(StoreError) -> Complaint {
        try write {
            let id = (try db.scalarInt("SELECT max(id) FROM complaints") ?? 0) + 1
            let clock = try trustedClock()
            switch Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: actor, at: now,
                                   context: context, newID: id, clock: clock) {
            case .failure(let r): throw StoreError.refused(r)
            case .success(let e):
                try refuseTakenTrackingID(e.details.intake?.trackingID, by: actor)
                var chain = try chainForAppend()
                let c = Workflow.evolve(nil, e)
                try insertEvent(e, chain: &chain)
                try noteEventTime(e.at, clock: clock)
                try writeProjection(c, old: nil, contentKey: ContentKey.of(e.details.intake!, receivedAt: c.receivedAt))
                try chain.save(db)
                return c
            }
        }
    }

    /// Applies an action to an existing report. `expectedVersion` is the version the operator's
    /// decision was based on; if the report changed since, nothing is written and `.conflict`
    /// names who changed it and how. Pass nil to act on whatever is current (scripts, sweeps).
    @discardableResult
    public func apply(_ command: Command, to id: Int64, expectedVersion: Int?, by actor: Actor,
                      at now: Timestamp) throws(StoreError) -> Complaint {
        try write {
            // A report that does not exist for the operator gets the very answer a missing id gets.
            guard let current = try loadComplaint(id), Access.mayAddress(command.kind, on: current, actor: actor) else {
                throw StoreError.notFound(id)
            }
            // A written action is refused only by a change that touches what it rests on (a copy
            // added meanwhile does not refuse a follow-up): the core says which (TextDependencies.swift).
            if let expected = expectedVersion, expected != current.version,
               try expected > current.version || Workflow.conflicts(command.kind, with: changeKinds(of: id, after: expected)) {
                throw StoreError.conflict(try conflict(id: id, expected: expected, current: current, viewer: actor))
            }
            if let other = Access.duplicateOriginal(of: command, on: id),
               let refusal = Access.duplicateOriginalRefusal(other, original: try loadComplaint(other), actor: actor) {
                throw StoreError.refused(refusal)
            }
            let clock = try trustedClock()
            switch Workflow.decide(command, on: current, by: actor, at: now, context: context, clock: clock) {
            case .failure(let r):
                throw StoreError.refused(r)
            case .success(let e):
                var chain = try chainForAppend()
                let next = Workflow.evolve(current, e)
                try insertEvent(e, chain: &chain)
                try noteEventTime(e.at, clock: clock)
                try writeProjection(next, old: current, contentKey: nil)
                try chain.save(db)
                return next
            }
        }
    }

    /// What the operator is told about the change they missed: who made the first one, what and
    /// when, only when they may see that event (`Privacy.redacted`); otherwise only that it changed.
    func conflict(id: Int64, expected: Int, current: Complaint, viewer: Actor) throws -> Conflict {
        let s = try db.prepare("SELECT complaint_id, version, at, kind, body FROM events WHERE complaint_id = ? AND version = ?")
        try s.bind([.int(id), .int(Int64(min(expected + 1, current.version)))])
        defer { s.reset() }
        var seen: Event?
        if try s.step(), let e = try s.decoder(EventColumns.init).event(s) { seen = Privacy.redacted(e, in: current, for: viewer) }
        return Conflict(complaintID: id, expectedVersion: expected, currentVersion: current.version,
                        changedBy: seen?.actor, change: seen?.kind, changedAt: seen?.at)
    }

    /// Closes every report whose auto-close period ran out (10 working days after a follow-up the
    /// reporter did not answer). Returns how many were closed.
    @discardableResult
    public func autoCloseDue(at now: Timestamp, limit: Int = 10_000) throws(StoreError) -> Int {
        let due: [Int64] = try read {
            // Its own column: the running deadline may be the 60-day cap, which comes earlier.
            let s = try db.prepare("SELECT id FROM complaints WHERE auto_close_at < ? ORDER BY auto_close_at LIMIT ?")
            try s.bind([.int(now.seconds), .int(Int64(limit))])
            var ids: [Int64] = []
            while try s.step() { ids.append(s.int64(0)) }
            return ids
        }
        guard !due.isEmpty else { return 0 }
        return try write {
            var closed = 0
            var chain = try chainForAppend()
            // A sweep stamped outside the trusted time (a clock run ahead would close reports
            // "in 2099" and freeze them) is refused as a whole, like any action.
            let clock = try trustedClock()
            if let refusal = Workflow.timeProblem(at: now, clock: clock) { throw StoreError.refused(refusal) }
            for id in due {
                guard let current = try loadComplaint(id) else { continue }
                guard case .success(let e) = Workflow.decide(Command(.autoClose), on: current, by: .system, at: now, context: context,
                                                             clock: clock) else { continue }
                let next = Workflow.evolve(current, e)
                try insertEvent(e, chain: &chain)
                try writeProjection(next, old: current, contentKey: nil)
                closed += 1
            }
            if closed > 0 { try noteEventTime(now, clock: clock) }
            try chain.save(db)
            return closed
        }
    }

    // MARK: event log

    func insertEvent(_ e: Event, chain: inout Chain) throws {
        // The connection's login, whatever the caller put there: the store vouches for it.
        var e = e
        e.login = login
        try insertEvent(e, body: EventCodec.storedBody(e), complaintID: e.complaintID, chain: &chain)
    }

    /// Appends one event with its already-encoded body (and, from a bulk load, its content digest),
    /// extending the hash chain.
    func insertEvent(_ e: Event, body: [UInt8], complaintID: Int64, chain: inout Chain, digest: [UInt8]? = nil) throws {
        let seq = chain.count + 1
        let content = digest ?? Chain.contentDigest(version: Int64(e.version), at: e.at.seconds, kind: e.kind.rawValue,
                                                    actor: e.actor.id, body: body)
        let hash = Chain.link(previous: chain.head, seq: seq, complaint: complaintID, content: content)
        let s = try db.prepare("""
            INSERT INTO events(seq, complaint_id, version, at, kind, actor_id, agency_from, agency_to, body, hash)
            VALUES(?,?,?,?,?,?,?,?,?,?)
            """)
        s.bind(seq, at: 1)
        s.bind(complaintID, at: 2)
        s.bind(Int64(e.version), at: 3)
        s.bind(e.at.seconds, at: 4)
        s.bind(e.kind.rawValue, at: 5)
        s.bind(e.actor.id, at: 6)
        s.bind(e.kind == .forward ? e.actor.agency : nil, at: 7)
        s.bind(e.kind == .forward ? e.details.agency : nil, at: 8)
        s.bind(utf8: body, at: 9)
        s.bind(blob: hash, at: 10)
        try s.step()
        chain.head = hash
        chain.count = seq
    }

    // MARK: projections

    /// Writes the report's projection rows and moves its share of the aggregates, in the caller's transaction.
    func writeProjection(_ c: Complaint, old: Complaint?, contentKey: String?) throws {
        let writer = try ProjectionWriter(store: self)
        let values = ProjectionValues.of(c, context: context)
        var aggregates = Aggregates()
        if let old {
            try writer.update(c, values: values, state: StateCodec.encode(c), old: old)
            aggregates.add(old, ProjectionValues.of(old, context: context), sign: -1)
        } else {
            try writer.insert(c, values: values, state: StateCodec.encode(c), contentKey: contentKey)
        }
        aggregates.add(c, values, sign: 1)
        try aggregates.write(db)
    }

    /// Copies the store to `destination` with SQLite's online backup (others may keep working).
    public func backup(to destination: String, progress: (Int, Int) -> Void = { _, _ in }) throws(StoreError) {
        var st = stat()
        if lstat(destination, &st) == 0 { throw .destinationExists(path: destination) }
        // Written to a new temporary file beside the destination (see SafeFile) without a
        // rollback journal, then put in place: a failed backup (a full disk) leaves neither a
        // half-made destination nor a -journal behind, and no planted name is written through.
        let temp: String
        switch SafeFile.createTemporary(beside: destination) {
        case .success(let t): close(t.fd); temp = t.path
        case .failure(let e): throw e.code == EACCES || e.code == EROFS ? .readOnly(path: destination) : .cannotOpen(path: destination, reason: e.reason)
        }
        do {
            let target = try Database(path: temp, options: Database.OpenOptions(noFollow: true))
            try target.execute("PRAGMA journal_mode=OFF")
            try db.backup(to: target, progress: progress)
        } catch {
            unlink(temp)
            unlink(temp + "-journal")
            throw StoreError.from(error, path: destination)
        }
        if let e = SafeFile.placeNew(destination, from: temp) {
            throw e.code == EEXIST ? .destinationExists(path: destination) : .cannotOpen(path: destination, reason: e.reason)
        }
    }
}
