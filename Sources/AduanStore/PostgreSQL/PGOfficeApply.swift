import AduanCore

/// `aduan office apply` on PostgreSQL (issue 14): the office admin's login queues the new office
/// document in `aduan.commands` (kind `office-apply`, the version it was previewed against in
/// `expected_version`); the store's writer checks it as the SQLite store does (an admin of the
/// office's agency, a valid document that keeps an admin, no unit or agency removed that still
/// holds reports), records the version, recomputes every report's stored deadlines under the new
/// rules in the same transaction, and then re-reads the office (operators, calendar, rules)
/// before it settles anything else (`PGWriterLoop`).
extension PGStore {
    /// The command kind of an office change.
    public static let officeApplyKind = "office-apply"

    /// Queues an office change as `operatorID` on the connection's own role; returns the command's id.
    public static func submitOffice(document: String, summary: String, basedOn: Int?, as operatorID: String,
                                    on conn: PGConnection) throws(PostgresError) -> Int64 {
        var w = JSONStreamWriter()
        w.beginObject()
        w.key("document"); w.string(document)
        w.key("summary"); w.string(summary)
        w.endObject()
        let r = try conn.query("""
            INSERT INTO aduan.commands(operator_id, complaint_id, expected_version, kind, details)
            VALUES ($1, 0, $2, $3, $4) RETURNING id
            """, [.text(operatorID), basedOn.map { .int(Int64($0)) } ?? .null, .text(officeApplyKind), .text(w.text)])
        return r.int64(0, "id") ?? 0
    }

    /// Settles an office change in the caller's transaction: (outcome, message, version) as the
    /// command's row records them. `done`'s message is `open N changed M` (the recompute).
    /// A store with more reports than `recomputeBatch` (250) gets `working`: the writer goes on a page at
    /// a time between operators' commands (`continueRecompute`) and settles the command at the end.
    func settleOffice(details: String, basedOn: Int?, by actor: Actor, login: String, command: Int64 = 0) throws -> (String, String?, Int?) {
        guard let node = try? JSONParser.parse(details), let document = node["document"]?.string else {
            return ("refused", "the command could not be read", nil)
        }
        let summary = node["summary"]?.string ?? ""
        guard let stored = try Self.office(on: conn), case .success(let current) = OfficeDocument.parse(stored.document, version: stored.version) else {
            return ("refused", "the store keeps no readable office", nil)
        }
        guard actor.role == .admin, actor.agency == current.agency else {
            return ("refused", "only an admin of \(current.agency) changes the office (\(actor.id) is \(actor.role.rawValue) of \(actor.agency))", nil)
        }
        if stored.version != basedOn { return ("conflict", nil, stored.version) }
        guard case .success(let next) = OfficeDocument.parse(document, version: stored.version + 1) else {
            return ("refused", "the office document is not valid", nil)
        }
        guard next.operators.contains(where: { $0.role == .admin && $0.agency == next.agency }) else {
            return ("refused", "the office would keep no admin of \(next.agency)", nil)
        }
        // A unit or agency reports still sit with cannot disappear from the directory.
        let units = Set(next.directory.agencies.flatMap { $0.units.map(\.id) }), agencies = Set(next.directory.agencies.map(\.id))
        let r = try conn.query("""
            SELECT coalesce(holder_unit, holder_agency) AS holder, count(*) AS n FROM aduan.complaints
            WHERE NOT (holder_agency = ANY($1::text[])) OR (holder_unit IS NOT NULL AND NOT (holder_unit = ANY($2::text[])))
            GROUP BY 1 ORDER BY 1
            """, [.text(Self.arrayLiteral(agencies.sorted())), .text(Self.arrayLiteral(units.sorted()))])
        if r.rowCount > 0 {
            let held = (0..<r.rowCount).map { "\(r.text($0, "holder") ?? "?") (\(r.int64($0, "n") ?? 0))" }.joined(separator: ", ")
            return ("refused", "the new office removes units or agencies that still hold reports: \(held)", nil)
        }
        switch try recordOffice(document: document, summary: summary, by: actor.id, login: login, basedOn: basedOn) {
        case .changedMeanwhile(let v):
            return ("conflict", nil, v)
        case .recorded(let v, _):
            // A change still being recomputed is replaced by this one, which recomputes every report.
            if let earlier = try pendingRecompute(lock: true) { try finishRecompute(earlier) }
            var step = PendingRecompute(command: command, version: v, after: Int64.min, open: 0, changed: 0)
            if try recomputePage(&step, context: next.context) {
                return ("done", "open \(step.open) changed \(step.changed)", v)
            }
            try savePending(step)
            return ("working", nil, v)
        }
    }

    /// In the caller's transaction: every report's stored deadlines, auto-close time, figures and
    /// next escalation time computed again under `context` (each report replayed from its events),
    /// as the SQLite store does when the office's rules change (`ComplaintStore.recomputeDeadlines`).
    /// A page of `page` reports at a time: one statement reads their rows, one their events, one
    /// updates the rows that changed (it was two or more per report: 27 s at 20,000).
    func recomputeDeadlines(context: WorkflowContext, page: Int = 1_000) throws -> ComplaintStore.DeadlineRecompute {
        var step = PendingRecompute(command: 0, version: 0, after: Int64.min, open: 0, changed: 0)
        while try !recomputePage(&step, context: context, page: page) {}
        return ComplaintStore.DeadlineRecompute(open: step.open, changed: step.changed)
    }

    /// Recomputes the next page of reports after `step.after` and counts them in `step`; true when
    /// it was the last.
    func recomputePage(_ step: inout PendingRecompute, context: WorkflowContext, page: Int? = nil) throws -> Bool {
        let page = max(1, page ?? recomputeBatch)
        let closed: Set<Int64> = Set([Status.tunda, .selesai, .arsip].map(\.code))
        let columns = ["due_at", "due_kind", "due_key", "auto_close_at", "first_follow_up_wd", "receipt_week", "escalate_at"]
        let rows = try conn.query("SELECT id, status, \(columns.joined(separator: ", ")) FROM aduan.complaints WHERE id > $1 ORDER BY id LIMIT $2",
                                  [.int(step.after), .int(Int64(page))])
        let ids = (0..<rows.rowCount).compactMap { rows.int64($0, "id") }
        step.after = ids.last ?? step.after
        guard !ids.isEmpty else { return true }
        let history = try eventsOf(ids)
        var updates: [[String?]] = []
        for i in 0..<rows.rowCount {
            guard let id = rows.int64(i, "id"), let c = history[id]?.reduce(nil, { Workflow.evolve($0, $1) }) else { continue }
            if !closed.contains(rows.int64(i, "status") ?? -1) { step.open += 1 }
            let v = ProjectionValues.of(c, context: context)
            let now: [String?] = [v.due.map { String($0.dueAt.seconds) }, v.due?.kind.rawValue, String(v.due?.dueAt.seconds ?? ComplaintStore.noDeadlineKey),
                                  v.autoClose.map(String.init), v.firstFollowUpWorkingDays.map(String.init), String(v.receiptWeek),
                                  Self.escalateAt(c, context: context).map { String($0.seconds) }]
            guard now != columns.map({ rows.text(i, $0) }) else { continue }
            updates.append([String(id)] + now)
        }
        if !updates.isEmpty {
            step.changed += updates.count
            // One statement for the page's changed rows, each column an array (NULL where none).
            func array(_ k: Int) -> PGValue { .text(Self.nullableArrayLiteral(updates.map { $0[k] })) }
            try conn.query("""
                UPDATE aduan.complaints c SET due_at = u.due_at, due_kind = u.due_kind, due_key = u.due_key, auto_close_at = u.auto_close_at,
                    first_follow_up_wd = u.ffwd, receipt_week = u.week, escalate_at = u.escalate_at
                FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::integer[], $7::integer[], $8::bigint[])
                    AS u(id, due_at, due_kind, due_key, auto_close_at, ffwd, week, escalate_at)
                WHERE c.id = u.id
                """, (0...columns.count).map(array))
        }
        return ids.count < page
    }

    /// The events of `ids` from the log, each report's oldest first, in one statement.
    func eventsOf(_ ids: [Int64]) throws -> [Int64: [Event]] {
        let r = try conn.query("""
            SELECT complaint_id, version, at, kind, body FROM aduan.events WHERE complaint_id = ANY($1::bigint[]) ORDER BY complaint_id, version
            """, [.text(Self.idArray(ids))])
        return Self.eventsByReport(r)
    }

    /// A PostgreSQL array literal of text or numbers with NULLs (`{"a",NULL}`), bound as text and cast.
    static func nullableArrayLiteral(_ items: [String?]) -> String {
        "{" + items.map { $0.map { "\"" + $0.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\"" } ?? "NULL" }.joined(separator: ",") + "}"
    }

    /// The version of the office the store keeps now (0: none), for the writer to notice a change.
    public func officeVersion() throws -> Int {
        Int(try conn.query("SELECT coalesce(max(version), 0) AS v FROM aduan.office_versions").int64(0, "v") ?? 0)
    }
}

extension PGOperatorStore {
    /// Asks the store's writer to record a new office version previewed against `basedOn`, and
    /// waits for its outcome. Nothing is queued when no writer runs.
    public func applyOffice(document: String, summary: String, basedOn: Int?, as actor: Actor) throws(StoreError) -> OfficeRecordResult {
        guard try writerRunning() else { throw .postgres(.noWriter(location: conninfo)) }
        var outcome: PGCommandOutcome?
        let queued: Int64
        do {
            try conn.listen(PGStore.outcomesChannel)
            queued = try PGStore.submitOffice(document: document, summary: summary, basedOn: basedOn, as: actor.id, on: conn)
            outcome = try PGStore.waitForOutcome(of: queued, on: conn, timeout: writerTimeout)
            // Recorded, the deadlines of a large store still being recomputed: wait while the writer works (at most 30 times as long).
            var waits = 0
            while outcome?.outcome == "working" && waits < 30 {
                outcome = try PGStore.waitForOutcome(of: queued, on: conn, timeout: writerTimeout)
                waits += 1
            }
        } catch {
            throw .postgres(.database(detail: error.message))
        }
        switch outcome?.outcome {
        case "done":
            // "open N changed M"
            let words = (outcome?.message ?? "").split(separator: " ")
            let open = words.count == 4 ? Int(words[1]) ?? 0 : 0, changed = words.count == 4 ? Int(words[3]) ?? 0 : 0
            return .recorded(version: outcome?.version ?? 0, recompute: ComplaintStore.DeadlineRecompute(open: open, changed: changed))
        case "conflict":
            return .changedMeanwhile(current: outcome?.version ?? 0)
        case "refused", "not-found":
            throw .postgres(.writerRefused(detail: outcome?.message ?? "?"))
        default:
            throw .postgres(.writerSlow(command: queued, seconds: Int(writerTimeout)))
        }
    }
}
