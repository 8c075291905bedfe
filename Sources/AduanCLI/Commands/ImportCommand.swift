import AduanCore
import AduanStore
import Glibc

/// The interchange formats.
public enum InterchangeFormat: String, Sendable, CaseIterable {
    case csv
    case json
    case open311

    static func guess(path: String, bytes: [UInt8]) -> InterchangeFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") { return .csv }
        // Open311 files name their records service requests.
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if head.contains("\"service_request_id\"") { return .open311 }
        if lower.hasSuffix(".json") || head.drop(while: { $0 == "\u{FEFF}" || $0.isWhitespace }).first == "[" { return .json }
        return .csv
    }
}

/// `aduan import FILE`: check everything first and write nothing unless all is valid (or
/// `--skip-invalid`); skip what is already stored; keep the source's local numbers when free.
enum ImportCommand {
    static let batchSize = 10_000

    /// What pass 1 learned about one record.
    struct Verdict {
        var skip: Bool
        /// The source number of the report this one duplicates, when its history links one.
        var duplicateTarget: Int64?
    }

    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 1...1, "aduan import FILE")
        let path = s.arguments.positionals[0]
        let t = s.strings
        let bytes: [UInt8]
        switch Files.read(path) {
        case .success(let b): bytes = b
        case .failure(let e): throw .environment(t.command(.cannotRead(file: path, reason: e.reason)))
        }
        var format = InterchangeFormat.guess(path: path, bytes: bytes)
        if let f = s.arguments.value("format") {
            guard let x = InterchangeFormat(rawValue: f.lowercased()) else { throw .usage(t.command(.expectedOneOf(option: "format", value: f, options: ["csv", "json", "open311"]))) }
            format = x
        }
        if let refusal = Workflow.gate(.import, on: nil, by: s.operatorActor, context: s.context) {
            throw .refused(s.strings.refusal(refusal, names: s.config.directory, zone: s.zone))
        }
        // Checking needs no store; an existing one is read to skip what it already holds.
        let existing: ComplaintStore? = Files.exists(s.storePath) ? try s.openStore() : nil
        let now = try s.now()
        let started = Platform.monotonic()
        // What every import event says about its source: the file's name and the hash of its bytes.
        let origin = Origin(file: path.split(separator: "/").last.map(String.init) ?? path, sha256: SHA256.hexString(SHA256.hash(bytes)))

        // Pass 1: read and check every record; remember only keys, links and problems.
        var errors: [String] = []
        var syntaxErrors: [String] = []
        var valid = 0, duplicates = 0, total = 0
        var seen = Set<String>()
        var verdicts: [Int: Verdict] = [:]
        var sourceIDs = Set<Int64>()
        var links: [(line: Int, target: Int64)] = []
        let checking = Progress(t.importMessage(.checking), total: nil)
        try forEachRecord(format, bytes: bytes, path: path, s: s, errors: &syntaxErrors) { record in
            total += 1
            checking.update(total, unit: t.importMessage(.rows))
            guard let history = history(for: record, format: format, origin: origin, s: s, now: now, path: path, errors: &errors) else {
                verdicts[record.line] = Verdict(skip: true)
                return
            }
            let key = dedupKey(history)
            let stored = try existing.map { try alreadyStored(key, $0) } ?? false
            if !seen.insert(key).inserted || stored {
                duplicates += 1
                verdicts[record.line] = Verdict(skip: true)
                return
            }
            if let id = record.sourceID { sourceIDs.insert(id) }
            let target = duplicateTarget(history)
            if let target { links.append((record.line, target)) }
            verdicts[record.line] = Verdict(skip: false, duplicateTarget: target)
            valid += 1
        } invalid: { line in
            total += 1
            verdicts[line] = Verdict(skip: true)
        }
        checking.finish(total, unit: t.importMessage(.rows))
        let trace = PhaseTrace("import", err: s.err, since: started)
        trace.lap("check")
        // A duplicate link must point at a report in the same file: numbers from another store mean nothing here.
        for link in links where !sourceIDs.contains(link.target) {
            errors.append("\(path):\(link.line): events: " + t.importMessage(.duplicateLinkOutside(target: link.target)))
            if var v = verdicts[link.line], !v.skip { v.skip = true; verdicts[link.line] = v; valid -= 1 }
        }
        errors = Self.byLine(syntaxErrors + errors)
        let invalid = total - valid - duplicates
        if !errors.isEmpty {
            let shown = errors.prefix(200)
            var lines = shown.map { SafeText.excerpt($0) }
            if errors.count > shown.count { lines.append(t.importMessage(.moreProblems(errors.count - shown.count))) }
            if !s.arguments.flag("skip-invalid") {
                lines.append(t.importMessage(.nothingImported(path: path, problems: errors.count, records: total)))
                throw .invalid(lines)
            }
            for l in lines { s.err.line(l) }
            s.err.flush()
        }
        if s.arguments.flag("dry-run") {
            s.out.line(t.importMessage(.dryRun(path: path, valid: valid, duplicates: duplicates, invalid: invalid)))
            return errors.isEmpty ? 0 : 1
        }
        guard valid > 0 else {
            // Nothing new: say so in the usual words, and create no store for it.
            report(s, written: 0, path: path, duplicates: duplicates, invalid: invalid, seconds: Platform.monotonic() - started)
            return errors.isEmpty ? 0 : 1
        }

        // Pass 2: the same records again, prepared on a second thread while this one writes, all in
        // one transaction that holds the store's write lock: a second import waits (and then finds
        // these rows present) or is refused; a kill at any moment leaves nothing of this import.
        let store: ComplaintStore
        if let existing { store = existing } else { store = try s.openStore(create: true) }
        let writing = Progress(t.importMessage(.importing), total: valid)
        var written = 0
        // Rows another import stored after pass 1 looked: found again under the lock, skipped.
        var storedMeanwhile = 0
        let context = s.context
        let login = store.login
        let skipped = Confined(verdicts)
        let job = Confined((format: format, bytes: bytes, path: path, session: s, now: now, origin: origin))
        do {
            try store.writeExclusively { bulk in
                var idMap: [Int64: Int64] = [:]
                var deferred: [(source: Int64?, history: [Event])] = []
                written = 0
                storedMeanwhile = 0
                let pipeline = Pipeline<[(Int, Int64?, [Event])]>()
                let producer = pipeline.start { p in
                    var batch: [(Int, Int64?, [Event])] = []
                    var ignored: [String] = []
                    var ignoredToo: [String] = []
                    let j = job.value
                    try? forEachRecord(j.format, bytes: j.bytes, path: j.path, s: j.session, errors: &ignored) { record in
                        guard skipped.value[record.line]?.skip == false else { return }
                        guard let h = history(for: record, format: j.format, origin: j.origin, s: j.session, now: j.now, path: j.path,
                                              errors: &ignoredToo) else { return }
                        batch.append((record.line, record.sourceID, h))
                        if batch.count >= batchSize {
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
                    for item in items {
                        guard var p = ComplaintStore.prepare(item.history, context: context, login: login) else { continue }
                        p.preferredID = item.source
                        prepared.append(p)
                    }
                    let ids: [Int64]
                    do { ids = try store.insertPrepared(prepared) } catch { throw .store(error) }
                    for (item, id) in zip(items, ids) { if let source = item.source { idMap[source] = id } }
                    written += ids.count
                    writing.update(written, unit: t.importMessage(.complaints))
                }
                while let batch = pipeline.pop() {
                    var now: [(source: Int64?, history: [Event])] = []
                    for (line, source, history) in batch {
                        // The duplicate check again, under the lock: another import may have stored
                        // this row since pass 1. (A bulk load starts from an empty store: nothing to find.)
                        if !bulk, let id = try storedID(dedupKey(history), store) {
                            if let source { idMap[source] = id }
                            storedMeanwhile += 1
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
        } catch let e as CLIError {
            throw e
        } catch StoreError.locked {
            throw .environment(t.importMessage(.storeBusy(s.storePath)))
        } catch let e as StoreError {
            throw .store(e)
        } catch {
            throw .environment("\(error)")
        }
        trace.lap("indexes")
        writing.finish(written, unit: t.importMessage(.complaints))
        report(s, written: written, path: path, duplicates: duplicates + storedMeanwhile, invalid: invalid, seconds: Platform.monotonic() - started)
        // Exit 1 when rows were refused (listed above), even though the good ones are in: invalid data was met.
        return errors.isEmpty ? 0 : 1
    }

    static func report(_ s: Session, written: Int, path: String, duplicates: Int, invalid: Int, seconds: Double) {
        let seconds = max(0.001, seconds)
        let rate = Int(Double(written) / seconds)
        s.out.line(s.strings.importMessage(.imported(count: written, path: path, duplicates: duplicates, invalid: invalid, seconds: seconds, perSecond: rate)))
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

    static func alreadyStored(_ key: String, _ store: ComplaintStore) throws -> Bool {
        try storedID(key, store) != nil
    }

    /// The stored report with this re-import key, if any.
    static func storedID(_ key: String, _ store: ComplaintStore) throws -> Int64? {
        if key.hasPrefix("t:") { return try store.id(forTrackingID: String(key.dropFirst(2))) }
        return try store.id(forContentKey: String(key.dropFirst(2)))
    }

    static func dedupKey(_ history: [Event]) -> String {
        let intake = history[0].details.intake!
        if let t = intake.trackingID { return "t:" + t }
        let c = Workflow.evolve(nil, history[0])
        return "k:" + (ContentKey.of(intake, receivedAt: c.receivedAt) ?? "")
    }

    /// The file an import reads, as its import events name it.
    struct Origin: Sendable {
        var file: String
        var sha256: String
    }

    /// The history to store for a record: always one import event by the importing operator at the
    /// trusted now. A source history (JSON export) is replayed to check it and to learn the state it
    /// reaches, then kept inside that event as quoted data: its actors are the source's names,
    /// never this office's operators, and its times are data, not event times.
    static func history(for r: IncomingRecord, format: InterchangeFormat, origin: Origin, s: Session, now: Timestamp, path: String,
                        errors: inout [String]) -> [Event]? {
        var details = ActionDetails(intake: r.intake, imported: r.imported, source: ImportSource(file: origin.file, sha256: origin.sha256))
        if var events = r.events {
            for i in events.indices { events[i].complaintID = 0 }
            switch Workflow.replay(events, context: s.context) {
            case .success(let c):
                details = ImportSource.importDetails(from: events, replayed: c, file: origin.file, sha256: origin.sha256)
            case .failure(let e):
                errors.append("\(path):\(r.line): events: " + s.strings.replayError(e, names: s.config.directory, zone: s.zone))
                return nil
            }
        }
        switch Workflow.decide(Command(.import, details), on: nil, by: s.operatorActor, at: now, context: s.context, newID: 0) {
        case .success(let e): return [e]
        case .failure(let refusal):
            var field = ""
            if case .importOutsideOwnAgency(let which, _, _) = refusal {
                let holder = which == "holder"
                switch format {
                case .csv: field = holder ? "holder_agency: " : "cc_units: "
                case .open311: field = "agency_responsible: "
                case .json: field = r.events != nil ? "events: " : (holder ? "holder.agency: " : "ccUnits: ")
                }
            }
            if case .receivedAfterImport = refusal {
                switch format {
                case .csv: field = "received_at: "
                case .open311: field = "requested_datetime: "
                case .json: field = r.events != nil ? "events: " : "receivedAt: "
                }
            }
            errors.append("\(path):\(r.line): " + field + s.strings.refusal(refusal, names: s.config.directory, zone: s.zone))
            return nil
        }
    }

    /// Walks the file's records in order; syntax problems are added to `errors`.
    static func forEachRecord(_ format: InterchangeFormat, bytes: [UInt8], path: String, s: Session, errors: inout [String],
                              _ body: (IncomingRecord) throws -> Void, invalid: (Int) -> Void) throws(CLIError) {
        let agency = s.operatorActor.agency
        switch format {
        case .csv:
            var reader = CSVReader(bytes: bytes)
            let header: [String]
            do {
                guard let h = try reader.next() else { throw CLIError.invalid(["\(path): the file is empty (expected a header row)"]) }
                header = h.fields.map(CSVLayout.normalise)
            } catch let e as CSVError {
                throw .invalid(["\(path):\(e.line): \(e.message)"])
            } catch let e as CLIError {
                throw e
            } catch {
                throw .environment("\(error)")
            }
            if !header.contains("title") {
                throw .invalid(["\(path):1: " + s.strings.importMessage(.noTitleColumn(found: header, expected: Array(CSVLayout.columns.prefix(6))))])
            }
            let unknown = header.filter { !CSVLayout.columns.contains($0) }
            if !unknown.isEmpty {
                throw .invalid(["\(path):1: " + s.strings.importMessage(.unknownColumns(unknown, known: CSVLayout.columns))])
            }
            var counted: [String: Int] = [:]
            for name in header { counted[name, default: 0] += 1 }
            if let twice = header.first(where: { counted[$0]! > 1 }) {
                throw .invalid(["\(path):1: " + s.strings.importMessage(.columnTwice(twice, times: counted[twice]!))])
            }
            while true {
                let rec: (line: Int, fields: [String])
                do {
                    guard let r = try reader.next() else { return }
                    rec = r
                } catch {
                    let column = error.field.flatMap { $0 < header.count ? header[$0] : nil }.map { "\($0): " } ?? ""
                    errors.append("\(path):\(error.line): \(column)\(error.message)")
                    // A broken quote or encoding spoils the rest of the file's structure: stop here.
                    return
                }
                if let record = CSVLayout.record(rec.fields, header: header, line: rec.line, file: path, operatorAgency: agency, strings: s.strings, errors: &errors) {
                    do { try body(record) } catch { errors.append("\(path):\(rec.line): \(error)") }
                } else {
                    invalid(rec.line)
                }
            }
        case .json, .open311:
            var index = 0
            var collected: [String] = []
            do {
                try JSONParser.forEachArrayElement(bytes: bytes) { node in
                    defer { index += 1 }
                    let record = format == .json
                        ? JSONLayout.record(node, index: index, file: path, operatorAgency: agency, strings: s.strings, errors: &collected)
                        : Open311Layout.record(node, index: index, file: path, config: s.config, operatorAgency: agency, strings: s.strings, errors: &collected)
                    if let record { try body(record) } else { invalid(node.line) }
                }
            } catch let e as JSONSyntaxError {
                collected.append("\(path):\(e.line): column \(e.column): \(e.message)")
            } catch {
                collected.append("\(path): \(error)")
            }
            errors += collected
        }
    }
}
