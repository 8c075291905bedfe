import AduanCore

/// The SQL the screen runs for the first inbox page and for a search, rebuilt here from
/// Sources/AduanStore/InboxQueries.swift (`fetch`) and FilterSQL.swift with the values inlined,
/// so the sqlite3 shell can run exactly the same statements. Order: most urgent deadline first
/// (`c.due_key`), which is the inbox's default.
struct InboxSQL {
    let scope: InboxScope

    static let columns = """
        c.id, c.tracking_id, c.title, c.status, c.classification, c.category, c.channel, c.priority, c.holder_agency, \
        c.holder_unit, c.received_at, c.updated_at, c.due_at, c.due_kind, c.version, c.anonymous, c.confidential, \
        c.privacy_decided, c.ping_pong, c.rating
        """

    static func quote(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// `a && b` as FilterSQL writes it ("1" is the empty condition).
    static func and(_ a: String, _ b: String) -> String {
        if a == "1" { return b }
        if b == "1" { return a }
        return "(\(a)) AND (\(b))"
    }

    /// The scopes' conditions; a liaison's list is two ordered scans merged, as in `fetch`.
    var scopeParts: [String] {
        switch scope {
        case .everything: return ["1"]
        case .agency(let a): return ["c.holder_agency = \(Self.quote(a))"]
        case .unit(let a, let u, let copies):
            let held = "c.holder_agency = \(Self.quote(a)) AND c.holder_unit = \(Self.quote(u))"
            guard copies else { return [held] }
            return [held, "c.id IN (SELECT complaint_id FROM cc WHERE unit = \(Self.quote(u))) AND NOT (c.holder_agency = \(Self.quote(a)) AND coalesce(c.holder_unit, '') = \(Self.quote(u)))"]
        }
    }

    /// One keyset page: `condition` is the filter ("1" for none), `cursor` (due_key, id) where the page starts.
    func page(condition: String, cursor: (Int64, Int64)?, forward: Bool, limit: Int) -> String {
        var cond = condition
        let greater = forward  // ascending order: forward means "after the cursor"
        if let (key, id) = cursor { cond = Self.and(cond, "(c.due_key, c.id) \(greater ? ">" : "<") (\(key), \(id))") }
        let dir = greater ? "ASC" : "DESC"
        let selects = scopeParts.map { part in
            "SELECT \(Self.columns), c.due_key AS sk FROM complaints c WHERE \(Self.and(part, cond)) ORDER BY c.due_key \(dir), c.id \(dir) LIMIT \(limit)"
        }
        if selects.count == 1 { return selects[0] + ";" }
        return selects.map { "SELECT * FROM (\($0))" }.joined(separator: " UNION ALL ") + " ORDER BY sk \(dir), id \(dir) LIMIT \(limit);"
    }

    /// The full-text condition of a search box entry (FilterSQL's `.text` term).
    static func search(_ words: String) -> String {
        "c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH \(quote(TextSearch.query(words).ftsExpression)))"
    }
}

/// The operators the benchmark acts as, from the built-in configuration (config.example.json).
struct Operators {
    let config: OfficeConfig

    static func load() -> Operators? {
        guard case .success(let c) = OfficeConfig.parse(BuiltInConfig.json, file: "built-in") else { return nil }
        return Operators(config: c)
    }

    func actor(_ id: String) -> Actor? { config.operators.first { $0.id == id } }

    /// Someone who sees every report, to export all of them (a supervisor of all agencies).
    var seesEverything: Actor? { config.operators.first { Access.inboxScope(of: $0) == .everything } }

    /// The supervisor who reads the office's report.
    var supervisor: Actor? { config.operators.first { $0.role == .supervisor && $0.agency == config.agency } ?? config.operators.first { $0.role == .supervisor } }
}
