import AduanCore

/// A history made ready to store: folded into its report and encoded, work that can happen on
/// another thread while the writer inserts the previous batch.
public struct PreparedHistory: Sendable {
    var events: [Event]
    var bodies: [[UInt8]]
    var digests: [[UInt8]]
    var complaint: Complaint
    var state: String
    var values: ProjectionValues
    var contentKey: String?
    /// The local id to keep if it is free (an import from another Aduan store keeps its numbers).
    public var preferredID: Int64?
    /// The login stamped into the encoded events; the store re-encodes them if it writes as another.
    var login: String?
}

extension ComplaintStore {
    /// Replays `history` through `Workflow` (every event decided again under `context`: versions,
    /// intake first, actors' rights, statuses), then folds and encodes it; ids are assigned when it
    /// is inserted. Thread-safe: a producer thread prepares while the writer inserts. `login` is
    /// stamped into every event: pass the store's `login`. A history the workflow would not have
    /// allowed throws `.illegalHistory`, so a `PreparedHistory` is always a legal one.
    ///
    /// ```swift
    /// let ready = try ComplaintStore.prepare(events, context: store.context, login: store.login)
    /// try store.insertPrepared([ready])
    /// ```
    public static func prepare(_ history: [Event], context: WorkflowContext, login: String? = nil) throws(StoreError) -> PreparedHistory {
        var history = history
        for i in history.indices { history[i].login = login }
        switch Workflow.replay(history, context: context) {
        case .failure(let e): throw .illegalHistory(e)
        case .success(let c): return encoded(history, c, context: context, login: login)
        }
    }

    /// Folds and encodes without replaying: for a history `prepare` has already replayed (the
    /// writer re-encodes under its own login) and for tests that forge a history on purpose.
    static func prepareUnchecked(_ history: [Event], context: WorkflowContext, login: String?) -> PreparedHistory? {
        guard !history.isEmpty else { return nil }
        var history = history
        for i in history.indices { history[i].login = login }
        return encoded(history, Workflow.fold(history)!, context: context, login: login)
    }

    private static func encoded(_ history: [Event], _ c: Complaint, context: WorkflowContext, login: String?) -> PreparedHistory {
        let bodies = history.map(EventCodec.storedBody)
        let digests = zip(history, bodies).map { e, body in
            Chain.contentDigest(version: Int64(e.version), at: e.at.seconds, kind: e.kind.rawValue, actor: e.actor.id, body: body)
        }
        return PreparedHistory(events: history, bodies: bodies, digests: digests, complaint: c, state: StateCodec.encode(c),
                               values: ProjectionValues.of(c, context: context),
                               contentKey: history[0].details.intake.flatMap { ContentKey.of($0, receivedAt: c.receivedAt) }, login: login)
    }

    /// Inserts whole histories (imports, demo data) in one transaction per call. Every history is
    /// replayed through `Workflow` first (`prepare`): one that breaks the rules throws
    /// `.illegalHistory` and nothing of the batch is written. Empty histories are skipped. Complaint
    /// ids are replaced by fresh local ids, returned in order.
    @discardableResult
    public func insertHistories(_ histories: [[Event]]) throws(StoreError) -> [Int64] {
        var prepared: [PreparedHistory] = []
        prepared.reserveCapacity(histories.count)
        for history in histories where !history.isEmpty {
            prepared.append(try Self.prepare(history, context: context, login: login))
        }
        return try insertPrepared(prepared)
    }

    /// Replays every non-empty history through `Workflow`; the first that breaks the rules throws
    /// `.illegalHistory`. The PostgreSQL bulk loads call this before they write.
    static func requireLegal(_ histories: [[Event]], context: WorkflowContext) throws(StoreError) {
        for history in histories where !history.isEmpty {
            if case .failure(let e) = Workflow.replay(history, context: context) { throw .illegalHistory(e) }
        }
    }

    /// Writes histories without replaying them: only for tests that forge an illegal history to
    /// see `verify` find it.
    @discardableResult
    func insertUncheckedHistories(_ histories: [[Event]]) throws(StoreError) -> [Int64] {
        try insertPrepared(histories.compactMap { Self.prepareUnchecked($0, context: context, login: login) })
    }

    /// Inserts prepared histories in one transaction. A `PreparedHistory` only comes from
    /// `prepare`, which replayed it, so every history written here keeps the rules. Aggregates are summed in memory and written
    /// once, statements are prepared once, so a batch of 10,000 reports costs one commit.
    @discardableResult
    public func insertPrepared(_ items: [PreparedHistory]) throws(StoreError) -> [Int64] {
        guard !items.isEmpty else { return [] }
        return try write {
            var nextID = (try db.scalarInt("SELECT max(id) FROM complaints") ?? 0) + 1
            var taken = Set<Int64>()
            var chain = try chainForAppend()
            var aggregates = Aggregates()
            var ids: [Int64] = []
            ids.reserveCapacity(items.count)
            let writer = try ProjectionWriter(store: self)
            for var item in items {
                // Every event this connection writes carries its login, also in a bulk load.
                if item.login != login, let again = Self.prepareUnchecked(item.events, context: context, login: login) {
                    let preferred = item.preferredID
                    item = again
                    item.preferredID = preferred
                }
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
                var c = item.complaint
                c.id = id
                try writer.insert(c, values: item.values, state: item.state, contentKey: item.contentKey)
                aggregates.add(c, item.values, sign: 1)
                ids.append(id)
            }
            try aggregates.write(db)
            try chain.save(db)
            // Imported histories keep their source times; the store's last event time only moves forward.
            // A history reaching past the trusted now would freeze every later action: refused whole.
            if let latest = items.lazy.compactMap({ $0.events.last?.at }).max() {
                let clock = try trustedClock()
                if let now = clock.now, let refusal = Workflow.timeProblem(at: latest, clock: TrustedClock(now: now, storeLast: nil, skewSeconds: clock.skewSeconds)) {
                    throw StoreError.refused(refusal)
                }
                try noteEventTime(latest, clock: clock)
            }
            return ids
        }
    }
}

/// Writes a report's projection rows (the narrow row, its texts, search index, copies) with
/// statements prepared once: the one place that knows the columns.
struct ProjectionWriter {
    let store: ComplaintStore
    let insertRow: Statement
    let updateRow: Statement
    let insertText: Statement
    let updateText: Statement
    let insertFTS: Statement
    let deleteFTS: Statement
    let insertCC: Statement
    let insertHolder: Statement

    static let columns = """
        tracking_id, title, channel, classification, category, priority, anonymous, confidential, privacy_decided,
        status, holder_agency, holder_unit, intake_agency, received_at, updated_at, updated_by, version, due_at,
        due_kind, due_key, rating, ping_pong, first_follow_up_wd, auto_close_at, paused_at, receipt_week, draft_by
        """
    static let columnNames = columns.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
    /// Parameter indexes of `insertRow` and `updateRow`, resolved by name once.
    let insertParameters: RowParameters
    let updateParameters: RowParameters

    init(store: ComplaintStore) throws {
        self.store = store
        let db = store.db
        // Named parameters (:title for the column title), bound through indexes resolved once.
        let params = Self.columnNames.map { ":" + $0 }.joined(separator: ", ")
        insertRow = try db.prepare("INSERT INTO complaints(id, \(Self.columns), content_key) VALUES(:id, \(params), :content_key)")
        let assignments = Self.columnNames.map { "\($0) = :\($0)" }.joined(separator: ", ")
        updateRow = try db.prepare("UPDATE complaints SET \(assignments) WHERE id = :id")
        insertParameters = try RowParameters(insertRow)
        updateParameters = try RowParameters(updateRow)
        insertText = try db.prepare("INSERT INTO complaint_texts(id, body, state) VALUES(?,?,?)")
        updateText = try db.prepare("UPDATE complaint_texts SET body = ?2, state = ?3 WHERE id = ?1")
        insertFTS = try db.prepare("INSERT INTO complaints_fts(rowid, title, body) VALUES(?,?,?)")
        deleteFTS = try db.prepare("INSERT INTO complaints_fts(complaints_fts, rowid, title, body) VALUES('delete', ?, ?, ?)")
        insertCC = try db.prepare("INSERT OR IGNORE INTO cc(unit, complaint_id) VALUES(?, ?)")
        insertHolder = try db.prepare("INSERT OR IGNORE INTO holders_before(agency, unit, complaint_id) VALUES(?, ?, ?)")
    }

    /// The parameter index of each projection column in one of the row statements, by name.
    struct RowParameters {
        let id, trackingID, title, channel, classification, category, priority, anonymous, confidential, privacyDecided,
            status, holderAgency, holderUnit, intakeAgency, receivedAt, updatedAt, updatedBy, version, dueAt, dueKind,
            dueKey, rating, pingPong, firstFollowUp, autoClose, pausedAt, receiptWeek, draftBy: Int32
        /// Only in `insertRow`.
        let contentKey: Int32?

        init(_ s: Statement) throws(SQLiteError) {
            func at(_ column: String) throws(SQLiteError) -> Int32 { try s.requiredParameter(":" + column) }
            id = try at("id"); trackingID = try at("tracking_id"); title = try at("title"); channel = try at("channel")
            classification = try at("classification"); category = try at("category"); priority = try at("priority")
            anonymous = try at("anonymous"); confidential = try at("confidential"); privacyDecided = try at("privacy_decided")
            status = try at("status"); holderAgency = try at("holder_agency"); holderUnit = try at("holder_unit")
            intakeAgency = try at("intake_agency"); receivedAt = try at("received_at"); updatedAt = try at("updated_at")
            updatedBy = try at("updated_by"); version = try at("version"); dueAt = try at("due_at"); dueKind = try at("due_kind")
            dueKey = try at("due_key"); rating = try at("rating"); pingPong = try at("ping_pong")
            firstFollowUp = try at("first_follow_up_wd"); autoClose = try at("auto_close_at"); pausedAt = try at("paused_at")
            receiptWeek = try at("receipt_week"); draftBy = try at("draft_by")
            contentKey = s.parameter(named: ":content_key")
        }
    }

    /// Binds the report's id and columns to a row statement, through its parameters `p`.
    func bind(_ s: Statement, _ p: RowParameters, _ c: Complaint, _ v: ProjectionValues) {
        s.reset()
        s.bind(c.id, at: p.id)
        s.bind(c.trackingID, at: p.trackingID)
        s.bind(c.title, at: p.title)
        s.bind(c.channel.rawValue, at: p.channel)
        s.bind(c.classification.rawValue, at: p.classification)
        s.bind(c.category.path, at: p.category)
        s.bind(c.priority.rawValue, at: p.priority)
        s.bind(c.anonymous ? 1 : 0, at: p.anonymous)
        s.bind(c.confidential ? 1 : 0, at: p.confidential)
        s.bind(c.privacyDecided ? 1 : 0, at: p.privacyDecided)
        s.bind(c.status.code, at: p.status)
        s.bind(c.holder.agency, at: p.holderAgency)
        s.bind(c.holder.unit, at: p.holderUnit)
        s.bind(c.intakeAgency, at: p.intakeAgency)
        s.bind(c.receivedAt.seconds, at: p.receivedAt)
        s.bind(c.updatedAt.seconds, at: p.updatedAt)
        s.bind(c.updatedBy, at: p.updatedBy)
        s.bind(Int64(c.version), at: p.version)
        bindOptional(s, v.due?.dueAt.seconds, p.dueAt)
        s.bind(v.due?.kind.rawValue, at: p.dueKind)
        s.bind(v.due?.dueAt.seconds ?? ComplaintStore.noDeadlineKey, at: p.dueKey)
        bindOptional(s, c.rating.map(Int64.init), p.rating)
        s.bind(c.pingPong ? 1 : 0, at: p.pingPong)
        bindOptional(s, v.firstFollowUpWorkingDays, p.firstFollowUp)
        bindOptional(s, v.autoClose, p.autoClose)
        bindOptional(s, v.pausedAt, p.pausedAt)
        s.bind(v.receiptWeek, at: p.receiptWeek)
        s.bind(c.pendingDraft?.drafter, at: p.draftBy)
    }

    func bindOptional(_ s: Statement, _ value: Int64?, _ index: Int32) {
        if let value { s.bind(value, at: index) } else { s.bind(nil, at: index) }
    }

    func insert(_ c: Complaint, values: ProjectionValues, state: String, contentKey: String?) throws {
        bind(insertRow, insertParameters, c, values)
        if let p = insertParameters.contentKey { insertRow.bind(contentKey, at: p) }
        try insertRow.step()
        try text(insertText, c, state)
        // A bulk load builds the search index in one pass at the end.
        if !store.bulkLoading { try index(c) }
        for unit in c.ccUnits { try insertCopy(unit, c.id) }
        for h in Self.holders(of: c) { try insertHolder(h, c.id) }
    }

    func update(_ c: Complaint, values: ProjectionValues, state: String, old: Complaint) throws {
        bind(updateRow, updateParameters, c, values)
        try updateRow.step()
        try text(updateText, c, state)
        if old.title != c.title || old.body != c.body {
            deleteFTS.reset()
            deleteFTS.bind(c.id, at: 1)
            deleteFTS.bind(old.title, at: 2)
            deleteFTS.bind(old.body, at: 3)
            try deleteFTS.step()
            try index(c)
        }
        for unit in c.ccUnits where !old.ccUnits.contains(unit) { try insertCopy(unit, c.id) }
        if old.holderChain != c.holderChain || old.holder != c.holder || old.intakeAgency != c.intakeAgency {
            let had = Self.holders(of: old), has = Self.holders(of: c)
            for h in had where !has.contains(h) {
                try store.db.run("DELETE FROM holders_before WHERE agency = ? AND unit = ? AND complaint_id = ?",
                                 [.text(h.agency), .text(h.unit), .int(c.id)])
            }
            for h in has where !had.contains(h) { try insertHolder(h, c.id) }
        }
    }

    /// The `holders_before` rows of a report: each agency that received or held it and holds it
    /// no longer (unit ''), each unit that held it and holds it no longer.
    static func holders(of c: Complaint) -> [HolderRow] {
        var out: [HolderRow] = []
        func add(_ h: HolderRow) { if !out.contains(h) { out.append(h) } }
        if c.intakeAgency != c.holder.agency { add(HolderRow(agency: c.intakeAgency, unit: "")) }
        for step in c.holderChain {
            if step.holder.agency != c.holder.agency { add(HolderRow(agency: step.holder.agency, unit: "")) }
            if let u = step.holder.unit, step.holder != c.holder { add(HolderRow(agency: step.holder.agency, unit: u)) }
        }
        return out
    }

    struct HolderRow: Hashable {
        var agency: String
        var unit: String
    }

    func insertHolder(_ h: HolderRow, _ id: Int64) throws {
        insertHolder.reset()
        insertHolder.bind(h.agency, at: 1)
        insertHolder.bind(h.unit, at: 2)
        insertHolder.bind(id, at: 3)
        try insertHolder.step()
    }

    func text(_ s: Statement, _ c: Complaint, _ state: String) throws {
        s.reset()
        s.bind(c.id, at: 1)
        s.bind(c.body, at: 2)
        s.bind(state, at: 3)
        try s.step()
    }

    func index(_ c: Complaint) throws {
        insertFTS.reset()
        insertFTS.bind(c.id, at: 1)
        insertFTS.bind(c.title, at: 2)
        insertFTS.bind(c.body, at: 3)
        try insertFTS.step()
    }

    func insertCopy(_ unit: String, _ id: Int64) throws {
        insertCC.reset()
        insertCC.bind(unit, at: 1)
        insertCC.bind(id, at: 2)
        try insertCC.step()
    }
}
