import AduanCore

/// Reports that arrived while a screen was open (another operator's intake, an import): the desk
/// keeps its selection and says how many of them its list gained (issue 11 item 6).
extension ComplaintStore {
    /// The highest report id so far (0 for an empty store): the mark arrivals are counted after.
    public func lastComplaintID() throws(StoreError) -> Int64 {
        try read { try db.scalarInt("SELECT max(id) FROM complaints") ?? 0 }
    }

    /// How many reports received after `mark` the list of `q` holds. The new ids come from the
    /// primary key first (few rows), so the count never scans the list.
    public func arrivals(after mark: Int64, in q: InboxQuery, now: Timestamp) throws(StoreError) -> Int {
        try read {
            let s = try db.prepare("SELECT id FROM complaints WHERE id > ? ORDER BY id LIMIT 10000")
            try s.bind([.int(mark)])
            defer { s.reset() }
            var ids: [SQLValue] = []
            while try s.step() { ids.append(.int(s.int64(0))) }
            guard !ids.isEmpty else { return 0 }
            let cond = whereClause(q, now: now) && FilterSQL(dialect: dialect).list("c.id", ids)
            return Int(try db.scalarInt("SELECT count(*) FROM complaints c WHERE \(cond.sql)", cond.args) ?? 0)
        }
    }
}
