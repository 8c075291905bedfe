import CSQLite
import Glibc

/// `SQLITE_TRANSIENT` is a cast macro that Swift cannot import.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// An open SQLite connection. Not shared between threads: each thread that reads in the
/// background opens its own (SQLite's WAL mode lets readers run beside the writer).
public final class Database {
    let handle: OpaquePointer
    /// The database file, as opened.
    public let path: String
    private var statementCache: [String: Statement] = [:]
    private var cacheOrder: [String] = []
    /// Filters build new SQL texts; a bounded cache keeps a long session's memory flat.
    static let cacheLimit = 96
    /// Sees every statement as it starts a run, bound (`ComplaintStore.recordingStatements`).
    var observer: ((Statement) -> Void)?

    /// How to open a database file.
    public struct OpenOptions: Sendable {
        /// Open for reading only (a store this user cannot write is then read as immutable).
        public var readOnly: Bool
        /// Create the file when it is missing (ignored with `readOnly`).
        public var create: Bool
        /// Refuse to open the file through a symlink (files Aduan creates itself).
        public var noFollow: Bool

        /// Options for opening; by default an existing file, read-write, through links.
        public init(readOnly: Bool = false, create: Bool = false, noFollow: Bool = false) {
            self.readOnly = readOnly
            self.create = create
            self.noFollow = noFollow
        }
    }

    /// Opens the database at `path` with extended result codes; the SQLite error says why it cannot.
    public init(path: String, options: OpenOptions = OpenOptions()) throws(SQLiteError) {
        var flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if options.create && !options.readOnly { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        if options.noFollow { flags |= SQLITE_OPEN_NOFOLLOW }
        // A store this user cannot write (read-only media or folder, a 0400 file) is read as
        // immutable: SQLite then needs no -shm beside it (see StoreAccess.readsImmutably).
        var name = path
        if options.readOnly && StoreAccess.readsImmutably(path) {
            name = StoreAccess.immutableURI(path)
            flags |= SQLITE_OPEN_URI
        }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc & 0xff, extendedCode: rc, message: message, sql: nil)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// The connection's error for result code `rc`, naming the statement and its bound values.
    func error(_ rc: Int32, sql: String?, arguments: [SQLValue]? = nil) -> SQLiteError {
        SQLiteError(code: rc & 0xff, extendedCode: sqlite3_extended_errcode(handle),
                    message: String(cString: sqlite3_errmsg(handle)), sql: sql, arguments: arguments)
    }

    /// Runs one or more statements without results.
    public func execute(_ sql: String) throws(SQLiteError) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        if rc != SQLITE_OK { throw error(rc, sql: sql) }
    }

    /// A prepared statement, cached by its text for reuse.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        if let s = statementCache[sql] {
            s.reset()
            return s
        }
        let s = try Statement(database: self, sql: sql)
        statementCache[sql] = s
        cacheOrder.append(sql)
        if cacheOrder.count > Self.cacheLimit {
            // Evict the oldest; a caller still holding it keeps it alive until done.
            statementCache[cacheOrder.removeFirst()] = nil
        }
        return s
    }

    /// A statement that is not cached (for one-off or dynamically built SQL).
    public func prepareOnce(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// How long a statement waits for another connection's lock before failing as busy.
    public func setBusyTimeout(milliseconds: Int32) { sqlite3_busy_timeout(handle, milliseconds) }

    /// Rows changed by the last INSERT/UPDATE/DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last row this connection inserted.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True inside BEGIN … COMMIT (or a savepoint).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// True when the connection cannot write its main database (opened read-only, or read-only media).
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Stops a running statement from another thread (broad searches that the operator abandoned).
    public func interrupt() { sqlite3_interrupt(handle) }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// `immediate` takes the write lock at once, so a conflict is seen before any work.
    /// Inside a transaction already (an import writes all its batches in one), `body` runs in a
    /// savepoint instead: it still commits or rolls back as a whole, with the outer transaction.
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        if isInTransaction {
            try execute("SAVEPOINT nested")
            do {
                let result = try body()
                try execute("RELEASE nested")
                return result
            } catch {
                if isInTransaction { try? execute("ROLLBACK TO nested; RELEASE nested") }
                throw error
            }
        }
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// The first column of the first row, as an integer.
    public func scalarInt(_ sql: String, _ args: [SQLValue] = []) throws(SQLiteError) -> Int64? {
        let s = try prepare(sql)
        try s.bind(args)
        // Reset after reading: a cached statement left mid-result keeps a read transaction open.
        defer { s.reset() }
        guard try s.step() else { return nil }
        return s.isNull(0) ? nil : s.int64(0)
    }

    /// The first column of the first row, as text; nil for no row or NULL.
    public func scalarText(_ sql: String, _ args: [SQLValue] = []) throws(SQLiteError) -> String? {
        let s = try prepare(sql)
        try s.bind(args)
        defer { s.reset() }
        guard try s.step() else { return nil }
        return s.isNull(0) ? nil : s.text(0)
    }

    /// Runs a statement with arguments, ignoring results.
    public func run(_ sql: String, _ args: [SQLValue] = []) throws(SQLiteError) {
        let s = try prepare(sql)
        try s.bind(args)
        while try s.step() {}
    }

    /// Copies this database into `destination` with SQLite's online backup API, in steps, so other
    /// connections keep working meanwhile. `progress` gets (remaining, total) pages.
    public func backup(to destination: Database, pagesPerStep: Int32 = 1024,
                       progress: (Int, Int) -> Void = { _, _ in }) throws(SQLiteError) {
        guard let b = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw destination.error(sqlite3_errcode(destination.handle), sql: "backup")
        }
        var rc: Int32
        repeat {
            rc = sqlite3_backup_step(b, pagesPerStep)
            progress(Int(sqlite3_backup_remaining(b)), Int(sqlite3_backup_pagecount(b)))
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { usleep(20_000) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(b)
        if rc != SQLITE_DONE { throw destination.error(rc, sql: "backup") }
        if finish != SQLITE_OK { throw destination.error(finish, sql: "backup") }
    }
}

/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit integer (also flags, as 0 and 1, and times, as Unix seconds).
    case int(Int64)
    /// UTF-8 text.
    case text(String)
    /// A floating-point number.
    case real(Double)

    /// Text, or NULL for nil.
    public init(_ s: String?) { self = s.map { .text($0) } ?? .null }
    /// An integer, or NULL for nil.
    public init(_ i: Int64?) { self = i.map { .int($0) } ?? .null }
    /// An integer, or NULL for nil.
    public init(_ i: Int?) { self = i.map { .int(Int64($0)) } ?? .null }
    /// A flag, as 1 or 0.
    public init(_ b: Bool) { self = .int(b ? 1 : 0) }
}
