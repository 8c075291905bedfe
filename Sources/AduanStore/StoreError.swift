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
        let en = t.language == .en
        switch self {
        case .missing(let p):
            if let slash = p.lastIndex(of: "/"), slash != p.startIndex, StoreError.isRegularFile(String(p[..<slash])) {
                let dir = String(p[..<slash])
                return en ? "\(p): \(dir) is a file, not a folder; choose another --store path."
                          : "\(p): \(dir) adalah berkas, bukan folder; pilih jalur --store lain."
            }
            return en ? "\(p): no store here yet; create one with `aduan init` (or `aduan demo`)."
                      : "\(p): belum ada penyimpanan; buat dengan `aduan init` (atau `aduan demo`)."
        case .notADatabase(let p):
            return en ? "\(p): not an Aduan store (the file is not an SQLite database)."
                      : "\(p): bukan penyimpanan Aduan (berkas bukan basis data SQLite)."
        case .foreignDatabase(let p):
            return en ? "\(p): an SQLite database of another program, not an Aduan store; it was left untouched."
                      : "\(p): basis data SQLite milik program lain, bukan penyimpanan Aduan; berkas tidak diubah."
        case .destinationExists(let p):
            return en ? "\(p): the file exists already; back up to a new name (nothing was overwritten)."
                      : "\(p): berkas sudah ada; cadangkan ke nama baru (tidak ada yang ditimpa)."
        case .newerSchema(let p, let found, let supported):
            return en ? "\(p): written by a newer Aduan (schema \(found); this one understands up to \(supported)). Nothing was changed; update Aduan."
                      : "\(p): dibuat oleh Aduan yang lebih baru (skema \(found); versi ini hanya sampai \(supported)). Tidak ada yang diubah; perbarui Aduan."
        case .cannotOpen(let p, let reason):
            return en ? "\(p): cannot open the store: \(reason)." : "\(p): penyimpanan tidak bisa dibuka: \(reason)."
        case .readOnly(let p):
            return en ? "\(p): the store is read-only for this user; nothing was written."
                      : "\(p): penyimpanan hanya-baca untuk pengguna ini; tidak ada yang ditulis."
        case .notWritable(let p, let store):
            let ro = StoreAccess.onReadOnlyFileSystem(p)
            let mode = StoreAccess.modeText(p).map { en ? " (mode \($0))" : " (mode \($0))" } ?? ""
            if ro {
                return en ? "\(p): on a read-only disk; \(store) can be read (list, show, verify, export) but not changed. Nothing was written."
                          : "\(p): ada di disk hanya-baca; \(store) dapat dibaca (list, show, verify, export) tetapi tidak dapat diubah. Tidak ada yang ditulis."
            }
            return en ? "\(p) is not writable for this user\(mode), so \(store) cannot be changed; nothing was written. Give the owner write permission (e.g. `chmod u+w \(p)`); reading works meanwhile."
                      : "\(p) tidak dapat ditulis pengguna ini\(mode), jadi \(store) tidak dapat diubah; tidak ada yang ditulis. Beri pemilik izin tulis (mis. `chmod u+w \(p)`); membaca tetap bisa."
        case .diskFull(let p):
            return en ? "\(p): the disk is full; the action was not saved and the store is unchanged."
                      : "\(p): disk penuh; aksi tidak tersimpan dan penyimpanan tidak berubah."
        case .locked(let p):
            return en ? "\(p): the store is busy (another operator is writing); try again in a moment. Nothing was written."
                      : "\(p): penyimpanan sedang sibuk (operator lain sedang menulis); coba lagi sebentar. Tidak ada yang ditulis."
        case .corrupt(let p, let detail):
            return en ? "\(p): the store is damaged (\(detail)); run `aduan verify` and restore from a backup."
                      : "\(p): penyimpanan rusak (\(detail)); jalankan `aduan verify` dan pulihkan dari cadangan."
        case .conflict(let c):
            guard let by = c.changedBy, let change = c.change, let at = c.changedAt else {
                return en ? "Report #\(c.complaintID) was changed after you opened it (version \(c.expectedVersion) → \(c.currentVersion)). Nothing was written; look again and retry."
                          : "Laporan #\(c.complaintID) telah berubah setelah Anda membukanya (versi \(c.expectedVersion) → \(c.currentVersion)). Tidak ada yang ditulis; periksa lagi lalu ulangi."
            }
            let when = formatShortDateTime(at, zone: zone, table: t)
            return en ? "Report #\(c.complaintID) was changed by \(by.name) (\(by.id)): \(t.actionName(change)) at \(when), after you opened it (version \(c.expectedVersion) → \(c.currentVersion)). Nothing was written; look again and retry."
                      : "Laporan #\(c.complaintID) telah diubah oleh \(by.name) (\(by.id)): \(t.actionName(change)) pada \(when), setelah Anda membukanya (versi \(c.expectedVersion) → \(c.currentVersion)). Tidak ada yang ditulis; periksa lagi lalu ulangi."
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
