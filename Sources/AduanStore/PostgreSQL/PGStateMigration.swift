import AduanCore

/// Schema version 4 (issue 14): a store written before it kept a pending draft's author and text
/// in `complaints.state`, which every role that may open the report reads. The migration rewrites
/// each such state to what `PGStore.skeleton` writes now (only that a draft waits); the text stays
/// in the event log and in the draft event's forms in `event_views`, read by the handling parties.
extension PGSchema {
    /// The migration's number. On merging with another branch's migration 4 (re-import keys),
    /// renumber this one after it (and `PGSchema.version`): the scrub runs once, whatever the number.
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
