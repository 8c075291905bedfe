import AduanCore
import AduanStore

/// `aduan report [--format text|csv|json]`: the supervisor figures the dashboard shows;
/// `--format xlsx --out FILE [--from --to]`: the monthly recap workbook (XlsxReport).
enum ReportCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        let format = s.arguments.value("format") ?? (s.arguments.value("out")?.lowercased().hasSuffix(".xlsx") == true ? "xlsx" : "text")
        if format == "xlsx" { return try XlsxReport.run(s) }
        guard ["text", "csv", "json"].contains(format) else { throw .usage(s.strings.command(.expectedOneOf(option: "format", value: format, options: ["text", "csv", "json", "xlsx"]))) }
        for option in ["out", "from", "to"] where s.arguments.value(option) != nil {
            throw .usage(s.strings.command(.onlyForWorkbook(option: option)))
        }
        let store = try s.openFigures()
        let now = try s.now()
        let figures: SupervisorFigures
        // Escalations per level and unit, boilerplate shares per unit (issue 15): the dashboard's reads, same scope.
        let workflow: WorkflowFigures
        do {
            figures = try store.figures(s.scope, now: now)
            workflow = try store.workflowFigures(s.scope)
        } catch { throw .store(error) }
        let t = s.strings
        let lang = s.language
        let dir = s.config.directory
        func holder(_ h: Holder) -> String { SafeText.line(dir.holderName(h)) }
        switch format {
        case "json":
            var w = JSONStreamWriter(pretty: true)
            w.beginObject()
            w.key("generatedAt"); w.string(now.iso8601(in: s.zone))
            w.key("operator"); w.string(s.operatorActor.id)
            if store.isTraining { w.key("training"); w.bool(true) }
            w.key("total"); w.int(figures.total)
            w.key("selesai"); w.int(figures.selesai)
            w.key("percentSelesai"); w.double(NumberFormat.percentValue(figures.selesai, of: figures.total))
            w.key("medianFirstFollowUpWorkingDays"); w.double(figures.medianFirstFollowUpWorkingDays)
            w.key("firstFollowUpSample"); w.int(figures.firstFollowUpSample)
            w.key("byHolderAndStatus"); w.beginArray()
            for c in figures.byHolderAndStatus {
                w.beginObject(); w.key("agency"); w.string(c.holder.agency); w.key("unit"); w.string(c.holder.unit)
                w.key("status"); w.string(c.status.rawValue); w.key("count"); w.int(c.count); w.endObject()
            }
            w.endArray()
            w.key("overdueByHolder"); w.beginArray()
            for o in figures.overdueByHolder {
                w.beginObject(); w.key("agency"); w.string(o.holder.agency); w.key("unit"); w.string(o.holder.unit)
                w.key("overdue"); w.int(o.count); w.endObject()
            }
            w.endArray()
            w.key("receivedPerWeek"); w.beginArray()
            for wk in figures.receivedPerWeek {
                w.beginObject(); w.key("weekStart"); w.string(wk.weekStart.iso8601); w.key("count"); w.int(wk.count); w.endObject()
            }
            w.endArray()
            w.key("forwardsOut"); w.int(figures.forwardsOut)
            w.key("forwardsIn"); w.int(figures.forwardsIn)
            w.key("tundaOld"); w.int(figures.tundaOld)
            w.key("privacyUndecided"); w.int(figures.privacyUndecided)
            w.key("escalationsByUnit"); w.beginArray()
            for e in workflow.escalations {
                w.beginObject(); w.key("agency"); w.string(e.agency); w.key("unit"); w.string(e.unit)
                w.key("level"); w.string(e.target.rawValue); w.key("count"); w.int(e.count); w.endObject()
            }
            w.endArray()
            w.key("boilerplateByUnit"); w.beginArray()
            for b in workflow.boilerplate {
                w.beginObject(); w.key("agency"); w.string(b.agency); w.key("unit"); w.string(b.unit)
                w.key("followUps"); w.int(b.followUps); w.key("boilerplate"); w.int(b.boilerplate)
                w.key("percentBoilerplate"); w.double(NumberFormat.percentValue(b.boilerplate, of: b.followUps)); w.endObject()
            }
            w.endArray()
            w.endObject()
            s.out.line(w.text)
        case "csv" where s.arguments.flag("wide"):
            // The status × unit table offices paste into their monthly report (issue 11, item 20).
            let header = try ListCommand.headerLanguage(s) ?? .en
            let names = AduanCore.strings(header)
            func statusName(_ st: Status) -> String { header == .id ? st.laporName : st.rawValue }
            var byHolder: [Holder: [Status: Int]] = [:]
            for c in figures.byHolderAndStatus { byHolder[c.holder, default: [:]][c.status] = c.count }
            s.out.write(CSVWriter.bom + CSVWriter.row(names.holderColumns + Status.allCases.map(statusName) + [names.totalColumn]))
            var columnTotals = [Status: Int]()
            for h in byHolder.keys.sorted(by: { holder($0) < holder($1) }) {
                let counts = Status.allCases.map { byHolder[h]?[$0] ?? 0 }
                for (st, n) in zip(Status.allCases, counts) { columnTotals[st, default: 0] += n }
                s.out.write(CSVWriter.row([h.agency, h.unit ?? "", dir.holderName(h)] + counts.map(String.init) + ["\(counts.reduce(0, +))"]))
            }
            let totals = Status.allCases.map { columnTotals[$0] ?? 0 }
            s.out.write(CSVWriter.row([names.totalColumn, "", ""] + totals.map(String.init) + ["\(totals.reduce(0, +))"]))
        case "csv":
            s.out.write(CSVWriter.bom + CSVWriter.row(["figure", "agency", "unit", "status", "value"]))
            for c in figures.byHolderAndStatus {
                s.out.write(CSVWriter.row(["count", c.holder.agency, c.holder.unit ?? "", c.status.rawValue, "\(c.count)"]))
            }
            for o in figures.overdueByHolder { s.out.write(CSVWriter.row(["overdue", o.holder.agency, o.holder.unit ?? "", "", "\(o.count)"])) }
            for wk in figures.receivedPerWeek { s.out.write(CSVWriter.row(["received_week_" + wk.weekStart.iso8601, "", "", "", "\(wk.count)"])) }
            let rows: [(String, String)] = [
                ("total", "\(figures.total)"), ("selesai", "\(figures.selesai)"),
                ("median_first_follow_up_wd", figures.medianFirstFollowUpWorkingDays.map { NumberFormat.decimal($0, fractionDigits: 1, .en) } ?? ""),
                ("forwards_out", "\(figures.forwardsOut)"), ("forwards_in", "\(figures.forwardsIn)"),
                ("tunda_old", "\(figures.tundaOld)"), ("privacy_undecided", "\(figures.privacyUndecided)"),
            ]
            for (k, v) in rows { s.out.write(CSVWriter.row([k, "", "", "", v])) }
            // Issue 15: recorded warnings/escalations per level (the status column) and unit, and
            // per answering unit its follow-ups and the boilerplate ones among them.
            for e in workflow.escalations { s.out.write(CSVWriter.row(["escalations", e.agency, e.unit ?? "", e.target.rawValue, "\(e.count)"])) }
            for b in workflow.boilerplate {
                s.out.write(CSVWriter.row(["follow_ups", b.agency, b.unit ?? "", "", "\(b.followUps)"]))
                s.out.write(CSVWriter.row(["boilerplate_follow_ups", b.agency, b.unit ?? "", "", "\(b.boilerplate)"]))
            }
        default:
            s.out.line("\(s.config.officeName) — \(formatDateTime(now, zone: s.zone, table: t))")
            s.out.line("\(t.text(.operatorLabel)): \(SafeText.line(s.operatorActor.name)) (\(t.roleName(s.operatorActor.role)))")
            s.out.line("")
            s.out.line("\(t.text(.total)): \(NumberFormat.grouped(figures.total, lang))   \(t.text(.percentSelesai)): \(NumberFormat.percent(figures.selesai, of: figures.total, lang))")
            let median = figures.medianFirstFollowUpWorkingDays.map { NumberFormat.decimal($0, fractionDigits: 1, lang) } ?? "–"
            s.out.line("\(t.text(.medianFirstFollowUp)): \(median) (n = \(NumberFormat.grouped(figures.firstFollowUpSample, lang)))")
            s.out.line("\(t.text(.forwardsOut)): \(figures.forwardsOut)   \(t.text(.forwardsIn)): \(figures.forwardsIn)")
            s.out.line("\(t.text(.tundaOld)) (\(s.config.policy.tundaAlertDays)): \(figures.tundaOld)   \(t.text(.missingPrivacyDecision)): \(figures.privacyUndecided)")
            s.out.line("")
            s.out.line(t.text(.countsPerStatusUnit) + ":")
            var byHolder: [Holder: [Status: Int]] = [:]
            for c in figures.byHolderAndStatus { byHolder[c.holder, default: [:]][c.status] = c.count }
            let header = DisplayWidth.padded("", to: 34) + Status.allCases.map { DisplayWidth.rightAligned($0.shortName, to: 10) }.joined()
            s.out.line(header)
            for h in byHolder.keys.sorted(by: { holder($0) < holder($1) }) {
                s.out.line(DisplayWidth.padded(holder(h), to: 34) + Status.allCases.map { DisplayWidth.rightAligned(NumberFormat.grouped(byHolder[h]?[$0] ?? 0, lang), to: 10) }.joined())
            }
            s.out.line("")
            s.out.line(t.text(.overduePerUnit) + ":")
            let maxOverdue = figures.overdueByHolder.map(\.count).max() ?? 1
            for o in figures.overdueByHolder {
                let bar = String(repeating: "█", count: max(1, o.count * 30 / max(1, maxOverdue)))
                s.out.line(DisplayWidth.padded(holder(o.holder), to: 34) + DisplayWidth.rightAligned(NumberFormat.grouped(o.count, lang), to: 8) + " " + bar)
            }
            s.out.line("")
            s.out.line(t.text(.receivedPerWeek) + ":")
            let maxWeek = figures.receivedPerWeek.map(\.count).max() ?? 1
            for wk in figures.receivedPerWeek {
                let bar = String(repeating: "▇", count: wk.count == 0 ? 0 : max(1, wk.count * 30 / max(1, maxWeek)))
                s.out.line(DisplayWidth.padded(formatDate(wk.weekStart, table: t), to: 14) + DisplayWidth.rightAligned(NumberFormat.grouped(wk.count, lang), to: 8) + " " + bar)
            }
            // Issue 15, as the dashboard shows them (only once there are any).
            if !workflow.escalations.isEmpty {
                s.out.line("")
                s.out.line(t.escalationsPerUnitHeading + ":")
                s.out.line(DisplayWidth.padded("", to: 34) + EscalationTarget.allCases.map { DisplayWidth.rightAligned(t.escalationLevelName($0), to: 16) }.joined())
                for (h, counts) in workflow.escalationsByHolder {
                    s.out.line(DisplayWidth.padded(holder(h), to: 34)
                               + EscalationTarget.allCases.map { DisplayWidth.rightAligned(NumberFormat.grouped(counts[$0] ?? 0, lang), to: 16) }.joined())
                }
            }
            if workflow.hasBoilerplate {
                s.out.line("")
                s.out.line(t.boilerplatePerUnitHeading + ":")
                for b in workflow.boilerplate {
                    s.out.line(DisplayWidth.padded(holder(Holder(agency: b.agency, unit: b.unit)), to: 34)
                               + DisplayWidth.rightAligned(NumberFormat.percent(b.boilerplate, of: b.followUps, lang), to: 8)
                               + "  \(NumberFormat.grouped(b.boilerplate, lang)) / \(NumberFormat.grouped(b.followUps, lang))")
                }
            }
        }
        return 0
    }
}
