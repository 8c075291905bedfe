import AduanCore
import Glibc
import Synchronization

/// One run of `verify`: one method per check, each adding its findings to `report`.
/// SQLite's own check and the hash chain run on a thread and connection of their own
/// (`BackgroundChecks`) while this one replays the histories and checks the counters and the
/// search index over one snapshot.
final class Verifier {
    let store: ComplaintStore
    let maxProblems: Int
    let names: Directory
    private(set) var report = VerifyReport()
    var db: Database { store.db }
    var context: WorkflowContext { store.context }

    init(store: ComplaintStore, maxProblems: Int, names: Directory) {
        self.store = store
        self.maxProblems = maxProblems
        self.names = names
    }

    func add(_ kind: VerifyProblem.Kind, _ id: Int64?, _ message: String) {
        if report.problems.count < maxProblems { report.problems.append(VerifyProblem(kind: kind, complaintID: id, message: message)) }
    }

    /// A read in the middle of a check failed: if SQLite found the file damaged, that is the
    /// finding (what a replay of a damaged file says is not evidence); otherwise the error stands.
    struct ReadFailed: Error {
        var error: any Error
    }

    /// Runs every check in turn and returns what they found.
    func run(progress: (Int, Int, String) -> Void) throws -> VerifyReport {
        let background = BackgroundChecks(path: store.path, maxProblems: maxProblems)
        defer { _ = background.join() }
        progress(0, 1, "replay")
        // Both threads read the whole event log: map the file instead of copying every page
        // through read() twice (a quarter of verify's time at a million reports was the kernel's).
        try db.execute(Self.mapping)
        defer { try? db.execute("PRAGMA mmap_size=0") }

        // One snapshot for every read below, so another operator's commit cannot look like damage.
        try db.execute("BEGIN")
        defer { if db.isInTransaction { try? db.execute("COMMIT") } }
        let totalEvents = Int(try db.scalarInt("SELECT count(*) FROM events") ?? 0)
        do {
            try replayHistories(totalEvents: totalEvents, progress: progress)
            // The counters, while the other thread may still be hashing.
            progress(totalEvents * 2, totalEvents * 2, "aggregates")
            do { try checkCounters() } catch { throw ReadFailed(error: error) }
        } catch let failed as ReadFailed {
            let found = background.join().integrity
            if !found.isEmpty { return Self.integrityReport(found) }
            throw failed.error
        }

        // The search index (a write statement, so after this snapshot ends), still while the
        // chain thread may be hashing.
        try db.execute("COMMIT")
        progress(totalEvents * 2, totalEvents * 2, "search-index")
        checkSearchIndex()

        progress(totalEvents * 2, totalEvents * 2, "chain")
        let (integrity, chainResult) = background.join()
        if !integrity.isEmpty { return Self.integrityReport(integrity) }
        let chained = chainResult ?? ChainResult(problems: [VerifyProblem(kind: .chain, complaintID: nil, message: "the chain check could not run")], events: 0)
        report.problems.insert(contentsOf: chained.problems, at: 0)
        report.eventsChecked = chained.events
        // A broken chain stays on record, so every later write is refused until a backup is restored.
        if chainResult != nil { store.recordChainVerdict(chained.problems) }
        progress(totalEvents * 2, totalEvents * 2, "done")
        return report
    }

    /// SQLite's findings, alone.
    static func integrityReport(_ lines: [String]) -> VerifyReport {
        var r = VerifyReport()
        r.problems = lines.map { VerifyProblem(kind: .database, complaintID: nil, message: $0) }
        return r
    }

    // MARK: replay

    /// The report being replayed: its events so far and their log positions.
    private var history: [Event] = []
    private var seqs: [Int64] = []
    private var currentID: Int64 = -1
    private var damaged = false

    /// Replays each history and compares it with its projection, copies and former holders, all
    /// walked in report order side by side. Errors while walking are `ReadFailed`.
    func replayHistories(totalEvents: Int, progress: (Int, Int, String) -> Void) throws {
        let events = try db.prepareOnce("SELECT complaint_id, version, at, kind, body, actor_id, seq, agency_from, agency_to FROM events ORDER BY complaint_id, version")
        let excuse = try store.earlierRulesExcuse()
        let projection = try db.prepareOnce("""
            SELECT \(ProjectionColumns.complaintSelect), c.due_at, c.due_kind, c.content_key, c.auto_close_at, c.paused_at,
                c.receipt_week, c.first_follow_up_wd, c.due_key, c.ping_pong, c.draft_by
            FROM complaints c LEFT JOIN complaint_texts t ON t.id = c.id ORDER BY c.id
            """)
        let columns = try ProjectionColumns(projection)
        // The copies (who else sees a report), walked alongside in the same order.
        var copies = try ComplaintStore.CopyCursor(db)
        var holders = try ComplaintStore.CopyCursor.holders(db)
        // Deadlines made under other settings cannot be told from tampering: say so, compare the rest.
        let deadlines = try store.checkDeadlineFingerprint()
        switch deadlines {
        case .matches: break
        case .tampered(let message): add(.index, nil, message)
        case .staleReadOnly(let note): report.notes.append(note)
        }
        let compareDeadlines = deadlines.comparesDeadlines
        let eventColumns = try EventColumns(events)
        let actorColumn = try events.requiredColumn("actor_id"), seqColumn = try events.requiredColumn("seq")
        let fromColumn = try events.requiredColumn("agency_from"), toColumn = try events.requiredColumn("agency_to")
        do {
            var hasProjection = try projection.step()
            var done = 0
            func orphanRows() { add(.projection, projection.int64(columns.id), "a report row exists with no events behind it") }
            func orphanCopy(_ id: Int64) { add(.projection, id, "a copy (tembusan) row exists for a report with no events behind it") }
            func orphanHolder(_ id: Int64) { add(.projection, id, "a holder history row exists for a report with no events behind it") }

            /// Compares the finished history of `currentID` with its stored rows.
            func finish() throws {
                guard currentID >= 0 else { return }
                defer { history.removeAll(keepingCapacity: true); seqs.removeAll(keepingCapacity: true); damaged = false }
                // Advance the projection cursor to this id, reporting projections without history.
                while hasProjection && projection.int64(columns.id) < currentID {
                    orphanRows()
                    hasProjection = try projection.step()
                }
                let here = hasProjection && projection.int64(columns.id) == currentID
                let stored: Complaint? = here ? try? columns.complaint(projection, path: store.path) : nil
                let derived = stored != nil ? columns.derived(projection) : nil
                if here { hasProjection = try projection.step() }
                let storedCopies = try copies.take(currentID, orphan: orphanCopy)
                let storedHolders = try holders.take(currentID, orphan: orphanHolder)
                report.complaintsChecked += 1
                if damaged { return }
                compare(stored: stored, derived: derived, copies: storedCopies, holders: storedHolders,
                        compareDeadlines: compareDeadlines, excuse: excuse)
            }

            while try events.step() {
                let id = events.int64(eventColumns.complaint)
                if id != currentID {
                    try finish()
                    currentID = id
                }
                guard let e = eventColumns.event(events) else {
                    add(.history, id, "event version \(events.int64(eventColumns.version)) cannot be read")
                    damaged = true
                    continue
                }
                if e.actor.id != events.text(actorColumn) {
                    add(.chain, id, "event version \(events.int64(eventColumns.version)): its actor column disagrees with its recorded text (edited in place)")
                }
                if let problem = ComplaintStore.forwardColumnsDifference(e, from: events.optionalText(fromColumn), to: events.optionalText(toColumn)) {
                    add(.projection, id, problem)
                }
                history.append(e)
                seqs.append(events.int64(seqColumn))
                done += 1
                if done % 50_000 == 0 { progress(totalEvents + done, totalEvents * 2, "replay") }
            }
            try finish()
            while hasProjection {
                orphanRows()
                hasProjection = try projection.step()
            }
            _ = try copies.take(Int64.max, orphan: orphanCopy)
            _ = try holders.take(Int64.max, orphan: orphanHolder)
        } catch {
            throw ReadFailed(error: error)
        }
    }

    /// One replayed history against what the store holds for it.
    private func compare(stored: Complaint?, derived: DerivedColumns?, copies: [String], holders: [String], compareDeadlines: Bool,
                         excuse: (Event, Refusal, Int64) -> Bool) {
        let seqs = self.seqs
        let replay = Workflow.replay(history, context: context) { e, refusal in
            e.version >= 1 && e.version <= seqs.count && excuse(e, refusal, seqs[e.version - 1])
        }
        switch replay {
        case .failure(let e):
            add(.history, currentID, strings(.en).replayError(e, names: names, zone: context.calendar.zone))
        case .success(let replayed):
            guard let stored, let derived else {
                add(.projection, currentID, "events exist but the report row is missing")
                return
            }
            if replayed != stored {
                add(.projection, currentID, "the stored report differs from the replay of its events (\(Self.firstDifference(replayed, stored)))")
            }
            let v = ProjectionValues.of(replayed, context: context)
            let due = v.due?.dueAt.seconds
            if compareDeadlines && due != derived.dueAt {
                add(.projection, currentID, "stored deadline \(derived.dueAt.map(String.init) ?? "none") differs from the computed \(due.map(String.init) ?? "none")")
            }
            let timers: [Int64?] = [v.autoClose, v.pausedAt, v.receiptWeek, v.firstFollowUpWorkingDays]
            if compareDeadlines && timers != [derived.autoClose, derived.pausedAt, derived.receiptWeek, derived.firstFollowUp] {
                add(.projection, currentID, "stored timers or week figures differ from the replay of its events")
            }
            for problem in ComplaintStore.derivedDifferences(derived, replayed: replayed, values: v, history: history,
                                                             compareDeadlines: compareDeadlines) {
                add(.projection, currentID, problem)
            }
            if let problem = ComplaintStore.copyDifference(copies, replayed: replayed) { add(.projection, currentID, problem) }
            if let problem = ComplaintStore.holderDifference(holders, replayed: replayed) { add(.projection, currentID, problem) }
        }
    }

    // MARK: counters

    /// A table of sums the dashboard reads, against a recount of the projection.
    struct Counter: Sendable {
        var table: String
        /// The counted columns: in `complaints`, in the counters table.
        var keys: [(complaints: String, counter: String)]
        /// The counters table's count column.
        var count: String
        /// Only projection rows that count here.
        var only: String = ""
        /// The finding, from the row (agency, unit, keys…, difference).
        var finding: @Sendable (Statement) -> String

        /// Rows (agency, unit, keys…, recount − counter) where the two disagree.
        var sql: String {
            let groups = (1...(2 + keys.count)).map(String.init).joined(separator: ", ")
            let names = keys.indices.map { "k\($0)" }
            return """
                SELECT a, u, \(names.joined(separator: ", ")), sum(x) FROM (
                    SELECT holder_agency AS a, coalesce(holder_unit, '') AS u, \(zip(keys, names).map { "\($0.complaints) AS \($1)" }.joined(separator: ", ")), count(*) AS x
                    FROM complaints\(only.isEmpty ? "" : " WHERE " + only) GROUP BY \(groups)
                    UNION ALL SELECT agency, unit, \(keys.map(\.counter).joined(separator: ", ")), -\(count) FROM \(table))
                GROUP BY \(groups) HAVING sum(x) != 0
                """
        }
    }

    static let counters: [Counter] = [
        Counter(table: "counts", keys: [("status", "status")], count: "n") { s in
            "status counter for \(s.text(0))/\(s.text(1)) status \(s.int64(2)) is off by \(-s.int64(3))"
        },
        Counter(table: "weekly", keys: [("receipt_week", "week")], count: "received") { s in
            "weekly receipt figure for \(s.text(0))/\(s.text(1)) week \(LocalDate(dayNumber: s.int(2))) is off by \(-s.int64(3))"
        },
        Counter(table: "first_follow_up", keys: [("receipt_week", "week"), ("first_follow_up_wd", "wd")], count: "n",
                only: "first_follow_up_wd IS NOT NULL") { s in
            "first-follow-up figure for \(s.text(0))/\(s.text(1)) is off by \(-s.int64(4))"
        },
    ]

    /// The status counters, weekly receipts and first-follow-up histogram against a recount.
    func checkCounters() throws {
        for counter in Self.counters {
            let s = try db.prepareOnce(counter.sql)
            while try s.step() { add(.index, nil, counter.finding(s)) }
        }
    }

    // MARK: search index

    /// FTS5's own check of the search index; when it fails, the reports whose entries are wrong.
    func checkSearchIndex() {
        guard !db.isReadOnly else { return }
        do {
            try db.execute("INSERT INTO complaints_fts(complaints_fts, rank) VALUES('integrity-check', 1)")
        } catch let e where e.isBusy {
            // Another operator is writing: the index check needs a moment alone; say so, do not blame the store.
            report.notes.append("search index not checked: the store is busy (another operator is writing)")
        } catch {
            // Name the reports whose entries are wrong (a slow pass, only when the index is damaged).
            let named = (try? store.damagedSearchEntries(limit: max(1, maxProblems - report.problems.count))) ?? []
            if named.isEmpty { add(.index, nil, "search index: \(error.message)") }
            for id in named {
                add(.index, id, "its search index entry disagrees with its title and body (missing from searches, or found by words it does not hold)")
            }
        }
    }
}

/// SQLite's integrity check, then the hash chain, on a thread and connection of their own: both
/// are long at a million reports, and the machine has two cores.
final class BackgroundChecks: Sendable {
    private let found = Mutex<(integrity: [String], chain: Verifier.ChainResult?)>(([], nil))
    private let thread = Mutex<pthread_t?>(nil)

    init(path: String, maxProblems: Int) {
        let t = startThread { [self] in
            let lines = Verifier.integrityProblems(path: path, maxProblems: maxProblems)
            self.found.withLock { $0.integrity = lines }
            // A damaged file makes every later finding doubtful: stop at SQLite's verdict.
            guard lines.isEmpty else { return }
            let r = Verifier.verifyChain(path: path, maxProblems: maxProblems)
            self.found.withLock { $0.chain = r }
        }
        thread.withLock { $0 = t }
    }

    /// Waits for the thread (once) and returns its findings.
    func join() -> (integrity: [String], chain: Verifier.ChainResult?) {
        let running = thread.withLock { t in
            let current = t
            t = nil
            return current
        }
        if let running { pthread_join(running, nil) }
        return found.withLock { $0 }
    }
}
