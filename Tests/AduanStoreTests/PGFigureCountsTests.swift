import AduanCore
@testable import AduanStore
import Testing

/// The supervisor's Tenggat view and dashboard on PostgreSQL read counters and the projection's
/// escalation level instead of every report and timeline form (PGFigureCounts.swift): the figures
/// equal the core's and the ones counted the old way under every login of the privacy fixture,
/// the reads touch neither the reports (cells, forwards) nor the forms (escalations, forwards),
/// the Tenggat view reads only the rows it shows, and `verify` recounts what is kept.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason), .serialized)
struct PGFigureCountsTests {
    typealias F = StoreFixture

    /// `figures` described for comparison (cells, totals, forwards, samples of ids left out).
    static func describe(_ f: SupervisorFigures) -> String {
        (f.byHolderAndStatus.map { "cell \($0.holder) \($0.status) \($0.count)" }
            + f.overdueByHolder.map { "overdue \($0.holder) \($0.count)" } + f.receivedPerWeek.map { "week \($0.weekStart.iso8601) \($0.count)" }
            + ["median \(f.medianFirstFollowUpWorkingDays.map { "\($0)" } ?? "-") n \(f.firstFollowUpSample)",
               "total \(f.total) selesai \(f.selesai) forwards \(f.forwardsOut)/\(f.forwardsIn) tunda \(f.tundaOld) undecided \(f.privacyUndecided)"])
            .joined(separator: "\n")
    }

    static func scans(_ conn: PGConnection, _ table: String) throws -> Int64 {
        try conn.query("SELECT pg_stat_get_xact_numscans('aduan.\(table)'::regclass) AS n").int64(0, "n") ?? -1
    }

    /// (The follow-up shares' agreement with the core under every login is
    /// `PGDashboardTests.underEachOperatorsRoleTheDashboardCountsOnlyTheFollowUpsTheCoreLetsItRead`,
    /// which now reads `followup_forms`.)
    @Test func everyLoginsDashboardFromTheCountersIsTheCoresAndReadsNoReportOrForm() throws {
        let (db, store, ops, complaints, passfile) = try PGAccessTests.province()
        let forwards = try complaints.keys.flatMap { try store.events(of: $0) }.filter { $0.kind == .forward }
        #expect(!forwards.isEmpty)
        var checked = 0
        for (login, hats) in PGAccessSQL.logins(of: ops) {
            let desk = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                           context: PGAccessTests.context)
            desk.loginScopes = hats.map { Access.inboxScope(of: $0) }
            // The same login counting the old way (no hat known: the reports and the forms).
            let old = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                          context: PGAccessTests.context)
            old.loginScopes = []
            for op in hats {
                let scope = Access.inboxScope(of: op)
                let got = try desk.figures(scope, now: F.now)
                #expect(Self.describe(got) == Self.describe(try old.figures(scope, now: F.now)), "\(login) as \(op.id)")
                // The core: what the hat holds now per holder and status, copies left out.
                var cells: [String: Int] = [:]
                for c in complaints.values where scope.withoutCopies.holdsNow(c) { cells["\(c.holder) \(c.status)", default: 0] += 1 }
                var gotCells: [String: Int] = [:]
                for cell in got.byHolderAndStatus { gotCells["\(cell.holder) \(cell.status)", default: 0] += cell.count }
                #expect(gotCells == cells, "\(login) as \(op.id): cells")
                // Forwards: of the agency (province-wide: every one); a unit's are its reports'.
                if scope.unit == nil {
                    let out = forwards.filter { scope.agency == nil ? $0.details.agency != nil : $0.actor.agency == scope.agency }.count
                    let into = forwards.filter { $0.details.agency != nil && (scope.agency == nil || $0.details.agency == scope.agency) }.count
                    #expect(got.forwardsOut == out && got.forwardsIn == into, "\(login) as \(op.id): forwards \(got.forwardsOut)/\(got.forwardsIn), core \(out)/\(into)")
                }
                for at in [F.now, F.now.adding(days: -40), F.now.adding(days: 3), F.now.adding(days: 90)] {
                    #expect(PGFiguresTests.describe(try desk.deadlineGroups(scope, now: at)) == PGFiguresTests.describe(try old.deadlineGroups(scope, now: at)),
                            "\(login) as \(op.id): deadline groups at \(at.seconds)")
                }
                let workflow = try desk.workflowFigures(scope)
                #expect(workflow.escalations.map { "\($0.target) \($0.agency) \($0.unit ?? "-") \($0.count)" }
                        == (try old.workflowFigures(scope)).escalations.map { "\($0.target) \($0.agency) \($0.unit ?? "-") \($0.count)" }, "\(login) as \(op.id)")
                // The cells and forwards read neither the reports nor the forms (on a connection of
                // its own: a backend's table counters also hold its earlier transactions' until sent).
                let probe = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                                context: PGAccessTests.context)
                probe.loginScopes = desk.loginScopes
                try probe.conn.execute("BEGIN")
                _ = try PGFigures.cellsFromCounters(scope, on: probe.conn)
                _ = try PGFigures.forwardsFromCounters(scope, on: probe.conn)
                _ = try probe.escalationCountsFromCounters(scope)
                #expect(try probe.boilerplateSharesFromForms() != nil, "\(login): the follow-up forms are granted")
                let reportScans = try Self.scans(probe.conn, "complaints"), formScans = try Self.scans(probe.conn, "event_views")
                try probe.conn.execute("COMMIT")
                #expect(reportScans == 0 && formScans == 0, "\(login) as \(op.id): \(reportScans) scan(s) of the reports, \(formScans) of the forms")
                checked += 1
            }
            // A unit's hats read no agency-wide forward counts; every row is within a hat's figures.
            let rows = try desk.conn.query("SELECT kind, agency, unit FROM aduan.event_counts")
            for i in 0..<rows.rowCount {
                let kind = rows.text(i, "kind") ?? "", agency = rows.text(i, "agency") ?? "", unit = rows.text(i, "unit") ?? ""
                let allowed = hats.contains { op in
                    let s = Access.inboxScope(of: op)
                    if kind == "escalate" { return s.includesFigures(agency: agency, unit: unit.isEmpty ? nil : unit) }
                    return s == .everything || (s.unit == nil && s.agency == agency)
                }
                #expect(allowed, "\(login) reads the counter \(kind) \(agency) \(unit)")
            }
        }
        #expect(checked >= 10)
    }

    /// A store upgraded before its owner re-ran the roles script: no login is granted the new
    /// tables yet, and every figure is counted the old way (same numbers, no error).
    @Test func withoutAGrantOnTheNewTablesEveryFigureIsCountedAsBefore() throws {
        let (db, store, ops, _, passfile) = try PGAccessTests.province()
        for (login, _) in PGAccessSQL.logins(of: ops) {
            try store.conn.execute("REVOKE SELECT ON aduan.event_counts, aduan.due_counts, aduan.week_counts, aduan.followup_forms FROM \(PGConnection.quoteIdentifier(login))")
        }
        var checked = 0
        for (login, hats) in PGAccessSQL.logins(of: ops) {
            let desk = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                           context: PGAccessTests.context)
            desk.loginScopes = hats.map { Access.inboxScope(of: $0) }
            let old = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                          context: PGAccessTests.context)
            old.loginScopes = []
            #expect(try desk.boilerplateSharesFromForms() == nil, "\(login) is not granted the follow-up forms")
            for op in hats {
                let scope = Access.inboxScope(of: op)
                #expect(Self.describe(try desk.figures(scope, now: F.now)) == Self.describe(try old.figures(scope, now: F.now)), "\(login) as \(op.id)")
                #expect(PGFiguresTests.describe(try desk.deadlineGroups(scope, now: F.now)) == PGFiguresTests.describe(try old.deadlineGroups(scope, now: F.now)))
                let w = try desk.workflowFigures(scope), o = try old.workflowFigures(scope)
                #expect(w.boilerplate.map { "\($0.agency) \($0.unit ?? "-") \($0.followUps) \($0.boilerplate)" }
                        == o.boilerplate.map { "\($0.agency) \($0.unit ?? "-") \($0.followUps) \($0.boilerplate)" }, "\(login) as \(op.id)")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }

    /// The Tenggat view's levels are the core's, counted from the projection, and only the rows it
    /// shows are read (the reports' reporters never); the event counters follow an import's COPY
    /// and equal SQLite's escalation figures; `verify` notices a wrong level or counter.
    @Test func tenggatLevelsAndEscalationCountsAgreeWithSQLiteAndReadOnlyWhatIsShown() throws {
        try withTempDir { dir in
            let (sqlite, later, recorded) = try StoreDeadlineSettingsTests.sweptAFortnightLater(dir + "/aduan.db")
            #expect(recorded > 0)
            let all = try F.allComplaints(sqlite)
            let db = try PGTestDatabase()
            let conn = try db.ownerConnection()
            let store = try PGStore(conn, context: F.context, create: true)
            let ids = try store.bulkInsertHistories(try all.map { try sqlite.events(of: $0.id) })
            let map = Dictionary(uniqueKeysWithValues: zip(ids, all.map(\.id)))
            #expect(try PGSchema.eventCountersDiffering(conn) == 0, "the counters follow the import's COPY")
            let pg = try PGOperatorStore(conn: conn, conninfo: "test", context: F.context)
            pg.loginScopes = [.everything]
            var shown = 0
            for scope in PGFilterAgreementTests.scopes {
                let want = try sqlite.escalatedRows(scope, content: .everything, now: later)
                // A connection of its own (a backend's table counters hold its earlier transactions' until sent).
                let conn = try db.ownerConnection()
                let pg = try PGOperatorStore(conn: conn, conninfo: "test", context: F.context)
                pg.loginScopes = [.everything]
                try conn.execute("BEGIN")
                let before = conn.statementsSent
                let got = try pg.escalatedRows(scope, content: .everything, now: later, rowsPerLevel: 6)
                let sent = conn.statementsSent - before
                let reporters = try conn.query("""
                    SELECT pg_stat_get_xact_numscans('aduan.complaint_reporters'::regclass) + pg_stat_get_xact_tuples_fetched('aduan.complaint_reporters'::regclass) AS n
                    """).int64(0, "n") ?? -1
                let texts = try conn.query("SELECT pg_stat_get_xact_tuples_fetched('aduan.complaint_texts'::regclass) AS n").int64(0, "n") ?? -1
                try conn.execute("COMMIT")
                #expect(got.map { "\($0.level) \($0.count)" } == want.map { "\($0.level) \($0.rows.count)" }, "\(scope): levels and counts")
                #expect(got.map { $0.rows.map { map[$0.id] ?? -$0.id } } == want.map { $0.rows.prefix(6).map(\.id) }, "\(scope): the rows shown")
                let rows = got.reduce(0) { $0 + $1.rows.count }
                #expect(sent <= 1 + got.count, "\(scope): \(sent) statements")
                #expect(reporters == 0, "\(scope): the reporters were read")
                #expect(texts <= Int64(2 * rows), "\(scope): \(texts) text rows fetched for \(rows) rows shown")
                shown += rows
                for at in [later, later.adding(days: -20), later.adding(days: -3), later.adding(days: 2), later.adding(days: 30)] {
                    let before = conn.statementsSent
                    let groups = try pg.deadlineGroups(scope, now: at)
                    #expect(conn.statementsSent - before <= 6, "\(scope): deadline groups in \(conn.statementsSent - before) statements")
                    #expect(PGFiguresTests.describe(groups) == PGFiguresTests.describe(try sqlite.deadlineGroups(scope, now: at)), "\(scope): deadline groups at \(at.seconds)")
                    // The groups' first rows in two statements, the same as one holder at a time.
                    let sentBefore = conn.statementsSent
                    let first = try pg.deadlineRows(of: groups.map(\.holder), content: .everything, limit: 6, now: at)
                    #expect(conn.statementsSent - sentBefore <= 2, "\(scope): first rows in \(conn.statementsSent - sentBefore) statements")
                    for g in groups {
                        let one = try pg.deadlineRows(g.holder, content: .everything, after: nil, limit: 6, now: at)
                        #expect((first[g.holder] ?? []).map(\.id) == one.map(\.id), "\(scope): \(g.holder) first rows")
                        #expect(!one.isEmpty)
                    }
                }
                #expect(Self.describe(try pg.figures(scope, now: later)) == Self.describe(try sqlite.figures(scope, now: later)), "\(scope): figures")
                let w = try pg.workflowFigures(scope), s = try sqlite.workflowFigures(scope)
                #expect(w.escalations.map { "\($0.target) \($0.agency) \($0.unit ?? "-") \($0.count)" }
                        == s.escalations.map { "\($0.target) \($0.agency) \($0.unit ?? "-") \($0.count)" }, "\(scope): escalation figures")
            }
            #expect(shown > 0, "the comparison saw escalated reports")
            #expect(try store.verify(operators: []).isEmpty)
            // A wrong level and a wrong counter are both named.
            try conn.execute("UPDATE aduan.complaints SET escalation = 'external' WHERE id = (SELECT min(id) FROM aduan.complaints WHERE escalation IS NULL)")
            try conn.execute("UPDATE aduan.event_counts SET n = n + 1 WHERE ctid = (SELECT min(ctid) FROM aduan.event_counts)")
            let problems = try store.verify(operators: [])
            #expect(problems.contains { $0.message == .projectionDiffers(id: $0.complaintID ?? -1) }, "\(problems)")
            #expect(problems.contains { if case .countersDiffer = $0.message { return true }; return false }, "\(problems)")
        }
    }

    /// A store made before migration 11: opening it as the owner fills every report's level from
    /// its state by the core, so the Tenggat view counts the same as a store written since.
    @Test func migrationElevenFillsTheLevelsOfAStoreWrittenBefore() throws {
        try withTempDir { dir in
            let (sqlite, later, _) = try StoreDeadlineSettingsTests.sweptAFortnightLater(dir + "/aduan.db")
            let all = try F.allComplaints(sqlite)
            let db = try PGTestDatabase()
            let conn = try db.ownerConnection()
            _ = try PGStore(conn, context: F.context, create: true).bulkInsertHistories(try all.map { try sqlite.events(of: $0.id) })
            let levels = "SELECT id, escalation FROM aduan.complaints WHERE escalation IS NOT NULL ORDER BY id"
            let written = try conn.query(levels).column("escalation")
            #expect(!written.isEmpty)
            try conn.execute("""
                DROP INDEX aduan.complaints_escalated; DROP INDEX aduan.complaints_agency_escalated; ALTER TABLE aduan.complaints DROP COLUMN escalation;
                DROP TABLE aduan.event_counts; UPDATE aduan.meta SET value = '8' WHERE key = 'schema_version'
                """)
            let store = try PGStore(conn, context: F.context)
            #expect(try conn.query(levels).column("escalation") == written)
            #expect(try store.verify(operators: []).isEmpty)
            let pg = try PGOperatorStore(conn: conn, conninfo: "test", context: F.context)
            #expect(try pg.escalatedRows(.everything, content: .everything, now: later).map(\.count)
                    == (try sqlite.escalatedRows(.everything, content: .everything, now: later)).map(\.rows.count))
        }
    }
}
