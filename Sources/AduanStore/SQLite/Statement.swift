import CSQLite

/// A prepared SQL statement: bind, step, read columns.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    /// The statement's text, as prepared (without values: see `expandedSQL`).
    public let sql: String
    /// Set at the first step after a reset or a new binding, when the statement starts a run
    /// (`Database.observer` sees each run once).
    private var running = false
    /// The values of the last `bind(_:)`, for errors (`SQLiteError.arguments`).
    private var arguments: [SQLValue]?
    /// Result column indexes by name, read from SQLite once per statement.
    private var columnIndexes: [String: Int32]?
    /// A row decoder made for this statement's columns (`decoder(_:)`).
    private var decoderCache: Any?

    init(database: Database, sql: String) throws(SQLiteError) {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw database.error(rc, sql: sql) }
        handle = stmt
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Ends the current run and clears the bindings, so the statement can be bound and run again.
    public func reset() {
        running = false
        arguments = nil
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds `values` to parameters 1, 2, … (after ending any run in progress).
    public func bind(_ values: [SQLValue]) throws(SQLiteError) {
        running = false
        sqlite3_reset(handle)
        arguments = values
        for (i, v) in values.enumerated() { try bind(v, at: Int32(i + 1)) }
    }

    /// Binds one value to parameter `index` (1-based).
    public func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .int(let i): rc = sqlite3_bind_int64(handle, index, i)
        case .real(let d): rc = sqlite3_bind_double(handle, index, d)
        case .text(let s): rc = sqlite3_bind_text(handle, index, s, Int32(s.utf8.count), SQLITE_TRANSIENT)
        }
        if rc != SQLITE_OK { throw database.error(rc, sql: sql, arguments: arguments) }
    }

    /// Binds an integer to parameter `index` without wrapping it in `SQLValue` (bulk writes).
    public func bind(_ value: Int64, at index: Int32) { sqlite3_bind_int64(handle, index, value) }

    /// Binds UTF-8 bytes as TEXT without making a String first.
    public func bind(utf8 bytes: [UInt8], at index: Int32) {
        bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, p.count)) {
                _ = sqlite3_bind_text(handle, index, $0, Int32(p.count), SQLITE_TRANSIENT)
            }
        }
    }

    /// Binds bytes as a BLOB (hashes).
    public func bind(blob bytes: [UInt8], at index: Int32) {
        bytes.withUnsafeBytes { _ = sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
    }

    /// The column's bytes, copied out; empty for NULL.
    public func blob(_ column: Int32) -> [UInt8] {
        guard let p = sqlite3_column_blob(handle, column) else { return [] }
        let n = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }

    /// Binds text, or NULL for nil, to parameter `index`.
    public func bind(_ value: String?, at index: Int32) {
        if let value { sqlite3_bind_text(handle, index, value, Int32(value.utf8.count), SQLITE_TRANSIENT) } else { sqlite3_bind_null(handle, index) }
    }

    /// Advances to the next row: true while there is one, false when done.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        if !running {
            running = true
            database.observer?(self)
        }
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let e = database.error(rc, sql: sql, arguments: arguments)
        sqlite3_reset(handle)
        throw e
    }

    /// The index of the result column called `name` (its alias, or the column's own name without
    /// the table), nil when the statement has none; the first one when two share a name.
    public func column(named name: String) -> Int32? {
        if let columnIndexes { return columnIndexes[name] }
        var found: [String: Int32] = [:]
        for i in 0..<sqlite3_column_count(handle) {
            guard let p = sqlite3_column_name(handle, i) else { continue }
            let n = String(cString: p)
            if found[n] == nil { found[n] = i }
        }
        columnIndexes = found
        return found[name]
    }

    /// The row decoder `make` builds for this statement (column indexes resolved by name), made
    /// once and kept with the statement: a cached statement run a million times resolves once.
    func decoder<D>(_ make: (Statement) throws(SQLiteError) -> D) throws(SQLiteError) -> D {
        if let d = decoderCache as? D { return d }
        let d = try make(self)
        decoderCache = d
        return d
    }

    /// `column(named:)` for a column the statement's own SQL selects: its absence is an error
    /// naming the column and the statement, not a crash.
    public func requiredColumn(_ name: String) throws(SQLiteError) -> Int32 {
        guard let i = column(named: name) else {
            throw SQLiteError(code: SQLITE_ERROR, extendedCode: SQLITE_ERROR, message: "the statement selects no column \(name)", sql: sql)
        }
        return i
    }

    /// The index of the named parameter (`:title`), nil when the statement has none.
    public func parameter(named name: String) -> Int32? {
        let i = sqlite3_bind_parameter_index(handle, name)
        return i > 0 ? i : nil
    }

    /// `parameter(named:)` for a parameter the statement's own SQL names: its absence is an error
    /// naming it and the statement, not a crash.
    public func requiredParameter(_ name: String) throws(SQLiteError) -> Int32 {
        guard let i = parameter(named: name) else {
            throw SQLiteError(code: SQLITE_ERROR, extendedCode: SQLITE_ERROR, message: "the statement has no parameter \(name)", sql: sql)
        }
        return i
    }

    /// True when the column of the current row is NULL.
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    /// The column as an integer (0 for NULL).
    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    /// The column as an `Int` (0 for NULL).
    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    /// The column as a floating-point number (0 for NULL).
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// The column's bytes (blob or text) without copying them out, valid only inside `body`.
    public func withBytes<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard let p = sqlite3_column_blob(handle, column) else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return body(UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// The column as text (empty for NULL); invalid UTF-8 is repaired, never trusted.
    public func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(handle, column) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// The statement's SQL with its bound values written in (SQLite's `sqlite3_expanded_sql`),
    /// nil when SQLite cannot make it. The values may hold a reporter's name or words: for tools
    /// that replay the store's statements (aduan-bench) and for tests, never for an error message.
    public var expandedSQL: String? {
        guard let p = sqlite3_expanded_sql(handle) else { return nil }
        defer { sqlite3_free(p) }
        return String(cString: p)
    }

    /// The column as text, nil for NULL.
    public func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
    /// The column as an integer, nil for NULL.
    public func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }
}
