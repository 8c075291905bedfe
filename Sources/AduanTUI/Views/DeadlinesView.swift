import AduanCore
import AduanStore

/// Tenggat: first the reports with a recorded warning or escalation, grouped by escalation level
/// (external, agency admin, supervisor, warned: issue 15 item 3); then everything overdue or due
/// soon, grouped by unit, the longest overdue first. Each group shows its most urgent reports;
/// `Enter` on "+N lagi" lists the whole group in the Inbox.
final class DeadlinesView: DeskView {
    let kind = ViewKind.deadlines

    enum Entry {
        case group(DeadlineGroup)
        case row(InboxRow)
        case more(DeadlineGroup, Int)
        case level(EscalationTarget, Int)
        case levelMore(Int)
    }

    private(set) var entries: [Entry] = []
    private var selected = 0
    private var top = 0
    private var visible = 20
    private var loaded = false
    static let rowsPerGroup = 6

    var selectedID: Int64? {
        guard entries.indices.contains(selected), case .row(let r) = entries[selected] else { return nil }
        return r.id
    }

    func position(_ ctx: DeskContext) -> String? {
        let groups = entries.reduce(0) { n, e in if case .group = e { return n + 1 }; return n }
        let total = entries.reduce(0) { n, e in if case .group(let g) = e { return n + g.overdue + g.dueSoon }; return n }
        return ctx.t.screen(.deadlineSummary(total: total, units: groups))
    }

    func reload(_ ctx: DeskContext) {
        loaded = true
        guard ctx.store.serves(.deadlines) else { return }
        let keep = selectedID
        do {
            let groups = try ctx.store.deadlineGroups(ctx.scope, now: ctx.now)
            var out: [Entry] = []
            for g in try ctx.store.escalatedRows(ctx.scope, content: Privacy.contentAccess(of: ctx.me), now: ctx.now, rowsPerLevel: Self.rowsPerGroup) {
                out.append(.level(g.level, g.count))
                out += g.rows.prefix(Self.rowsPerGroup).map { .row($0) }
                if g.count > Self.rowsPerGroup { out.append(.levelMore(g.count - Self.rowsPerGroup)) }
            }
            let firstRows = try ctx.store.deadlineRows(of: groups.map(\.holder), content: Privacy.contentAccess(of: ctx.me),
                                                       limit: Self.rowsPerGroup, now: ctx.now)
            for g in groups {
                out.append(.group(g))
                let rows = firstRows[g.holder] ?? []
                out += rows.map { .row($0) }
                let rest = g.overdue + g.dueSoon - rows.count
                if rest > 0 { out.append(.more(g, rest)) }
            }
            entries = out
        } catch {
            ctx.fail(ctx.describe(error))
        }
        if let keep, let i = entries.firstIndex(where: { if case .row(let r) = $0 { return r.id == keep }; return false }) {
            selected = i
        } else {
            selected = min(selected, max(0, entries.count - 1))
        }
        skipHeaders(forward: true)
    }

    private func selectable(_ i: Int) -> Bool {
        guard entries.indices.contains(i) else { return false }
        switch entries[i] {
        case .group, .level: return false
        default: return true
        }
    }

    private func skipHeaders(forward: Bool) {
        var i = selected
        while entries.indices.contains(i), !selectable(i) { i += forward ? 1 : -1 }
        if selectable(i) { selected = i } else if !forward { skipHeaders(forward: true) }
    }

    private func move(_ delta: Int) {
        guard !entries.isEmpty else { return }
        var i = selected
        var remaining = abs(delta)
        while remaining > 0 {
            let next = i + (delta > 0 ? 1 : -1)
            guard entries.indices.contains(next) else { break }
            i = next
            if selectable(i) { remaining -= 1 }
        }
        if selectable(i) { selected = i }
    }

    func handle(_ command: DeskCommand, ctx: DeskContext) -> ViewOutcome {
        if !loaded { reload(ctx) }
        switch command {
        case .moveDown: move(1)
        case .moveUp: move(-1)
        case .pageDown, .halfPageDown: move(max(1, visible - 2))
        case .pageUp, .halfPageUp: move(-max(1, visible - 2))
        case .first: selected = 0; skipHeaders(forward: true)
        case .last: selected = max(0, entries.count - 1); skipHeaders(forward: false)
        case .open:
            guard entries.indices.contains(selected) else { return .handled }
            switch entries[selected] {
            case .row(let r): return .open(r.id)
            case .level, .levelMore: return .handled
            case .more(let g, _), .group(let g):
                let unitTerm: FilterExpression = g.holder.unit.map { .term(.unit([$0])) } ?? .term(.agency([g.holder.agency]))
                let text = (g.holder.unit.map { "unit:\($0)" } ?? "agency:\(g.holder.agency)") + " (overdue OR due-soon)"
                return .limitInbox(.and([unitTerm, .or([.term(.overdue), .term(.dueSoon)])]), text)
            }
        case .back: return .close
        default: return .unhandled
        }
        return .handled
    }

    func draw(_ grid: inout Grid, area: Rect, ctx: DeskContext) {
        if !loaded { reload(ctx) }
        visible = area.height
        guard ctx.store.serves(.deadlines) else {
            ctx.drawNotServed(.deadlines, into: &grid, area: area)
            return
        }
        if entries.isEmpty {
            grid.put(ctx.t.screen(.nothingDue),
                     x: area.x + 2, y: area.y + 1, style: .onTime)
            return
        }
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        // Keep the group header of the top row in view when possible.
        if top > 0, case .group = entries[top - 1] { top -= 1 }
        if top > 0, case .level = entries[top - 1] { top -= 1 }
        let t = ctx.t
        let c = InboxView.columns(width: area.width, countdownWidth: InboxView.countdownWidth(t))
        for i in 0..<visible {
            let index = top + i
            guard index < entries.count else { break }
            let y = area.y + i
            switch entries[index] {
            case .group(let g):
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: .header)
                let name = SafeText.line(ctx.directory.holderName(g.holder))
                let counts = "  \(t.text(.overdue)) \(NumberFormat.grouped(g.overdue, ctx.language)) · \(t.text(.dueSoon)) \(NumberFormat.grouped(g.dueSoon, ctx.language))"
                grid.put(" " + name + counts, x: area.x, y: y, style: .header)
            case .row(let r):
                let selectedRow = index == selected
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selectedRow ? .selected : .normal)
                grid.put(selectedRow ? ">" : " ", x: area.x, y: y, style: selectedRow ? .selected : .normal)
                var x = area.x + 2
                let reading = ctx.reading(dueAt: r.dueAt, kind: r.dueKind)
                let style: Style = selectedRow ? .selected : DeskContext.style(of: reading)
                x = put(&grid, r.trackingID ?? "#\(r.id)", x, y, c.id, selectedRow ? .selected : .normal)
                x = put(&grid, reading.map { t.countdown($0) } ?? "", x, y, c.countdown, style)
                x = put(&grid, reading.map { t.deadlineName($0.deadline.kind) } ?? "", x, y, 22, selectedRow ? .selected : .dim)
                x = put(&grid, r.status.shortName, x, y, c.status, selectedRow ? .selected : .normal)
                _ = put(&grid, r.contentHidden ? t.text(.hidden) : r.title, x, y, area.x + area.width - x, selectedRow ? .selected : .normal)
            case .level(let level, let n):
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: .header)
                grid.put(" \(t.escalationFieldName): \(t.escalationLevelName(level))  \(NumberFormat.grouped(n, ctx.language))", x: area.x, y: y, style: .header)
            case .levelMore(let n):
                let selectedRow = index == selected
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selectedRow ? .selected : .normal)
                grid.put(ScreenText.more(n, ctx.language),
                         x: area.x, y: y, style: selectedRow ? .selected : .dim)
            case .more(_, let n):
                let selectedRow = index == selected
                let text = ctx.t.screen(.moreInGroup(n))
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selectedRow ? .selected : .normal)
                grid.put(text, x: area.x, y: y, style: selectedRow ? .selected : .dim)
            }
        }
    }

    private func put(_ grid: inout Grid, _ text: String, _ x: Int, _ y: Int, _ w: Int, _ style: Style) -> Int {
        guard w > 0 else { return x }
        grid.put(text, x: x, y: y, style: style, maxWidth: w - 1)
        return x + w
    }
}
