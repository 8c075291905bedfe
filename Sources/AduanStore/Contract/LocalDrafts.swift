import AduanCore
import Glibc

/// An operator's unsent drafts kept on their own machine, for a store that does not keep them
/// (PostgreSQL). Why not a table in the PostgreSQL store: a draft is private text that is not a
/// record yet (a reply not sent, maybe with the reporter's name or a confidential detail in it);
/// in the database the store's owner, its writer and every superuser could read it, and an
/// operator's role writes nothing but its own commands there (the writer checks every write
/// against the core), which a drafts table would break. Kept here, a draft never leaves the
/// desk's machine, as on SQLite it never leaves the store's file; the price is that it does not
/// follow the operator to another machine.
///
/// One small SQLite file (0600) per account, keyed by the store's location, the operator, the
/// report and the action; `nil` path: kept in memory for the session only.
public final class LocalDrafts {
    let db: Database
    let store: String

    /// Opens (creating) the drafts file at `path` for the store at `location`.
    public init(path: String?, location: String) throws(StoreError) {
        store = location
        do {
            if let path {
                // Born 0600 (never readable by others, not even for a moment), then opened by SQLite.
                let fd = open(path, O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
                if fd >= 0 { close(fd) }
                db = try Database(path: path, options: .init(create: true, noFollow: true))
                _ = chmod(path, 0o600)
            } else {
                db = try Database(path: ":memory:", options: .init(create: true))
            }
            db.setBusyTimeout(milliseconds: 2_000)
            try db.execute("""
                CREATE TABLE IF NOT EXISTS local_drafts(
                    store TEXT NOT NULL, operator TEXT NOT NULL, complaint_id INTEGER NOT NULL, kind TEXT NOT NULL,
                    text TEXT NOT NULL, secret INTEGER NOT NULL, saved_at INTEGER NOT NULL,
                    PRIMARY KEY (store, operator, complaint_id, kind)) WITHOUT ROWID
                """)
        } catch {
            throw .sqlite(path: path ?? ":memory:", error)
        }
    }

    public func save(_ d: Draft, by op: Actor) throws(StoreError) {
        if d.text.trimmingSpaces().isEmpty { return try discard(of: d.complaintID, kind: d.kind, by: op) }
        do {
            try db.run("""
                INSERT INTO local_drafts(store, operator, complaint_id, kind, text, secret, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET text = excluded.text, secret = excluded.secret, saved_at = excluded.saved_at
                """, [.text(store), .text(op.id), .int(d.complaintID), .text(d.kind.rawValue), .text(d.text), .int(d.secret ? 1 : 0),
                      .int(d.savedAt.seconds)])
        } catch {
            throw .sqlite(path: db.path, error)
        }
    }

    public func draft(of complaintID: Int64, kind: ActionKind, by op: Actor) throws(StoreError) -> Draft? {
        do {
            let s = try db.prepare("SELECT text, secret, saved_at FROM local_drafts WHERE store = ? AND operator = ? AND complaint_id = ? AND kind = ?")
            try s.bind([.text(store), .text(op.id), .int(complaintID), .text(kind.rawValue)])
            defer { s.reset() }
            guard try s.step() else { return nil }
            return Draft(complaintID: complaintID, kind: kind, text: s.text(0), secret: s.int(1) != 0, savedAt: Timestamp(seconds: s.int64(2)))
        } catch {
            throw .sqlite(path: db.path, error)
        }
    }

    public func discard(of complaintID: Int64, kind: ActionKind, by op: Actor) throws(StoreError) {
        do {
            try db.run("DELETE FROM local_drafts WHERE store = ? AND operator = ? AND complaint_id = ? AND kind = ?",
                       [.text(store), .text(op.id), .int(complaintID), .text(kind.rawValue)])
        } catch {
            throw .sqlite(path: db.path, error)
        }
    }
}
