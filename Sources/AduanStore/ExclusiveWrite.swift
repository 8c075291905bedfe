import AduanCore

/// An import is written as ONE transaction, begun with BEGIN IMMEDIATE:
///
/// - it holds the store's write lock from its first row to its commit, so a second import (or an
///   operator's action) waits its busy timeout and is then refused with `.locked`, and never
///   interleaves with it; anything the import reads inside (its duplicate check) sees every
///   commit made before it took the lock;
/// - it is all or nothing: a crash, a kill or an error at any moment leaves the store exactly as
///   it was before the import (SQLite rolls the open transaction back);
/// - into an empty store the indexes are dropped and rebuilt inside the same transaction, so no
///   other connection ever sees a store without its indexes or with half a search index.
extension ComplaintStore {
    /// Runs `body` in one write transaction holding the store's write lock. `body` gets whether a
    /// bulk load is on (the store was empty when the lock was taken: rows go in without index
    /// upkeep, and the indexes and search index are built in one pass before the commit).
    /// Errors from `body` roll everything back and are rethrown as they are; SQLite's own
    /// errors become `StoreError` (`.locked` when the lock could not be had in time).
    public func writeExclusively<T>(_ body: (_ bulk: Bool) throws -> T) throws -> T {
        var bulk = false
        defer {
            bulkLoading = false
            try? db.execute("PRAGMA cache_size=-8192")
        }
        let result: T
        do {
            result = try db.transaction(immediate: true) {
                bulk = try startBulkLoad()
                // A big page cache (128 MiB) keeps the growing b-trees in memory: pages spill to
                // the -wal only beyond it.
                try db.execute("PRAGMA cache_size=-131072")
                let r = try body(bulk)
                if bulk {
                    bulkLoading = false
                    try rebuildIndexes()
                }
                return r
            }
        } catch let e as SQLiteError {
            throw StoreError.from(e, path: path)
        }
        // Committed: fold the write-ahead log (as large as everything the import wrote) back into
        // the store file and truncate it, rather than leave it to the next connection.
        try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return result
    }
}
