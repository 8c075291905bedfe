import AduanCore
import AduanStore

/// `aduan office show [--format text|json]` and `aduan office apply FILE [--yes]`: the office's
/// shared truth as the store keeps it, versioned and audited.
enum OfficeCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        guard let sub = s.arguments.positionals.first else {
            throw .usage(s.strings.command(.missingArguments(command: "office", usage: "aduan office show | aduan office apply FILE | aduan office roles")))
        }
        switch sub {
        case "show":
            try expectPositionals(s, 1...1, "aduan office show")
            return try show(s)
        case "apply":
            try expectPositionals(s, 2...2, "aduan office apply FILE")
            return try apply(s, file: s.arguments.positionals[1])
        case "roles":
            try expectPositionals(s, 1...1, "aduan office roles")
            return try OfficeRolesCommand.run(s)
        default:
            throw .usage(s.strings.command(.unknownCommand("office " + sub, suggestion: FilterParser.closest(sub, in: ["show", "apply", "roles"]).map { "office " + $0 },
                                                           commands: ["office show", "office apply FILE", "office roles"])))
        }
    }

    // MARK: show

    static func show(_ s: Session) throws(CLIError) -> Int32 {
        let t = s.strings
        let format = s.arguments.value("format") ?? "text"
        guard format == "text" || format == "json" else { throw .usage(s.strings.command(.expectedOneOf(option: "format", value: format, options: ["text", "json"]))) }
        if s.arguments.flag("yes") { throw .usage(s.strings.command(.belongsTo(option: "yes", command: "aduan office apply"))) }
        let current: OfficeVersion?
        let history: [OfficeVersion]
        // On PostgreSQL every login of the store reads the office record (aduan.office_versions).
        let pg = s.location.isPostgres ? try s.openPostgres() : nil
        let sqlite = pg == nil ? try s.openStore(reading: true) : nil
        do throws(StoreError) {
            if let pg {
                current = try pg.office()
                history = try pg.officeHistory()
            } else {
                current = try sqlite!.office()
                history = try sqlite!.officeHistory()
            }
        } catch { throw .store(error) }
        if format == "json" {
            if let current {
                s.out.write(current.document)
                return 0
            }
            throw .refused(t.office(.noRecordForJSON(store: s.storePath)))
        }
        let c = s.config
        if let current {
            let when = formatDateTime(current.appliedAt, zone: s.zone, table: s.strings)
            s.out.line(t.office(.recordedHeader(store: s.storePath, version: current.version, when: when, by: current.appliedBy, login: current.login, sha256: current.sha256)))
        } else {
            s.out.line(t.office(.noRecordShown(store: s.storePath, source: s.configPath)))
        }
        s.out.line("\(c.officeName) (\(c.agency)), \(c.calendar.zone)")
        let units = c.directory.agencies.reduce(0) { $0 + $1.units.count }
        s.out.line(t.office(.agencies(c.directory.agencies.count, units: units)))
        for a in c.directory.agencies {
            s.out.line("  \(a.id): \(a.name) (\(t.office(.units(a.units.count))))")
        }
        s.out.line(t.office(.operators(c.operators.count)))
        for o in c.operators {
            s.out.line("  \(o.id)  \(o.role.rawValue)  \(o.agency)\(o.unit.map { "/" + $0 } ?? "")  \(o.name)")
        }
        let d = c.deadlines
        func rule(_ name: String, _ r: DeadlineRule) -> String { "\(name) \(r.days) \(r.counting.rawValue)" }
        s.out.line(t.office(.deadlinesLabel) + [rule("verification", d.verification), rule("firstFollowUp", d.firstFollowUp),
                   rule("autoClose", d.autoClose), rule("resolution", d.resolution), rule("response", d.response)].joined(separator: ", ")
                   + ", dueSoonWorkingDays \(d.dueSoonWorkingDays)")
        for o in d.overrides { s.out.line(t.office(.overrideLabel) + o.source + ": " + o.summary(s.language)) }
        s.out.line(t.office(.escalationLabel))
        for line in c.escalation.summaryLines(s.language) { s.out.line("  " + line) }
        let week = Weekday.allCases.filter(c.calendar.workWeek.contains).map(\.key).joined(separator: ",")
        s.out.line(t.office(.calendar(week: week, holidays: c.calendar.holidays.count)))
        let p = c.policy
        s.out.line(t.office(.workflowLabel) + "reopenAllowed \(p.reopenAllowed), archiveFromTunda \(p.archiveFromTunda), tundaAlertDays \(p.tundaAlertDays), postponeFrom \(p.postponeFrom.map { "\($0)" }.joined(separator: ","))")
        s.out.line(t.office(.templatesLabel) + (c.templates.isEmpty ? "-" : c.templates.map(\.id).joined(separator: ", ")))
        if !history.isEmpty {
            s.out.line(t.office(.historyLabel))
            for v in history {
                let when = formatDateTime(v.appliedAt, zone: s.zone, table: s.strings)
                s.out.line("  v\(v.version)  \(when)  \(v.appliedBy) (login \(v.login))  \(SafeText.line(SafeText.excerpt(v.summary, limit: 1_000)))")
            }
        }
        return 0
    }

    // MARK: apply

    static func apply(_ s: Session, file: String) throws(CLIError) -> Int32 {
        let t = s.strings
        if s.arguments.value("format") != nil { throw .usage(s.strings.command(.belongsTo(option: "format", command: "aduan office show"))) }
        let me = s.operatorActor
        // Only an admin of the office's own agency changes the office (not another agency's admin).
        guard me.role == .admin, me.agency == s.config.agency else {
            throw .refused(t.office(.onlyAdmin(agency: s.config.agency, id: me.id, role: me.role.rawValue, of: me.agency)))
        }
        let made = try Session.officeDocument(try Session.readOfficeFile(file, language: s.language), s.language)
        let next = made.config
        // The office must keep someone who can change it again.
        guard next.operators.contains(where: { $0.role == .admin && $0.agency == next.agency }) else {
            throw .refused(t.office(.noAdminLeft(file: file, agency: next.agency)))
        }
        if s.location.isPostgres { return try applyOnPostgres(s, file: file, document: made.document, next: next) }
        if !Files.exists(s.storePath) { throw .store(.missing(path: s.storePath)) }
        let store = try s.openStore()
        let current: OfficeVersion?
        do { current = try store.office() } catch { throw .store(error) }
        if let current, current.document == made.document {
            s.out.line(t.office(.unchanged(file: file, version: current.version)))
            return 0
        }
        // What changes: against the stored office, or (moving an office into the store) the one in use.
        var old = s.config
        if let current, case .success(let stored) = OfficeDocument.parse(current.document, version: current.version) { old = stored }
        // A unit or agency reports still sit with cannot disappear from the directory.
        let keptUnits = Set(next.directory.agencies.flatMap { $0.units.map(\.id) })
        let keptAgencies = Set(next.directory.agencies.map(\.id))
        let held: [(String, Int)]
        do {
            held = try store.reportsHeld(units: old.directory.agencies.flatMap { $0.units.map(\.id) }.filter { !keptUnits.contains($0) },
                                         agencies: old.directory.agencies.map(\.id).filter { !keptAgencies.contains($0) })
        } catch { throw .store(error) }
        if !held.isEmpty {
            let list = held.map { "\($0.0) (\(NumberFormat.grouped($0.1, s.language)))" }.joined(separator: ", ")
            throw .refused(t.office(.removesHolders(file: file, list: list)))
        }
        let record = try previewChanges(s, file: file, from: old, to: next, current: current, movedIn: current == nil)
        let now = try Platform.now(s.language)
        let result: OfficeRecordResult
        do {
            result = try store.recordOffice(document: made.document, summary: record.joined(separator: "; "), context: next.context,
                                            by: me.id, login: Session.loginName, at: now, basedOn: current?.version)
        } catch { throw .store(error) }
        switch result {
        case .changedMeanwhile(let v):
            throw .refused(t.office(.changedMeanwhile(v)))
        case .recorded(let v, let r):
            s.out.line(t.office(.recorded(version: v, by: me.id, login: Session.loginName, open: r.open, moved: r.changed)))
            return 0
        }
    }

    /// On PostgreSQL the change is previewed here and recorded by the store's writer, which
    /// checks it again (an admin of the office, no unit or agency removed that holds reports),
    /// recomputes the stored deadlines and re-reads the office.
    static func applyOnPostgres(_ s: Session, file: String, document: String, next: OfficeConfig) throws(CLIError) -> Int32 {
        let t = s.strings
        let me = s.operatorActor
        let store = try s.openPostgres()
        let current: OfficeVersion?
        do { current = try store.office() } catch { throw .store(error) }
        if let current, current.document == document {
            s.out.line(t.office(.unchanged(file: file, version: current.version)))
            return 0
        }
        var old = s.config
        if let current, case .success(let stored) = OfficeDocument.parse(current.document, version: current.version) { old = stored }
        let record = try previewChanges(s, file: file, from: old, to: next, current: current, movedIn: false)
        let result: OfficeRecordResult
        do { result = try store.applyOffice(document: document, summary: record.joined(separator: "; "), basedOn: current?.version, as: me) } catch {
            throw .store(error)
        }
        switch result {
        case .changedMeanwhile(let v):
            throw .refused(t.office(.changedMeanwhile(v)))
        case .recorded(let v, let r):
            s.out.line(t.office(.recorded(version: v, by: me.id, login: s.login, open: r.open, moved: r.changed)))
            return 0
        }
    }

    /// Shows what the file changes (in the session's language) and, without --yes, stops there
    /// with nothing applied; returns the English lines recorded as the new version's summary
    /// (`movedIn`: the office moves into the store with this version).
    private static func previewChanges(_ s: Session, file: String, from old: OfficeConfig, to next: OfficeConfig,
                                       current: OfficeVersion?, movedIn: Bool) throws(CLIError) -> [String] {
        let t = s.strings
        let preview = OfficeDiff.lines(from: old, to: next, language: s.language)
        var record = OfficeDiff.lines(from: old, to: next, language: .en)
        if movedIn { record.insert("moved into the store from \(file)", at: 0) }
        if record.isEmpty { record = ["document rewritten, same office"] }
        let version = (current?.version ?? 0) + 1
        s.out.line(t.office(.changesHeader(file: file, version: version, store: s.storePath)))
        for line in preview { s.out.line("  " + SafeText.line(line)) }
        if preview.isEmpty { s.out.line(t.office(.noChangeInEffect)) }
        guard s.arguments.flag("yes") else {
            s.out.flush()
            throw .refused(t.office(.notApplied))
        }
        return record
    }
}
