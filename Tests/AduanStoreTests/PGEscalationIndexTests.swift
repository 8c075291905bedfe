import AduanCore
@testable import AduanStore
import Testing

/// The writer's escalation pass reads only the reports something is due on (issue 14): each
/// projection keeps when its next warning or step falls due (`escalate_at`, the core's
/// `EscalationPolicy.nextDue`), and the pass reads over an index the ones whose time has passed.
/// It read every open report once a minute before (21.6 s and 18,541 statements a pass at 20,000).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGEscalationIndexTests {
    /// `fresh` reports received a minute ago by the server's clock (nothing due for days) and
    /// `overdue` received and verified long ago (every level due).
    static func store(_ db: PGTestDatabase, fresh: Int, overdue: Int) throws -> PGStore {
        let ctx = StoreFixture.context
        let owner = try db.ownerConnection()
        let store = try PGStore(owner, context: ctx, create: true)
        let admin = StoreFixture.admin()
        let serverNow = Timestamp(seconds: try owner.query("SELECT floor(extract(epoch FROM now()))::bigint AS n").int64(0, "n") ?? 0)
        var histories: [[Event]] = []
        for n in 0..<(fresh + overdue) {
            let at = n < fresh ? serverNow.adding(seconds: -120) : StoreFixture.day(2026, 1, 5).adding(seconds: Int64(n) * 60)
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: Intake(title: "Jalan rusak \(n)", body: "Mohon diperbaiki."))),
                                        on: nil, by: admin, at: at, context: ctx, newID: 1).get()
            let c = Workflow.evolve(nil, r)
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: "pupr", changes: ClassificationChange(anonymous: false, confidential: false))),
                                        on: c, by: admin, at: at.adding(seconds: 60), context: ctx).get()
            histories.append([r, v])
        }
        _ = try store.insertHistories(histories)
        return store
    }

    /// Every report's stored time is the core's next mark for its replayed state.
    static func timesAgreeWithTheCore(_ store: PGStore) throws -> [String] {
        let ctx = store.context
        let r = try store.conn.query("SELECT id, escalate_at FROM aduan.complaints ORDER BY id")
        var wrong: [String] = []
        for i in 0..<r.rowCount {
            let id = r.int64(i, "id") ?? 0
            let c = try #require(try store.replayed(id))
            let want = ctx.escalation.nextDue(for: c, deadlines: ctx.deadlines, calendar: ctx.calendar)?.seconds
            if r.int64(i, "escalate_at") != want { wrong.append("#\(id): \(r.text(i, "escalate_at") ?? "null") ≠ \(want.map(String.init) ?? "null")") }
        }
        return wrong
    }

    @Test func aPassWithNothingDueReadsNoReportAndEveryStoredTimeIsTheCoresNextMark() throws {
        let db = try PGTestDatabase()
        let store = try Self.store(db, fresh: 30, overdue: 2)
        #expect(try Self.timesAgreeWithTheCore(store) == [])
        let first = try store.recordEscalationsDue()
        #expect(first >= 6, "both overdue reports get their levels: \(first)")
        #expect(try Self.timesAgreeWithTheCore(store) == [], "recording a level stores the next one's time")
        let before = store.conn.statementsSent
        #expect(try store.recordEscalationsDue() == 0)
        let sent = store.conn.statementsSent - before
        #expect(sent <= 2, "a pass with nothing due is the server's time and one indexed read, not a read of each of 32 open reports: \(sent)")
        #expect(try store.firstBrokenLink() == nil)
    }

    @Test func aStoreFromBeforeSchema7IsMigratedAndItsFirstPassStoresEveryOpenReportsTime() throws {
        let db = try PGTestDatabase()
        let fixture = try Self.store(db, fresh: 5, overdue: 3)
        // As schema 6 left it: no column, no index.
        try fixture.conn.execute("DROP INDEX aduan.complaints_escalate; ALTER TABLE aduan.complaints DROP COLUMN escalate_at; UPDATE aduan.meta SET value = '6' WHERE key = 'schema_version'")
        let store = try PGStore(try db.ownerConnection(), context: StoreFixture.context)
        let marked = try store.conn.query("SELECT count(*) AS n FROM aduan.complaints WHERE escalate_at = 0").int64(0, "n")
        #expect(marked == 8, "every open report is marked for one look")
        let recorded = try store.recordEscalationsDue()
        let levels = try store.conn.query("SELECT count(*) AS n FROM aduan.events WHERE kind = 'escalate'").int64(0, "n") ?? 0
        #expect(recorded > 0 && Int64(recorded) == levels)
        #expect(try Self.timesAgreeWithTheCore(store) == [])
        #expect(try store.recordEscalationsDue() == 0)
    }
    @Test func afterAPassOverRandomHistoriesNothingTheCoreCallsDueIsLeftUnrecorded() throws {
        let db = try PGTestDatabase()
        let ctx = StoreFixture.context
        let store = try PGStore(try db.ownerConnection(), context: ctx, create: true)
        let serverNow = Timestamp(seconds: try store.conn.query("SELECT floor(extract(epoch FROM now()))::bigint AS n").int64(0, "n") ?? 0)
        var rng = SplitMix(seed: 2026_12_05)
        let histories = (0..<80).map { StoreFixture.randomHistory(&rng, index: $0, from: serverNow.adding(days: -40), until: serverNow) }.filter { !$0.isEmpty }
        _ = try store.insertHistories(histories)
        #expect(try store.recordEscalationsDue() > 0)
        #expect(try Self.timesAgreeWithTheCore(store) == [])
        let now = try store.serverNow()
        var left: [String] = []
        for id in 1...Int64(histories.count) {
            let c = try #require(try store.replayed(id))
            let due = ctx.escalation.due(for: c, at: now, deadlines: ctx.deadlines, calendar: ctx.calendar)
            if !due.isEmpty { left.append("#\(id): \(due.map(\.key))") }
        }
        #expect(left == [], "due but not recorded after a pass")
    }
}
