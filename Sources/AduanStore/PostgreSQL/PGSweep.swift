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

/// Where a bounded escalation sweep stopped: the last report it read, in deadline order.
public struct PGEscalationCursor: Sendable, Equatable {
    public var dueKey: Int64
    public var id: Int64
}

/// Warnings and escalations on PostgreSQL (issue 15's ladder), recorded by the owner as
/// `ComplaintStore.recordEscalations` does on SQLite: the core decides what is due at the server's
/// clock; each step is an `escalate` event by `system`, one transaction per report; a level already
/// recorded is refused by the core, so sweeping twice adds nothing.
extension PGStore {
    /// Records every warning or step due now on the open reports, the nearest deadline first;
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

    /// One bounded step of the sweep (the writer's turn): reads at most `scan` open reports after
    /// `cursor` in deadline order and records what is due on at most `limit` of them. `next` is
    /// where to go on, nil when the end of the open reports was reached.
    public func recordEscalationsDue(limit: Int, scan: Int, after cursor: PGEscalationCursor?)
        throws -> (recorded: Int, reports: Int, next: PGEscalationCursor?) {
        guard limit > 0 else { return (0, 0, cursor) }
        let now = try serverNow()
        let open = [Status.belumTerverifikasi, .belumDitindaklanjuti, .proses].map { String($0.code) }.joined(separator: ",")
        let r = try conn.query("""
            SELECT id, due_key FROM aduan.complaints WHERE status IN (\(open)) AND (due_key, id) > ($1, $2)
            ORDER BY due_key, id LIMIT $3
            """, [.int(cursor?.dueKey ?? Int64.min), .int(cursor?.id ?? Int64.min), .int(Int64(max(1, scan)))])
        var recorded = 0, reports = 0
        var last: PGEscalationCursor?
        for i in 0..<r.rowCount {
            guard let id = r.int64(i, "id"), let key = r.int64(i, "due_key") else { continue }
            last = PGEscalationCursor(dueKey: key, id: id)
            guard let c = try replayed(id) else { continue }
            let due = context.escalation.due(for: c, at: now, deadlines: context.deadlines, calendar: context.calendar)
            guard !due.isEmpty else { continue }
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
