import AduanCore
import AduanStore
import Testing

/// Verify on PostgreSQL finds a broken chain, a projection that disagrees with the log, and a
/// database that no longer enforces access (row-level security off, a login without policies).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGVerifyTests {
    static func store() throws -> (PGStore, [Actor]) {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let ops = PGAccessTests.operators(db.tag)
        try store.insertHistories(try PGAccessTests.stories(ops).map(\.events))
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        return (store, ops)
    }

    @Test func aWholeStoreVerifiesClean() throws {
        let (store, ops) = try Self.store()
        #expect(try store.verify(operators: ops) == [])
    }

    @Test func anEditedProjectionIsNamed() throws {
        let (store, ops) = try Self.store()
        try store.conn.execute("UPDATE aduan.complaints SET holder_agency = 'prov' WHERE id = 4")
        try store.conn.execute("UPDATE aduan.complaint_texts SET title = 'lain' WHERE id = 5 AND masked")
        let problems = try store.verify(operators: ops)
        #expect(problems.map(\.complaintID) == [4, 5], "\(problems)")
        #expect(problems.allSatisfy { $0.kind == .projection })
    }

    @Test func anEventEditedBehindTheTriggersBackBreaksTheChain() throws {
        let (store, ops) = try Self.store()
        let seq = try store.conn.query("SELECT min(seq) AS s FROM aduan.events WHERE body LIKE '%ditegur%'").int64(0, "s")!
        try store.conn.execute("""
            ALTER TABLE aduan.events DISABLE TRIGGER events_append_only;
            UPDATE aduan.events SET body = replace(body, 'ditegur', 'dipuji') WHERE seq = \(seq);
            ALTER TABLE aduan.events ENABLE TRIGGER events_append_only;
            """)
        let problems = try store.verify(operators: ops)
        #expect(problems.contains { $0.kind == .chain && $0.detail == "the hash chain breaks at event \(seq)" }, "\(problems)")
    }

    @Test func securityTurnedOffOrAMissingPolicyIsNamed() throws {
        let (store, ops) = try Self.store()
        try store.conn.execute("ALTER TABLE aduan.complaint_reporters DISABLE ROW LEVEL SECURITY")
        let kadis = ops.first { $0.id == "kadis" }!.logins[0]
        try store.conn.execute("DROP POLICY \(PGConnection.quoteIdentifier("aduan:texts:\(kadis)")) ON aduan.complaint_texts")
        let problems = try store.verify(operators: ops).map(\.detail)
        #expect(problems.contains("row-level security is not enabled on aduan.complaint_reporters"), "\(problems)")
        #expect(problems.contains { $0.contains("login \(kadis) has no policy on aduan.complaint_texts") }, "\(problems)")
        #expect(problems.count == 2, "\(problems)")
    }
}
