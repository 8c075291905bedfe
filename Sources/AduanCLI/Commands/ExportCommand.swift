import AduanCore
import AduanStore

/// `aduan export [--format csv|json|open311|xlsx] [--out FILE] [FILTER]` (xlsx: XlsxExport).
enum ExportCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        let filter = try s.parseFilter(s.arguments.positionals)
        let order = try ListCommand.orderOption(s)
        let outPath = s.arguments.value("out")
        var format = InterchangeFormat.csv
        if s.arguments.value("format")?.lowercased() == "xlsx" || (s.arguments.value("format") == nil && outPath?.lowercased().hasSuffix(".xlsx") == true) {
            return try XlsxExport.run(s, filter: filter, order: order)
        }
        if let f = s.arguments.value("format") {
            guard let x = InterchangeFormat(rawValue: f.lowercased()) else { throw .usage(s.strings.command(.expectedOneOf(option: "format", value: f, options: ["csv", "json", "open311", "xlsx"]))) }
            format = x
        } else if let o = outPath?.lowercased(), o.hasSuffix(".json") {
            format = .json
        }
        let store = try s.openContract(reading: true)
        let now = try s.now()
        let query = InboxQuery(viewer: s.operatorActor, filter: filter, order: order)

        var sink = s.out
        var commit: (() -> String?)?
        if let outPath, outPath != "-" {
            // Writing over the store (or any database) would destroy every complaint in it.
            if Files.sameFile(outPath, s.storePath) || Files.sameFile(outPath, s.storePath + "-wal")
                || Files.sameFile(outPath, s.storePath + "-shm") || Files.isSQLite(outPath) {
                throw .usage(s.strings.operation(.exportOverStore(outPath)))
            }
            switch OutputStream.file(outPath) {
            case .success(let (stream, done)): sink = stream; commit = done
            case .failure(let e): throw .environment(s.strings.operation(.cannotWrite(outPath, reason: e.reason)))
            }
        }
        // On a terminal the CSV is read, not parsed: a title holding OSC 0, OSC 52 or CSI would
        // retitle the window, set the clipboard or clear the screen, so every field is made safe
        // as `list` and `show` do (and no BOM). JSON escapes such characters always (JSONEscaping).
        let toTerminal = commit == nil && s.outIsTerminal
        // `--header id`: the Indonesian column names, ya/tidak and LAPOR!'s status names (issue 11, item 20).
        let indonesian = try ListCommand.headerLanguage(s) == .id
        let t = s.strings
        // Count and rate on a terminal's stderr whenever the data goes elsewhere (a file, or stdout
        // redirected or piped); never into data shown on the terminal, never into a piped stderr.
        let progress = Progress(t.operation(.exporting), total: nil, language: t.language, enabled: (commit != nil || !s.outIsTerminal) && Platform.isTerminal(2))
        var count = 0
        var first = true
        let viewer = s.operatorActor
        switch format {
        case .csv: sink.write((toTerminal ? "" : CSVWriter.bom) + CSVWriter.row(indonesian ? CSVLayout.indonesianColumns : CSVLayout.columns))
        case .json, .open311: sink.write("[")
        }
        do {
            try store.forEachReport(query, now: now, events: format != .csv) { page in
                for c in page.reports where Privacy.canView(c, viewer: viewer) {
                    switch format {
                    case .csv:
                        let row = CSVLayout.row(c, viewer: viewer, now: now, config: s.config)
                        let fields = indonesian ? CSVLayout.indonesianValues(row) : row
                        sink.write(CSVWriter.row(toTerminal ? fields.map(SafeText.line) : fields))
                    case .json:
                        var w = JSONStreamWriter()
                        JSONLayout.write(c, events: try page.events(of: c), viewer: viewer, now: now, config: s.config, to: &w)
                        sink.write((first ? "\n" : ",\n") + w.text)
                        first = false
                    case .open311:
                        guard Privacy.isPublishable(c) else { continue }
                        var w = JSONStreamWriter()
                        Open311Layout.write(c, events: try page.events(of: c), now: now, config: s.config, to: &w)
                        sink.write((first ? "\n" : ",\n") + w.text)
                        first = false
                    }
                    count += 1
                }
                progress.update(count, unit: t.operation(.complaints))
                return sink.failed == nil
            }
        } catch let e as StoreError {
            throw .store(e)
        } catch {
            throw .environment("\(error)")
        }
        if format != .csv { sink.write(first ? "]\n" : "\n]\n") }
        progress.finish(count, unit: t.operation(.complaints))
        if let commit {
            if let failure = commit() { throw .environment(t.operation(.cannotWrite(outPath!, reason: failure))) }
            s.err.line(t.operation(.exported(count: count, to: outPath!)))
        } else {
            sink.flush()
            if let f = sink.failed, !f.isEmpty { throw .environment(s.strings.operation(.cannotWrite("export", reason: f))) }
        }
        return 0
    }
}
