import AduanCore

extension AduanStoreContract {
    /// Walks every report a list selects, in list order, `batch` at a time, through the contract's
    /// pages (`page`, `complaint`): what `aduan export` reads on either backend. `body` returns
    /// false to stop. On SQLite the store's own walk reads each page's reports in one statement;
    /// on PostgreSQL each report is read as the role may see it (nil ones, which the role may no
    /// longer open, are left out).
    public func forEachReport(_ q: InboxQuery, now: Timestamp, batch: Int = 500, _ body: ([Complaint]) throws -> Bool) throws {
        if let sqlite = self as? ComplaintStore {
            try sqlite.forEach(q, now: now, body)
            return
        }
        var cursor: PageCursor?
        while true {
            let rows = try page(q, after: cursor, limit: batch, now: now)
            if rows.isEmpty { return }
            var reports: [Complaint] = []
            reports.reserveCapacity(rows.count)
            for row in rows { if let c = try complaint(row.id) { reports.append(c) } }
            if try !body(reports) { return }
            cursor = rows.last!.cursor
        }
    }
}
