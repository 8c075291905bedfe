import AduanCore
import AduanStore
import Testing

/// The writer's own auto-close sweep never makes an operator wait for it: after a large import
/// thousands of reports may fall due at once (a 1,000,000-report benchmark store held a note for
/// over 10 s behind one unbatched sweep), so the writer closes them a batch at a time and settles
/// the queue between batches.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGWriterSweepTests {
    @Test func anOperatorsQueuedNoteIsSettledBetweenBatchesOfAutoCloses() throws {
        let db = try PGTestDatabase()
        let ctx = StoreFixture.context
        let owner = try db.ownerConnection()
        let store = try PGStore(owner, context: ctx, create: true)
        var liaison = StoreFixture.liaison("pupr")
        liaison.logins = [owner.user]
        let admin = StoreFixture.admin()
        // Twelve reports followed up 60 days ago: every one is due for auto-close now.
        let long = StoreFixture.day(2026, 1, 5)
        var histories: [[Event]] = []
        for n in 0..<12 {
            let at = long.adding(seconds: Int64(n) * 60)
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: Intake(title: "Jalan rusak \(n)", body: "Mohon diperbaiki."))),
                                        on: nil, by: admin, at: at, context: ctx, newID: 1).get()
            var c = Workflow.evolve(nil, r)
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: "pupr", changes: ClassificationChange(anonymous: false, confidential: false))),
                                        on: c, by: admin, at: at.adding(seconds: 60), context: ctx).get()
            c = Workflow.evolve(c, v)
            let f = try Workflow.decide(Command(.followUp, ActionDetails(text: "Sudah diperbaiki.")), on: c, by: liaison,
                                        at: at.adding(seconds: 3600), context: ctx).get()
            histories.append([r, v, f])
        }
        let ids = try store.insertHistories(histories)
        // The note waits in the queue before the writer starts.
        let command = try PGStore.submit(Command(.note, ActionDetails(text: "Sudah dicek ke lokasi.")), to: ids[11], expectedVersion: nil,
                                         as: liaison.id, on: owner)
        let watch = try db.ownerConnection()
        func count(_ sql: String) throws -> Int64 { try watch.query(sql).int64(0, "n") ?? -1 }
        let conninfo = "host=\(PGTest.host!) port=\(PGTest.port!) user=\(db.owner) dbname=\(db.name)"
        var rounds = 0
        try PGWriterLoop.run(conninfo: conninfo, office: { _ in (ctx, [liaison, admin]) }, autoCloseEvery: 60, autoCloseBatch: 3,
                             say: { _ in }, shouldStop: {
            rounds += 1
            let closed = (try? count("SELECT count(*) AS n FROM aduan.events WHERE kind = 'auto-close'")) ?? 0
            let settled = (try? count("SELECT count(*) AS n FROM aduan.commands WHERE outcome IS NOT NULL")) ?? 0
            return (closed == 12 && settled == 1) || rounds > 400
        })
        #expect(try count("SELECT count(*) AS n FROM aduan.events WHERE kind = 'auto-close'") == 12, "every due report closed")
        let noteSeq = try count("SELECT seq AS n FROM aduan.events WHERE kind = 'note'")
        let lastClose = try count("SELECT max(seq) AS n FROM aduan.events WHERE kind = 'auto-close'")
        let closesBefore = try count("SELECT count(*) AS n FROM aduan.events WHERE kind = 'auto-close' AND seq < \(noteSeq)")
        #expect(noteSeq > 0 && noteSeq < lastClose, "the note was recorded while auto-closes were still due")
        #expect(closesBefore <= 3, "at most one batch ran before the queued note: \(closesBefore)")
        #expect(command > 0)
        #expect(try store.firstBrokenLink() == nil)
    }
}
