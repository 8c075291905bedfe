@testable import AduanStore
import AduanCore
import AduanTestSupport
import Glibc
import Testing

/// Figures for notes, not a benchmark: with ADUAN_PG_SCALE=N, loads N random reports (received
/// over the last 3 days by the server's clock, so a first pass records a few warnings) through COPY, then times, with the statements
/// each sends, the writer's escalation pass (the first records what is due; the second is the pass
/// the writer makes every minute when nothing new is due) and an office change's deadline
/// recompute. Skipped otherwise.
@Suite(.enabled(if: PGTest.available && PGTest.env("ADUAN_PG_SCALE") != nil, "set ADUAN_PG_SCALE=N to measure"), .serialized)
struct PGScaleMeasureTests {
    static func histories(_ n: Int) -> [[Event]] {
        var rng = SplitMix(seed: 14)
        let now = Timestamp(seconds: Int64(time(nil)))
        let from = now.adding(days: -3)
        return (0..<n).map { StoreFixture.randomHistory(&rng, index: $0, from: from, until: now) }.filter { !$0.isEmpty }
    }

    static func report(_ label: String, _ conn: PGConnection, _ body: () throws -> String) rethrows {
        let sent = conn.statementsSent
        let start = monotonic()
        let said = try body()
        let seconds = monotonic() - start
        print("PG scale: \(label): \(String(format1: seconds)) s, \(conn.statementsSent - sent) statements\(said.isEmpty ? "" : ", " + said)")
    }

    @Test func measureEscalationPassAndOfficeRecompute() throws {
        let n = Int(PGTest.env("ADUAN_PG_SCALE")!) ?? 1000
        let db = try PGTestDatabase()
        let ctx = StoreFixture.context
        let store = try PGStore(try db.ownerConnection(), context: ctx, create: true)
        let all = Self.histories(n)
        for chunk in stride(from: 0, to: all.count, by: 5_000) { _ = try store.bulkInsertHistories(Array(all[chunk..<min(all.count, chunk + 5_000)])) }
        try store.conn.execute("ANALYZE")
        let open = try store.conn.query("SELECT count(*) AS n FROM aduan.complaints WHERE status IN (0, 1, 2)").int64(0, "n") ?? 0
        print("PG scale: \(all.count) reports loaded, \(open) open")
        try Self.report("escalation pass 1 (records what is due)", store.conn) { "\(try store.recordEscalationsDue()) events" }
        try Self.report("escalation pass 2 (nothing new due)", store.conn) { "\(try store.recordEscalationsDue()) events" }
        var changed = ctx
        changed.deadlines.firstFollowUp.days += 2
        try Self.report("office recompute (first follow-up +2 days)", store.conn) {
            let r = try store.conn.transaction { try store.recomputeDeadlines(context: changed) }
            return "open \(r.open), changed \(r.changed)"
        }
        // What an operator's queued command may wait behind: one page of the writer's recompute.
        var back = ctx
        back.deadlines.firstFollowUp.days -= 1
        var step = PGStore.PendingRecompute(command: 0, version: 0, after: Int64.min, open: 0, changed: 0)
        var times: [Double] = []
        for _ in 0..<20 {
            let start = monotonic()
            _ = try store.conn.transaction { try store.recomputePage(&step, context: back, page: store.recomputeBatch) }
            times.append((monotonic() - start) * 1000)
        }
        times.sort()
        print("PG scale: one recompute page of \(store.recomputeBatch): median \(Int(times[10])) ms, max \(Int(times[19])) ms")
    }
}

extension String {
    init(format1 seconds: Double) {
        let ms = Int((seconds * 1000).rounded())
        self = "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
    }
}
