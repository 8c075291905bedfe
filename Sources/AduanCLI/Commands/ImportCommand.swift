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

/// `aduan import FILE`: check everything first and write nothing unless all is valid (or
/// `--skip-invalid`); skip what is already stored; keep the source's local numbers when free.
enum ImportCommand {
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
        // On PostgreSQL only the store's owner imports (ImportPostgres.swift); the store exists.
        let postgres = try PostgresImport.ownerStore(s)
        // Checking needs no store; an existing one is read to skip what it already holds.
        let existing: ComplaintStore? = postgres == nil && Files.exists(s.storePath) ? try s.openStore() : nil
        let started = Platform.monotonic()
        // What every import event says about its source: the file's name and the hash of its bytes.
        let origin = Origin(file: path.split(separator: "/").last.map(String.init) ?? path, sha256: SHA256.hexString(SHA256.hash(bytes)))
        let now: Timestamp
        if let postgres { now = try PostgresImport.serverNow(postgres) } else { now = try s.now() }
        var importer = Importer(session: s, path: path, bytes: bytes, format: format, now: now, origin: origin, existing: existing)
        if let postgres {
            do { importer.storedKeys = try PGImportKeys.load(postgres.conn) } catch { throw PostgresCommands.fail(error) }
        }

        let checked = try importer.check()
        let trace = PhaseTrace("import", err: s.err, since: started)
        trace.lap("check")
        let errors = checked.errors
        if !errors.isEmpty {
            let shown = errors.prefix(200)
            var lines = shown.map { SafeText.excerpt($0) }
            if errors.count > shown.count { lines.append(t.importMessage(.moreProblems(errors.count - shown.count))) }
            if !s.arguments.flag("skip-invalid") {
                lines.append(t.importMessage(.nothingImported(path: path, problems: errors.count, records: checked.total)))
                throw .invalid(lines)
            }
            for l in lines { s.err.line(l) }
            s.err.flush()
        }
        if s.arguments.flag("dry-run") {
            s.out.line(t.importMessage(.dryRun(path: path, valid: checked.valid, duplicates: checked.duplicates, invalid: checked.invalid)))
            return errors.isEmpty ? 0 : 1
        }
        guard checked.valid > 0 else {
            // Nothing new: say so in the usual words, and create no store for it.
            report(s, written: 0, path: path, duplicates: checked.duplicates, invalid: checked.invalid, seconds: Platform.monotonic() - started)
            return errors.isEmpty ? 0 : 1
        }

        let written: Importer.Written
        do {
            if let postgres {
                written = try importer.write(checked, into: postgres, trace: trace)
            } else {
                let store: ComplaintStore
                if let existing { store = existing } else { store = try s.openStore(create: true) }
                written = try importer.write(checked, into: store, trace: trace)
            }
        } catch let e as CLIError {
            throw e
        } catch StoreError.locked {
            throw .environment(t.importMessage(.storeBusy(s.storePath)))
        } catch let e as StoreError {
            throw .store(e)
        } catch {
            throw PostgresCommands.fail(error)
        }
        trace.lap("indexes")
        report(s, written: written.written, path: path, duplicates: checked.duplicates + written.storedMeanwhile, invalid: checked.invalid,
               seconds: Platform.monotonic() - started)
        // Exit 1 when rows were refused (listed above), even though the good ones are in: invalid data was met.
        return errors.isEmpty ? 0 : 1
    }

    static func report(_ s: Session, written: Int, path: String, duplicates: Int, invalid: Int, seconds: Double) {
        let seconds = max(0.001, seconds)
        let rate = Int(Double(written) / seconds)
        s.out.line(s.strings.importMessage(.imported(count: written, path: path, duplicates: duplicates, invalid: invalid, seconds: seconds, perSecond: rate)))
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
            // The store's owner imports as the system, which has no agency of its own: each record names it.
            if case .missing(_, .targetAgency) = refusal {
                switch format {
                case .csv: field = "agency: "
                case .open311: field = "agency_responsible: "
                case .json: field = "intakeAgency: "
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
                guard let h = try reader.next() else { throw CLIError.invalid([s.strings.importMessage(.emptyFile(path: path))]) }
                header = h.fields.map(CSVLayout.normalise)
            } catch let e as CSVError {
                throw .invalid(["\(path):\(e.line): \(e.problem.text(s.language))"])
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
                    errors.append("\(path):\(error.line): \(column)\(error.problem.text(s.language))")
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
                collected.append("\(path):\(e.line): " + JSONSyntaxText.at(column: e.column, e.message, s.language))
            } catch {
                collected.append("\(path): \(error)")
            }
            errors += collected
        }
    }
}
