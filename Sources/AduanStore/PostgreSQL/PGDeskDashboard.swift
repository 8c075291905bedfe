import AduanCore

/// The supervisor dashboard's counts of recorded events on PostgreSQL (issue 14): the same
/// meaning as the SQLite store's (`boilerplateShares`, BoilerplateReads.swift; `escalationCounts`,
/// EscalationSweep.swift), counted over the timeline forms the role may read (`event_views`,
/// row-level security), each event once. A follow-up the role may not read (a secret one of a
/// report it no longer handles) is not counted: the dashboard shows no more than the timelines.
/// The figures themselves are PGFigures'.
extension PGOperatorStore {
    /// Per answering unit (the follow-up author's agency and unit): follow-ups, and those recorded as boilerplate.
    public func boilerplateShares() throws(StoreError) -> [(agency: String, unit: String?, followUps: Int, boilerplate: Int)] {
        if let shares = try boilerplateSharesFromForms() { return shares }
        return try Self.wrap {
            // Each form's body parsed once (three casts parsed it three times: 990 → 755 ms for
            // 142,000 follow-ups at 100,000 reports under an agency's role). Every follow-up form is
            // restricted (content or handling), so no counter can say which the role may read:
            // this stays a count over the forms (PGFigureCounts.swift).
            // SQLite orders by agency then unit, a missing unit first, bytewise.
            let r = try conn.query("""
                SELECT agency, unit, count(*) AS n, count(*) FILTER (WHERE boilerplate) AS b FROM (
                    SELECT DISTINCT ON (v.seq) j.b -> 'actor' ->> 'agency' AS agency, j.b -> 'actor' ->> 'unit' AS unit, j.b ? 'boilerplate' AS boilerplate
                    FROM aduan.event_views v CROSS JOIN LATERAL (SELECT v.body::jsonb AS b OFFSET 0) j
                    WHERE v.kind = 'follow-up' ORDER BY v.seq, v.shown_to DESC
                ) f GROUP BY agency, unit ORDER BY agency COLLATE "C" NULLS FIRST, unit COLLATE "C" NULLS FIRST
                """)
            return (0..<r.rowCount).map { i in
                (agency: r.text(i, "agency") ?? "", unit: r.text(i, "unit"), followUps: Int(r.int64(i, "n") ?? 0), boilerplate: Int(r.int64(i, "b") ?? 0))
            }
        }
    }

    /// Recorded warnings and escalations per level, agency and unit.
    public func escalationCounts() throws(StoreError) -> [(target: EscalationTarget, agency: String, unit: String?, count: Int)] {
        try Self.wrap {
            let r = try conn.query("""
                SELECT x ->> 'key' AS key, x ->> 'agency' AS agency, x ->> 'unit' AS unit, count(*) AS n FROM (
                    SELECT DISTINCT ON (v.seq) v.body::jsonb -> 'escalation' AS x
                    FROM aduan.event_views v WHERE v.kind = 'escalate' ORDER BY v.seq, v.shown_to DESC
                ) e GROUP BY 1, 2, 3
                """)
            return ComplaintStore.escalationTotals((0..<r.rowCount).map { i in
                (key: r.text(i, "key"), agency: r.text(i, "agency"), unit: r.text(i, "unit"), count: Int(r.int64(i, "n") ?? 0))
            })
        }
    }
}
