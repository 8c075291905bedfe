import AduanCore

/// Reading a report as the connected role: what the screen's `show` will use on PostgreSQL. The
/// database has already withheld what the role may not see (identity, texts, rows), so the report
/// put together from the rows it returns is the core's `Privacy.redacted` of it, no filter here.
extension PGStore {
    /// The report as the connection's role may see it, nil when it may not open it (or it does not exist).
    public static func complaint(_ id: Int64, on conn: PGConnection) throws -> Complaint? {
        let r = try conn.query("""
            SELECT tracking_id, channel, classification, category, priority, anonymous, confidential, privacy_decided, status,
                   holder_agency, holder_unit, intake_agency, received_at, updated_at, updated_by, version, rating, state
            FROM aduan.complaints WHERE id = $1
            """, [.int(id)])
        guard r.rowCount == 1 else { return nil }
        // The full texts where the role may read them with the reporter, else the masked ones, else none.
        let t = try conn.query("SELECT title, body, location FROM aduan.complaint_texts WHERE id = $1 ORDER BY masked LIMIT 1", [.int(id)])
        let texts = t.rowCount == 1 ? [t.text(0, "title") ?? "", t.text(0, "body") ?? "", t.text(0, "location") ?? ""] : ["", "", ""]
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
        let p = try conn.query("SELECT name, phone, email, nik FROM aduan.complaint_reporters WHERE id = $1", [.int(id)])
        if p.rowCount == 1 {
            c.reporter = Reporter(name: p.text(0, "name"), phone: p.text(0, "phone"), email: p.text(0, "email"), nik: p.text(0, "nik"))
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
