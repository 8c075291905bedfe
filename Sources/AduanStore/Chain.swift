import AduanCore

/// The head of the event hash chain, kept in `meta` and advanced inside each write transaction.
struct Chain {
    static let genesis = [UInt8](repeating: 0, count: 32)
    static let genesisHex = String(repeating: "0", count: 64)
    var head: [UInt8]
    var count: Int64

    static func load(_ db: Database) throws -> Chain {
        let head = try db.scalarText("SELECT value FROM meta WHERE key='chain_head'") ?? genesisHex
        let count = Int64(try db.scalarText("SELECT value FROM meta WHERE key='event_count'") ?? "0") ?? 0
        return Chain(head: fromHex(head), count: count)
    }

    func save(_ db: Database) throws {
        try db.run("UPDATE meta SET value = ? WHERE key = 'chain_head'", [.text(SHA256.hexString(head))])
        try db.run("UPDATE meta SET value = ? WHERE key = 'event_count'", [.text(String(count))])
    }

    static func fromHex(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        for c in hex.utf8 {
            let v: UInt8 = c >= 97 ? c - 87 : c >= 65 ? c - 55 : c - 48
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out.count == 32 ? out : genesis
    }

    /// The digest of what an event says (without its place in the log): computable in advance,
    /// off the writer's thread. Each event's hash links this digest to the hash before it and its
    /// position (`link`), so an edited, removed or reordered event breaks the chain from there on.
    static func contentDigest(version: Int64, at: Int64, kind: String, actor: String, body: [UInt8]) -> [UInt8] {
        Array(kind.utf8).withUnsafeBytes { k in
            Array(actor.utf8).withUnsafeBytes { a in
                body.withUnsafeBytes { b in contentDigest(version: version, at: at, kind: k, actor: a, body: b) }
            }
        }
    }

    /// `contentDigest` of an event row read as `seq, complaint_id, version, at, kind, actor_id,
    /// body, …` (columns 2–6), hashed straight from SQLite's buffers: at millions of events the
    /// copies cost more than the hashing. Verify and the write-time chain check both use it.
    static func contentDigest(ofRow s: Statement) -> [UInt8] {
        s.withBytes(4) { k in
            s.withBytes(5) { a in
                s.withBytes(6) { b in contentDigest(version: s.int64(2), at: s.int64(3), kind: k, actor: a, body: b) }
            }
        }
    }

    /// The one digest: version, time, kind and actor separated by U+001F, then the event's text.
    static func contentDigest(version: Int64, at: Int64, kind: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer,
                              body: UnsafeRawBufferPointer) -> [UInt8] {
        var h = SHA256()
        h.update("\(version)\u{1F}\(at)\u{1F}")
        h.update(kind)
        h.update(separator)
        h.update(actor)
        h.update(separator)
        h.update(body)
        return h.finalize()
    }

    private static let separator: [UInt8] = [0x1F]

    /// Links a content digest into the chain at a position: two blocks of hashing per event.
    static func link(previous: [UInt8], seq: Int64, complaint: Int64, content: [UInt8]) -> [UInt8] {
        var h = SHA256()
        h.update(previous)
        h.update("\u{1F}\(seq)\u{1F}\(complaint)\u{1F}")
        h.update(content)
        return h.finalize()
    }
}

/// The re-import key of a report without a LAPOR! tracking id: its content and receipt time.
public enum ContentKey {
    /// The key of a report without a tracking id (nil for one with it): a hash of its title, body, receipt time and channel, so importing the same file twice finds it again.
    public static func of(_ intake: Intake, receivedAt: Timestamp) -> String? {
        guard intake.trackingID == nil else { return nil }
        var h = SHA256()
        h.update(intake.title.trimmingSpaces())
        h.update("\u{1F}")
        h.update(intake.body.trimmingSpaces())
        h.update("\u{1F}\(receivedAt.seconds)\u{1F}\(intake.channel.rawValue)")
        return String(SHA256.hexString(h.finalize()).prefix(32))
    }
}
