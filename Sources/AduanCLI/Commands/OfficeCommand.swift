import AduanCore
import AduanStore

/// `aduan office show [--format text|json]` and `aduan office apply FILE [--yes]`: the office's
/// shared truth as the store keeps it, versioned and audited.
enum OfficeCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        guard let sub = s.arguments.positionals.first else {
            throw .usage("`aduan office` needs show or apply FILE")
        }
        switch sub {
        case "show":
            try expectPositionals(s, 1...1, "show")
            return try show(s)
        case "apply":
            try expectPositionals(s, 2...2, "apply FILE")
            return try apply(s, file: s.arguments.positionals[1])
        default:
            let hint = FilterParser.closest(sub, in: ["show", "apply"]).map { "; did you mean `aduan office \($0)`?" } ?? ""
            throw .usage("`aduan office \(quoteInput(sub))`: expected show or apply FILE\(hint)")
        }
    }

    // MARK: show

    static func show(_ s: Session) throws(CLIError) -> Int32 {
        let en = s.language == .en
        let format = s.arguments.value("format") ?? "text"
        guard format == "text" || format == "json" else { throw .usage("--format \(quoteInput(format)): expected text or json") }
        if s.arguments.flag("yes") { throw .usage("--yes belongs to `aduan office apply`") }
        let store = try s.openStore(reading: true)
        let current: OfficeVersion?
        let history: [OfficeVersion]
        do {
            current = try store.office()
            history = try store.officeHistory()
        } catch { throw .store(error) }
        if format == "json" {
            if let current {
                s.out.write(current.document)
                return 0
            }
            throw .refused(en ? "\(s.storePath) keeps no office record yet; an admin moves it into the store with `aduan office apply CONFIG --yes`"
                              : "\(s.storePath) belum menyimpan data kantor; admin memindahkannya dengan `aduan office apply KONFIGURASI --yes`")
        }
        let c = s.config
        if let current {
            let when = formatDateTime(current.appliedAt, zone: s.zone, table: s.strings)
            s.out.line(en ? "Office of \(s.storePath): version \(current.version), recorded \(when) by \(current.appliedBy) (login \(current.login)); sha256 \(current.sha256)"
                          : "Kantor di \(s.storePath): versi \(current.version), dicatat \(when) oleh \(current.appliedBy) (login \(current.login)); sha256 \(current.sha256)")
        } else {
            s.out.line(en ? "\(s.storePath) keeps no office record yet; shown: the office of \(s.configPath ?? "the built-in config")."
                          : "\(s.storePath) belum menyimpan data kantor; yang ditampilkan: kantor dari \(s.configPath ?? "konfigurasi bawaan").")
        }
        s.out.line("\(c.officeName) (\(c.agency)), \(c.calendar.zone)")
        let units = c.directory.agencies.reduce(0) { $0 + $1.units.count }
        s.out.line(en ? "Agencies: \(c.directory.agencies.count), units: \(units)" : "Instansi: \(c.directory.agencies.count), unit: \(units)")
        for a in c.directory.agencies {
            s.out.line("  \(a.id): \(a.name) (\(a.units.count) \(en ? "units" : "unit"))")
        }
        s.out.line(en ? "Operators (\(c.operators.count)):" : "Operator (\(c.operators.count)):")
        for o in c.operators {
            s.out.line("  \(o.id)  \(o.role.rawValue)  \(o.agency)\(o.unit.map { "/" + $0 } ?? "")  \(o.name)")
        }
        let d = c.deadlines
        func rule(_ name: String, _ r: DeadlineRule) -> String { "\(name) \(r.days) \(r.counting.rawValue)" }
        s.out.line((en ? "Deadlines: " : "Tenggat: ") + [rule("verification", d.verification), rule("firstFollowUp", d.firstFollowUp),
                   rule("autoClose", d.autoClose), rule("resolution", d.resolution), rule("response", d.response)].joined(separator: ", ")
                   + ", dueSoonWorkingDays \(d.dueSoonWorkingDays)")
        for o in d.overrides { s.out.line((en ? "  override " : "  pengecualian ") + o.source + ": " + o.summary(s.language)) }
        s.out.line(en ? "Escalation:" : "Eskalasi:")
        for line in c.escalation.summaryLines(s.language) { s.out.line("  " + line) }
        let week = Weekday.allCases.filter(c.calendar.workWeek.contains).map(\.key).joined(separator: ",")
        s.out.line((en ? "Calendar: work week " : "Kalender: hari kerja ") + week + (en ? ", \(c.calendar.holidays.count) holidays" : ", \(c.calendar.holidays.count) hari libur"))
        let p = c.policy
        s.out.line((en ? "Workflow: " : "Alur: ") + "reopenAllowed \(p.reopenAllowed), archiveFromTunda \(p.archiveFromTunda), tundaAlertDays \(p.tundaAlertDays), postponeFrom \(p.postponeFrom.map { "\($0)" }.joined(separator: ","))")
        s.out.line((en ? "Templates: " : "Templat: ") + (c.templates.isEmpty ? "-" : c.templates.map(\.id).joined(separator: ", ")))
        if !history.isEmpty {
            s.out.line(en ? "History:" : "Riwayat:")
            for v in history {
                let when = formatDateTime(v.appliedAt, zone: s.zone, table: s.strings)
                s.out.line("  v\(v.version)  \(when)  \(v.appliedBy) (login \(v.login))  \(SafeText.line(SafeText.excerpt(v.summary, limit: 1_000)))")
            }
        }
        return 0
    }

    // MARK: apply

    static func apply(_ s: Session, file: String) throws(CLIError) -> Int32 {
        let en = s.language == .en
        if s.arguments.value("format") != nil { throw .usage("--format belongs to `aduan office show`") }
        let me = s.operatorActor
        // Only an admin of the office's own agency changes the office (not another agency's admin).
        guard me.role == .admin, me.agency == s.config.agency else {
            throw .refused(en ? "only an admin of \(s.config.agency) may change the office; \(me.id) is \(me.role.rawValue) of \(me.agency). Nothing was changed."
                              : "hanya admin \(s.config.agency) yang boleh mengubah data kantor; \(me.id) adalah \(me.role.rawValue) \(me.agency). Tidak ada yang diubah.")
        }
        let made = try Session.officeDocument(try Session.readOfficeFile(file))
        let next = made.config
        // The office must keep someone who can change it again.
        guard next.operators.contains(where: { $0.role == .admin && $0.agency == next.agency }) else {
            throw .refused(en ? "\(file): the new office has no admin of \(next.agency); nobody could change it again. Nothing was changed."
                              : "\(file): kantor baru tidak punya admin \(next.agency); tidak ada yang dapat mengubahnya lagi. Tidak ada yang diubah.")
        }
        if !Files.exists(s.storePath) { throw .store(.missing(path: s.storePath)) }
        let store = try s.openStore()
        let current: OfficeVersion?
        do { current = try store.office() } catch { throw .store(error) }
        if let current, current.document == made.document {
            s.out.line(en ? "\(file) is the office the store keeps (version \(current.version)); nothing to change."
                          : "\(file) sama dengan data kantor di penyimpanan (versi \(current.version)); tidak ada yang diubah.")
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
            throw .refused(en ? "\(file) removes units or agencies that still hold complaints: \(list); dispose or forward those first, or keep them. Nothing was changed."
                              : "\(file) menghapus unit atau instansi yang masih memegang laporan: \(list); disposisikan atau teruskan dulu, atau pertahankan. Tidak ada yang diubah.")
        }
        let preview = OfficeDiff.lines(from: old, to: next, language: s.language)
        var record = OfficeDiff.lines(from: old, to: next, language: .en)
        if current == nil { record.insert("moved into the store from \(file)", at: 0) }
        if record.isEmpty { record = ["document rewritten, same office"] }
        let version = (current?.version ?? 0) + 1
        s.out.line(en ? "Office changes from \(file) (version \(version) of \(s.storePath)):" : "Perubahan data kantor dari \(file) (versi \(version) di \(s.storePath)):")
        for line in preview { s.out.line("  " + SafeText.line(line)) }
        if preview.isEmpty { s.out.line(en ? "  (no change in effect)" : "  (tidak ada perubahan yang berpengaruh)") }
        guard s.arguments.flag("yes") else {
            s.out.flush()
            throw .refused(en ? "not applied: check the changes above, then run again with --yes. Nothing was changed."
                              : "belum diterapkan: periksa perubahan di atas, lalu jalankan lagi dengan --yes. Tidak ada yang diubah.")
        }
        let now = try Platform.now()
        let result: OfficeRecordResult
        do {
            result = try store.recordOffice(document: made.document, summary: record.joined(separator: "; "), context: next.context,
                                            by: me.id, login: Session.loginName, at: now, basedOn: current?.version)
        } catch { throw .store(error) }
        switch result {
        case .changedMeanwhile(let v):
            throw .refused(en ? "another admin recorded office version \(v) meanwhile; look at it (`aduan office show`) and apply again. Nothing was changed."
                              : "admin lain mencatat data kantor versi \(v) sementara itu; lihat (`aduan office show`) lalu terapkan lagi. Tidak ada yang diubah.")
        case .recorded(let v, let r):
            s.out.line(en ? "Recorded office version \(v) by \(me.id) (login \(Session.loginName)); deadlines recomputed for \(NumberFormat.grouped(r.open, .en)) open complaint(s), \(NumberFormat.grouped(r.changed, .en)) moved."
                          : "Data kantor versi \(v) dicatat oleh \(me.id) (login \(Session.loginName)); tenggat dihitung ulang untuk \(NumberFormat.grouped(r.open, .id)) laporan terbuka, \(NumberFormat.grouped(r.changed, .id)) bergeser.")
            return 0
        }
    }
}
