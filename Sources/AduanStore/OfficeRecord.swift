import AduanCore
import CSQLite

/// One version of the office's shared truth as the store keeps it: the office document (see
/// `OfficeDocument`), who recorded it, when and what it changed. The versions are a hash chain
/// of their own (each record's hash covers the previous one's), apart from the per-report event
/// log, with its head in `meta('office_head')`.
public struct OfficeVersion: Sendable, Equatable {
    /// The version number, 1 for the first document recorded.
    public var version: Int
    /// The office document as recorded (JSON).
    public var document: String
    /// SHA-256 of the document, hex.
    public var sha256: String
    /// When it was recorded.
    public var appliedAt: Timestamp
    /// The operator who recorded it ("system" for the seed of a new store made without one).
    public var appliedBy: String
    /// The account that ran the program.
    public var login: String
    /// What it changed against the version before, in one line.
    public var summary: String
    /// This record's link in the office chain (hex), covering the previous record's.
    public var hash: String
}

/// What recording an office change did.
public enum OfficeRecordResult: Sendable, Equatable {
    case recorded(version: Int, recompute: ComplaintStore.DeadlineRecompute)
    /// Another admin recorded a version since the one the change was based on: nothing written.
    case changedMeanwhile(current: Int)
}

extension ComplaintStore {
    /// Created on first use rather than by a numbered migration, so a store without it (made by
    /// an earlier build) still opens; such a store has no office record yet.
    static let officeTableSQL = """
        CREATE TABLE IF NOT EXISTS office_versions(
            version INTEGER PRIMARY KEY,
            document TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            applied_at INTEGER NOT NULL,
            applied_by TEXT NOT NULL,
            login TEXT NOT NULL,
            summary TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        """

    static func officeRecordHash(previous: String, version: Int, sha256: String, at: Int64, by: String, login: String, summary: String) -> String {
        var h = SHA256()
        h.update("office\u{1F}\(previous)\u{1F}\(version)\u{1F}\(sha256)\u{1F}\(at)\u{1F}\(by)\u{1F}\(login)\u{1F}\(summary)")
        return SHA256.hexString(h.finalize())
    }

    static func hasOfficeTable(_ db: Database) throws -> Bool {
        (try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='office_versions'") ?? 0) > 0
    }

    static let officeColumns = "version, document, sha256, applied_at, applied_by, login, summary, hash"

    static func officeVersion(_ s: Statement) -> OfficeVersion {
        OfficeVersion(version: s.int(0), document: s.text(1), sha256: s.text(2), appliedAt: Timestamp(seconds: s.int64(3)),
                      appliedBy: s.text(4), login: s.text(5), summary: s.text(6), hash: s.text(7))
    }

    static func latestOffice(_ db: Database) throws -> OfficeVersion? {
        guard try hasOfficeTable(db) else { return nil }
        let s = try db.prepare("SELECT \(officeColumns) FROM office_versions ORDER BY version DESC LIMIT 1")
        guard try s.step() else { return nil }
        return officeVersion(s)
    }

    /// The office the store keeps now (its latest version), or nil for a store without one.
    public func office() throws(StoreError) -> OfficeVersion? {
        try read { try Self.latestOffice(db) }
    }

    /// Every version, oldest first.
    public func officeHistory() throws(StoreError) -> [OfficeVersion] {
        try read {
            guard try Self.hasOfficeTable(db) else { return [] }
            let s = try db.prepare("SELECT \(Self.officeColumns) FROM office_versions ORDER BY version")
            var out: [OfficeVersion] = []
            while try s.step() { out.append(Self.officeVersion(s)) }
            return out
        }
    }

    /// The office kept by the store at `path`, read before the store is opened for real (the
    /// office decides the context the store is opened with). Nil when there is no such store,
    /// it keeps no office, or it cannot be read (the real open then says why).
    public static func peekOffice(path: String) -> OfficeVersion? {
        guard let db = try? Database(path: path, options: Database.OpenOptions(readOnly: true, create: false)) else { return nil }
        db.setBusyTimeout(milliseconds: 5000)
        return (try? latestOffice(db)) ?? nil
    }

    /// Records a new office version, in one transaction with the deadlines of every report
    /// recomputed under `context` (the new office's) and the deadline fingerprint updated.
    /// `basedOn` is the version the change was previewed against (nil: the store had none).
    public func recordOffice(document: String, summary: String, context newContext: WorkflowContext, by actor: String,
                             login: String, at now: Timestamp, basedOn: Int?) throws(StoreError) -> OfficeRecordResult {
        try write {
            try db.execute(Self.officeTableSQL)
            let current = try Self.latestOffice(db)
            if current?.version != basedOn { return .changedMeanwhile(current: current?.version ?? 0) }
            let version = (current?.version ?? 0) + 1
            let previous = current?.hash ?? Chain.genesisHex
            let sha = SHA256.hex(document)
            let hash = Self.officeRecordHash(previous: previous, version: version, sha256: sha, at: now.seconds, by: actor, login: login, summary: summary)
            try db.run("""
                INSERT INTO office_versions(version, document, sha256, applied_at, applied_by, login, summary, previous_hash, hash)
                VALUES(?,?,?,?,?,?,?,?,?)
                """, [.int(Int64(version)), .text(document), .text(sha), .int(now.seconds), .text(actor), .text(login), .text(summary),
                      .text(previous), .text(hash)])
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('office_head', ?)", [.text("\(version) \(hash)")])
            // The stored deadlines follow the new office's calendar and deadline rules at once.
            let next = ComplaintStore(db: db, path: path, context: newContext, login: login)
            let recompute = try next.recomputeDeadlines()
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('deadline_fingerprint', ?)", [.text(next.deadlineFingerprint)])
            // Events up to here were decided under the earlier rules (verify excuses their auto-close timing).
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES(?, (SELECT coalesce(max(seq), 0) FROM events))",
                       [.text(Self.rulesChangedAfterKey)])
            return .recorded(version: version, recompute: recompute)
        }
    }

    /// Problems in the office records: a document that does not match its hash, a broken chain,
    /// a head in `meta` that is not the last record. Empty when intact (or there are none).
    public func officeRecordProblems() throws(StoreError) -> [String] {
        try read {
            guard try Self.hasOfficeTable(db) else { return [] }
            var problems: [String] = []
            var previous = Chain.genesisHex
            var expected = 1
            var last: OfficeVersion?
            let s = try db.prepare("SELECT \(Self.officeColumns), previous_hash FROM office_versions ORDER BY version")
            while try s.step() {
                let v = Self.officeVersion(s)
                if v.version != expected { problems.append("office version \(expected) is missing") }
                if SHA256.hex(v.document) != v.sha256 { problems.append("office version \(v.version): the document does not match its SHA-256") }
                if s.text(8) != previous { problems.append("office version \(v.version): not linked to the previous version") }
                let hash = Self.officeRecordHash(previous: s.text(8), version: v.version, sha256: v.sha256, at: v.appliedAt.seconds,
                                                 by: v.appliedBy, login: v.login, summary: v.summary)
                if hash != v.hash { problems.append("office version \(v.version): its record was changed after it was written") }
                previous = v.hash
                expected = v.version + 1
                last = v
            }
            let head = try db.scalarText("SELECT value FROM meta WHERE key='office_head'")
            if let last, head != "\(last.version) \(last.hash)" { problems.append("office head in meta does not name the last office version") }
            if last == nil, head != nil { problems.append("office head in meta names a version the store does not have") }
            return problems
        }
    }
}

extension ComplaintStore {
    /// How many reports each of these units and agencies holds (those holding none are left
    /// out): an office change may not remove a unit or agency reports still sit with.
    public func reportsHeld(units: [String], agencies: [String]) throws(StoreError) -> [(String, Int)] {
        try read {
            var out: [(String, Int)] = []
            for u in units {
                let n = Int(try db.scalarInt("SELECT count(*) FROM complaints WHERE holder_unit = ?", [.text(u)]) ?? 0)
                if n > 0 { out.append((u, n)) }
            }
            for a in agencies {
                let n = Int(try db.scalarInt("SELECT count(*) FROM complaints WHERE holder_agency = ?", [.text(a)]) ?? 0)
                if n > 0 { out.append((a, n)) }
            }
            return out
        }
    }
}
