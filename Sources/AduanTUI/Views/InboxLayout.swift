import AduanCore

/// The inbox's columns and tab row at a given width: what stays at 80 columns (every tab, the
/// deadline, status and privacy markers) and what shortens first (issue 11).
extension InboxView {
    /// The tabs an operator sees: LAPOR!'s statuses and Diteruskan, and for an approver (the
    /// core's `Approval.approves`) the drafts awaiting their approval while any wait (or while
    /// it is the tab shown), before Diteruskan (so Diteruskan stays one key left of Semua). An
    /// office that does not draft keeps its eight tabs, full names at 80 columns.
    static func tabs(for me: Actor, waiting: Int, current: InboxTab) -> [InboxTab] {
        guard Approval.approves(me.role), waiting > 0 || current == .awaitingApproval else { return tabs }
        return tabs.filter { $0 != .forwarded } + [.awaitingApproval, .forwarded]
    }

    struct Columns {
        var id = 9, age = 7, countdown = 20, status = 10, flags = 5, unit = 0, cls = 0, category = 0, reason = 0, title = 10
    }

    /// The columns at `width`. The deadline (its longest reading in the session's language), the
    /// status and the privacy markers always show; the unit shortens before it goes, and the
    /// title keeps at least 16 cells. The Tunda tab replaces the deadline by "since" and the
    /// status (all Tunda) by the reason.
    static func columns(width: Int, countdownWidth: Int = 20, postponed: Bool = false) -> Columns {
        var c = Columns()
        let titleMin = 16
        if width < 100 { c.age = 6 }
        c.countdown = countdownWidth
        if postponed { c.status = 0 }
        func rest() -> Int { width - 2 - c.id - c.age - c.countdown - c.status - c.flags - c.unit - c.cls - c.category - c.reason }
        if width >= 100 { c.unit = 15 } else if rest() - 10 >= titleMin { c.unit = 10 }
        if width >= 116 { c.cls = 6 }
        if width >= 130 { c.category = 14 }
        if postponed { c.reason = max(0, min(40, rest() / 2)) }
        c.title = max(8, rest())
        return c
    }

    /// The deadline column: the widest reading in the session's language, and a space.
    static func countdownWidth(_ t: any StringTable) -> Int { t.widestCountdown + 1 }

    /// The tab labels that fit `width`: padded names; then unpadded; then the inactive tabs with
    /// the longest names shortened one by one (the active tab keeps its name); then only the
    /// active tab's count. Every tab stays.
    static func tabLabels(_ tabs: [(full: String, tiny: String, count: String, active: Bool)], width: Int) -> [String] {
        func total(_ labels: [String]) -> Int { labels.map { DisplayWidth.of($0) }.reduce(0, +) + labels.count - 1 }
        let padded = tabs.map { " " + $0.full + " " + $0.count + " " }
        if total(padded) <= width { return padded }
        var labels = tabs.map { $0.full + " " + $0.count }
        let byLength = tabs.indices.filter { !tabs[$0].active }
            .sorted { DisplayWidth.of(tabs[$0].full) - DisplayWidth.of(tabs[$0].tiny) > DisplayWidth.of(tabs[$1].full) - DisplayWidth.of(tabs[$1].tiny) }
        for i in byLength where total(labels) > width { labels[i] = tabs[i].tiny + " " + tabs[i].count }
        if total(labels) <= width { return labels }
        return tabs.map { $0.active ? $0.full + " " + $0.count : $0.tiny }
    }
}
