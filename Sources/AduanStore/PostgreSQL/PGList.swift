import AduanCore

/// Lists on PostgreSQL: the scope and filter rendered by the one renderer (`ScopeSQL`,
/// `FilterSQL`) in `PostgreSQLDialect`, over `aduan.complaints`, with keyset paging as on SQLite.
/// Under an operator's role the database's row-level security has already limited the rows to
/// what it may open; the scope rule still makes the working inbox (what it holds now).
extension PGStore {
    /// The list's WHERE clause, numbered for PostgreSQL, with its values.
    static func listCondition(_ q: InboxQuery, now: Timestamp, context: WorkflowContext,
                              searchByAudience: Bool = false, resolved: [String: String]? = nil) -> (sql: String, values: [PGValue]) {
        let dialect = PostgreSQLDialect(searchByAudience: searchByAudience, resolvedSearches: resolved)
        let ctx = FilterContext(now: now, calendar: context.calendar, deadlines: context.deadlines, content: q.content,
                                viewerAgency: q.scope.agency, viewerUnit: q.scope.unit, viewerUnitsBelow: Array(q.scope.units.dropFirst()))
        let c = ScopeSQL(q.scope, dialect: dialect).condition(formerHolders: q.formerHolders)
            && FilterSQL(dialect: dialect).condition(q.filter, ctx)
        return (c.sql, c.args.map(pgValue))
    }

    static func pgValue(_ v: SQLValue) -> PGValue {
        switch v {
        case .null: return .null
        case .int(let i): return .int(i)
        case .text(let t): return .text(t)
        case .real(let d): return .text("\(d)")
        default: return .null
        }
    }

    /// (sort column, ascending?) for an order, as SQLite's (`ComplaintStore.sortColumn`).
    static func sortColumn(_ order: InboxOrder) -> (String, Bool) { ComplaintStore.sortColumn(order) }

    /// The ids of a page in list order after `cursor`, with their sort keys.
    public static func pageIDs(_ q: InboxQuery, after cursor: PageCursor?, limit: Int, now: Timestamp, context: WorkflowContext,
                               on conn: PGConnection) throws -> [(id: Int64, key: Int64)] {
        let (text, values) = pageStatement(q, after: cursor, limit: limit, now: now, context: context, searchByAudience: conn.searchByAudience,
                                           resolved: try resolvedSearches(q.filter, on: conn))
        let r = try conn.query(text, values)
        return (0..<r.rowCount).map { (r.int64($0, "id") ?? 0, r.int64($0, "sk") ?? 0) }
    }

    /// The statement `pageIDs` runs, with its values (aduan-bench runs it in psql for the floor).
    /// `columns` replaces the selected columns (`c.*` reads whole rows).
    public static func pageStatement(_ q: InboxQuery, after cursor: PageCursor?, limit: Int, now: Timestamp, context: WorkflowContext,
                                     columns: String? = nil, searchByAudience: Bool = false,
                                     resolved: [String: String]? = nil) -> (sql: String, values: [PGValue]) {
        let (column, ascending) = sortColumn(q.order)
        let dir = ascending ? "ASC" : "DESC"
        // A unit's working inbox: merged index walks (PGUnitPage.swift).
        if let walk = unitPageSource(q, cursor: cursor, greater: ascending, limit: limit, now: now, context: context,
                                     searchByAudience: searchByAudience, resolved: resolved) {
            let selected = columns ?? "c.id, p.sk AS sk"
            let text = PostgreSQLDialect().numbered("""
                SELECT \(selected) FROM (\(walk.sql)) p JOIN aduan.complaints c ON c.id = p.id ORDER BY p.sk \(dir), p.id \(dir)
                """)
            return (text, walk.values)
        }
        var c = listCondition(q, now: now, context: context, searchByAudience: searchByAudience, resolved: resolved)
        var sql = c.sql
        if let cursor {
            sql = "(\(sql)) AND (\(column), c.id) \(ascending ? ">" : "<") (?, ?)"
            c.values += [.int(cursor.key), .int(cursor.id)]
        }
        let selected = columns ?? "c.id, \(column) AS sk"
        let text = PostgreSQLDialect().numbered("SELECT \(selected) FROM aduan.complaints c WHERE \(sql) ORDER BY \(column) \(dir), c.id \(dir) LIMIT ?")
        return (text, c.values + [.int(Int64(max(0, limit)))])
    }

    /// The ids a list selects, in id order (for counts and the agreement tests).
    public static func listIDs(_ q: InboxQuery, now: Timestamp, context: WorkflowContext, on conn: PGConnection) throws -> [Int64] {
        let c = listCondition(q, now: now, context: context, searchByAudience: conn.searchByAudience,
                              resolved: try resolvedSearches(q.filter, on: conn))
        let r = try conn.query(PostgreSQLDialect().numbered("SELECT c.id FROM aduan.complaints c WHERE \(c.sql) ORDER BY c.id"), c.values)
        return (0..<r.rowCount).compactMap { r.int64($0, "id") }
    }
}
