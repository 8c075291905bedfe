import AduanCore
import AduanStore

/// `aduan init`: an empty store.
enum InitCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        if let conninfo = PostgresCommands.conninfo(s) { return try PostgresCommands.initStore(s, conninfo) }
        let existed = Files.exists(s.storePath)
        if existed, let file = s.arguments.value("office") {
            // A store's office is changed by an audited apply, never by making the store again.
            throw .refused(s.strings.operation(.initRefusedOfficeExists(store: s.storePath, file: file)))
        }
        if existed, s.arguments.flag("training") {
            throw .refused(s.strings.operation(.initRefusedTrainingExists(store: s.storePath)))
        }
        let store = try s.openStore(create: true)
        let total = (try? store.totals().complaints) ?? 0
        if existed {
            s.out.line(s.strings.operation(.initStoreExists(store: s.storePath, complaints: total)))
        } else {
            s.out.line(s.strings.operation(.initCreated(store: s.storePath, training: store.isTraining)))
            if let v = try? store.office() {
                s.out.line(s.strings.operation(.initOffice(version: v.version, source: s.configPath, sha256: v.sha256)))
            }
        }
        return 0
    }
}

/// `aduan verify`: integrity, hash chain, replay.
enum VerifyCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        if let conninfo = PostgresCommands.conninfo(s) { return try PostgresCommands.verify(s, conninfo) }
        let store = try s.openStore(reading: true)
        let progress = Progress(s.strings.operation(.verifying), total: nil, language: s.language)
        let started = Platform.monotonic()
        let report: VerifyReport
        let trace = PhaseTrace("verify", err: s.err, since: started)
        var phase = ""
        do {
            report = try store.verify(names: s.config.directory) { done, total, name in
                if name != phase { trace.lap(phase); phase = name }
                progress.update(done, unit: s.strings.operation(.steps))
            }
            trace.lap(phase)
        } catch {
            throw .store(error)
        }
        progress.finish(report.eventsChecked, unit: s.strings.operation(.events))
        let seconds = Platform.monotonic() - started
        let t = s.strings
        let figures = t.operation(.verifyFigures(complaints: report.complaintsChecked, events: report.eventsChecked, seconds: seconds))
        for note in report.notes { s.err.line(t.operation(.note) + note) }
        // The office's versions are a chain of their own (OfficeRecord.swift).
        let officeProblems: [String]
        do { officeProblems = try store.officeRecordProblems() } catch { throw .store(error) }
        for p in officeProblems { s.out.line("office: " + SafeText.line(p)) }
        if !officeProblems.isEmpty && report.isClean {
            s.out.line(t.operation(.officeProblems(count: officeProblems.count)) + figures + ".")
            return 1
        }
        if report.isClean {
            s.out.line(t.operation(.intact) + figures + ".")
            return try AnchorCommand.verifyEnding(s, store) ? 0 : 1
        }
        for p in report.problems {
            s.out.line("\(p.kind.rawValue): " + SafeText.line(p.description))
        }
        let affected = report.affectedComplaints
        s.out.line(t.operation(.problems(count: report.problems.count, affected: Array(affected))) + figures + ".")
        _ = try AnchorCommand.verifyEnding(s, store)
        return 1
    }
}

/// `aduan backup DEST`.
enum BackupCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 1...1, "aduan backup DEST")
        if let conninfo = PostgresCommands.conninfo(s) { return try PostgresCommands.backup(s, conninfo) }
        let dest = s.arguments.positionals[0]
        let store = try s.openStore(reading: true)
        let progress = Progress(s.strings.operation(.backupLabel), total: nil, language: s.language)
        let pages = s.strings.notice(.pagesUnit)
        var copied = 0
        do {
            try store.backup(to: dest) { remaining, total in
                copied = total - remaining
                progress.update(copied, unit: pages)
            }
        } catch {
            throw .store(error)
        }
        progress.finish(copied, unit: pages)
        s.out.line(s.strings.operation(.backedUp(store: s.storePath, dest: dest)))
        return 0
    }
}

/// `aduan auto-close`.
enum AutoCloseCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        if s.location.isPostgres {
            // The store's owner, at the server's clock, one event per report (as the writer does).
            let store = try s.ownerStore("auto-close")
            let n: Int
            do { n = try store.autoCloseDue(limit: 1_000_000) } catch { throw PostgresCommands.fail(error) }
            s.out.line(s.strings.operation(.autoClosed(n)))
            return 0
        }
        let store = try s.openStore()
        let now = try s.now()
        let n: Int
        do { n = try store.autoCloseDue(at: now, limit: 1_000_000) } catch { throw .store(error) }
        s.out.line(s.strings.operation(.autoClosed(n)))
        return 0
    }
}

/// `aduan sweep`: the auto-close, then the warnings and escalations that fell due (for cron).
enum SweepCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        let closed: Int, recorded: Int
        if s.location.isPostgres {
            // The store's owner, at the server's clock, an event per step (as the writer does).
            let store = try s.ownerStore("sweep")
            do {
                closed = try store.autoCloseDue(limit: 1_000_000)
                recorded = try store.recordEscalationsDue(limit: 1_000_000)
            } catch { throw PostgresCommands.fail(error) }
        } else {
            let store = try s.openStore()
            let now = try s.now()
            do {
                closed = try store.autoCloseDue(at: now, limit: 1_000_000)
                recorded = try store.recordEscalations(at: now, limit: 1_000_000)
            } catch { throw .store(error) }
        }
        s.out.line(s.strings.notice(.swept(closed: closed, recorded: recorded)))
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
            guard args.count == 3 else { throw .usage(s.strings.command(.calendarDueUsage)) }
            let start: Timestamp
            if let d = LocalDate.parse(args[1]) {
                start = zone.timestamp(d, hour: 12)
            } else {
                // Says what is wrong: an impossible date is named as such, never told to add a zone.
                if let problem = DateTimeProblem.of(args[1], dateOnly: true) {
                    throw .usage(s.strings.dateTimeProblem(args[1], problem, dateOnly: true, zoneName: zone.abbreviation))
                }
                guard case .success(let t) = Timestamp.parseISO8601(args[1]) else {
                    throw .usage(s.strings.dateTimeProblem(args[1], .malformed, dateOnly: true, zoneName: zone.abbreviation))
                }
                start = t
            }
            guard let n = Int(args[2]), n >= 0, n <= 10_000 else { throw .usage(s.strings.command(.dayCount(args[2]))) }
            let due = s.arguments.flag("calendar-days") ? cal.deadline(from: start, calendarDays: n) : cal.deadline(from: start, workingDays: n)
            s.out.line(due.iso8601(in: zone))
            let unknown = cal.unknownYears(fromDay: zone.dayNumber(of: start), throughDay: zone.dayNumber(of: due))
            if !unknown.isEmpty { s.err.line(s.strings.holidayYearsUnknown(unknown)) }
            return 0
        case "holidays":
            guard args.count == 2, let year = Int(args[1]), (1900...2200).contains(year) else { throw .usage(s.strings.command(.calendarHolidaysUsage)) }
            let days = cal.holidays(in: year)
            if days.isEmpty {
                s.err.line(s.strings.command(.noHolidaysKnown(year: year)))
            }
            for h in days {
                s.out.line("\(h.date.iso8601)\t\(s.strings.weekdayName(h.date.weekday))\t\(h.kind.rawValue)\t\(SafeText.line(h.name))")
            }
            return 0
        default:
            throw .usage(s.strings.command(.calendarUsage))
        }
    }
}
