import AduanCore

/// Reading whole reports and their histories.
extension ComplaintStore {
    /// The tables a whole report is read from (columns: `ProjectionColumns.complaintSelect`).
    static let complaintSource = "complaints c JOIN complaint_texts t ON t.id = c.id"

    func loadComplaint(_ id: Int64) throws -> Complaint? {
        let s = try db.prepare("SELECT \(ProjectionColumns.complaintSelect) FROM \(Self.complaintSource) WHERE c.id = ?")
        try s.bind([.int(id)])
        defer { s.reset() }
        guard try s.step() else { return nil }
        return try s.decoder(ProjectionColumns.init).complaint(s, path: path)
    }

    /// One report, or nil.
    public func complaint(_ id: Int64) throws(StoreError) -> Complaint? {
        try read { try loadComplaint(id) }
    }

    /// The report's whole history, oldest first.
    public func events(of id: Int64) throws(StoreError) -> [Event] {
        try read {
            let s = try db.prepare("SELECT complaint_id, version, at, kind, body FROM events WHERE complaint_id = ? ORDER BY version")
            try s.bind([.int(id)])
            var out: [Event] = []
            let columns = try s.decoder(EventColumns.init)
            while try s.step() {
                guard let e = columns.event(s) else {
                    throw StoreError.corrupt(path: path, detail: "report #\(id) has a damaged event")
                }
                out.append(e)
            }
            return out
        }
    }


    /// The local id of the report with this LAPOR! tracking id, if any.
    public func id(forTrackingID t: String) throws(StoreError) -> Int64? {
        try read { try db.scalarInt("SELECT id FROM complaints WHERE tracking_id = ? LIMIT 1", [.text(t)]) }
    }

    /// Every local id carrying this LAPOR! tracking id, lowest first (normally one).
    public func ids(forTrackingID t: String) throws(StoreError) -> [Int64] {
        try read {
            let s = try db.prepare("SELECT id FROM complaints WHERE tracking_id = ? ORDER BY id LIMIT 100")
            try s.bind([.text(t)])
            var out: [Int64] = []
            while try s.step() { out.append(s.int64(0)) }
            return out
        }
    }

    /// The local id of the report with this re-import key (`ContentKey.of`), if any.
    public func id(forContentKey k: String) throws(StoreError) -> Int64? {
        try read { try db.scalarInt("SELECT id FROM complaints WHERE content_key = ? LIMIT 1", [.text(k)]) }
    }

    /// Total reports and events.
    public func totals() throws(StoreError) -> (complaints: Int, events: Int) {
        try read {
            let c = try db.scalarInt("SELECT coalesce(sum(n), 0) FROM counts") ?? 0
            let e = Int64(try db.scalarText("SELECT value FROM meta WHERE key='event_count'") ?? "0") ?? 0
            return (Int(c), Int(e))
        }
    }
}
