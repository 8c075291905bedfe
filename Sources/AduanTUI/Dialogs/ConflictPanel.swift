import AduanCore
import AduanStore

/// Shown when a follow-up, note or reply was refused because another operator changed the report
/// while it was typed (issue 11 item 1): what changed, in words and within what the operator may
/// see, the whole refusal (never cut at the screen width), the text kept, and one key to send it
/// again (Enter), to edit it first (e) or to leave it as a draft (Esc); when the core says it can no
/// longer go out (the report left the unit), only Esc, and the draft stays.
final class ConflictPanel: Overlay {
    enum Choice { case resend, edit, later }

    let heading: String
    let lines: [(String, Style)]
    let canResend: Bool
    private(set) var choice: Choice = .later
    private var scroll = 0

    init(heading: String, lines: [(String, Style)], canResend: Bool) {
        self.heading = heading
        self.lines = lines
        self.canResend = canResend
    }

    /// The panel for `flow`'s refused attempt on `current` (the report as it is now).
    static func make(flow: ActionFlow, conflict: Conflict, current: Complaint, ctx: DeskContext) -> ConflictPanel {
        let t = ctx.t
        var lines: [(String, Style)] = [(ctx.describe(.conflict(conflict)), .error), ("", .normal), (t.conflictPanel(.changes), .bold)]
        var hidden = 0
        let events = (try? ctx.store.events(of: current.id)) ?? []
        for e in events where e.version > conflict.expectedVersion {
            guard let seen = Privacy.redacted(e, in: current, for: ctx.me) else { hidden += 1; continue }
            let when = formatShortDateTime(seen.at, zone: ctx.zone, table: t)
            lines.append(("  " + when + " · " + SafeText.line(seen.actor.name) + " · " + SafeText.line(t.eventSummary(seen, names: ctx.directory)), .normal))
        }
        if hidden > 0 { lines.append(("  " + t.hiddenChanges(hidden), .dim)) }
        // Whether the same text may go out on the report as it is now: the core's gate, said in words.
        let refusal = Workflow.gate(flow.kind, on: current, by: ctx.me, context: ctx.store.context)
        if let refusal {
            lines += [("", .normal), (t.conflictPanel(.cannotResend), .bold), ("  " + t.refusal(refusal, names: ctx.directory, zone: ctx.zone), .error)]
        }
        lines += [("", .normal), (t.conflictPanel(.yourText), .bold)]
        for l in SafeText.multiline(flow.details.text ?? "") { lines.append(("  " + l, .normal)) }
        let heading = t.conflictPanel(.title) + " — #\(current.id)"
        return ConflictPanel(heading: heading, lines: lines, canResend: refusal == nil)
    }

    func handle(_ key: Key, ctx: DeskContext) -> OverlayResult {
        switch key {
        case .enter, .ctrl("s"):
            guard canResend else { return .stay }
            choice = .resend
            return .done
        case .char("e"), .char("E"):
            // Editing is offered only when the text may still go out on the report as it is now.
            guard canResend else { return .stay }
            choice = .edit
            return .done
        case .escape, .ctrl("c"), .char("q"):
            choice = .later
            return .done
        case .down, .char("j"): scroll += 1
        case .up, .char("k"): scroll = max(0, scroll - 1)
        default: break
        }
        return .stay
    }

    func draw(_ grid: inout Grid, ctx: DeskContext) {
        let t = ctx.t
        let width = grid.width - 4
        // Every line wrapped at the box's width: nothing is cut.
        var wrapped: [(String, Style)] = []
        for (text, style) in lines {
            if text.isEmpty { wrapped.append(("", style)); continue }
            for part in DisplayWidth.wrap(text, width: max(10, width - 4)) { wrapped.append((part, style)) }
        }
        let footer = t.conflictPanel(canResend ? .keysResend : .keysNoResend)
        let inner = drawBox(&grid, width: width, height: min(grid.height - 2, wrapped.count + 2), title: heading, footer: footer)
        guard inner.height > 0 else { return }
        scroll = max(0, min(scroll, max(0, wrapped.count - inner.height)))
        for i in 0..<inner.height {
            let index = scroll + i
            guard index < wrapped.count else { break }
            grid.put(wrapped[index].0, x: inner.x, y: inner.y + i, style: wrapped[index].1, maxWidth: inner.width)
        }
    }
}
