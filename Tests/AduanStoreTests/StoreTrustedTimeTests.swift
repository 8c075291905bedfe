import AduanCore
import AduanStore
import Glibc
import Testing

/// Issue 13 §3 in the store: the store keeps its last event time (in the transaction of each
/// append), refuses backdated and future-dated actions, and tells a clock that jumped back.
@Suite struct StoreTrustedTimeTests {
    typealias F = StoreFixture
    static let skew = F.officeContext.policy.clockSkewSeconds

    /// A store under the office's default skew with two reports in Proses, both received and
    /// followed up early in October.
    func office(_ dir: String) throws -> (ComplaintStore, Int64, Int64) {
        let store = try ComplaintStore.open(path: dir + "/office.db", context: F.officeContext, create: true)
        var ids: [Int64] = []
        var t = F.day(2026, 10, 1)
        for title in ["Jalan rusak", "Lampu mati"] {
            let c = try store.receive(F.intake(title), by: F.admin(), at: t)
            t = t.adding(seconds: 600)
            try store.apply(Command(.verify, ActionDetails(unit: "pupr")), to: c.id, expectedVersion: nil, by: F.admin(), at: t)
            t = t.adding(seconds: 600)
            try store.apply(Command(.followUp, ActionDetails(text: "Ditinjau")), to: c.id, expectedVersion: nil, by: F.liaison("pupr"), at: t)
            ids.append(c.id)
        }
        return (store, ids[0], ids[1])
    }

    func lastEventRow(_ store: ComplaintStore) throws -> Int64? {
        try store.db.scalarText("SELECT value FROM meta WHERE key = 'last_event_at'").flatMap { Int64($0) }
    }

    @Test func anActionEarlierThanTheReportsPreviousEventIsRefusedAndNothingIsWritten() throws {
        try withTempDir { dir in
            let (store, a, _) = try office(dir)
            let before = try F.eventCount(store)
            let last = try #require(try store.complaint(a)).updatedAt
            let error = F.storeError { () throws(StoreError) in
                try store.apply(Command(.note, ActionDetails(text: "x")), to: a, expectedVersion: nil, by: F.admin(), at: last.adding(seconds: -1))
            }
            guard case .refused(.clockBeforeLastChange(let l))? = error else { Issue.record("not refused: \(String(describing: error))"); return }
            #expect(l == last)
            #expect(try F.eventCount(store) == before)
        }
    }

    @Test func aBackdatedActionBeforeTheStoresLastEventIsRefused() throws {
        // The attack: ADUAN_NOW=2026-11-05 … follow-up, after the office has moved on to late
        // November. Report A's own last change (early October) would allow it; the store does not.
        try withTempDir { dir in
            let (store, a, b) = try office(dir)
            let late = F.day(2026, 11, 23, 10)
            try store.apply(Command(.note, ActionDetails(text: "Dicek")), to: b, expectedVersion: nil, by: F.admin(), at: late)
            #expect(try lastEventRow(store) == late.seconds)
            let before = try F.eventCount(store)
            let backdated = F.day(2026, 11, 5, 10)
            let error = F.storeError { () throws(StoreError) in
                try store.apply(Command(.followUp, ActionDetails(text: "Sudah diperbaiki")), to: a, expectedVersion: nil,
                                by: F.liaison("pupr"), at: backdated)
            }
            guard case .refused(.timeBeforeStoreLast(let at, let last, let skew))? = error else {
                Issue.record("backdated follow-up accepted or wrong error: \(String(describing: error))"); return
            }
            #expect(at == backdated && last == late && skew == Self.skew)
            #expect(try F.eventCount(store) == before)
            #expect(try lastEventRow(store) == late.seconds)
            // Within the skew (another computer's clock a minute behind) it is accepted.
            try store.apply(Command(.note, ActionDetails(text: "ok")), to: a, expectedVersion: nil, by: F.admin(), at: late.adding(seconds: -60))
            #expect(try lastEventRow(store) == late.seconds, "the last event time only moves forward")
        }
    }

    @Test func anEventLaterThanTheTrustedNowPlusTheSkewIsRefused() throws {
        // The attack: ADUAN_NOW=2099-… act / auto-close, which would freeze every later real-time action.
        try withTempDir { dir in
            let (store, a, _) = try office(dir)
            let now = F.day(2026, 11, 23, 10)
            store.trustedNow = { now }
            let future = OfficeTimeZone.wib.timestamp(LocalDate(year: 2099, month: 1, day: 5), hour: 9)
            let before = try F.eventCount(store)
            let lastBefore = try store.lastEventTime()
            let error = F.storeError { () throws(StoreError) in
                try store.apply(Command(.close), to: a, expectedVersion: nil, by: F.admin(), at: future)
            }
            guard case .refused(.timeAfterNow(let at, let n, _))? = error else { Issue.record("2099 accepted: \(String(describing: error))"); return }
            #expect(at == future && n == now)
            let sweep = F.storeError { () throws(StoreError) in try store.autoCloseDue(at: future) }
            guard case .refused(.timeAfterNow)? = sweep else { Issue.record("auto-close in 2099 accepted: \(String(describing: sweep))"); return }
            #expect(try F.eventCount(store) == before)
            #expect(try store.lastEventTime() == lastBefore)
            // Real time still works afterwards: nothing was frozen.
            try store.apply(Command(.note, ActionDetails(text: "ok")), to: a, expectedVersion: nil, by: F.admin(), at: now)
        }
    }

    @Test func aClockBehindTheStoresLastEventByMoreThanTheSkewIsReportedAtOpen() throws {
        try withTempDir { dir in
            let (store, a, _) = try office(dir)
            let late = F.day(2026, 11, 23, 10)
            try store.apply(Command(.note, ActionDetails(text: "x")), to: a, expectedVersion: nil, by: F.admin(), at: late)
            let reopened = try ComplaintStore.open(path: dir + "/office.db", context: F.officeContext)
            #expect(try reopened.clockBehind(now: late.adding(seconds: -Self.skew - 1)) == late)
            #expect(try reopened.clockBehind(now: late.adding(seconds: -Self.skew)) == nil)
            #expect(try reopened.clockBehind(now: late.adding(days: 1)) == nil)
        }
    }

    @Test func aStoreFromBeforeTheLastEventRowReadsItFromItsEvents() throws {
        try withTempDir { dir in
            let (store, a, _) = try office(dir)
            let last = try #require(try store.complaint(a)).updatedAt
            try store.db.execute("DELETE FROM meta WHERE key = 'last_event_at'")
            let latest = try #require(try store.db.scalarInt("SELECT max(at) FROM events"))
            #expect(try store.lastEventTime() == Timestamp(seconds: latest))
            let error = F.storeError { () throws(StoreError) in
                try store.apply(Command(.note, ActionDetails(text: "x")), to: a, expectedVersion: nil, by: F.admin(),
                                at: Timestamp(seconds: latest - Self.skew - 1))
            }
            // Either rule may speak first; the point is that it is refused.
            #expect(error != nil)
            #expect(latest >= last.seconds)
            try store.apply(Command(.note, ActionDetails(text: "x")), to: a, expectedVersion: nil, by: F.admin(), at: Timestamp(seconds: latest + 60))
            #expect(try lastEventRow(store) == latest + 60, "the row is written again at the next append")
        }
    }

    @Test func theReportersTimeIsStoredAsAFieldAndTheEventKeepsTheRecordingMoment() throws {
        try withTempDir { dir in
            let (store, a, _) = try office(dir)
            let followUp = try #require(try store.complaint(a)?.lastFollowUpAt)
            let written = followUp.adding(days: 2)
            let recorded = followUp.adding(days: 5)
            try store.apply(Command(.reply, ActionDetails(text: "Belum beres", reportedAt: written)), to: a, expectedVersion: nil,
                            by: F.admin(), at: recorded)
            let e = try #require(try store.events(of: a).last)
            #expect(e.kind == .reply && e.at == recorded && e.details.reportedAt == written)
            #expect(try lastEventRow(store) == recorded.seconds)
            // The stored history still replays and verifies.
            #expect(try store.verify().problems.isEmpty)
            // A reporter's time before the follow-up it answers, or after the recording moment: refused.
            for bad in [followUp.adding(seconds: -60), recorded.adding(days: 1).adding(seconds: 1)] {
                let error = F.storeError { () throws(StoreError) in
                    try store.apply(Command(.reply, ActionDetails(text: "lagi", reportedAt: bad)), to: a, expectedVersion: nil,
                                    by: F.admin(), at: recorded.adding(days: 1))
                }
                switch error {
                case .refused(.reportedTimeBeforeFollowUp)?, .refused(.reportedTimeInFuture)?: break
                default: Issue.record("bad reporter time \(bad) not refused: \(String(describing: error))")
                }
            }
        }
    }
}
