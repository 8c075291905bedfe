import AduanCore

/// Migrations that rewrite rows, not only the schema.
///
/// Schema version 5 (issue 14): a store written before it kept a pending draft's author and text
/// in `complaints.state`, which every role that may open the report reads. The migration rewrites
/// each such state to what `PGStore.skeleton` writes now (only that a draft waits); the text stays
/// in the event log and in the draft event's forms in `event_views`, read by the handling parties.
extension PGSchema {
    /// The migration's number (after migration 4, the re-import keys).
    static let draftScrubVersion = 5

    /// Rewrites every state that carries a pending draft, in the migration's transaction. States
    /// are rewritten by the codec that wrote them (decode, blank the draft, encode), so `aduan
    /// verify`'s comparison with a replay holds afterwards.
    static func scrubPendingDrafts(_ conn: PGConnection) throws {
        let rows = try conn.query("SELECT id, state FROM aduan.complaints WHERE strpos(state, '\"pd\":[') > 0")
        for i in 0..<rows.rowCount {
            guard let id = rows.int64(i, "id"), let state = rows.text(i, "state") else { continue }
            var c = Complaint(id: id, intake: Intake(title: "", body: ""), at: Timestamp(seconds: 0), actor: .system)
            guard StateCodec.decode(state, into: &c) else {
                throw PostgresError(sqlState: nil, message: "report #\(id) has a damaged state record; nothing was changed")
            }
            c.pendingDraft = c.pendingDraft.map { Privacy.blindDraft($0, in: c) }
            try conn.query("UPDATE aduan.complaints SET state = $1 WHERE id = $2", [.text(StateCodec.encode(c)), .int(id)])
        }
    }
}

extension PGSchema {
    /// Version 4 on a store that already holds reports: their keys, from each one's first event.
    static func backfillContentKeys(_ conn: PGConnection) throws {
        let r = try conn.query("""
            SELECT e.complaint_id, e.version, e.at, e.kind, e.body, c.received_at FROM aduan.events e
            JOIN aduan.complaints c ON c.id = e.complaint_id WHERE e.version = 1
            """)
        var rows: [[PGValue]] = []
        for i in 0..<r.rowCount {
            let id = r.int64(i, "complaint_id") ?? 0
            guard let e = EventCodec.decodeStored(complaint: id, version: 1, at: r.int64(i, "at") ?? 0, kind: r.text(i, "kind") ?? "",
                                                  body: r.text(i, "body") ?? ""),
                  let key = e.details.intake.flatMap({ ContentKey.of($0, receivedAt: Timestamp(seconds: r.int64(i, "received_at") ?? 0)) })
            else { continue }
            rows.append([.int(id), .text(key)])
        }
        try conn.copyIn("COPY aduan.complaint_keys(id, content_key) FROM STDIN", rows)
    }
}
