import AduanCore

/// The office record on PostgreSQL (`aduan.office_versions`, schema version 2): the same
/// versions, hashes and chain as the SQLite store's (`OfficeRecord.swift`), written by the owner
/// at the server's time, read by every login of the store.
extension PGStore {
    static let officeColumns = "version, document, sha256, applied_at, applied_by, login, summary, hash"

    /// The latest office version, read with whatever role `conn` has (nil when none yet).
    public static func office(on conn: PGConnection) throws(PostgresError) -> OfficeVersion? {
        let r = try conn.query("SELECT \(officeColumns) FROM aduan.office_versions ORDER BY version DESC LIMIT 1")
        guard r.rowCount == 1 else { return nil }
        return OfficeVersion(version: Int(r.int64(0, "version") ?? 0), document: r.text(0, "document") ?? "", sha256: r.text(0, "sha256") ?? "",
                             appliedAt: Timestamp(seconds: r.int64(0, "applied_at") ?? 0), appliedBy: r.text(0, "applied_by") ?? "",
                             login: r.text(0, "login") ?? "", summary: r.text(0, "summary") ?? "", hash: r.text(0, "hash") ?? "")
    }

    /// Every office version, oldest first, read with whatever role `conn` has (every login reads them).
    public static func officeHistory(on conn: PGConnection) throws(PostgresError) -> [OfficeVersion] {
        let r = try conn.query("SELECT \(officeColumns) FROM aduan.office_versions ORDER BY version")
        return (0..<r.rowCount).map { i in
            OfficeVersion(version: Int(r.int64(i, "version") ?? 0), document: r.text(i, "document") ?? "", sha256: r.text(i, "sha256") ?? "",
                          appliedAt: Timestamp(seconds: r.int64(i, "applied_at") ?? 0), appliedBy: r.text(i, "applied_by") ?? "",
                          login: r.text(i, "login") ?? "", summary: r.text(i, "summary") ?? "", hash: r.text(i, "hash") ?? "")
        }
    }

    /// Records a new office version as the owner, at the server's time. `basedOn` is the version
    /// the change was previewed against (nil: the store had none); another version recorded
    /// meanwhile refuses it with nothing written.
    public func recordOffice(document: String, summary: String, by actor: String, login asked: String? = nil, basedOn: Int?) throws -> OfficeRecordResult {
        try conn.transaction {
            try conn.query("LOCK TABLE aduan.office_versions IN EXCLUSIVE MODE")
            let current = try Self.office(on: conn)
            if current?.version != basedOn { return .changedMeanwhile(current: current?.version ?? 0) }
            let version = (current?.version ?? 0) + 1
            let previous = current?.hash ?? Chain.genesisHex
            let sha = SHA256.hex(document)
            let now = try serverNow()
            // The login that asked (an office admin's, through the writer), else the connected role.
            let login = try asked ?? conn.query("SELECT session_user AS u").text(0, "u") ?? conn.user
            let hash = ComplaintStore.officeRecordHash(previous: previous, version: version, sha256: sha, at: now.seconds, by: actor,
                                                       login: login, summary: summary)
            try conn.query("""
                INSERT INTO aduan.office_versions(version, document, sha256, applied_at, applied_by, login, summary, previous_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, [.int(Int64(version)), .text(document), .text(sha), .int(now.seconds), .text(actor), .text(login), .text(summary),
                      .text(previous), .text(hash)])
            return .recorded(version: version, recompute: ComplaintStore.DeadlineRecompute(open: 0, changed: 0))
        }
    }

    /// Problems in the office records (as `ComplaintStore.officeRecordProblems`).
    public func officeRecordProblems() throws -> [String] {
        let r = try conn.query("SELECT \(Self.officeColumns), previous_hash FROM aduan.office_versions ORDER BY version")
        var problems: [String] = []
        var previous = Chain.genesisHex
        for i in 0..<r.rowCount {
            let v = Int(r.int64(i, "version") ?? 0), document = r.text(i, "document") ?? "", sha = r.text(i, "sha256") ?? ""
            if v != i + 1 { problems.append("office version \(i + 1) is missing") }
            if SHA256.hex(document) != sha { problems.append("office version \(v): the document does not match its SHA-256") }
            if r.text(i, "previous_hash") != previous { problems.append("office version \(v): not linked to the previous version") }
            let hash = ComplaintStore.officeRecordHash(previous: r.text(i, "previous_hash") ?? "", version: v, sha256: sha,
                                                       at: r.int64(i, "applied_at") ?? 0, by: r.text(i, "applied_by") ?? "",
                                                       login: r.text(i, "login") ?? "", summary: r.text(i, "summary") ?? "")
            if hash != r.text(i, "hash") { problems.append("office version \(v): its record was changed after it was written") }
            previous = r.text(i, "hash") ?? ""
        }
        return problems
    }
}

extension PGOperatorStore {
    /// Every office version the store keeps, oldest first (`aduan office show`).
    public func officeHistory() throws(StoreError) -> [OfficeVersion] {
        try Self.wrap { try PGStore.officeHistory(on: conn) }
    }
}
