import AduanCore

/// Reading a report as the connected role: what the screen's `show` will use on PostgreSQL. The
/// database has already withheld what the role may not see (identity, texts, rows), so the report
/// put together from the rows it returns is the core's `Privacy.redacted` of it, no filter here.
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
        let received = Timestamp(seconds: r.int64(0, "received_at") ?? 0)
        let intake = Intake(trackingID: r.text(0, "tracking_id"), title: texts[0], body: texts[1],
                            channel: Channel(rawValue: r.text(0, "channel") ?? "") ?? .other,
                            classification: Classification(rawValue: r.text(0, "classification") ?? "") ?? .pengaduan,
                            category: Category(r.text(0, "category") ?? ""), priority: Priority(rawValue: r.text(0, "priority") ?? "") ?? .normal,
                            agency: r.text(0, "intake_agency") ?? "", receivedAt: received)
        var c = Complaint(id: id, intake: intake, at: received, actor: .system)
        c.anonymous = r.bool(0, "anonymous") ?? true
        c.confidential = r.bool(0, "confidential") ?? true
        c.privacyDecided = r.bool(0, "privacy_decided") ?? false
        guard let status = Status(code: r.int64(0, "status") ?? -1) else {
            throw PostgresError(sqlState: nil, message: "report #\(id) has an unknown status code")
        }
        c.status = status
        c.holder = Holder(agency: r.text(0, "holder_agency") ?? "", unit: r.text(0, "holder_unit"))
        c.updatedAt = Timestamp(seconds: r.int64(0, "updated_at") ?? 0)
        c.updatedBy = r.text(0, "updated_by") ?? ""
        c.version = Int(r.int64(0, "version") ?? 0)
        c.rating = r.int64(0, "rating").map(Int.init)
        guard StateCodec.decode(r.text(0, "state") ?? "", into: &c) else {
            throw PostgresError(sqlState: nil, message: "report #\(id) has a damaged state record")
        }
        c.location = texts[2]
        // The state keeps only that a draft waits; its author and text are the draft event's, in the
        // widest form of it the role may read (none: the role does not handle the report).
        if let d = c.pendingDraft {
            let v = try conn.query("""
                SELECT version, at, kind, body FROM aduan.event_views
                WHERE complaint_id = $1 AND version = $2 AND kind = 'draft' ORDER BY shown_to DESC LIMIT 1
                """, [.int(id), .int(Int64(d.version))])
            if v.rowCount == 1, let e = EventCodec.decodeStored(complaint: id, version: d.version, at: v.int64(0, "at") ?? 0,
                                                                 kind: v.text(0, "kind") ?? "", body: v.text(0, "body") ?? "") {
                c.pendingDraft = PendingDraft(version: d.version, at: e.at, drafter: e.actor.id, drafterName: e.actor.name,
                                              text: e.details.text ?? "", secret: e.details.secret)
            }
        }
        c.reporter = nil
        if !r.isNull(0, "reporter_row") {
            c.reporter = Reporter(name: r.text(0, "name"), phone: r.text(0, "phone"), email: r.text(0, "email"), nik: r.text(0, "nik"))
        }
        return c
    }

    /// The report's timeline as the connection's role may read it, oldest first. A login with
    /// several operators may see two forms of one event: the one for the widest sight is kept.
    public static func timeline(_ id: Int64, on conn: PGConnection) throws -> [Event] {
        let r = try conn.query("""
            SELECT DISTINCT ON (seq) seq, version, at, kind, body FROM aduan.event_views
            WHERE complaint_id = $1 ORDER BY seq, shown_to DESC
            """, [.int(id)])
        return (0..<r.rowCount).compactMap { i in
            EventCodec.decodeStored(complaint: id, version: Int(r.int64(i, "version") ?? 0), at: r.int64(i, "at") ?? 0,
                                    kind: r.text(i, "kind") ?? "", body: r.text(i, "body") ?? "")
        }
    }
}
