import AduanCore
@testable import AduanStore
import Testing

/// The supervisor's figures on PostgreSQL (PGFigures) agree with the SQLite store's for every
/// role: the shared data set in both stores, each operator reading its own scope's dashboard
/// figures, deadline groups and recaps as its own database role (row-level security on). And the
/// database decides what is counted: a role asking for more than its scope counts only what it
/// may open.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason), .serialized)
struct PGFiguresTests {
    typealias F = StoreFixture

    /// An operator of each kind over the fixture's directory, with logins of this test's own.
    static func operators(_ tag: String) -> [Actor] {
        func op(_ id: String, _ role: Role, _ agency: String, _ unit: String? = nil) -> Actor {
            Actor(id: id, name: id, role: role, agency: agency, unit: unit, logins: ["\(tag)_\(id)"])
        }
        return [
            op("admin-pemkab", .admin, "pemkab"), op("admin-prov", .admin, "prov"), op("sup", .supervisor, "pemkab"),
            op("kominfo", .supervisor, Access.allAgencies), op("tl-dinkes", .liaison, "pemkab", "dinkes"),
            op("tl-pupr", .liaison, "pemkab", "pupr"), op("tl-prov-dik", .liaison, "prov", "prov-dik"),
            op("tl-kota-dinsos", .liaison, "kota", "kota-dinsos"), op("tl-nounit", .liaison, "pemkab"),
        ]
    }

    /// The shared data set in both stores, the roles script applied, and each operator connected as its login.
    static func load() throws -> (sqlite: ComplaintStore, all: [Complaint], pgToSQLite: [Int64: Int64], [(Actor, PGOperatorStore)]) {
        let (owner, sqlite, all, map) = try PGFilterAgreementTests.load()
        let db = owner.user.hasSuffix("_owner") ? String(owner.user.dropLast(6)) : owner.user
        let ops = operators(db)
        try owner.execute(PGAccessSQL.rolesScript(operators: ops))
        let passfile = try PGTestDatabase(existing: db).passwords(for: ops.flatMap(\.logins))
        var stores: [(Actor, PGOperatorStore)] = []
        for op in ops {
            let conn = try PGTest.tcp(user: op.logins[0], database: db, passfile: passfile)
            stores.append((op, try PGOperatorStore(conn: conn, conninfo: "postgresql:///\(db)", context: F.context)))
        }
        return (sqlite, all, map, stores)
    }

    static func describe(_ f: SupervisorFigures, _ map: [Int64: Int64]) -> String {
        var lines = f.byHolderAndStatus.map { "cell \($0.holder) \($0.status) \($0.count)" }
        lines += f.overdueByHolder.map { "overdue \($0.holder) \($0.count)" }
        lines += f.receivedPerWeek.map { "week \($0.weekStart.iso8601) \($0.count)" }
        lines.append("total \(f.total) selesai \(f.selesai) median \(f.medianFirstFollowUpWorkingDays.map { "\($0)" } ?? "-") n \(f.firstFollowUpSample)")
        lines.append("forwards out \(f.forwardsOut) in \(f.forwardsIn)")
        lines.append("tunda \(f.tundaOld) \(f.tundaOldIDs.map { map[$0] ?? $0 })")
        lines.append("undecided \(f.privacyUndecided) \(f.privacyUndecidedIDs.map { map[$0] ?? $0 })")
        return lines.joined(separator: "\n")
    }

    static func describe(_ f: PeriodFigures, _ map: [Int64: Int64]) -> String {
        var lines = ["period \(f.from.iso8601) \(f.to.iso8601) received \(f.received) selesai \(f.selesai)"]
        lines += f.byHolderAndStatus.map { "cell \($0.holder) \($0.status) \($0.count)" }
        lines += f.overdueByHolder.map { "overdue \($0.holder) \($0.count)" }
        lines += f.receivedPerWeek.map { "week \($0.weekStart.iso8601) \($0.count)" }
        lines.append("median \(f.medianFirstFollowUpWorkingDays.map { "\($0)" } ?? "-") n \(f.firstFollowUpSample)")
        lines += f.firstFollowUpByHolder.map { "median \($0.holder) \($0.median) \($0.sample)" }
        lines.append("forwards out \(f.forwardsOut) in \(f.forwardsIn)")
        lines += f.longTunda.map { "tunda \(map[$0.id] ?? $0.id) \($0.trackingID ?? "-") \($0.holder) \($0.pausedAt.seconds)" }
        return lines.joined(separator: "\n")
    }

    static func describe(_ groups: [DeadlineGroup]) -> String {
        groups.map { "\($0.holder) \($0.overdue) \($0.dueSoon) \($0.oldestDue.seconds)" }.joined(separator: "\n")
    }

    @Test func eachRolesFiguresOnPostgreSQLAreTheSQLiteStoresFigures() throws {
        let (sqlite, _, map, stores) = try Self.load()
        let today = F.zone.date(of: F.now)
        let periods = [(today.adding(days: -160), today), (LocalDate(year: 2026, month: 10, day: 1), LocalDate(year: 2026, month: 10, day: 31)),
                       (LocalDate(year: 2026, month: 8, day: 15), LocalDate(year: 2026, month: 9, day: 14))]
        for (op, pg) in stores {
            let scope = Access.inboxScope(of: op)
            let expected = Self.describe(try sqlite.figures(scope, now: F.now), [:])
            let got = Self.describe(try pg.figures(scope, now: F.now), map)
            #expect(got == expected, "\(op.id): PostgreSQL\n\(got)\nSQLite\n\(expected)")
            #expect(Self.describe(try pg.deadlineGroups(scope, now: F.now)) == Self.describe(try sqlite.deadlineGroups(scope, now: F.now)), "\(op.id)")
            for (from, to) in periods {
                let e = Self.describe(try sqlite.periodFigures(scope, from: from, to: to, now: F.now), [:])
                let g = Self.describe(try pg.periodFigures(scope, from: from, to: to, now: F.now), map)
                #expect(g == e, "\(op.id) \(from.iso8601)…\(to.iso8601): PostgreSQL\n\(g)\nSQLite\n\(e)")
            }
        }
    }

    @Test func aRoleAskingForEverythingCountsOnlyWhatTheDatabaseLetsItOpen() throws {
        let (sqlite, all, map, stores) = try Self.load()
        let everything = try sqlite.figures(.everything, now: F.now)
        #expect(everything.total == all.count)
        var limited = 0
        for (op, pg) in stores {
            // The program asks for the whole province; the database answers for the role.
            let f = try pg.figures(.everything, now: F.now)
            let visible = all.filter { Privacy.canView($0, viewer: op) }
            #expect(f.total == visible.count, "\(op.id) counts \(f.total), may open \(visible.count)")
            var expected: [String: Int] = [:]
            for c in visible { expected["\(c.holder) \(c.status)", default: 0] += 1 }
            var got: [String: Int] = [:]
            for cell in f.byHolderAndStatus { got["\(cell.holder) \(cell.status)", default: 0] += cell.count }
            #expect(got == expected, "\(op.id)")
            let ids = Set(visible.map(\.id))
            for id in f.tundaOldIDs + f.privacyUndecidedIDs {
                #expect(ids.contains(map[id] ?? -1), "\(op.id) is shown report \(map[id] ?? -1), which it may not open")
            }
            let recap = try pg.periodFigures(.everything, from: F.zone.date(of: F.now).adding(days: -200), to: F.zone.date(of: F.now), now: F.now)
            #expect(recap.received <= visible.count)
            for p in recap.longTunda { #expect(ids.contains(map[p.id] ?? -1), "\(op.id) recap lists report \(map[p.id] ?? -1)") }
            if f.total < all.count { limited += 1 }
        }
        #expect(limited == stores.count - 1, "every role but the province-wide supervisor is limited by the database")
    }
}
