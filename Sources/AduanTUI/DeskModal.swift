import AduanCore
import AduanStore

/// The one dialog open over the desk's view (issue 12 item 4). Which case it is decides what its
/// answer does, so the desk switches over the case instead of telling optional fields apart by
/// object identity; an action's flow lives only as long as one of its dialogs is open.
enum Modal {
    /// The Inbox's filter line (`l`).
    case limit(LinePrompt)
    /// The Inbox's search line (`/`).
    case search(LinePrompt)
    /// One step of an action's dialogs.
    case step(ActionFlow, Overlay)
    /// A written action refused on a conflict: what changed; send again, edit, or keep for later.
    case conflict(ActionFlow, ConflictPanel)

    /// The dialog drawn over the view and given the keys.
    var dialog: Overlay {
        switch self {
        case .limit(let p), .search(let p): p
        case .step(_, let o): o
        case .conflict(_, let panel): panel
        }
    }

    /// The action the dialog belongs to, if any.
    var flow: ActionFlow? {
        switch self {
        case .limit, .search: nil
        case .step(let f, _), .conflict(let f, _): f
        }
    }
}

extension Desk {
    /// Starts `kind` on the tagged reports (after `;`) or the selected one.
    func startAction(_ kind: ActionKind) {
        let complaints = actionTargets()
        guard let first = complaints.first else {
            ctx.fail(ctx.t.screen(.selectAReportFirst))
            return
        }
        // Only what the operator's role may do in the report's status is offered.
        if let refusal = Workflow.gate(kind, on: first, by: ctx.me, context: ctx.store.context) {
            ctx.fail(ctx.t.refusal(refusal, names: ctx.directory, zone: ctx.zone))
            return
        }
        let f = ActionFlow(kind: kind, complaints: complaints, ctx: ctx)
        presetDraft(f)
        advance(f)
    }

    /// Opens the flow's next dialog, or, when every step is answered, applies it and says how it went.
    func advance(_ f: ActionFlow) {
        if let next = f.next(ctx: ctx) {
            modal = .step(f, next)
            return
        }
        modal = nil
        let (done, problems) = f.apply(ctx: ctx)
        if f.isBulk {
            inbox.clearTags()
            let summary = "\(ctx.t.text(.bulkDone)): \(done)/\(f.targets.count)"
            if problems.isEmpty { ctx.say(summary) } else { ctx.fail(summary + " · " + problems[0]) }
        } else if let p = problems.first {
            // A written action's text is never thrown away: kept, and on a conflict the panel
            // offers to send it again (DeskDrafts.swift).
            if !refused(f, problem: p) { ctx.fail(p) }
        } else if let w = f.warnings.first {
            ctx.say(ctx.t.actionName(f.kind) + " #\(f.first.id): " + ctx.t.text(.saved) + " · " + w, .dueSoon)
        } else {
            if f.keepsDraft { discardDraft(of: f) }
            ctx.say(ctx.t.actionName(f.kind) + " #\(f.first.id): " + ctx.t.text(.saved), .onTime)
        }
        reloadAfterOwnChange()
    }

    /// A key while a dialog is open: the dialog takes it; its answer is acted on by what it is.
    func handleModal(_ m: Modal, _ key: Key) -> String {
        switch m.dialog.handle(key, ctx: ctx) {
        case .stay:
            return "dialog"
        case .cancel:
            let kept = m.flow.map { cancelled($0, dialog: m.dialog) } ?? false
            modal = nil
            ctx.say(kept ? ctx.t.draftKept : ctx.t.text(.cancelled), .dim)
            return "dialog"
        case .done:
            modal = nil
            switch m {
            case .limit(let p):
                let text = p.value
                switch FilterParser.parse(text, vocabulary: FilterVocabulary(directory: ctx.directory)) {
                case .success(let f): inbox.setLimit(f, text: text.isEmpty ? nil : text, ctx: ctx)
                case .failure(let e): ctx.fail(ctx.t.filterError(e))
                }
                return "limit-apply"
            case .search(let p):
                inbox.find(p.value, forward: true, includeCurrent: true, ctx: ctx)
                return "search-apply"
            case .step(let f, _):
                f.accept(ctx: ctx)
                advance(f)
                return "action-apply"
            case .conflict(let f, let panel):
                return resolve(panel, of: f)
            }
        }
    }
}
