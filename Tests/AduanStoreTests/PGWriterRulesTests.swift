import AduanCore
import AduanStore
import Testing

/// The PostgreSQL writer decides as the SQLite store does (issue 14): a duplicate may only point
/// at a report the acting operator may see.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGWriterRulesTests {
    typealias F = StoreFixture

    /// A store with report 1 received by pemkab's admin and report 2 by Pemkot's (which pemkab's
    /// admin may not see).
    static func store() throws -> (PGTestDatabase, PGStore, mine: Int64, theirs: Int64) {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: F.context, create: true)
        let mine = try store.receive(Command(.receive, ActionDetails(intake: F.intake("Jalan rusak di Mekarsari"))), by: F.admin())
        let theirs = try store.receive(Command(.receive, ActionDetails(intake: F.intake("Jalan rusak di kota", agency: "kota"))), by: F.admin("kota"))
        return (db, store, mine.id, theirs.id)
    }

    static func eventCount(_ store: PGStore) throws -> Int64 {
        try store.conn.query("SELECT count(*) AS n FROM aduan.events").int64(0, "n") ?? -1
    }

    @Test func aDuplicateOfAReportTheOperatorMayNotSeeIsRefusedAsAMissingOneAndNothingIsWritten() throws {
        let (_, store, mine, theirs) = try Self.store()
        #expect(!Privacy.canView(try #require(try PGStore.complaint(theirs, on: store.conn)), viewer: F.admin()))
        let before = try Self.eventCount(store)
        for other in [theirs, 77] {
            for command in [Command(.linkDuplicate, ActionDetails(duplicateOf: other)),
                            Command(.archive, ActionDetails(archiveReason: .duplicate, duplicateOf: other))] {
                var error: Error?
                do { try store.apply(command, to: mine, expectedVersion: 1, by: F.admin()) } catch let e { error = e }
                guard case .refused(.noSuchComplaint(let named))? = error as? StoreError else {
                    Issue.record("\(command.kind) to #\(other): expected refused(noSuchComplaint), got \(String(describing: error))")
                    continue
                }
                #expect(named == other)
            }
        }
        #expect(try Self.eventCount(store) == before)
        #expect(try PGStore.complaint(mine, on: store.conn)?.status == .belumTerverifikasi)
        // A duplicate of a report the admin sees is linked.
        let again = try store.receive(Command(.receive, ActionDetails(intake: F.intake("Jalan rusak di Mekarsari (lagi)"))), by: F.admin())
        let linked = try store.apply(Command(.linkDuplicate, ActionDetails(duplicateOf: mine)), to: again.id, expectedVersion: 1, by: F.admin())
        #expect(linked.status == .arsip && linked.duplicateOf == mine)
    }
}
