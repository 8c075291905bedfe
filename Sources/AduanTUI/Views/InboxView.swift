// Over 400 lines: the inbox keeps its paging state private to one type; layout, tabs and "mine" live in InboxLayout/InboxMine.
import AduanCore
import AduanStore

/// A tab of the inbox: a status (nil: every status), or Diteruskan: what the operator's agency
/// forwarded away and no longer holds (the filter word `forwarded`), to chase it and spot ping-pong.
enum InboxTab: Hashable {
    case status(Status?)
    case forwarded
    /// Drafts this approver may approve (issue 15): `Approval.inboxFilter`, for approvers only.
    case awaitingApproval
}

/// Kotak Masuk: the operator's reports, most urgent deadline first, with LAPOR!'s status tabs.
final class InboxView: DeskView {
    let kind = ViewKind.inbox
    let list = PagedList()
    /// The tab shown: a status (nil: all), or what the operator's agency forwarded away.
    private(set) var current: InboxTab = .status(nil)
    /// nil: all statuses (or the Diteruskan tab).
    var tab: Status? { if case .status(let s) = current { return s } else { return nil } }
    var forwardedCount = 0
    /// Drafts waiting for this operator's approval (approvers only): the tab's count and the status line's.
    var awaitingApprovalCount = 0
    private(set) var limit: FilterExpression = .all
    private(set) var limitText: String?
    /// The term `n`/`N` look for: the last search that found something. `/` only jumps, it never
    /// narrows the list, so the status line does not show it.
    private(set) var search: String?
    /// The last term typed at `/`, found or not: the prompt offers it again, selected.
    private(set) var lastSearchTyped: String?
    private(set) var order: InboxOrder = .deadline
    private(set) var tagged: Set<Int64> = []
    var counts: [Status: Int] = [:]
    private var total: Int?
    private var totalGeneration = 0
    private var positionGeneration = 0
    /// The newest background count of the tabs (a store without counters: InboxCounts.swift).
    var tabsGeneration = 0
    var tabsCounting = false, tabsStale = false
    private var visibleRows = 20
    private var loaded = false
    /// `mine` only (a liaison's default) and what arrived meanwhile: InboxMine.swift.
    var mineOnly: Bool?
    var arrivalMark: Int64?
    var arrived = 0

    static let tabs: [InboxTab] = [.status(nil), .status(.belumTerverifikasi), .status(.belumDitindaklanjuti), .status(.proses),
                                   .status(.selesai), .status(.tunda), .status(.arsip), .forwarded]

    var selectedID: Int64? { list.selectedRow?.id }
    /// The filter narrowing the list (`l`), for the status line.
    var filterText: String? { limitText }

    func query(_ ctx: DeskContext) -> InboxQuery {
        if current == .awaitingApproval, var q = ComplaintStore.approvalQuery(for: ctx.me, order: order) {
            if limit != .all { q.filter = .and([q.filter, limit]) }
            return q
        }
        var parts: [FilterExpression] = []
        if let tab { parts.append(.term(.status([tab]))) }
        if current == .forwarded { parts.append(.term(.forwarded)) } else if mineOnly == true { parts.append(.term(.mine)) }
        if limit != .all { parts.append(limit) }
        let filter: FilterExpression = parts.isEmpty ? .all : parts.count == 1 ? parts[0] : .and(parts)
        var q = InboxQuery(viewer: ctx.me, filter: filter, order: order)
        // The status tabs are the working inbox (what the operator holds or is copied on); what the
        // agency passed away has its own tab, and a filter (`l id:12`) looks through all they may open.
        q.formerHolders = current == .forwarded || limit != .all
        return q
    }

    /// The working inbox's query: the status tabs' counts.
    func workingCounts(_ ctx: DeskContext) throws(StoreError) -> [Status: Int] {
        try ctx.store.statusCounts(mineOnly == true ? ctx.scope.withoutCopies : ctx.scope, formerHolders: false)
    }

    func source(_ ctx: DeskContext) -> QuerySource { QuerySource(store: ctx.store, query: query(ctx), now: ctx.now) }

    func position(_ ctx: DeskContext) -> String? {
        if list.isEmpty { return ctx.t.position(0, of: 0) }
        guard let p = list.position else { return ctx.t.position(0, of: total).replacing("0", with: "…", maxReplacements: 1) }
        return ctx.t.position(p, of: total)
    }

    // MARK: loading

    func ensureLoaded(_ ctx: DeskContext) {
        guard !loaded else { return }
        loaded = true
        if mineOnly == nil { mineOnly = Self.startsMineOnly(ctx.me) }
        reloadFromTop(ctx)
    }

    func reloadFromTop(_ ctx: DeskContext) {
        do {
            arrivalMark = try ctx.store.lastComplaintID()
            try loadCounts(ctx)
            try list.reset(source(ctx))
        } catch {
            ctx.fail(ctx.describe(error))
        }
        refreshTotal(ctx)
    }

    func reload(_ ctx: DeskContext) {
        guard loaded else { return }
        do {
            try noteArrivals(ctx)
            try loadCounts(ctx)
            try list.reload(source(ctx), visible: visibleRows)
        } catch {
            ctx.fail(ctx.describe(error))
        }
        refreshTotal(ctx)
        if list.position == nil { findPosition(ctx) }
    }

    /// The tabs' counts: statuses from the counters, the forwarded ones by `holders_before`'s key.
    func loadCounts(_ ctx: DeskContext) throws(StoreError) {
        guard ctx.store.countsAreKept else { return countInBackground(ctx) }
        counts = try workingCounts(ctx)
        forwardedCount = try ctx.store.forwardedCount(ctx.scope)
        awaitingApprovalCount = try ctx.store.approvalCount(for: ctx.me, now: ctx.now)
    }

    /// The list's length: from the counters when the filter is a status tab alone, else counted
    /// in the background while the operator keeps working.
    func refreshTotal(_ ctx: DeskContext) {
        if limit == .all && current == .awaitingApproval {
            total = awaitingApprovalCount
            ctx.background.cancel(.total)
            return
        }
        if limit == .all && current == .forwarded {
            total = forwardedCount
            ctx.background.cancel(.total)
            return
        }
        if limit == .all {
            total = tab.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +)
            ctx.background.cancel(.total)
            return
        }
        total = nil
        let q = query(ctx), now = ctx.now
        totalGeneration = ctx.background.run(.total) { store in try store.count(q, now: now) }
    }

    func findPosition(_ ctx: DeskContext) {
        guard let row = list.selectedRow else { return }
        let q = query(ctx), now = ctx.now, cursor = row.cursor
        positionGeneration = ctx.background.run(.position) { store in try store.position(of: cursor, in: q, now: now) }
    }

    func tick(_ ctx: DeskContext) -> Bool {
        var changed = false
        for r in ctx.background.takeResults() {
            switch r.slot {
            case .total where r.generation == totalGeneration:
                total = r.value
                changed = true
            case .position where r.generation == positionGeneration:
                if let v = r.value { list.setPosition(v) }
                changed = true
            case .tabs where r.generation == tabsGeneration:
                counted(r.tabs, ctx)
                changed = true
            default: break
            }
        }
        return changed
    }

    // MARK: commands

    func setLimit(_ filter: FilterExpression, text: String?, ctx: DeskContext) {
        limit = filter
        limitText = text
        reloadFromTop(ctx)
    }

    func setTab(_ status: Status?, ctx: DeskContext) {
        setTab(.status(status), ctx: ctx)
    }

    func setTab(_ tab: InboxTab, ctx: DeskContext) {
        current = tab
        reloadFromTop(ctx)
    }

    /// Finds the next (or previous) report matching `text` after (before) the selection, in list
    /// order, with one keyset query.
    func find(_ text: String, forward: Bool, includeCurrent: Bool, ctx: DeskContext) {
        lastSearchTyped = text
        var q = query(ctx)
        q.filter = q.filter == .all ? .term(.text(text)) : .and([q.filter, .term(.text(text))])
        do {
            var hit: InboxRow?
            let current = list.selectedRow
            if forward {
                var after: PageCursor? = current?.cursor
                // "At or after the selection" is "after the previous match".
                if includeCurrent, let c = current {
                    after = try ctx.store.page(q, before: c.cursor, limit: 1, now: ctx.now).first?.cursor
                }
                hit = try ctx.store.page(q, after: after, limit: 1, now: ctx.now).first
                if hit == nil, after != nil {
                    hit = try ctx.store.page(q, after: nil, limit: 1, now: ctx.now).first
                    if hit != nil { ctx.say(ctx.t.screen(.searchWrappedTop)) }
                }
            } else {
                hit = try ctx.store.page(q, before: current?.cursor, limit: 1, now: ctx.now).first
                if hit == nil {
                    hit = try ctx.store.page(q, before: nil, limit: 1, now: ctx.now).first
                    if hit != nil { ctx.say(ctx.t.screen(.searchWrappedBottom)) }
                }
            }
            guard let hit else {
                // Nothing matched: said once, and the term is not kept for `n`/`N`.
                ctx.fail(ctx.t.screen(.notFound) + ": " + SafeText.excerpt(text, limit: 200))
                return
            }
            search = text
            if let i = list.rows.firstIndex(where: { $0.id == hit.id }) {
                list.select(i, visible: visibleRows)
            } else {
                try list.jump(to: hit, visible: visibleRows, source: source(ctx))
                findPosition(ctx)
            }
        } catch let e as StoreError {
            ctx.fail(ctx.describe(e))
        } catch {
            ctx.fail("\(error)")
        }
    }

    func handle(_ command: DeskCommand, ctx: DeskContext) -> ViewOutcome {
        ensureLoaded(ctx)
        let src = source(ctx)
        do {
            switch command {
            case .moveDown: try list.moveDown(1, visible: visibleRows, source: src)
            case .moveUp: try list.moveUp(1, visible: visibleRows, source: src)
            case .pageDown: try list.moveDown(max(1, visibleRows - 1), visible: visibleRows, source: src)
            case .pageUp: try list.moveUp(max(1, visibleRows - 1), visible: visibleRows, source: src)
            case .halfPageDown: try list.moveDown(max(1, visibleRows / 2), visible: visibleRows, source: src)
            case .halfPageUp: try list.moveUp(max(1, visibleRows / 2), visible: visibleRows, source: src)
            case .first: try list.reset(src)
            case .last:
                try list.toLast(visible: visibleRows, source: src, total: total)
                if list.position == nil { findPosition(ctx) }
            case .open:
                if let id = selectedID { return .open(id) }
            case .nextTab, .previousTab:
                let tabs = Self.tabs(for: ctx.me, waiting: awaitingApprovalCount, current: current)
                let i = tabs.firstIndex(of: current) ?? 0
                let n = tabs.count
                setTab(tabs[(i + (command == .nextTab ? 1 : n - 1)) % n], ctx: ctx)
            case .toggleMine: return toggleMine(ctx)
            case .cycleOrder:
                order = InboxOrder.allCases[(InboxOrder.allCases.firstIndex(of: order)! + 1) % InboxOrder.allCases.count]
                reloadFromTop(ctx)
                ctx.say(orderName(ctx))
            case .tag:
                if let id = selectedID {
                    if tagged.contains(id) { tagged.remove(id) } else { tagged.insert(id) }
                    try list.moveDown(1, visible: visibleRows, source: src)
                }
            case .searchNext, .searchPrevious:
                guard let s = search else {
                    ctx.say(ctx.t.screen(.noSearchYet))
                    return .handled
                }
                find(s, forward: command == .searchNext, includeCurrent: false, ctx: ctx)
            case .back:
                if limit != .all {
                    setLimit(.all, text: nil, ctx: ctx)
                    return .handled
                }
                return .unhandled
            default:
                return .unhandled
            }
        } catch {
            ctx.fail(ctx.describe(error))
        }
        return .handled
    }

    func clearTags() { tagged.removeAll() }

    func orderName(_ ctx: DeskContext) -> String {
        switch order {
        case .deadline: ctx.t.screen(.orderDeadline)
        case .received: ctx.t.screen(.orderReceived)
        case .updated: ctx.t.screen(.orderUpdated)
        case .oldest: ctx.t.screen(.orderOldest)
        }
    }

    // MARK: drawing

    /// Since when and why the Tunda reports shown are postponed, by id and version.
    private var postponements: [Int64: (version: Int, value: Postponement?)] = [:]

    func postponement(of r: InboxRow, ctx: DeskContext) -> Postponement? {
        if let p = postponements[r.id], p.version == r.version { return p.value }
        var value: Postponement?
        if let c = try? ctx.store.complaint(r.id), let events = try? ctx.store.events(of: r.id) {
            value = Postponement.current(of: c, events: events, viewer: ctx.me)
        }
        if postponements.count > 500 { postponements.removeAll() }
        postponements[r.id] = (r.version, value)
        return value
    }

    func draw(_ grid: inout Grid, area: Rect, ctx: DeskContext) {
        ensureLoaded(ctx)
        let t = ctx.t
        // Tabs with counts, as LAPOR! shows them; all of them at 80 columns (issue 11).
        let tabItems = Self.tabs(for: ctx.me, waiting: awaitingApprovalCount, current: current).map { item -> (full: String, tiny: String, count: String, active: Bool) in
            let count: Int, full: String, tiny: String
            switch item {
            case .status(let status):
                full = status?.shortName ?? t.text(.tabAll)
                tiny = status?.tinyName ?? t.screen(.tabAllTiny)
                count = status.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +)
            case .forwarded:
                full = t.text(.tabForwarded)
                tiny = t.screen(.tabForwardedTiny)
                count = forwardedCount
            case .awaitingApproval:
                full = t.screen(.tabApproval)
                tiny = t.screen(.tabApprovalTiny)
                count = awaitingApprovalCount
            }
            return (full, tiny, NumberFormat.grouped(count, ctx.language), item == current)
        }
        let labels = Self.tabLabels(tabItems, width: area.width - 1)
        var x = area.x + ((labels.first ?? "").hasPrefix(" ") ? 0 : 1)
        for (i, label) in labels.enumerated() {
            let w = DisplayWidth.of(label)
            if x + w > area.x + area.width { break }
            grid.put(label, x: x, y: area.y, style: tabItems[i].active ? .tabActive : .tab)
            x += w + 1
        }
        // Column header.
        let postponedTab = current == .status(.tunda)
        let c = Self.columns(width: area.width, countdownWidth: postponedTab ? 14 : Self.countdownWidth(t), postponed: postponedTab)
        let hy = area.y + 1
        grid.fill(Rect(x: area.x, y: hy, width: area.width, height: 1), style: .bold)
        var hx = area.x + 2
        let headers: [(String, Int)] = [
            (t.screen(.trackingHeader), c.id), (t.text(.age), c.age),
            (postponedTab ? t.screen(.postponedHeader) : t.text(.deadline), c.countdown), (t.text(.status), c.status),
            ("A/R", c.flags), (t.text(.unit), c.unit), (t.screen(.classHeader), c.cls), (t.text(.category), c.category),
            (t.screen(.postponedReasonHeader), c.reason), (t.text(.title), c.title),
        ]
        for (h, w) in headers where w > 0 {
            grid.put(h, x: hx, y: hy, style: .bold, maxWidth: w - 1)
            hx += w
        }
        // Rows.
        let listTop = area.y + 2
        visibleRows = max(1, area.height - 2)
        list.pageSize = max(50, visibleRows * 2)
        list.scrollToSelection(visible: visibleRows)
        if list.isEmpty {
            grid.put(t.text(.noComplaints), x: area.x + 2, y: listTop + 1, style: .dim)
            return
        }
        for i in 0..<visibleRows {
            let index = list.top + i
            guard index < list.rows.count else { break }
            drawRow(list.rows[index], selected: index == list.selected, y: listTop + i, x: area.x, width: area.width, columns: c, grid: &grid, ctx: ctx)
        }
    }

    func drawRow(_ r: InboxRow, selected: Bool, y: Int, x: Int, width: Int, columns c: Columns, grid: inout Grid, ctx: DeskContext) {
        let base: Style = selected ? .selected : .normal
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: base)
        let isTagged = tagged.contains(r.id)
        grid.put(selected ? ">" : (isTagged ? "*" : " "), x: x, y: y, style: isTagged ? .tagged : base)
        var cx = x + 2
        func cell(_ text: String, _ w: Int, _ style: Style? = nil) {
            guard w > 0 else { return }
            grid.put(text, x: cx, y: y, style: selected ? base : (style ?? base), maxWidth: w - 1)
            cx += w
        }
        cell(r.trackingID ?? "#\(r.id)", c.id)
        cell(formatAge(from: r.receivedAt, now: ctx.now, zone: ctx.zone, language: ctx.language), c.age, .dim)
        let reading = ctx.reading(dueAt: r.dueAt, kind: r.dueKind)
        let postponed = c.reason > 0 && r.status == .tunda ? postponement(of: r, ctx: ctx) : nil
        if let p = postponed {
            // The Tunda tab: since when (the deadline is paused) and, further on, why.
            let day = ctx.zone.date(of: p.since)
            cell(ScreenText.postponedSince(day: day.day, month: ctx.t.monthShort(day.month), ctx.language), c.countdown, .dim)
        } else {
            let countdown = reading.map { ctx.t.countdown($0) } ?? (r.status == .tunda ? ctx.t.text(.paused) : ctx.t.text(.noDeadline))
            cell(countdown, c.countdown, DeskContext.style(of: reading))
        }
        cell(r.status.shortName, c.status)
        if c.flags > 0 {
            let flags = (r.anonymous ? "A" : "") + (r.confidential ? "R" : "") + (r.pingPong ? "P" : "") + (!r.privacyDecided && !r.status.isFinished ? "?" : "")
            cell(flags, c.flags, .badge)
        }
        cell(ctx.shortUnitName(r.holder), c.unit)
        if c.cls > 0 {
            let cls: String
            switch r.classification {
            case .pengaduan: cls = ctx.t.screen(.pengaduanShort)
            case .aspirasi: cls = ctx.t.screen(.aspirasiShort)
            case .permintaanInformasi: cls = "Info"
            case .whistleblowing: cls = "WBS"
            }
            cell(cls, c.cls)
        }
        cell(ctx.shortCategory(r.category), c.category)
        cell(postponed?.reason ?? "", c.reason)
        cell(r.contentHidden ? ctx.t.text(.hidden) : r.title, c.title)
    }
}
