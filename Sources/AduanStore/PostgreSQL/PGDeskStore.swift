import AduanCore

/// The operator's screen on a PostgreSQL store (issue 14): the Inbox, Detail, actions and the
/// status line, read as the operator's own role, so row-level security has already limited every
/// row, count and search to what the role may open. Lists, counts and status counts are the
/// core's scope and filter rendered in `PostgreSQLDialect` by the one renderer (`ScopeSQL`,
/// `FilterSQL`). Changes are heard through LISTEN on a connection of its own (the writer's
/// NOTIFY is only a wake-up: what changed is read again through RLS). Drafts stay on the desk's
/// machine (`LocalDrafts`). The Tenggat view is in PGDeskDeadlines.swift, the dashboard's event counts in PGDeskDashboard.swift.
extension PGOperatorStore: DeskStore {
    public func serves(_ part: DeskPart) -> Bool {
        switch part {
        case .dashboard, .deadlines: true
        }
    }

    // MARK: lists

    /// The columns of a list row, in `row(from:at:)`'s order: the title is the first text row the
    /// role may read (full where it may read the reporter, else the masked one: `Privacy.redacted`'s
    /// title), blanked where the core's content rule (`readable`, rendered here) hides it.
    static func rowSelect(_ content: ContentAccess) -> (sql: String, values: [PGValue]) {
        let r = ScopeSQL.readable(content, dialect: PostgreSQLDialect())
        return ("""
            c.id, c.tracking_id, tx.title, c.status, c.classification, c.category, c.channel, c.priority, c.holder_agency,
            c.holder_unit, c.received_at, c.updated_at, c.due_at, c.due_kind, c.version, c.anonymous, c.confidential,
            c.privacy_decided, c.ping_pong, c.rating, (\(r.sql)) AS readable
            """, r.args.map(PGStore.pgValue))
    }

    /// The title join of a list row (one index probe per row of the page).
    static let titleJoin = """
        LEFT JOIN LATERAL (SELECT t.title FROM aduan.complaint_texts t WHERE t.id = c.id ORDER BY t.masked LIMIT 1) tx ON true
        """

    static func row(from r: PGResult, at i: Int) -> InboxRow {
        let hidden = r.bool(i, "readable") != true
        let due = r.int64(i, "due_at").map { Timestamp(seconds: $0) }
        return InboxRow(id: r.int64(i, "id") ?? 0, trackingID: r.text(i, "tracking_id"), title: hidden ? "" : r.text(i, "title") ?? "",
                        status: Status(code: r.int64(i, "status") ?? -1) ?? .belumTerverifikasi,
                        classification: Classification(rawValue: r.text(i, "classification") ?? "") ?? .pengaduan,
                        category: Category(r.text(i, "category") ?? ""), channel: Channel(rawValue: r.text(i, "channel") ?? "") ?? .other,
                        priority: Priority(rawValue: r.text(i, "priority") ?? "") ?? .normal,
                        holder: Holder(agency: r.text(i, "holder_agency") ?? "", unit: r.text(i, "holder_unit")),
                        receivedAt: Timestamp(seconds: r.int64(i, "received_at") ?? 0), updatedAt: Timestamp(seconds: r.int64(i, "updated_at") ?? 0),
                        dueAt: due, dueKind: r.text(i, "due_kind").flatMap(DeadlineKind.init(rawValue:)),
                        version: Int(r.int64(i, "version") ?? 0), anonymous: r.bool(i, "anonymous") ?? true,
                        confidential: r.bool(i, "confidential") ?? true, privacyDecided: r.bool(i, "privacy_decided") ?? false,
                        pingPong: r.bool(i, "ping_pong") ?? false, rating: r.int64(i, "rating").map(Int.init), contentHidden: hidden,
                        sortKey: r.int64(i, "sk") ?? 0)
    }

    /// A page of a list in ONE statement: keyset paging in the list's order (forward: after the
    /// cursor; backward: before it, returned in list order).
    func fetch(_ q: InboxQuery, cursor: PageCursor?, forward: Bool, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow] {
        try Self.wrap {
            let resolved = try PGStore.resolvedSearches(q.filter, on: conn)
            var (text, values) = Self.pageStatement(q, cursor: cursor, forward: forward, limit: limit, now: now, context: context,
                                                    copies: !copiesUnreadable, searchByAudience: conn.searchByAudience, resolved: resolved)
            let r: PGResult
            do {
                r = try conn.query(text, values)
            } catch let e as PostgresError where !copiesUnreadable && (e.isPermissionDenied || e.sqlState == "42P01") && text.contains("aduan.complaint_copies") {
                // The owner has not run `aduan office roles` (or opened the store) since migration 10: walk the one condition.
                copiesUnreadable = true
                (text, values) = Self.pageStatement(q, cursor: cursor, forward: forward, limit: limit, now: now, context: context, copies: false,
                                                    searchByAudience: conn.searchByAudience, resolved: resolved)
                r = try conn.query(text, values)
            }
            let rows = (0..<r.rowCount).map { Self.row(from: r, at: $0) }
            return forward ? rows : rows.reversed()
        }
    }

    /// The one statement of a page (`fetch`), with its values (PGPagePlanTests explains it): a
    /// unit's working inbox as merged index walks (PGUnitPage.swift) unless `copies` is false,
    /// every other list as its one condition walked in the list's order.
    static func pageStatement(_ q: InboxQuery, cursor: PageCursor?, forward: Bool, limit: Int, now: Timestamp,
                              context: WorkflowContext, copies: Bool = true, searchByAudience: Bool = false,
                              resolved: [String: String]? = nil) -> (sql: String, values: [PGValue]) {
        let (column, ascending) = PGStore.sortColumn(q.order)
        let greater = forward == ascending
        let dir = greater ? "ASC" : "DESC"
        if let walk = PGStore.unitPageSource(q, cursor: cursor, greater: greater, limit: limit, now: now, context: context, copies: copies,
                                                 searchByAudience: searchByAudience, resolved: resolved) {
            let select = Self.rowSelect(q.content)
            let text = PostgreSQLDialect().numbered("""
                SELECT \(select.sql), p.sk AS sk FROM (\(walk.sql)) p JOIN aduan.complaints c ON c.id = p.id \(Self.titleJoin)
                ORDER BY p.sk \(dir), p.id \(dir)
                """)
            return (text, select.values + walk.values)
        }
        let after = "(\(column), c.id) \(greater ? ">" : "<") (?, ?)"
        let keys: [PGValue] = cursor.map { [.int($0.key), .int($0.id)] } ?? []
        let select = Self.rowSelect(q.content)
        let count = PGValue.int(Int64(max(0, limit)))
        let c = PGStore.listCondition(q, now: now, context: context, searchByAudience: searchByAudience, resolved: resolved)
        let sql = cursor == nil ? c.sql : "(\(c.sql)) AND \(after)"
        let text = PostgreSQLDialect().numbered("""
            SELECT \(select.sql), \(column) AS sk FROM aduan.complaints c \(Self.titleJoin)
            WHERE \(sql) ORDER BY \(column) \(dir), c.id \(dir) LIMIT ?
            """)
        return (text, select.values + c.values + keys + [count])
    }

    public func page(_ q: InboxQuery, before cursor: PageCursor?, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow] {
        try fetch(q, cursor: cursor, forward: false, limit: limit, now: now)
    }

    public func complaints(_ ids: [Int64]) throws(StoreError) -> [Complaint] {
        var out: [Complaint] = []
        for id in ids { if let c = try complaint(id) { out.append(c) } }
        return out
    }

    // MARK: counts, all under the role's row-level security

    func countWhere(_ sql: String, _ values: [PGValue]) throws(StoreError) -> Int {
        try Self.wrap {
            Int(try conn.query(PostgreSQLDialect().numbered("SELECT count(*) AS n FROM aduan.complaints c WHERE \(sql)"), values).int64(0, "n") ?? 0)
        }
    }

    public func count(_ q: InboxQuery, now: Timestamp) throws(StoreError) -> Int {
        let c = PGStore.listCondition(q, now: now, context: context, searchByAudience: conn.searchByAudience,
                                      resolved: try Self.wrap { try PGStore.resolvedSearches(q.filter, on: conn) })
        return try countWhere(c.sql, c.values)
    }

    public func position(of row: PageCursor, in q: InboxQuery, now: Timestamp) throws(StoreError) -> Int {
        let c = PGStore.listCondition(q, now: now, context: context, searchByAudience: conn.searchByAudience,
                                      resolved: try Self.wrap { try PGStore.resolvedSearches(q.filter, on: conn) })
        let (column, ascending) = PGStore.sortColumn(q.order)
        return try countWhere("(\(c.sql)) AND (\(column), c.id) \(ascending ? "<" : ">") (?, ?)", c.values + [.int(row.key), .int(row.id)]) + 1
    }

    /// The status tabs. What a scope holds now (the screen's tabs) comes from the counters kept
    /// with every change (`desk_counts`, PGDeskCounts.swift): a few keyed rows, whatever the
    /// store's size. With former holders (not on the screen) the reports are counted. A store
    /// whose roles script predates the counters (no grant yet) is counted as before.
    public func statusCounts(_ scope: InboxScope, formerHolders: Bool) throws(StoreError) -> [Status: Int] {
        if !formerHolders {
            guard let counters = Self.heldStatusCounts(scope) else { return [:] }
            do {
                return Self.statusMap(try conn.query(counters.sql, counters.values))
            } catch let e as PostgresError where e.isPermissionDenied {
                // The owner has not run `aduan office roles` since the upgrade: count the reports.
            } catch {
                throw .postgres(.database(detail: "\(error)"))
            }
        }
        let c = ScopeSQL(scope, dialect: PostgreSQLDialect()).condition(formerHolders: formerHolders)
        return try Self.wrap {
            Self.statusMap(try conn.query(PostgreSQLDialect().numbered("SELECT c.status, count(*) AS n FROM aduan.complaints c WHERE \(c.sql) GROUP BY c.status"),
                                          c.args.map(PGStore.pgValue)))
        }
    }

    /// (status, n) rows as the tabs' counts; a status whose counter fell to 0 is left out, as a
    /// count of the reports would leave it out.
    static func statusMap(_ r: PGResult) -> [Status: Int] {
        var out: [Status: Int] = [:]
        for i in 0..<r.rowCount {
            let n = Int(r.int64(i, "n") ?? 0)
            if n != 0, let s = Status(code: r.int64(i, "status") ?? -1) { out[s, default: 0] += n }
        }
        return out
    }

    /// The Diteruskan tab: what the scope received or held and its agency passed away, the same
    /// set as the list with the filter `forwarded`. From the counters kept with every change
    /// (`forward_counts`) except for a subtree, which is counted over the reports, as is every
    /// scope of a login with no grant on the counters yet (roles script not re-run).
    public func forwardedCount(_ scope: InboxScope) throws(StoreError) -> Int {
        if let counters = Self.forwardedCounters(scope) {
            do {
                return Int(try conn.query(counters.sql, counters.values).int64(0, "n") ?? 0)
            } catch let e as PostgresError where e.isPermissionDenied {
                // The owner has not run `aduan office roles` since the upgrade: count the reports.
            } catch {
                throw .postgres(.database(detail: "\(error)"))
            }
        }
        let d = PostgreSQLDialect()
        let c = ScopeSQL(scope, dialect: d).contains && ScopeSQL.forwardedAway(by: scope.agency, dialect: d)
        return try countWhere(c.sql, c.args.map(PGStore.pgValue))
    }

    public func awaitingApprovalCount(_ scope: InboxScope) throws(StoreError) -> Int {
        let d = PostgreSQLDialect()
        let c = ScopeSQL(scope, dialect: d).holdsNow && ScopeSQL.awaitingApproval(dialect: d)
        return try countWhere(c.sql, c.args.map(PGStore.pgValue))
    }

    /// The highest id of a report the role may open (0 for none).
    public func lastComplaintID() throws(StoreError) -> Int64 {
        try Self.wrap { try conn.query("SELECT coalesce(max(id), 0) AS m FROM aduan.complaints").int64(0, "m") ?? 0 }
    }

    public func arrivals(after mark: Int64, in q: InboxQuery, now: Timestamp) throws(StoreError) -> Int {
        let c = PGStore.listCondition(q, now: now, context: context, searchByAudience: conn.searchByAudience,
                                      resolved: try Self.wrap { try PGStore.resolvedSearches(q.filter, on: conn) })
        return try countWhere("c.id > ? AND (\(c.sql))", [.int(mark)] + c.values)
    }

    // MARK: changes

    public var hearsChanges: Bool { true }

    /// No counters yet on PostgreSQL: the tabs' counts scan (under RLS), so the desk counts them in the background.
    public var countsAreKept: Bool { false }

    /// Moves when the writer's NOTIFY on `aduan_events` was heard on the listening connection
    /// (what it names is not used: the screen reads again through RLS). Reads only what already
    /// came on that connection's socket: no query, no polling of the server. A lost listening
    /// connection counts as a change (and is opened again next time), so nothing is missed.
    public func dataVersion() -> Int64 {
        if listener == nil {
            do {
                let l = try Self.connect(conninfo)
                try l.listen(PGStore.changesChannel)
                listener = l
            } catch {
                return heardChanges
            }
        }
        do {
            if let l = listener, !(try l.notifications(timeout: 0)).isEmpty { heardChanges += 1 }
        } catch {
            listener = nil
            heardChanges += 1
        }
        return heardChanges
    }

    /// A PostgreSQL connection costs a socket, a server process and authentication: the
    /// background reads keep theirs (one per slot of `BackgroundWork`).
    public var keepsBackgroundConnection: Bool { true }

    public func reopener() -> @Sendable () throws(StoreError) -> any DeskStore {
        let conninfo = self.conninfo, context = self.context
        return { () throws(StoreError) -> any DeskStore in
            try PGOperatorStore(conn: try PGOperatorStore.connect(conninfo), conninfo: conninfo, context: context)
        }
    }

    // MARK: drafts (on the desk's machine, see LocalDrafts)

    public func draft(of complaintID: Int64, kind: ActionKind, by op: Actor) throws(StoreError) -> Draft? {
        try localDrafts().draft(of: complaintID, kind: kind, by: op)
    }

    public func saveDraft(_ d: Draft, by op: Actor) throws(StoreError) {
        try localDrafts().save(d, by: op)
    }

    public func discardDraft(of complaintID: Int64, kind: ActionKind, by op: Actor) throws(StoreError) {
        try localDrafts().discard(of: complaintID, kind: kind, by: op)
    }

    func localDrafts() throws(StoreError) -> LocalDrafts {
        if let d = drafts { return d }
        let d = try LocalDrafts(path: draftsPath, location: conninfo)
        drafts = d
        return d
    }

    /// The unit's earlier public follow-ups, newest first, for the boilerplate check: as on SQLite,
    /// but only among the timelines the role may read (RLS), so a report the unit passed away and
    /// may no longer open does not count.
    public func earlierAnswers(agency: String, unit: String?, limit: Int) throws(StoreError) -> [String] {
        try Self.wrap {
            let r = try conn.query("""
                SELECT DISTINCT ON (v.seq) v.complaint_id, v.version, v.at, v.kind, v.body FROM aduan.event_views v
                WHERE v.kind = 'follow-up' ORDER BY v.seq DESC, v.shown_to DESC LIMIT $1
                """, [.int(Int64(max(0, limit) * 4))])
            var out: [String] = []
            for i in 0..<r.rowCount where out.count < limit {
                guard let e = EventCodec.decodeStored(complaint: r.int64(i, "complaint_id") ?? 0, version: Int(r.int64(i, "version") ?? 0),
                                                       at: r.int64(i, "at") ?? 0, kind: r.text(i, "kind") ?? "", body: r.text(i, "body") ?? "")
                else { continue }
                guard e.actor.agency == agency, (e.actor.unit ?? "") == (unit ?? ""), !e.details.secret, let text = e.details.text else { continue }
                out.append(text)
            }
            return out
        }
    }

    // MARK: what the writer does

    /// Auto-close is the writer's work on PostgreSQL (an operator's role writes no event).
    public func autoCloseDue(at now: Timestamp, limit: Int) throws(StoreError) -> Int { 0 }
    /// Warnings and escalations are the writer's work on PostgreSQL.
    public func recordEscalations(at now: Timestamp, limit: Int, scan: Int) throws(StoreError) -> Int { 0 }

    static func notServed(_ part: DeskPart) -> StoreError { .postgres(.notOnPostgres(command: part.rawValue)) }
}
