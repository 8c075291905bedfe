import CLibPQ
import Glibc

/// A value bound to a `$n` placeholder. Sent as text (libpq's text format), bytes as binary.
public enum PGValue: Sendable, Equatable {
    case null
    case text(String)
    case int(Int64)
    case bool(Bool)
    case bytes([UInt8])
}

/// A PostgreSQL failure: the SQLSTATE (`23505`, `42501`, …) and a message that never carries a
/// value bound to the statement (the server quotes input values in some messages, and a bound
/// value may be a reporter's name), plus the statement's text with its `$n` placeholders.
public struct PostgresError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Five characters, or nil when the failure is not the server's (a lost connection).
    public var sqlState: String?
    public var message: String
    /// The statement, its placeholders unexpanded; nil for connection failures.
    public var sql: String?

    public init(sqlState: String?, message: String, sql: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var s = "PostgreSQL error"
        if let sqlState { s += " \(sqlState)" }
        s += ": \(message)"
        if let sql { s += " — in: " + String(sql.prefix(200)) }
        return s
    }

    /// 42501: the role lacks a privilege (a column or table it may not read).
    public var isPermissionDenied: Bool { sqlState == "42501" }
    /// 40001 / 40P01: a serialization failure or deadlock; the transaction may be retried.
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// Class 08: the connection failed or was lost.
    public var isConnectionFailure: Bool { sqlState == nil || sqlState?.hasPrefix("08") == true }

    /// `message` with every bound value taken out: a value of three or more bytes wherever it
    /// appears, a shorter one where the server quotes it.
    static func scrubbed(_ message: String, values: [PGValue]) -> String {
        var out = message
        for v in values {
            let text: String
            switch v {
            case .text(let s): text = s
            case .int(let i): text = String(i)
            case .bytes, .null, .bool: continue
            }
            guard !text.isEmpty else { continue }
            if text.utf8.count >= 3 {
                out = out.replacingAll(text, with: "…")
            } else {
                out = out.replacingAll("\"\(text)\"", with: "\"…\"")
            }
        }
        return out
    }
}

extension String {
    /// Every occurrence of `needle` replaced, comparing bytes: the stdlib's `replacing(_:with:)`
    /// compares Characters, so a quote followed by a combining mark would escape its escaping.
    func replacingAll(_ needle: String, with replacement: String) -> String {
        let h = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= h.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(h.count)
        var i = 0
        while i < h.count {
            if i + n.count <= h.count, h[i] == n[0], Array(h[i..<(i + n.count)]) == n {
                out += Array(replacement.utf8)
                i += n.count
            } else {
                out.append(h[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One connection to a PostgreSQL server. Owns its `PGconn`; not shared between threads (libpq
/// is thread-safe, one connection is not): each thread or task that talks to the server opens
/// its own.
public final class PGConnection {
    let handle: OpaquePointer
    /// Nesting depth of `transaction`: an inner call joins the outer transaction.
    private var depth = 0
    /// How many statements `query` has sent (round trips; tests count a page's).
    public private(set) var statementsSent = 0
    /// The session's login searches texts through its own keys (`aduan.search_texts`,
    /// PGScopedSearch.swift): set by `PGOperatorStore` when the store has them for the login.
    public var searchByAudience = false
    /// The searches this session ran in the last second, by terms (`PGStore.resolvedSearches`).
    var searchMemo: [String: (ids: String, at: Double)] = [:]
    /// How many transactions this connection rolled back: what a transaction wrote and a cache
    /// remembered may be gone since (`PGStore.audienceIDs`).
    public private(set) var rollbacks = 0

    /// Connects with libpq keywords (`host`, `port`, `dbname`, `user`, `passfile`, …). Passwords
    /// come from a passfile or service file, never from here. `dbname` may be a connection URI
    /// or `service=…` string (libpq's `expand_dbname`).
    public init(parameters: [(String, String)]) throws(PostgresError) {
        var params = parameters
        // A program name in pg_stat_activity; a short connect timeout so a dead server is said quickly.
        if !params.contains(where: { $0.0 == "application_name" }) { params.append(("application_name", "aduan")) }
        if !params.contains(where: { $0.0 == "connect_timeout" }) { params.append(("connect_timeout", "10")) }
        let keys = params.map { strdup($0.0) }
        let values = params.map { strdup($0.1) }
        defer {
            keys.forEach { free($0) }
            values.forEach { free($0) }
        }
        var keyPointers: [UnsafePointer<CChar>?] = keys.map { UnsafePointer($0) } + [nil]
        var valuePointers: [UnsafePointer<CChar>?] = values.map { UnsafePointer($0) } + [nil]
        guard let conn = PQconnectdbParams(&keyPointers, &valuePointers, 1) else {
            throw PostgresError(sqlState: nil, message: "out of memory")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = Self.trimmed(String(cString: PQerrorMessage(conn)))
            PQfinish(conn)
            throw PostgresError(sqlState: "08001", message: message)
        }
        handle = conn
        // Messages in a stable form; times in UTC; the store's tables named by schema everywhere.
        _ = try? execute("SET client_min_messages = warning")
    }

    deinit { PQfinish(handle) }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let l = t.last, l == "\n" || l == " " { t.removeLast() }
        return String(t)
    }

    /// The role this connection acts as (`current_user`).
    public var user: String { String(cString: PQuser(handle)) }

    /// The server's process id for this connection (for tests that end a backend).
    public var backendPID: Int32 { PQbackendPID(handle) }

    /// Runs one or more statements without parameters (migrations, role scripts).
    public func execute(_ sql: String) throws(PostgresError) {
        guard let r = PQexec(handle, sql) else { throw connectionError(sql: sql) }
        defer { PQclear(r) }
        do {
            try check(r, sql: sql, values: [])
        } catch {
            // A script with its own BEGIN that failed half-way leaves its transaction open and
            // aborted: roll it back, so the failure leaves nothing and the connection stays usable.
            if depth == 0 && PQtransactionStatus(handle) == PQTRANS_INERROR, let rb = PQexec(handle, "ROLLBACK") { rollbacks += 1; PQclear(rb) }
            throw error
        }
    }

    /// Runs one statement with `$1…` parameters and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ values: [PGValue] = []) throws(PostgresError) -> PGResult {
        statementsSent += 1
        // Text values stay alive in these buffers until PQexecParams returns.
        var buffers: [[CChar]?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        buffers.reserveCapacity(values.count)
        for v in values {
            switch v {
            case .null: buffers.append(nil); lengths.append(0); formats.append(0)
            case .text(let s): buffers.append(Array(s.utf8CString)); lengths.append(0); formats.append(0)
            case .int(let i): buffers.append(Array(String(i).utf8CString)); lengths.append(0); formats.append(0)
            case .bool(let b): buffers.append(Array((b ? "t" : "f").utf8CString)); lengths.append(0); formats.append(0)
            case .bytes(let bytes):
                buffers.append(bytes.isEmpty ? [0] : bytes.map { CChar(bitPattern: $0) })
                lengths.append(Int32(bytes.count)); formats.append(1)
            }
        }
        let result: OpaquePointer? = withPointers(buffers) { pointers in
            PQexecParams(handle, sql, Int32(values.count), nil, pointers, lengths, formats, 0)
        }
        guard let r = result else { throw connectionError(sql: sql) }
        do {
            try check(r, sql: sql, values: values)
        } catch {
            PQclear(r)
            throw error
        }
        return PGResult(r)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws
    /// (then nothing it wrote remains). Nested calls join the outer transaction.
    @discardableResult
    public func transaction<T>(_ isolation: Isolation = .readCommitted, _ body: () throws -> T) throws -> T {
        if depth > 0 {
            depth += 1
            defer { depth -= 1 }
            return try body()
        }
        try execute("BEGIN ISOLATION LEVEL " + isolation.rawValue)
        depth = 1
        defer { depth = 0 }
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            rollbacks += 1
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    public enum Isolation: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
        case serializable = "SERIALIZABLE"
    }

    private func withPointers<R>(_ buffers: [[CChar]?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        // Copies keep each buffer's storage fixed for the call.
        let owned: [UnsafeMutablePointer<CChar>?] = buffers.map { b in
            guard let b else { return nil }
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: b.count)
            p.initialize(from: b, count: b.count)
            return p
        }
        defer { owned.forEach { $0?.deallocate() } }
        return body(owned.map { $0.map { UnsafePointer($0) } })
    }

    private func connectionError(sql: String?) -> PostgresError {
        PostgresError(sqlState: nil, message: Self.trimmed(String(cString: PQerrorMessage(handle))), sql: sql)
    }

    private func check(_ r: OpaquePointer, sql: String, values: [PGValue]) throws(PostgresError) {
        switch PQresultStatus(r) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT:
            return
        default:
            let state = PQresultErrorField(r, ADUAN_PG_DIAG_SQLSTATE).map { String(cString: $0) }
            // The primary message only: DETAIL lines quote key values ("Key (x)=(…) already exists").
            let primary = PQresultErrorField(r, ADUAN_PG_DIAG_MESSAGE_PRIMARY).map { String(cString: $0) }
                ?? Self.trimmed(String(cString: PQresultErrorMessage(r)))
            throw PostgresError(sqlState: state, message: PostgresError.scrubbed(primary, values: values), sql: sql)
        }
    }

    /// Quotes an identifier (a role or table name) for SQL text: `"…"` with `"` doubled.
    public static func quoteIdentifier(_ s: String) -> String { "\"" + s.replacingAll("\"", with: "\"\"") + "\"" }

    /// Quotes a literal for SQL text (standard_conforming_strings is on): `'…'` with `'` doubled.
    /// Only for SQL that is printed or run as a script; statements bind values with `$n`.
    public static func quoteLiteral(_ s: String) -> String { "'" + s.replacingAll("'", with: "''") + "'" }
}

/// The rows of one statement, read by column name. Owns its `PGresult`.
public final class PGResult {
    let handle: OpaquePointer
    public let rowCount: Int
    private let columns: [String: Int32]

    init(_ handle: OpaquePointer) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
        var columns: [String: Int32] = [:]
        for i in 0..<PQnfields(handle) { columns[String(cString: PQfname(handle, i))] = i }
        self.columns = columns
    }

    deinit { PQclear(handle) }

    /// Rows changed by an INSERT, UPDATE or DELETE (`PQcmdTuples`); 0 for other statements.
    public var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    public var columnNames: [String] { columns.sorted { $0.value < $1.value }.map(\.key) }

    private func index(_ column: String) -> Int32 {
        guard let i = columns[column] else { preconditionFailure("no column \(column) in the result") }
        return i
    }

    public func isNull(_ row: Int, _ column: String) -> Bool { PQgetisnull(handle, Int32(row), index(column)) == 1 }

    /// The value as text, nil for NULL (libpq gives "" for both).
    public func text(_ row: Int, _ column: String) -> String? {
        let c = index(column)
        if PQgetisnull(handle, Int32(row), c) == 1 { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), c))
    }

    public func int64(_ row: Int, _ column: String) -> Int64? { text(row, column).flatMap { Int64($0) } }

    public func bool(_ row: Int, _ column: String) -> Bool? { text(row, column).map { $0 == "t" } }

    /// A `bytea` value (text format `\x…` hex).
    public func bytes(_ row: Int, _ column: String) -> [UInt8]? {
        guard let t = text(row, column) else { return nil }
        var out: [UInt8] = []
        var high: UInt8?
        for c in t.utf8.dropFirst(2) {
            let v: UInt8 = c >= 97 ? c - 87 : c >= 65 ? c - 55 : c - 48
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }

    /// Every row's value of one column as text.
    public func column(_ column: String) -> [String?] { (0..<rowCount).map { text($0, column) } }
}
