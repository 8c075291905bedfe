import AduanCore

/// Reading reports as the connected role: what `show`, the screen and `export` use on PostgreSQL.
/// The database has already withheld what the role may not see (identity, texts, rows), so a
/// report put together from the rows it returns is the core's `Privacy.redacted` of it, no filter
/// here. Reports are read a page at a time (one statement per table for the whole page; a single
/// report is a page of one), so an export of a province's million reports is not three round
/// trips per report.
extension PGStore {
    /// The report as the connection's role may see it, nil when it may not open it (or it does not exist).
    public static func complaint(_ id: Int64, on conn: PGConnection) throws -> Complaint? {
        // One statement (the screen reads the selected report at every move, for the key bar): the
        // row, the full texts where the role may read them with the reporter, else the masked ones,
        // else none, and the reporter where the role may see it; each table's policy decides.
        let r = try conn.query("""
            SELECT c.tracking_id, c.channel, c.classification, c.category, c.priority, c.anonymous, c.confidential, c.privacy_decided,
                   c.status, c.holder_agency, c.holder_unit, c.intake_agency, c.received_at, c.updated_at, c.updated_by, c.version,
                   c.rating, c.state, t.title, t.body, t.location, p.id AS reporter_row, p.name, p.phone, p.email, p.nik
            FROM aduan.complaints c
            LEFT JOIN LATERAL (SELECT title, body, location FROM aduan.complaint_texts x WHERE x.id = c.id ORDER BY x.masked LIMIT 1) t ON true
            LEFT JOIN aduan.complaint_reporters p ON p.id = c.id
            WHERE c.id = $1
            """, [.int(id)])
        guard r.rowCount == 1 else { return nil }
        let texts = [r.text(0, "title") ?? "", r.text(0, "body") ?? "", r.text(0, "location") ?? ""]
        let reporter = r.isNull(0, "reporter_row") ? nil
            : Reporter(name: r.text(0, "name"), phone: r.text(0, "phone"), email: r.text(0, "email"), nik: r.text(0, "nik"))
        var one = [id: try complaint(row: 0, of: r, id: id, texts: texts, reporter: reporter)]
        try fillPendingDrafts(&one, on: conn)
        return one[id]
    }

    /// The reports among `ids` the connection's role may open, in the order of `ids` (the others
    /// left out): four statements whatever the number (rows, texts, reporters, and the pending
    /// drafts' events when any wait).
    public static func complaints(_ ids: [Int64], on conn: PGConnection) throws -> [Complaint] {
        guard !ids.isEmpty else { return [] }
        let list = PGValue.text(idArray(ids))
        let r = try conn.query("""
            SELECT id, tracking_id, channel, classification, category, priority, anonymous, confidential, privacy_decided, status,
                   holder_agency, holder_unit, intake_agency, received_at, updated_at, updated_by, version, rating, state
            FROM aduan.complaints WHERE id = ANY($1::bigint[])
            """, [list])
        guard r.rowCount > 0 else { return [] }
        // The full texts where the role may read them with the reporter, else the masked ones, else none.
        let t = try conn.query("""
            SELECT DISTINCT ON (id) id, title, body, location FROM aduan.complaint_texts WHERE id = ANY($1::bigint[]) ORDER BY id, masked
            """, [list])
        var texts: [Int64: [String]] = [:]
        for i in 0..<t.rowCount {
            guard let id = t.int64(i, "id") else { continue }
            texts[id] = [t.text(i, "title") ?? "", t.text(i, "body") ?? "", t.text(i, "location") ?? ""]
        }
        let p = try conn.query("SELECT id, name, phone, email, nik FROM aduan.complaint_reporters WHERE id = ANY($1::bigint[])", [list])
        var reporters: [Int64: Reporter] = [:]
        for i in 0..<p.rowCount {
            guard let id = p.int64(i, "id") else { continue }
            reporters[id] = Reporter(name: p.text(i, "name"), phone: p.text(i, "phone"), email: p.text(i, "email"), nik: p.text(i, "nik"))
        }
        var byID: [Int64: Complaint] = [:]
        for i in 0..<r.rowCount {
            guard let id = r.int64(i, "id") else { continue }
            byID[id] = try complaint(row: i, of: r, id: id, texts: texts[id] ?? ["", "", ""], reporter: reporters[id])
        }
        try fillPendingDrafts(&byID, on: conn)
        return ids.compactMap { byID[$0] }
    }

    /// One report from its row of `aduan.complaints`, its texts and reporter as the role reads them.
    static func complaint(row i: Int, of r: PGResult, id: Int64, texts: [String], reporter: Reporter?) throws -> Complaint {
        let received = Timestamp(seconds: r.int64(i, "received_at") ?? 0)
        let intake = Intake(trackingID: r.text(i, "tracking_id"), title: texts[0], body: texts[1],
                            channel: Channel(rawValue: r.text(i, "channel") ?? "") ?? .other,
                            classification: Classification(rawValue: r.text(i, "classification") ?? "") ?? .pengaduan,
                            category: Category(r.text(i, "category") ?? ""), priority: Priority(rawValue: r.text(i, "priority") ?? "") ?? .normal,
                            agency: r.text(i, "intake_agency") ?? "", receivedAt: received)
        var c = Complaint(id: id, intake: intake, at: received, actor: .system)
        c.anonymous = r.bool(i, "anonymous") ?? true
        c.confidential = r.bool(i, "confidential") ?? true
        c.privacyDecided = r.bool(i, "privacy_decided") ?? false
        guard let status = Status(code: r.int64(i, "status") ?? -1) else {
            throw PostgresError(sqlState: nil, message: "report #\(id) has an unknown status code")
        }
        c.status = status
        c.holder = Holder(agency: r.text(i, "holder_agency") ?? "", unit: r.text(i, "holder_unit"))
        c.updatedAt = Timestamp(seconds: r.int64(i, "updated_at") ?? 0)
        c.updatedBy = r.text(i, "updated_by") ?? ""
        c.version = Int(r.int64(i, "version") ?? 0)
        c.rating = r.int64(i, "rating").map(Int.init)
        guard StateCodec.decode(r.text(i, "state") ?? "", into: &c) else {
            throw PostgresError(sqlState: nil, message: "report #\(id) has a damaged state record")
        }
        c.location = texts[2]
        c.reporter = reporter
        return c
    }

    /// The state keeps only that a draft waits; its author and text are the draft event's, in the
    /// widest form of it the role may read (none: the role does not handle the report). One
    /// statement for every report of the page with a draft waiting.
    static func fillPendingDrafts(_ reports: inout [Int64: Complaint], on conn: PGConnection) throws {
        let waiting = reports.values.compactMap { c in c.pendingDraft.map { (c.id, $0.version) } }.sorted { $0.0 < $1.0 }
        guard !waiting.isEmpty else { return }
        let v = try conn.query("""
            SELECT DISTINCT ON (complaint_id) complaint_id, version, at, kind, body FROM aduan.event_views
            WHERE (complaint_id, version) IN (SELECT * FROM unnest($1::bigint[], $2::int[])) AND kind = 'draft'
            ORDER BY complaint_id, shown_to DESC
            """, [.text(idArray(waiting.map(\.0))), .text(idArray(waiting.map { Int64($0.1) }))])
        for i in 0..<v.rowCount {
            guard let id = v.int64(i, "complaint_id"), let version = v.int64(i, "version").map(Int.init), var c = reports[id],
                  let d = c.pendingDraft, d.version == version,
                  let e = EventCodec.decodeStored(complaint: id, version: version, at: v.int64(i, "at") ?? 0,
                                                  kind: v.text(i, "kind") ?? "", body: v.text(i, "body") ?? "") else { continue }
            c.pendingDraft = PendingDraft(version: version, at: e.at, drafter: e.actor.id, drafterName: e.actor.name,
                                          text: e.details.text ?? "", secret: e.details.secret)
            reports[id] = c
        }
    }

    /// The report's timeline as the connection's role may read it, oldest first.
    public static func timeline(_ id: Int64, on conn: PGConnection) throws -> [Event] {
        try timelines([id], on: conn)[id] ?? []
    }

    /// The timelines of `ids` as the connection's role may read them, each oldest first, in one
    /// statement (reports the role may not open have none). A login with several operators may
    /// see two forms of one event: the one for the widest sight is kept.
    public static func timelines(_ ids: [Int64], on conn: PGConnection) throws -> [Int64: [Event]] {
        guard !ids.isEmpty else { return [:] }
        let r = try conn.query("""
            SELECT DISTINCT ON (complaint_id, seq) complaint_id, seq, version, at, kind, body FROM aduan.event_views
            WHERE complaint_id = ANY($1::bigint[]) ORDER BY complaint_id, seq, shown_to DESC
            """, [.text(idArray(ids))])
        return eventsByReport(r)
    }

    /// Rows of `complaint_id, version, at, kind, body` (events or their forms) decoded per report, in row order.
    static func eventsByReport(_ r: PGResult) -> [Int64: [Event]] {
        var out: [Int64: [Event]] = [:]
        for i in 0..<r.rowCount {
            guard let id = r.int64(i, "complaint_id"),
                  let e = EventCodec.decodeStored(complaint: id, version: Int(r.int64(i, "version") ?? 0), at: r.int64(i, "at") ?? 0,
                                                  kind: r.text(i, "kind") ?? "", body: r.text(i, "body") ?? "") else { continue }
            out[id, default: []].append(e)
        }
        return out
    }

    /// A PostgreSQL array literal of numbers (`{1,2,3}`), bound as text and cast in the statement.
    static func idArray(_ ids: [Int64]) -> String { "{" + ids.map(String.init).joined(separator: ",") + "}" }
}
