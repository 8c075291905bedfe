import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// `aduan anchor` and `aduan verify --anchors`: the chain head kept outside the store, signed,
/// catches what a consistent rewrite or a rollback hides from plain `verify`.
@Suite struct AnchorCommandTests {
    /// "Chain head: N events, sha256 HEX" → (N, HEX).
    func head(in text: String) -> (Int, String)? {
        for line in text.split(separator: "\n") where line.hasPrefix("Chain head: ") || line.hasPrefix("Kepala rantai: ") {
            let words = line.split(separator: " ")
            guard let sha = words.firstIndex(of: "sha256"), sha + 1 < words.count,
                  let n = Int(words[2]) else { return nil }
            return (n, String(words[sha + 1]))
        }
        return nil
    }

    func lines(_ path: String) -> [String] {
        (readText(path) ?? "").split(separator: "\n").map(String.init)
    }

    /// A store with a few reports, and its anchor file and key in a folder of their own.
    func deskWithWork(_ name: String) throws -> (Desk, anchors: String) {
        try requireBinary()
        let desk = Desk(name)
        try desk.initStore()
        let a = try desk.receive("Lampu jalan mati di Jl. Merdeka")
        try desk.must(a, "verify", ["--unit", "dinkes"])
        try desk.must(a, "note", ["--text", "Sudah dicek petugas di lapangan"])
        _ = try desk.receive("Jalan berlubang di Desa Sukamaju")
        return (desk, desk.scratch.file("kantor/aduan.anchors"))
    }

    @Test func verifyEndsWithTheChainHeadInBothLanguages() throws {
        let (desk, _) = try deskWithWork("anchor-head")
        let en = desk.run(["verify", "--lang", "en"])
        #expect(en.status == 0, "\(en.stdout)\(en.stderr)")
        let h = try #require(head(in: en.stdout), "no head in: \(en.stdout)")
        #expect(h.0 == 4 && h.1.count == 64 && Hex.decode(h.1) != nil)
        #expect(en.stdout.split(separator: "\n").last?.hasPrefix("Chain head: 4 events, sha256 ") == true)
        let id = desk.run(["verify", "--lang", "id"])
        #expect(id.stdout.contains("Kepala rantai: 4 peristiwa, sha256 \(h.1)"))
        // The head is the one the store records.
        let db = try Database(path: desk.store)
        #expect(try db.scalarText("SELECT value FROM meta WHERE key = 'chain_head'") == h.1)
    }

    @Test func anchorAppendsSignedLinesToAPrivateFileAndVerifyChecksThem() throws {
        let (desk, anchors) = try deskWithWork("anchor-file")
        let first = desk.run(["anchor", "--anchors", anchors, "--lang", "en"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("New anchor key"))
        #expect(fileMode(anchors) == 0o600)
        let key = desk.scratch.file("kantor/anchor-key")
        #expect(fileMode(key) == 0o600)
        #expect(fileExists(key + ".pub"))
        _ = try desk.receive("Sampah menumpuk di pasar")
        let second = desk.run(["anchor", "--anchors", anchors, "--lang", "en"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stdout.contains("New anchor key"))
        let written = lines(anchors)
        #expect(written.count == 2)
        #expect(written[0].hasPrefix("aduan-anchor v1 4 ") && written[1].hasPrefix("aduan-anchor v1 5 "))
        #expect(written.allSatisfy { $0.contains(" ed25519=") })

        let v = desk.run(["verify", "--anchors", anchors, "--lang", "en"])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("Anchors OK: the chain extends all 2 anchor(s)"))
    }

    @Test func aTamperedAnchorLineFailsItsSignature() throws {
        let (desk, anchors) = try deskWithWork("anchor-tamper")
        #expect(desk.run(["anchor", "--anchors", anchors]).status == 0)
        // Someone moves the anchor's time a day earlier, keeping the old signature.
        let original = lines(anchors)[0]
        let moved = original.replacing("2026-11-23T09:00:00+07:00", with: "2026-11-22T09:00:00+07:00")
        #expect(moved != original)
        writeBytes(anchors, Array((moved + "\n").utf8))
        let v = desk.run(["verify", "--anchors", anchors, "--lang", "en"])
        #expect(v.status == 1)
        #expect(v.stdout.contains("\(anchors):1: the signature does not match the line"), "\(v.stdout)")
        #expect(v.stdout.contains("ANCHORS BROKEN"))
        // In Indonesian too.
        let id = desk.run(["verify", "--anchors", anchors])
        #expect(id.status == 1 && id.stdout.contains("tanda tangan tidak cocok"))
    }

    @Test func aRehashedHistoryIsCaughtByVerifyAnchors() throws {
        let (desk, anchors) = try deskWithWork("anchor-rehash")
        #expect(desk.run(["anchor", "--anchors", anchors]).status == 0)
        // A script rewrites the note's words and rebuilds every hash and the head.
        do {
            let db = try Database(path: desk.store)
            try db.execute("UPDATE events SET body = replace(body, 'Sudah dicek', 'Tidak pernah dicek') WHERE kind = 'note'")
            #expect(db.changes == 1)
            try Rehash.wholeChain(db)
        }
        let plain = desk.run(["verify", "--lang", "en", "--anchors", desk.scratch.file("none.anchors")])
        #expect(plain.status == 2, "a missing anchor file is an error: \(plain.stdout)")
        #expect(plain.stderr.contains("none.anchors: no such anchor file"))
        let v = desk.run(["verify", "--lang", "en", "--anchors", anchors])
        #expect(v.stdout.contains("OK: the store is intact"), "the rewrite must fool plain verify for this test to mean anything: \(v.stdout)")
        #expect(v.status == 1)
        #expect(v.stdout.contains("\(anchors):1: event 4 no longer has the anchored hash"), "\(v.stdout)")
        // And anchoring the rewritten state is refused.
        let again = desk.run(["anchor", "--anchors", anchors, "--lang", "en"])
        #expect(again.status == 1 && again.stderr.contains("no longer matches its anchors"))
        #expect(lines(anchors).count == 1)
    }

    @Test func aRolledBackStoreIsCaughtByVerifyAnchors() throws {
        let (desk, anchors) = try deskWithWork("anchor-rollback")
        let old = copyFile(desk.store, to: desk.scratch.file("old.db"))
        _ = try desk.receive("Air PDAM keruh")
        #expect(desk.run(["anchor", "--anchors", anchors]).status == 0)
        // The older copy put back (its own chain is intact, so plain verify passes).
        copyFile(old, to: desk.store)
        unlink(desk.store + "-wal")
        unlink(desk.store + "-shm")
        let v = desk.run(["verify", "--lang", "en", "--anchors", anchors])
        #expect(v.stdout.contains("OK: the store is intact"))
        #expect(v.status == 1)
        #expect(v.stdout.contains("\(anchors):1: the store holds 4 events but 5 were anchored"), "\(v.stdout)")
    }

    @Test func anchorRefusesASymlinkAndAGroupWritableFile() throws {
        let (desk, _) = try deskWithWork("anchor-link")
        let target = desk.scratch.write("target.txt", "")
        let link = desk.scratch.file("linked.anchors")
        symlink(target, link)
        let r = desk.run(["anchor", "--anchors", link, "--lang", "en"])
        #expect(r.status == 1 && r.stderr.contains("not a regular file"), "\(r.stderr)")
        #expect(readText(target) == "")
        let open = desk.scratch.write("open.anchors", "")
        chmod(open, 0o666)
        let o = desk.run(["anchor", "--anchors", open, "--lang", "en"])
        #expect(o.status == 1 && o.stderr.contains("chmod 600"), "\(o.stderr)")
    }
}

/// What a hostile script does: recompute every hash with the published algorithm and store the new head.
enum Rehash {
    static func wholeChain(_ db: Database) throws {
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
        for (seq, hash) in updates {
            let write = try db.prepare("UPDATE events SET hash = ? WHERE seq = ?")
            write.bind(blob: hash, at: 1)
            write.bind(seq, at: 2)
            _ = try write.step()
        }
        try db.run("UPDATE meta SET value = ? WHERE key = 'chain_head'", [.text(Hex.encode(previous))])
    }
}
