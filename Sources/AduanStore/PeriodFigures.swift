import AduanCore

/// The monthly recap (rekapitulasi) for one scope: the reports received in a period of local
/// days, each in the state it is in at `now`, and the forwards made in that period. Long Tunda is
/// what is paused too long at `now`, whenever it came in.
public struct PeriodFigures: Sendable {
    public struct HolderMedian: Sendable {
        public var holder: Holder
        public var median: Double
        public var sample: Int
    }
    public struct PausedReport: Sendable {
        public var id: Int64
        public var trackingID: String?
        public var holder: Holder
        public var pausedAt: Timestamp
    }

    public var from: LocalDate
    public var to: LocalDate
    /// Reports received in the period per current holder × status.
    public var byHolderAndStatus: [SupervisorFigures.Cell]
    /// Of those, how many are overdue at `now`, per holder, most first.
    public var overdueByHolder: [(holder: Holder, count: Int)]
    public var received: Int
    public var selesai: Int
    /// Median working days from disposition to first follow-up over the period's reports that have one.
    public var medianFirstFollowUpWorkingDays: Double?
    public var firstFollowUpSample: Int
    public var firstFollowUpByHolder: [HolderMedian]
    /// Reports received in each Monday-based week that overlaps the period (only days inside it count).
    public var receivedPerWeek: [(weekStart: LocalDate, count: Int)]
    public var forwardsOut: Int
    public var forwardsIn: Int
    /// Reports in Tunda for longer than the policy's `tundaAlertDays` at `now`, longest first.
    public var longTunda: [PausedReport]
}

extension PeriodFigures {
    /// The median of a histogram (value, count) sorted by value; nil when empty.
    static func median(_ histogram: [(value: Int64, n: Int)]) -> (Double?, Int) {
        let sample = histogram.reduce(0) { $0 + $1.n }
        guard sample > 0 else { return (nil, 0) }
        func value(at rank: Int) -> Int64 {
            var seen = 0
            for (v, n) in histogram {
                seen += n
                if seen > rank { return v }
            }
            return histogram.last!.value
        }
        let m = sample % 2 == 1 ? Double(value(at: sample / 2)) : Double(value(at: sample / 2 - 1) + value(at: sample / 2)) / 2
        return (m, sample)
    }
}

extension ComplaintStore {
    /// The recap of the reports received from `from` to `to` (local days, both included).
    public func periodFigures(_ scope: InboxScope, from: LocalDate, to: LocalDate, now: Timestamp) throws(StoreError) -> PeriodFigures {
        try read {
            let zone = context.calendar.zone
            let start = zone.startOfDay(from), end = zone.startOfDay(to.adding(days: 1))
            // What the scope holds now, as the dashboard counts it (copies are not holdings).
            let scopeSQL = ScopeSQL(scope, dialect: dialect)
            let held = scopeSQL.held
            let firstMonday = ProjectionValues.mondayOf(from.dayNumber)
            var weeks: [(weekStart: LocalDate, count: Int)] = stride(from: firstMonday, through: to.dayNumber, by: 7).map { (LocalDate(dayNumber: $0), 0) }
            if scopeSQL.holdsNothing {
                // A liaison without a unit: nothing to count (and no index range to read).
                return PeriodFigures(from: from, to: to, byHolderAndStatus: [], overdueByHolder: [], received: 0, selesai: 0,
                                     medianFirstFollowUpWorkingDays: nil, firstFollowUpSample: 0, firstFollowUpByHolder: [],
                                     receivedPerWeek: weeks, forwardsOut: 0, forwardsIn: 0, longTunda: [])
            }
            let cohort = held && SQLCondition(sql: "c.received_at >= ? AND c.received_at < ?", args: [.int(start.seconds), .int(end.seconds)])
            func holder(_ s: Statement, _ agency: Int32, _ unit: Int32) -> Holder {
                Holder(agency: s.text(agency), unit: s.optionalText(unit).flatMap { $0.isEmpty ? nil : $0 })
            }

            var cells: [SupervisorFigures.Cell] = []
            var overdue: [(holder: Holder, count: Int)] = []
            do {
                let s = try db.prepare("""
                    SELECT c.holder_agency, c.holder_unit, c.status, count(*), sum(c.due_key < ?) FROM complaints c INDEXED BY complaints_received
                    WHERE \(cohort.sql) GROUP BY c.holder_agency, c.holder_unit, c.status ORDER BY c.holder_agency, c.holder_unit, c.status
                    """)
                try s.bind([.int(now.seconds)] + cohort.args)
                var late: [Holder: Int] = [:]
                while try s.step() {
                    let h = holder(s, 0, 1)
                    if let st = Status(code: s.int64(2)) { cells.append(.init(holder: h, status: st, count: s.int(3))) }
                    if s.int(4) > 0 { late[h, default: 0] += s.int(4) }
                }
                overdue = late.map { (holder: $0.key, count: $0.value) }.sorted { ($0.count, $1.holder.description) > ($1.count, $0.holder.description) }
            }
            let received = cells.reduce(0) { $0 + $1.count }
            let selesai = cells.filter { $0.status == .selesai }.reduce(0) { $0 + $1.count }

            // Working days to first follow-up, as a histogram per holder.
            var perHolder: [Holder: [(value: Int64, n: Int)]] = [:]
            var all: [Int64: Int] = [:]
            do {
                let cond = cohort && SQLCondition(sql: "c.first_follow_up_wd IS NOT NULL", args: [])
                let s = try db.prepare("""
                    SELECT c.holder_agency, c.holder_unit, c.first_follow_up_wd, count(*) FROM complaints c INDEXED BY complaints_received
                    WHERE \(cond.sql) GROUP BY c.holder_agency, c.holder_unit, c.first_follow_up_wd ORDER BY c.first_follow_up_wd
                    """)
                try s.bind(cond.args)
                while try s.step() {
                    perHolder[holder(s, 0, 1), default: []].append((s.int64(2), s.int(3)))
                    all[s.int64(2), default: 0] += s.int(3)
                }
            }
            let (median, sample) = PeriodFigures.median(all.sorted { $0.key < $1.key }.map { (value: $0.key, n: $0.value) })
            let byHolder = perHolder.compactMap { h, histogram -> PeriodFigures.HolderMedian? in
                let (m, n) = PeriodFigures.median(histogram)
                return m.map { PeriodFigures.HolderMedian(holder: h, median: $0, sample: n) }
            }.sorted { $0.holder.description < $1.holder.description }

            // Weekly intake: every Monday-based week touching the period.
            do {
                let s = try db.prepare("SELECT c.receipt_week, count(*) FROM complaints c INDEXED BY complaints_received WHERE \(cohort.sql) GROUP BY c.receipt_week")
                try s.bind(cohort.args)
                while try s.step() {
                    let w = (s.int(0) - firstMonday) / 7
                    if w >= 0 && w < weeks.count { weeks[w].count += s.int(1) }
                }
            }

            // Forwards made in the period, out of and into the scope's agency.
            var out = 0, into = 0
            let window: [SQLValue] = [.int(start.seconds), .int(end.seconds)]
            switch scope {
            case .everything:
                out = Int(try db.scalarInt("SELECT count(*) FROM events WHERE kind = 'forward' AND agency_to IS NOT NULL AND at >= ? AND at < ?", window) ?? 0)
                into = out
            case .unit(let a, _, _), .subtree(let a, _, _, _):
                // A unit's viewer counts the agency's forwards of the reports it sees (held now, held
                // before, copied), as the dashboard does (issue 11, item 19).
                let seen = scopeSQL.condition(formerHolders: true)
                out = Int(try db.scalarInt("""
                    SELECT count(*) FROM events e JOIN complaints c ON c.id = e.complaint_id
                    WHERE e.kind = 'forward' AND e.agency_from = ? AND e.at >= ? AND e.at < ? AND (\(seen.sql))
                    """, [.text(a)] + window + seen.args) ?? 0)
                into = Int(try db.scalarInt("""
                    SELECT count(*) FROM events e JOIN complaints c ON c.id = e.complaint_id
                    WHERE e.kind = 'forward' AND e.agency_to = ? AND e.at >= ? AND e.at < ? AND (\(seen.sql))
                    """, [.text(a)] + window + seen.args) ?? 0)
            case .agency(let a):
                out = Int(try db.scalarInt("SELECT count(*) FROM events INDEXED BY events_forward_out WHERE kind = 'forward' AND agency_from = ? AND at >= ? AND at < ?", [.text(a)] + window) ?? 0)
                into = Int(try db.scalarInt("SELECT count(*) FROM events WHERE kind = 'forward' AND agency_to = ? AND at >= ? AND at < ?", [.text(a)] + window) ?? 0)
            }

            // Tunda longer than the policy allows, at `now`.
            var paused: [PeriodFigures.PausedReport] = []
            do {
                let limit = now.adding(days: -context.policy.tundaAlertDays)
                let cond = held && SQLCondition(sql: "c.status = 4 AND c.paused_at < ?", args: [.int(limit.seconds)])
                let s = try db.prepare("""
                    SELECT c.id, c.tracking_id, c.holder_agency, c.holder_unit, c.paused_at FROM complaints c INDEXED BY complaints_paused
                    WHERE \(cond.sql) ORDER BY c.paused_at, c.id
                    """)
                try s.bind(cond.args)
                while try s.step() {
                    paused.append(.init(id: s.int64(0), trackingID: s.optionalText(1), holder: holder(s, 2, 3), pausedAt: Timestamp(seconds: s.int64(4))))
                }
            }

            return PeriodFigures(from: from, to: to, byHolderAndStatus: cells, overdueByHolder: overdue, received: received, selesai: selesai,
                                 medianFirstFollowUpWorkingDays: median, firstFollowUpSample: sample, firstFollowUpByHolder: byHolder,
                                 receivedPerWeek: weeks, forwardsOut: out, forwardsIn: into, longTunda: paused)
        }
    }
}
