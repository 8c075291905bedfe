import AduanCore
import AduanStore
import Foundation
import Testing

/// Operators act with their own login role through the command queue; the store's writer runs the
/// core for them. Their role can write nothing else, and a login acts only as its own operators.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGCommandTests {
    /// A store with the privacy stories, the roles script applied, and passwords for every login.
    static func setUp() throws -> (PGTestDatabase, PGStore, [Actor], String) {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let ops = PGAccessTests.operators(db.tag)
        try store.insertHistories(try PGAccessTests.stories(ops).map(\.events))
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        let passfile = try db.passwords(for: PGAccessSQL.logins(of: ops).map(\.login))
        return (db, store, ops, passfile)
    }

    /// Report 4: verified to dinkes, copied to pupr (story 4 of the matrix), version 3.
    static let report: Int64 = 4

    @Test func anOperatorActsWithItsOwnRoleAndHearsTheOutcome() throws {
        let (db, store, ops, passfile) = try Self.setUp()
        let dewi = ops.first { $0.id == "tl-dinkes" }!
        let conn = try PGTest.tcp(user: dewi.logins[0], database: db.name, passfile: passfile)
        try conn.listen(PGStore.outcomesChannel)
        let version = Int(try conn.query("SELECT version FROM aduan.complaints WHERE id = $1", [.int(Self.report)]).int64(0, "version")!)
        let command = try PGStore.submit(Command(.followUp, ActionDetails(text: "Petugas sudah ke lokasi.")), to: Self.report,
                                         expectedVersion: version, as: "tl-dinkes", on: conn)
        #expect(try PGStore.outcome(of: command, on: conn) == PGCommandOutcome(outcome: nil, message: nil, version: nil))
        #expect(try store.processCommands(operators: ops) == 1)
        let heard = try conn.notifications(timeout: 1.0)
        // The notice names nothing (any role may listen, PGNotifyPrivacyTests); the outcome is read from the command.
        #expect(!heard.isEmpty && heard.allSatisfy { $0.payload.isEmpty })
        #expect(try PGStore.outcome(of: command, on: conn) == PGCommandOutcome(outcome: "done", message: nil, version: version + 1))
        // The event is the operator's, with the login that asked, at the server's time; the chain holds.
        let e = try store.conn.query("SELECT actor_id, login, kind FROM aduan.events WHERE complaint_id = $1 AND version = $2",
                                     [.int(Self.report), .int(Int64(version + 1))])
        #expect([e.text(0, "actor_id"), e.text(0, "login"), e.text(0, "kind")] == ["tl-dinkes", dewi.logins[0], "follow-up"])
        #expect(try store.firstBrokenLink() == nil)
        // The operator reads its own follow-up in its timeline.
        let mine = try conn.query("SELECT body FROM aduan.event_views WHERE complaint_id = $1 AND version = $2", [.int(Self.report), .int(Int64(version + 1))])
        #expect(mine.rowCount == 1 && (mine.text(0, "body") ?? "").contains("Petugas sudah ke lokasi."))
        // A stale command is settled as a conflict naming who changed what; nothing is written.
        let stale = try PGStore.submit(Command(.note, ActionDetails(text: "x")), to: Self.report, expectedVersion: version, as: "tl-dinkes", on: conn)
        try store.processCommands(operators: ops)
        #expect(try PGStore.outcome(of: stale, on: conn) == PGCommandOutcome(outcome: "conflict", message: "changed by tl-dinkes (follow-up)", version: version + 1))
        #expect(try store.verify(operators: ops) == [])
    }

    @Test func aLoginActsOnlyAsItsOwnOperatorsAndCannotWriteAnythingElse() throws {
        let (db, store, ops, passfile) = try Self.setUp()
        let dewi = ops.first { $0.id == "tl-dinkes" }!.logins[0]
        let conn = try PGTest.tcp(user: dewi, database: db.name, passfile: passfile)
        let before = try store.conn.query("SELECT count(*) AS n FROM aduan.events").int64(0, "n")
        let forged = try PGStore.submit(Command(.note, ActionDetails(text: "x")), to: Self.report, expectedVersion: nil, as: "admin-pemkab", on: conn)
        try store.processCommands(operators: ops)
        let outcome = try PGStore.outcome(of: forged, on: conn)
        #expect(outcome?.outcome == "refused")
        // Kept as a code, said in the operator's language by their program (PGWriterRefusalCodeTests).
        #expect(outcome?.message.flatMap(PGWriterRefusal.init(code:)) == .notOperatorOfLogin(login: dewi, operatorID: "admin-pemkab"))
        #expect(try store.conn.query("SELECT count(*) AS n FROM aduan.events").int64(0, "n") == before)
        // The role writes nothing but commands, and cannot settle its own.
        for sql in ["INSERT INTO aduan.events(complaint_id, version, kind, actor_id, body) VALUES (4, 99, 'note', 'x', '{}')",
                    "UPDATE aduan.complaints SET anonymous = false", "INSERT INTO aduan.event_views VALUES (1, 4, 1, 0, 'note', false, false, 255, '{}')",
                    "UPDATE aduan.commands SET outcome = 'done'"] {
            do {
                try conn.execute(sql)
                Issue.record("`\(sql)` was accepted")
            } catch let e {
                #expect(e.isPermissionDenied, "`\(sql)`: \(e)")
            }
        }
        // A command stamped with another login is stamped with its own anyway; others' commands are invisible.
        try conn.execute("INSERT INTO aduan.commands(login, operator_id, complaint_id, kind, details) VALUES ('someone', 'tl-dinkes', 4, 'note', '{}')")
        #expect(try conn.query("SELECT count(*) AS n FROM aduan.commands WHERE login <> current_user").int64(0, "n") == 0)
        let other = try PGTest.tcp(user: ops.first { $0.id == "kadis" }!.logins[0], database: db.name, passfile: passfile)
        #expect(try other.query("SELECT count(*) AS n FROM aduan.commands").int64(0, "n") == 0)
    }

    @Test func theWriterSettlesEachCommandWithinASecondOfItsSubmission() throws {
        let (db, store, ops, passfile) = try Self.setUp()
        _ = store
        let count = 3
        // The writer on a thread of its own (a blocking loop, as `aduan serve` would run), not a
        // task: the test pool's few threads may be held by other suites' blocking calls.
        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var settled: Int?
            let done = DispatchSemaphore(value: 0)
        }
        let box = Box()
        Thread.detachNewThread {
            let n = try? PGStore(try db.ownerConnection(), context: PGAccessTests.context).serve(operators: ops, stopAfter: count, seconds: 20)
            box.lock.lock(); box.settled = n; box.lock.unlock()
            box.done.signal()
        }
        let dewi = ops.first { $0.id == "tl-dinkes" }!.logins[0]
        let conn = try PGTest.tcp(user: dewi, database: db.name, passfile: passfile)
        try conn.listen(PGStore.outcomesChannel)
        var waits: [Double] = []
        for i in 0..<count {
            let start = PGConnection.monotonicSeconds()
            let command = try PGStore.submit(Command(.note, ActionDetails(text: "Catatan \(i)")), to: Self.report,
                                             expectedVersion: nil, as: "tl-dinkes", on: conn)
            let outcome = try PGStore.waitForOutcome(of: command, on: conn, timeout: 5)
            waits.append(PGConnection.monotonicSeconds() - start)
            #expect(outcome?.outcome == "done", "\(String(describing: outcome))")
        }
        box.done.wait()
        box.lock.lock(); let settled = box.settled; box.lock.unlock()
        #expect(settled == count)
        #expect(waits.allSatisfy { $0 < 1.0 }, "submit → outcome took \(waits) s")
        print("PG commands: submit → settled → heard: \(waits.map { Int($0 * 1000) }) ms")
    }

    /// The writer's connection dies in the middle of a command (its backend terminated while it
    /// waits on the report's row, as a SIGKILL of the writer would end it): the commands settled
    /// before stay settled, the one in flight left nothing behind and is still pending, and the
    /// next writer settles it.
    @Test func aWriterKilledMidCommandLosesNothingAcknowledgedAndLeavesNothingHalfWritten() throws {
        let (db, store, ops, passfile) = try Self.setUp()
        let dewi = ops.first { $0.id == "tl-dinkes" }!.logins[0]
        let conn = try PGTest.tcp(user: dewi, database: db.name, passfile: passfile)
        try conn.listen(PGStore.outcomesChannel)
        final class Box: @unchecked Sendable { let done = DispatchSemaphore(value: 0) }
        let box = Box()
        Thread.detachNewThread {
            _ = try? PGStore(try db.ownerConnection(), context: PGAccessTests.context).serve(operators: ops, stopAfter: 5, seconds: 15)
            box.done.signal()
        }
        let first = try PGStore.submit(Command(.note, ActionDetails(text: "Sebelum.")), to: Self.report, expectedVersion: nil, as: "tl-dinkes", on: conn)
        #expect(try PGStore.waitForOutcome(of: first, on: conn, timeout: 5)?.outcome == "done")
        let events = try store.conn.query("SELECT count(*) AS n FROM aduan.events").int64(0, "n")!

        // Another session holds the report's row, so the writer stops inside its transaction.
        let blocker = try db.ownerConnection()
        try blocker.execute("BEGIN")
        try blocker.query("SELECT id FROM aduan.complaints WHERE id = $1 FOR UPDATE", [.int(Self.report)])
        let second = try PGStore.submit(Command(.note, ActionDetails(text: "Tertahan.")), to: Self.report, expectedVersion: nil, as: "tl-dinkes", on: conn)
        let su = try db.superuserConnection()
        var waiting: Int64?
        for _ in 0..<100 where waiting == nil {
            waiting = try su.query("""
                SELECT pid FROM pg_stat_activity WHERE datname = $1 AND usename = $2 AND wait_event_type = 'Lock' AND pid <> $3
                """, [.text(db.name), .text(db.owner), .int(Int64(blocker.backendPID))]).int64(0, "pid")
            if waiting == nil { usleep(50_000) }
        }
        let writerPID = try #require(waiting, "the writer never waited on the report's row")
        try su.query("SELECT pg_terminate_backend($1)", [.int(writerPID)])
        #expect(box.done.wait(timeout: .now() + 10) == .success, "the writer did not stop")
        try blocker.execute("ROLLBACK")

        // Acknowledged: still there. In flight: nothing written, still pending.
        #expect(try PGStore.outcome(of: first, on: conn)?.outcome == "done")
        #expect(try PGStore.outcome(of: second, on: conn) == PGCommandOutcome(outcome: nil, message: nil, version: nil))
        #expect(try store.conn.query("SELECT count(*) AS n FROM aduan.events").int64(0, "n") == events)
        #expect(try store.verify(operators: ops) == [])
        // The next writer settles it.
        #expect(try store.processCommands(operators: ops) == 1)
        #expect(try PGStore.outcome(of: second, on: conn)?.outcome == "done")
        #expect(try store.verify(operators: ops) == [])
    }
}
