import AduanCore
import AduanStore
import Glibc

/// One import of one file, in two steps: `check()` reads and checks every record and writes
/// nothing; `write(_:into:)` reads the records that passed again and stores them. `ImportCommand`
/// turns the outcome into the operator's messages.
struct Importer {
    static let batchSize = 10_000

    let session: Session
    let path: String
    let bytes: [UInt8]
    let format: InterchangeFormat
    /// The trusted now every import event is stamped with.
    let now: Timestamp
    let origin: ImportCommand.Origin
    /// The store as it was before this import, read to skip what it already holds.
    let existing: ComplaintStore?
    /// The same for a PostgreSQL store: its re-import keys, read once.
    var storedKeys: PGImportKeys? = nil

    /// What the check learned about one record.
    struct Verdict {
        var skip: Bool
        /// The source number of the report this one duplicates, when its history links one.
        var duplicateTarget: Int64?
    }

    /// The outcome of the check step.
    struct Checked {
        /// Every problem as "file:LINE: …", in file order.
        var errors: [String] = []
        var verdicts: [Int: Verdict] = [:]
        var total = 0
        var valid = 0
        var duplicates = 0
        var invalid: Int { total - valid - duplicates }
    }

    /// The outcome of the write step.
    struct Written {
        var written = 0
        /// Rows another import stored after the check looked: found again under the lock, skipped.
        var storedMeanwhile = 0
    }

    /// Step 1: reads and checks every record; remembers only keys, links and problems.
    func check() throws(CLIError) -> Checked {
        let t = session.strings
        var out = Checked()
        var errors: [String] = []
        var syntaxErrors: [String] = []
        var seen = Set<String>()
        var sourceIDs = Set<Int64>()
        var links: [(line: Int, target: Int64)] = []
        let checking = Progress(t.importMessage(.checking), total: nil, language: t.language)
        try ImportCommand.forEachRecord(format, bytes: bytes, path: path, s: session, errors: &syntaxErrors) { record in
            out.total += 1
            checking.update(out.total, unit: t.importMessage(.rows))
            guard let history = ImportCommand.history(for: record, format: format, origin: origin, s: session, now: now, path: path,
                                                      errors: &errors) else {
                out.verdicts[record.line] = Verdict(skip: true)
                return
            }
            let key = Self.dedupKey(history)
            let stored = try existing.map { try Self.storedID(key, $0) != nil } ?? (storedKeys?.id(key) != nil)
            if !seen.insert(key).inserted || stored {
                out.duplicates += 1
                out.verdicts[record.line] = Verdict(skip: true)
                return
            }
            if let id = record.sourceID { sourceIDs.insert(id) }
            let target = Self.duplicateTarget(history)
            if let target { links.append((record.line, target)) }
            out.verdicts[record.line] = Verdict(skip: false, duplicateTarget: target)
            out.valid += 1
        } invalid: { line in
            out.total += 1
            out.verdicts[line] = Verdict(skip: true)
        }
        checking.finish(out.total, unit: t.importMessage(.rows))
        // A duplicate link must point at a report in the same file: numbers from another store mean nothing here.
        for link in links where !sourceIDs.contains(link.target) {
            errors.append("\(path):\(link.line): events: " + t.importMessage(.duplicateLinkOutside(target: link.target)))
            if var v = out.verdicts[link.line], !v.skip { v.skip = true; out.verdicts[link.line] = v; out.valid -= 1 }
        }
        out.errors = Self.byLine(syntaxErrors + errors)
        return out
    }

    /// Step 2: the records that passed, read again and prepared on a second thread while this one
    /// writes, all in one transaction that holds the store's write lock: a second import waits (and
    /// then finds these rows present) or is refused; a kill at any moment leaves nothing of this
    /// import. The store replays every history through `Workflow` before writing it.
    func write(_ checked: Checked, into store: ComplaintStore, trace: PhaseTrace) throws -> Written {
        let t = session.strings
        let writing = Progress(t.importMessage(.importing), total: checked.valid, language: t.language)
        var out = Written()
        let context = store.context
        let login = store.login
        let skipped = Confined(checked.verdicts)
        let job = Confined(self)
        try store.writeExclusively { bulk in
            var idMap: [Int64: Int64] = [:]
            var deferred: [(source: Int64?, history: [Event])] = []
            out = Written()
            let pipeline = Pipeline<[(Int, Int64?, [Event])]>()
            let producer = pipeline.start { p in
                var batch: [(Int, Int64?, [Event])] = []
                var ignored: [String] = []
                var ignoredToo: [String] = []
                let j = job.value
                try? ImportCommand.forEachRecord(j.format, bytes: j.bytes, path: j.path, s: j.session, errors: &ignored) { record in
                    guard skipped.value[record.line]?.skip == false else { return }
                    guard let h = ImportCommand.history(for: record, format: j.format, origin: j.origin, s: j.session, now: j.now,
                                                        path: j.path, errors: &ignoredToo) else { return }
                    batch.append((record.line, record.sourceID, h))
                    if batch.count >= Self.batchSize {
                        if !p.push(batch) { throw CLIError.environment("cancelled") }
                        batch.removeAll(keepingCapacity: true)
                    }
                } invalid: { _ in }
                if !batch.isEmpty { _ = p.push(batch) }
            }
            defer {
                pipeline.cancel()
                if let producer { pthread_join(producer, nil) }
            }
            func insert(_ items: [(source: Int64?, history: [Event])]) throws(CLIError) {
                var prepared: [PreparedHistory] = []
                prepared.reserveCapacity(items.count)
                let ids: [Int64]
                do {
                    for item in items {
                        var p = try ComplaintStore.prepare(item.history, context: context, login: login)
                        p.preferredID = item.source
                        prepared.append(p)
                    }
                    ids = try store.insertPrepared(prepared)
                } catch { throw .store(error) }
                for (item, id) in zip(items, ids) { if let source = item.source { idMap[source] = id } }
                out.written += ids.count
                writing.update(out.written, unit: t.importMessage(.complaints))
            }
            while let batch = pipeline.pop() {
                var now: [(source: Int64?, history: [Event])] = []
                for (line, source, history) in batch {
                    // The duplicate check again, under the lock: another import may have stored
                    // this row since the check. (A bulk load starts from an empty store: nothing to find.)
                    if !bulk, let id = try Self.storedID(Self.dedupKey(history), store) {
                        if let source { idMap[source] = id }
                        out.storedMeanwhile += 1
                        continue
                    }
                    // Reports that link a duplicate go last, when their target has its number here.
                    if skipped.value[line]?.duplicateTarget != nil { deferred.append((source, history)) } else { now.append((source, history)) }
                }
                try insert(now)
            }
            trace.lap("write")
            try insert(deferred.map { item in (item.source, Self.relinked(item.history, idMap)) })
        }
        writing.finish(out.written, unit: t.importMessage(.complaints))
        return out
    }

    /// The report a history links as the original of a duplicate, if any.
    static func duplicateTarget(_ history: [Event]) -> Int64? {
        history.lazy.compactMap { $0.kind == .linkDuplicate || $0.kind == .archive || $0.kind == .import ? $0.details.duplicateOf : nil }.first
    }

    /// The history with its duplicate links pointing at the numbers the targets got here.
    static func relinked(_ history: [Event], _ idMap: [Int64: Int64]) -> [Event] {
        history.map { e in
            guard let old = e.details.duplicateOf, let new = idMap[old], new != old else { return e }
            var copy = e
            copy.details.duplicateOf = new
            return copy
        }
    }

    /// Problems in file order: "file:LINE: …" sorted by LINE, stable otherwise.
    static func byLine(_ messages: [String]) -> [String] {
        func line(_ m: String) -> Int {
            let parts = m.split(separator: ":", maxSplits: 2)
            return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        }
        return messages.enumerated().sorted { (line($0.element), $0.offset) < (line($1.element), $1.offset) }.map(\.element)
    }

    /// The stored report with this re-import key, if any.
    static func storedID(_ key: String, _ store: ComplaintStore) throws -> Int64? {
        if key.hasPrefix("t:") { return try store.id(forTrackingID: String(key.dropFirst(2))) }
        return try store.id(forContentKey: String(key.dropFirst(2)))
    }

    /// The re-import key: the LAPOR! tracking number, else the content key.
    static func dedupKey(_ history: [Event]) -> String {
        let intake = history[0].details.intake!
        if let t = intake.trackingID { return "t:" + t }
        let c = Workflow.evolve(nil, history[0])
        return "k:" + (ContentKey.of(intake, receivedAt: c.receivedAt) ?? "")
    }
}
