import AduanCore
import AduanStore
import Glibc
import Testing

/// Two operators (two connections to one file): optimistic concurrency, write locks, change signals.
@Suite struct StoreConcurrencyTests {
    typealias F = StoreFixture

    /// A report verified to Dinas Kesehatan, opened by two operators' stores.
    func twoOperators(_ dir: String) throws -> (a: ComplaintStore, b: ComplaintStore, id: Int64) {
        let path = dir + "/aduan.db"
        let a = try F.open(path)
        let c = try a.receive(F.intake("Puskesmas tutup"), by: F.admin(), at: F.day(2026, 11, 2))
        try a.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: c.id, expectedVersion: 1, by: F.admin(), at: F.day(2026, 11, 2, 10))
        let b = try F.open(path, create: false)
        return (a, b, c.id)
    }

    @Test func aStaleVersionIsAConflictNamingWhoChangedItAndNothingIsWritten() throws {
        try withTempDir { dir in
            let (a, b, id) = try twoOperators(dir)
            let seen = try #require(try a.complaint(id))
            #expect(seen.version == 2)

            // B (the unit's liaison) posts a follow-up meanwhile.
            let liaison = F.liaison("dinkes")
            let changedAt = F.day(2026, 11, 3, 8)
            try b.apply(Command(.followUp, ActionDetails(text: "Puskesmas buka kembali besok.")), to: id,
                        expectedVersion: 2, by: liaison, at: changedAt)

            // A decided on version 2: re-dispose to PUPR.
            let eventsBefore = try F.eventCount(a)
            let error = F.storeError { () throws(StoreError) in
                try a.apply(Command(.classify, ActionDetails(changes: ClassificationChange(priority: .high))), to: id,
                            expectedVersion: seen.version, by: F.admin(), at: F.day(2026, 11, 3, 9))
            }
            guard case .conflict(let conflict) = error else {
                Issue.record("expected a conflict, got \(String(describing: error))")
                return
            }
            #expect(conflict.complaintID == id)
            #expect(conflict.expectedVersion == 2)
            #expect(conflict.currentVersion == 3)
            #expect(conflict.changedBy == liaison)
            #expect(conflict.change == .followUp)
            #expect(conflict.changedAt == changedAt)
            #expect(try F.eventCount(a) == eventsBefore, "the conflicting action wrote an event")
            let now = try #require(try a.complaint(id))
            #expect(now.version == 3 && now.priority == .normal && now.status == .proses)
            #expect(try a.verify().isClean)

            // Deciding again on what is current (nil: scripts and sweeps) applies on top.
            let applied = try a.apply(Command(.classify, ActionDetails(changes: ClassificationChange(priority: .high))), to: id,
                                      expectedVersion: nil, by: F.admin(), at: F.day(2026, 11, 3, 9))
            #expect(applied.version == 4 && applied.priority == .high && applied.status == .proses)
            #expect(try b.complaint(id) == applied, "the other connection reads the new state")
            #expect(try a.verify().isClean)
        }
    }

    @Test func aConflictNamesTheFirstUnseenChangeWhenSeveralHappened() throws {
        try withTempDir { dir in
            let (a, b, id) = try twoOperators(dir)
            try b.apply(Command(.cc, ActionDetails(unit: "pupr")), to: id, expectedVersion: 2, by: F.admin(), at: F.day(2026, 11, 3, 8))
            try b.apply(Command(.followUp, ActionDetails(text: "Ditinjau.")), to: id, expectedVersion: 3, by: F.liaison("dinkes"), at: F.day(2026, 11, 3, 9))
            let error = F.storeError { () throws(StoreError) in
                try a.apply(Command(.note, ActionDetails(text: "Cek")), to: id, expectedVersion: 2, by: F.supervisor, at: F.day(2026, 11, 3, 10))
            }
            guard case .conflict(let conflict) = error else {
                Issue.record("expected a conflict, got \(String(describing: error))")
                return
            }
            #expect(conflict.change == .cc && conflict.changedBy == F.admin() && conflict.currentVersion == 4)
            #expect(try F.eventCount(a) == 4)
        }
    }

    @Test func aHeldWriteLockIsLockedAndNothingIsWritten() throws {
        try withTempDir { dir in
            let (a, b, id) = try twoOperators(dir)
            b.db.setBusyTimeout(milliseconds: 50)
            let holder = try Database(path: a.path)
            try holder.execute("BEGIN IMMEDIATE")
            let events = try F.eventCount(a)

            let start = ContinuousClock.now
            let error = F.storeError { () throws(StoreError) in
                try b.apply(Command(.followUp, ActionDetails(text: "Ditinjau.")), to: id, expectedVersion: 2, by: F.liaison("dinkes"), at: F.now)
            }
            #expect(error.caseName == "locked", "got \(String(describing: error))")
            #expect(ContinuousClock.now - start < .seconds(3), "gave up after the busy timeout, not the default 5 s")
            let receive = F.storeError { () throws(StoreError) in try b.receive(F.intake("Baru"), by: F.admin(), at: F.now) }
            #expect(receive.caseName == "locked")
            #expect(!b.db.isInTransaction, "no transaction left open after .locked")

            try holder.execute("ROLLBACK")
            #expect(try F.eventCount(b) == events, "nothing written while locked")
            #expect(try b.complaint(id)?.version == 2)
            // Once released, the same action goes through.
            let done = try b.apply(Command(.followUp, ActionDetails(text: "Ditinjau.")), to: id, expectedVersion: 2, by: F.liaison("dinkes"), at: F.now)
            #expect(done.version == 3)
            #expect(try a.verify().isClean)
        }
    }

    /// An import's write (`writeExclusively`) holds the store for its whole length: another
    /// connection's action is refused with `.locked` after its busy timeout, a reader sees
    /// nothing of the import (neither half its rows nor a store without its indexes) until it
    /// commits whole, and a failure at any point leaves nothing behind.
    @Test func anImportHoldsTheStoreWholeAndOthersSeeAllOrNothing() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            let a = try F.open(path)
            let b = try F.open(path, create: false)
            b.db.setBusyTimeout(milliseconds: 50)
            func histories(_ n: Int, from: Int) -> [[Event]] {
                (0..<n).map { i in
                    var h = F.History()
                    h.must(F.admin(), Command(.receive, ActionDetails(intake: F.intake("Impor \(from + i)", body: "Kataimpor nomor \(from + i)"))),
                           at: F.day(2026, 11, 2))
                    return h.events
                }
            }
            func indexes() throws -> Int64 { try b.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'index'") ?? 0 }
            func found() throws -> Int64 { try b.db.scalarInt("SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH 'kataimpor'") ?? 0 }
            let indexCount = try indexes()
            for fail in [true, false] {
                do {
                    try a.writeExclusively { bulk in
                        #expect(bulk, "an empty store is bulk-loaded")
                        try a.insertHistories(histories(30, from: 0))
                        #expect(try b.totals().complaints == 0, "half an import is not visible")
                        #expect(try indexes() == indexCount, "no dropped index is visible outside")
                        let error = F.storeError { () throws(StoreError) in try b.receive(F.intake("Loket"), by: F.admin(), at: F.now) }
                        #expect(error.caseName == "locked", "got \(String(describing: error))")
                        try a.insertHistories(histories(30, from: 30))
                        if fail { throw StoreError.diskFull(path: path) }
                    }
                    #expect(!fail)
                } catch {
                    #expect(fail, "\(error)")
                }
                #expect(!a.db.isInTransaction)
                #expect(try b.totals().complaints == (fail ? 0 : 60))
                #expect(try indexes() == indexCount)
                #expect(try found() == (fail ? 0 : 60), "the search index holds exactly the stored rows")
                #expect(try b.verify().isClean)
            }
            // Into a store that holds reports: no bulk load, rows indexed as they go.
            try a.writeExclusively { bulk in
                #expect(!bulk)
                try a.insertHistories(histories(5, from: 60))
            }
            #expect(try found() == 65)
            // The ordinary path works as before afterwards (and is indexed).
            try a.receive(F.intake("Kataimpor loket"), by: F.admin(), at: F.now)
            #expect(try found() == 66)
            #expect(try a.verify().isClean)
        }
    }

    @Test func dataVersionMovesWhenTheOtherConnectionCommits() throws {
        try withTempDir { dir in
            let (a, b, id) = try twoOperators(dir)
            let aBefore = a.dataVersion()
            let bBefore = b.dataVersion()
            #expect(a.dataVersion() == aBefore, "stable while nobody writes")
            try b.apply(Command(.followUp, ActionDetails(text: "Ditinjau.")), to: id, expectedVersion: 2, by: F.liaison("dinkes"), at: F.now)
            let aAfter = a.dataVersion()
            #expect(aAfter != aBefore, "A sees B's commit")
            #expect(b.dataVersion() == bBefore, "a connection's own commits do not move its data_version")
            #expect(a.dataVersion() == aAfter)
            // A refused action commits nothing, so nothing moves.
            _ = F.storeError { () throws(StoreError) in
                try b.apply(Command(.close), to: id, expectedVersion: nil, by: F.liaison("dinkes"), at: F.now)
            }
            #expect(a.dataVersion() == aAfter)
            try b.receive(F.intake("Lagi"), by: F.admin(), at: F.now)
            #expect(a.dataVersion() != aAfter)
        }
    }
}
