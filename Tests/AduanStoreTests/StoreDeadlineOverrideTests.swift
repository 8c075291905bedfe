import AduanCore
@testable import AduanStore
import Testing

/// Issue 15 item 4 in the store: SLA overrides are part of the deadline fingerprint, so a store
/// opened after the office adds (or changes) one recomputes its stored deadlines, and verify stays clean.
@Suite struct StoreDeadlineOverrideTests {
    typealias F = StoreFixture
    typealias S = StoreDeadlineSettingsTests

    /// The office's rules with every report of the fixture's category given 10 working days for the first follow-up.
    static func withOverride(days: Int) throws -> WorkflowContext {
        var ctx = F.context
        let category = F.intake("x", agency: "pemkab").category
        ctx.deadlines.overrides = [DeadlineOverride(category: category, timers: [.firstFollowUp: DeadlineRule(days: days, counting: .working, basis: "Perbup")],
                                                    source: "deadlines.overrides[0]")]
        return ctx
    }

    @Test func addingOrChangingAnOverrideRecomputesTheStoredDeadlinesAndVerifyStaysClean() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            try S.build(path)
            let ten = try Self.withOverride(days: 10)
            #expect(ten.deadlines.fingerprint != F.context.deadlines.fingerprint)
            let store = try ComplaintStore.open(path: path, context: ten)
            let done = try #require(store.deadlinesRecomputed, "an override was added: the open recomputes")
            #expect(done.changed >= 1)
            try S.expectStoredDeadlinesFollow(store, ten)
            #expect(try store.verify().isClean)
            // Changing only the override's days is a change too.
            let twelve = try Self.withOverride(days: 12)
            let again = try ComplaintStore.open(path: path, context: twelve)
            #expect(again.deadlinesRecomputed != nil)
            try S.expectStoredDeadlinesFollow(again, twelve)
            #expect(try ComplaintStore.open(path: path, context: twelve).deadlinesRecomputed == nil)
        }
    }
}

/// Issue 15 item 3 in the store: the sweep records each due level once, a bounded scan (the
/// screen's) takes the nearest deadlines first, and the history stays verifiable.
@Suite struct StoreEscalationSweepTests {
    typealias F = StoreFixture
    typealias S = StoreDeadlineSettingsTests

    @Test func aBoundedScanTakesTheNearestDeadlineFirstAndAFullSweepTheRestOnce() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            try S.build(path)
            let store = try F.open(path, create: false)
            // Every open report is far past every level a fortnight later (the clock skew allows it).
            let later = F.now.adding(days: 14)
            let open = try F.allComplaints(store).filter { [.belumTerverifikasi, .belumDitindaklanjuti, .proses].contains($0.status) }
            let nearest = try #require(open.min { (F.context.deadlines.running(for: $0, calendar: F.context.calendar)?.dueAt.seconds ?? .max, $0.id)
                                                < (F.context.deadlines.running(for: $1, calendar: F.context.calendar)?.dueAt.seconds ?? .max, $1.id) })
            let first = try store.recordEscalations(at: later, scan: 1)
            #expect(first > 0)
            let touched = try F.allComplaints(store).filter { !$0.escalations.isEmpty }.map(\.id)
            #expect(touched == [nearest.id])
            let rest = try store.recordEscalations(at: later)
            #expect(rest > 0)
            #expect(try store.recordEscalations(at: later.adding(seconds: 60)) == 0)
            // Exactly the reports the core finds something due on (a Proses report awaiting the reporter
            // runs only the auto-close, which never escalates, and the 60-day cap's first warning).
            let due = open.filter { !F.context.escalation.due(for: $0, at: later, deadlines: F.context.deadlines, calendar: F.context.calendar).isEmpty }
            #expect(try F.allComplaints(store).filter { !$0.escalations.isEmpty }.map(\.id).sorted() == due.map(\.id).sorted())
            let report = try store.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(try store.escalationCounts().reduce(0) { $0 + $1.count } == first + rest)
        }
    }
}
