import AduanCore

/// A unit's copies (tembusan) as rows of their own (issue 14, migration 10), so a unit's page can
/// find them through an index under row-level security.
///
/// A unit's working inbox is what its units hold now or what is copied to it (`InboxScope.holdsNow`).
/// The copies were only the `cc_units` array on each `complaints` row, and no index finds them
/// there for an operator's role: `@>` (which a GIN index serves) is not LEAKPROOF, so PostgreSQL
/// applies the row's policy before it and walks every report (a page of 70 of a liaison's read
/// and dropped 2,011 reports at 100,000). `aduan.complaint_copies` holds one row per report and
/// unit it is copied to, with the report's deadline key, in a b-tree (unit, due_key, id): a
/// unit's page walks it with leakproof equality and a keyset condition (PGUnitPage.swift).
///
/// Kept by statement triggers on `complaints` (like the counters, PGDeskCounts.swift), in the same
/// transaction as whatever writes the projection (the writer, an import's COPY, the office's
/// deadline recompute, a migration), and filled from the reports by the migration. Operators read
/// it under a policy of its own (`PGAccessSQL.copies`): a unit's login its own unit's copies, an
/// agency's the copies of the reports it may open, a province-wide role all. `aduan verify`
/// compares it with the reports (`copiesDiffering`).
extension PGSchema {
    static let copiesVersion = 10

    /// What the table must hold: one row per report and distinct unit of its `cc_units`.
    static let copiesRecount = """
        SELECT DISTINCT u.unit, c.id AS complaint_id, c.due_key FROM aduan.complaints c
        CROSS JOIN LATERAL unnest(c.cc_units) u(unit) WHERE cardinality(c.cc_units) > 0
        """

    static let copiesMigration = """
        -- Each report's copies (tembusan) as rows: unit, report, the report's deadline key, found by
        -- (unit, due_key, id) for a unit's page (PGCopies.swift). Runs again unharmed (refilled).
        CREATE TABLE IF NOT EXISTS aduan.complaint_copies(
            unit text NOT NULL,
            complaint_id bigint NOT NULL REFERENCES aduan.complaints(id) ON DELETE CASCADE,
            due_key bigint NOT NULL,
            PRIMARY KEY (complaint_id, unit)
        );
        CREATE INDEX IF NOT EXISTS complaint_copies_due ON aduan.complaint_copies(unit, due_key, complaint_id);
        REVOKE ALL ON aduan.complaint_copies FROM PUBLIC;
        ALTER TABLE aduan.complaint_copies ENABLE ROW LEVEL SECURITY;

        -- Only reports with copies are unnested, and on an update only those whose copies or
        -- deadline key changed are rewritten: an import's COPY and a sweep pay little.
        CREATE OR REPLACE FUNCTION aduan.complaint_copies_keep() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO aduan.complaint_copies(unit, complaint_id, due_key)
                SELECT DISTINCT u.unit, a.id, a.due_key FROM added a CROSS JOIN LATERAL unnest(a.cc_units) u(unit)
                WHERE cardinality(a.cc_units) > 0;
            ELSE
                DELETE FROM aduan.complaint_copies p USING removed o JOIN added a ON a.id = o.id
                WHERE p.complaint_id = o.id AND cardinality(o.cc_units) > 0
                  AND (o.cc_units, o.due_key) IS DISTINCT FROM (a.cc_units, a.due_key);
                INSERT INTO aduan.complaint_copies(unit, complaint_id, due_key)
                SELECT DISTINCT u.unit, a.id, a.due_key FROM added a JOIN removed o ON o.id = a.id
                CROSS JOIN LATERAL unnest(a.cc_units) u(unit)
                WHERE cardinality(a.cc_units) > 0 AND (o.cc_units, o.due_key) IS DISTINCT FROM (a.cc_units, a.due_key);
            END IF;
            RETURN NULL;
        END
        $fn$;
        DROP TRIGGER IF EXISTS complaints_copies_insert ON aduan.complaints;
        CREATE TRIGGER complaints_copies_insert AFTER INSERT ON aduan.complaints
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.complaint_copies_keep();
        DROP TRIGGER IF EXISTS complaints_copies_update ON aduan.complaints;
        CREATE TRIGGER complaints_copies_update AFTER UPDATE ON aduan.complaints
            REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION aduan.complaint_copies_keep();
        DELETE FROM aduan.complaint_copies;
        INSERT INTO aduan.complaint_copies(unit, complaint_id, due_key)
        \(copiesRecount);
        ANALYZE aduan.complaint_copies;
        """

    /// How many rows of `complaint_copies` differ from the reports' copies (missing, extra or with
    /// another deadline key): 0 when the table is whole.
    static func copiesDiffering(_ conn: PGConnection) throws -> Int64 {
        try conn.query("""
            SELECT count(*) AS n FROM ((SELECT unit, complaint_id, due_key FROM aduan.complaint_copies EXCEPT ALL \(copiesRecount))
                                       UNION ALL (\(copiesRecount) EXCEPT ALL SELECT unit, complaint_id, due_key FROM aduan.complaint_copies)) x
            """).int64(0, "n") ?? 0
    }
}
