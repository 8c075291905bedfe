import AduanCore

/// How a list is sorted.
public enum InboxOrder: String, Sendable, CaseIterable {
    /// Most urgent running deadline first; reports without one last.
    case deadline
    /// Newest first.
    case received
    /// Most recently changed first.
    case updated
    /// Oldest received first: what waited longest (the Tunda tab's backlog).
    case oldest
}

/// What a list shows: whose reports, which ones, in what order, and whose hidden text may be
/// read and searched.
public struct InboxQuery: Hashable, Sendable {
    /// Whose reports: decided by the core from the viewer (`Access.inboxScope`).
    public var scope: InboxScope
    /// Whose confidential titles and bodies the list may show and its text search may match; the
    /// others come back with `contentHidden` and an empty title.
    public var content: ContentAccess
    /// Which of them: the parsed filter line (`.all` for none).
    public var filter: FilterExpression
    /// The sort order, with the id as tie-breaker.
    public var order: InboxOrder
    /// Whether the list also covers what the scope held before and holds no longer (`InboxScope.contains`);
    /// false: only what it holds now (`InboxScope.holdsNow`): the working inbox.
    public var formerHolders = true

    /// An operator's list: their inbox scope and the content they may read, both decided by the core.
    public init(viewer: Actor, filter: FilterExpression = .all, order: InboxOrder = .deadline) {
        self.init(scope: Access.inboxScope(of: viewer), content: Privacy.contentAccess(of: viewer), filter: filter, order: order)
        self.viewer = viewer
        // Without a filter, an operator's list is their working inbox (what they hold now and are
        // copied on), as the screen's status tabs and the report count it; any filter (`id:12`,
        // `forwarded`, `agency:pln`) looks through every report they may open (`Privacy.canView`).
        formerHolders = filter != .all
    }

    /// The operator the list is for: an anonymous reporter who wrote their own name or phone into
    /// the title is not named to them (`Privacy.redacted`). Nil for the system and tests.
    public var viewer: Actor?

    /// A list over a scope. Without `content`, every text is read and searched: for the system
    /// and tests; an operator's list is `init(viewer:)`.
    public init(scope: InboxScope, content: ContentAccess = .everything, filter: FilterExpression = .all, order: InboxOrder = .deadline) {
        self.scope = scope
        self.content = content
        self.filter = filter
        self.order = order
    }
}

/// Where a page ends: the sort key and id of its last (or first) row.
public struct PageCursor: Hashable, Sendable {
    /// The row's sort key (`InboxRow.sortKey`).
    public var key: Int64
    /// The row's local id, the tie-breaker.
    public var id: Int64

    /// A cursor at the row with this sort key and id.
    public init(key: Int64, id: Int64) {
        self.key = key
        self.id = id
    }
}

/// One line of a list: the columns a list shows, read without decoding any JSON.
public struct InboxRow: Hashable, Sendable {
    /// The report's local id (`#12`).
    public var id: Int64
    /// Its SP4N-LAPOR! tracking id, when it came from LAPOR!.
    public var trackingID: String?
    /// Its title as written, empty when `contentHidden`; an anonymous reporter's name in it is redacted for viewers who may not see it.
    public var title: String
    /// Its workflow status.
    public var status: Status
    /// Pengaduan, aspirasi or permintaan informasi.
    public var classification: Classification
    /// Its topic category path.
    public var category: Category
    /// Where it came in (LAPOR! web, SMS 1708, walk-in, …).
    public var channel: Channel
    /// Its priority.
    public var priority: Priority
    /// The agency (and unit) holding it now.
    public var holder: Holder
    /// When the office received it.
    public var receivedAt: Timestamp
    /// When it last changed.
    public var updatedAt: Timestamp
    /// Its running deadline, nil when none runs.
    public var dueAt: Timestamp?
    /// Which deadline runs (verification, follow-up, auto-close, …).
    public var dueKind: DeadlineKind?
    /// Its version: the number of events, passed back as `expectedVersion` when acting on it.
    public var version: Int
    /// The reporter asked to stay anonymous.
    public var anonymous: Bool
    /// The report is confidential (Rahasia): only its handlers read its text.
    public var confidential: Bool
    /// An admin has decided its anonymity and confidentiality flags.
    public var privacyDecided: Bool
    /// It went back and forth between holders (ping-pong).
    public var pingPong: Bool
    /// The reporter's rating of the answer (1–5), when given.
    public var rating: Int?
    /// The viewer may not read this report's title and body (a confidential report they do not
    /// handle): `title` is empty and a screen shows that it is hidden.
    public var contentHidden: Bool = false
    /// The value the list is sorted by (with `id` as tie-breaker).
    public var sortKey: Int64

    /// Where this row stands in its list, to page on from it.
    public var cursor: PageCursor { PageCursor(key: sortKey, id: id) }
}

extension ComplaintStore {
    static let rowColumns = """
        c.id, c.tracking_id, c.title, c.status, c.classification, c.category, c.channel, c.priority, c.holder_agency,
        c.holder_unit, c.received_at, c.updated_at, c.due_at, c.due_kind, c.version, c.anonymous, c.confidential,
        c.privacy_decided, c.ping_pong, c.rating
        """

    /// `rowColumns` followed by whether the viewer may read the row's text (column 20).
    func rowSelect(_ content: ContentAccess) -> SQLCondition {
        let r = ScopeSQL.readable(content, dialect: dialect)
        return SQLCondition(sql: "\(Self.rowColumns), (\(r.sql)) AS readable", args: r.args)
    }

    /// A row selected with `rowSelect`: the title of a row the viewer may not read never leaves the store.
    func row(from s: Statement, order: InboxOrder) -> InboxRow {
        let received = Timestamp(seconds: s.int64(10))
        let updated = Timestamp(seconds: s.int64(11))
        let due = s.optionalInt64(12).map { Timestamp(seconds: $0) }
        let key: Int64
        switch order {
        case .deadline: key = due?.seconds ?? Self.noDeadlineKey
        case .received, .oldest: key = received.seconds
        case .updated: key = updated.seconds
        }
        let hidden = s.int64(20) == 0
        return InboxRow(id: s.int64(0), trackingID: s.optionalText(1), title: hidden ? "" : s.text(2),
                        status: Status(code: s.int64(3)) ?? .belumTerverifikasi,
                        classification: Classification(rawValue: s.text(4)) ?? .pengaduan,
                        category: Category(s.text(5)), channel: Channel(rawValue: s.text(6)) ?? .other,
                        priority: Priority(rawValue: s.text(7)) ?? .normal,
                        holder: Holder(agency: s.text(8), unit: s.optionalText(9)), receivedAt: received,
                        updatedAt: updated, dueAt: due, dueKind: s.optionalText(13).flatMap(DeadlineKind.init(rawValue:)),
                        version: s.int(14), anonymous: s.int64(15) != 0, confidential: s.int64(16) != 0,
                        privacyDecided: s.int64(17) != 0, pingPong: s.int64(18) != 0,
                        rating: s.isNull(19) ? nil : s.int(19), contentHidden: hidden, sortKey: key)
    }

    /// The thresholds the filter language is read with at `now` (overdue, due soon, ages), under this store's calendar and deadlines: the same for the SQL and for `FilterExpression.matches`.
    public func filterContext(now: Timestamp, content: ContentAccess = .everything, viewerAgency: String? = nil,
                              viewerUnit: String? = nil, viewerUnitsBelow: [String] = []) -> FilterContext {
        FilterContext(now: now, calendar: context.calendar, deadlines: context.deadlines, content: content, viewerAgency: viewerAgency,
                      viewerUnit: viewerUnit, viewerUnitsBelow: viewerUnitsBelow)
    }

    func whereClause(_ q: InboxQuery, now: Timestamp) -> SQLCondition {
        ScopeSQL(q.scope, dialect: dialect).condition(formerHolders: q.formerHolders)
            && FilterSQL(dialect: dialect).condition(q.filter, filterContext(now: now, content: q.content, viewerAgency: q.scope.agency, viewerUnit: q.scope.unit, viewerUnitsBelow: Array(q.scope.units.dropFirst())))
    }

    /// (sort column, ascending?) for an order.
    static func sortColumn(_ order: InboxOrder) -> (String, Bool) {
        switch order {
        case .deadline: ("c.due_key", true)
        case .received: ("c.received_at", false)
        case .updated: ("c.updated_at", false)
        case .oldest: ("c.received_at", true)
        }
    }

    /// A page of rows in list order, starting after `cursor` (or at the top), read with keyset
    /// paging so its cost does not grow with depth.
    public func page(_ q: InboxQuery, after cursor: PageCursor? = nil, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow] {
        try fetch(q, cursor: cursor, forward: true, limit: limit, now: now)
    }

    /// The `limit` rows just before `cursor`, in list order (for scrolling up); with no cursor, the last rows.
    public func page(_ q: InboxQuery, before cursor: PageCursor?, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow] {
        try fetch(q, cursor: cursor, forward: false, limit: limit, now: now).reversed()
    }

    /// How many rows in list order a text search reads itself before asking the search index:
    /// enough for a word in one report of ten to fill the page, few enough that a rare word
    /// (which the index answers in milliseconds) loses little. Measured at a million reports:
    /// 1,500 rows for a one-row search cost a rare word 20 ms.
    static func textProbeRows(limit: Int) -> Int { min(1_500, max(200, limit * 10)) }

    func fetch(_ q: InboxQuery, cursor: PageCursor?, forward: Bool, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow] {
        if limit > 0, let (rest, texts) = Self.splitText(q.filter) {
            var plain = q
            plain.filter = rest
            if let rows = try probeText(plain, texts: texts, cursor: cursor, forward: forward, limit: limit, now: now) { return rows }
        }
        return try fetchSQL(q, cursor: cursor, forward: forward, limit: limit, now: now)
    }

    /// The filter's top-level text words apart from the rest (nil when there are none).
    static func splitText(_ f: FilterExpression) -> (FilterExpression, [TextQuery])? {
        switch f {
        case .term(.text(let t)):
            return (.all, [TextSearch.query(t)])
        case .and(let parts):
            var rest: [FilterExpression] = []
            var texts: [TextQuery] = []
            for p in parts {
                if case .term(.text(let t)) = p { texts.append(TextSearch.query(t)) } else { rest.append(p) }
            }
            guard !texts.isEmpty else { return nil }
            return (rest.isEmpty ? .all : (rest.count == 1 ? rest[0] : .and(rest)), texts)
        default:
            return nil
        }
    }

    /// A common word ("di", "jalan") matches half a million reports: asking the search index
    /// first means SQLite collects all of them before it can give the first in deadline order
    /// (0.7 s at a million). So walk the list itself for a while, testing each row's title and
    /// body with the same rules the index uses (`TextQuery`, checked against FTS5 by the filter
    /// agreement tests). A common word is found within a few rows; a rare one, after
    /// `textProbeRows` rows, goes to the index, which is fast for rare words. nil = ask the index.
    func probeText(_ q: InboxQuery, texts: [TextQuery], cursor: PageCursor?, forward: Bool, limit: Int,
                   now: Timestamp) throws(StoreError) -> [InboxRow]? {
        var found: [InboxRow] = []
        var at = cursor
        var read = 0
        let budget = Self.textProbeRows(limit: limit)
        let chunk = min(100, budget)
        while read < budget {
            let rows = try fetchSQL(q, cursor: at, forward: forward, limit: chunk, now: now)
            guard !rows.isEmpty else { return found }
            read += rows.count
            let bodies = try self.bodies(rows.filter { !$0.contentHidden }.map(\.id))
            // As the core's text term: an empty search matches, hidden text never does.
            for r in rows where texts.allSatisfy({ $0.isEmpty || (!r.contentHidden && $0.matches(fields: [r.title, bodies[r.id] ?? ""])) }) {
                found.append(r)
                if found.count == limit { return found }
            }
            if rows.count < chunk { return found }
            at = rows.last!.cursor
        }
        return nil
    }

    /// Bodies of the given reports, by id.
    func bodies(_ ids: [Int64]) throws(StoreError) -> [Int64: String] {
        try read {
            let s = try db.prepare("SELECT id, body FROM complaint_texts WHERE id IN (SELECT value FROM json_each(?))")
            try s.bind([.text("[" + ids.map(String.init).joined(separator: ",") + "]")])
            var out: [Int64: String] = [:]
            out.reserveCapacity(ids.count)
            while try s.step() { out[s.int64(0)] = s.text(1) }
            return out
        }
    }

    func fetchSQL(_ q: InboxQuery, cursor: PageCursor?, forward: Bool, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow] {
        try read {
            var cond = FilterSQL(dialect: dialect).condition(q.filter, filterContext(now: now, content: q.content, viewerAgency: q.scope.agency, viewerUnit: q.scope.unit, viewerUnitsBelow: Array(q.scope.units.dropFirst())))
            let select = rowSelect(q.content)
            let (column, ascending) = Self.sortColumn(q.order)
            // Walking the list forward in an ascending order means "greater than the cursor".
            let greater = forward == ascending
            if let cursor {
                cond = cond && SQLCondition(sql: "(\(column), c.id) \(greater ? ">" : "<") (?, ?)", args: [.int(cursor.key), .int(cursor.id)])
            }
            let dir = greater ? "ASC" : "DESC"
            let n = SQLValue.int(Int64(max(0, limit)))
            // The scope's disjoint parts, each an ordered index scan, merged (ScopeSQL.listParts).
            let parts = try ScopeSQL(q.scope, dialect: dialect).listParts(formerHolders: q.formerHolders,
                                                                          onlyForwarded: FilterSQL.requiresForwarded(q.filter),
                                                                          heldBefore: { try formerHolderPart($0, $1) })
            if parts.isEmpty { return [] }
            let selects = parts.map { scope -> (String, [SQLValue]) in
                let w = scope && cond
                return ("SELECT \(select.sql), \(column) AS sk FROM complaints c WHERE \(w.sql) ORDER BY \(column) \(dir), c.id \(dir) LIMIT ?",
                        select.args + w.args + [n])
            }
            let sql: String
            let args: [SQLValue]
            if selects.count == 1 {
                (sql, args) = selects[0]
            } else {
                sql = selects.map { "SELECT * FROM (\($0.0))" }.joined(separator: " UNION ALL ") + " ORDER BY sk \(dir), id \(dir) LIMIT ?"
                args = selects.flatMap(\.1) + [n]
            }
            let s = try db.prepare(sql)
            try s.bind(args)
            var rows: [InboxRow] = []
            rows.reserveCapacity(limit)
            while try s.step() { rows.append(row(from: s, order: q.order)) }
            if let viewer = q.viewer {
                // Titles are stored as written; only an anonymous report's can name a hidden
                // reporter, so only those few rows of the page are read whole.
                for i in rows.indices where rows[i].anonymous && !rows[i].contentHidden && !rows[i].title.isEmpty {
                    guard let c = try loadComplaint(rows[i].id), !Privacy.canSeeReporter(c, viewer: viewer) else { continue }
                    rows[i].title = Privacy.redacted(c, for: viewer).title
                }
            }
            return rows
        }
    }

    /// The list part of what `agency`/`unit` held before: few rows are read by the table's key and
    /// sorted; many are found by walking the list's order index and probing the key per row (with
    /// at least one row in `sparse` of the store's reports, a page of 50 costs at most ~10,000 probes).
    func formerHolderPart(_ agency: String, _ unit: String, sparse: Int = 200) throws -> SQLCondition {
        let total = Int(try db.scalarInt("SELECT max(id) FROM complaints") ?? 0)
        let cap = max(2_000, total / sparse)
        let n = Int(try db.scalarInt("SELECT count(*) FROM (SELECT 1 FROM holders_before WHERE agency = ? AND unit = ? LIMIT ?)",
                                     [.text(agency), .text(unit), .int(Int64(cap))]) ?? 0)
        return ScopeSQL.heldBefore(agency, unit: unit, probe: n >= cap)
    }

    /// How many reports of the scope its agency forwarded away (the Diteruskan tab), by
    /// `holders_before`'s key: the same set as `count` with the filter `forwarded`.
    public func forwardedCount(_ scope: InboxScope) throws(StoreError) -> Int {
        try read {
            guard let count = ScopeSQL(scope, dialect: dialect).forwardedCountStatement else { return 0 }
            return Int(try db.scalarInt(count.sql, count.args) ?? 0)
        }
    }

    /// How many reports the query matches. Cheap for status-only queries (read from the
    /// counters); otherwise a scan that a screen should run off the input path.
    public func count(_ q: InboxQuery, now: Timestamp) throws(StoreError) -> Int {
        if case .all = q.filter { return try statusCounts(q.scope, formerHolders: q.formerHolders).values.reduce(0, +) }
        if case .term(.status(let list)) = q.filter {
            let counts = try statusCounts(q.scope, formerHolders: q.formerHolders)
            return Set(list).reduce(0) { $0 + (counts[$1] ?? 0) }
        }
        return try read {
            let cond = whereClause(q, now: now)
            return Int(try db.scalarInt("SELECT count(*) FROM complaints c WHERE \(cond.sql)", cond.args) ?? 0)
        }
    }

    /// Reports per status in a scope, from the maintained counters (no table scan).
    /// With `formerHolders`, also what the scope held before and holds no longer (few rows, by the key of `holders_before`).
    public func statusCounts(_ scope: InboxScope, formerHolders: Bool = true) throws(StoreError) -> [Status: Int] {
        try read {
            var out: [Status: Int] = [:]
            func add(_ sql: String, _ args: [SQLValue]) throws {
                let s = try db.prepare(sql)
                try s.bind(args)
                while try s.step() {
                    if let st = Status(code: s.int64(0)) { out[st, default: 0] += s.int(1) }
                }
            }
            for statement in ScopeSQL(scope, dialect: dialect).statusCountStatements(formerHolders: formerHolders) {
                try add(statement.sql, statement.args)
            }
            return out
        }
    }

    /// The position (1-based) of a row in a query's list: rows before it plus one.
    public func position(of row: PageCursor, in q: InboxQuery, now: Timestamp) throws(StoreError) -> Int {
        try read {
            var cond = whereClause(q, now: now)
            let (column, ascending) = Self.sortColumn(q.order)
            cond = cond && SQLCondition(sql: "(\(column), c.id) \(ascending ? "<" : ">") (?, ?)", args: [.int(row.key), .int(row.id)])
            return Int(try db.scalarInt("SELECT count(*) FROM complaints c WHERE \(cond.sql)", cond.args) ?? 0) + 1
        }
    }

    /// Loads full reports for a list of ids (exports, bulk actions), in the given order.
    public func complaints(_ ids: [Int64]) throws(StoreError) -> [Complaint] {
        try read {
            var out: [Complaint] = []
            out.reserveCapacity(ids.count)
            for id in ids { if let c = try loadComplaint(id) { out.append(c) } }
            return out
        }
    }

    /// Every report matching `q`, in list order, handed over in batches (exports of a million rows
    /// stay in bounded memory). Return false from `body` to stop.
    public func forEach(_ q: InboxQuery, now: Timestamp, batch: Int = 2000,
                        _ body: ([Complaint]) throws -> Bool) throws {
        var cursor: PageCursor?
        while true {
            let rows = try page(q, after: cursor, limit: batch, now: now)
            if rows.isEmpty { return }
            let full = try complaints(rows.map(\.id))
            if try !body(full) { return }
            cursor = rows.last!.cursor
        }
    }
}
