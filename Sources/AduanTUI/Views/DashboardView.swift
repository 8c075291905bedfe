import AduanCore
import AduanStore

/// Dasbor: what supervisors are graded on. Supervisors see every unit of their agency; other
/// roles see their own.
final class DashboardView: DeskView {
    let kind = ViewKind.dashboard
    private var figures: SupervisorFigures?
    private var lastAnchor: AnchorLine?
    /// Recorded warnings and escalations per level and unit (issue 15 item 3), within the scope.
    private var escalations: [(target: EscalationTarget, agency: String, unit: String?, count: Int)] = []
    /// Follow-ups and those recorded as boilerplate, per answering unit (issue 15 item 5), within the scope.
    private var boilerplate: [(agency: String, unit: String?, followUps: Int, boilerplate: Int)] = []
    private var lines: [StyledLine] = []
    private var renderedWidth = 0
    private var scroll = TextScroll()

    var selectedID: Int64? { nil }

    func position(_ ctx: DeskContext) -> String? {
        lines.count > scroll.visible ? ctx.t.screen(.linePosition(line: scroll.offset + 1, of: lines.count, percent: nil)) : nil
    }

    func reload(_ ctx: DeskContext) {
        guard ctx.store.serves(.dashboard) else { return }
        do {
            figures = try ctx.store.figures(ctx.scope, now: ctx.now)
            lastAnchor = ctx.anchorsPath.flatMap(AnchorFile.last)
            // The scope's own rows: every agency, the agency, or the unit and the units below it.
            let w = try ctx.store.workflowFigures(ctx.scope)
            boilerplate = w.boilerplate
            escalations = w.escalations
        } catch {
            ctx.fail(ctx.describe(error))
        }
        renderedWidth = 0
    }

    func handle(_ command: DeskCommand, ctx: DeskContext) -> ViewOutcome {
        if scroll.apply(command, lineCount: lines.count) { return .handled }
        return command == .back ? .close : .unhandled
    }

    func draw(_ grid: inout Grid, area: Rect, ctx: DeskContext) {
        guard ctx.store.serves(.dashboard) else {
            ctx.drawNotServed(.dashboard, into: &grid, area: area)
            return
        }
        if figures == nil { reload(ctx) }
        if renderedWidth != area.width, let f = figures {
            lines = render(f, width: area.width, ctx: ctx)
            renderedWidth = area.width
        }
        scroll.draw(lines, into: &grid, area: area)
    }

    static let sparks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    func render(_ f: SupervisorFigures, width: Int, ctx: DeskContext) -> [StyledLine] {
        let t = ctx.t
        let lang = ctx.language
        var out: [StyledLine] = []
        let median = f.medianFirstFollowUpWorkingDays.map { NumberFormat.decimal($0, fractionDigits: 1, lang) + " " + t.text(.workingDaysUnit) } ?? "–"
        out.append(StyledLine([(t.text(.total) + ": ", .dim), (NumberFormat.grouped(f.total, lang), .bold),
                               ("   " + t.text(.percentSelesai) + ": ", .dim), (NumberFormat.percent(f.selesai, of: f.total, lang), .bold),
                               ("   " + t.text(.medianFirstFollowUp) + ": ", .dim), (median, .bold)]))
        out.append(StyledLine([(t.text(.forwardsOut) + ": ", .dim), (NumberFormat.grouped(f.forwardsOut, lang), .normal),
                               ("   " + t.text(.forwardsIn) + ": ", .dim), (NumberFormat.grouped(f.forwardsIn, lang), .normal)]))
        out.append(StyledLine([(t.text(.tundaOld) + " (\(ctx.config.policy.tundaAlertDays) " + t.screen(.days) + "): ", .dim),
                               (NumberFormat.grouped(f.tundaOld, lang), f.tundaOld > 0 ? .dueSoon : .normal),
                               (f.tundaOldIDs.isEmpty ? "" : "  " + f.tundaOldIDs.prefix(6).map { "#\($0)" }.joined(separator: " "), .dim)]))
        out.append(StyledLine([(t.text(.missingPrivacyDecision) + ": ", .dim),
                               (NumberFormat.grouped(f.privacyUndecided, lang), f.privacyUndecided > 0 ? .overdue : .normal),
                               (f.privacyUndecidedIDs.isEmpty ? "" : "  " + f.privacyUndecidedIDs.prefix(6).map { "#\($0)" }.joined(separator: " "), .dim)]))
        if ctx.anchorsPath != nil {
            let a = AnchorText.dashboard(last: lastAnchor, now: ctx.now, lang)
            out.append(StyledLine([(a.label + ": ", .dim), (a.value, a.stale ? .dueSoon : .normal)]))
        }
        out.append(.blank)

        // Received per week: a sparkline and the numbers.
        out.append(StyledLine(t.text(.receivedPerWeek), .bold))
        let maxWeek = max(1, f.receivedPerWeek.map(\.count).max() ?? 1)
        let spark = String(f.receivedPerWeek.map { w in w.count == 0 ? " " : Self.sparks[min(7, w.count * 7 / maxWeek)] })
        let counts = f.receivedPerWeek.map { NumberFormat.grouped($0.count, lang) }.joined(separator: " ")
        out.append(StyledLine([("  ", .normal), (spark.map { String($0) + String($0) }.joined(), .chart), ("  " + counts, .dim)]))
        if let first = f.receivedPerWeek.first, let last = f.receivedPerWeek.last {
            out.append(StyledLine("  " + formatDate(first.weekStart, table: t) + " … " + formatDate(last.weekStart, table: t), .dim))
        }
        out.append(.blank)

        // Overdue per unit as horizontal bars.
        out.append(StyledLine(t.text(.overduePerUnit), .bold))
        if f.overdueByHolder.isEmpty { out.append(StyledLine("  " + t.text(.none), .onTime)) }
        let maxOverdue = max(1, f.overdueByHolder.map(\.count).max() ?? 1)
        let nameWidth = min(30, max(12, width / 3))
        let barWidth = max(5, width - nameWidth - 12)
        for o in f.overdueByHolder.prefix(25) {
            let n = max(1, o.count * barWidth / maxOverdue)
            out.append(StyledLine([("  " + DisplayWidth.padded(ctx.shortUnitName(o.holder), to: nameWidth), .normal),
                                   (DisplayWidth.rightAligned(NumberFormat.grouped(o.count, lang), to: 7) + " ", .overdue),
                                   (String(repeating: "█", count: n), .overdue)]))
        }
        if f.overdueByHolder.count > 25 { out.append(StyledLine("  … +\(f.overdueByHolder.count - 25)", .dim)) }
        out.append(.blank)

        // Recorded warnings and escalations per unit and level (only once there are any).
        if !escalations.isEmpty {
            out.append(StyledLine(t.escalationsPerUnitHeading, .bold))
            var byHolder: [Holder: [EscalationTarget: Int]] = [:]
            for e in escalations { byHolder[Holder(agency: e.agency, unit: e.unit), default: [:]][e.target, default: 0] += e.count }
            let nameWidth = min(30, max(12, width / 3))
            for (holder, levels) in byHolder.sorted(by: { $0.key.description < $1.key.description }).prefix(25) {
                var segs: [(String, Style)] = [("  " + DisplayWidth.padded(ctx.shortUnitName(holder), to: nameWidth), .normal)]
                for level in EscalationTarget.allCases {
                    let n = levels[level] ?? 0
                    segs.append(("  \(t.escalationLevelName(level)) ", .dim))
                    segs.append((NumberFormat.grouped(n, lang), n == 0 ? .dim : level >= .supervisor ? .overdue : .dueSoon))
                }
                out.append(StyledLine(segs))
            }
            out.append(.blank)
        }

        // Each unit's share of boilerplate (normatif) answers, once any was recorded.
        if boilerplate.contains(where: { $0.boilerplate > 0 }) {
            out.append(StyledLine(t.boilerplatePerUnitHeading, .bold))
            let nameWidth = min(30, max(12, width / 3))
            for b in boilerplate.prefix(25) {
                let holder = Holder(agency: b.agency, unit: b.unit)
                out.append(StyledLine([("  " + DisplayWidth.padded(ctx.shortUnitName(holder), to: nameWidth), .normal),
                                       (DisplayWidth.rightAligned(NumberFormat.percent(b.boilerplate, of: b.followUps, lang), to: 7), b.boilerplate > 0 ? .dueSoon : .normal),
                                       ("  \(NumberFormat.grouped(b.boilerplate, lang)) / \(NumberFormat.grouped(b.followUps, lang))", .dim)]))
            }
            out.append(.blank)
        }

        // Counts per status × unit.
        out.append(StyledLine(t.text(.countsPerStatusUnit), .bold))
        var byHolder: [Holder: [Status: Int]] = [:]
        for c in f.byHolderAndStatus { byHolder[c.holder, default: [:]][c.status] = c.count }
        let columnWidth = width >= 110 ? 11 : 9
        let holderWidth = max(10, min(30, width - 2 - columnWidth * (Status.allCases.count + 1)))
        var header = "  " + DisplayWidth.padded(t.text(.unit), to: holderWidth)
        for s in Status.allCases { header += DisplayWidth.rightAligned(s.shortName, to: columnWidth) }
        header += DisplayWidth.rightAligned(t.text(.total), to: columnWidth)
        out.append(StyledLine(header, .dim))
        let holders = byHolder.keys.sorted { a, b in
            let ta = byHolder[a]!.values.reduce(0, +), tb = byHolder[b]!.values.reduce(0, +)
            return ta != tb ? ta > tb : a.description < b.description
        }
        for h in holders {
            var segs: [(String, Style)] = [("  " + DisplayWidth.padded(ctx.shortUnitName(h), to: holderWidth), .normal)]
            for s in Status.allCases {
                let n = byHolder[h]?[s] ?? 0
                segs.append((DisplayWidth.rightAligned(n == 0 ? "·" : NumberFormat.grouped(n, lang), to: columnWidth), n == 0 ? .dim : .normal))
            }
            segs.append((DisplayWidth.rightAligned(NumberFormat.grouped(byHolder[h]!.values.reduce(0, +), lang), to: columnWidth), .bold))
            out.append(StyledLine(segs))
        }
        return out
    }
}
