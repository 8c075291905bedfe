extension ComplaintStore {
    /// The statements the store runs inside `body`, in order, each with its bound values written
    /// in (SQLite's `sqlite3_expanded_sql`). aduan-bench replays the store's own statements in the
    /// sqlite3 shell to measure the floor a query cannot beat.
    ///
    /// The values can hold a reporter's identity and words: for tools and tests on their own
    /// stores, never for an operator's screen or an error message.
    ///
    ///     let sql = try store.recordingStatements { _ = try store.page(query, limit: 140, now: now) }
    public func recordingStatements(_ body: () throws -> Void) rethrows -> [String] {
        var seen: [String] = []
        let outer = db.observer
        db.observer = { s in
            outer?(s)
            seen.append(s.expandedSQL ?? s.sql)
        }
        defer { db.observer = outer }
        try body()
        return seen
    }
}
