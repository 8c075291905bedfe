import AduanCore

/// Records each warning and escalation step (Escalation.swift) as an `escalate` event when it
/// first becomes due: the screen's background sweep and `aduan sweep` (for cron) call it. The core
/// decides what is due; a level already recorded is never recorded again, so sweeping twice, or
/// two sweeps at once, adds nothing.
extension ComplaintStore {
    /// Records every warning or step due at `now` on the open reports; returns how many were recorded.
    /// `scan` bounds how many open reports are read, the nearest deadline first (the overdue ones,
    /// which carry the escalations, come first): the screen passes a bound so that opening a large
    /// store stays quick; `aduan sweep` reads them all.
    @discardableResult
    public func recordEscalations(at now: Timestamp, limit: Int = 100_000, scan: Int = Int.max) throws(StoreError) -> Int {
        let open = [Status.belumTerverifikasi, .belumDitindaklanjuti, .proses].map { String($0.code) }.joined(separator: ",")
        // Read first, without the write lock: which reports have something due.
        let candidates: [Int64] = try read {
            let s = try db.prepare("SELECT id FROM complaints WHERE status IN (\(open)) ORDER BY due_key, id LIMIT ?")
            try s.bind([.int(Int64(min(scan, Int(Int64.max))))])
            var ids: [Int64] = []
            while try s.step() {
                let id = s.int64(0)
                guard let c = try? loadComplaint(id) else { continue }
                if !context.escalation.due(for: c, at: now, deadlines: context.deadlines, calendar: context.calendar).isEmpty { ids.append(id) }
                if ids.count >= limit { break }
            }
            return ids
        }
        guard !candidates.isEmpty else { return 0 }
        return try write {
            var recorded = 0
            var chain = try chainForAppend()
            // A sweep stamped outside the trusted time is refused as a whole, like any action.
            let clock = try trustedClock()
            if let refusal = Workflow.timeProblem(at: now, clock: clock) { throw StoreError.refused(refusal) }
            for id in candidates {
                // Decided again under the lock: another sweep may have recorded it meanwhile.
                guard var current = try loadComplaint(id) else { continue }
                let old = current
                for m in context.escalation.due(for: current, at: now, deadlines: context.deadlines, calendar: context.calendar) {
                    guard case .success(let e) = Workflow.decide(Command(.escalate, ActionDetails(escalation: m)), on: current, by: .system,
                                                                 at: now, context: context, clock: clock) else { continue }
                    try insertEvent(e, chain: &chain)
                    current = Workflow.evolve(current, e)
                    recorded += 1
                }
                if current.version != old.version { try writeProjection(current, old: old, contentKey: nil) }
            }
            if recorded > 0 { try noteEventTime(now, clock: clock) }
            try chain.save(db)
            return recorded
        }
    }

    /// The recorded warnings and escalations, per level and holding unit at the time (the dashboard's
    /// counts): the events themselves, so the figures show what the history shows.
    public func escalationCounts() throws(StoreError) -> [(target: EscalationTarget, agency: String, unit: String?, count: Int)] {
        try read {
            let s = try db.prepare("""
                SELECT json_extract(body, '$.escalation.key'), json_extract(body, '$.escalation.agency'),
                       json_extract(body, '$.escalation.unit'), count(*)
                FROM events WHERE kind = 'escalate' AND json_valid(body) GROUP BY 1, 2, 3
                """)
            var rows: [(key: String?, agency: String?, unit: String?, count: Int)] = []
            while try s.step() { rows.append((s.optionalText(0), s.optionalText(1), s.optionalText(2), Int(s.int64(3)))) }
            return Self.escalationTotals(rows)
        }
    }

    /// The dashboard's warnings and escalations per level, agency and unit, from counts per
    /// recorded key (`EscalationMark.key`), agency and unit: one home for both backends.
    static func escalationTotals(_ rows: [(key: String?, agency: String?, unit: String?, count: Int)])
        -> [(target: EscalationTarget, agency: String, unit: String?, count: Int)] {
        var totals: [String: (EscalationTarget, String, String?, Int)] = [:]
        for r in rows {
            guard let key = r.key, let agency = r.agency,
                  let m = EscalationMark(key: key, dueAt: Timestamp(seconds: 0), holder: Holder(agency: agency, unit: r.unit)) else { continue }
            let k = "\(m.target.rawValue)|\(agency)|\(m.holder.unit ?? "")"
            totals[k, default: (m.target, agency, m.holder.unit, 0)].3 += r.count
        }
        return totals.values.map { (target: $0.0, agency: $0.1, unit: $0.2, count: $0.3) }
            .sorted { ($0.target.level, $0.agency, $0.unit ?? "") < ($1.target.level, $1.agency, $1.unit ?? "") }
    }
}

/// The open reports of one escalation level (the Deadlines view's groups by level).
public struct EscalationGroup: Sendable {
    public var level: EscalationTarget
    /// Its rows by deadline: all of them, or the first few when asked for (`rowsPerLevel`).
    public var rows: [InboxRow]
    /// How many reports the level has (at least `rows.count`).
    public var count: Int

    public init(level: EscalationTarget, rows: [InboxRow], count: Int? = nil) {
        self.level = level
        self.rows = rows
        self.count = count ?? rows.count
    }
}

extension ComplaintStore {
    /// The open reports of `scope` with a recorded warning or escalation on a running timer (or the
    /// external flag), grouped by their highest level, the highest first; rows by deadline.
    /// Titles the viewer may not read stay hidden (`content`).
    public func escalatedRows(_ scope: InboxScope, content: ContentAccess, now: Timestamp) throws(StoreError) -> [EscalationGroup] {
        try read {
            let open = [Status.belumTerverifikasi, .belumDitindaklanjuti, .proses].map { String($0.code) }.joined(separator: ",")
            let sc = ScopeSQL(scope, dialect: dialect).holdsNow
            let ids = try db.prepare("""
                SELECT c.id FROM \(Self.complaintSource)
                WHERE c.status IN (\(open)) AND json_valid(t.state) AND json_extract(t.state, '$.es') IS NOT NULL AND (\(sc.sql))
                """)
            try ids.bind(sc.args)
            var levels: [Int64: EscalationTarget] = [:]
            while try ids.step() {
                let id = ids.int64(0)
                guard let c = try? loadComplaint(id),
                      let level = context.escalation.level(of: c, deadlines: context.deadlines, calendar: context.calendar) else { continue }
                levels[id] = level
            }
            let select = rowSelect(content)
            let one = try db.prepare("SELECT \(select.sql) FROM complaints c WHERE c.id = ?")
            var groups: [EscalationTarget: [InboxRow]] = [:]
            for (id, level) in levels {
                try one.bind(select.args + [.int(id)])
                if try one.step() { groups[level, default: []].append(row(from: one, order: .deadline)) }
                one.reset()
            }
            return groups.keys.sorted(by: >).map { level in
                EscalationGroup(level: level, rows: groups[level]!.sorted { ($0.sortKey, $0.id) < ($1.sortKey, $1.id) })
            }
        }
    }
}
