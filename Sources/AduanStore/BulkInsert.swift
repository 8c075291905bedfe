import AduanCore

/// A history made ready to store: folded into its report and encoded, work that can happen on
/// another thread while the writer inserts the previous batch.
public struct PreparedHistory: Sendable {
    var events: [Event]
    var bodies: [[UInt8]]
    var digests: [[UInt8]]
    var complaint: Complaint
    var state: String
    var dueAt: Int64?
    var dueKind: String?
    var autoClose: Int64?
    var firstFollowUpWorkingDays: Int64?
    var contentKey: String?
    /// The local id to keep if it is free (an import from another Aduan store keeps its numbers).
    public var preferredID: Int64?
}

extension ComplaintStore {
    /// Folds and encodes a valid history (ids are assigned when it is inserted). Thread-safe.
    public static func prepare(_ history: [Event], context: WorkflowContext) -> PreparedHistory? {
        guard let first = history.first else { return nil }
        var state: Complaint?
        for e in history { state = Workflow.evolve(state, e) }
        let c = state!
        let due = context.deadlines.running(for: c, calendar: context.calendar)
        var ffwd: Int64?
        if let disposed = c.firstDispositionAt, let ff = c.firstFollowUpAt {
            let zone = context.calendar.zone
            ffwd = Int64(context.calendar.workingDays(after: zone.dayNumber(of: disposed), through: zone.dayNumber(of: ff)))
        }
        let bodies = history.map(EventCodec.storedBody)
        let digests = zip(history, bodies).map { e, body in
            Chain.contentDigest(version: Int64(e.version), at: e.at.seconds, kind: e.kind.rawValue, actor: e.actor.id, body: body)
        }
        return PreparedHistory(events: history, bodies: bodies, digests: digests, complaint: c,
                               state: StateCodec.encode(c), dueAt: due?.dueAt.seconds, dueKind: due?.kind.rawValue,
                               autoClose: autoCloseAt(c, context: context), firstFollowUpWorkingDays: ffwd,
                               contentKey: first.details.intake.flatMap { ContentKey.of($0, receivedAt: c.receivedAt) })
    }

    /// Inserts whole histories (imports, demo data) in one transaction per call. Each history's
    /// events must already be valid (the caller replays them through `Workflow.replay`); their
    /// complaint ids are replaced by fresh local ids, returned in order.
    @discardableResult
    public func insertHistories(_ histories: [[Event]]) throws(StoreError) -> [Int64] {
        try insertPrepared(histories.compactMap { Self.prepare($0, context: context) })
    }

    /// Inserts prepared histories in one transaction. Counters are summed in memory and written
    /// once, statements are prepared once, so a batch of 20,000 reports costs one commit.
    @discardableResult
    public func insertPrepared(_ items: [PreparedHistory]) throws(StoreError) -> [Int64] {
        guard !items.isEmpty else { return [] }
        return try write {
            var nextID = (try db.scalarInt("SELECT max(id) FROM complaints") ?? 0) + 1
            var taken = Set<Int64>()
            var chain = try Chain.load(db)
            var counts: [CountKey: Int64] = [:]
            var ids: [Int64] = []
            ids.reserveCapacity(items.count)
            let writer = try BulkWriter(store: self)
            for item in items {
                var id = nextID
                if let wanted = item.preferredID, wanted > 0, !taken.contains(wanted),
                   try db.scalarInt("SELECT 1 FROM complaints WHERE id = ?", [.int(wanted)]) == nil {
                    id = wanted
                }
                taken.insert(id)
                nextID = max(nextID, id + 1)
                for i in item.events.indices {
                    try insertEvent(item.events[i], body: item.bodies[i], complaintID: id, chain: &chain, digest: item.digests[i])
                }
                try writer.insert(item, id: id)
                let c = item.complaint
                counts[CountKey(agency: c.holder.agency, unit: c.holder.unit ?? "", status: c.status.code), default: 0] += 1
                ids.append(id)
            }
            for (k, n) in counts {
                try db.run("""
                    INSERT INTO counts(agency, unit, status, n) VALUES(?, ?, ?, ?)
                    ON CONFLICT(agency, unit, status) DO UPDATE SET n = n + excluded.n
                    """, [.text(k.agency), .text(k.unit), .int(k.status), .int(n)])
            }
            try chain.save(db)
            return ids
        }
    }
}

struct CountKey: Hashable {
    var agency: String
    var unit: String
    var status: Int64
}

/// Prepared statements for inserting many projections quickly (binding without array allocations).
struct BulkWriter {
    let store: ComplaintStore
    let insertRow: Statement
    let insertText: Statement
    let insertFTS: Statement
    let insertCC: Statement

    init(store: ComplaintStore) throws {
        self.store = store
        insertRow = try store.db.prepare("""
            INSERT INTO complaints(id, tracking_id, title, channel, classification, category, priority,
                anonymous, confidential, privacy_decided, status, holder_agency, holder_unit, intake_agency,
                received_at, updated_at, updated_by, version, due_at, due_kind, due_key, rating, ping_pong,
                first_follow_up_wd, content_key, auto_close_at)
            VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        insertText = try store.db.prepare("INSERT INTO complaint_texts(id, body, state) VALUES(?,?,?)")
        insertFTS = try store.db.prepare("INSERT INTO complaints_fts(rowid, title, body) VALUES(?,?,?)")
        insertCC = try store.db.prepare("INSERT OR IGNORE INTO cc(unit, complaint_id) VALUES(?, ?)")
    }

    func insert(_ p: PreparedHistory, id: Int64) throws {
        let c = p.complaint
        let s = insertRow
        s.reset()
        s.bind(id, at: 1)
        s.bind(c.trackingID, at: 2)
        s.bind(c.title, at: 3)
        s.bind(c.channel.rawValue, at: 4)
        s.bind(c.classification.rawValue, at: 5)
        s.bind(c.category.path, at: 6)
        s.bind(c.priority.rawValue, at: 7)
        s.bind(c.anonymous ? 1 : 0, at: 8)
        s.bind(c.confidential ? 1 : 0, at: 9)
        s.bind(c.privacyDecided ? 1 : 0, at: 10)
        s.bind(c.status.code, at: 11)
        s.bind(c.holder.agency, at: 12)
        s.bind(c.holder.unit, at: 13)
        s.bind(c.intakeAgency, at: 14)
        s.bind(c.receivedAt.seconds, at: 15)
        s.bind(c.updatedAt.seconds, at: 16)
        s.bind(c.updatedBy, at: 17)
        s.bind(Int64(c.version), at: 18)
        if let d = p.dueAt { s.bind(d, at: 19) } else { s.bind(nil, at: 19) }
        s.bind(p.dueKind, at: 20)
        s.bind(p.dueAt ?? ComplaintStore.noDeadlineKey, at: 21)
        if let r = c.rating { s.bind(Int64(r), at: 22) } else { s.bind(nil, at: 22) }
        s.bind(c.pingPong ? 1 : 0, at: 23)
        if let f = p.firstFollowUpWorkingDays { s.bind(f, at: 24) } else { s.bind(nil, at: 24) }
        s.bind(p.contentKey, at: 25)
        if let a = p.autoClose { s.bind(a, at: 26) } else { s.bind(nil, at: 26) }
        try s.step()
        insertText.reset()
        insertText.bind(id, at: 1)
        insertText.bind(c.body, at: 2)
        insertText.bind(p.state, at: 3)
        try insertText.step()
        // A bulk load builds the search index in one pass at the end.
        if !store.bulkLoading {
            insertFTS.reset()
            insertFTS.bind(id, at: 1)
            insertFTS.bind(c.title, at: 2)
            insertFTS.bind(c.body, at: 3)
            try insertFTS.step()
        }
        for unit in c.ccUnits { try insertCopy(unit, id) }
    }

    func insertCopy(_ unit: String, _ id: Int64) throws {
        insertCC.reset()
        insertCC.bind(unit, at: 1)
        insertCC.bind(id, at: 2)
        try insertCC.step()
    }
}
