import AduanCore

/// The store's own work on PostgreSQL that no operator asks for: the auto-close of reports whose
/// reporter did not answer in time, done by the writer (the owner) at the server's clock, one
/// event (and one transaction) per report, as `ComplaintStore.autoCloseDue` does on SQLite.
extension PGStore {
    /// Closes every report whose auto-close time has passed by the server's clock; returns how
    /// many it closed. A report the core no longer closes (answered meanwhile) is left as it is.
    @discardableResult
    public func autoCloseDue(limit: Int = 10_000) throws -> Int {
        let now = try serverNow()
        let r = try conn.query("SELECT id FROM aduan.complaints WHERE auto_close_at < $1 ORDER BY auto_close_at, id LIMIT $2",
                               [.int(now.seconds), .int(Int64(max(0, limit)))])
        var closed = 0
        for id in (0..<r.rowCount).compactMap({ r.int64($0, "id") }) {
            do {
                try apply(Command(.autoClose), to: id, expectedVersion: nil, by: .system)
                closed += 1
            } catch StoreError.refused {
                continue
            } catch StoreError.notFound {
                continue
            }
        }
        return closed
    }
}

/// Where a bounded escalation sweep stopped: the last report it read, in the order of when
/// their next warning or step falls due (`complaints.escalate_at`).
public struct PGEscalationCursor: Sendable, Equatable {
    public var escalateAt: Int64
    public var id: Int64
}

/// Warnings and escalations on PostgreSQL (issue 15's ladder), recorded by the owner as
/// `ComplaintStore.recordEscalations` does on SQLite: the core decides what is due at the server's
/// clock; each step is an `escalate` event by `system`, one transaction per report; a level already
/// recorded is refused by the core, so sweeping twice adds nothing.
///
/// Every projection keeps when the report's next mark falls due (`escalate_at`, from the core's
/// `EscalationPolicy.nextDue`; an office change recomputes it), so a sweep reads over an index only
/// the reports something is due on, not every open report: at 20,000 open reports a pass that read
/// every one took 21.6 s and 18,541 statements; one with nothing due is now one statement.
extension PGStore {
    /// The status codes of the reports whose timers may run (the open ones), as SQL.
    static let escalationStatuses = [Status.belumTerverifikasi, .belumDitindaklanjuti, .proses].map { String($0.code) }.joined(separator: ",")

    /// Records every warning or step due now on the open reports, the earliest due first;
    /// `limit` bounds how many reports get events. Returns how many events were recorded.
    @discardableResult
    public func recordEscalationsDue(limit: Int = 1_000_000) throws -> Int {
        var recorded = 0, reports = 0
        var cursor: PGEscalationCursor?
        repeat {
            let r = try recordEscalationsDue(limit: limit - reports, scan: 1_000, after: cursor)
            recorded += r.recorded
            reports += r.reports
            cursor = r.next
        } while cursor != nil && reports < limit
        return recorded
    }

    /// One bounded step of the sweep (the writer's turn): reads at most `scan` reports whose next
    /// mark's time has passed, after `cursor`, and records what is due on at most `limit` of them.
    /// A report read with nothing due (one a store older than schema 7 marked for a look, or a
    /// time that moved) gets its time stored. `next` is where to go on, nil when the pass is done.
    public func recordEscalationsDue(limit: Int, scan: Int, after cursor: PGEscalationCursor?)
        throws -> (recorded: Int, reports: Int, next: PGEscalationCursor?) {
        guard limit > 0 else { return (0, 0, cursor) }
        let now = try serverNow()
        let r = try conn.query("""
            SELECT id, escalate_at FROM aduan.complaints WHERE escalate_at < $1 AND (escalate_at, id) > ($2, $3)
            ORDER BY escalate_at, id LIMIT $4
            """, [.int(now.seconds), .int(cursor?.escalateAt ?? Int64.min), .int(cursor?.id ?? Int64.min), .int(Int64(max(1, scan)))])
        var recorded = 0, reports = 0
        var last: PGEscalationCursor?
        for i in 0..<r.rowCount {
            guard let id = r.int64(i, "id"), let key = r.int64(i, "escalate_at") else { continue }
            last = PGEscalationCursor(escalateAt: key, id: id)
            guard let c = try replayed(id) else { continue }
            let due = context.escalation.due(for: c, at: now, deadlines: context.deadlines, calendar: context.calendar)
            guard !due.isEmpty else {
                // Only if the report did not change meanwhile (another writer's event rewrote its row).
                try conn.query("UPDATE aduan.complaints SET escalate_at = $2 WHERE id = $1 AND version = $3",
                               [.int(id), Self.escalateAt(c, context: context).map { .int($0.seconds) } ?? .null, .int(Int64(c.version))])
                continue
            }
            var any = false
            for m in due {
                do {
                    try apply(Command(.escalate, ActionDetails(escalation: m)), to: id, expectedVersion: nil, by: .system)
                    recorded += 1
                    any = true
                } catch StoreError.refused {
                    continue
                } catch StoreError.notFound {
                    break
                }
            }
            if any { reports += 1 }
            if reports >= limit { return (recorded, reports, last) }
        }
        return (recorded, reports, r.rowCount < max(1, scan) ? nil : last)
    }
}

/// Anchoring the PostgreSQL store's chain (`aduan anchor`): the head the server recorded in
/// `aduan.meta` and each event's hash in `aduan.events`, which only the owner reads.
extension PGStore: AnchoredChain {
    public func anchorHead() throws(StoreError) -> ChainHead {
        let h = try PGOperatorStore.wrap { try chainHead() }
        return ChainHead(count: h.count, hash: Hex.encode(h.head))
    }

    public func anchorChainBreak() throws(StoreError) -> String? {
        try PGOperatorStore.wrap { try firstBrokenLink().map { "the hash chain breaks at event \($0)" } }
    }

    public func checkAnchors(_ anchors: [AnchorLine], trustedKey: [UInt8]?) throws(StoreError) -> [AnchorFinding] {
        try PGOperatorStore.wrap {
            try conn.transaction(.repeatableRead) {
                let holds = try chainHead().count
                var findings: [AnchorFinding] = []
                for a in anchors {
                    if let f = ComplaintStore.signatureFinding(a, trustedKey: trustedKey) { findings.append(f) }
                    if a.head.count > holds {
                        findings.append(.rolledBack(line: a.number, anchored: a.head.count, holds: holds))
                        continue
                    }
                    let stored = a.head.count == 0 ? Chain.genesisHex
                        : try conn.query("SELECT encode(hash, 'hex') AS h FROM aduan.events WHERE seq = $1", [.int(a.head.count)]).text(0, "h") ?? ""
                    if stored != a.head.hash { findings.append(.rewritten(line: a.number, count: a.head.count)) }
                }
                return findings
            }
        }
    }
}
