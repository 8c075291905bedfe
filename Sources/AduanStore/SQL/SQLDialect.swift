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
