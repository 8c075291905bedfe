import AduanCore
import AduanStore
import Testing

/// Events carry the authenticated login (issue 13), and a store whose old events have none still
/// verifies: the login is a new field of the event text, absent from events written before it.
@Suite struct StoreLoginTests {
    typealias F = StoreFixture

    @Test func eventsWithAndWithoutALoginShareOneVerifiedChain() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            // Written as before logins existed.
            let old = try F.open(path)
            let c = try old.receive(F.intake("Lampu jalan mati"), by: F.admin(), at: F.day(2026, 11, 2))
            let imported = try old.insertHistories([[Event(complaintID: 0, version: 1, at: F.day(2026, 11, 2, 10), actor: F.admin(),
                                                           kind: .receive, from: nil, to: .belumTerverifikasi,
                                                           details: ActionDetails(intake: F.intake("Jalan berlubang")), login: "forged")]])
            // Then by an authenticated connection: its login, whatever the event claims.
            let now = try ComplaintStore.open(path: path, context: F.context, login: "siti")
            try now.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: c.id, expectedVersion: 1, by: F.admin(), at: F.day(2026, 11, 3))
            try now.insertHistories([[Event(complaintID: 0, version: 1, at: F.day(2026, 11, 3, 11), actor: F.admin(),
                                            kind: .receive, from: nil, to: .belumTerverifikasi,
                                            details: ActionDetails(intake: F.intake("Got mampet")), login: "forged")]])
            #expect(try now.events(of: c.id).map(\.login) == [nil, "siti"])
            #expect(try now.events(of: imported[0]).map(\.login) == [nil], "a connection without a login stamps none, whatever the event claims")
            #expect(try now.events(of: imported[0] + 1).map(\.login) == ["siti"])
            let report = try now.verify(names: F.directory)
            #expect(report.isClean, "\(report.problems)")
            #expect(report.eventsChecked == 4)
        }
    }
}
