import CSQLite

/// An SQLite failure, with the statement that caused it and the values bound to it (as GRDB's
/// `DatabaseError` carries its arguments), so a log line and a test explain themselves.
///
/// The values can hold a reporter's name, phone or words, so `description` (what an operator or a
/// log sees, through `StoreError.message`) and `debugDescription` name the statement only; the
/// values are in `descriptionWithArguments`, which only tests and debugging ask for by name.
/// (`debugDescription` stays without them because Swift prints a payload's debug description when
/// it prints an enum, an optional or an array: "\(StoreError.sqlite(…))" would show the values.)
///
///     catch let e as SQLiteError {
///         print(e)                             // SQLite error 19 (constraint): … — in: INSERT INTO …
///         print(e.descriptionWithArguments)    // … with arguments [text("Siti, 0812…")]
///     }
public struct SQLiteError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// The primary result code (SQLITE_BUSY, SQLITE_CORRUPT, …).
    public var code: Int32
    /// The extended result code (SQLITE_CONSTRAINT_UNIQUE, SQLITE_IOERR_WRITE, …).
    public var extendedCode: Int32
    /// SQLite's own message (`sqlite3_errmsg`).
    public var message: String
    /// The statement that failed; nil when no statement was involved (opening the file).
    public var sql: String?
    /// The values bound to the statement with `Statement.bind(_:)`, in parameter order; nil when
    /// there were none or they were bound one by one. Never part of `description`.
    public var arguments: [SQLValue]? = nil

    /// The code, its name, SQLite's message and the start of the statement: never the values.
    public var description: String {
        var s = "SQLite error \(code) (\(SQLiteError.name(code))): \(message)"
        if let sql { s += " — in: " + String(sql.prefix(200)) }
        return s
    }

    /// The same as `description`: never the values (see the type's comment).
    public var debugDescription: String { description }

    /// `description` followed by the bound values: for tests and debugging only, as they may
    /// identify a reporter. Never shown to an operator nor written to a log.
    public var descriptionWithArguments: String {
        guard let arguments, !arguments.isEmpty else { return description }
        return description + " with arguments [" + arguments.map { "\($0)" }.joined(separator: ", ") + "]"
    }

    /// Another connection holds the lock (busy or locked).
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    /// The disk (or the database's size limit) is full.
    public var isFull: Bool { code == SQLITE_FULL }
    /// The file, its folder or the connection is read-only.
    public var isReadOnly: Bool { code == SQLITE_READONLY }
    /// The file is not an SQLite database (or is encrypted).
    public var isNotADatabase: Bool { code == SQLITE_NOTADB }
    /// SQLite found the file damaged.
    public var isCorrupt: Bool { code == SQLITE_CORRUPT }
    /// `Database.interrupt()` stopped the statement.
    public var isInterrupted: Bool { code == SQLITE_INTERRUPT }
    /// The file could not be opened (missing folder, permissions).
    public var isCantOpen: Bool { code == SQLITE_CANTOPEN }
    /// The operating system failed a read or write.
    public var isIOError: Bool { code == SQLITE_IOERR }

    static func name(_ code: Int32) -> String {
        switch code {
        case SQLITE_BUSY: "busy"
        case SQLITE_LOCKED: "locked"
        case SQLITE_READONLY: "read-only"
        case SQLITE_FULL: "disk full"
        case SQLITE_CORRUPT: "corrupt"
        case SQLITE_NOTADB: "not a database"
        case SQLITE_CANTOPEN: "cannot open"
        case SQLITE_IOERR: "I/O error"
        case SQLITE_CONSTRAINT: "constraint"
        case SQLITE_INTERRUPT: "interrupted"
        case SQLITE_PERM: "permission denied"
        default: String(cString: sqlite3_errstr(code))
        }
    }
}
