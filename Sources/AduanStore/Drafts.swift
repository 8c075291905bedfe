import AduanCore

/// Text an operator typed and has not sent: kept when a follow-up, note or reply is refused as a
/// conflict, when a later step is cancelled, and when the desk ends with the editor open
/// (issue 11 item 1). One per operator, report and kind, in a table of its own: not an event,
/// not in the hash chain, never exported, and read only by the operator who wrote it.
public struct Draft: Hashable, Sendable {
    public var complaintID: Int64
    public var kind: ActionKind
    public var text: String
    public var secret: Bool
    public var savedAt: Timestamp

    public init(complaintID: Int64, kind: ActionKind, text: String, secret: Bool = false, savedAt: Timestamp) {
        self.complaintID = complaintID
        self.kind = kind
        self.text = text
        self.secret = secret
        self.savedAt = savedAt
    }
}

extension ComplaintStore {
    /// The kinds of the events after `version` of a report, oldest first: what changed since the
    /// operator read it.
    func changeKinds(of id: Int64, after version: Int) throws -> [ActionKind] {
        let s = try db.prepare("SELECT kind FROM events WHERE complaint_id = ? AND version > ? ORDER BY version")
        try s.bind([.int(id), .int(Int64(version))])
        defer { s.reset() }
        var out: [ActionKind] = []
        while try s.step() { out.append(ActionKind(rawValue: s.text(0)) ?? .receive) }
        return out
    }

    /// Keeps (or replaces) `operator`'s draft for a report. Empty text discards it.
    public func saveDraft(_ d: Draft, by op: Actor) throws(StoreError) {
        if d.text.trimmingSpaces().isEmpty { return try discardDraft(of: d.complaintID, kind: d.kind, by: op) }
        try write {
            try run("""
                INSERT INTO drafts(operator, complaint_id, kind, text, secret, saved_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(operator, complaint_id, kind) DO UPDATE SET text = excluded.text, secret = excluded.secret, saved_at = excluded.saved_at
                """, [.text(op.id), .int(d.complaintID), .text(d.kind.rawValue), .text(d.text), .int(d.secret ? 1 : 0), .int(d.savedAt.seconds)])
        }
    }

    /// `operator`'s own draft of this kind for a report, if any: never anyone else's.
    public func draft(of complaintID: Int64, kind: ActionKind, by op: Actor) throws(StoreError) -> Draft? {
        try read {
            let s = try db.prepare("SELECT text, secret, saved_at FROM drafts WHERE operator = ? AND complaint_id = ? AND kind = ?")
            try s.bind([.text(op.id), .int(complaintID), .text(kind.rawValue)])
            defer { s.reset() }
            guard try s.step() else { return nil }
            return Draft(complaintID: complaintID, kind: kind, text: s.text(0), secret: s.int(1) != 0, savedAt: Timestamp(seconds: s.int64(2)))
        }
    }

    /// Forgets `operator`'s draft (sent, or discarded by them).
    public func discardDraft(of complaintID: Int64, kind: ActionKind, by op: Actor) throws(StoreError) {
        try write {
            try run("DELETE FROM drafts WHERE operator = ? AND complaint_id = ? AND kind = ?",
                    [.text(op.id), .int(complaintID), .text(kind.rawValue)])
        }
    }

    private func run(_ sql: String, _ args: [SQLValue]) throws {
        let s = try db.prepare(sql)
        try s.bind(args)
        defer { s.reset() }
        _ = try s.step()
    }

    /// How many drafts `operator` keeps (for the status line and tests).
    public func draftCount(by op: Actor) throws(StoreError) -> Int {
        try read { Int(try db.scalarInt("SELECT count(*) FROM drafts WHERE operator = ?", [.text(op.id)]) ?? 0) }
    }
}
