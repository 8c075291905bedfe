import AduanCore
@testable import AduanStore
import Glibc
import Testing

/// Anchors catch what `verify` alone cannot: a history rewritten with every hash recomputed, and
/// a store rolled back to an earlier state (a lost -wal file, an older copy put back).
@Suite struct StoreAnchorTests {
    typealias F = StoreFixture

    /// What a hostile script does: recompute every event hash with the published algorithm
    /// (SHA-256 over "version␟at␟kind␟actor␟" + body, linked as previous ␟seq␟complaint␟ content)
    /// and write the new head into `meta`, so the chain is consistent again.
    static func rehashWholeChain(_ db: Database) throws {
        let rows = try db.prepare("SELECT seq, complaint_id, version, at, kind, actor_id, body FROM events ORDER BY seq")
        var updates: [(Int64, [UInt8])] = []
        var previous = [UInt8](repeating: 0, count: 32)
        while try rows.step() {
            var content = SHA256()
            content.update("\(rows.int64(2))\u{1F}\(rows.int64(3))\u{1F}\(rows.text(4))\u{1F}\(rows.text(5))\u{1F}")
            content.update(rows.text(6))
            var link = SHA256()
            link.update(previous)
            link.update("\u{1F}\(rows.int64(0))\u{1F}\(rows.int64(1))\u{1F}")
            link.update(content.finalize())
            previous = link.finalize()
            updates.append((rows.int64(0), previous))
        }
        let write = try db.prepare("UPDATE events SET hash = ? WHERE seq = ?")
        for (seq, hash) in updates {
            write.reset()
            write.bind(blob: hash, at: 1)
            write.bind(seq, at: 2)
            _ = try write.step()
        }
        try db.run("UPDATE meta SET value = ? WHERE key = 'chain_head'", [.text(Hex.encode(previous))])
    }

    static func hashAt(_ seq: Int64, _ db: Database) throws -> String {
        let q = try db.prepare("SELECT hash FROM events WHERE seq = ?")
        q.bind(seq, at: 1)
        #expect(try q.step())
        return Hex.encode(q.blob(0))
    }

    static func anchor(_ head: ChainHead, number: Int = 1) -> AnchorLine {
        let text = AnchorLine.unsignedText(head: head, at: F.day(2026, 11, 1), zone: .wib, store: "/srv/aduan.db")
        return AnchorLine.parse(text, number: number)!
    }

    @Test func aRehashedChainPassesVerifyButNotItsAnchor() throws {
        try withTempDir { dir in
            let store = try StoreVerifyTests.buildBase(dir + "/aduan.db")
            let anchored = try store.chainHead()
            #expect(anchored.count == 18)
            #expect(try store.checkAnchors([Self.anchor(anchored)], trustedKey: nil).isEmpty)

            let firstHash = try Self.hashAt(1, store.db)
            // A follow-up's words changed ("sudah diperbaiki" → "tidak bisa diperbaiki"), then the whole chain rehashed.
            let db = store.db
            try db.execute("UPDATE events SET body = replace(body, 'Sudah diperbaiki', 'Tidak bisa diperbaiki') WHERE body LIKE '%Sudah diperbaiki%'")
            #expect(db.changes == 1)
            try Self.rehashWholeChain(db)

            // The hole: plain verify sees a consistent store.
            let report = try store.verify()
            #expect(report.isClean, "the rewrite should be consistent: \(report.problems)")
            #expect(try store.chainHead() != anchored)
            // The anchor kept elsewhere catches it, naming its line.
            let findings = try store.checkAnchors([Self.anchor(anchored, number: 3)], trustedKey: nil)
            #expect(findings == [.rewritten(line: 3, count: 18)])
            // An anchor taken before the edited event is still extended (the history up to it is
            // unchanged), and a wrong hash at that position is not.
            #expect(try store.checkAnchors([Self.anchor(ChainHead(count: 1, hash: firstHash))], trustedKey: nil).isEmpty)
            let wrong = try store.checkAnchors([Self.anchor(ChainHead(count: 1, hash: anchored.hash))], trustedKey: nil)
            #expect(wrong == [.rewritten(line: 1, count: 1)])
        }
    }

    @Test func aStoreRolledBackToAnOlderCopyIsCaught() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            let store = try StoreVerifyTests.buildBase(path)
            try store.backup(to: dir + "/old.db")
            // Work goes on, then is anchored.
            let id = try store.receive(F.intake("Laporan baru jalan"), by: F.admin(), at: F.day(2026, 11, 2)).id
            try store.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: id, expectedVersion: 1, by: F.admin(), at: F.day(2026, 11, 2, 10))
            let anchored = try store.chainHead()
            #expect(anchored.count == 20)

            // The older copy put back verifies on its own.
            let old = try F.open(dir + "/old.db", create: false)
            #expect(try old.verify().isClean)
            let findings = try old.checkAnchors([Self.anchor(anchored)], trustedKey: nil)
            #expect(findings == [.rolledBack(line: 1, anchored: 20, holds: 18)])
        }
    }

    @Test func aStoreThatLostItsWALIsCaught() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            let store = try StoreVerifyTests.buildBase(path)
            // Commits still in the -wal (the store is open, nothing checkpointed them yet).
            for i in 0..<3 {
                _ = try store.receive(F.intake("Laporan \(i) di WAL"), by: F.admin(), at: F.day(2026, 11, 3, 9 + i))
            }
            let anchored = try store.chainHead()
            #expect(anchored.count == 21)
            // The main file without its -wal: what is left when the -wal is deleted.
            let main = try #require(Files.read(path))
            try Files.write(dir + "/nowal.db", main)
            let lost = try F.open(dir + "/nowal.db", create: false)
            let holds = try lost.chainHead().count
            #expect(holds < 21, "the commits should still have been in the -wal")
            #expect(try lost.checkAnchors([Self.anchor(anchored)], trustedKey: nil) == [.rolledBack(line: 1, anchored: 21, holds: holds)])
        }
    }

    @Test func signedAnchorLinesRejectAlterationAndOtherKeys() throws {
        let key = try #require(Ed25519Key.generate())
        let other = try #require(Ed25519Key.generate())
        let text = AnchorLine.unsignedText(head: ChainHead(count: 5, hash: String(repeating: "ab", count: 32)), at: F.day(2026, 11, 1), zone: .wib, store: "/srv/kantor data/aduan.db")
        let signature = try #require(key.sign(Array(text.utf8)))
        let line = AnchorLine.signedLine(text, publicKey: key.publicKey, signature: signature)
        let good = try #require(AnchorLine.parse(line, number: 1))
        #expect(good.store == "/srv/kantor data/aduan.db")
        #expect(ComplaintStoreAnchorProbe.finding(good, key.publicKey) == nil)
        #expect(ComplaintStoreAnchorProbe.finding(good, other.publicKey) == .otherKey(line: 1, fingerprint: AnchorLine.fingerprint(key.publicKey)))
        // One digit of the count changed: 5 → 6.
        let altered = try #require(AnchorLine.parse(line.replacingFirst(" 5 ", with: " 6 "), number: 2))
        #expect(ComplaintStoreAnchorProbe.finding(altered, key.publicKey) == .badSignature(line: 2))
        let unsigned = try #require(AnchorLine.parse(text, number: 3))
        #expect(ComplaintStoreAnchorProbe.finding(unsigned, key.publicKey) == .unsigned(line: 3))
        #expect(AnchorLine.parse("aduan-anchor v1 5 zz 2026 x", number: 4) == nil)
    }

    /// RFC 8032 section 7.1, test 1: libcrypto's Ed25519 is the standard one.
    @Test func ed25519MatchesTheRFC8032Vector() throws {
        let seed = try #require(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
        let key = try #require(Ed25519Key(seed: seed))
        #expect(Hex.encode(key.publicKey) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        let signature = try #require(key.sign([]))
        #expect(Hex.encode(signature) == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        #expect(Ed25519Key.isValid(signature: signature, of: [], publicKey: key.publicKey))
        #expect(!Ed25519Key.isValid(signature: signature, of: [0], publicKey: key.publicKey))
    }

    @Test func theDashboardLineSaysWhenThereIsNoAnchorYet() {
        let none = AnchorText.dashboard(last: nil, now: F.day(2026, 11, 23), .en)
        #expect(none.value.contains("no anchor yet") && none.stale)
        let a = Self.anchor(ChainHead(count: 1234, hash: String(repeating: "0", count: 64)))
        let recent = AnchorText.dashboard(last: a, now: a.at.adding(seconds: 3 * 86_400), .id)
        #expect(recent.value == "3 hari lalu · 1234 peristiwa" && !recent.stale)
    }
}

enum ComplaintStoreAnchorProbe {
    static func finding(_ a: AnchorLine, _ key: [UInt8]) -> AnchorFinding? {
        ComplaintStore.signatureFinding(a, trustedKey: key)
    }
}

extension String {
    /// The fields of a space-separated line with the `index`th replaced.
    func replacingFirst(_ a: String, with b: String) -> String {
        var fields = split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let i = fields.firstIndex(of: a.trimmingSpaces()) else { return self }
        fields[i] = b.trimmingSpaces()
        return fields.joined(separator: " ")
    }

    func trimmingSpaces() -> String { String(filter { $0 != " " }) }
}
