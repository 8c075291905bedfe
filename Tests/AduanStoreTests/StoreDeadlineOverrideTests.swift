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
