import AduanCore
import Glibc

/// Another operator changed the report after this operator read it.
public struct Conflict: Hashable, Sendable {
    /// The report the operator acted on.
    public var complaintID: Int64
    /// The version the operator's decision was based on.
    public var expectedVersion: Int
    /// The version the report has now.
    public var currentVersion: Int
    /// The first change the operator did not see: who, what, when; all nil when the operator may
    /// not see that event (a secret follow-up, a confidential report's text), so nothing of it is told.
    public var changedBy: Actor?
    /// What that first change was.
    public var change: ActionKind?
    /// When it was made.
    public var changedAt: Timestamp?
}

/// Everything that can go wrong with a store, in terms an operator can act on.
public enum StoreError: Error, Sendable {
    /// The store file does not exist (and creating it was not asked for).
    case missing(path: String)
    /// The file exists but is not an SQLite database (or is encrypted, or damaged at the header).
    case notADatabase(path: String)
    /// An SQLite database of another program: left untouched.
    case foreignDatabase(path: String)
    /// A backup would overwrite an existing file.
    case destinationExists(path: String)
    /// Written by a newer Aduan; refused so nothing is altered.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The folder or file cannot be opened (permissions, missing folder).
    case cannotOpen(path: String, reason: String)
    /// The store (or its folder) is read-only for this user.
    case readOnly(path: String)
    /// A write needs `path` (the store, its -wal or -shm, or its folder) and this user cannot
    /// write it; `store` is the store's path. Found before SQLite is asked, so nothing was written.
    case notWritable(path: String, store: String)
    /// No space left on the device.
    case diskFull(path: String)
    /// Another process held the write lock for longer than the busy timeout.
    case locked(path: String)
    /// SQLite reports damage.
    case corrupt(path: String, detail: String)
    /// Optimistic concurrency: the report changed since it was read.
    case conflict(Conflict)
    /// The workflow refused the action.
    case refused(Refusal)
    /// A history handed to a bulk load (`insertHistories`, `prepare`) that the workflow would not
    /// have allowed; nothing of its batch was written.
    case illegalHistory(ReplayError)
    /// No report with this id, or one the operator may not see (the same answer, so its
    /// existence is not told).
    case notFound(Int64)
    /// The event log's hash chain is broken: writes are refused until a backup is restored.
    case chainBroken(path: String, ChainDamage)
    /// Anything else from SQLite, with the statement.
    case sqlite(path: String, SQLiteError)
    /// A PostgreSQL store's refusal, its writer's, or the server's (issue 14), said through the string tables.
    case postgres(PostgresMessage)

    static func from(_ e: SQLiteError, path: String) -> StoreError {
        if e.isNotADatabase { return .notADatabase(path: path) }
        if e.isFull { return .diskFull(path: path) }
        if e.isReadOnly { return .readOnly(path: path) }
        if e.isBusy { return .locked(path: path) }
        if e.isCorrupt { return .corrupt(path: path, detail: e.message) }
        if e.isCantOpen { return .cannotOpen(path: path, reason: e.message) }
        return .sqlite(path: path, e)
    }

    /// One line for the operator, in their language.
    public func message(_ t: any StringTable, names: Directory, zone: OfficeTimeZone) -> String {
        switch self {
        case .missing(let p):
            if let slash = p.lastIndex(of: "/"), slash != p.startIndex, StoreError.isRegularFile(String(p[..<slash])) {
                return t.storeProblem(.parentIsAFile(path: p, parent: String(p[..<slash])))
            }
            return t.storeProblem(.missing(path: p))
        case .notADatabase(let p): return t.storeProblem(.notADatabase(path: p))
        case .foreignDatabase(let p): return t.storeProblem(.foreignDatabase(path: p))
        case .destinationExists(let p): return t.storeProblem(.destinationExists(path: p))
        case .newerSchema(let p, let found, let supported): return t.storeProblem(.newerSchema(path: p, found: found, supported: supported))
        case .cannotOpen(let p, let reason): return t.storeProblem(.cannotOpen(path: p, reason: reason))
        case .readOnly(let p): return t.storeProblem(.readOnly(path: p))
        case .notWritable(let p, let store):
            if StoreAccess.onReadOnlyFileSystem(p) { return t.storeProblem(.readOnlyDisk(path: p, store: store)) }
            return t.storeProblem(.notWritable(path: p, store: store, mode: StoreAccess.modeText(p)))
        case .diskFull(let p): return t.storeProblem(.diskFull(path: p))
        case .locked(let p): return t.storeProblem(.locked(path: p))
        case .corrupt(let p, let detail): return t.storeProblem(.corrupt(path: p, detail: detail))
        case .conflict(let c):
            guard let by = c.changedBy, let change = c.change, let at = c.changedAt else {
                return t.storeProblem(.changedUnseen(id: c.complaintID, expected: c.expectedVersion, current: c.currentVersion))
            }
            return t.storeProblem(.changed(id: c.complaintID, byName: by.name, byID: by.id, change: t.actionName(change),
                                           when: formatShortDateTime(at, zone: zone, table: t),
                                           expected: c.expectedVersion, current: c.currentVersion))
        case .refused(let r):
            return t.refusal(r, names: names, zone: zone)
        case .illegalHistory(let e):
            return t.replayError(e, names: names, zone: zone)
        case .notFound(let id):
            return t.refusal(.noSuchComplaint(id), names: names, zone: zone)
        case .chainBroken(let p, let damage):
            return t.chainBroken(path: p, damage)
        case .sqlite(let p, let e):
            return "\(p): \(e.description)"
        case .postgres(let m):
            return PostgresText.message(m, t.language)
        }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Exit code for the command line: 1 for a refused or invalid action, 2 for environment trouble.
    public var exitCode: Int32 {
        switch self {
        case .conflict, .refused, .notFound, .postgres(.writerRefused), .postgres(.writerNotOperatorOfLogin), .postgres(.writerUnreadableCommand), .illegalHistory: 1
        default: 2
        }
    }
}
