import AduanCore

/// The store's own work on PostgreSQL that no operator asks for: the auto-close of reports whose
/// reporter did not answer in time, done by the writer (the owner) at the server's clock, one
/// event (and one transaction) per report, as `ComplaintStore.autoCloseDue` does on SQLite.
extension PGStore {
    /// Closes every report whose auto-close time has passed by the server's clock; returns how
    /// many it closed. A report the core no longer closes (answered meanwhile) is left as it is.
    @discardableResult
    public func autoCloseDue(limit: Int = 10_000) throws -> Int {
        let now = try serverNow()
        let r = try conn.query("SELECT id FROM aduan.complaints WHERE auto_close_at < $1 ORDER BY auto_close_at, id LIMIT $2",
                               [.int(now.seconds), .int(Int64(max(0, limit)))])
        var closed = 0
        for id in (0..<r.rowCount).compactMap({ r.int64($0, "id") }) {
            do {
                try apply(Command(.autoClose), to: id, expectedVersion: nil, by: .system)
                closed += 1
            } catch StoreError.refused {
                continue
            } catch StoreError.notFound {
                continue
            }
        }
        return closed
    }
}

/// Anchoring the PostgreSQL store's chain (`aduan anchor`): the head the server recorded in
/// `aduan.meta` and each event's hash in `aduan.events`, which only the owner reads.
extension PGStore: AnchoredChain {
    public func anchorHead() throws(StoreError) -> ChainHead {
        let h = try PGOperatorStore.wrap { try chainHead() }
        return ChainHead(count: h.count, hash: Hex.encode(h.head))
    }

    public func anchorChainBreak() throws(StoreError) -> String? {
        try PGOperatorStore.wrap { try firstBrokenLink().map { "the hash chain breaks at event \($0)" } }
    }

    public func checkAnchors(_ anchors: [AnchorLine], trustedKey: [UInt8]?) throws(StoreError) -> [AnchorFinding] {
        try PGOperatorStore.wrap {
            try conn.transaction(.repeatableRead) {
                let holds = try chainHead().count
                var findings: [AnchorFinding] = []
                for a in anchors {
                    if let f = ComplaintStore.signatureFinding(a, trustedKey: trustedKey) { findings.append(f) }
                    if a.head.count > holds {
                        findings.append(.rolledBack(line: a.number, anchored: a.head.count, holds: holds))
                        continue
                    }
                    let stored = a.head.count == 0 ? Chain.genesisHex
                        : try conn.query("SELECT encode(hash, 'hex') AS h FROM aduan.events WHERE seq = $1", [.int(a.head.count)]).text(0, "h") ?? ""
                    if stored != a.head.hash { findings.append(.rewritten(line: a.number, count: a.head.count)) }
                }
                return findings
            }
        }
    }
}
