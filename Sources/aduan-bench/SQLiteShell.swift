import Glibc

/// The sqlite3 command-line shell on the same store: the floor a query cannot beat, and the
/// store's search vocabulary.
struct SQLiteShell {
    let path: String
    let bench: BenchEnvironment

    /// Rows of a query (fields split on '|'); nil when the shell failed.
    func rows(_ store: String, _ sql: String) -> [[String]]? {
        let script = bench.scratch("query.sql")
        FileSystem.writeText(script, sql + "\n")
        defer { unlink(script) }
        let out = bench.scratch("query.out")
        defer { unlink(out) }
        let r = Spawn.run([path, "-readonly", "-batch", store], env: bench.baseEnvironment, stdinPath: script, stdoutPath: out, log: bench.scratch("query.log"))
        guard r.ok, let text = FileSystem.readText(out) else { return nil }
        return text.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The rarest whole word (no longer word starts with it, since the screen's search matches
    /// word prefixes) and the most common word in the store's full-text index.
    func vocabulary(_ store: String) -> (rare: String, common: String)? {
        let sql = """
            CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, complaints_fts, 'row');
            CREATE TEMP TABLE words AS SELECT term, doc FROM temp.vocab WHERE length(term) >= 2 AND term NOT GLOB '*[^a-z]*';
            CREATE INDEX temp.words_term ON words(term);
            SELECT term FROM words w WHERE length(term) >= 5
              AND NOT EXISTS (SELECT 1 FROM words x WHERE x.term > w.term AND x.term < w.term || '{')
              ORDER BY doc, term LIMIT 1;
            SELECT term FROM words ORDER BY doc DESC, term LIMIT 1;
            """
        guard let r = rows(store, sql), r.count == 2, let rare = r[0].first, let common = r[1].first else { return nil }
        return (rare, common)
    }

    /// Seconds one run of `statements` takes in the shell: the same statements repeated, timed as a
    /// whole, minus an equally long run of `SELECT 1;`, divided by the repetitions; the lowest of
    /// three tries. The shell prepares each statement anew and prints its rows to /dev/null.
    func floor(_ store: String, _ statements: [String]) -> Double? {
        let setup = "PRAGMA cache_size=-8192;\nPRAGMA temp_store=MEMORY;\n"
        func timed(_ body: String, _ repeats: Int) -> Double? {
            let script = bench.scratch("floor.sql")
            FileSystem.writeText(script, setup + String(repeating: body, count: repeats))
            defer { unlink(script) }
            let r = Spawn.run([path, "-readonly", "-batch", store], env: bench.baseEnvironment, stdinPath: script, stdoutPath: "/dev/null",
                              log: bench.scratch("floor.log"))
            return r.ok ? r.seconds : nil
        }
        let body = statements.joined(separator: "\n") + "\n"
        let empty = String(repeating: "SELECT 1;\n", count: statements.count)
        // A first small run warms the cache and sizes the real runs to about half a second.
        guard let q10 = timed(body, 10), let e10 = timed(empty, 10) else { return nil }
        let estimate = max(1e-6, (q10 - e10) / 10)
        let repeats = min(2000, max(10, Int(0.5 / estimate)))
        var best = Double.infinity
        for _ in 0..<3 {
            guard let q = timed(body, repeats), let e = timed(empty, repeats) else { return nil }
            best = min(best, max(0, q - e) / Double(repeats))
        }
        return best
    }
}
