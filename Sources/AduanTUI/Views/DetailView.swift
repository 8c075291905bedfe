import AduanCore
import AduanStore

/// A styled line of text for scrolling views.
struct StyledLine {
    var segments: [(String, Style)]

    init(_ text: String, _ style: Style = .normal) { segments = [(text, style)] }
    init(_ segments: [(String, Style)]) { self.segments = segments }

    static let blank = StyledLine("")
}

/// Detail: every field (identity masked where the role may not see it), the deadline with its
/// rule, the holder chain and the whole timeline.
final class DetailView: DeskView {
    let kind = ViewKind.detail
    private(set) var complaintID: Int64?
    private(set) var complaint: Complaint?
    private var events: [Event] = []
    private var lines: [StyledLine] = []
    private var renderedWidth = 0
    private var renderedAt = Timestamp(seconds: 0)
    private var scroll = TextScroll(halfPagesAreHalf: true)

    var selectedID: Int64? { complaintID }

    func position(_ ctx: DeskContext) -> String? {
        guard !lines.isEmpty else { return nil }
        let pct = lines.count <= scroll.visible ? 100 : min(100, (scroll.offset + scroll.visible) * 100 / lines.count)
        return ctx.t.screen(.linePosition(line: scroll.offset + 1, of: lines.count, percent: pct))
    }

    func show(_ id: Int64, ctx: DeskContext) {
        if id != complaintID { scroll.offset = 0 }
        complaintID = id
        reload(ctx)
    }

    func reload(_ ctx: DeskContext) {
        guard let id = complaintID else { return }
        do {
            // A report the operator may not see (any more) is shown as no report at all.
            complaint = try ctx.store.complaint(id).flatMap { Privacy.canView($0, viewer: ctx.me) ? $0 : nil }
            events = complaint == nil ? [] : try ctx.store.events(of: id)
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
        scroll.visible = area.height
        guard let c = complaint else {
            grid.put(ctx.t.screen(.selectAReport),
                     x: area.x + 2, y: area.y + 1, style: .dim)
            return
        }
        if renderedWidth != area.width || renderedAt != ctx.now {
            lines = render(c, width: area.width, ctx: ctx)
            renderedWidth = area.width
            renderedAt = ctx.now
        }
        scroll.draw(lines, into: &grid, area: area, safe: true)
    }

    static func emphasisStyle(_ e: Emphasis) -> Style {
        switch e {
        case .normal: .normal
        case .overdue: .overdue
        case .dueSoon: .dueSoon
        case .onTime: .onTime
        case .badge: .badge
        case .dim: .dim
        }
    }

    /// The presentation as styled, wrapped lines (all text already made safe by the presentation).
    func render(_ c: Complaint, width: Int, ctx: DeskContext) -> [StyledLine] {
        let t = ctx.t
        let p = ComplaintPresentation.make(c, events: events, viewer: ctx.me, config: ctx.config, now: ctx.now, strings: t)
        var out: [StyledLine] = []
        var head: [(String, Style)] = [(p.heading + "  ", .bold)]
        for b in p.badges { head.append(("[" + b + "] ", .badge)) }
        out.append(StyledLine(head))
        for part in DisplayWidth.wrap(p.title, width: max(10, width - 1)) { out.append(StyledLine(part, .bold)) }
        out.append(.blank)
        // Labels are never cut ("Anonymous / Confidential:" in English): the column is as wide as
        // the longest label up to two fifths of the width; a longer label gets a line of its own.
        let labelWidth = min((p.fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 2, max(14, width * 2 / 5))
        for f in p.fields {
            let parts = DisplayWidth.wrap(f.value, width: max(10, width - labelWidth - 1))
            let fits = DisplayWidth.of(f.label) + 2 <= labelWidth
            if !fits { out.append(StyledLine(f.label + ":", .dim)) }
            for (i, part) in parts.enumerated() {
                let label = i == 0 && fits ? DisplayWidth.padded(f.label + ":", to: labelWidth) : String(repeating: " ", count: labelWidth)
                out.append(StyledLine([(label, .dim), (part, Self.emphasisStyle(f.emphasis))]))
            }
        }
        // Actions this operator may take now, with their keys.
        let actions = Workflow.availableActions(on: c, by: ctx.me, context: ctx.store.context).compactMap { a -> String? in
            guard let key = KeyMap.key(for: a) else { return nil }
            return "\(key) \(t.actionName(a))"
        }
        out.append(.blank)
        let actionText = actions.isEmpty ? t.text(.noActionsHere) : actions.joined(separator: " · ")
        let label = t.text(.actions) + ": "
        for (i, part) in DisplayWidth.wrap(actionText, width: max(10, width - DisplayWidth.of(label) - 1)).enumerated() {
            out.append(StyledLine([(i == 0 ? label : String(repeating: " ", count: DisplayWidth.of(label)), .bold), (part, actions.isEmpty ? .dim : .normal)]))
        }
        out.append(.blank)
        out.append(StyledLine(t.text(.body), .bold))
        for l in p.body { for part in DisplayWidth.wrap(l, width: max(10, width - 3)) { out.append(StyledLine("  " + part)) } }
        out.append(.blank)
        out.append(StyledLine(t.text(.timeline) + (p.hiddenEvents > 0 ? " (\(p.hiddenEvents) \(t.text(.hidden)))" : ""), .bold))
        for e in p.timeline {
            var segs: [(String, Style)] = [(formatShortDateTime(e.at, zone: ctx.zone, table: t) + "  ", .dim), (e.summary, e.isInternal ? .dim : .normal)]
            if e.secret { segs.append(("  [" + t.text(.secretBadge) + "]", .badge)) }
            let headText = segs.map(\.0).joined()
            if DisplayWidth.of(headText) > width - 2 {
                for (i, part) in DisplayWidth.wrap(headText, width: max(10, width - 4)).enumerated() {
                    out.append(StyledLine((i == 0 ? "  " : "    ") + part, e.secret ? .badge : .normal))
                }
            } else {
                out.append(StyledLine([("  ", .normal)] + segs))
            }
            var who = "    — " + e.actor
            if let tr = e.transition { who += "  [" + tr + "]" }
            for part in DisplayWidth.wrap(who, width: max(10, width - 2)) { out.append(StyledLine(part, .dim)) }
            for l in e.text { for part in DisplayWidth.wrap(l, width: max(10, width - 7)) { out.append(StyledLine("      " + part)) } }
        }
        return out
    }
}
