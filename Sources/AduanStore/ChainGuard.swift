import AduanCore

/// Writes refuse to extend a hash chain that is known or seen to be broken.
///
/// A full chain check reads every event (seconds at a million), so each write checks cheaply:
/// - `aduan verify` records a broken chain in `meta` (`chain_broken`); every later write is
///   refused until the store is restored from a backup (or a later verify finds the chain whole);
/// - the end of the log is checked at every write: the recorded head and count must be the last
///   event's stored hash and position, and that hash must be recomputed from the event's own
///   columns and its predecessor's stored hash.
/// Edits further back in the log are found by `verify`, which then records them.
extension ComplaintStore {
    static let chainBrokenKey = "chain_broken"

    /// The chain head to append to, inside the caller's write transaction; throws `.chainBroken`.
    func chainForAppend() throws -> Chain {
        if let damage = try recordedChainDamage() { throw StoreError.chainBroken(path: path, damage) }
        let chain = try Chain.load(db)
        if let damage = try chainTailDamage(chain) { throw StoreError.chainBroken(path: path, damage) }
        return chain
    }

    /// Why writes are refused, if they are (for a screen to say at open). Reads only.
    public func writeRefusal() -> StoreError? {
        do {
            return try read {
                if let damage = try recordedChainDamage() { return StoreError.chainBroken(path: path, damage) }
                return try chainTailDamage(Chain.load(db)).map { StoreError.chainBroken(path: path, $0) }
            }
        } catch {
            return nil
        }
    }

    func recordedChainDamage() throws -> ChainDamage? {
        guard let value = try db.scalarText("SELECT value FROM meta WHERE key = ?", [.text(Self.chainBrokenKey)]) else { return nil }
        return .foundByVerify(complaint: Int64(value))
    }

    /// The end of the log against the recorded head: two rows by primary key and two hashes.
    func chainTailDamage(_ chain: Chain) throws -> ChainDamage? {
        let s = try db.prepare("SELECT seq, complaint_id, version, at, kind, actor_id, body, hash FROM events ORDER BY seq DESC LIMIT 2")
        defer { s.reset() }
        guard try s.step() else {
            return chain.count == 0 && chain.head == Chain.genesis ? nil : .headMismatch
        }
        let seq = s.int64(0), complaint = s.int64(1)
        let stored = s.blob(7)
        guard seq == chain.count, stored == chain.head else { return .headMismatch }
        let digest = Chain.contentDigest(ofRow: s)
        var previous = Chain.genesis
        if try s.step() {
            guard s.int64(0) == seq - 1 else { return .lastEventAltered(seq: seq, complaint: complaint) }
            previous = s.blob(7)
        } else if seq != 1 {
            return .lastEventAltered(seq: seq, complaint: complaint)
        }
        if Chain.link(previous: previous, seq: seq, complaint: complaint, content: digest) != stored {
            return .lastEventAltered(seq: seq, complaint: complaint)
        }
        return nil
    }

    /// After a full chain check: records a broken chain so later writes are refused, or clears
    /// the record when the whole chain checked out. Best effort (a busy or read-only store keeps
    /// its record as it was; the cheap check at each write still runs).
    func recordChainVerdict(_ problems: [VerifyProblem]) {
        guard !db.isReadOnly else { return }
        let broken = problems.first { $0.kind == .chain }
        do {
            let current = try db.scalarText("SELECT value FROM meta WHERE key = ?", [.text(Self.chainBrokenKey)])
            if let broken {
                // Written once: a repeated verify leaves the file as it was.
                guard current == nil else { return }
                try db.run("INSERT INTO meta(key, value) VALUES(?, ?)", [.text(Self.chainBrokenKey), .text(broken.complaintID.map(String.init) ?? "")])
            } else if current != nil {
                try db.run("DELETE FROM meta WHERE key = ?", [.text(Self.chainBrokenKey)])
            }
        } catch {}
    }
}
