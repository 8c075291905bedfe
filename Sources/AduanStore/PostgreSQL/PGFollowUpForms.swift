import AduanCore

/// The dashboard's boilerplate shares on PostgreSQL without a join and a JSON parse per form
/// (issue 14, session 8): every follow-up form is restricted (by content, or by handling for a
/// secret one), so which ones a login may read depends on each report's current holder,
/// confidentiality and copies, and no counter can say it. `aduan.followup_forms` keeps one narrow
/// row per follow-up form (`event_views` row) with what the dashboard counts (the author's agency
/// and unit, whether it was recorded as boilerplate) and the report's access columns as they are
/// now (held arrays, copies, holder, confidential, anonymous, intake agency): the login's policy is
/// the same rule as its `event_views` policy (`PGAccessSQL.eventRule`), evaluated on the row
/// itself. Statement triggers keep it: a new follow-up form adds its row, a changed report
/// refreshes its rows' access columns (in whichever order the writer or an import's COPY writes
/// them). `aduan verify` compares it with `event_views` and `complaints`.
extension PGSchema {
    static let accessColumns = ["held_agencies", "held_units", "cc_units", "holder_agency", "holder_unit", "confidential", "anonymous", "intake_agency"]

    static let followUpFormsMigration = """
        CREATE TABLE IF NOT EXISTS aduan.followup_forms(
            seq bigint NOT NULL,
            shown_to integer NOT NULL,
            complaint_id bigint NOT NULL,
            needs_handling boolean NOT NULL,
            needs_content boolean NOT NULL,
            agency text,
            unit text,
            boilerplate boolean NOT NULL,
            held_agencies text[],
            held_units text[],
            cc_units text[],
            holder_agency text,
            holder_unit text,
            confidential boolean,
            anonymous boolean,
            intake_agency text,
            PRIMARY KEY (seq, shown_to)
        );
        CREATE INDEX IF NOT EXISTS followup_forms_complaint ON aduan.followup_forms(complaint_id);
        REVOKE ALL ON aduan.followup_forms FROM PUBLIC;
        ALTER TABLE aduan.followup_forms ENABLE ROW LEVEL SECURITY;
        -- Both triggers join a statement's rows to the reports or the forms by number: nested
        -- loops over the indexes, whatever the sizes (a bulk load's batches were hash-joined with
        -- every row: COPY of event_views and complaints took 112 s and 155 s at 1,000,000 reports).
        CREATE OR REPLACE FUNCTION aduan.followup_forms_add() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
        SET enable_hashjoin = off SET enable_mergejoin = off AS $fn$
        BEGIN
            \(followUpRows("added"))
            RETURN NULL;
        END
        $fn$;
        DROP TRIGGER IF EXISTS event_views_followups ON aduan.event_views;
        CREATE TRIGGER event_views_followups AFTER INSERT ON aduan.event_views
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.followup_forms_add();
        CREATE OR REPLACE FUNCTION aduan.followup_forms_access() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
        SET enable_hashjoin = off SET enable_mergejoin = off AS $fn$
        BEGIN
            UPDATE aduan.followup_forms f SET \(accessColumns.map { "\($0) = a.\($0)" }.joined(separator: ", "))
            FROM added a WHERE f.complaint_id = a.id
              AND (\(accessColumns.map { "f.\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(accessColumns.map { "a.\($0)" }.joined(separator: ", ")));
            RETURN NULL;
        END
        $fn$;
        DROP TRIGGER IF EXISTS complaints_followups_insert ON aduan.complaints;
        CREATE TRIGGER complaints_followups_insert AFTER INSERT ON aduan.complaints
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.followup_forms_access();
        DROP TRIGGER IF EXISTS complaints_followups_update ON aduan.complaints;
        CREATE TRIGGER complaints_followups_update AFTER UPDATE ON aduan.complaints
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.followup_forms_access();
        DELETE FROM aduan.followup_forms;
        \(followUpRows("aduan.event_views"))
        """

    /// The rows of the follow-up forms in `forms` (an `event_views` row set), with their
    /// report's access columns where its row exists yet (an import writes it after the forms).
    static func followUpRows(_ forms: String) -> String {
        """
        INSERT INTO aduan.followup_forms(seq, shown_to, complaint_id, needs_handling, needs_content, agency, unit, boilerplate, \(accessColumns.joined(separator: ", ")))
            SELECT v.seq, v.shown_to, v.complaint_id, v.needs_handling, v.needs_content, j.b -> 'actor' ->> 'agency', j.b -> 'actor' ->> 'unit',
                   j.b ? 'boilerplate', \(accessColumns.map { "c.\($0)" }.joined(separator: ", "))
            FROM \(forms) v CROSS JOIN LATERAL (SELECT v.body::jsonb AS b OFFSET 0) j
            LEFT JOIN aduan.complaints c ON c.id = v.complaint_id
            WHERE v.kind = 'follow-up';
        """
    }

    /// How many follow-up rows differ from the forms and their reports (`verify`; 0 when whole).
    static func followUpFormsDiffering(_ conn: PGConnection) throws -> Int64 {
        let columns = "seq, shown_to, complaint_id, needs_handling, needs_content, agency, unit, boilerplate, " + accessColumns.joined(separator: ", ")
        let want = """
            SELECT v.seq, v.shown_to, v.complaint_id, v.needs_handling, v.needs_content, j.b -> 'actor' ->> 'agency', j.b -> 'actor' ->> 'unit',
                   j.b ? 'boilerplate', \(accessColumns.map { "c.\($0)" }.joined(separator: ", "))
            FROM aduan.event_views v CROSS JOIN LATERAL (SELECT v.body::jsonb AS b OFFSET 0) j LEFT JOIN aduan.complaints c ON c.id = v.complaint_id
            WHERE v.kind = 'follow-up'
            """
        return try conn.query("""
            SELECT count(*) AS n FROM ((SELECT \(columns) FROM aduan.followup_forms EXCEPT \(want))
                                       UNION ALL (\(want) EXCEPT SELECT \(columns) FROM aduan.followup_forms)) x
            """).int64(0, "n") ?? 0
    }
}

extension PGOperatorStore {
    /// Follow-ups and boilerplate ones per answering unit, over the follow-up forms the role may
    /// read (`followup_forms`, each event once); nil when the login is not granted it yet.
    func boilerplateSharesFromForms() throws(StoreError) -> [(agency: String, unit: String?, followUps: Int, boilerplate: Int)]? {
        do {
            // SQLite orders by agency then unit, a missing unit first, bytewise.
            let r = try conn.query("""
                SELECT agency, unit, count(DISTINCT seq) AS n, count(DISTINCT seq) FILTER (WHERE boilerplate) AS b FROM aduan.followup_forms
                GROUP BY agency, unit ORDER BY agency COLLATE "C" NULLS FIRST, unit COLLATE "C" NULLS FIRST
                """)
            return (0..<r.rowCount).map { i in
                (agency: r.text(i, "agency") ?? "", unit: r.text(i, "unit"), followUps: Int(r.int64(i, "n") ?? 0), boilerplate: Int(r.int64(i, "b") ?? 0))
            }
        } catch let e as PostgresError where e.isPermissionDenied {
            return nil
        } catch {
            throw .postgres(.database(detail: "\(error)"))
        }
    }
}
