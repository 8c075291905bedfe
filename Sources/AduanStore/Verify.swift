import AduanCore
import CSQLite
import Glibc
import Synchronization

/// One thing `verify` found wrong.
public struct VerifyProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// SQLite's own integrity check.
        case database
        /// The event hash chain (an event edited, removed or reordered).
        case chain
        /// A history that breaks the workflow rules or cannot be read.
        case history
        /// A projection that disagrees with the replay of its events.
        case projection
        /// Status counters, the search index or the record of the deadline settings out of step.
        case index
    }

    public var kind: Kind
    public var complaintID: Int64?
    public var message: String

    public var description: String {
        (complaintID.map { "#\($0): " } ?? "") + message
    }
}

/// The outcome of `verify`.
public struct VerifyReport: Sendable {
    public var problems: [VerifyProblem] = []
    public var eventsChecked = 0
    /// Checks that could not run (not problems).
    public var notes: [String] = []
    public var complaintsChecked = 0
    public var isClean: Bool { problems.isEmpty }
    /// The ids of reports with any problem, for "which complaint" questions.
    public var affectedComplaints: [Int64] { Array(Set(problems.compactMap(\.complaintID))).sorted() }
}

extension ComplaintStore {
    /// Checks the whole store: SQLite integrity, the hash chain over every event, each report's
    /// history replayed through the workflow rules and compared with its projection, the status
    /// counters and the search index. `progress` gets (done, total, phase) now and then.
    public func verify(maxProblems: Int = 1000, names: Directory? = nil,
                       progress: (Int, Int, String) -> Void = { _, _, _ in }) throws(StoreError) -> VerifyReport {
        try read {
            var report = VerifyReport()
            func add(_ kind: VerifyProblem.Kind, _ id: Int64?, _ message: String) {
                if report.problems.count < maxProblems { report.problems.append(VerifyProblem(kind: kind, complaintID: id, message: message)) }
            }

            // 1 and 2 on their own connection and thread, while this one replays: SQLite's own check,
            // then the hash chain. Both are long at a million reports, and this machine has two cores.
            let background = Mutex<(integrity: [String], chain: ChainResult?)>(([], nil))
            let path = self.path
            let thread = startThread {
                let lines = Self.integrityProblems(path: path, maxProblems: maxProblems)
                background.withLock { $0.integrity = lines }
                // A damaged file makes every later finding doubtful: stop at SQLite's verdict.
                guard lines.isEmpty else { return }
                let r = Self.verifyChain(path: path, maxProblems: maxProblems)
                background.withLock { $0.chain = r }
            }
            var joined = false
            func join() -> (integrity: [String], chain: ChainResult?) {
                if !joined, let thread { pthread_join(thread, nil) }
                joined = true
                return background.withLock { $0 }
            }
            /// SQLite's findings, alone: what a replay of a damaged file says is not evidence.
            func integrityReport(_ lines: [String]) -> VerifyReport {
                var r = VerifyReport()
                r.problems = lines.map { VerifyProblem(kind: .database, complaintID: nil, message: $0) }
                return r
            }
            /// Reading failed: if SQLite found the file damaged, that is the finding.
            func integrityReportOrRethrow(_ error: any Error) throws -> VerifyReport {
                let found = join().integrity
                if !found.isEmpty { return integrityReport(found) }
                throw error
            }
            defer { _ = join() }
            progress(0, 1, "replay")
            // Both threads read the whole event log: map the file instead of copying every page
            // through read() twice (a quarter of verify's time at a million reports was the kernel's).
            try db.execute(Self.verifyMapping)
            defer { try? db.execute("PRAGMA mmap_size=0") }

            // One snapshot for every read below, so another operator's commit cannot look like damage.
            try db.execute("BEGIN")
            defer { if db.isInTransaction { try? db.execute("COMMIT") } }
            let totalEvents = Int(try db.scalarInt("SELECT count(*) FROM events") ?? 0)

            // 3. Replay each history and compare with its projection.
            let events = try db.prepareOnce("SELECT complaint_id, version, at, kind, body, actor_id, seq, agency_from, agency_to FROM events ORDER BY complaint_id, version")
            let excuse = try earlierRulesExcuse()
            let projection = try db.prepareOnce("""
                SELECT \(Self.complaintColumns), c.due_at, c.due_kind, c.content_key, c.auto_close_at, c.paused_at,
                    c.receipt_week, c.first_follow_up_wd, c.due_key, c.ping_pong
                FROM complaints c LEFT JOIN complaint_texts t ON t.id = c.id ORDER BY c.id
                """)
            // The copies (who else sees a report), walked alongside in the same order.
            var copies = try CopyCursor(db)
            var holders = try CopyCursor.holders(db)
            // Deadlines made under other settings cannot be told from tampering: say so, compare the rest.
            let deadlines = try checkDeadlineFingerprint()
            switch deadlines {
            case .matches: break
            case .tampered(let message): add(.index, nil, message)
            case .staleReadOnly(let note): report.notes.append(note)
            }
            let compareDeadlines = deadlines.comparesDeadlines
            var hasProjection = try projection.step()
            var history: [Event] = []
            var seqs: [Int64] = []
            var currentID: Int64 = -1
            var damaged = false
            var done = 0

            func finish() throws {
                guard currentID >= 0 else { return }
                defer { history.removeAll(keepingCapacity: true); seqs.removeAll(keepingCapacity: true); damaged = false }
                // Advance the projection cursor to this id, reporting projections without history.
                while hasProjection && projection.int64(0) < currentID {
                    add(.projection, projection.int64(0), "a report row exists with no events behind it")
                    hasProjection = try projection.step()
                }
                let stored: Complaint? = (hasProjection && projection.int64(0) == currentID) ? try? complaint(from: projection) : nil
                let storedDue = stored != nil ? projection.optionalInt64(21) : nil
                let storedDerived = stored != nil ? [projection.optionalInt64(24), projection.optionalInt64(25),
                                                     projection.optionalInt64(26), projection.optionalInt64(27)] : []
                let storedRow = stored != nil ? DerivedColumns(projection) : nil
                if hasProjection && projection.int64(0) == currentID { hasProjection = try projection.step() }
                let storedCopies = try copies.take(currentID) { orphan in
                    add(.projection, orphan, "a copy (tembusan) row exists for a report with no events behind it")
                }
                let storedHolders = try holders.take(currentID) { orphan in
                    add(.projection, orphan, "a holder history row exists for a report with no events behind it")
                }
                report.complaintsChecked += 1
                if damaged { return }
                let replay = Workflow.replay(history, context: context) { e, refusal in
                    e.version >= 1 && e.version <= seqs.count && excuse(e, refusal, seqs[e.version - 1])
                }
                switch replay {
                case .failure(let e):
                    add(.history, currentID, strings(.en).replayError(e, names: names ?? context.directory, zone: context.calendar.zone))
                case .success(let replayed):
                    guard let stored else {
                        add(.projection, currentID, "events exist but the report row is missing")
                        return
                    }
                    if replayed != stored {
                        add(.projection, currentID, "the stored report differs from the replay of its events (\(Self.firstDifference(replayed, stored)))")
                    }
                    let v = ProjectionValues.of(replayed, context: context)
                    let due = v.due?.dueAt.seconds
                    if compareDeadlines && due != storedDue {
                        add(.projection, currentID, "stored deadline \(storedDue.map(String.init) ?? "none") differs from the computed \(due.map(String.init) ?? "none")")
                    }
                    let derived: [Int64?] = [v.autoClose, v.pausedAt, v.receiptWeek, v.firstFollowUpWorkingDays]
                    if compareDeadlines && derived != storedDerived {
                        add(.projection, currentID, "stored timers or week figures differ from the replay of its events")
                    }
                    if let storedRow {
                        for problem in Self.derivedDifferences(storedRow, replayed: replayed, values: v, history: history,
                                                               compareDeadlines: compareDeadlines) {
                            add(.projection, currentID, problem)
                        }
                    }
                    if let problem = Self.copyDifference(storedCopies, replayed: replayed) {
                        add(.projection, currentID, problem)
                    }
                    if let problem = Self.holderDifference(storedHolders, replayed: replayed) {
                        add(.projection, currentID, problem)
                    }
                }
            }

            do {
            while try events.step() {
                let id = events.int64(0)
                if id != currentID {
                    try finish()
                    currentID = id
                }
                guard let e = Self.storedEvent(events) else {
                    add(.history, id, "event version \(events.int64(1)) cannot be read")
                    damaged = true
                    continue
                }
                if e.actor.id != events.text(5) {
                    add(.chain, id, "event version \(events.int64(1)): its actor column disagrees with its recorded text (edited in place)")
                }
                if let problem = Self.forwardColumnsDifference(e, from: events.optionalText(7), to: events.optionalText(8)) {
                    add(.projection, id, problem)
                }
                history.append(e)
                seqs.append(events.int64(6))
                done += 1
                if done % 50_000 == 0 { progress(totalEvents + done, totalEvents * 2, "replay") }
            }
            try finish()
            while hasProjection {
                add(.projection, projection.int64(0), "a report row exists with no events behind it")
                hasProjection = try projection.step()
            }
            _ = try copies.take(Int64.max) { orphan in
                add(.projection, orphan, "a copy (tembusan) row exists for a report with no events behind it")
            }
            _ = try holders.take(Int64.max) { orphan in
                add(.projection, orphan, "a holder history row exists for a report with no events behind it")
            }
            } catch {
                return try integrityReportOrRethrow(error)
            }

            // 4. Counters, while the other thread may still be hashing.
            progress(totalEvents * 2, totalEvents * 2, "aggregates")
            do {
                let counts = try db.prepareOnce("""
                    SELECT a, u, s, sum(x) FROM (
                        SELECT holder_agency AS a, coalesce(holder_unit, '') AS u, status AS s, count(*) AS x FROM complaints GROUP BY 1, 2, 3
                        UNION ALL SELECT agency, unit, status, -n FROM counts)
                    GROUP BY 1, 2, 3 HAVING sum(x) != 0
                    """)
                while try counts.step() {
                    add(.index, nil, "status counter for \(counts.text(0))/\(counts.text(1)) status \(counts.int64(2)) is off by \(-counts.int64(3))")
                }
                let weekly = try db.prepareOnce("""
                    SELECT a, u, w, sum(x) FROM (
                        SELECT holder_agency AS a, coalesce(holder_unit, '') AS u, receipt_week AS w, count(*) AS x FROM complaints GROUP BY 1, 2, 3
                        UNION ALL SELECT agency, unit, week, -received FROM weekly)
                    GROUP BY 1, 2, 3 HAVING sum(x) != 0
                    """)
                while try weekly.step() {
                    add(.index, nil, "weekly receipt figure for \(weekly.text(0))/\(weekly.text(1)) week \(LocalDate(dayNumber: weekly.int(2))) is off by \(-weekly.int64(3))")
                }
                let followUps = try db.prepareOnce("""
                    SELECT a, u, w, d, sum(x) FROM (
                        SELECT holder_agency AS a, coalesce(holder_unit, '') AS u, receipt_week AS w, first_follow_up_wd AS d, count(*) AS x
                        FROM complaints WHERE first_follow_up_wd IS NOT NULL GROUP BY 1, 2, 3, 4
                        UNION ALL SELECT agency, unit, week, wd, -n FROM first_follow_up)
                    GROUP BY 1, 2, 3, 4 HAVING sum(x) != 0
                    """)
                while try followUps.step() {
                    add(.index, nil, "first-follow-up figure for \(followUps.text(0))/\(followUps.text(1)) is off by \(-followUps.int64(4))")
                }
            } catch {
                return try integrityReportOrRethrow(error)
            }

            // 5. The search index (a write statement, so after this snapshot ends), still while the
            // chain thread may be hashing.
            try db.execute("COMMIT")
            progress(totalEvents * 2, totalEvents * 2, "search-index")
            if sqlite3_db_readonly(db.handle, "main") != 1 { do {
                try db.execute("INSERT INTO complaints_fts(complaints_fts, rank) VALUES('integrity-check', 1)")
            } catch let e as SQLiteError where e.isBusy {
                // Another operator is writing: the index check needs a moment alone; say so, do not blame the store.
                report.notes.append("search index not checked: the store is busy (another operator is writing)")
            } catch let e as SQLiteError {
                // Name the reports whose entries are wrong (a slow pass, only when the index is damaged).
                let named = (try? damagedSearchEntries(limit: max(1, maxProblems - report.problems.count))) ?? []
                if named.isEmpty { add(.index, nil, "search index: \(e.message)") }
                for id in named {
                    add(.index, id, "its search index entry disagrees with its title and body (missing from searches, or found by words it does not hold)")
                }
            } }
            progress(totalEvents * 2, totalEvents * 2, "chain")
            let (integrity, chainResult) = join()
            if !integrity.isEmpty { return integrityReport(integrity) }
            let chained = chainResult ?? ChainResult(problems: [VerifyProblem(kind: .chain, complaintID: nil, message: "the chain check could not run")], events: 0)
            report.problems.insert(contentsOf: chained.problems, at: 0)
            report.eventsChecked = chained.events
            // A broken chain stays on record, so every later write is refused until a backup is restored.
            if chainResult != nil { recordChainVerdict(chained.problems) }

            progress(totalEvents * 2, totalEvents * 2, "done")
            return report
        }
    }


    /// Memory-mapped reads for verify's scans (SQLite caps it; Debian's build at 2 GB).
    static let verifyMapping = "PRAGMA mmap_size=2147418112"

    /// `PRAGMA integrity_check` on a connection of its own: its lines, empty when the file is sound.
    static func integrityProblems(path: String, maxProblems: Int) -> [String] {
        do {
            let db = try Database(path: path, options: Database.OpenOptions(readOnly: true))
            db.setBusyTimeout(milliseconds: 5000)
            try db.execute(Self.verifyMapping)
            let ic = try db.prepareOnce("PRAGMA integrity_check(\(max(1, maxProblems)))")
            var lines: [String] = []
            while try ic.step() {
                let line = ic.text(0)
                if line != "ok" { lines.append(line) }
            }
            return lines
        } catch {
            return ["the integrity check could not run: \(error)"]
        }
    }

    struct ChainResult: Sendable {
        var problems: [VerifyProblem]
        var events: Int
    }

    /// Walks the event log in order, recomputing every hash from the stored one before it.
    static func verifyChain(path: String, maxProblems: Int) -> ChainResult {
        var problems: [VerifyProblem] = []
        func add(_ id: Int64?, _ message: String) {
            if problems.count < maxProblems { problems.append(VerifyProblem(kind: .chain, complaintID: id, message: message)) }
        }
        do {
            let db = try Database(path: path, options: Database.OpenOptions(readOnly: true))
            try db.execute(Self.verifyMapping)
            try db.execute("BEGIN")
            defer { try? db.execute("COMMIT") }
            let meta = try Chain.load(db)
            var head = Chain.genesis
            var expectedSeq: Int64 = 1
            let chain = try db.prepareOnce("SELECT seq, complaint_id, version, at, kind, actor_id, body, hash FROM events ORDER BY seq")
            var n = 0
            while try chain.step() {
                let seq = chain.int64(0)
                let id = chain.int64(1)
                if seq != expectedSeq {
                    add(id, "event log position \(seq) follows \(expectedSeq - 1): \(seq > expectedSeq ? "\(seq - expectedSeq) event(s) missing" : "order broken")")
                    expectedSeq = seq
                }
                // Each hash is checked against the stored hash before it: an edited event fails its own
                // check, a removed or moved one fails the check of the event after it.
                let stored = chain.blob(7)
                let recomputed = Chain.link(previous: head, seq: seq, complaint: id, content: Chain.contentDigest(ofRow: chain))
                if recomputed != stored {
                    add(id, "event \(seq) was altered, removed, inserted or reordered after it was written (hash mismatch)")
                }
                head = stored
                expectedSeq += 1
                n += 1
            }
            if n > 0 || meta.count > 0 {
                if meta.count != Int64(n) { add(nil, "the log holds \(n) events but \(meta.count) were recorded (events removed or added outside Aduan)") }
                if meta.head != head { add(nil, "the last event is not the one recorded as the head of the chain (events removed at the end?)") }
            }
            return ChainResult(problems: problems, events: n)
        } catch {
            add(nil, "the event log cannot be read: \(error)")
            return ChainResult(problems: problems, events: 0)
        }
    }

    /// Names the first field where two states differ, for a readable verify message.
    static func firstDifference(_ a: Complaint, _ b: Complaint) -> String {
        let fields: [(String, Bool)] = [
            ("status", a.status == b.status), ("holder", a.holder == b.holder), ("title", a.title == b.title),
            ("body", a.body == b.body), ("version", a.version == b.version), ("holder chain", a.holderChain == b.holderChain),
            ("reporter", a.reporter == b.reporter), ("flags", a.anonymous == b.anonymous && a.confidential == b.confidential),
            ("classification", a.classification == b.classification && a.category == b.category),
            ("timers", a.dispositionAt == b.dispositionAt && a.lastFollowUpAt == b.lastFollowUpAt && a.pauses == b.pauses),
            ("updated", a.updatedAt == b.updatedAt && a.updatedBy == b.updatedBy), ("rating", a.rating == b.rating),
        ]
        return fields.first { !$0.1 }?.0 ?? "other fields"
    }
}
