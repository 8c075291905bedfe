import AduanCore
import AduanStore
import Testing

/// Warnings and escalations on a PostgreSQL store: the owner records each step the core says is
/// due, at the server's clock, by `system`, once (issue 15's ladder was recorded only on SQLite).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGEscalationSweepTests {
    /// A report received and verified long ago and never followed up: every level is due now.
    static func overdueStore(_ db: PGTestDatabase, count: Int = 1) throws -> (store: PGStore, ids: [Int64], owner: PGConnection) {
        let ctx = StoreFixture.context
        let owner = try db.ownerConnection()
        let store = try PGStore(owner, context: ctx, create: true)
        let admin = StoreFixture.admin()
        let long = StoreFixture.day(2026, 1, 5)
        var histories: [[Event]] = []
        for n in 0..<count {
            let at = long.adding(seconds: Int64(n) * 60)
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: Intake(title: "Jalan rusak \(n)", body: "Mohon diperbaiki."))),
                                        on: nil, by: admin, at: at, context: ctx, newID: 1).get()
            let c = Workflow.evolve(nil, r)
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: "pupr", changes: ClassificationChange(anonymous: false, confidential: false))),
                                        on: c, by: admin, at: at.adding(seconds: 60), context: ctx).get()
            histories.append([r, v])
        }
        return (store, try store.insertHistories(histories), owner)
    }

    @Test func aReportOverdueLongAgoGetsExactlyTheCoresLevelsOnceAtTheServersTimeBySystem() throws {
        let db = try PGTestDatabase()
        let ctx = StoreFixture.context
        let (store, ids, owner) = try Self.overdueStore(db)
        let id = ids[0]
        let before = try #require(try owner.query("SELECT floor(extract(epoch FROM now()))::bigint AS n").int64(0, "n"))
        let c = try #require(try PGStore.complaint(id, on: owner))
        let expected = ctx.escalation.due(for: c, at: Timestamp(seconds: before), deadlines: ctx.deadlines, calendar: ctx.calendar)
        #expect(expected.count >= 3, "the fixture is overdue past several levels: \(expected.map(\.key))")

        let recorded = try store.recordEscalationsDue()
        let after = try #require(try owner.query("SELECT floor(extract(epoch FROM now()))::bigint AS n").int64(0, "n"))
        #expect(recorded == expected.count)
        let rows = try owner.query("SELECT at, actor_id, body FROM aduan.events WHERE complaint_id = $1 AND kind = 'escalate' ORDER BY version", [.int(id)])
        #expect(rows.rowCount == expected.count)
        for i in 0..<rows.rowCount {
            let at = rows.int64(i, "at") ?? 0
            #expect(at >= before && at <= after, "stamped by the server's clock: \(at) not in \(before)...\(after)")
            #expect(rows.text(i, "actor_id") == Actor.system.id)
        }
        let now = try #require(try PGStore.complaint(id, on: owner))
        #expect(now.escalations == expected.map(\.key))

        #expect(try store.recordEscalationsDue() == 0, "sweeping again adds nothing")
        #expect(try owner.query("SELECT count(*) AS n FROM aduan.events WHERE kind = 'escalate'").int64(0, "n") == Int64(expected.count))
        #expect(try store.firstBrokenLink() == nil)
    }

    @Test func aBoundedSweepRecordsAtMostItsLimitOfReportsAndTheNextSweepTheRest() throws {
        let db = try PGTestDatabase()
        let (store, ids, owner) = try Self.overdueStore(db, count: 5)
        func reportsEscalated() throws -> Int64 {
            try owner.query("SELECT count(DISTINCT complaint_id) AS n FROM aduan.events WHERE kind = 'escalate'").int64(0, "n") ?? -1
        }
        #expect(try store.recordEscalationsDue(limit: 2) > 0)
        #expect(try reportsEscalated() == 2)
        _ = try store.recordEscalationsDue()
        #expect(try reportsEscalated() == Int64(ids.count))
        #expect(try store.recordEscalationsDue() == 0)
        #expect(try store.firstBrokenLink() == nil)
    }

    @Test func theWriterRecordsEscalationsInItsSweepTurnAndServesTheQueueBetweenBatches() throws {
        let db = try PGTestDatabase()
        let ctx = StoreFixture.context
        let (store, ids, owner) = try Self.overdueStore(db, count: 6)
        let c = try #require(try PGStore.complaint(ids[0], on: owner))
        let levels = ctx.escalation.due(for: c, at: StoreFixture.day(2026, 12, 1), deadlines: ctx.deadlines, calendar: ctx.calendar).count
        var liaison = StoreFixture.liaison("pupr")
        liaison.logins = [owner.user]
        let admin = StoreFixture.admin()
        _ = try PGStore.submit(Command(.note, ActionDetails(text: "Sudah dicek ke lokasi.")), to: ids[5], expectedVersion: nil,
                               as: liaison.id, on: owner)
        let watch = try db.ownerConnection()
        func count(_ sql: String) throws -> Int64 { try watch.query(sql).int64(0, "n") ?? -1 }
        let conninfo = "host=\(PGTest.host!) port=\(PGTest.port!) user=\(db.owner) dbname=\(db.name)"
        var rounds = 0
        try PGWriterLoop.run(conninfo: conninfo, office: { _ in (ctx, [liaison, admin]) }, autoCloseEvery: 60, autoCloseBatch: 2,
                             escalationScan: 2, say: { _ in }, shouldStop: {
            rounds += 1
            let escalated = (try? count("SELECT count(*) AS n FROM aduan.events WHERE kind = 'escalate'")) ?? 0
            let settled = (try? count("SELECT count(*) AS n FROM aduan.commands WHERE outcome IS NOT NULL")) ?? 0
            return (escalated >= Int64(levels * ids.count) && settled == 1) || rounds > 400
        })
        #expect(try count("SELECT count(*) AS n FROM aduan.events WHERE kind = 'escalate'") == Int64(levels * ids.count),
                "every level of every report, once")
        #expect(try count("SELECT count(DISTINCT complaint_id) AS n FROM aduan.events WHERE kind = 'escalate'") == Int64(ids.count))
        let noteSeq = try count("SELECT seq AS n FROM aduan.events WHERE kind = 'note'")
        let lastEscalation = try count("SELECT max(seq) AS n FROM aduan.events WHERE kind = 'escalate'")
        #expect(noteSeq > 0 && noteSeq < lastEscalation, "the queued note was settled while escalations were still due")
        #expect(try store.firstBrokenLink() == nil)
    }
}
