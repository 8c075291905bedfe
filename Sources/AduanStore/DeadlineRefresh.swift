import AduanCore
import CSQLite

/// When the office changes its calendar or deadline settings, the deadlines stored with each
/// report (and the working-day figures) were computed under the old rules. At open a writable
/// store recomputes them, in one transaction, so the inbox order, `overdue` and the dashboard
/// follow the same rules as `show`, and `verify` stays clean.
extension ComplaintStore {
    /// What a recompute did: how many open reports were recomputed, and how many of their stored values moved.
    public struct DeadlineRecompute: Sendable, Equatable {
        /// Open reports whose deadlines were computed again.
        public var open: Int
        /// Reports whose stored deadline or figures moved.
        public var changed: Int
    }

    /// Recomputes the stored deadlines when the recorded settings differ from the office's;
    /// nil when they were current (or another operator holds the write lock: retried at the next open).
    func recomputeDeadlinesIfStale() throws -> DeadlineRecompute? {
        guard try recordedDeadlineFingerprint() != deadlineFingerprint, sqlite3_db_readonly(db.handle, "main") != 1 else { return nil }
        do {
            return try db.transaction(immediate: true) { () throws -> DeadlineRecompute? in
                // Another process may have done it while this one waited for the lock.
                guard try recordedDeadlineFingerprint() != deadlineFingerprint else { return nil }
                let result = try recomputeDeadlines()
                try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('deadline_fingerprint', ?)", [.text(deadlineFingerprint)])
                // Events up to here were decided under earlier rules (verify excuses their auto-close timing).
                try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES(?, (SELECT coalesce(max(seq), 0) FROM events))",
                           [.text(Self.rulesChangedAfterKey)])
                return result
            }
        } catch let e as SQLiteError where e.isBusy || e.isReadOnly {
            // Busy: retried at the next open. Read-only: cannot be brought up to date; verify says so.
            return nil
        }
    }

    /// The last event decided before the deadline settings last changed.
    static let rulesChangedAfterKey = "deadline_rules_changed_after_seq"

    /// Verify's excuse: an auto-close recorded before the settings changed was judged by the
    /// rules of its time, which the store no longer knows; today's rules cannot call it early.
    func earlierRulesExcuse() throws -> (Event, Refusal, Int64) -> Bool {
        let after = Int64(try db.scalarText("SELECT value FROM meta WHERE key = ?", [.text(Self.rulesChangedAfterKey)]) ?? "0") ?? 0
        return { event, refusal, seq in
            guard case .autoCloseNotDue = refusal, event.kind == .autoClose, event.actor == .system else { return false }
            return seq <= after
        }
    }

    func recordedDeadlineFingerprint() throws -> String {
        try db.scalarText("SELECT value FROM meta WHERE key='deadline_fingerprint'") ?? ""
    }

    /// In the caller's transaction: the deadline columns of every open report (replayed from its
    /// stored state through the core's deadline rules), and the working-day figures of all reports.
    func recomputeDeadlines() throws -> DeadlineRecompute {
        struct Row: Equatable {
            var dueAt: Int64?, dueKind: String?, dueKey: Int64, autoClose: Int64?, ffwd: Int64?, week: Int64
        }
        var updates: [(Int64, Row)] = []
        var open = 0
        // Whether a working-day figure or receipt week moved (the dashboard sums them).
        var figuresMoved = false
        /// Queues an update when a value moved; true when a figure the dashboard sums moved.
        func changed(_ id: Int64, _ stored: Row, _ now: Row) -> Bool {
            guard now != stored else { return false }
            updates.append((id, now))
            return now.ffwd != stored.ffwd || now.week != stored.week
        }
        // Reports with running timers: the whole report, as the core decides deadlines from it.
        let closed = [Status.tunda, .selesai, .arsip].map { String($0.code) }.joined(separator: ",")
        let running = try db.prepare("""
            SELECT \(ProjectionColumns.complaintSelect), c.due_at, c.due_kind, c.due_key, c.auto_close_at, c.first_follow_up_wd, c.receipt_week
            FROM \(Self.complaintSource) WHERE c.status NOT IN (\(closed))
            """)
        let columns = try ProjectionColumns(running)
        while try running.step() {
            // A damaged row is left as it is: verify names it.
            guard let c = try? columns.complaint(running, path: path) else { continue }
            let v = ProjectionValues.of(c, context: context)
            open += 1
            let d = columns.derived(running)
            let stored = Row(dueAt: d.dueAt, dueKind: d.dueKind, dueKey: d.dueKey, autoClose: d.autoClose, ffwd: d.firstFollowUp,
                             week: d.receiptWeek ?? 0)
            let now = Row(dueAt: v.due?.dueAt.seconds, dueKind: v.due?.kind.rawValue, dueKey: v.due?.dueAt.seconds ?? Self.noDeadlineKey,
                          autoClose: v.autoClose, ffwd: v.firstFollowUpWorkingDays, week: v.receiptWeek)
            if changed(c.id, stored, now) { figuresMoved = true }
        }
        // The others run no timer; only their working-day figure and receipt week can move.
        let zone = context.calendar.zone
        let rest = try db.prepare("""
            SELECT c.id, c.received_at, CASE WHEN json_valid(t.state) THEN json_extract(t.state, '$.fd') END,
                CASE WHEN json_valid(t.state) THEN json_extract(t.state, '$.ff') END, c.first_follow_up_wd,
                c.receipt_week, c.due_at, c.due_kind, c.due_key, c.auto_close_at
            FROM \(Self.complaintSource) WHERE c.status IN (\(closed))
            """)
        while try rest.step() {
            var ffwd: Int64?
            if let disposed = rest.optionalInt64(2), let ff = rest.optionalInt64(3) {
                ffwd = Int64(context.calendar.workingDays(after: zone.dayNumber(of: Timestamp(seconds: disposed)),
                                                          through: zone.dayNumber(of: Timestamp(seconds: ff))))
            }
            let week = Int64(ProjectionValues.mondayOf(zone.dayNumber(of: Timestamp(seconds: rest.int64(1)))))
            let stored = Row(dueAt: rest.optionalInt64(6), dueKind: rest.optionalText(7), dueKey: rest.int64(8),
                             autoClose: rest.optionalInt64(9), ffwd: rest.optionalInt64(4), week: rest.int64(5))
            var now = stored
            now.ffwd = ffwd
            now.week = week
            if changed(rest.int64(0), stored, now) { figuresMoved = true }
        }
        let update = try db.prepare("""
            UPDATE complaints SET due_at = ?2, due_kind = ?3, due_key = ?4, auto_close_at = ?5, first_follow_up_wd = ?6,
                receipt_week = ?7 WHERE id = ?1
            """)
        for (id, r) in updates {
            try update.bind([.int(id), SQLValue(r.dueAt), SQLValue(r.dueKind), .int(r.dueKey), SQLValue(r.autoClose),
                             SQLValue(r.ffwd), .int(r.week)])
            _ = try update.step()
            update.reset()
        }
        // The weekly and first-follow-up figures are sums over these columns: rebuild them in one pass.
        if figuresMoved {
            try db.execute("""
                DELETE FROM weekly;
                INSERT INTO weekly(agency, unit, week, received)
                    SELECT holder_agency, coalesce(holder_unit, ''), receipt_week, count(*) FROM complaints GROUP BY 1, 2, 3;
                DELETE FROM first_follow_up;
                INSERT INTO first_follow_up(agency, unit, week, wd, n)
                    SELECT holder_agency, coalesce(holder_unit, ''), receipt_week, first_follow_up_wd, count(*) FROM complaints
                    WHERE first_follow_up_wd IS NOT NULL GROUP BY 1, 2, 3, 4;
                """)
        }
        return DeadlineRecompute(open: open, changed: updates.count)
    }
}
