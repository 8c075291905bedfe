import AduanCore
import AduanStore

/// Typed text is never thrown away (issue 11 item 1): a follow-up, note or reporter's reply that
/// is refused, cancelled after the editor, or left open when the desk ends is kept as the
/// operator's draft of that report (the store's `drafts` table, never an event) and opens again
/// with the same key; a conflict shows what changed and sends the same text again with one key.
extension Desk {
    /// Opens the operator's kept draft of this report in a new single-report written flow.
    func presetDraft(_ f: ActionFlow) {
        guard f.keepsDraft, let d = try? ctx.store.draft(of: f.first.id, kind: f.kind, by: ctx.me) else { return }
        f.preset = (d.text, d.secret)
        ctx.say(ctx.t.draftRestored(savedAt: d.savedAt, zone: ctx.zone))
    }

    /// The text of a written flow: in the open editor, or answered already (a later step is open).
    func typedText(_ f: ActionFlow, editor: Overlay?) -> (text: String, secret: Bool)? {
        guard f.keepsDraft else { return nil }
        if let e = editor as? TextEditor { return e.isEmpty ? nil : (e.text, e.secret) }
        if let text = f.details.text, !text.trimmingSpaces().isEmpty { return (text, f.details.secret) }
        return nil
    }

    /// Keeps the flow's typed text as the operator's draft; false when there is none or it failed.
    @discardableResult
    func saveDraft(of f: ActionFlow, editor: Overlay? = nil) -> Bool {
        guard let typed = typedText(f, editor: editor) else { return false }
        do {
            try ctx.store.saveDraft(Draft(complaintID: f.first.id, kind: f.kind, text: typed.text, secret: typed.secret, savedAt: ctx.clock()),
                                    by: ctx.me)
            return true
        } catch {
            ctx.fail(ctx.describe(error))
            return false
        }
    }

    func discardDraft(of f: ActionFlow) {
        try? ctx.store.discardDraft(of: f.first.id, kind: f.kind, by: ctx.me)
    }

    /// The desk ends with a written flow open: keep its text.
    func keepOpenDraft() {
        guard let m = modal, let f = m.flow else { return }
        saveDraft(of: f, editor: m.dialog)
    }

    /// A dialog of a written flow was cancelled: the editor's "discard" forgets the draft, its
    /// "keep as draft" and any later step (the reporter's time) keep it. True when kept.
    func cancelled(_ f: ActionFlow, dialog o: Overlay) -> Bool {
        guard f.keepsDraft else { return false }
        if let e = o as? TextEditor, !e.keepAsDraft {
            discardDraft(of: f)
            return false
        }
        return saveDraft(of: f, editor: o)
    }

    /// A single written action was refused with `problem`: keep the text; on a conflict, show what
    /// changed and offer to send it again. False when there was no text to keep.
    func refused(_ f: ActionFlow, problem: String) -> Bool {
        guard f.keepsDraft, saveDraft(of: f) else { return false }
        guard let conflict = f.conflict, let current = try? ctx.store.complaint(f.first.id) else {
            ctx.fail(problem + " " + ctx.t.draftKept)
            return true
        }
        ctx.fail(ctx.t.conflictDraftKept(f.first.id, changedBy: conflict.changedBy?.name))
        modal = .conflict(f, ConflictPanel.make(flow: f, conflict: conflict, current: current, ctx: ctx))
        return true
    }

    /// The operator's answer to the conflict panel of `f`.
    func resolve(_ panel: ConflictPanel, of f: ActionFlow) -> String {
        guard let current = try? ctx.store.complaint(f.first.id) else { return "dialog" }
        switch panel.choice {
        case .resend:
            // The same answers, decided again on the report as it is now.
            f.rebase(on: current)
            advance(f)
        case .edit:
            if let refusal = Workflow.gate(f.kind, on: current, by: ctx.me, context: ctx.store.context) {
                ctx.fail(ctx.t.refusal(refusal, names: ctx.directory, zone: ctx.zone) + " " + ctx.t.draftKept)
                return "conflict"
            }
            let again = ActionFlow(kind: f.kind, complaints: [current], ctx: ctx)
            again.preset = (f.details.text ?? "", f.details.secret)
            advance(again)
        case .later:
            ctx.say(ctx.t.draftKept, .dim)
        }
        return "conflict"
    }
}
