import AduanCore
import AduanStore
import Testing

/// What the screen reads on PostgreSQL never carries a planted reporter identity to a role that
/// may not see it: for every login of the privacy matrix, every list row, every report and every
/// event of its timeline the desk reads as that role is searched for the reporter's name, phone,
/// e-mail and NIK.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGDeskPrivacyTests {
    @Test func noDeskReadCarriesAReporterIdentityToARoleThatMayNotSeeIt() throws {
        let (db, _, ops, complaints, passfile) = try PGAccessTests.province()
        let logins = PGAccessSQL.logins(of: ops).filter { $0.operators.count == 1 }
        let now = OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 7, day: 1), hour: 9)
        let r = PGAccessTests.reporter
        let marks: [String] = [r.name, r.phone, r.email, r.nik].compactMap { $0 }.filter { !$0.isEmpty }
        #expect(marks.count == 4)
        var hidden = 0, shown = 0
        for (login, mine) in logins {
            let op = mine[0]
            let desk = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                           context: PGAccessTests.context)
            // Every list the screen shows: the working inbox and the lists with former holders.
            let rows = try desk.page(InboxQuery(viewer: op), after: nil, limit: 1_000, now: now)
                + (try desk.page(InboxQuery(viewer: op, filter: .term(.forwarded)), after: nil, limit: 1_000, now: now))
            for row in rows {
                let c = complaints[row.id]!
                let text = String(describing: row)
                let leaks = marks.filter { text.contains($0) }
                if !Privacy.canSeeReporter(c, viewer: op) { #expect(leaks.isEmpty, "\(op.id) list row #\(row.id): \(leaks)") }
            }
            for (id, c) in complaints {
                let read = try desk.complaint(id).map { String(describing: $0) } ?? ""
                let timeline = try desk.events(of: id).map { String(describing: $0) }.joined(separator: "\n")
                if !Privacy.canView(c, viewer: op) {
                    #expect(read.isEmpty && timeline.isEmpty, "\(op.id) opens #\(id), which it may not")
                    continue
                }
                let leaks = marks.filter { read.contains($0) || timeline.contains($0) }
                if Privacy.canSeeReporter(c, viewer: op) {
                    if c.reporter?.name == r.name { shown += 1 }
                } else {
                    #expect(leaks.isEmpty, "\(op.id) #\(id): \(leaks) in the report or its timeline")
                    if c.reporter?.name == r.name { hidden += 1 }
                }
            }
        }
        // The search covered both sides: roles that read the identity and roles that must not.
        #expect(hidden > 0 && shown > 0, "hidden \(hidden), shown \(shown)")
    }
}
