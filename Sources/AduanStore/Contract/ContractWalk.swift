import AduanCore

/// One page of the reports a list selects, as `forEachReport` hands it over: the reports in list
/// order and, when asked for, their timelines.
public struct ReportPage {
    public let reports: [Complaint]
    let timelines: [Int64: [Event]]?
    let store: any AduanStoreContract

    /// The report's events, oldest first: from the page when it read them with the reports
    /// (PostgreSQL: one statement for the page), else from the store (SQLite: a local read).
    public func events(of c: Complaint) throws(StoreError) -> [Event] {
        if let timelines { return timelines[c.id] ?? [] }
        return try store.events(of: c.id)
    }
}

extension AduanStoreContract {
    /// Walks every report a list selects, in list order, a page at a time: what `aduan export`
    /// reads on either backend. `body` returns false to stop. On SQLite the store's own walk reads
    /// each page's reports in one statement. On PostgreSQL each page is read as the role may see
    /// it in one statement per table (`PGStore.complaints`, and `PGStore.timelines` when `events`
    /// is asked for); reports the role may no longer open are left out.
    public func forEachReport(_ q: InboxQuery, now: Timestamp, batch: Int = 500, events: Bool = false,
                              _ body: (ReportPage) throws -> Bool) throws {
        if let sqlite = self as? ComplaintStore {
            try sqlite.forEach(q, now: now) { try body(ReportPage(reports: $0, timelines: nil, store: self)) }
            return
        }
        var cursor: PageCursor?
        while true {
            let rows = try page(q, after: cursor, limit: batch, now: now)
            if rows.isEmpty { return }
            let ids = rows.map(\.id)
            let page: ReportPage
            if let pg = self as? PGOperatorStore {
                page = try PGOperatorStore.wrap {
                    ReportPage(reports: try PGStore.complaints(ids, on: pg.conn), timelines: events ? try PGStore.timelines(ids, on: pg.conn) : nil, store: self)
                }
            } else {
                var reports: [Complaint] = []
                for id in ids { if let c = try complaint(id) { reports.append(c) } }
                page = ReportPage(reports: reports, timelines: nil, store: self)
            }
            if try !body(page) { return }
            cursor = rows.last!.cursor
        }
    }
}
