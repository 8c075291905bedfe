import AduanCore

/// The supervisor's figures on PostgreSQL (issue 14): what `aduan report` and the dashboard read
/// (`ComplaintStore.figures`, `periodFigures`, `deadlineGroups` on SQLite), with the same
/// answers, read as the operator's own role. Row-level security has already limited
/// `aduan.complaints` and `aduan.event_views` to what the role may open, so the database decides
/// what can be counted; the scope rule (`ScopeSQL` in `PostgreSQLDialect`) then shapes the
/// figures as on SQLite (what the scope holds now, copies left out, per holder). PostgreSQL keeps
/// no counter tables: the counts are GROUP BYs over the projection's indexed columns.
/// Forwards are counted from the timeline forms the role reads (`event_views`), one per event.
/// Every figure is read in one REPEATABLE READ snapshot, as SQLite reads it in one transaction.
public enum PGFigures {
    typealias Row = (sql: String, values: [PGValue])

    /// `cond` numbered for PostgreSQL inside `sql` (which writes it as `{}`), with its values.
    static func statement(_ sql: String, _ cond: SQLCondition, before: [SQLValue] = [], after: [SQLValue] = []) -> Row {
        let text = sql.replacingAll("{}", with: cond.sql)
        return (PostgreSQLDialect().numbered(text), (before + cond.args + after).map(PGStore.pgValue))
    }

    static func holder(_ r: PGResult, _ i: Int, agency: String = "agency", unit: String = "unit") -> Holder {
        let u = r.text(i, unit) ?? ""
        return Holder(agency: r.text(i, agency) ?? "", unit: u.isEmpty ? nil : u)
    }

    static func ints(_ r: PGResult, _ column: String) -> [Int64] { r.column(column).compactMap { $0.flatMap { Int64($0) } } }

    static func count(_ conn: PGConnection, _ row: Row) throws -> Int {
        Int(try conn.query(row.sql, row.values).int64(0, "n") ?? 0)
    }

    /// Overdue and due-soon counts per holder of the scope, most overdue first, then the longest overdue.
    /// With `counters` (a scope one of the login's hats covers) from the deadline counters (PGDueCounts.swift).
    public static func deadlineGroups(_ scope: InboxScope, now: Timestamp, context: WorkflowContext, on conn: PGConnection,
                                      counters: Bool = false) throws -> [DeadlineGroup] {
        let cutoff = FilterContext(now: now, calendar: context.calendar, deadlines: context.deadlines).dueSoonCutoff
        if counters, let groups = try fromCounters(conn, { try deadlineGroupsFromCounters(scope, now: now, cutoff: cutoff, on: conn) }) {
            return groups
        }
        let held = ScopeSQL(scope, dialect: PostgreSQLDialect()).held
        let s = statement("""
            SELECT c.holder_agency AS agency, coalesce(c.holder_unit, '') AS unit, count(*) AS n,
                   count(*) FILTER (WHERE c.due_key < ?) AS overdue, min(c.due_key) AS oldest
            FROM aduan.complaints c
            WHERE ({}) AND c.due_key <= ? AND (c.due_key < ? OR \(FilterSQL.operatorWorkSQL))
            GROUP BY c.holder_agency, coalesce(c.holder_unit, '')
            """, held, before: [.int(now.seconds)], after: [.int(cutoff.seconds), .int(now.seconds)])
        let r = try conn.query(s.sql, s.values)
        var groups: [DeadlineGroup] = []
        for i in 0..<r.rowCount {
            let n = Int(r.int64(i, "n") ?? 0), overdue = Int(r.int64(i, "overdue") ?? 0)
            guard n > 0 else { continue }
            groups.append(DeadlineGroup(holder: holder(r, i), overdue: overdue, dueSoon: n - overdue,
                                        oldestDue: Timestamp(seconds: r.int64(i, "oldest") ?? 0)))
        }
        return groups.sorted { (-$0.overdue, $0.oldestDue, $0.holder.description) < (-$1.overdue, $1.oldestDue, $1.holder.description) }
    }

    /// Forwards out of and into the scope's agency (every forward for every agency), optionally
    /// only those made in `window`; for a unit's viewer, of the reports the unit sees (held now,
    /// held before, copied), as on SQLite. Counted over the forms the role reads, once per event.
    static func forwards(_ scope: InboxScope, window: (Timestamp, Timestamp)?, on conn: PGConnection) throws -> (out: Int, into: Int) {
        let dialect = PostgreSQLDialect()
        var base = SQLCondition(sql: "v.kind = 'forward'", args: [])
        if let (start, end) = window {
            base = base && SQLCondition(sql: "v.at >= ? AND v.at < ?", args: [.int(start.seconds), .int(end.seconds)])
        }
        let from = "SELECT count(DISTINCT v.seq) AS n FROM aduan.event_views v JOIN aduan.complaints c ON c.id = v.complaint_id WHERE {}"
        guard let agency = scope.agency else {
            let all = base && SQLCondition(sql: "(v.body::jsonb ->> 'agency') IS NOT NULL", args: [])
            let n = try count(conn, statement(from, all))
            return (n, n)
        }
        if scope.unit != nil { base = base && ScopeSQL(scope, dialect: dialect).condition(formerHolders: true) }
        let out = base && SQLCondition(sql: "(v.body::jsonb -> 'actor' ->> 'agency') = ?", args: [.text(agency)])
        let into = base && SQLCondition(sql: "(v.body::jsonb ->> 'agency') = ?", args: [.text(agency)])
        return (try count(conn, statement(from, out)), try count(conn, statement(from, into)))
    }

    /// `body`'s reads of the counters, in the caller's transaction (or one of its own); nil when
    /// the login may not read them yet (a store whose owner has not re-run the roles script since
    /// upgrading): the caller counts the reports as before.
    static func fromCounters<T>(_ conn: PGConnection, _ body: () throws -> T) throws -> T? {
        try conn.transaction(.repeatableRead) {
            try conn.execute("SAVEPOINT aduan_figure_counters")
            do {
                let value = try body()
                try conn.execute("RELEASE SAVEPOINT aduan_figure_counters")
                return value
            } catch let e as PostgresError where e.isPermissionDenied {
                try conn.execute("ROLLBACK TO SAVEPOINT aduan_figure_counters")
                return nil
            }
        }
    }

    /// Open reports no admin has decided the privacy flags for (the partial index `complaints_undecided`'s predicate).
    static let undecidedSQL = undecided(alias: "c.")

    static func undecided(alias a: String) -> String { "NOT \(a)privacy_decided AND \(a)status NOT IN (3, 5)" }

    /// The holder × status cells of what the scope holds (copies left out) from `desk_counts`.
    static func cellsFromCounters(_ scope: InboxScope, on conn: PGConnection) throws -> [SupervisorFigures.Cell]? {
        guard let s = PGOperatorStore.heldCells(scope) else { return nil }
        let r = try conn.query(s.sql, s.values)
        var cells: [SupervisorFigures.Cell] = []
        for i in 0..<r.rowCount {
            let n = Int(r.int64(i, "n") ?? 0)
            if n != 0, let st = Status(code: r.int64(i, "status") ?? -1) { cells.append(.init(holder: holder(r, i), status: st, count: n)) }
        }
        return cells
    }

    /// Forwards out of and into an agency, or every forward province-wide, from `event_counts`
    /// (nil for a unit's viewer: those are of the reports the unit sees, counted over them).
    static func forwardsFromCounters(_ scope: InboxScope, on conn: PGConnection) throws -> (out: Int, into: Int)? {
        func sum(_ kind: String, _ agency: String?) throws -> Int {
            let where_ = agency == nil ? "kind = $1" : "kind = $1 AND agency = $2"
            return Int(try conn.query("SELECT coalesce(sum(n), 0) AS n FROM aduan.event_counts WHERE \(where_)",
                                      [.text(kind)] + (agency.map { [PGValue.text($0)] } ?? [])).int64(0, "n") ?? 0)
        }
        switch scope {
        case .everything:
            let n = try sum("forward-in", nil)
            return (n, n)
        case .agency(let a):
            return (try sum("forward-out", a), try sum("forward-in", a))
        default:
            return nil
        }
    }

    /// The supervisor dashboard's figures for a scope at `now` (`ComplaintStore.figures`). With
    /// `counters` (a scope one of the login's hats covers) the cells and forwards are read from
    /// the counters the database keeps, else counted over the reports and events.
    public static func figures(_ scope: InboxScope, now: Timestamp, context: WorkflowContext, on conn: PGConnection,
                               counters: Bool = false) throws -> SupervisorFigures {
        try conn.transaction(.repeatableRead) {
            let dialect = PostgreSQLDialect()
            let scopeSQL = ScopeSQL(scope, dialect: dialect)
            let held = scopeSQL.held, sc = scopeSQL.holdsNow
            var cells: [SupervisorFigures.Cell] = []
            var counted: (cells: [SupervisorFigures.Cell]?, forwards: (out: Int, into: Int)?) = (nil, nil)
            if counters, let read = try PGFigures.fromCounters(conn, { (try cellsFromCounters(scope, on: conn), try forwardsFromCounters(scope, on: conn)) }) {
                counted = read
            }
            if let cellsCounted = counted.cells {
                cells = cellsCounted
            } else {
                let s = statement("""
                    SELECT c.holder_agency AS agency, coalesce(c.holder_unit, '') AS unit, c.status, count(*) AS n FROM aduan.complaints c
                    WHERE {} GROUP BY 1, 2, 3 ORDER BY c.holder_agency COLLATE "C", coalesce(c.holder_unit, '') COLLATE "C", c.status
                    """, held)
                let r = try conn.query(s.sql, s.values)
                for i in 0..<r.rowCount {
                    if let st = Status(code: r.int64(i, "status") ?? -1) {
                        cells.append(.init(holder: holder(r, i), status: st, count: Int(r.int64(i, "n") ?? 0)))
                    }
                }
            }
            let total = cells.reduce(0) { $0 + $1.count }
            let selesai = cells.filter { $0.status == .selesai }.reduce(0) { $0 + $1.count }

            var overdue: [(holder: Holder, count: Int)] = []
            for g in try deadlineGroups(scope, now: now, context: context, on: conn, counters: counters) where g.overdue > 0 { overdue.append((g.holder, g.overdue)) }
            overdue.sort { ($0.1, $1.0.description) > ($1.1, $0.0.description) }

            // The 12 Monday-based weeks ending with the current one.
            let today = context.calendar.zone.dayNumber(of: now)
            let firstMonday = ProjectionValues.mondayOf(today) - 77
            let recent = held && SQLCondition(sql: "c.receipt_week >= ?", args: [.int(Int64(firstMonday))])

            var histogram: [(value: Int64, n: Int)] = []
            var weeks = (0..<12).map { (LocalDate(dayNumber: firstMonday + $0 * 7), 0) }
            let weekly = counters ? try fromCounters(conn, { try weeksFromCounters(scope, firstMonday: firstMonday, on: conn) }) : nil
            if let weekly {
                histogram = weekly.histogram
                for (week, n) in weekly.perWeek {
                    let w = (week - firstMonday) / 7
                    if w >= 0 && w < 12 { weeks[w].1 += n }
                }
            } else {
                let s = statement("""
                    SELECT c.first_follow_up_wd AS wd, count(*) AS n FROM aduan.complaints c
                    WHERE ({}) AND c.first_follow_up_wd IS NOT NULL GROUP BY 1 ORDER BY 1
                    """, recent)
                let r = try conn.query(s.sql, s.values)
                for i in 0..<r.rowCount { histogram.append((r.int64(i, "wd") ?? 0, Int(r.int64(i, "n") ?? 0))) }
                let w = statement("SELECT c.receipt_week AS week, count(*) AS n FROM aduan.complaints c WHERE {} GROUP BY 1", recent)
                let rw = try conn.query(w.sql, w.values)
                for i in 0..<rw.rowCount {
                    let k = (Int(rw.int64(i, "week") ?? 0) - firstMonday) / 7
                    if k >= 0 && k < 12 { weeks[k].1 = Int(rw.int64(i, "n") ?? 0) }
                }
            }
            let (median, sample) = PeriodFigures.median(histogram)

            let (out, into) = try counted.forwards ?? forwards(scope, window: nil, on: conn)

            // Tunda older than the policy's limit, and open reports missing the privacy decision:
            // over what the scope holds now (copies included), as on SQLite.
            let tundaLimit = now.adding(days: -context.policy.tundaAlertDays)
            let tunda = sc && SQLCondition(sql: "c.status = 4 AND c.paused_at < ?", args: [.int(tundaLimit.seconds)])
            let tundaCount = try count(conn, statement("SELECT count(*) AS n FROM aduan.complaints c WHERE {}", tunda))
            let tundaIDs = ints(try { let s = statement("SELECT c.id FROM aduan.complaints c WHERE {} ORDER BY c.paused_at, c.id LIMIT 10", tunda)
                                      return try conn.query(s.sql, s.values) }(), "id")
            let undecidedCond = sc && SQLCondition(sql: undecidedSQL, args: [])
            let undecided = try count(conn, statement("SELECT count(*) AS n FROM aduan.complaints c WHERE {}", undecidedCond))
            let undecidedIDs = ints(try { let s = statement("SELECT c.id FROM aduan.complaints c WHERE {} ORDER BY c.id LIMIT 10", undecidedCond)
                                          return try conn.query(s.sql, s.values) }(), "id")

            return SupervisorFigures(byHolderAndStatus: cells, overdueByHolder: overdue, total: total, selesai: selesai,
                                     medianFirstFollowUpWorkingDays: median, firstFollowUpSample: sample,
                                     receivedPerWeek: weeks, forwardsOut: out, forwardsIn: into, tundaOld: tundaCount,
                                     tundaOldIDs: tundaIDs, privacyUndecided: undecided, privacyUndecidedIDs: undecidedIDs)
        }
    }

    /// The monthly recap of the reports received from `from` to `to` (`ComplaintStore.periodFigures`).
    public static func periodFigures(_ scope: InboxScope, from: LocalDate, to: LocalDate, now: Timestamp, context: WorkflowContext,
                                     on conn: PGConnection) throws -> PeriodFigures {
        try conn.transaction(.repeatableRead) {
            let zone = context.calendar.zone
            let start = zone.startOfDay(from), end = zone.startOfDay(to.adding(days: 1))
            let held = ScopeSQL(scope, dialect: PostgreSQLDialect()).held
            let cohort = held && SQLCondition(sql: "c.received_at >= ? AND c.received_at < ?", args: [.int(start.seconds), .int(end.seconds)])

            var cells: [SupervisorFigures.Cell] = []
            var late: [Holder: Int] = [:]
            do {
                let s = statement("""
                    SELECT c.holder_agency AS agency, coalesce(c.holder_unit, '') AS unit, c.status, count(*) AS n,
                           count(*) FILTER (WHERE c.due_key < ?) AS overdue
                    FROM aduan.complaints c WHERE {} GROUP BY 1, 2, 3 ORDER BY c.holder_agency COLLATE "C", coalesce(c.holder_unit, '') COLLATE "C", c.status
                    """, cohort, before: [.int(now.seconds)])
                let r = try conn.query(s.sql, s.values)
                for i in 0..<r.rowCount {
                    let h = holder(r, i)
                    if let st = Status(code: r.int64(i, "status") ?? -1) { cells.append(.init(holder: h, status: st, count: Int(r.int64(i, "n") ?? 0))) }
                    let o = Int(r.int64(i, "overdue") ?? 0)
                    if o > 0 { late[h, default: 0] += o }
                }
            }
            let overdue = late.map { (holder: $0.key, count: $0.value) }.sorted { ($0.count, $1.holder.description) > ($1.count, $0.holder.description) }
            let received = cells.reduce(0) { $0 + $1.count }
            let selesai = cells.filter { $0.status == .selesai }.reduce(0) { $0 + $1.count }

            var perHolder: [Holder: [(value: Int64, n: Int)]] = [:]
            var all: [Int64: Int] = [:]
            do {
                let s = statement("""
                    SELECT c.holder_agency AS agency, coalesce(c.holder_unit, '') AS unit, c.first_follow_up_wd AS wd, count(*) AS n
                    FROM aduan.complaints c WHERE ({}) AND c.first_follow_up_wd IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 3
                    """, cohort)
                let r = try conn.query(s.sql, s.values)
                for i in 0..<r.rowCount {
                    let wd = r.int64(i, "wd") ?? 0, n = Int(r.int64(i, "n") ?? 0)
                    perHolder[holder(r, i), default: []].append((wd, n))
                    all[wd, default: 0] += n
                }
            }
            let (median, sample) = PeriodFigures.median(all.sorted { $0.key < $1.key }.map { (value: $0.key, n: $0.value) })
            let byHolder = perHolder.compactMap { h, histogram -> PeriodFigures.HolderMedian? in
                let (m, n) = PeriodFigures.median(histogram)
                return m.map { PeriodFigures.HolderMedian(holder: h, median: $0, sample: n) }
            }.sorted { $0.holder.description < $1.holder.description }

            let firstMonday = ProjectionValues.mondayOf(from.dayNumber)
            var weeks: [(weekStart: LocalDate, count: Int)] = stride(from: firstMonday, through: to.dayNumber, by: 7).map { (LocalDate(dayNumber: $0), 0) }
            do {
                let s = statement("SELECT c.receipt_week AS week, count(*) AS n FROM aduan.complaints c WHERE {} GROUP BY 1", cohort)
                let r = try conn.query(s.sql, s.values)
                for i in 0..<r.rowCount {
                    let w = (Int(r.int64(i, "week") ?? 0) - firstMonday) / 7
                    if w >= 0 && w < weeks.count { weeks[w].count += Int(r.int64(i, "n") ?? 0) }
                }
            }

            let (out, into) = try forwards(scope, window: (start, end), on: conn)

            var paused: [PeriodFigures.PausedReport] = []
            do {
                let limit = now.adding(days: -context.policy.tundaAlertDays)
                let cond = held && SQLCondition(sql: "c.status = 4 AND c.paused_at < ?", args: [.int(limit.seconds)])
                let s = statement("""
                    SELECT c.id, c.tracking_id, c.holder_agency AS agency, coalesce(c.holder_unit, '') AS unit, c.paused_at
                    FROM aduan.complaints c WHERE {} ORDER BY c.paused_at, c.id
                    """, cond)
                let r = try conn.query(s.sql, s.values)
                for i in 0..<r.rowCount {
                    paused.append(.init(id: r.int64(i, "id") ?? 0, trackingID: r.text(i, "tracking_id"), holder: holder(r, i),
                                        pausedAt: Timestamp(seconds: r.int64(i, "paused_at") ?? 0)))
                }
            }

            return PeriodFigures(from: from, to: to, byHolderAndStatus: cells, overdueByHolder: overdue, received: received, selesai: selesai,
                                 medianFirstFollowUpWorkingDays: median, firstFollowUpSample: sample, firstFollowUpByHolder: byHolder,
                                 receivedPerWeek: weeks, forwardsOut: out, forwardsIn: into, longTunda: paused)
        }
    }
}

/// The figures a report and the dashboard read, whichever backend keeps the store: the same
/// shape as `ComplaintStore`'s (Figures.swift, PeriodFigures.swift).
public protocol AduanFiguresContract: AnyObject {
    /// A training store (its outputs say so).
    var isTraining: Bool { get }
    /// The supervisor dashboard's figures for a scope at `now`.
    func figures(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> SupervisorFigures
    /// The recap of the reports received from `from` to `to` (local days, both included).
    func periodFigures(_ scope: InboxScope, from: LocalDate, to: LocalDate, now: Timestamp) throws(StoreError) -> PeriodFigures
    /// Overdue and due-soon counts per holder, most overdue first.
    func deadlineGroups(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> [DeadlineGroup]
    /// Escalations per level and unit and boilerplate shares within a scope (issue 15).
    func workflowFigures(_ scope: InboxScope) throws(StoreError) -> WorkflowFigures
}

extension ComplaintStore: AduanFiguresContract {}

extension PGOperatorStore: AduanFiguresContract {
    /// A PostgreSQL store is an office's store, never a training one.
    public var isTraining: Bool { false }

    public func figures(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> SupervisorFigures {
        let counters = countersCover(scope)
        return try Self.wrap { try PGFigures.figures(scope, now: now, context: context, on: conn, counters: counters) }
    }

    public func periodFigures(_ scope: InboxScope, from: LocalDate, to: LocalDate, now: Timestamp) throws(StoreError) -> PeriodFigures {
        try Self.wrap { try PGFigures.periodFigures(scope, from: from, to: to, now: now, context: context, on: conn) }
    }

    public func deadlineGroups(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> [DeadlineGroup] {
        let counters = countersCover(scope)
        return try Self.wrap { try PGFigures.deadlineGroups(scope, now: now, context: context, on: conn, counters: counters) }
    }
}
