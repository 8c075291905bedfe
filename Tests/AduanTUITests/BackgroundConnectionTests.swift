import AduanCore
import AduanStore
@testable import AduanTUI
import Glibc
import Testing

/// The screen's background reads (a filtered list's total, a row's position) on PostgreSQL keep
/// one connection per slot on the slot's own thread, instead of a socket, a server process and an
/// authentication per request (issue 14); SQLite still opens one per request.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil,
                "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test)"), .serialized)
struct BackgroundConnectionTests {
    /// Waits for the result of request `generation` of `slot` (10 s at most).
    static func result(_ work: BackgroundWork, _ slot: BackgroundWork.Slot, _ generation: Int) -> BackgroundWork.Result? {
        for _ in 0..<2_000 {
            if let r = work.takeResults().first(where: { $0.slot == slot && $0.generation == generation }) { return r }
            usleep(5_000)
        }
        return nil
    }

    /// The server process serving a background request.
    static let backendPID: @Sendable (any DeskStore) throws -> Int = { store in
        let r = try (store as! PGOperatorStore).conn.query("SELECT pg_backend_pid() AS p")
        return Int(r.int64(0, "p") ?? -1)
    }

    @Test func countRequestsOnPostgreSQLReuseOneConnectionPerSlot() throws {
        let p = try PostgresScreenEndToEndTests.Province()
        let owner = try p.ownerConnection()
        _ = try PGStore(owner, context: p.config.context, create: true)
        try owner.execute(PGAccessSQL.rolesScript(operators: p.config.operators))
        let login = "\(p.tag)_andi"
        let conninfo = "host=127.0.0.1 port=\(p.port) dbname=\(p.tag) user=\(login) passfile=\(p.passfile) sslmode=disable"
        let desk = try PGOperatorStore(conn: try PGOperatorStore.connect(conninfo), conninfo: conninfo, context: p.config.context)
        #expect(desk.keepsBackgroundConnection)
        let andi = p.config.operators.first { $0.logins.contains(login) }!
        func backends() throws -> Int64 {
            try owner.query("SELECT count(*) AS n FROM pg_stat_activity WHERE usename = $1", [.text(login)]).int64(0, "n") ?? -1
        }

        let work = BackgroundWork(open: desk.reopener(), keepsConnection: desk.keepsBackgroundConnection)
        var pids: Set<Int> = []
        for _ in 0..<10 {
            let total = work.run(.total) { store in try store.count(InboxQuery(viewer: andi), now: Timestamp(seconds: 1_780_000_000)) }
            let counted = try #require(Self.result(work, .total, total))
            #expect(counted.value == 0 && counted.error == nil, "\(counted)")
            let g = work.run(.total, Self.backendPID)
            let r = try #require(Self.result(work, .total, g))
            pids.insert(try #require(r.value, "\(r.error ?? "")"))
        }
        #expect(pids.count == 1, "20 count requests were served by \(pids.count) connections")
        // The desk's own connection and the slot's: no more.
        #expect(try backends() == 2)
        // Another operator's change (the writer's path, as `aduan serve` runs it): the kept
        // connection's next count sees it, on the same server process.
        let writer = try PGStore(try p.ownerConnection(), context: p.config.context)
        let admin = p.config.operators.first { $0.id == "admin" }!
        let intake = Intake(title: "Lampu jalan mati", body: "Sudah seminggu.", reporter: Reporter(name: "Budi", phone: "081234567890"))
        let report = try writer.receive(Command(.receive, ActionDetails(intake: intake)), by: admin)
        _ = try writer.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: report.id, expectedVersion: nil, by: admin)
        let recount = work.run(.total) { store in try store.count(InboxQuery(viewer: andi), now: Timestamp(seconds: 1_780_000_000)) }
        #expect(Self.result(work, .total, recount)?.value == 1, "the count after another operator's change")
        #expect(pids.contains(try #require(Self.result(work, .total, work.run(.total, Self.backendPID))?.value)))
        // The other slot has its own.
        let other = try #require(Self.result(work, .position, work.run(.position, Self.backendPID))?.value)
        #expect(!pids.contains(other))
        #expect(try backends() == 3)

        // One request per connection, as SQLite's background reads still go: 3 requests, 3 server processes.
        let perRequest = BackgroundWork(open: desk.reopener(), keepsConnection: false)
        var fresh: Set<Int> = []
        for _ in 0..<3 {
            if let v = Self.result(perRequest, .total, perRequest.run(.total, Self.backendPID))?.value { fresh.insert(v) }
        }
        #expect(fresh.count == 3)
    }
}
