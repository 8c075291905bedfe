import AduanCore
@testable import AduanStore
import Testing

/// An office change on PostgreSQL recomputes every report's stored deadlines in the writer's
/// transaction a page at a time (issue 14): a few statements per page of reports, not two or
/// more per report (27 s at 20,000 before), and each row as a fresh projection under the new
/// rules would write it, its next escalation time included.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGOfficeRecomputeTests {
    @Test func deadlinesAreRecomputedAPageAtATimeAndEachRowIsTheNewRulesProjection() throws {
        let db = try PGTestDatabase()
        let ctx = StoreFixture.context
        let store = try PGStore(try db.ownerConnection(), context: ctx, create: true)
        var rng = SplitMix(seed: 2026_12_05)
        let histories = (0..<40).map { StoreFixture.randomHistory(&rng, index: $0, from: StoreFixture.day(2026, 9, 1), until: StoreFixture.day(2026, 11, 1)) }
            .filter { !$0.isEmpty }
        _ = try store.insertHistories(histories)
        var changed = ctx
        changed.deadlines.firstFollowUp.days += 2
        changed.deadlines.autoClose.days += 5
        changed.escalation.ladders[.firstFollowUp] = EscalationLadder(warnAt: [30], steps: [EscalationStep(afterWorkingDays: 2, to: .supervisor)])

        let before = store.conn.statementsSent
        let r = try store.conn.transaction { try store.recomputeDeadlines(context: changed, page: 10) }
        let sent = store.conn.statementsSent - before
        let pages = (histories.count + 9) / 10
        #expect(sent <= pages * 3 + 1, "\(sent) statements for \(histories.count) reports in pages of 10")
        #expect(r.changed > 0 && r.open > 0)

        let columns = PGStore.projectionColumns.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }
        let checked = ["due_at", "due_kind", "due_key", "auto_close_at", "first_follow_up_wd", "receipt_week", "escalate_at"]
        let rows = try store.conn.query("SELECT id, \(checked.joined(separator: ", ")) FROM aduan.complaints ORDER BY id")
        #expect(rows.rowCount == histories.count)
        for i in 0..<rows.rowCount {
            let id = rows.int64(i, "id") ?? 0
            let c = try #require(try store.replayed(id))
            let fresh = PGStore.projectionRow(c, context: changed)
            for name in checked {
                let want: String?
                switch fresh[columns.firstIndex(of: name)!] {
                case .int(let n): want = String(n)
                case .text(let t): want = t
                default: want = nil
                }
                #expect(rows.text(i, name) == want, "#\(id) \(name): \(rows.text(i, name) ?? "null") ≠ \(want ?? "null")")
            }
        }
        // Nothing left to change.
        #expect(try store.conn.transaction { try store.recomputeDeadlines(context: changed, page: 10) }.changed == 0)
    }
}

/// On a store larger than one page the writer records the office change once, settles the command
/// `working`, serves operators' queued commands between pages, and settles it `done` with the
/// counts after the last page, every row then the new rules' projection.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGOfficeRecomputeBatchTests {
    @Test func theWriterRecordsTheChangeOnceServesAQueuedNoteBetweenPagesAndSettlesWithTheCounts() throws {
        let db = try PGTestDatabase()
        let owner = try db.ownerConnection()
        let config = try OfficeConfig.parse(Array(BuiltInConfig.json.utf8), file: "office.json").get()
        let ctx = config.context
        let store = try PGStore(owner, context: ctx, create: true)
        store.recomputeBatch = 5
        var admin = config.operators.first { $0.id == "admin" }!
        admin.logins = [owner.user]
        guard case .recorded = try store.recordOffice(document: BuiltInConfig.json, summary: "v1", by: "admin", basedOn: nil) else {
            Issue.record("the first office was not recorded"); return
        }
        let at = Timestamp(seconds: try owner.query("SELECT floor(extract(epoch FROM now()))::bigint AS n").int64(0, "n") ?? 0).adding(days: -2)
        var histories: [[Event]] = []
        for n in 0..<23 {
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: Intake(title: "Jalan rusak \(n)", body: "Mohon diperbaiki."))),
                                        on: nil, by: admin, at: at.adding(seconds: Int64(n) * 60), context: ctx, newID: 1).get()
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: n % 2 == 0 ? "pupr" : "dinkes", changes: ClassificationChange(anonymous: false, confidential: false))),
                                        on: Workflow.evolve(nil, r), by: admin, at: at.adding(seconds: Int64(n) * 60 + 30), context: ctx).get()
            histories.append([r, v])
        }
        let ids = try store.insertHistories(histories)
        let document = BuiltInConfig.json.replacing("\"firstFollowUp\": { \"days\": 5,", with: "\"firstFollowUp\": { \"days\": 9,")
        let next = try OfficeDocument.parse(document, version: 2).get().context
        let office = try PGStore.submitOffice(document: document, summary: "first follow-up 9 days", basedOn: 1, as: "admin", on: owner)
        let note = try PGStore.submit(Command(.note, ActionDetails(text: "Sudah dicek.")), to: ids[22], expectedVersion: nil, as: "admin", on: owner)
        func outcome(_ id: Int64) throws -> PGCommandOutcome? { try PGStore.outcome(of: id, on: owner) }
        func versions() throws -> Int64 { try owner.query("SELECT count(*) AS n FROM aduan.office_versions").int64(0, "n") ?? -1 }

        // The office command: recorded with the first page, settled `working`; the writer stops to re-read the office.
        #expect(try store.processCommands(operators: [admin]) == 1)
        #expect(try outcome(office)?.outcome == "working")
        #expect(try versions() == 2)
        // The writer with the new rules: the queued note is settled while pages remain.
        let writer = try PGStore(owner, context: next)
        writer.recomputeBatch = 5
        #expect(try writer.continueRecompute(officeVersion: 2))
        #expect(try writer.processCommands(operators: [admin]) == 1)
        #expect(try outcome(note)?.outcome == "done")
        #expect(try outcome(office)?.outcome == "working", "the note was served between pages")
        var pages = 1
        while try writer.continueRecompute(officeVersion: 2) { pages += 1 }
        #expect(pages >= 3)
        let done = try #require(try outcome(office))
        // 22 moved: the noted report's row was already written under the new rules when its page came.
        #expect(done.outcome == "done" && done.message == "open 23 changed 22" && done.version == 2, "\(done)")
        #expect(try versions() == 2, "recorded once")
        #expect(try writer.continueRecompute(officeVersion: 2) == false, "nothing left")
        // Every row is the new rules' projection (the note's report was written by the writer under them).
        let columns = PGStore.projectionColumns.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }
        for id in ids {
            let c = try #require(try writer.replayed(id))
            let fresh = PGStore.projectionRow(c, context: next)
            let row = try owner.query("SELECT due_at, escalate_at FROM aduan.complaints WHERE id = $1", [.int(id)])
            for name in ["due_at", "escalate_at"] {
                guard case .int(let want) = fresh[columns.firstIndex(of: name)!] else { Issue.record("#\(id) \(name) has none"); continue }
                #expect(row.int64(0, name) == want, "#\(id) \(name)")
            }
        }
    }
}
