import AduanCore
import Glibc

/// One thing `verify` found wrong.
public struct VerifyProblem: Hashable, Sendable, CustomStringConvertible {
    /// Which check found the problem.
    public enum Kind: String, Sendable {
        /// SQLite's own integrity check.
        case database
        /// The event hash chain (an event edited, removed or reordered).
        case chain
        /// A history that breaks the workflow rules or cannot be read.
        case history
        /// A projection that disagrees with the replay of its events.
        case projection
        /// Status counters, the search index or the record of the deadline settings out of step.
        case index
    }

    /// Which check found it.
    public var kind: Kind
    /// The report it concerns; nil for the store as a whole.
    public var complaintID: Int64?
    /// What is wrong, in one English sentence (verify's report is for the administrator).
    public var message: String

    /// "#12: message", or the message alone.
    public var description: String {
        (complaintID.map { "#\($0): " } ?? "") + message
    }
}

/// The outcome of `verify`.
public struct VerifyReport: Sendable {
    /// Everything found, up to `maxProblems`, chain problems first.
    public var problems: [VerifyProblem] = []
    /// Events whose hashes were checked.
    public var eventsChecked = 0
    /// Checks that could not run (not problems).
    public var notes: [String] = []
    /// Reports whose histories were replayed.
    public var complaintsChecked = 0
    /// True when no check found anything.
    public var isClean: Bool { problems.isEmpty }
    /// The ids of reports with any problem, for "which complaint" questions.
    public var affectedComplaints: [Int64] { Array(Set(problems.compactMap(\.complaintID))).sorted() }
}

extension ComplaintStore {
    /// Checks the whole store: SQLite integrity, the hash chain over every event, each report's
    /// history replayed through the workflow rules and compared with its projection, the status
    /// counters and the search index. `progress` gets (done, total, phase) now and then.
    ///
    ///     let report = try store.verify()
    ///     for p in report.problems { print(p) }   // "#12: the stored report differs …"
    public func verify(maxProblems: Int = 1000, names: Directory? = nil,
                       progress: (Int, Int, String) -> Void = { _, _, _ in }) throws(StoreError) -> VerifyReport {
        try read { try Verifier(store: self, maxProblems: maxProblems, names: names ?? context.directory).run(progress: progress) }
    }
}

extension Verifier {
    /// Memory-mapped reads for verify's scans (SQLite caps it; Debian's build at 2 GB).
    static let mapping = "PRAGMA mmap_size=2147418112"

    /// `PRAGMA integrity_check` on a connection of its own: its lines, empty when the file is sound.
    static func integrityProblems(path: String, maxProblems: Int) -> [String] {
        do {
            let db = try Database(path: path, options: Database.OpenOptions(readOnly: true))
            db.setBusyTimeout(milliseconds: 5000)
            try db.execute(Verifier.mapping)
            let ic = try db.prepareOnce("PRAGMA integrity_check(\(max(1, maxProblems)))")
            var lines: [String] = []
            while try ic.step() {
                let line = ic.text(0)
                if line != "ok" { lines.append(line) }
            }
            return lines
        } catch {
            return ["the integrity check could not run: \(error)"]
        }
    }

    struct ChainResult: Sendable {
        var problems: [VerifyProblem]
        var events: Int
    }

    /// Walks the event log in order, recomputing every hash from the stored one before it.
    static func verifyChain(path: String, maxProblems: Int) -> ChainResult {
        var problems: [VerifyProblem] = []
        func add(_ id: Int64?, _ message: String) {
            if problems.count < maxProblems { problems.append(VerifyProblem(kind: .chain, complaintID: id, message: message)) }
        }
        do {
            let db = try Database(path: path, options: Database.OpenOptions(readOnly: true))
            try db.execute(Verifier.mapping)
            try db.execute("BEGIN")
            defer { try? db.execute("COMMIT") }
            let meta = try Chain.load(db)
            var head = Chain.genesis
            var expectedSeq: Int64 = 1
            let chain = try db.prepareOnce("SELECT seq, complaint_id, version, at, kind, actor_id, body, hash FROM events ORDER BY seq")
            var n = 0
            while try chain.step() {
                let seq = chain.int64(0)
                let id = chain.int64(1)
                if seq != expectedSeq {
                    add(id, "event log position \(seq) follows \(expectedSeq - 1): \(seq > expectedSeq ? "\(seq - expectedSeq) event(s) missing" : "order broken")")
                    expectedSeq = seq
                }
                // Each hash is checked against the stored hash before it: an edited event fails its own
                // check, a removed or moved one fails the check of the event after it.
                let stored = chain.blob(7)
                let recomputed = Chain.link(previous: head, seq: seq, complaint: id, content: Chain.contentDigest(ofRow: chain))
                if recomputed != stored {
                    add(id, "event \(seq) was altered, removed, inserted or reordered after it was written (hash mismatch)")
                }
                head = stored
                expectedSeq += 1
                n += 1
            }
            if n > 0 || meta.count > 0 {
                if meta.count != Int64(n) { add(nil, "the log holds \(n) events but \(meta.count) were recorded (events removed or added outside Aduan)") }
                if meta.head != head { add(nil, "the last event is not the one recorded as the head of the chain (events removed at the end?)") }
            }
            return ChainResult(problems: problems, events: n)
        } catch {
            add(nil, "the event log cannot be read: \(error)")
            return ChainResult(problems: problems, events: 0)
        }
    }

    /// Names the first field where two states differ, for a readable verify message.
    static func firstDifference(_ a: Complaint, _ b: Complaint) -> String {
        let fields: [(String, Bool)] = [
            ("status", a.status == b.status), ("holder", a.holder == b.holder), ("title", a.title == b.title),
            ("body", a.body == b.body), ("version", a.version == b.version), ("holder chain", a.holderChain == b.holderChain),
            ("reporter", a.reporter == b.reporter), ("flags", a.anonymous == b.anonymous && a.confidential == b.confidential),
            ("classification", a.classification == b.classification && a.category == b.category),
            ("timers", a.dispositionAt == b.dispositionAt && a.lastFollowUpAt == b.lastFollowUpAt && a.pauses == b.pauses),
            ("updated", a.updatedAt == b.updatedAt && a.updatedBy == b.updatedBy), ("rating", a.rating == b.rating),
        ]
        return fields.first { !$0.1 }?.0 ?? "other fields"
    }
}
