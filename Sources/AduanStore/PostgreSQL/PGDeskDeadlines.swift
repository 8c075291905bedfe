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

    /// List rows (deadline order) of the reports matching `sql`.
    func rows(where sql: String, _ values: [PGValue], content: ContentAccess, limit: Int) throws(StoreError) -> [InboxRow] {
        let select = Self.rowSelect(content)
        return try Self.wrap {
            let r = try conn.query(PostgreSQLDialect().numbered("""
                SELECT \(select.sql), c.due_key AS sk FROM aduan.complaints c \(Self.titleJoin)
                WHERE \(sql) ORDER BY c.due_key, c.id LIMIT ?
                """), select.values + values + [.int(Int64(max(0, limit)))])
            return (0..<r.rowCount).map { Self.row(from: r, at: $0) }
        }
    }

    /// The open reports of the scope with a recorded warning or escalation (`es` in the row's
    /// state), grouped by the core's level for each, the highest first.
    public func escalatedRows(_ scope: InboxScope, content: ContentAccess, now: Timestamp) throws(StoreError) -> [EscalationGroup] {
        let d = PostgreSQLDialect()
        let sc = ScopeSQL(scope, dialect: d).holdsNow
        let open = [Status.belumTerverifikasi, .belumDitindaklanjuti, .proses].map { String($0.code) }.joined(separator: ",")
        let ids = try Self.wrap {
            try conn.query(d.numbered("""
                SELECT c.id FROM aduan.complaints c WHERE c.status IN (\(open)) AND \(d.stateContains("'\"es\":['")) AND (\(sc.sql))
                """), sc.args.map(PGStore.pgValue)).column("id").compactMap { $0.flatMap { Int64($0) } }
        }
        // The reports read a thousand at a time (four statements each), not one by one: the view
        // took 4.5 s at 100,000 reports reading each escalated one on its own.
        var levels: [Int64: EscalationTarget] = [:]
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 1_000, ids.count)])
            start += chunk.count
            for c in try Self.wrap({ try PGStore.complaints(chunk, on: conn) }) {
                if let level = context.escalation.level(of: c, deadlines: context.deadlines, calendar: context.calendar) { levels[c.id] = level }
            }
        }
        if levels.isEmpty { return [] }
        let rows = try self.rows(where: "c.id = ANY(?::bigint[])", [.text("{" + levels.keys.map(String.init).joined(separator: ",") + "}")],
                                 content: content, limit: levels.count)
        var groups: [EscalationTarget: [InboxRow]] = [:]
        for r in rows { if let level = levels[r.id] { groups[level, default: []].append(r) } }
        return groups.keys.sorted(by: >).map { EscalationGroup(level: $0, rows: groups[$0]!) }
    }
}
