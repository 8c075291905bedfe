import AduanCore

/// A large load into an empty store builds the secondary indexes and checks the foreign keys once
/// at the end instead of row by row (measured on 20,000 demo reports: the server's CPU per report
/// 142 → 113 µs; the GIN index on the search words, the complaints' ten indexes and four foreign
/// key checks per report were the part that goes; notes/s7/RESULT-a.md).
///
/// All of it happens inside the load's one transaction: the indexes and constraints are dropped
/// (their definitions read from the catalog first, `pg_get_indexdef`/`pg_get_constraintdef`) and
/// made again, under the same names, by `PGBulkLoad.finish`, before the commit. A failure or a kill
/// anywhere rolls the drop back with everything else: the store is as it was, every index there.
/// Unique and primary keys stay in place (they enforce the log's rules while it loads).
///
/// Only when nothing waits: the tables are locked `ACCESS EXCLUSIVE … NOWAIT` under a savepoint,
/// and if any other session holds a lock on one of them (an operator's screen reading, the writer)
/// the load goes on with the indexes in place, as before, so it never waits in a cycle with another
/// session. Once taken, the locks make other sessions that read these tables wait for the commit;
/// on an empty store they have nothing to read yet.
extension PGBulkLoad {
    /// The tables a load writes whose secondary indexes and foreign keys it may build after.
    /// (`events` has only its primary and unique keys, and its lock is already the load's.)
    static let deferredTables = ["complaints", "complaint_reporters", "complaint_texts", "complaint_keys", "event_views", "complaint_copies"]

    /// Drops the tables' non-unique indexes and their foreign keys, remembering how to make them
    /// again; returns the statements that do (empty when a lock was not free at once).
    func dropIndexesForLoad() throws -> [String] {
        let conn = store.conn
        let list = Self.deferredTables.map { "aduan." + $0 }.joined(separator: ", ")
        let names = Self.deferredTables.map { "'\($0)'" }.joined(separator: ", ")
        try conn.execute("SAVEPOINT aduan_bulk_indexes")
        do {
            try conn.execute("LOCK TABLE \(list) IN ACCESS EXCLUSIVE MODE NOWAIT")
        } catch {
            try conn.execute("ROLLBACK TO SAVEPOINT aduan_bulk_indexes")
            try conn.execute("RELEASE SAVEPOINT aduan_bulk_indexes")
            return []
        }
        try conn.execute("RELEASE SAVEPOINT aduan_bulk_indexes")
        let constraints = try conn.query("""
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop,
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS make
            FROM pg_constraint
            WHERE contype = 'f' AND connamespace = 'aduan'::regnamespace
              AND conrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'aduan'::regnamespace AND relname IN (\(names)))
            ORDER BY conname
            """)
        let indexes = try conn.query("""
            SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop, pg_get_indexdef(i.indexrelid) AS make
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relnamespace = 'aduan'::regnamespace AND t.relname IN (\(names))
              AND NOT i.indisprimary AND NOT i.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY i.indexrelid::regclass::text
            """)
        var make: [String] = []
        for r in [constraints, indexes] {
            for i in 0..<r.rowCount {
                guard let drop = r.text(i, "drop"), let again = r.text(i, "make") else { continue }
                try conn.execute(drop)
                make.append(again)
            }
        }
        // Indexes first, then the constraints (which validate with one join each).
        return make.filter { !$0.hasPrefix("ALTER TABLE") } + make.filter { $0.hasPrefix("ALTER TABLE") }
    }

    /// Makes again what `dropIndexesForLoad` dropped, with more memory for the index builds.
    func rebuildIndexes(_ statements: [String]) throws {
        guard !statements.isEmpty else { return }
        let conn = store.conn
        try conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for sql in statements { try conn.execute(sql) }
    }
}
