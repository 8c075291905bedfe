import AduanCore

/// One unit's share of the overdue and due-soon work.
public struct DeadlineGroup: Hashable, Sendable {
    public var holder: Holder
    public var overdue: Int
    public var dueSoon: Int
    /// The earliest running deadline in the group (the longest overdue).
    public var oldestDue: Timestamp
}

/// What a supervisor is graded on, for one scope at one moment. Computed from projections and
/// index ranges only, so it stays fast at a million reports.
public struct SupervisorFigures: Sendable, Equatable {
    public struct Cell: Hashable, Sendable {
        public var holder: Holder
        public var status: Status
        public var count: Int
    }

    /// Reports per holder × status.
    public var byHolderAndStatus: [Cell]
    /// Overdue reports per holder, most first.
    public var overdueByHolder: [(holder: Holder, count: Int)]
    public var total: Int
    public var selesai: Int
    /// Median working days from first disposition to first follow-up, over reports received in
    /// the last 12 weeks; nil when none has a follow-up yet.
    public var medianFirstFollowUpWorkingDays: Double?
    public var firstFollowUpSample: Int
    /// Reports received in each of the last 12 weeks (Monday-based, oldest first), with the Monday.
    public var receivedPerWeek: [(weekStart: LocalDate, count: Int)]
    public var forwardsOut: Int
    public var forwardsIn: Int
    /// Reports in Tunda longer than the configured number of days.
    public var tundaOld: Int
    public var tundaOldIDs: [Int64]
    /// Open reports no admin has decided the anonymity/confidentiality flags for.
    public var privacyUndecided: Int
    public var privacyUndecidedIDs: [Int64]

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
        let sql: String
        var args: [SQLValue] = []
        switch scope {
        case .everything: sql = "SELECT DISTINCT agency, unit FROM counts WHERE n > 0"
        case .agency(let a): sql = "SELECT DISTINCT agency, unit FROM counts WHERE n > 0 AND agency = ?"; args = [.text(a)]
        case .unit(let a, let u, _): sql = "SELECT DISTINCT agency, unit FROM counts WHERE n > 0 AND agency = ? AND unit = ?"; args = [.text(a), .text(u)]
        }
        let s = try db.prepare(sql)
        try s.bind(args)
        var out: [Holder] = []
        while try s.step() {
            let unit = s.text(1)
            out.append(Holder(agency: s.text(0), unit: unit.isEmpty ? nil : unit))
        }
        return out
    }

    func holderCondition(_ h: Holder) -> SQLCondition {
        if let u = h.unit { return SQLCondition(sql: "c.holder_unit = ? AND c.holder_agency = ?", args: [.text(u), .text(h.agency)]) }
        return SQLCondition(sql: "c.holder_agency = ? AND c.holder_unit IS NULL", args: [.text(h.agency)])
    }

    /// Overdue and due-soon counts per holder, longest overdue first. One index range per holder.
    public func deadlineGroups(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> [DeadlineGroup] {
        try read {
            let cutoff = filterContext(now: now).dueSoonCutoff
            var groups: [DeadlineGroup] = []
            for h in try holders(in: scope) {
                let hc = holderCondition(h)
                let s = try db.prepare("""
                    SELECT count(*), sum(c.due_key < ?), min(c.due_key) FROM complaints c
                    WHERE \(hc.sql) AND c.due_key <= ?
                    """)
                try s.bind([.int(now.seconds)] + hc.args + [.int(cutoff.seconds)])
                defer { s.reset() }
                guard try s.step(), s.int(0) > 0 else { continue }
                let overdue = s.int(1)
                groups.append(DeadlineGroup(holder: h, overdue: overdue, dueSoon: s.int(0) - overdue, oldestDue: Timestamp(seconds: s.int64(2))))
            }
            return groups.sorted { ($0.oldestDue, $0.holder.description) < ($1.oldestDue, $1.holder.description) }
        }
    }

    /// Rows of one deadline group (overdue and due soon), longest overdue first, keyset-paged.
    public func deadlineRows(_ holder: Holder, after cursor: PageCursor?, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow] {
        try read {
            let cutoff = filterContext(now: now).dueSoonCutoff
            var cond = holderCondition(holder) && SQLCondition(sql: "c.due_key <= ?", args: [.int(cutoff.seconds)])
            if let cursor { cond = cond && SQLCondition(sql: "(c.due_key, c.id) > (?, ?)", args: [.int(cursor.key), .int(cursor.id)]) }
            let s = try db.prepare("SELECT \(Self.rowColumns) FROM complaints c WHERE \(cond.sql) ORDER BY c.due_key, c.id LIMIT ?")
            try s.bind(cond.args + [.int(Int64(max(0, limit)))])
            var rows: [InboxRow] = []
            while try s.step() { rows.append(row(from: s, order: .deadline)) }
            return rows
        }
    }

    /// The supervisor dashboard's figures for a scope at `now`.
    public func figures(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> SupervisorFigures {
        try read {
            let zone = context.calendar.zone
            let sc = FilterSQL.scope(scope)
            // Counts per holder × status, from the counters.
            var cells: [SupervisorFigures.Cell] = []
            do {
                var sql = "SELECT agency, unit, status, n FROM counts WHERE n > 0"
                var args: [SQLValue] = []
                switch scope {
                case .everything: break
                case .agency(let a): sql += " AND agency = ?"; args = [.text(a)]
                case .unit(let a, let u, _): sql += " AND agency = ? AND unit = ?"; args = [.text(a), .text(u)]
                }
                let s = try db.prepare(sql + " ORDER BY agency, unit, status")
                try s.bind(args)
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

            // Median working days to first follow-up, reports received in the last 12 weeks.
            let twelveWeeksAgo = zone.startOfDay(dayNumber: zone.dayNumber(of: now) - 84)
            var samples: [Int64] = []
            do {
                let cond = sc && SQLCondition(sql: "c.received_at >= ? AND c.first_follow_up_wd IS NOT NULL", args: [.int(twelveWeeksAgo.seconds)])
                let s = try db.prepare("SELECT c.first_follow_up_wd FROM complaints c INDEXED BY complaints_received WHERE \(cond.sql)")
                try s.bind(cond.args)
                while try s.step() { samples.append(s.int64(0)) }
            }
            samples.sort()
            var median: Double?
            if !samples.isEmpty {
                let m = samples.count / 2
                median = samples.count % 2 == 1 ? Double(samples[m]) : Double(samples[m - 1] + samples[m]) / 2
            }

            // Received per week: 12 Monday-based weeks ending with the current one.
            let today = zone.dayNumber(of: now)
            let thisMonday = today - (LocalDate(dayNumber: today).weekday.rawValue - 1)
            let firstMonday = thisMonday - 77
            var weeks = (0..<12).map { (LocalDate(dayNumber: firstMonday + $0 * 7), 0) }
            do {
                let start = zone.startOfDay(dayNumber: firstMonday)
                let cond = sc && SQLCondition(sql: "c.received_at >= ?", args: [.int(start.seconds)])
                let s = try db.prepare("""
                    SELECT (c.received_at - ?) / 604800, count(*) FROM complaints c INDEXED BY complaints_received
                    WHERE \(cond.sql) GROUP BY 1
                    """)
                try s.bind([.int(start.seconds)] + cond.args)
                while try s.step() {
                    let w = s.int(0)
                    if w >= 0 && w < 12 { weeks[w].1 = s.int(1) }
                }
            }

            // Forwards out of and into the scope's agency.
            var out = 0, into = 0
            let agency: String? = {
                switch scope {
                case .everything: return nil
                case .agency(let a): return a
                case .unit(let a, _, _): return a
                }
            }()
            if let agency {
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
                let cond = sc && SQLCondition(sql: "c.status = ? AND coalesce((SELECT json_extract(t.state, '$.pa') FROM complaint_texts t WHERE t.id = c.id), c.updated_at) < ?", args: [.int(Status.tunda.code), .int(tundaLimit.seconds)])
                tundaCount = Int(try db.scalarInt("SELECT count(*) FROM complaints c WHERE \(cond.sql)", cond.args) ?? 0)
                let s = try db.prepare("SELECT c.id FROM complaints c WHERE \(cond.sql) ORDER BY c.updated_at LIMIT 10")
                try s.bind(cond.args)
                while try s.step() { tundaIDs.append(s.int64(0)) }
            }

            // Open reports still missing the anonymity/confidentiality decision.
            var undecidedIDs: [Int64] = []
            var undecided = 0
            do {
                let cond = sc && SQLCondition(sql: "c.privacy_decided = 0 AND c.status NOT IN (?, ?)", args: [.int(Status.selesai.code), .int(Status.arsip.code)])
                undecided = Int(try db.scalarInt("SELECT count(*) FROM complaints c INDEXED BY complaints_undecided WHERE \(cond.sql)", cond.args) ?? 0)
                let s = try db.prepare("SELECT c.id FROM complaints c INDEXED BY complaints_undecided WHERE \(cond.sql) ORDER BY c.id LIMIT 10")
                try s.bind(cond.args)
                while try s.step() { undecidedIDs.append(s.int64(0)) }
            }

            return SupervisorFigures(byHolderAndStatus: cells, overdueByHolder: overdue, total: total, selesai: selesai,
                                     medianFirstFollowUpWorkingDays: median, firstFollowUpSample: samples.count,
                                     receivedPerWeek: weeks, forwardsOut: out, forwardsIn: into, tundaOld: tundaCount,
                                     tundaOldIDs: tundaIDs, privacyUndecided: undecided, privacyUndecidedIDs: undecidedIDs)
        }
    }
}
