import AduanCore

/// Reads a report and its derived columns from a row of the projection (`complaints c JOIN
/// complaint_texts t`) by column name, so a query selects them in any order and adds its own:
/// `loadComplaint`, the deadline refresh and verify share this one decoder. The names are
/// resolved once per statement (`init`), then read per row.
struct ProjectionColumns {
    /// The columns a whole report is read from, as a select list.
    static let complaintSelect = """
        c.id, c.tracking_id, c.title, t.body, c.channel, c.classification, c.category, c.priority, c.anonymous, c.confidential,
        c.privacy_decided, c.status, c.holder_agency, c.holder_unit, c.intake_agency, c.received_at, c.updated_at, c.updated_by,
        c.version, c.rating, t.state
        """

    let id, trackingID, title, body, channel, classification, category, priority, anonymous, confidential,
        privacyDecided, status, holderAgency, holderUnit, intakeAgency, receivedAt, updatedAt, updatedBy,
        version, rating, state: Int32
    /// Derived columns, when the query selected them (verify, the deadline refresh).
    let dueAt, dueKind, dueKey, autoClose, pausedAt, receiptWeek, firstFollowUp, contentKey, pingPong, draftBy: Int32?

    /// Resolves the names in `s`; a report column the query does not select is a programming
    /// error, reported as an SQLite error naming it.
    init(_ s: Statement) throws(SQLiteError) {
        func at(_ name: String) throws(SQLiteError) -> Int32 { try s.requiredColumn(name) }
        id = try at("id"); trackingID = try at("tracking_id"); title = try at("title"); body = try at("body")
        channel = try at("channel"); classification = try at("classification"); category = try at("category")
        priority = try at("priority"); anonymous = try at("anonymous"); confidential = try at("confidential")
        privacyDecided = try at("privacy_decided"); status = try at("status"); holderAgency = try at("holder_agency")
        holderUnit = try at("holder_unit"); intakeAgency = try at("intake_agency"); receivedAt = try at("received_at")
        updatedAt = try at("updated_at"); updatedBy = try at("updated_by"); version = try at("version")
        rating = try at("rating"); state = try at("state")
        dueAt = s.column(named: "due_at"); dueKind = s.column(named: "due_kind"); dueKey = s.column(named: "due_key")
        autoClose = s.column(named: "auto_close_at"); pausedAt = s.column(named: "paused_at")
        receiptWeek = s.column(named: "receipt_week"); firstFollowUp = s.column(named: "first_follow_up_wd")
        contentKey = s.column(named: "content_key"); pingPong = s.column(named: "ping_pong")
        draftBy = s.column(named: "draft_by")
    }

    /// The report on the statement's current row; a damaged row is named in the error (`path`: the store).
    func complaint(_ s: Statement, path: String) throws(StoreError) -> Complaint {
        let id = s.int64(id)
        let received = Timestamp(seconds: s.int64(receivedAt))
        let intake = Intake(trackingID: s.optionalText(trackingID), title: s.text(title), body: s.text(body),
                            channel: Channel(rawValue: s.text(channel)) ?? .other,
                            classification: Classification(rawValue: s.text(classification)) ?? .pengaduan,
                            category: Category(s.text(category)), priority: Priority(rawValue: s.text(priority)) ?? .normal,
                            agency: s.text(intakeAgency), receivedAt: received)
        var c = Complaint(id: id, intake: intake, at: received, actor: .system)
        c.anonymous = s.int64(anonymous) != 0
        c.confidential = s.int64(confidential) != 0
        c.privacyDecided = s.int64(privacyDecided) != 0
        guard let st = Status(code: s.int64(status)) else { throw .corrupt(path: path, detail: "report #\(id) has an unknown status code") }
        c.status = st
        c.holder = Holder(agency: s.text(holderAgency), unit: s.optionalText(holderUnit))
        c.updatedAt = Timestamp(seconds: s.int64(updatedAt))
        c.updatedBy = s.text(updatedBy)
        c.version = s.int(version)
        c.rating = s.isNull(rating) ? nil : s.int(rating)
        guard StateCodec.decode(s.text(state), into: &c) else {
            throw .corrupt(path: path, detail: "report #\(id) has a damaged state record")
        }
        return c
    }

    /// The derived columns on the current row (nil, or 0 for the keys, where the query did not select them).
    func derived(_ s: Statement) -> DerivedColumns {
        func int(_ i: Int32?) -> Int64? { i.flatMap { s.optionalInt64($0) } }
        return DerivedColumns(dueAt: int(dueAt), dueKind: dueKind.flatMap { s.optionalText($0) }, dueKey: int(dueKey) ?? 0,
                              autoClose: int(autoClose), pausedAt: int(pausedAt), receiptWeek: int(receiptWeek),
                              firstFollowUp: int(firstFollowUp), contentKey: contentKey.flatMap { s.optionalText($0) },
                              pingPong: int(pingPong) ?? 0, draftBy: draftBy.flatMap { s.optionalText($0) })
    }
}

/// The derived columns of a `complaints` row: what the store computed from the report when it
/// wrote it (deadline, timers, week figures, re-import key), which verify and the deadline
/// refresh compare with a fresh computation.
struct DerivedColumns: Equatable {
    var dueAt: Int64?
    var dueKind: String?
    var dueKey: Int64
    var autoClose: Int64?
    var pausedAt: Int64?
    var receiptWeek: Int64?
    var firstFollowUp: Int64?
    var contentKey: String?
    var pingPong: Int64
    /// Who wrote the draft awaiting approval (`draft_by`), nil when none waits or not selected.
    var draftBy: String?
}

/// Reads an event from a row of `events` by column name (complaint_id, version, at, kind, body),
/// resolved once per statement: a report's history, a conflict's first change, verify's replay.
struct EventColumns {
    let complaint, version, at, kind, body: Int32

    init(_ s: Statement) throws(SQLiteError) {
        complaint = try s.requiredColumn("complaint_id")
        version = try s.requiredColumn("version")
        at = try s.requiredColumn("at")
        kind = try s.requiredColumn("kind")
        body = try s.requiredColumn("body")
    }

    /// The event on the current row; nil when its recorded text cannot be decoded.
    func event(_ s: Statement) -> Event? {
        EventCodec.decodeStored(complaint: s.int64(complaint), version: s.int(version), at: s.int64(at),
                                kind: s.text(kind), body: s.text(body))
    }
}
