import AduanCore

/// One unit's share of the overdue and due-soon work.
public struct DeadlineGroup: Hashable, Sendable {
    /// The agency or unit the group is about.
    public var holder: Holder
    /// Its reports whose running deadline has passed.
    public var overdue: Int
    /// Its reports whose operator deadline falls within the due-soon window, not yet passed.
    public var dueSoon: Int
    /// The earliest running deadline in the group (the longest overdue).
    public var oldestDue: Timestamp
}

/// What a supervisor is graded on, for one scope at one moment. Computed from projections and
/// index ranges only, so it stays fast at a million reports.
public struct SupervisorFigures: Sendable, Equatable {
    /// One holder's count of reports in one status.
    public struct Cell: Hashable, Sendable {
        /// The agency or unit holding the reports.
        public var holder: Holder
        /// Their status.
        public var status: Status
        /// How many reports the holder has in the status.
        public var count: Int
    }

    /// Reports per holder × status.
    public var byHolderAndStatus: [Cell]
    /// Overdue reports per holder, most first.
    public var overdueByHolder: [(holder: Holder, count: Int)]
    /// All reports the scope holds now.
    public var total: Int
    /// Of those, the ones in Selesai (done).
    public var selesai: Int
    /// Median working days from first disposition to first follow-up, over reports received in
    /// the 12 weeks the weekly chart shows; nil when none has a follow-up yet.
    public var medianFirstFollowUpWorkingDays: Double?
    /// How many reports the median is taken over.
    public var firstFollowUpSample: Int
    /// Reports received in each of the last 12 weeks (Monday-based, oldest first), with the Monday.
    public var receivedPerWeek: [(weekStart: LocalDate, count: Int)]
    /// Forwards out of the scope's agency to another (all forwards for every agency).
    public var forwardsOut: Int
    /// Forwards into the scope's agency from another.
    public var forwardsIn: Int
    /// Reports in Tunda longer than the configured number of days.
    public var tundaOld: Int
    /// Up to ten of them, longest paused first.
    public var tundaOldIDs: [Int64]
    /// Open reports no admin has decided the anonymity/confidentiality flags for.
    public var privacyUndecided: Int
    /// Up to ten of them, lowest id first.
    public var privacyUndecidedIDs: [Int64]

    /// Equal when every figure is (the id samples are not compared): a dashboard repaints only
    /// when a figure moved.
    public static func == (a: SupervisorFigures, b: SupervisorFigures) -> Bool {
        a.byHolderAndStatus == b.byHolderAndStatus && a.total == b.total && a.selesai == b.selesai
            && a.overdueByHolder.map(\.holder) == b.overdueByHolder.map(\.holder)
            && a.overdueByHolder.map(\.count) == b.overdueByHolder.map(\.count)
            && a.medianFirstFollowUpWorkingDays == b.medianFirstFollowUpWorkingDays
            && a.receivedPerWeek.map(\.count) == b.receivedPerWeek.map(\.count)
            && a.forwardsOut == b.forwardsOut && a.forwardsIn == b.forwardsIn && a.tundaOld == b.tundaOld
            && a.privacyUndecided == b.privacyUndecided
    }
}

extension ComplaintStore {
    /// The holders (agency, unit) that hold anything in a scope, from the counters.
    func holders(in scope: InboxScope) throws -> [Holder] {
        let scopeSQL = ScopeSQL(scope, dialect: dialect)
        if scopeSQL.holdsNothing { return [] }
        let cond = SQLCondition(sql: "n > 0", args: []) && scopeSQL.counters
        let s = try db.prepare("SELECT DISTINCT agency, unit FROM counts WHERE \(cond.sql)")
        try s.bind(cond.args)
        var out: [Holder] = []
        while try s.step() {
            let unit = s.text(1)
            out.append(Holder(agency: s.text(0), unit: unit.isEmpty ? nil : unit))
        }
        return out
    }

    func holderCondition(_ h: Holder) -> SQLCondition {
        // Unit ids are unique across agencies (the config refuses duplicates, imports are checked),
        // so the unit alone names the holder and the count stays inside the covering index.
        if let u = h.unit { return SQLCondition(sql: "c.holder_unit = ?", args: [.text(u)]) }
        return SQLCondition(sql: "c.holder_agency = ? AND c.holder_unit IS NULL", args: [.text(h.agency)])
    }

    /// The index that serves one holder's deadline range (the planner has no statistics to know).
    func holderIndex(_ h: Holder) -> String {
        h.unit == nil ? "INDEXED BY complaints_agency_undisposed" : "INDEXED BY complaints_unit_due"
    }

    /// Overdue and due-soon counts per holder, most overdue first, then the longest overdue. One index range per holder.
    public func deadlineGroups(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> [DeadlineGroup] {
        try read {
            let cutoff = filterContext(now: now).dueSoonCutoff
            var groups: [DeadlineGroup] = []
            for h in try holders(in: scope) {
                let hc = holderCondition(h)
                let s = try db.prepare("""
                    SELECT count(*), sum(c.due_key < ?), min(c.due_key) FROM complaints c \(holderIndex(h))
                    WHERE \(hc.sql) AND c.due_key <= ? AND (c.due_key < ? OR \(FilterSQL.operatorWorkSQL))
                    """)
                try s.bind([.int(now.seconds)] + hc.args + [.int(cutoff.seconds), .int(now.seconds)])
                defer { s.reset() }
                guard try s.step(), s.int(0) > 0 else { continue }
                let overdue = s.int(1)
                groups.append(DeadlineGroup(holder: h, overdue: overdue, dueSoon: s.int(0) - overdue, oldestDue: Timestamp(seconds: s.int64(2))))
            }
            // Most overdue first (a unit with 27 overdue before one with a single older item), then the worst item.
            return groups.sorted { (-$0.overdue, $0.oldestDue, $0.holder.description) < (-$1.overdue, $1.oldestDue, $1.holder.description) }
        }
    }

    /// Rows of one deadline group (overdue and due soon), longest overdue first, keyset-paged;
    /// titles the viewer may not read (`content`) stay hidden.
    public func deadlineRows(_ holder: Holder, content: ContentAccess, after cursor: PageCursor?, limit: Int,
                             now: Timestamp) throws(StoreError) -> [InboxRow] {
        try read {
            let cutoff = filterContext(now: now).dueSoonCutoff
            // Overdue, or due soon by the core's rule (an operator's deadline, never the auto-close).
            var cond = holderCondition(holder) && SQLCondition(sql: "c.due_key <= ? AND (c.due_key < ? OR \(FilterSQL.operatorWorkSQL))",
                                                               args: [.int(cutoff.seconds), .int(now.seconds)])
            if let cursor { cond = cond && SQLCondition(sql: "(c.due_key, c.id) > (?, ?)", args: [.int(cursor.key), .int(cursor.id)]) }
            let select = rowSelect(content)
            let s = try db.prepare("SELECT \(select.sql) FROM complaints c \(holderIndex(holder)) WHERE \(cond.sql) ORDER BY c.due_key, c.id LIMIT ?")
            try s.bind(select.args + cond.args + [.int(Int64(max(0, limit)))])
            var rows: [InboxRow] = []
            while try s.step() { rows.append(row(from: s, order: .deadline)) }
            return rows
        }
    }

    /// The supervisor dashboard's figures for a scope at `now`.
    public func figures(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> SupervisorFigures {
        try read {
            let zone = context.calendar.zone
            // The dashboard is about work: what the scope holds now (its forwards are counted below).
            let scopeSQL = ScopeSQL(scope, dialect: dialect)
            let sc = scopeSQL.holdsNow
            // Counts per holder × status, from the counters.
            var cells: [SupervisorFigures.Cell] = []
            do {
                let cond = SQLCondition(sql: "n > 0", args: []) && scopeSQL.counters
                let s = try db.prepare("SELECT agency, unit, status, n FROM counts WHERE \(cond.sql) ORDER BY agency, unit, status")
                try s.bind(cond.args)
                while try s.step() {
                    let unit = s.text(1)
                    if let st = Status(code: s.int64(2)) {
                        cells.append(.init(holder: Holder(agency: s.text(0), unit: unit.isEmpty ? nil : unit), status: st, count: s.int(3)))
                    }
                }
            }
            let total = cells.reduce(0) { $0 + $1.count }
            let selesai = cells.filter { $0.status == .selesai }.reduce(0) { $0 + $1.count }

            var overdue: [(Holder, Int)] = []
            for g in try deadlineGroups(scope, now: now) where g.overdue > 0 { overdue.append((g.holder, g.overdue)) }
            overdue.sort { ($0.1, $1.0.description) > ($1.1, $0.0.description) }

            // The 12 Monday-based weeks ending with the current one.
            let today = zone.dayNumber(of: now)
            let thisMonday = ProjectionValues.mondayOf(today)
            let firstMonday = thisMonday - 77
            let holderScope = scopeSQL.counters

            // Median working days to first follow-up, from the histogram of the last 12 weeks' reports.
            var histogram: [(wd: Int64, n: Int64)] = []
            do {
                let cond = holderScope && SQLCondition(sql: "week >= ?", args: [.int(Int64(firstMonday))])
                let s = try db.prepare("SELECT wd, sum(n) FROM first_follow_up WHERE \(cond.sql) GROUP BY wd ORDER BY wd")
                try s.bind(cond.args)
                while try s.step() { histogram.append((s.int64(0), s.int64(1))) }
            }
            let sample = Int(histogram.reduce(0) { $0 + $1.n })
            var median: Double?
            if sample > 0 {
                func value(at rank: Int) -> Int64 {
                    var seen = 0
                    for (wd, n) in histogram {
                        seen += Int(n)
                        if seen > rank { return wd }
                    }
                    return histogram.last!.wd
                }
                median = sample % 2 == 1 ? Double(value(at: sample / 2)) : Double(value(at: sample / 2 - 1) + value(at: sample / 2)) / 2
            }

            // Received per week, from the weekly projection.
            var weeks = (0..<12).map { (LocalDate(dayNumber: firstMonday + $0 * 7), 0) }
            do {
                let cond = holderScope && SQLCondition(sql: "week >= ?", args: [.int(Int64(firstMonday))])
                let s = try db.prepare("SELECT week, sum(received) FROM weekly WHERE \(cond.sql) GROUP BY week")
                try s.bind(cond.args)
                while try s.step() {
                    let w = (s.int(0) - firstMonday) / 7
                    if w >= 0 && w < 12 { weeks[w].1 = s.int(1) }
                }
            }

            // Forwards out of and into the scope's agency.
            var out = 0, into = 0
            let agency = scope.agency
            if scope.unit != nil, let agency {
                // A unit's viewer sees the agency's forwards of the reports it sees (held now, held
                // before, copied), never the whole agency's (issue 11, item 19).
                let seen = ScopeSQL(scope, dialect: dialect).condition(formerHolders: true)
                out = Int(try db.scalarInt("SELECT count(*) FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE e.kind = 'forward' AND e.agency_from = ? AND (\(seen.sql))",
                                           [.text(agency)] + seen.args) ?? 0)
                into = Int(try db.scalarInt("SELECT count(*) FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE e.kind = 'forward' AND e.agency_to = ? AND (\(seen.sql))",
                                            [.text(agency)] + seen.args) ?? 0)
            } else if let agency {
                out = Int(try db.scalarInt("SELECT count(*) FROM events INDEXED BY events_forward_out WHERE kind = 'forward' AND agency_from = ?", [.text(agency)]) ?? 0)
                into = Int(try db.scalarInt("SELECT count(*) FROM events WHERE kind = 'forward' AND agency_to = ?", [.text(agency)]) ?? 0)
            } else {
                out = Int(try db.scalarInt("SELECT count(*) FROM events WHERE kind = 'forward' AND agency_to IS NOT NULL") ?? 0)
                into = out
            }

            // Tunda older than the policy's limit.
            let tundaLimit = now.adding(days: -context.policy.tundaAlertDays)
            var tundaIDs: [Int64] = []
            var tundaCount = 0
            do {
                // Tunda always carries paused_at; the partial index holds Tunda reports only.
                let cond = sc && SQLCondition(sql: "c.status = 4 AND c.paused_at < ?", args: [.int(tundaLimit.seconds)])
                tundaCount = Int(try db.scalarInt("SELECT count(*) FROM complaints c INDEXED BY complaints_paused WHERE \(cond.sql)", cond.args) ?? 0)
                let s = try db.prepare("SELECT c.id FROM complaints c INDEXED BY complaints_paused WHERE \(cond.sql) ORDER BY c.paused_at LIMIT 10")
                try s.bind(cond.args)
                while try s.step() { tundaIDs.append(s.int64(0)) }
            }

            // Open reports still missing the anonymity/confidentiality decision.
            var undecidedIDs: [Int64] = []
            var undecided = 0
            do {
                // Matches the partial index complaints_undecided exactly, so the count reads only that index.
                let cond = sc && SQLCondition(sql: "c.privacy_decided = 0 AND c.status NOT IN (3, 5)", args: [])
                undecided = Int(try db.scalarInt("SELECT count(*) FROM complaints c INDEXED BY complaints_undecided WHERE \(cond.sql)", cond.args) ?? 0)
                let s = try db.prepare("SELECT c.id FROM complaints c INDEXED BY complaints_undecided WHERE \(cond.sql) ORDER BY c.id LIMIT 10")
                try s.bind(cond.args)
                while try s.step() { undecidedIDs.append(s.int64(0)) }
            }

            return SupervisorFigures(byHolderAndStatus: cells, overdueByHolder: overdue, total: total, selesai: selesai,
                                     medianFirstFollowUpWorkingDays: median, firstFollowUpSample: sample,
                                     receivedPerWeek: weeks, forwardsOut: out, forwardsIn: into, tundaOld: tundaCount,
                                     tundaOldIDs: tundaIDs, privacyUndecided: undecided, privacyUndecidedIDs: undecidedIDs)
        }
    }
}
