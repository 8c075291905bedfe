import AduanCore
import AduanStore
import Testing

/// Loading histories through COPY gives the very rows (hashes included) the statement-per-row
/// path gives, leaves the append trigger on, and a COPY failure names no value.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGBulkTests {
    static func dump(_ conn: PGConnection) throws -> [String] {
        let queries = [
            "SELECT seq, complaint_id, version, at, kind, actor_id, agency_from, agency_to, body, encode(hash, 'hex') AS h FROM aduan.events ORDER BY seq",
            "SELECT seq, complaint_id, version, at, kind, needs_handling, needs_content, shown_to, body FROM aduan.event_views ORDER BY seq, shown_to",
            "SELECT * FROM aduan.complaints ORDER BY id",
            "SELECT * FROM aduan.complaint_reporters ORDER BY id",
            "SELECT id, masked, title, body, location, words::text FROM aduan.complaint_texts ORDER BY id, masked",
            "SELECT key, value FROM aduan.meta ORDER BY key",
        ]
        var out: [String] = []
        for q in queries {
            let r = try conn.query(q)
            for i in 0..<r.rowCount { out.append(r.columnNames.map { r.text(i, $0) ?? "NULL" }.joined(separator: "|")) }
        }
        return out
    }

    @Test func copyGivesTheSameRowsAsStatementsAndTheChainGoesOn() throws {
        let one = try PGTestDatabase(), two = try PGTestDatabase()
        let ops = PGAccessTests.operators(one.tag)
        let histories = try PGAccessTests.stories(ops).map(\.events)
        let slow = try PGStore(try one.ownerConnection(), context: PGAccessTests.context, create: true)
        let fast = try PGStore(try two.ownerConnection(), context: PGAccessTests.context, create: true)
        // Half first, then the rest, so the second load extends a chain that already exists.
        let half = histories.count / 2
        #expect(try slow.insertHistories(Array(histories[..<half])) == Array(1...Int64(half)))
        try slow.insertHistories(Array(histories[half...]))
        #expect(try fast.bulkInsertHistories(Array(histories[..<half])) == Array(1...Int64(half)))
        try fast.bulkInsertHistories(Array(histories[half...]))
        let a = try Self.dump(slow.conn), b = try Self.dump(fast.conn)
        #expect(a.count == b.count)
        #expect(a == b, "first difference: \(zip(a, b).first { $0 != $1 }.map { "\($0.0)\n  vs \($0.1)" } ?? "lengths")")
        #expect(try fast.verify(operators: []) == [])
        // The append trigger is back on: an action afterwards is hashed by the server and the chain holds.
        let admin = ops.first { $0.id == "admin-pemkab" }!
        try fast.apply(Command(.note, ActionDetails(text: "Sesudah impor.")), to: 1, expectedVersion: nil, by: admin)
        #expect(try fast.firstBrokenLink() == nil)
        let enabled = try fast.conn.query("SELECT tgenabled FROM pg_trigger WHERE tgname = 'events_append'").text(0, "tgenabled")
        #expect(enabled == "O")
    }

    @Test func copyEscapesEveryByteAndAFailureNamesNoValue() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        try conn.execute("CREATE TABLE t(s text, n integer, b bytea)")
        let odd = "tab\there\nnewline\\backslash\r\\N end"
        try conn.copyIn("COPY t FROM STDIN", [[.text(odd), .int(-7), .bytes([0, 9, 10, 92, 255])], [.null, .null, .null]])
        let r = try conn.query("SELECT s, n, b FROM t ORDER BY n NULLS LAST")
        #expect(r.text(0, "s") == odd)
        #expect(r.int64(0, "n") == -7)
        #expect(r.bytes(0, "b") == [0, 9, 10, 92, 255])
        #expect(r.text(1, "s") == nil)
        do {
            try conn.copyIn("COPY t(n) FROM STDIN", [[.int(1)], [.text("Siti Aminah")]])
            Issue.record("a name was accepted as a number")
        } catch let e {
            #expect(e.sqlState == "22P02")
            #expect(!e.description.contains("Siti"), "\(e)")
        }
        // The connection is usable after the failure, and the failed COPY left nothing.
        #expect(try conn.query("SELECT count(*) AS n FROM t").int64(0, "n") == 2)
    }
}
