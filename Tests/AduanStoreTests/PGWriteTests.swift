import AduanCore
import AduanStore
import Testing

/// Acting on the PostgreSQL store: the server's clock, a stale version refused naming who changed
/// what with nothing written, one winner among writers racing on a report, and change notices
/// reaching another connection after the commit (LISTEN/NOTIFY).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGWriteTests {
    static let context = StoreFixture.context
    static let admin = StoreFixture.admin()
    static let liaison = StoreFixture.liaison("pupr")

    /// A store with one report verified to pupr (version 2), and a second connection to it.
    static func store() throws -> (PGTestDatabase, PGStore, Int64) {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: context, create: true)
        let history = try PGSchemaTests.history(at: StoreFixture.day(2026, 10, 1))
        let id = try store.insertHistories([Array(history.prefix(2))])[0]
        return (db, store, id)
    }

    static func eventCount(_ store: PGStore) throws -> Int64 {
        try store.conn.query("SELECT count(*) AS n FROM aduan.events").int64(0, "n") ?? -1
    }

    @Test func anActionTakesTheServersTimeAndKeepsTheChainWhole() throws {
        let (_, store, id) = try Self.store()
        let serverNow = try store.conn.query("SELECT floor(extract(epoch FROM now()))::bigint AS now").int64(0, "now")!
        let c = try store.apply(Command(.note, ActionDetails(text: "Sudah dicek ke lokasi.")), to: id, expectedVersion: 2, by: Self.liaison)
        #expect(c.version == 3)
        let e = try store.conn.query("SELECT at, login FROM aduan.events WHERE complaint_id = $1 AND version = 3", [.int(id)])
        let at = e.int64(0, "at")!
        // The event carries the server's time (within the test's seconds), not the fixture's 2026 dates.
        #expect(at >= serverNow && at < serverNow + 60)
        #expect(e.text(0, "login") == store.conn.user)
        #expect(try store.firstBrokenLink() == nil)
        #expect(try store.conn.query("SELECT version FROM aduan.complaints WHERE id = $1", [.int(id)]).int64(0, "version") == 3)
        #expect(try store.conn.query("SELECT count(*) AS n FROM aduan.event_views WHERE complaint_id = $1 AND version = 3", [.int(id)]).int64(0, "n")! >= 1)
    }

    @Test func aStaleVersionIsRefusedNamingWhoChangedWhatAndNothingIsWritten() throws {
        let (db, first, id) = try Self.store()
        let second = try PGStore(try db.ownerConnection(), context: Self.context)
        // Both read version 2; the liaison notes first. (The second action is a copy: since the
        // writer follows the core's rule, Workflow.conflicts, a second note would not be refused.)
        try first.apply(Command(.note, ActionDetails(text: "Tim sudah berangkat.")), to: id, expectedVersion: 2, by: Self.liaison)
        let before = try Self.eventCount(second)
        do {
            try second.apply(Command(.cc, ActionDetails(unit: "dinkes")), to: id, expectedVersion: 2, by: Self.admin)
            Issue.record("a stale version was accepted")
        } catch StoreError.conflict(let c) {
            #expect(c.expectedVersion == 2)
            #expect(c.currentVersion == 3)
            #expect(c.changedBy?.id == Self.liaison.id)
            #expect(c.change == .note)
        }
        #expect(try Self.eventCount(second) == before)
        #expect(try second.firstBrokenLink() == nil)
    }

    /// As on SQLite (`Workflow.conflicts`): a written action is refused only by a change that
    /// touches what it rests on; any other action by any change.
    @Test func aWrittenActionIsRefusedOnlyByAChangeItRestsOnAsOnSQLite() throws {
        let (_, store, id) = try Self.store()
        try store.apply(Command(.note, ActionDetails(text: "Tim sudah berangkat.")), to: id, expectedVersion: 2, by: Self.liaison)
        let note = try store.apply(Command(.note, ActionDetails(text: "Mohon dipercepat.")), to: id, expectedVersion: 2, by: Self.admin)
        #expect(note.version == 4, "another note meanwhile leaves a note's basis as it was")
        #expect(throws: StoreError.self, "a copy rests on the whole report") {
            try store.apply(Command(.cc, ActionDetails(unit: "dinkes")), to: id, expectedVersion: 2, by: Self.admin)
        }
        #expect(try Self.eventCount(store) == 4)
    }

    @Test func aRefusedActionWritesNothing() throws {
        let (_, store, id) = try Self.store()
        let before = try Self.eventCount(store)
        // A unit that does not hold the report may not close it.
        #expect(throws: StoreError.self) {
            try store.apply(Command(.followUp, ActionDetails(text: "x")), to: id, expectedVersion: 2, by: StoreFixture.liaison("dinkes"))
        }
        #expect(throws: StoreError.self) { try store.apply(Command(.note, ActionDetails(text: "x")), to: 999, expectedVersion: nil, by: Self.admin) }
        #expect(try Self.eventCount(store) == before)
    }

    @Test func writersRacingOnOneReportLeaveExactlyOneWinnerAndNoLostUpdate() async throws {
        let (db, store, id) = try Self.store()
        let writers = 4
        let outcomes = await withTaskGroup(of: String.self) { group in
            for i in 0..<writers {
                group.addTask {
                    do {
                        let mine = try PGStore(try db.ownerConnection(), context: Self.context)
                        // Copies: any change refuses one (notes would not refuse each other, Workflow.conflicts).
                        try mine.apply(Command(.cc, ActionDetails(unit: "dinkes")), to: id, expectedVersion: 2, by: Self.admin)
                        return "ok"
                    } catch StoreError.conflict {
                        return "conflict"
                    } catch {
                        return "error: \(error)"
                    }
                }
            }
            var all: [String] = []
            for await o in group { all.append(o) }
            return all
        }
        #expect(outcomes.filter { $0 == "ok" }.count == 1, "\(outcomes)")
        #expect(outcomes.filter { $0 == "conflict" }.count == writers - 1, "\(outcomes)")
        #expect(try Self.eventCount(store) == 3)
        #expect(try store.firstBrokenLink() == nil)
    }

    @Test func anotherConnectionHearsOfAChangeWithinASecondOfTheCommit() throws {
        let (db, store, id) = try Self.store()
        let listener = try db.ownerConnection()
        try listener.listen(PGStore.changesChannel)
        #expect(try listener.notifications(timeout: 0.05).isEmpty)
        try store.apply(Command(.note, ActionDetails(text: "Sudah dicek.")), to: id, expectedVersion: 2, by: Self.admin)
        let heard = try listener.notifications(timeout: 1.0)
        // Only that something changed: any role may listen, so no report id (PGNotifyPrivacyTests).
        #expect(heard.map(\.payload) == [""])
        #expect(heard.first?.channel == PGStore.changesChannel)
        // A refused action commits nothing, so nobody hears of it. (A copy on a stale version: a
        // second note would not be refused since the writer follows Workflow.conflicts.)
        _ = try? store.apply(Command(.cc, ActionDetails(unit: "dinkes")), to: id, expectedVersion: 2, by: Self.admin)
        #expect(try listener.notifications(timeout: 0.3).isEmpty)
    }
}
