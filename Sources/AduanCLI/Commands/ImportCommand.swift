import AduanCore
import AduanStore

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

/// `aduan import FILE`: validate everything first, write nothing unless all is valid (or
/// `--skip-invalid`), skip what is already stored.
enum ImportCommand {
    static let batchSize = 20_000

    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 1...1, "a file: aduan import FILE")
        let path = s.arguments.positionals[0]
        let en = s.language == .en
        let bytes: [UInt8]
        switch Files.read(path) {
        case .success(let b): bytes = b
        case .failure(let e): throw .environment("\(path): cannot read: \(e.reason)")
        }
        var format = InterchangeFormat.guess(path: path, bytes: bytes)
        if let f = s.arguments.value("format") {
            guard let x = InterchangeFormat(rawValue: f.lowercased()) else { throw .usage("--format \(f): expected csv, json or open311") }
            format = x
        }
        if let refusal = Workflow.gate(.import, on: nil, by: s.operatorActor, context: s.context) {
            throw .refused(s.strings.refusal(refusal, names: s.config.directory, zone: s.zone))
        }
        let store = try s.openStore(create: true)
        let now = try Platform.now()
        let started = Platform.monotonic()

        // Pass 1: read and check every record; remember only keys and problems.
        var errors: [String] = []
        var syntaxErrors: [String] = []
        var valid = 0, duplicates = 0, total = 0
        var seen = Set<String>()
        var skipLines = Set<Int>()
        let checking = Progress(en ? "checking" : "memeriksa", total: nil)
        try forEachRecord(format, bytes: bytes, path: path, s: s, errors: &syntaxErrors) { record in
            total += 1
            let before = errors.count
            guard let history = history(for: record, s: s, now: now, path: path, errors: &errors) else {
                skipLines.insert(record.line)
                return
            }
            let key = dedupKey(history)
            let stored = try alreadyStored(key, store)
            if !seen.insert(key).inserted || stored {
                duplicates += 1
                skipLines.insert(record.line)
                return
            }
            if errors.count == before { valid += 1 }
            checking.update(total, unit: en ? "rows" : "baris")
        } invalid: { line in
            total += 1
            skipLines.insert(line)
        }
        checking.finish(total, unit: en ? "rows" : "baris")
        errors = Self.byLine(syntaxErrors + errors)
        if !errors.isEmpty {
            let shown = errors.prefix(200)
            var lines = shown.map { SafeText.line($0) }
            if errors.count > shown.count { lines.append(en ? "… and \(errors.count - shown.count) more problems" : "… dan \(errors.count - shown.count) masalah lain") }
            if !s.arguments.flag("skip-invalid") {
                lines.append(en ? "aduan: \(path): \(errors.count) problem(s) in \(total) record(s); nothing was imported (fix them, or use --skip-invalid)."
                                : "aduan: \(path): \(errors.count) masalah pada \(total) catatan; tidak ada yang diimpor (perbaiki, atau pakai --skip-invalid).")
                throw .invalid(lines)
            }
            for l in lines { s.err.line(l) }
            s.err.flush()
        }
        if s.arguments.flag("dry-run") {
            s.out.line(en ? "\(path): \(valid) valid, \(duplicates) already present, \(total - valid - duplicates) invalid. Nothing written (--dry-run)."
                          : "\(path): \(valid) sah, \(duplicates) sudah ada, \(total - valid - duplicates) tidak sah. Tidak ada yang ditulis (--dry-run).")
            return errors.isEmpty ? 0 : 1
        }

        // Pass 2: build the same histories again and write them in batches.
        var batch: [[Event]] = []
        var written = 0
        let writing = Progress(en ? "importing" : "mengimpor", total: valid)
        var ignored: [String] = []
        var ignoredToo: [String] = []
        func flush() throws(CLIError) {
            guard !batch.isEmpty else { return }
            do { written += try store.insertHistories(batch).count } catch { throw .store(error) }
            batch.removeAll(keepingCapacity: true)
            writing.update(written, unit: en ? "complaints" : "laporan")
        }
        var writeError: CLIError?
        try forEachRecord(format, bytes: bytes, path: path, s: s, errors: &ignored) { record in
            guard writeError == nil, !skipLines.contains(record.line) else { return }
            guard let h = history(for: record, s: s, now: now, path: path, errors: &ignoredToo) else { return }
            batch.append(h)
            if batch.count >= batchSize {
                do { try flush() } catch let e as CLIError { writeError = e } catch { writeError = .environment("\(error)") }
            }
        } invalid: { _ in }
        if let writeError { throw writeError }
        try flush()
        writing.finish(written, unit: en ? "complaints" : "laporan")
        let seconds = max(0.001, Platform.monotonic() - started)
        let rate = Int(Double(written) / seconds)
        s.out.line(en ? "Imported \(NumberFormat.grouped(written, .en)) complaint(s) from \(path) (\(duplicates) already present, \(total - valid - duplicates) invalid skipped) in \(NumberFormat.decimal(seconds, fractionDigits: 1, .en)) s, \(NumberFormat.grouped(rate, .en))/s."
                      : "\(NumberFormat.grouped(written, .id)) laporan diimpor dari \(path) (\(duplicates) sudah ada, \(total - valid - duplicates) tidak sah dilewati) dalam \(NumberFormat.decimal(seconds, fractionDigits: 1, .id)) dtk, \(NumberFormat.grouped(rate, .id))/dtk.")
        return errors.isEmpty ? 0 : 1
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
        if key.hasPrefix("t:") { return try store.id(forTrackingID: String(key.dropFirst(2))) != nil }
        return try store.id(forContentKey: String(key.dropFirst(2))) != nil
    }

    static func dedupKey(_ history: [Event]) -> String {
        let intake = history[0].details.intake!
        if let t = intake.trackingID { return "t:" + t }
        let c = Workflow.evolve(nil, history[0])
        return "k:" + (ContentKey.of(intake, receivedAt: c.receivedAt) ?? "")
    }

    /// The history to store for a record: its own replayed events, or one import event.
    static func history(for r: IncomingRecord, s: Session, now: Timestamp, path: String, errors: inout [String]) -> [Event]? {
        if var events = r.events {
            for i in events.indices { events[i].complaintID = 0 }
            switch Workflow.replay(events, context: s.context) {
            case .success: return events
            case .failure(let e):
                errors.append("\(path):\(r.line): events: " + s.strings.replayError(e, names: s.config.directory, zone: s.zone))
                return nil
            }
        }
        switch Workflow.decide(Command(.import, ActionDetails(intake: r.intake, imported: r.imported)), on: nil, by: s.operatorActor,
                               at: max(now, r.intake.receivedAt ?? now), context: s.context, newID: 0) {
        case .success(let e): return [e]
        case .failure(let refusal):
            errors.append("\(path):\(r.line): " + s.strings.refusal(refusal, names: s.config.directory, zone: s.zone))
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
                throw .invalid(["\(path):1: the header has no \"title\" column (found: \(header.joined(separator: ", ")); expected columns such as \(CSVLayout.columns.prefix(6).joined(separator: ", ")) …)"])
            }
            let unknown = header.filter { !CSVLayout.columns.contains($0) }
            if !unknown.isEmpty {
                throw .invalid(["\(path):1: unknown column(s) \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); known: \(CSVLayout.columns.joined(separator: ", "))"])
            }
            while true {
                let rec: (line: Int, fields: [String])
                do {
                    guard let r = try reader.next() else { return }
                    rec = r
                } catch {
                    errors.append("\(path):\(error.line): \(error.message)")
                    // A broken quote or encoding spoils the rest of the file's structure: stop here.
                    return
                }
                if let record = CSVLayout.record(rec.fields, header: header, line: rec.line, file: path, operatorAgency: agency, errors: &errors) {
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
                        ? JSONLayout.record(node, index: index, file: path, operatorAgency: agency, errors: &collected)
                        : Open311Layout.record(node, index: index, file: path, config: s.config, operatorAgency: agency, errors: &collected)
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
