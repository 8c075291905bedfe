import AduanCore

/// The deadline groups (Tenggat view, dashboard, `aduan report`) on PostgreSQL without reading
/// every overdue report (issue 14, session 8): at 100,000 reports an agency's groups read 8,800
/// rows under row-level security (28-95 ms) at every reload.
///
/// `aduan.due_counts(agency, unit, day, work, n)` counts each holder's reports whose running
/// deadline (`due_key`) falls on a day (`due_key / 86400`, whole days of the epoch), `work` when
/// the deadline is an operator's (`DeadlineKind.operatorWork`). Kept by statement triggers on
/// `complaints` (as `desk_counts`), recounted by `aduan verify`, read under each login's policy
/// (`PGAccessSQL.dueCounted`: the holders its hats hold for). A group at `now` is then
/// - overdue: the counters of the days before today, plus the reports due today before `now`;
/// - due soon: the operator's deadlines from `now` to the due-soon cutoff;
/// - the longest overdue: the earliest deadline of the earliest counted day;
/// where "today" and the window up to the cutoff (a few days' deadlines) are read as rows, over the
/// deadline indexes: three statements whatever the number of reports.
extension PGSchema {
    static let dueCountsMigration = """
        CREATE TABLE IF NOT EXISTS aduan.due_counts(
            agency text NOT NULL,
            unit text NOT NULL,
            day bigint NOT NULL,
            work boolean NOT NULL,
            n bigint NOT NULL,
            PRIMARY KEY (agency, unit, day, work)
        );
        REVOKE ALL ON aduan.due_counts FROM PUBLIC;
        ALTER TABLE aduan.due_counts ENABLE ROW LEVEL SECURITY;
        CREATE OR REPLACE FUNCTION aduan.due_counts_keep() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                DELETE FROM aduan.due_counts;
            ELSIF TG_OP = 'INSERT' THEN
        \(keepDueCounts("(SELECT a.*, 1 AS sign FROM added a)"))
            ELSIF TG_OP = 'UPDATE' THEN
        \(keepDueCounts("(SELECT a.*, 1 AS sign FROM added a UNION ALL SELECT o.*, -1 FROM removed o)"))
            ELSE
        \(keepDueCounts("(SELECT o.*, -1 AS sign FROM removed o)"))
            END IF;
            RETURN NULL;
        END
        $fn$;
        DROP TRIGGER IF EXISTS complaints_due_insert ON aduan.complaints;
        CREATE TRIGGER complaints_due_insert AFTER INSERT ON aduan.complaints
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.due_counts_keep();
        DROP TRIGGER IF EXISTS complaints_due_update ON aduan.complaints;
        CREATE TRIGGER complaints_due_update AFTER UPDATE ON aduan.complaints
            REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.due_counts_keep();
        DROP TRIGGER IF EXISTS complaints_due_delete ON aduan.complaints;
        CREATE TRIGGER complaints_due_delete AFTER DELETE ON aduan.complaints
            REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION aduan.due_counts_keep();
        DROP TRIGGER IF EXISTS complaints_due_truncate ON aduan.complaints;
        CREATE TRIGGER complaints_due_truncate AFTER TRUNCATE ON aduan.complaints
            FOR EACH STATEMENT EXECUTE FUNCTION aduan.due_counts_keep();
        DELETE FROM aduan.due_counts;
        INSERT INTO aduan.due_counts(agency, unit, day, work, n)
        \(dueRecount);
        """

    static let workSQL = FilterSQL.operatorWorkSQL.replacingAll("c.", with: "r.")

    static func keepDueCounts(_ changes: String) -> String {
        """
                INSERT INTO aduan.due_counts AS d(agency, unit, day, work, n)
                SELECT r.holder_agency, coalesce(r.holder_unit, ''), r.due_key / 86400, coalesce(\(workSQL), false), sum(r.sign) FROM \(changes) r
                WHERE r.due_key < \(ComplaintStore.noDeadlineKey)
                GROUP BY 1, 2, 3, 4 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3, 4
                ON CONFLICT (agency, unit, day, work) DO UPDATE SET n = d.n + excluded.n;
        """
    }

    /// The deadline counters as a count of the reports.
    static let dueRecount = """
        SELECT r.holder_agency, coalesce(r.holder_unit, ''), r.due_key / 86400, coalesce(\(workSQL), false), count(*)
        FROM aduan.complaints r WHERE r.due_key < \(ComplaintStore.noDeadlineKey) GROUP BY 1, 2, 3, 4
        """

    /// How many deadline counters differ from a count of the reports (`verify`; 0 when whole).
    static func dueCountersDiffering(_ conn: PGConnection) throws -> Int64 {
        try conn.query("""
            SELECT count(*) AS n FROM ((SELECT agency, unit, day, work, n FROM aduan.due_counts WHERE n <> 0 EXCEPT \(dueRecount))
                                       UNION ALL (\(dueRecount) EXCEPT SELECT agency, unit, day, work, n FROM aduan.due_counts)) x
            """).int64(0, "n") ?? 0
    }
}

extension PGAccessSQL {
    /// The deadline counters (`due_counts` row `alias`) of the holders a hat of scope `s` holds for.
    public static func dueCounted(_ s: InboxScope, alias d: String = "due_counts") -> String {
        switch s {
        case .everything:
            return "true"
        case .agency(let a):
            return "\(d).agency = \(lit(a))"
        case .unit(let a, let u, _), .subtree(let a, let u, _, _):
            if u.isEmpty { return "false" }
            return "(\(d).agency = \(lit(a)) AND \(d).unit IN (\(s.units.map(lit).joined(separator: ", "))))"
        }
    }
}

extension PGFigures {
    /// The deadline groups of what `scope` holds (copies left out) from `due_counts` and the rows
    /// due from today to the cutoff; nil for a liaison without a unit's... never: such a scope holds
    /// nothing and gets no group.
    static func deadlineGroupsFromCounters(_ scope: InboxScope, now: Timestamp, cutoff: Timestamp, on conn: PGConnection) throws -> [DeadlineGroup] {
        let today = now.seconds / 86400
        var filter = "true"
        var values: [PGValue] = []
        switch scope {
        case .everything: break
        case .agency(let a):
            filter = "agency = $2"
            values = [.text(a)]
        case .unit(let a, let u, _), .subtree(let a, let u, _, _):
            if u.isEmpty { return [] }
            filter = "agency = $2 AND unit = ANY($3::text[])"
            values = [.text(a), .text(PGStore.arrayLiteral(scope.units))]
        }
        struct Part { var overdue = 0, dueSoon = 0, oldest: Int64?, oldestDay: Int64? }
        var parts: [Holder: Part] = [:]
        // The days before today: all overdue.
        let q1 = try conn.query("""
            SELECT agency, unit, sum(n) AS n, min(day) FILTER (WHERE n > 0) AS first FROM aduan.due_counts
            WHERE day < $1 AND \(filter) GROUP BY 1, 2
            """, [.int(today)] + values)
        for i in 0..<q1.rowCount {
            let n = Int(q1.int64(i, "n") ?? 0)
            guard n > 0 else { continue }
            parts[holder(q1, i), default: Part()].overdue += n
            parts[holder(q1, i), default: Part()].oldestDay = q1.int64(i, "first")
        }
        // Today and the days up to the cutoff, as rows (a few days' deadlines).
        let held = ScopeSQL(scope, dialect: PostgreSQLDialect()).held
        let s = statement("""
            SELECT c.holder_agency AS agency, coalesce(c.holder_unit, '') AS unit, count(*) FILTER (WHERE c.due_key < ?) AS overdue,
                   count(*) FILTER (WHERE c.due_key >= ?) AS soon, min(c.due_key) AS oldest
            FROM aduan.complaints c
            WHERE ({}) AND c.due_key >= ? AND c.due_key <= ? AND (c.due_key < ? OR \(FilterSQL.operatorWorkSQL))
            GROUP BY 1, 2
            """, held, before: [.int(now.seconds), .int(now.seconds)], after: [.int(today * 86400), .int(cutoff.seconds), .int(now.seconds)])
        let q2 = try conn.query(s.sql, s.values)
        for i in 0..<q2.rowCount {
            var p = parts[holder(q2, i), default: Part()]
            p.overdue += Int(q2.int64(i, "overdue") ?? 0)
            p.dueSoon += Int(q2.int64(i, "soon") ?? 0)
            p.oldest = q2.int64(i, "oldest")
            parts[holder(q2, i)] = p
        }
        // The longest overdue: the earliest deadline of each holder's earliest counted day.
        let early = parts.filter { $0.value.oldestDay != nil }
        if !early.isEmpty {
            let keys = Array(early.keys)
            let q3 = try conn.query("""
                SELECT h.a AS agency, h.u AS unit, (SELECT min(c.due_key) FROM aduan.complaints c WHERE c.holder_agency = h.a
                    AND coalesce(c.holder_unit, '') = h.u AND c.due_key >= h.d * 86400 AND c.due_key < (h.d + 1) * 86400) AS oldest
                FROM unnest($1::text[], $2::text[], $3::bigint[]) AS h(a, u, d)
                """, [.text(PGStore.arrayLiteral(keys.map(\.agency))), .text(PGStore.arrayLiteral(keys.map { $0.unit ?? "" })),
                      .text("{" + keys.map { String(early[$0]!.oldestDay!) }.joined(separator: ",") + "}")])
            for i in 0..<q3.rowCount { parts[holder(q3, i)]?.oldest = q3.int64(i, "oldest") }
        }
        let groups = parts.compactMap { h, p -> DeadlineGroup? in
            guard p.overdue + p.dueSoon > 0 else { return nil }
            return DeadlineGroup(holder: h, overdue: p.overdue, dueSoon: p.dueSoon, oldestDue: Timestamp(seconds: p.oldest ?? 0))
        }
        return groups.sorted { (-$0.overdue, $0.oldestDue, $0.holder.description) < (-$1.overdue, $1.oldestDue, $1.holder.description) }
    }
}

/// The dashboard's weekly figures (received per week, the first follow-up's working days) from
/// `aduan.week_counts(agency, unit, week, wd, n)`: reports per holder, receipt week and working
/// days to the first follow-up (-1 before it), kept and read like `due_counts` (the same policy:
/// the holders a login's hats hold for). Counting the scope's reports took 60–85 ms each at 100,000.
extension PGSchema {
    static let weekCountsMigration = """
        CREATE TABLE IF NOT EXISTS aduan.week_counts(
            agency text NOT NULL,
            unit text NOT NULL,
            week bigint NOT NULL,
            wd bigint NOT NULL,
            n bigint NOT NULL,
            PRIMARY KEY (agency, unit, week, wd)
        );
        REVOKE ALL ON aduan.week_counts FROM PUBLIC;
        ALTER TABLE aduan.week_counts ENABLE ROW LEVEL SECURITY;
        CREATE OR REPLACE FUNCTION aduan.week_counts_keep() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                DELETE FROM aduan.week_counts;
            ELSIF TG_OP = 'INSERT' THEN
        \(keepWeekCounts("(SELECT a.*, 1 AS sign FROM added a)"))
            ELSIF TG_OP = 'UPDATE' THEN
        \(keepWeekCounts("(SELECT a.*, 1 AS sign FROM added a UNION ALL SELECT o.*, -1 FROM removed o)"))
            ELSE
        \(keepWeekCounts("(SELECT o.*, -1 AS sign FROM removed o)"))
            END IF;
            RETURN NULL;
        END
        $fn$;
        DROP TRIGGER IF EXISTS complaints_week_insert ON aduan.complaints;
        CREATE TRIGGER complaints_week_insert AFTER INSERT ON aduan.complaints
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.week_counts_keep();
        DROP TRIGGER IF EXISTS complaints_week_update ON aduan.complaints;
        CREATE TRIGGER complaints_week_update AFTER UPDATE ON aduan.complaints
            REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.week_counts_keep();
        DROP TRIGGER IF EXISTS complaints_week_delete ON aduan.complaints;
        CREATE TRIGGER complaints_week_delete AFTER DELETE ON aduan.complaints
            REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION aduan.week_counts_keep();
        DROP TRIGGER IF EXISTS complaints_week_truncate ON aduan.complaints;
        CREATE TRIGGER complaints_week_truncate AFTER TRUNCATE ON aduan.complaints
            FOR EACH STATEMENT EXECUTE FUNCTION aduan.week_counts_keep();
        DELETE FROM aduan.week_counts;
        INSERT INTO aduan.week_counts(agency, unit, week, wd, n)
        \(weekRecount);
        """

    static func keepWeekCounts(_ changes: String) -> String {
        """
                INSERT INTO aduan.week_counts AS d(agency, unit, week, wd, n)
                SELECT r.holder_agency, coalesce(r.holder_unit, ''), r.receipt_week, coalesce(r.first_follow_up_wd, -1), sum(r.sign) FROM \(changes) r
                GROUP BY 1, 2, 3, 4 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3, 4
                ON CONFLICT (agency, unit, week, wd) DO UPDATE SET n = d.n + excluded.n;
        """
    }

    static let weekRecount = """
        SELECT r.holder_agency, coalesce(r.holder_unit, ''), r.receipt_week::bigint, coalesce(r.first_follow_up_wd, -1)::bigint, count(*)
        FROM aduan.complaints r GROUP BY 1, 2, 3, 4
        """

    static func weekCountersDiffering(_ conn: PGConnection) throws -> Int64 {
        try conn.query("""
            SELECT count(*) AS n FROM ((SELECT agency, unit, week, wd, n FROM aduan.week_counts WHERE n <> 0 EXCEPT \(weekRecount))
                                       UNION ALL (\(weekRecount) EXCEPT SELECT agency, unit, week, wd, n FROM aduan.week_counts)) x
            """).int64(0, "n") ?? 0
    }
}

extension PGFigures {
    /// The holder filter over `due_counts` / `week_counts` for what `scope` holds (copies left
    /// out), its values numbered from `$first`; nil for a liaison without a unit (holds nothing).
    static func heldCounters(_ scope: InboxScope, first: Int) -> (sql: String, values: [PGValue])? {
        switch scope {
        case .everything: return ("true", [])
        case .agency(let a): return ("agency = $\(first)", [.text(a)])
        case .unit(let a, let u, _), .subtree(let a, let u, _, _):
            if u.isEmpty { return nil }
            return ("agency = $\(first) AND unit = ANY($\(first + 1)::text[])", [.text(a), .text(PGStore.arrayLiteral(scope.units))])
        }
    }

    /// The first follow-up histogram and the received count per week of the weeks from
    /// `firstMonday`, from `week_counts`.
    static func weeksFromCounters(_ scope: InboxScope, firstMonday: Int, on conn: PGConnection) throws
        -> (histogram: [(value: Int64, n: Int)], perWeek: [Int: Int]) {
        guard let held = heldCounters(scope, first: 2) else { return ([], [:]) }
        let r = try conn.query("""
            SELECT week, wd, sum(n) AS n FROM aduan.week_counts WHERE week >= $1 AND \(held.sql) GROUP BY 1, 2 HAVING sum(n) <> 0
            """, [.int(Int64(firstMonday))] + held.values)
        var byWD: [Int64: Int] = [:], perWeek: [Int: Int] = [:]
        for i in 0..<r.rowCount {
            let n = Int(r.int64(i, "n") ?? 0), wd = r.int64(i, "wd") ?? -1
            perWeek[Int(r.int64(i, "week") ?? 0), default: 0] += n
            if wd >= 0 { byWD[wd, default: 0] += n }
        }
        return (byWD.sorted { $0.key < $1.key }.map { (value: $0.key, n: $0.value) }, perWeek)
    }
}
