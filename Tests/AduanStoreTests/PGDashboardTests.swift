import AduanCore
@testable import AduanStore
import Testing

/// The supervisor dashboard on PostgreSQL (issue 14): its boilerplate shares and its warnings and
/// escalations per level are the SQLite store's on the same histories, and under each operator's
/// role they count only the events the core lets that operator read.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGDashboardTests {
    typealias F = StoreFixture

    static func same(_ a: [(agency: String, unit: String?, followUps: Int, boilerplate: Int)],
                     _ b: [(agency: String, unit: String?, followUps: Int, boilerplate: Int)]) -> Bool {
        a.map { "\($0.agency)|\($0.unit ?? "-")|\($0.followUps)|\($0.boilerplate)" } == b.map { "\($0.agency)|\($0.unit ?? "-")|\($0.followUps)|\($0.boilerplate)" }
    }

    static func same(_ a: [(target: EscalationTarget, agency: String, unit: String?, count: Int)],
                     _ b: [(target: EscalationTarget, agency: String, unit: String?, count: Int)]) -> Bool {
        a.map { "\($0.target)|\($0.agency)|\($0.unit ?? "-")|\($0.count)" } == b.map { "\($0.target)|\($0.agency)|\($0.unit ?? "-")|\($0.count)" }
    }

    @Test func theDashboardCountsTheSameFollowUpsAndEscalationsOnPostgreSQLAsOnSQLite() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            let (sqlite, later, recorded) = try StoreDeadlineSettingsTests.sweptAFortnightLater(path)
            #expect(recorded > 0)
            // Follow-ups by the holding units, every other one recorded as boilerplate, some secret.
            var written = 0
            for c in try (0..<3).flatMap({ _ in try F.allComplaints(sqlite) }) where [.belumDitindaklanjuti, .proses].contains(c.status) {
                guard let unit = c.holder.unit else { continue }
                let finding = written % 2 == 0 ? BoilerplateFinding(source: .earlierAnswers(3), percent: 91) : nil
                let details = ActionDetails(text: "Sudah ditindaklanjuti oleh petugas \(written).", secret: written % 3 == 0, boilerplate: finding)
                if (try? sqlite.apply(Command(.followUp, details), to: c.id, expectedVersion: nil, by: F.liaison(unit),
                                      at: later.adding(seconds: Int64(60 * written)))) != nil { written += 1 }
            }
            #expect(written >= 4, "the comparison saw follow-ups")
            let all = try F.allComplaints(sqlite)
            let db = try PGTestDatabase()
            let conn = try db.ownerConnection()
            _ = try PGStore(conn, context: F.context, create: true).bulkInsertHistories(try all.map { try sqlite.events(of: $0.id) })
            let pg = try PGOperatorStore(conn: conn, conninfo: "test", context: F.context)
            #expect(pg.serves(.dashboard))
            let shares = try sqlite.boilerplateShares(), escalations = try sqlite.escalationCounts()
            #expect(shares.contains { $0.boilerplate > 0 } && !escalations.isEmpty)
            let pgShares = try pg.boilerplateShares(), pgEscalations = try pg.escalationCounts()
            #expect(Self.same(pgShares, shares), "PostgreSQL \(pgShares) SQLite \(shares)")
            #expect(Self.same(pgEscalations, escalations), "PostgreSQL \(pgEscalations) SQLite \(escalations)")
            for scope in PGFilterAgreementTests.scopes {
                #expect(try pg.figures(scope, now: later) == sqlite.figures(scope, now: later), "figures \(scope)")
            }
        }
    }

    @Test func underEachOperatorsRoleTheDashboardCountsOnlyTheFollowUpsTheCoreLetsItRead() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let ops = PGAccessTests.operators(db.tag)
        var stories = try PGAccessTests.stories(ops)
        // A boilerplate follow-up, public and secret, on a report held by dinkes and copied to pupr.
        for secret in [false, true] {
            var s = try PGAccessTests.Story(by: ops.first { $0.id == "admin-pemkab" }!)
            try s.apply(.verify, ActionDetails(unit: "dinkes"), by: ops.first { $0.id == "admin-pemkab" }!)
            try s.apply(.cc, ActionDetails(unit: "pupr"), by: ops.first { $0.id == "admin-pemkab" }!)
            try s.apply(.followUp, ActionDetails(text: "Terima kasih, laporan sedang diproses.", secret: secret,
                                                 boilerplate: BoilerplateFinding(source: .template("terima-kasih"), percent: 95)),
                        by: ops.first { $0.id == "tl-dinkes" }!)
            stories.append(s)
        }
        try store.insertHistories(stories.map(\.events))
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        let logins = PGAccessSQL.logins(of: ops).filter { $0.operators.count == 1 }
        let passfile = try db.passwords(for: logins.map(\.login))
        var differs = 0
        for (login, mine) in logins {
            let op = mine[0]
            let desk = try PGOperatorStore(conn: try PGTest.tcp(user: login, database: db.name, passfile: passfile), conninfo: login,
                                           context: PGAccessTests.context)
            var expected: [String: (followUps: Int, boilerplate: Int)] = [:]
            var everyFollowUp: [String: Int] = [:]
            for s in stories {
                for e in s.events where e.kind == .followUp {
                    let key = "\(e.actor.agency)|\(e.actor.unit ?? "-")"
                    everyFollowUp[key, default: 0] += 1
                    guard Privacy.canSeeEvent(e, in: s.complaint, viewer: op) else { continue }
                    expected[key, default: (0, 0)].followUps += 1
                    if e.details.boilerplate != nil { expected[key, default: (0, 0)].boilerplate += 1 }
                }
            }
            let got = try desk.boilerplateShares()
            let gotMap = Dictionary(uniqueKeysWithValues: got.map { ("\($0.agency)|\($0.unit ?? "-")", ($0.followUps, $0.boilerplate)) })
            #expect(gotMap.mapValues { "\($0.0)/\($0.1)" } == expected.mapValues { "\($0.followUps)/\($0.boilerplate)" }, "\(op.id): \(got)")
            if gotMap.mapValues(\.0) != everyFollowUp { differs += 1 }
            #expect(try desk.escalationCounts().isEmpty, "\(op.id): no escalation recorded")
        }
        #expect(differs > 0, "some operator may not read every follow-up")
    }
}
