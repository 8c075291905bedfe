import AduanCore

/// A unit's page on PostgreSQL (issue 14): a unit's working inbox (`InboxScope.holdsNow`) is what
/// its units hold now OR what is copied to it. Walked as that one condition in deadline order,
/// a page read every report by deadline and dropped the other units' (2,011 rows read and dropped
/// for a page of 70 of a liaison's at 100,000), since no index serves the OR and the copies' array
/// test cannot use one under row-level security (PGCopies.swift).
///
/// Instead the page is a merge, in deadline order, of disjoint keyset walks, each by an index:
/// one per unit the scope holds for (`complaints_unit_due`: agency, unit, due_key, id) and one of
/// the unit's copies not held by those units (`complaint_copies_due`: unit, due_key, id), under
/// one `ORDER BY … LIMIT`, so PostgreSQL merges them (Merge Append) and reads about the rows it
/// shows, whatever the store's size. Every test is leakproof equality or a row comparison, so the
/// walks stay index conditions under row-level security; each table's own policy still decides
/// what comes back. Only for the deadline order (the inbox's; the copies keep only that key) and
/// a scope's working inbox (not with former holders); the other lists walk the one condition.
extension PGStore {
    /// `q`'s filter rendered for PostgreSQL over `complaints c`.
    static func filterCondition(_ q: InboxQuery, now: Timestamp, context: WorkflowContext, searchByAudience: Bool = false,
                                resolved: [String: String]? = nil) -> SQLCondition {
        let ctx = FilterContext(now: now, calendar: context.calendar, deadlines: context.deadlines, content: q.content,
                                viewerAgency: q.scope.agency, viewerUnit: q.scope.unit, viewerUnitsBelow: Array(q.scope.units.dropFirst()))
        return FilterSQL(dialect: PostgreSQLDialect(searchByAudience: searchByAudience, resolvedSearches: resolved)).condition(q.filter, ctx)
    }

    /// The ids and deadline keys (`id`, `sk`) of a page of a unit's working inbox, with `?` markers
    /// and its values: the walks merged under `ORDER BY sk, id LIMIT`. `greater`: the rows after
    /// the cursor in ascending order (else before it, descending). Nil when the query is not a
    /// unit's working inbox in deadline order, or when `copies` is false (the login cannot read
    /// `complaint_copies` yet: its roles script predates migration 10).
    static func unitPageSource(_ q: InboxQuery, cursor: PageCursor?, greater: Bool, limit: Int, now: Timestamp,
                               context: WorkflowContext, copies: Bool = true, searchByAudience: Bool = false,
                               resolved: [String: String]? = nil) -> (sql: String, values: [PGValue])? {
        guard copies, q.order == .deadline, !q.formerHolders, let parts = ScopeSQL(q.scope, dialect: PostgreSQLDialect()).unitParts,
              !parts.unit.isEmpty else { return nil }
        let (agency, unit, units, withCopies) = parts
        let filter = filterCondition(q, now: now, context: context, searchByAudience: searchByAudience, resolved: resolved)
        let op = greater ? ">" : "<", dir = greater ? "ASC" : "DESC"
        let n = SQLValue.int(Int64(max(0, limit)))
        func after(_ key: String, _ id: String) -> SQLCondition {
            guard let cursor else { return .always }
            return SQLCondition(sql: "(\(key), \(id)) \(op) (?, ?)", args: [.int(cursor.key), .int(cursor.id)])
        }
        var walks: [SQLCondition] = []
        for u in units {
            let w = SQLCondition(sql: "c.holder_agency = ? AND c.holder_unit = ?", args: [.text(agency), .text(u)]) && filter
                && after("c.due_key", "c.id")
            walks.append(SQLCondition(sql: "(SELECT c.id, c.due_key AS sk FROM aduan.complaints c WHERE \(w.sql) ORDER BY c.due_key \(dir), c.id \(dir) LIMIT ?)",
                                      args: w.args + [n]))
        }
        if withCopies {
            // The report's row is probed once per copy (a subquery the planner keeps as such, OFFSET 0):
            // not held by the scope's units (those are walked above) and matching the filter.
            let inUnits = ScopeSQL.among("coalesce(c.holder_unit, '')", units)
            let report = SQLCondition(sql: "NOT (c.holder_agency = ? AND \(inUnits.sql))", args: [.text(agency)] + inUnits.args) && filter
            let w = SQLCondition(sql: "cp.unit = ?", args: [.text(unit)]) && after("cp.due_key", "cp.complaint_id")
                && SQLCondition(sql: "EXISTS (SELECT 1 FROM aduan.complaints c WHERE c.id = cp.complaint_id AND \(report.sql) OFFSET 0)", args: report.args)
            walks.append(SQLCondition(sql: """
                (SELECT cp.complaint_id AS id, cp.due_key AS sk FROM aduan.complaint_copies cp
                 WHERE \(w.sql) ORDER BY cp.due_key \(dir), cp.complaint_id \(dir) LIMIT ?)
                """, args: w.args + [n]))
        }
        let sql = "SELECT w.id, w.sk FROM (\(walks.map(\.sql).joined(separator: " UNION ALL "))) w ORDER BY w.sk \(dir), w.id \(dir) LIMIT ?"
        return (sql, walks.flatMap(\.args).map(pgValue) + [.int(Int64(max(0, limit)))])
    }
}
