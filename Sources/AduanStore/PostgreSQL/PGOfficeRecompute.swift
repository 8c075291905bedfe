import AduanCore

/// An office change's deadline recompute on a large PostgreSQL store, done by the writer a page at
/// a time between operators' commands (issue 14), as its auto-close and escalation passes are: at
/// 100,000 reports one transaction for every report held every queued command for a minute.
///
/// The change is recorded once, with the first page (`recomputeBatch` reports), in the transaction that settles the command
/// as `working`; each later page is a transaction of its own, which moves the place kept in
/// `aduan.meta` (`deadline_recompute`), so a writer restarted meanwhile goes on from there. The
/// last page settles the command `done` with the counts, which the admin's `office apply` waits
/// for. Between pages a report not reached yet keeps the deadlines of the earlier rules.
extension PGStore {
    /// Where a recompute stands: the command that asked, the office version it recomputes for,
    /// the last report done, and the counts so far.
    struct PendingRecompute: Equatable {
        var command: Int64
        var version: Int
        var after: Int64
        var open: Int
        var changed: Int

        var text: String { "\(command) \(version) \(after) \(open) \(changed)" }

        init(command: Int64, version: Int, after: Int64, open: Int, changed: Int) {
            self.command = command
            self.version = version
            self.after = after
            self.open = open
            self.changed = changed
        }

        init?(_ text: String) {
            let w = text.split(separator: " ").compactMap { Int64($0) }
            guard w.count == 5 else { return nil }
            self.init(command: w[0], version: Int(w[1]), after: w[2], open: Int(w[3]), changed: Int(w[4]))
        }
    }

    static let recomputeKey = "deadline_recompute"

    /// The recompute under way, nil when none; `lock` holds its row for the caller's transaction.
    func pendingRecompute(lock: Bool) throws -> PendingRecompute? {
        let r = try conn.query("SELECT value FROM aduan.meta WHERE key = $1\(lock ? " FOR UPDATE" : "")", [.text(Self.recomputeKey)])
        return r.rowCount == 1 ? r.text(0, "value").flatMap(PendingRecompute.init) : nil
    }

    func savePending(_ p: PendingRecompute) throws {
        try conn.query("""
            INSERT INTO aduan.meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
            """, [.text(Self.recomputeKey), .text(p.text)])
    }

    /// Settles the command `done` with the counts and forgets the recompute.
    func finishRecompute(_ p: PendingRecompute) throws {
        try conn.query("DELETE FROM aduan.meta WHERE key = $1", [.text(Self.recomputeKey)])
        try conn.query("UPDATE aduan.commands SET outcome = 'done', message = $2, result_version = $3 WHERE id = $1",
                       [.int(p.command), .text("open \(p.open) changed \(p.changed)"), .int(Int64(p.version))])
        try conn.query("SELECT pg_notify($1, '')", [.text(Self.outcomesChannel)])
    }

    /// The writer's turn: recomputes the next page of a recompute under way, in a transaction of
    /// its own, with this store's rules, which must be the office version it recomputes for
    /// (`officeVersion`: what the writer read; a writer that has not re-read the office yet
    /// leaves it; an office recorded since by other means starts it again under its rules).
    /// Returns true when more pages remain.
    public func continueRecompute(officeVersion: Int) throws -> Bool {
        // Most turns have none: one read, no transaction.
        guard try pendingRecompute(lock: false) != nil else { return false }
        return try conn.transaction {
            guard var p = try pendingRecompute(lock: true), p.version <= officeVersion else { return false }
            if p.version < officeVersion { p = PendingRecompute(command: p.command, version: officeVersion, after: Int64.min, open: 0, changed: 0) }
            if try recomputePage(&p, context: context) {
                try finishRecompute(p)
                return false
            }
            try savePending(p)
            return true
        }
    }
}
