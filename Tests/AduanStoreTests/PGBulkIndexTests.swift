import AduanCore
import AduanStore
import Testing

/// A large load into an empty store builds the secondary indexes and foreign keys once at the end
/// (PGBulkIndexes.swift): the rows are the same, every index and constraint is there afterwards
/// under its name and definition, a load that fails leaves them (and the store) as they were, and
/// a table another session is reading keeps its indexes (the load waits for no one).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGBulkIndexTests {
    /// Every index and constraint of the store's schema, with its definition.
    static func catalog(_ conn: PGConnection) throws -> [String] {
        var out: [String] = []
        let i = try conn.query("SELECT tablename || ' ' || indexname || ' ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'aduan' ORDER BY 1")
        out += i.column("d").compactMap { $0 }
        let c = try conn.query("""
            SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
            FROM pg_constraint WHERE connamespace = 'aduan'::regnamespace ORDER BY 1
            """)
        out += c.column("d").compactMap { $0 }
        return out
    }

    static func histories(_ tag: String) throws -> [[Event]] {
        let ops = PGAccessTests.operators(tag)
        return try PGAccessTests.stories(ops).map(\.events) + PGBulkTests.moreForms(ops)
    }

    static func load(_ store: PGStore, _ histories: [[Event]], deferIndexesFrom: Int) throws -> (ids: [Int64], after: Bool) {
        let login = store.conn.user
        let prepared = try histories.map { try PGStore.prepare($0, context: PGAccessTests.context, login: login) }
        return try store.conn.transaction {
            let load = try PGBulkLoad(store, deferIndexesFrom: deferIndexesFrom)
            let half = prepared.count / 2
            var ids = try load.add(Array(prepared[..<half]))
            ids += try load.add(Array(prepared[half...]))
            try load.finish()
            return (ids, load.buildsIndexesAfter)
        }
    }

    @Test func aLoadIntoAnEmptyStoreBuildsEveryIndexAfterwardsAndGivesTheSameRows() throws {
        let one = try PGTestDatabase(), two = try PGTestDatabase()
        let histories = try Self.histories(one.tag)
        let rowByRow = try PGStore(try one.ownerConnection(), context: PGAccessTests.context, create: true)
        let after = try PGStore(try two.ownerConnection(), context: PGAccessTests.context, create: true)
        let before = try Self.catalog(after.conn)
        #expect(before.contains { $0.contains("complaint_texts_scoped") && $0.contains("gin") })
        #expect(before.contains { $0.contains("complaint_texts_id_fkey FOREIGN KEY (id) REFERENCES aduan.complaints(id)") })

        let slow = try Self.load(rowByRow, histories, deferIndexesFrom: .max)
        let fast = try Self.load(after, histories, deferIndexesFrom: 1)
        #expect(!slow.after)
        #expect(fast.after)
        #expect(slow.ids == fast.ids)
        #expect(try Self.catalog(after.conn) == before)
        #expect(try Self.catalog(rowByRow.conn) == before)
        let a = try PGBulkTests.dump(rowByRow.conn), b = try PGBulkTests.dump(after.conn)
        #expect(a == b, "first difference: \(zip(a, b).first { $0 != $1 }.map { "\($0.0)\n  vs \($0.1)" } ?? "lengths")")
        #expect(try after.verify(operators: []) == [])
        // The indexes answer: the search words find a report through the rebuilt GIN index.
        try after.conn.execute("SET enable_seqscan = off")
        let found = try after.conn.query("SELECT count(*) AS n FROM aduan.complaint_texts WHERE words @@ to_tsquery('simple', 'pungli')").int64(0, "n") ?? 0
        #expect(found > 0)
        // The foreign keys are back and enforced.
        #expect(throws: PostgresError.self) {
            try after.conn.execute("INSERT INTO aduan.complaint_keys(id, content_key) VALUES (999999, 'x')")
        }
        // A second load into the now non-empty store keeps its indexes as they are.
        #expect(try !Self.load(after, Array(histories.prefix(2)), deferIndexesFrom: 1).after)
        #expect(try Self.catalog(after.conn) == before)
        #expect(try after.verify(operators: []) == [])
    }

    @Test func aLoadThatFailsAfterDroppingTheIndexesLeavesTheStoreAsItWas() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let catalog = try Self.catalog(store.conn), rows = try PGBulkTests.dump(store.conn)
        let login = store.conn.user
        let prepared = try Self.histories(db.tag).map { try PGStore.prepare($0, context: PGAccessTests.context, login: login) }
        struct Stop: Error {}
        var dropped = false
        #expect(throws: Stop.self) {
            try store.conn.transaction {
                let load = try PGBulkLoad(store, deferIndexesFrom: 1)
                try load.add(prepared)
                dropped = load.buildsIndexesAfter
                // Inside the load the indexes are gone (the build happens in finish).
                #expect(try store.conn.query("SELECT count(*) AS n FROM pg_indexes WHERE indexname = 'complaint_texts_scoped'").int64(0, "n") == 0)
                throw Stop()
            }
        }
        #expect(dropped)
        #expect(try Self.catalog(store.conn) == catalog)
        #expect(try PGBulkTests.dump(store.conn) == rows)
        #expect(try store.conn.query("SELECT tgenabled FROM pg_trigger WHERE tgname = 'events_append'").text(0, "tgenabled") == "O")
        #expect(try store.verify(operators: []) == [])
    }

    @Test func aTableAnotherSessionIsReadingKeepsItsIndexesAndTheLoadDoesNotWait() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let catalog = try Self.catalog(store.conn)
        let reader = try db.ownerConnection()
        try reader.execute("BEGIN")
        _ = try reader.query("SELECT count(*) FROM aduan.complaint_texts")
        let loaded = try Self.load(store, try Self.histories(db.tag), deferIndexesFrom: 1)
        try reader.execute("COMMIT")
        #expect(!loaded.after)
        #expect(loaded.ids.count == (try Self.histories(db.tag)).count)
        #expect(try Self.catalog(store.conn) == catalog)
        #expect(try store.verify(operators: []) == [])
    }
}
