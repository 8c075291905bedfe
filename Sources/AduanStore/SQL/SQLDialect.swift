import AduanCore

/// What differs between the SQL dialects the store renders its rules into (SQLite today,
/// PostgreSQL next): the renderers (`ScopeSQL`, `FilterSQL`) write every rule once and ask the
/// dialect only for these spellings, so a second backend renders the same rules.
///
///     let d: any SQLDialect = SQLiteDialect()
///     d.flag("c.confidential", set: false)   // "c.confidential = 0"
///     d.numbered("a = ? AND b = ?")           // SQLite: unchanged; PostgreSQL: "a = $1 AND b = $2"
public protocol SQLDialect: Sendable {
    /// The `n`th (1-based) parameter of a statement: `?` in SQLite, `$n` in PostgreSQL.
    func placeholder(_ n: Int) -> String
    /// A test of a yes/no column (stored as 0/1 in SQLite, a boolean elsewhere).
    func flag(_ column: String, set: Bool) -> String
    /// The ids (one column) of reports whose title or body match the full-text query bound to
    /// the statement's next parameter.
    var textMatchIDs: String { get }
    /// `sql` with its `?` markers (outside quoted literals) replaced by this dialect's numbered
    /// placeholders, in order: the renderers write `?` and a statement is numbered once, whole.
    func numbered(_ sql: String) -> String
    /// The text query bound to `textMatchIDs`' parameter.
    func textQuery(_ q: TextQuery) -> String
    /// `column` compared byte by byte (a path's range test must not follow a locale's collation).
    func bytewise(_ column: String) -> String
    /// The PostgreSQL store's tables: who held a report and its copies are arrays on its row
    /// (`held_agencies`, `held_units`, `cc_units`) instead of SQLite's `holders_before` and `cc`.
    var holdsArraysOnTheRow: Bool { get }
    /// Who wrote the draft waiting for approval (the core's `Complaint.pendingDraft?.drafter`),
    /// NULL when none waits: the awaiting-approval tab and filter read it per row, as a column.
    var draftedBy: String { get }
    /// Where the report's state (`StateCodec`) is read from for row `c`: SQLite keeps it in
    /// `complaint_texts.state`, PostgreSQL on the row itself (`complaints.state`, without reporter
    /// and texts). A test that holds when the state carries `marker` (a literal already quoted).
    func stateContains(_ marker: String) -> String
}

extension SQLDialect {
    /// Numbers the `?` markers with `placeholder(_:)`, skipping quoted literals.
    public func numbered(_ sql: String) -> String {
        var out = ""
        var n = 0
        var quoted = false
        for ch in sql {
            if ch == "'" { quoted.toggle() }
            if ch == "?" && !quoted {
                n += 1
                out += placeholder(n)
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

/// SQLite's spellings: `?` placeholders, flags as 0/1 integers, the FTS5 index `complaints_fts`.
public struct SQLiteDialect: SQLDialect {
    /// SQLite's dialect (it has no settings).
    public init() {}

    /// Every parameter is `?`: SQLite numbers them in order.
    public func placeholder(_ n: Int) -> String { "?" }

    /// Flags are stored as 0 and 1.
    public func flag(_ column: String, set: Bool) -> String { "\(column) = \(set ? 1 : 0)" }

    /// The FTS5 index `complaints_fts`, whose rowid is the report's id.
    public var textMatchIDs: String { "SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?" }

    /// SQLite's placeholders are the renderers' own `?` markers: nothing to number.
    public func numbered(_ sql: String) -> String { sql }

    /// An FTS5 expression: each term a quoted phrase whose last word is a prefix.
    public func textQuery(_ q: TextQuery) -> String { q.ftsExpression }

    /// SQLite compares text byte by byte (BINARY) unless told otherwise.
    public func bytewise(_ column: String) -> String { column }

    public var holdsArraysOnTheRow: Bool { false }

    /// The projection column `draft_by` (schema 4), kept by the writer and checked by verify.
    public var draftedBy: String { "c.draft_by" }

    public func stateContains(_ marker: String) -> String {
        "EXISTS (SELECT 1 FROM complaint_texts t WHERE t.id = c.id AND instr(t.state, \(marker)) > 0)"
    }
}

/// PostgreSQL's spellings (issue 14): `$n` placeholders, boolean flags, the text rows'
/// `tsvector` (`aduan.complaint_texts.words`, the core's own tokens under `simple`), and the
/// holder and copy arrays the access policies read. Under an operator's role the database's
/// row-level security has already limited the rows; the scope rule still shapes the working inbox.
public struct PostgreSQLDialect: SQLDialect {
    /// Search through `aduan.search_texts` (the caller's own keys' words, PGScopedSearch.swift)
    /// instead of the text rows' words under row-level security: set for a login that has keys.
    public var searchByAudience: Bool
    /// The reports each search (`textQuery`'s array of terms) found, fetched before the list's
    /// statement (`PGStore.resolvedSearches`): the statement then carries the numbers, so its plan
    /// fits how many there are (a rare word: those reports; a common one: the list's order).
    public var resolvedSearches: [String: String]?

    public init(searchByAudience: Bool = false, resolvedSearches: [String: String]? = nil) {
        self.searchByAudience = searchByAudience
        self.resolvedSearches = searchByAudience ? resolvedSearches : nil
    }

    public func placeholder(_ n: Int) -> String { "$\(n)" }

    public func flag(_ column: String, set: Bool) -> String { "\(column) = \(set ? "true" : "false")" }

    /// The reports whose text rows (full or with the reporter taken out; a role sees only the
    /// ones it may read) match the query.
    public var textMatchIDs: String {
        if resolvedSearches != nil { return "SELECT unnest(?::bigint[])" }
        return searchByAudience ? "SELECT aduan.search_texts(?::text[])" : "SELECT t.id FROM aduan.complaint_texts t WHERE t.words @@ ?::tsquery"
    }

    /// A `tsquery` literal (its lexemes are the core's tokens, as in the rows' vectors, no parser
    /// between): every term must match; a term's words follow each other, the last one a prefix
    /// (as FTS5's `"a b"*`). Each word is quoted as a lexeme.
    public func textQuery(_ q: TextQuery) -> String {
        // For the search function: the terms as an array, each its words separated by a space.
        if searchByAudience {
            let terms = PGStore.arrayLiteral(q.terms.map { $0.joined(separator: " ") })
            // A search not fetched before finds nothing (never more).
            if let resolved = resolvedSearches { return resolved[terms] ?? "{}" }
            return terms
        }
        return q.terms.map { term in
            term.enumerated().map { i, word in
                PGSearch.lexeme(word) + (i == term.count - 1 ? ":*" : "")
            }.joined(separator: " <-> ")
        }.map { "(\($0))" }.joined(separator: " & ")
    }

    public func bytewise(_ column: String) -> String { "\(column) COLLATE \"C\"" }

    public var holdsArraysOnTheRow: Bool { true }

    /// The drafter inside the row's state (`StateCodec`: "pd" is [version, at, drafter, …]).
    public var draftedBy: String { "((c.state::jsonb)->'pd'->>2)" }

    public func stateContains(_ marker: String) -> String { "strpos(c.state, \(marker)) > 0" }
}

/// A WHERE clause with its arguments, written with `?` markers (see `SQLDialect.numbered`).
/// `TRUE` and `FALSE` are spelled alike in SQLite (3.23+) and PostgreSQL.
struct SQLCondition {
    var sql: String
    var args: [SQLValue]

    /// Holds for every row: dropped by `&&`.
    static let always = SQLCondition(sql: "TRUE", args: [])
    /// Holds for no row.
    static let never = SQLCondition(sql: "FALSE", args: [])

    var isAlways: Bool { sql == Self.always.sql }

    static func && (a: SQLCondition, b: SQLCondition) -> SQLCondition {
        if a.isAlways { return b }
        if b.isAlways { return a }
        return SQLCondition(sql: "(\(a.sql)) AND (\(b.sql))", args: a.args + b.args)
    }

    /// The rows the condition does not select (a NULL test counts as not selected).
    static prefix func ! (a: SQLCondition) -> SQLCondition {
        SQLCondition(sql: "(\(a.sql)) IS NOT TRUE", args: a.args)
    }
}

extension ComplaintStore {
    /// The dialect this store renders its rules in (`ScopeSQL`, `FilterSQL`).
    var dialect: any SQLDialect { SQLiteDialect() }
}
