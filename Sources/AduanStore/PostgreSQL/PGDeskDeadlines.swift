import AduanCore

/// The Tenggat view on PostgreSQL, as the operator's role: overdue and due-soon reports per
/// holder of the scope and the reports with a recorded warning or escalation, decided by the same
/// rules as on SQLite (`FilterSQL.operatorWorkSQL`, the due-soon cutoff, the core's escalation
/// level) over the rows row-level security lets through.
extension PGOperatorStore {
    /// Overdue or due soon (an operator's deadline, never the auto-close) at `now`.
    func dueCondition(now: Timestamp) -> (sql: String, values: [PGValue]) {
        let cutoff = FilterContext(now: now, calendar: context.calendar, deadlines: context.deadlines).dueSoonCutoff
        return ("c.due_key <= ? AND (c.due_key < ? OR \(FilterSQL.operatorWorkSQL))", [.int(cutoff.seconds), .int(now.seconds)])
    }

    // deadlineGroups: PGFigures.swift (the report's and the dashboard's reads).

    public func deadlineRows(_ holder: Holder, content: ContentAccess, after cursor: PageCursor?, limit: Int,
                             now: Timestamp) throws(StoreError) -> [InboxRow] {
        let due = dueCondition(now: now)
        var sql = "c.holder_agency = ? AND " + (holder.unit == nil ? "c.holder_unit IS NULL" : "c.holder_unit = ?") + " AND \(due.sql)"
        var values: [PGValue] = [.text(holder.agency)] + (holder.unit.map { [PGValue.text($0)] } ?? []) + due.values
        if let cursor {
            sql += " AND (c.due_key, c.id) > (?, ?)"
            values += [.int(cursor.key), .int(cursor.id)]
        }
        return try rows(where: sql, values, content: content, limit: limit)
    }

    /// The first `limit` rows of each holder's group in two statements (the agencies' undisposed
    /// reports, the units'), one index range a holder, instead of one statement a holder (about 30
    /// for an agency's Tenggat view).
    public func deadlineRows(of holders: [Holder], content: ContentAccess, limit: Int, now: Timestamp) throws(StoreError) -> [Holder: [InboxRow]] {
        var out: [Holder: [InboxRow]] = [:]
        let due = dueCondition(now: now)
        let select = Self.rowSelect(content)
        for undisposed in [true, false] {
            let group = holders.filter { ($0.unit == nil) == undisposed }
            if group.isEmpty { continue }
            let sql = PostgreSQLDialect().numbered("""
                SELECT h.a AS h_agency, h.u AS h_unit, r.* FROM unnest(?::text[], ?::text[]) AS h(a, u)
                CROSS JOIN LATERAL (SELECT \(select.sql), c.due_key AS sk FROM aduan.complaints c \(Self.titleJoin)
                    WHERE c.holder_agency = h.a AND \(undisposed ? "c.holder_unit IS NULL" : "c.holder_unit = h.u") AND \(due.sql)
                    ORDER BY c.due_key, c.id LIMIT ?) r
                """)
            let values: [PGValue] = [.text(PGStore.arrayLiteral(group.map(\.agency))), .text(PGStore.arrayLiteral(group.map { $0.unit ?? "" }))]
                + select.values + due.values + [.int(Int64(max(0, limit)))]
            try Self.wrap {
                let r = try conn.query(sql, values)
                for i in 0..<r.rowCount {
                    let unit = r.text(i, "h_unit") ?? ""
                    out[Holder(agency: r.text(i, "h_agency") ?? "", unit: undisposed || unit.isEmpty ? nil : unit), default: []].append(Self.row(from: r, at: i))
                }
            }
        }
        return out
    }

    /// List rows (deadline order) of the reports matching `sql`.
    func rows(where sql: String, _ values: [PGValue], content: ContentAccess, limit: Int) throws(StoreError) -> [InboxRow] {
        try rows(where: sql, values, content: content, limit: limit, levels: false).map(\.row)
    }

    /// The same, each row with its escalation level (`levels`: nil levels are left out).
    func rows(where sql: String, _ values: [PGValue], content: ContentAccess, limit: Int,
              levels: Bool) throws(StoreError) -> [(level: EscalationTarget, row: InboxRow)] {
        let select = Self.rowSelect(content)
        return try Self.wrap {
            let r = try conn.query(PostgreSQLDialect().numbered("""
                SELECT \(select.sql), c.due_key AS sk, c.escalation AS level FROM aduan.complaints c \(Self.titleJoin)
                WHERE \(sql) ORDER BY c.due_key, c.id LIMIT ?
                """), select.values + values + [.int(Int64(max(0, limit)))])
            return (0..<r.rowCount).compactMap { i in
                let level = EscalationTarget(rawValue: r.text(i, "level") ?? "")
                if levels && level == nil { return nil }
                return (level ?? .holder, Self.row(from: r, at: i))
            }
        }
    }

    /// The open reports of the scope with a recorded warning or escalation (`es` in the row's
    /// state), grouped by the core's level for each, the highest first; every row of each level.
    public func escalatedRows(_ scope: InboxScope, content: ContentAccess, now: Timestamp) throws(StoreError) -> [EscalationGroup] {
        try escalatedRows(scope, content: content, now: now, rowsPerLevel: nil)
    }

    /// The same groups with each level's count and only its first `rowsPerLevel` rows (by
    /// deadline), as the Tenggat view shows them. Each report's level is the core's, written with
    /// its projection (`complaints.escalation`), so the view counts the levels in one statement
    /// and reads only the rows it shows, one statement a level (all rows: one statement). It took
    /// 4.5 s, then 415 ms at 100,000 reports reading every escalated report whole to decide it.
    public func escalatedRows(_ scope: InboxScope, content: ContentAccess, now: Timestamp, rowsPerLevel: Int?) throws(StoreError) -> [EscalationGroup] {
        let d = PostgreSQLDialect()
        let sc = ScopeSQL(scope, dialect: d).holdsNow
        var counts: [EscalationTarget: Int] = [:]
        try Self.wrap {
            let r = try conn.query(d.numbered("""
                SELECT c.escalation AS level, count(*) AS n FROM aduan.complaints c WHERE \(Self.escalatedSQL) AND (\(sc.sql)) GROUP BY 1
                """), sc.args.map(PGStore.pgValue))
            for i in 0..<r.rowCount {
                if let level = EscalationTarget(rawValue: r.text(i, "level") ?? "") { counts[level, default: 0] += Int(r.int64(i, "n") ?? 0) }
            }
        }
        if counts.isEmpty { return [] }
        var groups: [EscalationTarget: [InboxRow]] = [:]
        if let limit = rowsPerLevel {
            for level in counts.keys where limit > 0 {
                groups[level] = try rows(where: "\(Self.escalatedSQL) AND c.escalation = ? AND (\(sc.sql))",
                                         [.text(level.rawValue)] + sc.args.map(PGStore.pgValue), content: content, limit: limit)
            }
        } else {
            let all = try rows(where: "\(Self.escalatedSQL) AND (\(sc.sql))", sc.args.map(PGStore.pgValue), content: content,
                               limit: counts.values.reduce(0, +), levels: true)
            for (level, row) in all { groups[level, default: []].append(row) }
        }
        return counts.keys.sorted(by: >).map { EscalationGroup(level: $0, rows: groups[$0] ?? [], count: counts[$0]!) }
    }
}
