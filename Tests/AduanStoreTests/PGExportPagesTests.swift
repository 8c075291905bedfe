import AduanCore
import AduanStore
import Testing

/// `aduan export` on PostgreSQL reads a page of reports at a time (issue 14): a few statements
/// per page, whatever its size, not three or more per report (at a province's 1,000,000 reports
/// that was hours over a network), still as the operator's own role under row-level security,
/// and each report and timeline read in a page is the one read alone.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGExportPagesTests {
    @Test func everyLoginWalksItsReportsAPageAtATimeAndEachIsTheReportReadAlone() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let ops = PGAccessTests.operators(db.tag)
        // The privacy matrix's stories, and the same shapes with a draft waiting (its text filled per page).
        let histories = try PGAccessTests.stories(ops).map(\.events) + PGDraftPrivacyTests.stories(ops).map(\.story.events)
        _ = try store.insertHistories(histories)
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        let logins = PGAccessSQL.logins(of: ops)
        let passfile = try db.passwords(for: logins.map(\.login))
        let now = OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 7, day: 1), hour: 9)
        var walked = 0, drafts = 0
        for (login, mine) in logins {
            let conn = try PGTest.tcp(user: login, database: db.name, passfile: passfile)
            let pg = try PGOperatorStore(conn: conn, conninfo: "test", context: PGAccessTests.context)
            let viewer = mine[0]
            let q = InboxQuery(viewer: viewer, filter: .all, order: .deadline)
            let batch = 4
            var pages = 0, reports: [Complaint] = []
            var timelines: [Int64: [Event]] = [:]
            let before = conn.statementsSent
            try pg.forEachReport(q, now: now, batch: batch, events: true) { page in
                pages += 1
                for c in page.reports {
                    reports.append(c)
                    timelines[c.id] = try page.events(of: c)
                }
                return true
            }
            let sent = conn.statementsSent - before
            // Each page: its rows, then reports, texts, reporters, waiting drafts, timelines; and the last, empty page.
            #expect(sent <= pages * 6 + 1, "\(login): \(sent) statements for \(pages) pages of \(reports.count) reports")
            #expect(reports.count <= pages * batch)
            for c in reports {
                #expect(try PGStore.complaint(c.id, on: conn) == c, "\(login): report #\(c.id) read in a page differs from read alone")
                #expect(try PGStore.timeline(c.id, on: conn) == timelines[c.id], "\(login): the timeline of #\(c.id) differs")
                if c.pendingDraft?.text.isEmpty == false { drafts += 1 }
            }
            // Exactly the reports of the list, in its order.
            let listed = try PGStore.pageIDs(q, after: nil, limit: 100_000, now: now, context: PGAccessTests.context, on: conn).map(\.id)
            #expect(reports.map(\.id) == listed, "\(login): the walk and the list differ")
            walked += reports.count
        }
        #expect(walked > 40 && drafts > 0, "the fixture walks many reports, some with a draft text a login reads: \(walked), \(drafts)")
    }
}
