import AduanCore

/// The supervisor's Tenggat view and dashboard on PostgreSQL without reading every report or event
/// (issue 14, session 8). At 100,000 reports the dashboard took 2.8 s: its escalation counts and
/// forwards were aggregates over every timeline form the role may read (`event_views`, one
/// row-level security check and one JSON parse per form, plus the planner's JIT compilation), its
/// holder × status cells a count of the scope's reports. Now:
///
/// - `aduan.event_counts(kind, agency, unit, key, n)`: recorded warnings and escalations per
///   step and holding unit (`escalate`; the mark's key with its timer instance's start as 0), forwards per agency out of it (`forward-out`: the
///   forwarding actor's agency) and into it (`forward-in`: the receiving agency), kept by
///   statement triggers on `aduan.events` in the appending transaction (the writer's, an import's
///   COPY), recounted by `aduan verify`. Escalation and forward events have no restricted form
///   (`needs_handling`, `needs_content` false), and the unit an escalation names held the report, an
///   agency a forward names held or received it: every event these rows count is one the roles
///   that may read the row may read (tested against the core for every login of the privacy
///   fixture). Operators read them under their own policy (`PGAccessSQL.eventCounted`): every
///   row province-wide, the agency's rows for an agency's hat, the escalations of its units for a
///   unit's (`InboxScope.includesFigures`; a unit reads no agency-wide forwards).
/// - The holder × status cells from `desk_counts` (PGDeskCounts.swift).
/// - Two partial indexes: the open reports with a recorded warning or escalation (the Tenggat view
///   decides each one's level from its state row with the core's `EscalationPolicy.level`, in one
///   statement, and reads only the rows it shows), and the open reports without a privacy decision.
///
/// The counters answer exactly only for a scope one of the login's hats covers (its own inbox or
/// part of it): a role asking for more (the program never does) is counted over the reports and
/// events as before, so the database still decides. Follow-ups (boilerplate shares) stay counted
/// over the forms the role may read: every follow-up form is restricted (content or handling), so
/// a counter cannot say which the role may read.
extension PGSchema {
    static let figureCountsVersion = 11

    static let figureCountsMigration = """
        -- The dashboard's escalation and forward counts, kept by statement triggers on events
        -- (PGFigureCounts.swift); partial indexes for the Tenggat view's escalated reports and the
        -- dashboard's reports without a privacy decision. Runs again unharmed (counted afresh).
        CREATE TABLE IF NOT EXISTS aduan.event_counts(
            kind text NOT NULL,
            agency text NOT NULL,
            unit text NOT NULL,
            key text NOT NULL,
            n bigint NOT NULL,
            PRIMARY KEY (kind, agency, unit, key)
        );
        REVOKE ALL ON aduan.event_counts FROM PUBLIC;
        ALTER TABLE aduan.event_counts ENABLE ROW LEVEL SECURITY;
        CREATE OR REPLACE FUNCTION aduan.event_count_keys(k text, afrom text, ato text, b text)
        RETURNS TABLE(kind text, agency text, unit text, key text)
        LANGUAGE sql IMMUTABLE AS $fn$
            -- The key without its timer instance (`EscalationMark.key`: kind@start/step): the
            -- core reads the level from the kind and step (ComplaintStore.escalationTotals).
            SELECT 'escalate', x ->> 'agency', coalesce(x ->> 'unit', ''), regexp_replace(x ->> 'key', '@[0-9]+/', '@0/')
                FROM (SELECT b::jsonb -> 'escalation' AS x) e
                WHERE k = 'escalate' AND x ->> 'agency' IS NOT NULL AND x ->> 'key' IS NOT NULL
            UNION ALL SELECT 'forward-out', afrom, '', '' WHERE k = 'forward' AND afrom IS NOT NULL
            UNION ALL SELECT 'forward-in', ato, '', '' WHERE k = 'forward' AND ato IS NOT NULL
        $fn$;
        -- As the store's owner whoever appends (the log takes events from the owner's writer
        -- and imports, but a role granted INSERT on events must not be stopped by the counters).
        CREATE OR REPLACE FUNCTION aduan.event_counts_keep() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                DELETE FROM aduan.event_counts;
            ELSIF TG_OP = 'INSERT' THEN
        \(keepEventCounts("added", sign: "count(*)"))
            ELSE
        \(keepEventCounts("removed", sign: "-count(*)"))
            END IF;
            RETURN NULL;
        END
        $fn$;
        DROP TRIGGER IF EXISTS events_counts_insert ON aduan.events;
        CREATE TRIGGER events_counts_insert AFTER INSERT ON aduan.events
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.event_counts_keep();
        DROP TRIGGER IF EXISTS events_counts_delete ON aduan.events;
        CREATE TRIGGER events_counts_delete AFTER DELETE ON aduan.events
            REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION aduan.event_counts_keep();
        DROP TRIGGER IF EXISTS events_counts_truncate ON aduan.events;
        CREATE TRIGGER events_counts_truncate AFTER TRUNCATE ON aduan.events
            FOR EACH STATEMENT EXECUTE FUNCTION aduan.event_counts_keep();
        DELETE FROM aduan.event_counts;
        INSERT INTO aduan.event_counts(kind, agency, unit, key, n)
        \(eventRecount);

        -- Each report's escalation level (EscalationPolicy.level, written with every projection;
        -- reports written before get theirs from PGSchema.backfillEscalationLevels), and the
        -- Tenggat view's open escalated reports per holder and level in deadline order.
        ALTER TABLE aduan.complaints ADD COLUMN IF NOT EXISTS escalation text;
        CREATE INDEX IF NOT EXISTS complaints_escalated ON aduan.complaints(holder_agency, holder_unit, escalation, due_key, id)
            WHERE \(PGOperatorStore.escalated(alias: ""));
        CREATE INDEX IF NOT EXISTS complaints_agency_escalated ON aduan.complaints(holder_agency, escalation, due_key, id)
            WHERE \(PGOperatorStore.escalated(alias: ""));
        -- The dashboard's open reports without a privacy decision (PGFigures.figures).
        CREATE INDEX IF NOT EXISTS complaints_undecided ON aduan.complaints(holder_agency, holder_unit, id)
            WHERE \(PGFigures.undecided(alias: ""));

        -- The deadline groups' counters per holder and day, the weekly figures' per holder and
        -- week (PGDueCounts.swift).
        \(dueCountsMigration)
        \(weekCountsMigration)

        -- The follow-up forms with their report's access columns (PGFollowUpForms.swift).
        \(followUpFormsMigration)
        """

    /// The trigger's upsert of the counters for the events in `table`, `sign` per key.
    static func keepEventCounts(_ table: String, sign: String) -> String {
        """
                INSERT INTO aduan.event_counts AS d(kind, agency, unit, key, n)
                SELECT k.kind, k.agency, k.unit, k.key, \(sign) FROM \(table) e
                CROSS JOIN LATERAL aduan.event_count_keys(e.kind, e.agency_from, e.agency_to, e.body) k
                WHERE e.kind IN ('escalate', 'forward')
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                ON CONFLICT (kind, agency, unit, key) DO UPDATE SET n = d.n + excluded.n;
        """
    }

    /// The event counters as a count of the events (the migration's fill; `verify` compares).
    static let eventRecount = """
        SELECT k.kind, k.agency, k.unit, k.key, count(*)
        FROM aduan.events e CROSS JOIN LATERAL aduan.event_count_keys(e.kind, e.agency_from, e.agency_to, e.body) k
        WHERE e.kind IN ('escalate', 'forward')
        GROUP BY 1, 2, 3, 4
        """

    /// How many event counters differ from a count of the events (`verify`; 0 when whole).
    static func eventCountersDiffering(_ conn: PGConnection) throws -> Int64 {
        try conn.query("""
            SELECT count(*) AS n FROM ((SELECT kind, agency, unit, key, n FROM aduan.event_counts WHERE n <> 0 EXCEPT \(eventRecount))
                                       UNION ALL (\(eventRecount) EXCEPT SELECT kind, agency, unit, key, n FROM aduan.event_counts)) x
            """).int64(0, "n") ?? 0
    }
}

extension PGAccessSQL {
    /// The event counters (`event_counts` row `alias`) a hat of scope `s` may read: every row
    /// province-wide; its agency's rows (escalations of its units, its forwards) for an agency;
    /// the escalations of its units for a unit or subtree (`InboxScope.includesFigures`).
    public static func eventCounted(_ s: InboxScope, alias e: String = "event_counts") -> String {
        switch s {
        case .everything:
            return "true"
        case .agency(let a):
            return "\(e).agency = \(lit(a))"
        case .unit(let a, let u, _), .subtree(let a, let u, _, _):
            if u.isEmpty { return "false" }
            return "(\(e).kind = 'escalate' AND \(e).agency = \(lit(a)) AND \(e).unit IN (\(s.units.map(lit).joined(separator: ", "))))"
        }
    }
}

extension InboxScope {
    /// True when what `self` holds (and its figure rows) lies within what `hat` holds: the
    /// counters a hat's policy lets its login read then answer for `self` exactly.
    public func lies(within hat: InboxScope) -> Bool {
        switch (hat, self) {
        case (.everything, _): return true
        case (.agency(let a), _): return self.agency == a
        case (.unit, .unit), (.unit, .subtree), (.subtree, .unit), (.subtree, .subtree):
            guard hat.agency == self.agency, hat.unit?.isEmpty == false, self.unit?.isEmpty == false else { return false }
            let mine = Set(hat.units)
            return self.units.allSatisfy(mine.contains) && (self.unit == hat.unit || !self.copies)
        default: return false
        }
    }

    /// Copies of its unit count as held (unit scopes only).
    var copies: Bool {
        switch self {
        case .unit(_, _, let c), .subtree(_, _, _, let c): return c
        default: return false
        }
    }
}

extension PGOperatorStore {
    /// The open reports with an escalation level (`complaints.escalation`).
    static let escalatedSQL = escalated(alias: "c.")

    /// `escalatedSQL` over the row of `alias` ("" in the index's predicate).
    static func escalated(alias a: String) -> String {
        let open = [Status.belumTerverifikasi, .belumDitindaklanjuti, .proses].map { String($0.code) }.joined(separator: ",")
        return "\(a)escalation IS NOT NULL AND \(a)status IN (\(open))"
    }

    /// The scopes of the login's hats: set by whoever knows the operators, else read once from the
    /// office the store keeps (none known: every figure is counted over the reports and events).
    func hatScopes() -> [InboxScope] {
        if let known = loginScopes { return known }
        var scopes: [InboxScope] = []
        if let office = try? PGStore.office(on: conn), case .success(let config) = OfficeDocument.parse(office.document, version: office.version) {
            scopes = config.operators.filter { $0.logins.contains(login) }.map { Access.inboxScope(of: $0) }
        }
        loginScopes = scopes
        return scopes
    }

    /// True when the counters this login reads answer for `scope` exactly.
    func countersCover(_ scope: InboxScope) -> Bool {
        hatScopes().contains { scope.lies(within: $0) }
    }

    /// The event counters' rows of `kind` this login reads, as (agency, unit, key, n).
    func eventCounters(_ kind: String) throws -> [(agency: String, unit: String, key: String, n: Int)] {
        let r = try conn.query("SELECT agency, unit, key, sum(n) AS n FROM aduan.event_counts WHERE kind = $1 GROUP BY 1, 2, 3", [.text(kind)])
        return (0..<r.rowCount).map { i in (r.text(i, "agency") ?? "", r.text(i, "unit") ?? "", r.text(i, "key") ?? "", Int(r.int64(i, "n") ?? 0)) }
    }

    /// The dashboard's warnings and escalations within `scope` from the counters; nil when they do
    /// not answer for it (a scope no hat covers, or a store whose owner has not granted them yet).
    func escalationCountsFromCounters(_ scope: InboxScope) throws(StoreError) -> [(target: EscalationTarget, agency: String, unit: String?, count: Int)]? {
        guard countersCover(scope) else { return nil }
        do {
            let rows = try eventCounters("escalate").filter { scope.includesFigures(agency: $0.agency, unit: $0.unit.isEmpty ? nil : $0.unit) }
            return ComplaintStore.escalationTotals(rows.map { (key: $0.key, agency: $0.agency, unit: $0.unit.isEmpty ? nil : $0.unit, count: $0.n) })
        } catch let e as PostgresError where e.isPermissionDenied {
            return nil
        } catch {
            throw .postgres(.database(detail: "\(error)"))
        }
    }

    /// The figures within `scope` (`DeskStore.workflowFigures`): escalations from the counters
    /// where they answer, follow-ups over the forms the role may read.
    public func workflowFigures(_ scope: InboxScope) throws(StoreError) -> WorkflowFigures {
        var escalations = try escalationCountsFromCounters(scope)
        if escalations == nil { escalations = try escalationCounts().filter { scope.includesFigures(agency: $0.agency, unit: $0.unit) } }
        return WorkflowFigures(escalations: escalations ?? [],
                               boilerplate: try boilerplateShares().filter { scope.includesFigures(agency: $0.agency, unit: $0.unit) })
    }
}

extension PGOperatorStore {
    /// The dashboard's holder × status cells of what a scope holds, copies left out, from
    /// `desk_counts` (in the order the count of the reports gives them); nil for a liaison
    /// without a unit (it holds nothing).
    static func heldCells(_ scope: InboxScope) -> (sql: String, values: [PGValue])? {
        let select = "SELECT agency, unit, status, sum(n) AS n FROM aduan.desk_counts WHERE copied_to = ''"
        let order = "GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY agency COLLATE \"C\", unit COLLATE \"C\", status"
        switch scope {
        case .everything:
            return ("\(select) \(order)", [])
        case .agency(let a):
            return ("\(select) AND agency = $1 \(order)", [.text(a)])
        case .unit(let a, let u, _), .subtree(let a, let u, _, _):
            if u.isEmpty { return ("SELECT '' AS agency, '' AS unit, 0 AS status, 0 AS n WHERE false", []) }
            return ("\(select) AND agency = $1 AND unit = ANY($2::text[]) \(order)", [.text(a), .text(PGStore.arrayLiteral(scope.units))])
        }
    }
}

extension PGSchema {
    /// Migration 11 on a store written before: the escalation level of every report with a
    /// recorded mark, from its state row by the core (`EscalationPolicy.level` reads the marks and
    /// the running timers, which the state keeps), in pages of 1,000, in the migration's
    /// transaction. Without the office's context (no caller opens a store so) nothing is filled
    /// and `aduan verify` names the rows.
    static func backfillEscalationLevels(_ conn: PGConnection, context: WorkflowContext?) throws {
        guard let context else { return }
        var after: Int64 = 0
        while true {
            let r = try conn.query("""
                SELECT id, tracking_id, channel, classification, category, priority, anonymous, confidential, privacy_decided,
                       status, holder_agency, holder_unit, intake_agency, received_at, updated_at, updated_by, version, rating, state
                FROM aduan.complaints WHERE id > $1 AND strpos(state, '"es":[') > 0 ORDER BY id LIMIT 1000
                """, [.int(after)])
            if r.rowCount == 0 { return }
            var ids: [String] = [], levels: [String?] = []
            for i in 0..<r.rowCount {
                guard let id = r.int64(i, "id") else { continue }
                after = id
                let c = try PGStore.complaint(row: i, of: r, id: id, texts: ["", "", ""], reporter: nil)
                guard let level = PGStore.escalationLevel(c, context: context) else { continue }
                ids.append(String(id))
                levels.append(level.rawValue)
            }
            if !ids.isEmpty {
                try conn.query("UPDATE aduan.complaints c SET escalation = u.l FROM unnest($1::bigint[], $2::text[]) AS u(id, l) WHERE c.id = u.id",
                               [.text("{" + ids.joined(separator: ",") + "}"), .text(PGStore.nullableArrayLiteral(levels))])
            }
        }
    }
}
