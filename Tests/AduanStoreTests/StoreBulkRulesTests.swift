import AduanCore
import AduanStore
import Testing

/// A bulk load (import, demo data) goes through the same rules as one action: the store replays
/// every history through `Workflow` before it writes, so no caller can store a history the
/// workflow would not have allowed.
@Suite struct StoreBulkRulesTests {
    typealias F = StoreFixture
    typealias Snapshot = StoreWriteTests.Snapshot

    /// A legal history: received, verified to a unit, followed up by that unit.
    static func legal(_ title: String) -> [Event] {
        var h = F.History()
        let received = F.day(2026, 10, 5)
        h.must(F.admin(), Command(.receive, ActionDetails(intake: F.intake(title))), at: received)
        h.must(F.admin(), Command(.verify, ActionDetails(unit: "dinkes")), at: received.adding(seconds: 3_600))
        h.must(F.liaison("dinkes"), Command(.followUp, ActionDetails(text: "Sudah ditangani.")), at: F.day(2026, 10, 6, 10))
        return h.events
    }

    /// Hand-made histories that break the rules in different ways.
    static func illegal() -> [(String, [Event])] {
        var byLiaison = legal("Verifikasi oleh penghubung")
        byLiaison[1].actor = F.liaison("dinkes")
        var wrongStatus = legal("Status dikarang")
        wrongStatus[2].to = .selesai
        var gap = legal("Versi melompat")
        gap[2].version = 5
        var noIntake = legal("Tanpa penerimaan")
        noIntake.removeFirst()
        for i in noIntake.indices { noIntake[i].version = i + 1 }
        return [("verify by a liaison", byLiaison), ("a status the workflow did not decide", wrongStatus),
                ("a version gap", gap), ("no intake first", noIntake)]
    }

    @Test func aHandMadeIllegalHistoryIsRefusedAndNothingIsWritten() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            try store.insertHistories([Self.legal("Sudah ada")])
            for (what, history) in Self.illegal() {
                let before = try Snapshot(store)
                // Alone, and after a legal history in the same batch: the whole batch is refused.
                for batch in [[history], [Self.legal("Sah tapi sebatch"), history]] {
                    let error = F.storeError { () throws(StoreError) in try store.insertHistories(batch) }
                    #expect(error?.caseName == "illegalHistory", "\(what): \(String(describing: error))")
                    #expect(try Snapshot(store) == before, "\(what): nothing written")
                }
                let message = try #require(F.storeError { () throws(StoreError) in try store.insertHistories([history]) })
                    .message(strings(.en), names: F.directory, zone: F.zone)
                #expect(!message.isEmpty && !message.contains("illegalHistory"), "\(what): \(message)")
            }
            #expect(try store.verify().isClean)
        }
    }

    @Test func prepareRefusesAnIllegalHistoryBeforeTheWriterSeesIt() throws {
        for (what, history) in Self.illegal() {
            let error = F.storeError { () throws(StoreError) in
                try ComplaintStore.prepare(history, context: F.context)
            }
            #expect(error?.caseName == "illegalHistory", "\(what): \(String(describing: error))")
        }
        let ok = F.storeError { () throws(StoreError) in try ComplaintStore.prepare(Self.legal("Sah"), context: F.context) }
        #expect(ok == nil)
    }
}
