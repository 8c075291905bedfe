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
    func settleOffice(details: String, basedOn: Int?, by actor: Actor, login: String) throws -> (String, String?, Int?) {
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
            let recompute = try recomputeDeadlines(context: next.context)
            return ("done", "open \(recompute.open) changed \(recompute.changed)", v)
        }
    }

    /// In the caller's transaction: every report's stored deadlines, auto-close time and figures
    /// computed again under `context` (each report replayed from its events), as the SQLite store
    /// does when the office's rules change (`ComplaintStore.recomputeDeadlines`).
    /// One replay per report: fine for an office's store, to be made a batch for a province's million.
    func recomputeDeadlines(context: WorkflowContext) throws -> ComplaintStore.DeadlineRecompute {
        let rows = try conn.query("""
            SELECT id, status, due_at, due_kind, due_key, auto_close_at, first_follow_up_wd, receipt_week FROM aduan.complaints ORDER BY id
            """)
        let closed: Set<Int64> = Set([Status.tunda, .selesai, .arsip].map(\.code))
        var open = 0, changed = 0
        for i in 0..<rows.rowCount {
            guard let id = rows.int64(i, "id") else { continue }
            var state: Complaint?
            for e in try events(of: id) { state = Workflow.evolve(state, e) }
            guard let c = state else { continue }
            if !closed.contains(rows.int64(i, "status") ?? -1) { open += 1 }
            let v = ProjectionValues.of(c, context: context)
            let now: [String?] = [v.due.map { String($0.dueAt.seconds) }, v.due?.kind.rawValue, String(v.due?.dueAt.seconds ?? ComplaintStore.noDeadlineKey),
                                  v.autoClose.map(String.init), v.firstFollowUpWorkingDays.map(String.init), String(v.receiptWeek)]
            let stored = ["due_at", "due_kind", "due_key", "auto_close_at", "first_follow_up_wd", "receipt_week"].map { rows.text(i, $0) }
            guard now != stored else { continue }
            changed += 1
            try conn.query("""
                UPDATE aduan.complaints SET due_at = $2, due_kind = $3, due_key = $4, auto_close_at = $5, first_follow_up_wd = $6, receipt_week = $7
                WHERE id = $1
                """, [.int(id), v.due.map { .int($0.dueAt.seconds) } ?? .null, v.due.map { .text($0.kind.rawValue) } ?? .null,
                      .int(v.due?.dueAt.seconds ?? ComplaintStore.noDeadlineKey), v.autoClose.map { .int($0) } ?? .null,
                      v.firstFollowUpWorkingDays.map { .int($0) } ?? .null, .int(v.receiptWeek)])
        }
        return ComplaintStore.DeadlineRecompute(open: open, changed: changed)
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
        let outcome: PGCommandOutcome?
        let queued: Int64
        do {
            try conn.listen(PGStore.outcomesChannel)
            queued = try PGStore.submitOffice(document: document, summary: summary, basedOn: basedOn, as: actor.id, on: conn)
            outcome = try PGStore.waitForOutcome(of: queued, on: conn, timeout: writerTimeout)
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
