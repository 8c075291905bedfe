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
