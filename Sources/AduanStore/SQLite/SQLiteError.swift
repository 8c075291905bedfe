import CSQLite

/// An SQLite failure, with the statement that caused it, so a log line explains itself.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (SQLITE_BUSY, SQLITE_CORRUPT, …).
    public var code: Int32
    public var extendedCode: Int32
    public var message: String
    public var sql: String?

    public var description: String {
        var s = "SQLite error \(code) (\(SQLiteError.name(code))): \(message)"
        if let sql { s += " — in: " + String(sql.prefix(200)) }
        return s
    }

    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    public var isFull: Bool { code == SQLITE_FULL }
    public var isReadOnly: Bool { code == SQLITE_READONLY }
    public var isNotADatabase: Bool { code == SQLITE_NOTADB }
    public var isCorrupt: Bool { code == SQLITE_CORRUPT }
    public var isInterrupted: Bool { code == SQLITE_INTERRUPT }
    public var isCantOpen: Bool { code == SQLITE_CANTOPEN }
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
