import AduanCore

// Recomputes the stored deadline columns and working-day figures under this store's context,
// in the caller's transaction: used by `aduan office apply` (OfficeRecord.swift) on a store
// object carrying the NEW office's context.
//
// MERGE NOTE: this is the body of `recomputeDeadlines()` from branch fix10-d
// (Sources/AduanStore/DeadlineRefresh.swift, "Recompute stored deadlines at open"), copied under
// another name because that branch is not merged yet. Once it is, delete this file and call
// `recomputeDeadlines()` from `recordOffice` instead: one place for the rule.
extension ComplaintStore {
    /// What a recompute did: open reports recomputed, and how many stored rows moved.
    public struct OfficeDeadlineRecompute: Sendable, Equatable {
        public var open: Int
        public var changed: Int
    }

    func recomputeStoredDeadlines() throws -> OfficeDeadlineRecompute {
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
            SELECT \(Self.complaintColumns), c.due_at, c.due_kind, c.due_key, c.auto_close_at, c.first_follow_up_wd, c.receipt_week
            FROM \(Self.complaintSource) WHERE c.status NOT IN (\(closed))
            """)
        while try running.step() {
            // A damaged row is left as it is: verify names it.
            guard let c = try? complaint(from: running) else { continue }
            let v = ProjectionValues.of(c, context: context)
            open += 1
            let stored = Row(dueAt: running.optionalInt64(21), dueKind: running.optionalText(22), dueKey: running.int64(23),
                             autoClose: running.optionalInt64(24), ffwd: running.optionalInt64(25), week: running.int64(26))
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
        return OfficeDeadlineRecompute(open: open, changed: updates.count)
    }
}
