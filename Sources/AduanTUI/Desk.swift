import AduanCore
import AduanStore
import Glibc

/// The operator's desk: owns the views, the dialogs and the loop. Draws into a `Grid` and hands
/// it to a `Terminal`, so the same code runs in curses and in tests.
public final class Desk {
    let terminal: Terminal
    let ctx: DeskContext
    let inbox = InboxView()
    let detail = DetailView()
    let deadlines = DeadlinesView()
    let dashboard = DashboardView()
    let help = HelpView()
    private(set) var current: ViewKind = .inbox
    private var history: [ViewKind] = []
    /// The dialog open over the view, if any (DeskModal.swift).
    var modal: Modal?
    private var pendingBulk = false
    private var running = true
    private var dataVersion: Int64
    private var lastCheck: Double
    private var lastSweep: Double
    /// The escalation ladder is swept at open (ScreenCommand) and then every 15 minutes: it reads
    /// every open report, so it runs less often than the auto-close's range query.
    private var lastEscalationSweep: Double
    private var stale: Set<ViewKind> = []
    let profile: LatencyProfile?

    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public init(terminal: Terminal, context: DeskContext, profilePath: String? = nil) {
        self.terminal = terminal
        ctx = context
        dataVersion = context.store.dataVersion()
        lastCheck = monotonicSeconds()
        lastSweep = lastCheck
        lastEscalationSweep = lastCheck
        profile = profilePath.map(LatencyProfile.init)
    }

    func view(_ kind: ViewKind) -> DeskView {
        switch kind {
        case .inbox: inbox
        case .detail: detail
        case .deadlines: deadlines
        case .dashboard: dashboard
        case .help: help
        }
    }

    var currentView: DeskView { view(current) }

    /// Runs until the operator quits. The terminal is restored on every way out.
    public func run() {
        // Text being written when the desk ends (a hangup, a closed terminal) is kept as a draft.
        defer { keepOpenDraft(); terminal.restore(); profile?.write() }
        ctx.now = ctx.clock()
        draw()
        profile?.firstFrame()
        while running && !terminal.isClosed {
            guard let key = terminal.readKey(timeoutMilliseconds: 250) else {
                idle()
                continue
            }
            let started = monotonicSeconds()
            var label = handle(key)
            // Keys that arrived while we worked are handled before the next frame.
            while running, let more = terminal.readKey(timeoutMilliseconds: 0) {
                label = handle(more)
            }
            checkForChanges(force: true)
            if running { draw() }
            profile?.record(label, seconds: monotonicSeconds() - started)
        }
    }

    /// Between keys: background results, other operators' changes, the auto-close sweep.
    func idle() {
        ctx.now = ctx.clock()
        var redraw = currentView.tick(ctx) || inbox.tick(ctx)
        if checkForChanges(force: false) { redraw = true }
        if monotonicSeconds() - lastSweep > 60 {
            lastSweep = monotonicSeconds()
            if let n = try? ctx.store.autoCloseDue(at: ctx.now, limit: 10_000), n > 0 { reloadAll(); redraw = true }
        }
        if monotonicSeconds() - lastEscalationSweep > 900 {
            lastEscalationSweep = monotonicSeconds()
            if let n = try? ctx.store.recordEscalations(at: ctx.now, limit: 100_000, scan: 20_000), n > 0 { reloadAll(); redraw = true }
        }
        if redraw { draw() }
    }

    /// Reloads views when another operator committed (SQLite's data_version moved, or PostgreSQL's
    /// NOTIFY was heard: a store that `hearsChanges` is asked at every idle turn, ≤ 250 ms).
    @discardableResult
    func checkForChanges(force: Bool) -> Bool {
        let now = monotonicSeconds()
        guard force || ctx.store.hearsChanges || now - lastCheck >= Double(ctx.config.refreshSeconds) else { return false }
        lastCheck = now
        let v = ctx.store.dataVersion()
        guard v != dataVersion else { return false }
        dataVersion = v
        reloadAll()
        // New reports above the selection are said, never slipped in silently (issue 11 item 6).
        if inbox.arrived > 0 { ctx.say(ctx.t.newComplaintsArrived(inbox.arrived)) } else if ctx.message == nil { ctx.say(ctx.t.text(.storeChanged), .dim) }
        return true
    }

    func reloadAll() {
        barGeneration &+= 1
        currentView.reload(ctx)
        if current != .inbox { inbox.reload(ctx) }
        stale = Set(ViewKind.allCases).subtracting([current, .inbox])
    }

    func switchTo(_ kind: ViewKind) {
        guard kind != current else { return }
        if kind == .detail && detail.complaintID == nil, let id = currentView.selectedID ?? inbox.selectedID {
            detail.show(id, ctx: ctx)
        }
        history.append(current)
        if history.count > 20 { history.removeFirst() }
        current = kind
        if stale.remove(kind) != nil || kind == .deadlines || kind == .dashboard { currentView.reload(ctx) }
    }

    func back() {
        if let previous = history.popLast() { current = previous } else { current = .inbox }
    }

    // MARK: keys

    /// Handles one key; returns a label for the latency profile.
    func handle(_ key: Key) -> String {
        ctx.now = ctx.clock()
        // The terminal hung up or SIGTERM came: end from any state (an open prompt or dialog
        // included), or the loop would keep reading a dead terminal.
        if key == .hangup { running = false; return "hangup" }
        if key == .resize { return "resize" }
        if key != .resize { ctx.message = nil }
        if let m = modal { return handleModal(m, key) }
        let (w, h) = terminal.size
        if w < Self.minimumWidth || h < Self.minimumHeight {
            if key == .char("Q") || key == .ctrl("c") || key == .char("q") { running = false }
            return "small"
        }
        guard let command = KeyMap.command(for: key) else { return "unbound" }
        return perform(command)
    }

    func perform(_ command: DeskCommand) -> String {
        switch command {
        case .quit:
            running = false
            return "quit"
        case .help:
            if current == .help { back() } else { switchTo(.help) }
            return "help"
        case .view(let n):
            if let k = ViewKind(rawValue: n) {
                if k == .detail, let id = currentView.selectedID ?? inbox.selectedID { detail.show(id, ctx: ctx) }
                switchTo(k)
            }
            return "view\(n)"
        case .refresh:
            ctx.store.dataVersion() == dataVersion ? reloadAll() : { checkForChanges(force: true) }()
            _ = try? ctx.store.autoCloseDue(at: ctx.now, limit: 10_000)
            currentView.reload(ctx)
            return "refresh"
        case .limit:
            if current != .inbox { switchTo(.inbox) }
            let prompt = LinePrompt(label: ctx.t.text(.limitPrompt), initial: inbox.limitText ?? "") { [ctx] text in
                if case .failure(let e) = FilterParser.parse(text, vocabulary: FilterVocabulary(directory: ctx.directory)) {
                    return ctx.t.filterError(e)
                }
                return nil
            }
            modal = .limit(prompt)
            return "limit"
        case .search:
            if current != .inbox { switchTo(.inbox) }
            // The previous term, selected: typing replaces it, an arrow key keeps it for editing.
            let prompt = LinePrompt(label: ctx.t.text(.searchPrompt), initial: inbox.lastSearchTyped ?? "", selected: true, required: true) { [ctx] text in
                // The same bounds as a filter: a 20,000-word paste must not become one query.
                if let e = FilterParser.searchBoundsError(text) { return ctx.t.filterError(e) }
                return TextSearch.query(text).isEmpty ? "?" : nil
            }
            modal = .search(prompt)
            return "search"
        case .applyToTagged:
            if inbox.tagged.isEmpty { ctx.fail(ctx.t.text(.nothingTagged)) } else {
                pendingBulk = true
                ctx.say(ScreenText.nextActionForTagged(inbox.tagged.count, ctx.language))
            }
            return "bulk"
        case .action(let kind):
            startAction(kind)
            return "action"
        case .postponeOrResume:
            let status = selectedComplaint()?.status
            startAction(status == .tunda ? .resume : .postpone)
            return "action"
        default:
            break
        }
        let outcome = currentView.handle(command, ctx: ctx)
        switch outcome {
        case .open(let id):
            detail.show(id, ctx: ctx)
            switchTo(.detail)
            return "open"
        case .close:
            back()
            return "back"
        case .limitInbox(let filter, let text):
            inbox.setLimit(filter, text: text, ctx: ctx)
            switchTo(.inbox)
        case .handled:
            break
        case .unhandled:
            if command == .back && current != .inbox { back() }
        }
        return Self.label(command)
    }

    static func label(_ c: DeskCommand) -> String {
        switch c {
        case .moveDown, .moveUp: "move"
        case .pageDown, .pageUp, .halfPageDown, .halfPageUp: "page"
        case .first: "first"
        case .last: "last"
        case .searchNext, .searchPrevious: "search-next"
        case .nextTab, .previousTab: "tab"
        default: "other"
        }
    }

    func selectedComplaint() -> Complaint? {
        guard let id = currentView.selectedID ?? (current == .detail ? detail.complaintID : nil) else { return nil }
        return try? ctx.store.complaint(id)
    }

    /// The reports an action starts on: the tagged ones after `;`, else the selected one.
    func actionTargets() -> [Complaint] {
        if pendingBulk {
            pendingBulk = false
            return (try? ctx.store.complaints(Array(inbox.tagged).sorted())) ?? []
        }
        return selectedComplaint().map { [$0] } ?? []
    }

    /// After an action of ours: the views read the store again without saying "changed".
    func reloadAfterOwnChange() {
        dataVersion = ctx.store.dataVersion()
        reloadAll()
        if current == .detail { detail.reload(ctx) }
    }

    // MARK: drawing

    func draw() {
        let (w, h) = terminal.size
        var grid = Grid(width: w, height: h)
        render(into: &grid)
        terminal.draw(grid)
    }

    /// Everything on screen, drawn into `grid` (tests call this directly).
    func render(into grid: inout Grid) {
        let w = grid.width, h = grid.height
        let t = ctx.t
        guard w >= Self.minimumWidth && h >= Self.minimumHeight else {
            let text = "\(t.text(.terminalTooSmall)) (\(w)×\(h); min \(Self.minimumWidth)×\(Self.minimumHeight))"
            let lines = DisplayWidth.wrap(text, width: max(1, w))
            let top = max(0, (h - lines.count) / 2)
            for (i, l) in lines.enumerated() where top + i < h {
                grid.put(l, x: max(0, (w - DisplayWidth.of(l)) / 2), y: top + i, style: .bold)
            }
            return
        }
        // Title bar.
        grid.fill(Rect(x: 0, y: 0, width: w, height: 1), style: .header)
        let clock = w >= 100 ? formatDateTime(ctx.now, zone: ctx.zone, table: t)
            : formatShortDateTime(ctx.now, zone: ctx.zone, table: t) + " " + ctx.zone.abbreviation
        // A training store says so first, where no truncation can hide it.
        let prefix = " Aduan · " + (ctx.store.isTraining ? t.text(.training) + " · " : "")
        grid.put(prefix, x: 0, y: 0, style: .header)
        let room = w - DisplayWidth.of(clock) - 22 - DisplayWidth.of(prefix)
        if room > 0 { grid.put(SafeText.line(ctx.config.officeName), x: DisplayWidth.of(prefix), y: 0, style: .header, maxWidth: room) }
        var tabX = max(0, w - DisplayWidth.of(clock) - 2)
        grid.put(clock, x: tabX, y: 0, style: .header)
        let viewTitle = "[" + t.text(current.title) + "]"
        tabX = max(0, tabX - DisplayWidth.of(viewTitle) - 2)
        grid.put(viewTitle, x: tabX, y: 0, style: .header)

        // The view.
        let area = Rect(x: 0, y: 1, width: w, height: h - 3)
        currentView.draw(&grid, area: area, ctx: ctx)

        // Status line: operator, role, unit, position, filter.
        let sy = h - 2
        grid.fill(Rect(x: 0, y: sy, width: w, height: 1), style: .statusBar)
        var tail = ""
        if let p = currentView.position(ctx) { tail += " │ " + p }
        // Drafts waiting for this approver (the filter word is:awaiting-approval lists them).
        if inbox.awaitingApprovalCount > 0 { tail += " │ " + HierarchyText.awaitingApproval(inbox.awaitingApprovalCount, ctx.language) }
        // The tag count before the filter: a long filter is cut, never the count.
        if !inbox.tagged.isEmpty { tail += " │ \(inbox.tagged.count) " + t.text(.tagged) }
        if pendingBulk { tail += " │ ;" }
        if current == .inbox, let badge = inbox.scopeBadge(ctx) { tail += " │ " + badge }
        if current == .inbox || current == .detail, let f = inbox.filterText { tail += " │ " + t.text(.filter).lowercased() + ": " + f }
        // The operator, role and unit always show; the unit's name shortens before the position is cut.
        let unitNames: [String] = ctx.me.unit.map { [ctx.directory.unitName($0), ctx.shortUnitName(Holder(agency: ctx.me.agency, unit: $0)), $0] }
            ?? [ctx.directory.agencyName(ctx.me.agency), ctx.shortAgencyName(ctx.me.agency), ctx.me.agency]
        var status = ""
        for name in unitNames {
            status = " " + ctx.me.name + " · " + t.roleName(ctx.me.role) + " · " + name + tail
            if DisplayWidth.of(status) <= w - 12 { break }
        }
        grid.put(status, x: 0, y: sy, style: .statusBar, maxWidth: w - 12)
        grid.put("? " + t.text(.help).lowercased(), x: w - 11, y: sy, style: .statusBar, maxWidth: 11)

        // Bottom line: a message, or the keys that do something here.
        let by = h - 1
        if let (text, style) = ctx.message {
            // A message longer than the line grows upward (at most 4 lines): never cut unread.
            let lines = DisplayWidth.wrap(text, width: w)
            let shown = lines.count > 4 ? Array(lines.prefix(3)) + [DisplayWidth.truncate(lines[3...].joined(separator: " "), to: w)] : lines
            for (i, line) in shown.enumerated() {
                let y = by - (shown.count - 1) + i
                grid.fill(Rect(x: 0, y: y, width: w, height: 1), style: style == .normal ? .normal : style)
                grid.put(line, x: 0, y: y, style: style, maxWidth: w)
            }
        } else {
            drawKeyBar(&grid, y: by, width: w)
        }
        modal?.dialog.draw(&grid, ctx: ctx)
    }

    var barCache: (id: Int64, version: Int, generation: Int, complaint: Complaint)?
    /// Moves on every reload (an action of ours, another operator's change): the bar reads the report again.
    var barGeneration = 0
}
