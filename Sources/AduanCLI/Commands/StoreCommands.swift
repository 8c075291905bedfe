import AduanCore
import AduanStore

/// `aduan init`: an empty store.
enum InitCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        let existed = Files.exists(s.storePath)
        if existed, let file = s.arguments.value("office") {
            // A store's office is changed by an audited apply, never by making the store again.
            throw .refused(s.language == .en
                ? "\(s.storePath): a store already exists; init never overwrites one. Change its office with `aduan office apply \(file) --store \(s.storePath)`."
                : "\(s.storePath): penyimpanan sudah ada; init tidak pernah menimpanya. Ubah data kantornya dengan `aduan office apply \(file) --store \(s.storePath)`.")
        }
        if existed, s.arguments.flag("training") {
            throw .refused(s.language == .en ? "\(s.storePath): a store already exists; --training only marks a new store."
                                             : "\(s.storePath): penyimpanan sudah ada; --training hanya menandai penyimpanan baru.")
        }
        let store = try s.openStore(create: true)
        let total = (try? store.totals().complaints) ?? 0
        if existed {
            s.out.line(s.language == .en ? "\(s.storePath): store already exists (\(NumberFormat.grouped(total, .en)) complaints); left unchanged."
                                         : "\(s.storePath): penyimpanan sudah ada (\(NumberFormat.grouped(total, .id)) laporan); tidak diubah.")
        } else {
            if store.isTraining {
                s.out.line(s.language == .en ? "Created an empty training store at \(s.storePath)." : "Penyimpanan pelatihan kosong dibuat di \(s.storePath).")
            } else {
                s.out.line(s.language == .en ? "Created an empty store at \(s.storePath)." : "Penyimpanan kosong dibuat di \(s.storePath).")
            }
            if let v = try? store.office() {
                s.out.line(s.language == .en ? "Office version \(v.version) from \(s.configPath ?? "the built-in config") (sha256 \(v.sha256))."
                                             : "Data kantor versi \(v.version) dari \(s.configPath ?? "konfigurasi bawaan") (sha256 \(v.sha256)).")
            }
        }
        return 0
    }
}

/// `aduan verify`: integrity, hash chain, replay.
enum VerifyCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        let store = try s.openStore(reading: true)
        let progress = Progress(s.language == .en ? "verifying" : "memeriksa", total: nil)
        let started = Platform.monotonic()
        let report: VerifyReport
        let trace = PhaseTrace("verify", err: s.err, since: started)
        var phase = ""
        do {
            report = try store.verify(names: s.config.directory) { done, total, name in
                if name != phase { trace.lap(phase); phase = name }
                progress.update(done, unit: s.language == .en ? "steps" : "langkah")
            }
            trace.lap(phase)
        } catch {
            throw .store(error)
        }
        progress.finish(report.eventsChecked, unit: s.language == .en ? "events" : "peristiwa")
        let seconds = Platform.monotonic() - started
        let en = s.language == .en
        let figures = en
            ? "\(NumberFormat.grouped(report.complaintsChecked, .en)) complaints, \(NumberFormat.grouped(report.eventsChecked, .en)) events checked in \(NumberFormat.decimal(seconds, fractionDigits: 1, .en)) s"
            : "\(NumberFormat.grouped(report.complaintsChecked, .id)) laporan, \(NumberFormat.grouped(report.eventsChecked, .id)) peristiwa diperiksa dalam \(NumberFormat.decimal(seconds, fractionDigits: 1, .id)) dtk"
        for note in report.notes { s.err.line((en ? "note: " : "catatan: ") + note) }
        // The office's versions are a chain of their own (OfficeRecord.swift).
        let officeProblems: [String]
        do { officeProblems = try store.officeRecordProblems() } catch { throw .store(error) }
        for p in officeProblems { s.out.line("office: " + SafeText.line(p)) }
        if !officeProblems.isEmpty && report.isClean {
            s.out.line((en ? "PROBLEMS: \(officeProblems.count) found in the office records. " : "MASALAH: \(officeProblems.count) ditemukan di catatan data kantor. ") + figures + ".")
            return 1
        }
        if report.isClean {
            s.out.line((en ? "OK: the store is intact. " : "OK: penyimpanan utuh. ") + figures + ".")
            return try AnchorCommand.verifyEnding(s, store) ? 0 : 1
        }
        for p in report.problems {
            s.out.line("\(p.kind.rawValue): " + SafeText.line(p.description))
        }
        let affected = report.affectedComplaints
        s.out.line((en ? "PROBLEMS: \(report.problems.count) found" : "MASALAH: \(report.problems.count) ditemukan")
                   + (affected.isEmpty ? "" : (en ? "; complaints affected: " : "; laporan terdampak: ") + affected.prefix(50).map { "#\($0)" }.joined(separator: ", "))
                   + ". " + figures + ".")
        _ = try AnchorCommand.verifyEnding(s, store)
        return 1
    }
}

/// `aduan backup DEST`.
enum BackupCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 1...1, "a destination file: aduan backup DEST")
        let dest = s.arguments.positionals[0]
        let store = try s.openStore(reading: true)
        let progress = Progress(s.language == .en ? "backup" : "cadangan", total: nil)
        do {
            try store.backup(to: dest) { remaining, total in progress.update(total - remaining, unit: "pages") }
        } catch {
            throw .store(error)
        }
        progress.finish(0, unit: "pages")
        s.out.line(s.language == .en ? "Backed up \(s.storePath) to \(dest)." : "\(s.storePath) dicadangkan ke \(dest).")
        return 0
    }
}

/// `aduan auto-close`.
enum AutoCloseCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        let store = try s.openStore()
        let now = try s.now()
        let n: Int
        do { n = try store.autoCloseDue(at: now, limit: 1_000_000) } catch { throw .store(error) }
        s.out.line(s.language == .en ? "\(NumberFormat.grouped(n, .en)) complaint(s) closed automatically."
                                     : "\(NumberFormat.grouped(n, .id)) laporan selesai otomatis.")
        return 0
    }
}

/// `aduan sweep`: the auto-close, then the warnings and escalations that fell due (for cron).
enum SweepCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        let store = try s.openStore()
        let now = try s.now()
        let closed: Int, recorded: Int
        do {
            closed = try store.autoCloseDue(at: now, limit: 1_000_000)
            recorded = try store.recordEscalations(at: now, limit: 1_000_000)
        } catch { throw .store(error) }
        s.out.line(s.language == .en
            ? "\(NumberFormat.grouped(closed, .en)) complaint(s) closed automatically; \(NumberFormat.grouped(recorded, .en)) warning(s) and escalation(s) recorded."
            : "\(NumberFormat.grouped(closed, .id)) laporan selesai otomatis; \(NumberFormat.grouped(recorded, .id)) peringatan dan eskalasi dicatat.")
        return 0
    }
}

/// `aduan calendar due DATE N` and `aduan calendar holidays YEAR`.
enum CalendarCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        let args = s.arguments.positionals
        let cal = s.config.calendar
        let zone = cal.zone
        switch args.first {
        case "due":
            guard args.count == 3 else { throw .usage("usage: aduan calendar due DATE N   (e.g. aduan calendar due 2026-03-17T10:00:00+07:00 3)") }
            let start: Timestamp
            if let d = LocalDate.parse(args[1]) {
                start = zone.timestamp(d, hour: 12)
            } else {
                switch Timestamp.parseISO8601(args[1]) {
                case .success(let t): start = t
                case .failure(.missingTimeZone): throw .usage("\(quoteInput(args[1])): add a time zone, e.g. \(quoteInput(String(args[1].prefix(10))))T09:00:00+07:00, or give a date only (YYYY-MM-DD, read in \(zone.abbreviation))")
                case .failure: throw .usage("\(quoteInput(args[1])): expected a date (2026-03-17) or an ISO 8601 date-time with a zone (2026-03-17T10:00:00+07:00)")
                }
            }
            guard let n = Int(args[2]), n >= 0, n <= 10_000 else { throw .usage("\(quoteInput(args[2])): N must be a whole number of days from 0 to 10000") }
            let due = s.arguments.flag("calendar-days") ? cal.deadline(from: start, calendarDays: n) : cal.deadline(from: start, workingDays: n)
            s.out.line(due.iso8601(in: zone))
            let unknown = cal.unknownYears(fromDay: zone.dayNumber(of: start), throughDay: zone.dayNumber(of: due))
            if !unknown.isEmpty { s.err.line(s.strings.holidayYearsUnknown(unknown)) }
            return 0
        case "holidays":
            guard args.count == 2, let year = Int(args[1]), (1900...2200).contains(year) else { throw .usage("usage: aduan calendar holidays YEAR   (e.g. aduan calendar holidays 2026)") }
            let days = cal.holidays(in: year)
            if days.isEmpty {
                s.err.line(s.language == .en ? "No holidays known for \(year): add them under calendar.holidays in the config." : "Belum ada hari libur untuk \(year): tambahkan di calendar.holidays pada konfigurasi.")
            }
            for h in days {
                s.out.line("\(h.date.iso8601)\t\(s.strings.weekdayName(h.date.weekday))\t\(h.kind.rawValue)\t\(SafeText.line(h.name))")
            }
            return 0
        default:
            throw .usage("usage: aduan calendar due DATE N | aduan calendar holidays YEAR")
        }
    }
}
