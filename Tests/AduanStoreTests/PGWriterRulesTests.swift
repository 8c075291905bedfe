import AduanCore
import AduanStore
import Foundation
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

/// The writer's refusal is stored as the core's refusal in a language-neutral code, so the operator's
/// program says it in the session's language through the string tables (issue 14).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGWriterRefusalCodeTests {
    @Test func aRefusedCommandKeepsTheCoresRefusalAsACodeNotTheWritersWords() throws {
        let (db, store, ops, passfile) = try PGCommandTests.setUp()
        let dewi = try PGTest.tcp(user: ops.first { $0.id == "tl-dinkes" }!.logins[0], database: db.name, passfile: passfile)
        let command = try PGStore.submit(Command(.followUp, ActionDetails()), to: PGCommandTests.report, expectedVersion: nil,
                                         as: "tl-dinkes", on: dewi)
        #expect(try store.processCommands(operators: ops) == 1)
        let outcome = try #require(try PGStore.outcome(of: command, on: dewi))
        #expect(outcome.outcome == "refused")
        #expect(outcome.message.flatMap(RefusalCode.decode) == .missing(.followUp, .text), "\(String(describing: outcome.message))")
        // A login acting as an operator not its own: a code as well, no sentence.
        let forged = try PGStore.submit(Command(.note, ActionDetails(text: "x")), to: PGCommandTests.report, expectedVersion: nil,
                                        as: "admin-pemkab", on: dewi)
        try store.processCommands(operators: ops)
        let message = try #require(try PGStore.outcome(of: forged, on: dewi)?.message)
        #expect(PGWriterRefusal(code: message) == .notOperatorOfLogin(login: ops.first { $0.id == "tl-dinkes" }!.logins[0], operatorID: "admin-pemkab"))
    }

    /// A refusal only the writer can decide (the original of a duplicate the province's admin may
    /// not see) reaches the operator as the core's refusal, told by the string tables in either
    /// language, not as the writer's English words.
    @Test func aRefusalOnlyTheWriterCanDecideReachesTheOperatorAsTheCoresRefusal() throws {
        let (db, store, ops, passfile) = try PGCommandTests.setUp()
        let adminProv = ops.first { $0.id == "admin-prov" }!
        let mine = try store.receive(Command(.receive, ActionDetails(intake: StoreFixture.intake("Sekolah rusak", agency: "prov"))), by: adminProv)
        // Report 1 is pemkab's, unopened: the province's admin may not see it.
        let conn = try PGTest.tcp(user: adminProv.logins[0], database: db.name, passfile: passfile)
        let operatorStore = try PGOperatorStore(conn: conn, conninfo: "test", context: PGAccessTests.context)
        #expect(try operatorStore.complaint(1) == nil)
        // A writer runs (it holds the writer lock shared, as `aduan serve` does).
        try store.conn.query("SELECT pg_advisory_lock_shared($1)", [.int(PGOperatorStore.writerLockKey)])
        final class Box: @unchecked Sendable { let done = DispatchSemaphore(value: 0) }
        let box = Box()
        Thread.detachNewThread {
            _ = try? PGStore(try db.ownerConnection(), context: PGAccessTests.context).serve(operators: ops, stopAfter: 1, seconds: 10)
            box.done.signal()
        }
        var error: StoreError?
        do {
            _ = try operatorStore.apply(Command(.linkDuplicate, ActionDetails(duplicateOf: 1)), to: mine.id, expectedVersion: mine.version,
                                    by: adminProv, at: Timestamp(seconds: Int64(Date().timeIntervalSince1970)))
        } catch let e { error = e }
        #expect(box.done.wait(timeout: .now() + 10) == .success)
        guard case .refused(let refusal)? = error else {
            Issue.record("expected the core's refusal, got \(String(describing: error))")
            return
        }
        #expect(refusal == .noSuchComplaint(1))
        let said = [Language.id, .en].map { strings($0).refusal(refusal, names: PGAccessTests.directory, zone: .wib) }
        #expect(said[0] != said[1])
    }
}
