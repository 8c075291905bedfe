import AduanCore
import AduanStore
import AduanWorkbook

/// `aduan report --format xlsx --out FILE [--from DATE] [--to DATE]`: the monthly recap
/// (rekapitulasi) as a workbook, one sheet per table the supervisor reads, each titled with the
/// office, the period and the moment it was made, and a sheet with the deadline rules applied.
enum XlsxReport {
    /// The period: `--from`/`--to` (local days, both included), by default the previous month.
    static func period(_ s: Session, now: Timestamp) throws(CLIError) -> (LocalDate, LocalDate) {
        func day(_ name: String) throws(CLIError) -> LocalDate? {
            guard let v = s.arguments.value(name) else { return nil }
            guard let d = LocalDate.parse(v), d.iso8601 == v else {
                throw .usage(s.strings.command(.expectedDate(option: name, value: v)))
            }
            return d
        }
        let today = s.zone.date(of: now)
        let firstOfThisMonth = LocalDate(year: today.year, month: today.month, day: 1)
        let lastMonthEnd = firstOfThisMonth.adding(days: -1)
        let from = try day("from"), to = try day("to")
        let start = from ?? (to.map { LocalDate(year: $0.year, month: $0.month, day: 1) } ?? LocalDate(year: lastMonthEnd.year, month: lastMonthEnd.month, day: 1))
        let end = to ?? (from != nil ? today : lastMonthEnd)
        guard start <= end else {
            throw .usage(s.strings.command(.fromAfterTo(from: start.iso8601, to: end.iso8601)))
        }
        return (start, end)
    }

    static func run(_ s: Session) throws(CLIError) -> Int32 {
        let now = try s.now()
        let (from, to) = try period(s, now: now)
        let file = try XlsxFile(s)
        let store = try s.openFigures()
        let figures: PeriodFigures
        do { figures = try store.periodFigures(s.scope, from: from, to: to, now: now) } catch { throw .store(error) }
        let t = s.strings
        let wb = file.workbook
        let dir = s.config.directory
        let zone = s.zone
        let st = Styles(wb)
        let periodText = "\(t.workbook(.period)): \(formatDate(from, table: t)) – \(formatDate(to, table: t))"
        let madeText = "\(t.workbook(.made)): \(formatDateTime(now, zone: zone, table: t)) · \(s.operatorActor.name) (\(t.roleName(s.operatorActor.role)))"
            + (store.isTraining ? " · \(t.text(.training))" : "")
        var failed = false

        /// A sheet with its two title rows and a note; returns the sheet and the header row index.
        func sheet(_ name: WorkbookText, note: WorkbookText?, headers: [String], widths: [Double]) -> Sheet? {
            guard let sh = wb.sheet(t.workbook(name)) else { failed = true; return nil }
            for (i, w) in widths.enumerated() { sh.columnWidth(i, i, w) }
            sh.rowHeight(0, 20)
            sh.text(0, 0, "\(s.config.officeName) — \(t.workbook(.recapTitle)): \(t.workbook(name))", st.title)
            sh.text(1, 0, "\(periodText) · \(madeText)")
            if let note { sh.text(2, 0, t.workbook(note), st.note) }
            // Headings over numbers stand right, above them; long ones wrap onto a second line.
            sh.rowHeight(4, 30)
            for (i, h) in headers.enumerated() { sh.text(4, i, h, i == 0 || name == .aboutSheet || (name == .longTundaSheet && i < 4) ? st.bold : st.boldRight) }
            sh.freeze(rows: 5)
            sh.printLandscapeOnePageWide()
            return sh
        }
        func name(_ h: Holder) -> String { dir.holderName(h) }

        // Status × unit.
        var byHolder: [Holder: [Status: Int]] = [:]
        var received: [Holder: Int] = [:]
        for c in figures.byHolderAndStatus {
            byHolder[c.holder, default: [:]][c.status] = c.count
            received[c.holder, default: 0] += c.count
        }
        let holders = byHolder.keys.sorted { (name($0), $0.description) < (name($1), $1.description) }
        if let sh = sheet(.statusByUnitSheet, note: .cohortNote,
                          headers: [t.workbook(.unitColumn)] + Status.allCases.map(\.laporName) + [t.workbook(.totalColumn)],
                          widths: [40] + Status.allCases.map { _ in 13.0 } + [10]) {
            var row = 5
            for h in holders {
                sh.text(row, 0, name(h))
                for (i, status) in Status.allCases.enumerated() { sh.number(row, i + 1, Double(byHolder[h]?[status] ?? 0)) }
                sh.number(row, Status.allCases.count + 1, Double(received[h] ?? 0))
                row += 1
            }
            sh.text(row, 0, t.workbook(.totalColumn), st.bold)
            for (i, status) in Status.allCases.enumerated() {
                sh.number(row, i + 1, Double(figures.byHolderAndStatus.filter { $0.status == status }.reduce(0) { $0 + $1.count }), st.bold)
            }
            sh.number(row, Status.allCases.count + 1, Double(figures.received), st.bold)
        }

        // Overdue per unit, most first.
        if let sh = sheet(.overdueSheet, note: .cohortNote,
                          headers: [t.workbook(.unitColumn), t.workbook(.overdueColumn), t.workbook(.receivedColumn)], widths: [36, 14, 14]) {
            var row = 5
            for o in figures.overdueByHolder {
                sh.text(row, 0, name(o.holder))
                sh.number(row, 1, Double(o.count))
                sh.number(row, 2, Double(received[o.holder] ?? 0))
                row += 1
            }
            sh.text(row, 0, t.workbook(.totalColumn), st.bold)
            sh.number(row, 1, Double(figures.overdueByHolder.reduce(0) { $0 + $1.count }), st.bold)
            sh.number(row, 2, Double(figures.received), st.bold)
        }

        // % Selesai per unit and overall.
        if let sh = sheet(.selesaiSheet, note: .cohortNote,
                          headers: [t.workbook(.unitColumn), t.workbook(.receivedColumn), t.workbook(.selesaiColumn), t.workbook(.percentColumn)],
                          widths: [36, 14, 14, 14]) {
            var row = 5
            func line(_ label: String, _ total: Int, _ done: Int, _ style: CellStyle, _ percent: CellStyle) {
                sh.text(row, 0, label, style)
                sh.number(row, 1, Double(total), style)
                sh.number(row, 2, Double(done), style)
                if total > 0 { sh.number(row, 3, Double(done) / Double(total), percent) } else { sh.text(row, 3, t.workbook(.none), style) }
                row += 1
            }
            for h in holders { line(name(h), received[h] ?? 0, byHolder[h]?[.selesai] ?? 0, .plain, st.percent) }
            line(t.workbook(.totalColumn), figures.received, figures.selesai, st.bold, st.boldPercent)
        }

        // Median working days to the first follow-up.
        if let sh = sheet(.firstFollowUpSheet, note: .firstFollowUpNote,
                          headers: [t.workbook(.unitColumn), t.workbook(.medianColumn), t.workbook(.sampleColumn)], widths: [36, 20, 18]) {
            var row = 5
            for m in figures.firstFollowUpByHolder.sorted(by: { (name($0.holder), $0.holder.description) < (name($1.holder), $1.holder.description) }) {
                sh.text(row, 0, name(m.holder))
                sh.number(row, 1, m.median, st.decimal)
                sh.number(row, 2, Double(m.sample))
                row += 1
            }
            sh.text(row, 0, t.workbook(.allUnits), st.bold)
            if let m = figures.medianFirstFollowUpWorkingDays { sh.number(row, 1, m, st.boldDecimal) } else { sh.text(row, 1, t.workbook(.none), st.bold) }
            sh.number(row, 2, Double(figures.firstFollowUpSample), st.bold)
        }

        // Weekly intake.
        if let sh = sheet(.weeklySheet, note: .cohortNote, headers: [t.workbook(.weekStartColumn), t.workbook(.countColumn)], widths: [22, 12]) {
            var row = 5
            for w in figures.receivedPerWeek {
                sh.date(row, 0, serial: SpreadsheetDate.serial(dayNumber: w.weekStart.dayNumber), st.date)
                sh.number(row, 1, Double(w.count))
                row += 1
            }
            sh.text(row, 0, t.workbook(.totalColumn), st.bold)
            sh.number(row, 1, Double(figures.received), st.bold)
        }

        // Forwards out of and into the office's agency.
        if let sh = sheet(.forwardsSheet, note: .forwardsNote, headers: ["", t.workbook(.countColumn)], widths: [36, 12]) {
            sh.text(5, 0, t.workbook(.forwardsOutRow)); sh.number(5, 1, Double(figures.forwardsOut))
            sh.text(6, 0, t.workbook(.forwardsInRow)); sh.number(6, 1, Double(figures.forwardsIn))
        }

        // Long Tunda: numbers and holders only (no titles: nothing here needs privacy rules).
        if let sh = sheet(.longTundaSheet, note: .tundaNote,
                          headers: [t.workbook(.idColumn), t.workbook(.trackingColumn), t.workbook(.unitColumn), t.workbook(.pausedSinceColumn), t.workbook(.daysColumn)],
                          widths: [8, 14, 36, 18, 8]) {
            var row = 5
            for p in figures.longTunda {
                sh.number(row, 0, Double(p.id))
                if let tr = p.trackingID { sh.text(row, 1, tr) }
                sh.text(row, 2, name(p.holder))
                sh.date(row, 3, serial: XlsxFile.serial(p.pausedAt, zone: zone), st.dateTime)
                sh.number(row, 4, Double(zone.dayNumber(of: now) - zone.dayNumber(of: p.pausedAt)))
                row += 1
            }
        }

        // Tentang: the deadline rules and their regulations as this store applies them.
        if let sh = sheet(.aboutSheet, note: nil,
                          headers: [t.workbook(.ruleColumn), t.workbook(.daysCountColumn), t.workbook(.countingColumn), t.workbook(.basisColumn)],
                          widths: [30, 8, 16, 90]) {
            var row = 5
            let policy = s.config.deadlines
            for kind in DeadlineKind.allCases {
                let rule = policy.rule(kind)
                sh.text(row, 0, t.deadlineName(kind))
                sh.number(row, 1, Double(rule.days))
                sh.text(row, 2, t.workbook(rule.counting == .working ? .working : .calendar))
                sh.text(row, 3, rule.basis)
                row += 1
            }
            row += 1
            sh.text(row, 0, t.workbook(.dueSoonRule)); sh.number(row, 1, Double(policy.dueSoonWorkingDays)); row += 1
            sh.text(row, 0, t.workbook(.tundaRule)); sh.number(row, 1, Double(s.config.policy.tundaAlertDays)); row += 1
            sh.text(row, 0, t.workbook(.zoneRow)); sh.text(row, 2, zone.description); row += 2
            for note in [WorkbookText.cohortNote, .firstFollowUpNote, .forwardsNote, .tundaNote] { sh.text(row, 0, t.workbook(note), st.note); row += 1 }
        }

        if failed { throw .environment(s.strings.command(.cannotWrite(file: file.path, reason: "libxlsxwriter"))) }
        try file.commit()
        s.err.line("\(t.workbook(.reportWritten)) \(file.path) (\(formatDate(from, table: t)) – \(formatDate(to, table: t))).")
        return 0
    }

    /// The report's cell styles.
    struct Styles {
        let title, bold, boldRight, note, percent, boldPercent, decimal, boldDecimal, date, dateTime: CellStyle
        init(_ wb: Workbook) {
            title = wb.style(bold: true, fontSize: 14)
            bold = wb.style(bold: true, wrap: true, topAligned: false)
            boldRight = wb.style(bold: true, wrap: true, rightAligned: true)
            note = wb.style()
            percent = wb.style(numberFormat: "0.0%")
            boldPercent = wb.style(bold: true, numberFormat: "0.0%")
            decimal = wb.style(numberFormat: "0.0")
            boldDecimal = wb.style(bold: true, numberFormat: "0.0")
            date = wb.style(numberFormat: "yyyy-mm-dd")
            dateTime = wb.style(numberFormat: "yyyy-mm-dd hh:mm")
        }
    }
}
