import AduanCore

/// The PostgreSQL store (issue 14), so far: opening (migrations, refusals), loading whole
/// histories as the owner (import, demo, tests), its projections and the chain check. Operators'
/// writes, lists and the screen come later (see notes/s5/RESULT-c.md).
public final class PGStore {
    public let conn: PGConnection
    public let context: WorkflowContext
    /// Set when this writer settled an office change: it stops settling until it re-reads the office.
    public internal(set) var officeChanged = false
    /// How many reports an office change's deadline recompute does per transaction (PGOfficeRecompute.swift):
    /// what an operator's queued command may wait behind (1,000 took about 0.6 s in a debug build at 100,000).
    public var recomputeBatch = 250
    /// The search keys' numbers this connection has read (PGScopedSearch.swift).
    var audienceCache = AudienceIDCache()

    /// Opens the store in the database `conn` is connected to; see `PGSchema.open`.
    public init(_ conn: PGConnection, context: WorkflowContext, create: Bool = false) throws(PGStoreRefusal) {
        self.conn = conn
        self.context = context
        try PGSchema.open(conn, create: create, context: context)
    }

    /// Inserts whole valid histories in one transaction, as the store's owner: each keeps its
    /// events' times (an import's source times); ids are assigned here, returned in order.
    /// Operators' own actions go through the server clock instead (the `events_append` trigger).
    @discardableResult
    public func insertHistories(_ histories: [[Event]]) throws -> [Int64] {
        try ComplaintStore.requireLegal(histories, context: context)
        return try conn.transaction {
            var next = (try conn.query("SELECT coalesce(max(id), 0) + 1 AS next FROM aduan.complaints").int64(0, "next")) ?? 1
            var ids: [Int64] = []
            for history in histories where !history.isEmpty {
                let id = next
                next += 1
                var state: Complaint?
                var events: [Event] = []
                for var e in history {
                    e.complaintID = id
                    try appendEvent(e)
                    state = Workflow.evolve(state, e)
                    events.append(e)
                }
                for e in events { try writeEventViews(e, in: state!) }
                try writeProjection(state!, insert: true)
                try writeContentKey(of: state!, first: events[0])
                ids.append(id)
            }
            return ids
        }
    }

    /// Appends one event; the server gives it its position and hash (and checks its time and
    /// login unless the connected role owns the store).
    func appendEvent(_ e: Event) throws {
        let body = String(decoding: EventCodec.storedBody(e), as: UTF8.self)
        try conn.query("""
            INSERT INTO aduan.events(complaint_id, version, at, kind, actor_id, login, agency_from, agency_to, body)
            VALUES ($1, $2, $3, $4, $5, coalesce($6, session_user), $7, $8, $9)
            """, [.int(e.complaintID), .int(Int64(e.version)), .int(e.at.seconds), .text(e.kind.rawValue), .text(e.actor.id),
                  e.login.map { .text($0) } ?? .null,
                  e.kind == .forward ? .text(e.actor.agency) : .null,
                  e.kind == .forward ? e.details.agency.map { .text($0) } ?? .null : .null,
                  .text(body)])
    }

    /// Writes the forms of `e` operators read (`event_views`): one row per distinct redaction the
    /// core makes for the sights that may read it, with the mask of those sights. `c` is the report
    /// the event belongs to (its reporter, which redaction takes out of texts, never changes).
    func writeEventViews(_ e: Event, in c: Complaint) throws {
        for form in Self.eventForms(e, in: c) {
            try conn.query("""
                INSERT INTO aduan.event_views(seq, complaint_id, version, at, kind, needs_handling, needs_content, shown_to, body)
                SELECT seq, complaint_id, version, at, kind, $3, $4, $5, $6 FROM aduan.events WHERE complaint_id = $1 AND version = $2
                """, [.int(e.complaintID), .int(Int64(e.version)), .bool(Privacy.eventNeedsHandling(e)), .bool(Privacy.eventNeedsContent(e)),
                      .int(Int64(form.mask)), .text(String(decoding: form.body, as: UTF8.self))])
        }
    }

    /// The distinct redactions of `e` for the sights that may read it, each with its mask of sights.
    /// A redaction reads the sight's content answer only for a new title (`changes.title`) and its
    /// handling answer only for an import's quoted secret entries, so the other sights share one
    /// computed form; a form equal to the event reuses its encoding (`full`, when the caller has it).
    /// `PGBulkTests.eachFormIsTheCoresRedactionForEverySight` holds this to `Privacy.redacted`.
    static func eventForms(_ e: Event, in c: Complaint, full: [UInt8]? = nil) -> [(body: [UInt8], mask: Int)] {
        let contentMatters = e.details.changes?.title != nil
        let handlingMatters = e.details.source?.history.contains(where: \.secret) ?? false
        var computed: [[UInt8]?] = Array(repeating: nil, count: 8)
        var fullBody = full
        var forms: [(body: [UInt8], mask: Int)] = []
        for sight in Privacy.Sight.all where sight.mayRead(e) {
            let effective = Privacy.Sight(reporter: sight.reporter, content: contentMatters ? sight.content : true,
                                          handling: handlingMatters ? sight.handling : true)
            let body: [UInt8]
            if let known = computed[effective.bit] {
                body = known
            } else {
                let r = Privacy.redacted(e, in: c, sight: effective)
                if r == e {
                    if fullBody == nil { fullBody = EventCodec.storedBody(e) }
                    body = fullBody!
                } else {
                    body = EventCodec.storedBody(r)
                }
                computed[effective.bit] = body
            }
            if let i = forms.firstIndex(where: { $0.body == body }) { forms[i].mask |= 1 << sight.bit } else { forms.append((body, 1 << sight.bit)) }
        }
        return forms
    }

    /// The re-import key of a report without a tracking number (`ContentKey`, as the SQLite store
    /// keeps it), from its first event.
    static func contentKey(of c: Complaint, first: Event) -> String? {
        first.details.intake.flatMap { ContentKey.of($0, receivedAt: c.receivedAt) }
    }

    /// Records a new report's re-import key (the owner's table `complaint_keys`).
    func writeContentKey(of c: Complaint, first: Event) throws {
        guard let key = Self.contentKey(of: c, first: first) else { return }
        try conn.query("INSERT INTO aduan.complaint_keys(id, content_key) VALUES ($1, $2)", [.int(c.id), .text(key)])
    }

    /// The report's two text rows: full, and with the reporter taken out (`Privacy.publicText`).
    static func textRows(_ c: Complaint) -> [(masked: Bool, title: String, body: String, location: String)] {
        [(false, c.title, c.body, c.location),
         (true, Privacy.publicText(c.title, of: c), Privacy.publicText(c.body, of: c), Privacy.publicText(c.location, of: c))]
    }

    static let projectionColumns = """
        id, tracking_id, channel, classification, category, priority, anonymous, confidential, privacy_decided,
        status, holder_agency, holder_unit, intake_agency, held_agencies, held_units, cc_units, received_at, updated_at,
        updated_by, version, due_at, due_kind, due_key, rating, ping_pong, first_follow_up_wd, auto_close_at, paused_at,
        receipt_week, escalate_at, state, escalation
        """

    /// The `complaints` row of a report, in `projectionColumns` order.
    func projectionRow(_ c: Complaint) -> [PGValue] { Self.projectionRow(c, context: context) }

    static func projectionRow(_ c: Complaint, context: WorkflowContext) -> [PGValue] {
        let v = ProjectionValues.of(c, context: context)
        var heldAgencies = [c.intakeAgency]
        var heldUnits: [String] = []
        for step in c.holderChain {
            if !heldAgencies.contains(step.holder.agency) { heldAgencies.append(step.holder.agency) }
            if let u = step.holder.unit {
                let key = PGAccessSQL.unitKey(step.holder.agency, u)
                if !heldUnits.contains(key) { heldUnits.append(key) }
            }
        }
        return [
            .int(c.id), c.trackingID.map { .text($0) } ?? .null, .text(c.channel.rawValue), .text(c.classification.rawValue),
            .text(c.category.path), .text(c.priority.rawValue), .bool(c.anonymous), .bool(c.confidential), .bool(c.privacyDecided),
            .int(Int64(c.status.code)), .text(c.holder.agency), c.holder.unit.map { .text($0) } ?? .null, .text(c.intakeAgency),
            .text(arrayLiteral(heldAgencies)), .text(arrayLiteral(heldUnits)), .text(arrayLiteral(c.ccUnits)),
            .int(c.receivedAt.seconds), .int(c.updatedAt.seconds), .text(c.updatedBy), .int(Int64(c.version)),
            v.due.map { .int($0.dueAt.seconds) } ?? .null, v.due.map { .text($0.kind.rawValue) } ?? .null,
            .int(v.due?.dueAt.seconds ?? ComplaintStore.noDeadlineKey), c.rating.map { .int(Int64($0)) } ?? .null,
            .bool(c.pingPong), v.firstFollowUpWorkingDays.map { .int($0) } ?? .null, v.autoClose.map { .int($0) } ?? .null,
            v.pausedAt.map { .int($0) } ?? .null, .int(v.receiptWeek), escalateAt(c, context: context).map { .int($0.seconds) } ?? .null,
            .text(StateCodec.encode(skeleton(c))), escalationLevel(c, context: context).map { .text($0.rawValue) } ?? .null,
        ]
    }

    /// The report's escalation level (`EscalationPolicy.level`: the highest recorded mark on a
    /// running timer, or the external flag), kept in `complaints.escalation` so the Tenggat view
    /// counts and lists each level over an index (PGDeskDeadlines.swift); nil when none.
    static func escalationLevel(_ c: Complaint, context: WorkflowContext) -> EscalationTarget? {
        context.escalation.level(of: c, deadlines: context.deadlines, calendar: context.calendar)
    }

    /// When the report's next warning or escalation step falls due (`EscalationPolicy.nextDue`),
    /// kept in `complaints.escalate_at` so the writer's sweep reads over an index only the reports
    /// something is due on (PGSweep.swift); nil when none will.
    static func escalateAt(_ c: Complaint, context: WorkflowContext) -> Timestamp? {
        context.escalation.nextDue(for: c, deadlines: context.deadlines, calendar: context.calendar)
    }

    /// The state column: what every role that may open the report may read of it (issue 14).
    /// Field by field against `Privacy.redacted` for the least-privileged viewer who can see the
    /// row: the reporter and texts live in rows the policies can withhold; a pending draft keeps
    /// only that it waits (its version and time: `awaitingApproval`), its author and text being the
    /// draft event's, read from the form of it in `event_views` the role may read (`PGRead`). The
    /// rest carries no text: the holder chain, copies, times, counters, the archive reason's code
    /// and the escalation keys are what `Privacy.redacted` leaves to any viewer of the report.
    static func skeleton(_ c: Complaint) -> Complaint {
        var s = c
        s.reporter = nil
        s.title = ""
        s.body = ""
        s.location = ""
        s.pendingDraft = c.pendingDraft.map { Privacy.blindDraft($0, in: c) }
        return s
    }

    /// Writes the report's rows (complaint, reporter, full and masked texts) in the caller's transaction.
    func writeProjection(_ c: Complaint, insert: Bool) throws {
        let values = projectionRow(c)
        let columns = Self.projectionColumns
        let names = columns.split(separator: ",").map { $0.trimmingCharacters() }
        let params = (1...names.count).map { "$\($0)" }.joined(separator: ", ")
        if insert {
            try conn.query("INSERT INTO aduan.complaints(\(columns)) VALUES (\(params))", values)
        } else {
            let sets = names.enumerated().dropFirst().map { "\($0.element) = $\($0.offset + 1)" }.joined(separator: ", ")
            try conn.query("UPDATE aduan.complaints SET \(sets) WHERE id = $1", values)
        }
        try conn.query("DELETE FROM aduan.complaint_reporters WHERE id = $1", [.int(c.id)])
        if let r = c.reporter {
            func opt(_ s: String?) -> PGValue { s.map { .text($0) } ?? .null }
            try conn.query("INSERT INTO aduan.complaint_reporters(id, name, phone, email, nik) VALUES ($1, $2, $3, $4, $5)",
                           [.int(c.id), opt(r.name), opt(r.phone), opt(r.email), opt(r.nik)])
        }
        try conn.query("DELETE FROM aduan.complaint_texts WHERE id = $1", [.int(c.id)])
        for (masked, title, body, location) in Self.textRows(c) {
            let tokens = Audience.tokens(of: c, masked: masked)
            try conn.query("""
                INSERT INTO aduan.complaint_texts(id, masked, title, body, location, words, audience, scoped_words)
                VALUES ($1, $2, $3, $4, $5, $6::tsvector, $7::text[], $8::tsvector)
                """, [.int(c.id), .bool(masked), .text(title), .text(body), .text(location), .text(PGSearch.vector(title: title, body: body)),
                      .text(Self.arrayLiteral(tokens)), .text(PGSearch.scopedVector(prefixes: try audiencePrefixes(tokens), title: title, body: body))])
        }
    }

    /// A PostgreSQL array literal of texts (`{"a","b"}`), every element quoted.
    public static func arrayLiteral(_ items: [String]) -> String {
        "{" + items.map { "\"" + $0.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\"" }.joined(separator: ",") + "}"
    }

    /// The recorded chain head and event count.
    public func chainHead() throws -> (head: [UInt8], count: Int64) {
        let r = try conn.query("SELECT key, value FROM aduan.meta WHERE key IN ('chain_head', 'event_count')")
        var head = Chain.genesis, count: Int64 = 0
        for i in 0..<r.rowCount {
            if r.text(i, "key") == "chain_head" { head = Chain.fromHex(r.text(i, "value") ?? "") }
            if r.text(i, "key") == "event_count" { count = Int64(r.text(i, "value") ?? "") ?? 0 }
        }
        return (head, count)
    }

    /// Recomputes every event's hash from its columns with the SQLite store's formula (`Chain`)
    /// and returns the first position that disagrees (or whose head is not the recorded one), nil
    /// when the whole chain holds. Reads as the owner.
    public func firstBrokenLink() throws -> Int64? {
        let r = try conn.query("SELECT seq, complaint_id, version, at, kind, actor_id, body, hash FROM aduan.events ORDER BY seq")
        var previous = Chain.genesis
        for i in 0..<r.rowCount {
            let seq = r.int64(i, "seq") ?? -1
            guard seq == Int64(i + 1) else { return Int64(i + 1) }
            let complaint: Int64 = r.int64(i, "complaint_id") ?? 0
            let version: Int64 = r.int64(i, "version") ?? 0
            let at: Int64 = r.int64(i, "at") ?? 0
            let kind: String = r.text(i, "kind") ?? ""
            let actor: String = r.text(i, "actor_id") ?? ""
            let body: [UInt8] = Array((r.text(i, "body") ?? "").utf8)
            let content = Chain.contentDigest(version: version, at: at, kind: kind, actor: actor, body: body)
            let expected = Chain.link(previous: previous, seq: seq, complaint: complaint, content: content)
            guard expected == r.bytes(i, "hash") else { return seq }
            previous = expected
        }
        let recorded = try chainHead()
        if recorded.count != Int64(r.rowCount) || recorded.head != previous { return Int64(r.rowCount) }
        return nil
    }
}

/// Full-text search on PostgreSQL: what is indexed and why.
///
/// PostgreSQL 15 does ship an `indonesian` Snowball stemmer, but it is not used: it strips
/// Indonesian affixes aggressively ("kecamatan" → "camat", the district head; "pelayanan" →
/// "layan"; "pembangunan" → "bangun"), so a search for the district would find its head, and the
/// PostgreSQL store would find reports that the SQLite store and the core's in-memory filter
/// (`TextSearch`, which the filter agreement tests hold both stores to) do not. Instead each text
/// row indexes the core's own tokens (`TextSearch.tokens`: diacritics folded the way SQLite's
/// `unicode61 remove_diacritics 2` folds them, split where it splits) as the lexemes of a
/// `tsvector` literal, with no text search parser between (so no stemming, no stop words, and
/// exactly the words the core matches; `vector` keeps title and body apart for phrases). That also needs no extension
/// (`unaccent` would fold ø/đ/ł/æ/ß, which the core keeps, and needs CREATE EXTENSION).
public enum PGSearch {
    /// The words of a title and body as the core tokenizes them, space-separated for `to_tsvector`.
    public static func words(title: String, body: String) -> String {
        (TextSearch.tokens(title) + TextSearch.tokens(body)).joined(separator: " ")
    }

    /// The text row's `tsvector` as a literal: the core's tokens as lexemes, exactly (no parser
    /// between, so the query's lexemes, `PostgreSQLDialect.textQuery`, meet the same words), each
    /// with its positions; the body starts two positions after the title, so a phrase never runs
    /// from the title into the body (the core matches a phrase within one field). Positions stop
    /// at PostgreSQL's 16,383.
    public static func vector(title: String, body: String) -> String {
        literal(entries(title: title, body: body))
    }

    /// A `tsvector` literal of `words` (lexemes with their positions), built straight into bytes:
    /// it runs for every report a bulk load writes.
    static func literal(_ words: [(word: String, positions: [Int])]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(words.count * 12)
        for (i, w) in words.enumerated() {
            if i > 0 { out.append(0x20) }
            appendLexeme(w.word, to: &out)
            out.append(0x3A)
            for (j, p) in w.positions.enumerated() {
                if j > 0 { out.append(0x2C) }
                out.append(contentsOf: String(p).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The vector's words in first-seen order, each with its positions (ascending, without
    /// repeats, at most 256, clamped at 16,383): what `vector` and `appendBinaryVector` write.
    static func entries(title: String, body: String) -> [(word: String, positions: [Int])] {
        // Positions come in ascending order (title, then body), so "sorted, without repeats" is a
        // check against the last one written.
        var index: [String: Int] = [:]
        var words: [(word: String, positions: [Int])] = []
        func add(_ tokens: [String], from start: Int) {
            for (i, t) in tokens.enumerated() {
                let p = min(start + i, 16_383)
                if let k = index[t] {
                    if words[k].positions.last != p && words[k].positions.count < 256 { words[k].positions.append(p) }
                } else {
                    index[t] = words.count
                    words.append((t, [p]))
                }
            }
        }
        let t = TextSearch.tokens(title)
        add(t, from: 1)
        add(TextSearch.tokens(body), from: t.count + 2)
        return words
    }

    /// `lexeme(word)` appended as bytes.
    static func appendLexeme(_ word: String, to out: inout [UInt8]) {
        out.append(0x27)
        for b in word.utf8 {
            if b == 0x27 || b == 0x5C { out.append(b) }
            out.append(b)
        }
        out.append(0x27)
    }

    /// A quoted lexeme of a `tsvector`/`tsquery` literal.
    public static func lexeme(_ word: String) -> String {
        var quoted = "'"
        for ch in word {
            if ch == "'" || ch == "\\" { quoted.append(ch) }
            quoted.append(ch)
        }
        return quoted + "'"
    }
}
