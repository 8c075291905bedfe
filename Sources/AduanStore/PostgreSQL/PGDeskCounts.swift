import AduanCore

/// The screen's counts on PostgreSQL without reading the reports (issue 14): the status tabs
/// and the status line were `count(*)` over `aduan.complaints` under row-level security, which
/// reads every report the scope holds (an agency's whole share, the whole table for a
/// province-wide role) at every reload of the screen.
///
/// `aduan.desk_counts` holds, per status, how many reports each holder (agency, unit; '' for an
/// agency's undisposed reports) holds (`copied_to` = ''), and how many reports copied to a unit
/// each holder holds (`copied_to` = that unit). Triggers on `complaints` keep it, one statement
/// per changed statement (a COPY of an import adds its whole batch at once), in the same
/// transaction as the change, so it is exact whoever writes (the writer, an import, a
/// migration). A scope's tabs are then a few keyed rows: what its holders hold, plus (with copies)
/// what is copied to its unit and held by no unit of its own, which is exactly `holdsNow`: each
/// report has one holder, and the copy rows of one unit name each copied report once, so nothing
/// is counted twice, also for a subtree or a login with several hats (the desk asks for one hat's
/// scope). Operators read it under row-level security (`PGAccessSQL.counted`: the rows of what
/// their hats hold or are copied on).
///
/// The Diteruskan tab's count comes from `aduan.forward_counts`, kept by the same triggers
/// (`aduan.forward_keys` names a report's keys): exact for an agency, a unit and province-wide;
/// a subtree's is still counted over the reports (a report held by two of its units would be
/// counted twice by per-unit counters, and the unit tree lives in the office, not in SQL).
///
/// The awaiting-approval count (status line, tab) reads the drafter from the row's state
/// (`PostgreSQLDialect.draftedBy`); a partial index over the reports where a draft waits makes
/// that count read only those rows.
extension PGSchema {
    static let deskCountsVersion = 7

    static let deskCountsMigration = """
        -- The status tabs' counts per holder and per copied unit (PGDeskCounts.swift), kept by
        -- statement triggers on complaints; and the reports with a draft awaiting approval.
        -- Runs again unharmed (the counters are counted afresh).
        CREATE TABLE IF NOT EXISTS aduan.desk_counts(
            copied_to text NOT NULL,
            agency text NOT NULL,
            unit text NOT NULL,
            status integer NOT NULL,
            n bigint NOT NULL,
            PRIMARY KEY (copied_to, agency, unit, status)
        );
        REVOKE ALL ON aduan.desk_counts FROM PUBLIC;
        ALTER TABLE aduan.desk_counts ENABLE ROW LEVEL SECURITY;

        -- The Diteruskan tab's counts: reports an agency (unit '', copied false), a unit of it
        -- (copied false: it held the report; copied true: it was copied on it and never held it)
        -- received or held and its agency holds no longer; agency '' counts the reports any
        -- agency passed away (the province-wide tab).
        CREATE TABLE IF NOT EXISTS aduan.forward_counts(
            agency text NOT NULL,
            unit text NOT NULL,
            copied boolean NOT NULL,
            n bigint NOT NULL,
            PRIMARY KEY (agency, unit, copied)
        );
        REVOKE ALL ON aduan.forward_counts FROM PUBLIC;
        ALTER TABLE aduan.forward_counts ENABLE ROW LEVEL SECURITY;
        CREATE OR REPLACE FUNCTION aduan.forward_keys(held_agencies text[], held_units text[], cc_units text[], holder text)
        RETURNS TABLE(agency text, unit text, copied boolean)
        LANGUAGE sql IMMUTABLE AS $fn$
            SELECT '', '', false WHERE EXISTS (SELECT 1 FROM unnest(held_agencies) h WHERE h <> holder)
            UNION SELECT h, '', false FROM unnest(held_agencies) h WHERE h <> holder
            UNION SELECT split_part(k, chr(31), 1), split_part(k, chr(31), 2), false FROM unnest(held_units) k
                  WHERE split_part(k, chr(31), 1) <> holder AND split_part(k, chr(31), 1) = ANY(held_agencies)
            UNION SELECT h, u, true FROM unnest(held_agencies) h, unnest(cc_units) u
                  WHERE h <> holder AND NOT (h || chr(31) || u) = ANY(held_units)
        $fn$;

        CREATE OR REPLACE FUNCTION aduan.desk_counts_keep() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                DELETE FROM aduan.desk_counts;
                DELETE FROM aduan.forward_counts;
            ELSIF TG_OP = 'INSERT' THEN
        \(keep("(SELECT a.*, 1 AS sign FROM added a)"))
            ELSIF TG_OP = 'UPDATE' THEN
        \(keep("(SELECT a.*, 1 AS sign FROM added a UNION ALL SELECT o.*, -1 FROM removed o)"))
            ELSE
        \(keep("(SELECT o.*, -1 AS sign FROM removed o)"))
            END IF;
            RETURN NULL;
        END
        $fn$;
        DROP TRIGGER IF EXISTS complaints_counts_insert ON aduan.complaints;
        CREATE TRIGGER complaints_counts_insert AFTER INSERT ON aduan.complaints
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.desk_counts_keep();
        DROP TRIGGER IF EXISTS complaints_counts_update ON aduan.complaints;
        CREATE TRIGGER complaints_counts_update AFTER UPDATE ON aduan.complaints
            REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.desk_counts_keep();
        DROP TRIGGER IF EXISTS complaints_counts_delete ON aduan.complaints;
        CREATE TRIGGER complaints_counts_delete AFTER DELETE ON aduan.complaints
            REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION aduan.desk_counts_keep();
        DROP TRIGGER IF EXISTS complaints_counts_truncate ON aduan.complaints;
        CREATE TRIGGER complaints_counts_truncate AFTER TRUNCATE ON aduan.complaints
            FOR EACH STATEMENT EXECUTE FUNCTION aduan.desk_counts_keep();
        DELETE FROM aduan.desk_counts;
        INSERT INTO aduan.desk_counts(copied_to, agency, unit, status, n)
        \(recount);
        DELETE FROM aduan.forward_counts;
        INSERT INTO aduan.forward_counts(agency, unit, copied, n)
        \(forwardRecount);

        -- The awaiting-approval count's rows: the expression is PostgreSQLDialect.draftedBy's.
        CREATE INDEX IF NOT EXISTS complaints_awaiting_approval ON aduan.complaints(holder_agency, holder_unit)
            WHERE ((state::jsonb)->'pd'->>2) IS NOT NULL;
        -- Without statistics on the drafter the planner takes most reports for drafts (88,000 of
        -- 100,000 where 144 wait) and starts parallel workers; expression statistics: 14+.
        DO $do$
        BEGIN
            IF current_setting('server_version_num')::int >= 140000 THEN
                EXECUTE 'CREATE STATISTICS IF NOT EXISTS aduan.complaints_drafted ON ((state::jsonb)->''pd''->>2) FROM aduan.complaints';
            END IF;
        END
        $do$;
        """

    /// The trigger's two statements for the changed rows `changes` (each with its `sign`: +1 as
    /// it is now, -1 as it was): one keyed upsert per counter that moved, in key order (two
    /// writers' statements lock the counters in the same order). Only reports copied to a unit
    /// are unnested for copies, and only reports some agency passed away for the Diteruskan keys
    /// (`forward_keys`, inlined), so an import's COPY pays little for its many fresh reports.
    static func keep(_ changes: String) -> String {
        """
                INSERT INTO aduan.desk_counts AS d(copied_to, agency, unit, status, n)
                SELECT copied_to, agency, unit, status, sum(sign) FROM (
                    SELECT '' AS copied_to, r.holder_agency AS agency, coalesce(r.holder_unit, '') AS unit, r.status, r.sign FROM \(changes) r
                    UNION ALL
                    SELECT u.copied_to, r.holder_agency, coalesce(r.holder_unit, ''), r.status, r.sign
                    FROM \(changes) r CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(r.cc_units) x) u(copied_to)
                    WHERE cardinality(r.cc_units) > 0
                ) x
                GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
                ON CONFLICT (copied_to, agency, unit, status) DO UPDATE SET n = d.n + excluded.n;
                INSERT INTO aduan.forward_counts AS d(agency, unit, copied, n)
                SELECT f.agency, f.unit, f.copied, sum(r.sign) FROM \(changes) r
                CROSS JOIN LATERAL aduan.forward_keys(r.held_agencies, r.held_units, r.cc_units, r.holder_agency) f
                WHERE NOT (r.held_agencies <@ ARRAY[r.holder_agency])
                GROUP BY 1, 2, 3 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3
                ON CONFLICT (agency, unit, copied) DO UPDATE SET n = d.n + excluded.n;
        """
    }

    /// The counters as a count of the reports (the migration's first fill; `verify` compares).
    static let recount = """
        SELECT k.copied_to, c.holder_agency, coalesce(c.holder_unit, ''), c.status, count(*)
        FROM aduan.complaints c CROSS JOIN LATERAL (SELECT '' UNION SELECT unnest(c.cc_units)) k(copied_to)
        GROUP BY 1, 2, 3, 4
        """
}

extension PGSchema {
    /// The Diteruskan counters as a count of the reports.
    static let forwardRecount = """
        SELECT f.agency, f.unit, f.copied, count(*)
        FROM aduan.complaints c CROSS JOIN LATERAL aduan.forward_keys(c.held_agencies, c.held_units, c.cc_units, c.holder_agency) f
        GROUP BY 1, 2, 3
        """

    /// How many counters differ from a count of the reports (`verify`; 0 when whole).
    static func countersDiffering(_ conn: PGConnection) throws -> Int64 {
        try conn.query("""
            SELECT (SELECT count(*) FROM ((SELECT copied_to, agency, unit, status, n FROM aduan.desk_counts WHERE n <> 0 EXCEPT \(recount))
                                          UNION ALL (\(recount) EXCEPT SELECT copied_to, agency, unit, status, n FROM aduan.desk_counts)) x)
                 + (SELECT count(*) FROM ((SELECT agency, unit, copied, n FROM aduan.forward_counts WHERE n <> 0 EXCEPT \(forwardRecount))
                                          UNION ALL (\(forwardRecount) EXCEPT SELECT agency, unit, copied, n FROM aduan.forward_counts)) y) AS n
            """).int64(0, "n") ?? 0
    }
}

extension PGOperatorStore {
    /// The Diteruskan tab from `forward_counts`: for an agency, what it passed away; for a unit,
    /// what it held or (with copies) was copied on and its agency passed away; province-wide,
    /// what any agency passed away. Nil for a subtree (a report its units held one after the
    /// other would be counted once per unit: it is counted over the reports instead).
    static func forwardedCounters(_ scope: InboxScope) -> (sql: String, values: [PGValue])? {
        switch scope {
        case .everything:
            return ("SELECT coalesce(sum(n), 0) AS n FROM aduan.forward_counts WHERE agency = '' AND unit = '' AND NOT copied", [])
        case .agency(let a):
            return ("SELECT coalesce(sum(n), 0) AS n FROM aduan.forward_counts WHERE agency = $1 AND unit = '' AND NOT copied", [.text(a)])
        case .unit(let a, let u, let copies):
            if u.isEmpty { return ("SELECT 0 AS n", []) }
            return ("SELECT coalesce(sum(n), 0) AS n FROM aduan.forward_counts WHERE agency = $1 AND unit = $2\(copies ? "" : " AND NOT copied")",
                    [.text(a), .text(u)])
        case .subtree:
            return nil
        }
    }

    /// The status tabs of what a scope holds now (`InboxScope.holdsNow`), from `desk_counts`:
    /// what its holders hold, plus, with copies, what is copied to its unit and held by none of
    /// its units. A liaison without a unit holds nothing.
    static func heldStatusCounts(_ scope: InboxScope) -> (sql: String, values: [PGValue])? {
        switch scope {
        case .everything:
            return ("SELECT status, sum(n) AS n FROM aduan.desk_counts WHERE copied_to = '' GROUP BY status", [])
        case .agency(let a):
            return ("SELECT status, sum(n) AS n FROM aduan.desk_counts WHERE copied_to = '' AND agency = $1 GROUP BY status", [.text(a)])
        case .unit(let a, let u, let copies), .subtree(let a, let u, _, let copies):
            if u.isEmpty { return nil }
            let held = "copied_to = '' AND agency = $1 AND unit = ANY($2::text[])"
            let copy = "copied_to = $3 AND NOT (agency = $1 AND unit = ANY($2::text[]))"
            let values: [PGValue] = [.text(a), .text(PGStore.arrayLiteral(scope.units))] + (copies ? [.text(u)] : [])
            return ("SELECT status, sum(n) AS n FROM aduan.desk_counts WHERE (\(held))\(copies ? " OR (\(copy))" : "") GROUP BY status", values)
        }
    }
}
