import AduanCore

/// Loading many reports into an empty store (demo data, a first import): the complaint indexes
/// are dropped and the search index left empty while rows go in, then both are built in one
/// sorted pass at the end, several times faster than keeping them up to date row by row.
///
/// The load is marked in `meta`; if the process dies half way, the next open finds the mark (or a
/// missing index) and rebuilds what is missing, so a store is never left without its indexes.
extension ComplaintStore {
    /// Starts a bulk load if the store holds no reports yet. Returns whether it did.
    public func beginBulkLoad() throws(StoreError) -> Bool {
        try write { try startBulkLoad() }.also { engaged in
            // A big page cache keeps the growing b-trees in memory; rarer checkpoints write less twice.
            if engaged {
                try? db.execute("PRAGMA cache_size=-131072; PRAGMA wal_autocheckpoint=100000")
            }
        }
    }

    /// In the caller's write transaction: drops the complaint indexes and marks the load, if the
    /// store holds no reports yet. Returns whether it did.
    func startBulkLoad() throws -> Bool {
        guard (try db.scalarInt("SELECT count(*) FROM (SELECT 1 FROM complaints LIMIT 1)") ?? 0) == 0 else { return false }
        try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('bulk_load', '1')")
        for name in Schema.complaintIndexNames { try db.execute("DROP INDEX IF EXISTS \(name)") }
        bulkLoading = true
        return true
    }

    /// Ends a bulk load: rebuilds the indexes and the search index, clears the mark.
    public func endBulkLoad(progress: (String) -> Void = { _ in }) throws(StoreError) {
        bulkLoading = false
        try rebuildIndexes(progress: progress)
        try read {
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA cache_size=-8192; PRAGMA wal_autocheckpoint=1000")
        }
    }

    /// Recreates missing complaint indexes and, after an interrupted bulk load, the search index.
    func rebuildIndexes(progress: (String) -> Void = { _ in }) throws(StoreError) {
        try read {
            let marked = try db.scalarText("SELECT value FROM meta WHERE key = 'bulk_load'") != nil
            let existing = Set(try indexNames())
            let missing = Schema.complaintIndexes.filter { sql in !existing.contains(Schema.indexName(sql)) }
            guard marked || !missing.isEmpty else { return }
            // Index builds sort; let SQLite's sorter use the second core.
            try db.execute("PRAGMA threads=2")
            try db.transaction {
                for sql in missing {
                    progress(Schema.indexName(sql))
                    try db.execute(sql)
                }
                if marked {
                    progress("complaints_fts")
                    try db.execute("INSERT INTO complaints_fts(complaints_fts) VALUES('rebuild')")
                    try db.run("DELETE FROM meta WHERE key = 'bulk_load'")
                }
            }
            try db.execute("PRAGMA threads=0; PRAGMA optimize")
        }
    }

    func indexNames() throws -> [String] {
        let s = try db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'")
        var out: [String] = []
        while try s.step() { out.append(s.text(0)) }
        return out
    }
}

extension Schema {
    static func indexName(_ createSQL: String) -> String {
        let parts = createSQL.split(separator: " ")
        return parts.count > 2 ? String(parts[2]) : createSQL
    }

    static var complaintIndexNames: [String] { complaintIndexes.map(indexName) }
}

extension Bool {
    func also(_ f: (Bool) -> Void) -> Bool { f(self); return self }
}
