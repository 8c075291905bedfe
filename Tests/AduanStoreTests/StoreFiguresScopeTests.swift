import AduanCore
@testable import AduanStore
import Testing

/// The supervisor's figures count only what the scope may see (found by the PostgreSQL figures
/// agreement, PGFiguresTests): a liaison without a unit holds nothing, so its dashboard and recap
/// count nothing; a unit's recap counts the forwards of the reports it sees, not its agency's.
@Suite struct StoreFiguresScopeTests {
    typealias F = StoreFixture
    static let noUnit = InboxScope.unit("pemkab", "", includingCopies: true)

    @Test func aLiaisonWithoutAUnitCountsNothingOnTheDashboardOrInTheRecap() throws {
        let store = try SharedDataset.open()
        let f = try store.figures(Self.noUnit, now: F.now)
        #expect(f.total == 0 && f.byHolderAndStatus.isEmpty, "\(f.byHolderAndStatus)")
        #expect(f.receivedPerWeek.allSatisfy { $0.count == 0 } && f.firstFollowUpSample == 0)
        let today = F.zone.date(of: F.now)
        let recap = try store.periodFigures(Self.noUnit, from: today.adding(days: -160), to: today, now: F.now)
        #expect(recap.received == 0 && recap.longTunda.isEmpty && recap.forwardsOut == 0 && recap.forwardsIn == 0)
    }

    @Test func aUnitsRecapCountsTheForwardsOfTheReportsItSeesAsTheDashboardDoes() throws {
        let store = try SharedDataset.open()
        let all = try StoreDataset.load(store)
        let today = F.zone.date(of: F.now)
        let from = today.adding(days: -160)
        for unit in ["dinkes", "pupr", "disdik"] {
            let scope = InboxScope.unit("pemkab", unit, includingCopies: true)
            let recap = try store.periodFigures(scope, from: from, to: today, now: F.now)
            // Every forward the unit's agency made, on the reports the unit sees (held now, before, copied).
            let seen = all.filter { scope.contains($0) }
            var out = 0, into = 0
            for c in seen {
                for e in try store.events(of: c.id) where e.kind == .forward && e.details.agency != nil {
                    if e.actor.agency == "pemkab" { out += 1 }
                    if e.details.agency == "pemkab" { into += 1 }
                }
            }
            #expect(recap.forwardsOut == out && recap.forwardsIn == into, "\(unit): \(recap.forwardsOut)/\(recap.forwardsIn), sees \(out)/\(into)")
            let dashboard = try store.figures(scope, now: F.now)
            #expect(dashboard.forwardsOut == out && dashboard.forwardsIn == into, "\(unit) dashboard")
        }
    }
}
