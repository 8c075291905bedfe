/// Who approves drafts and which reports wait for a given approver: the Inbox's "awaiting
/// approval" tab and the status line's count (issue 15). Decided here once: the screen shows the
/// tab only to `approves`, and asks the store for `inboxFilter`, which a store answers from
/// columns of its projection, never by reading each report's state.
public enum Approval {
    /// May `role` approve drafts at all (the transition table's approvers of `approve`)?
    public static func approves(_ role: Role, table: TransitionTable = .standard()) -> Bool {
        table.roles(for: .approve).contains(role)
    }

    /// The reports `actor` may approve a draft of now, as a filter: a draft waits, the actor's
    /// agency (an admin) or unit subtree (a liaison) holds the report, never merely a copy
    /// (`mine`), and someone else drafted it (four eyes). nil when the role never approves.
    /// Agrees with `mayApprove` report by report (a core test and a store test hold it to it).
    public static func inboxFilter(for actor: Actor, table: TransitionTable = .standard()) -> FilterExpression? {
        guard approves(actor.role, table: table) else { return nil }
        return .and([.term(.awaitingApproval), .term(.mine), .not(.term(.draftedBy(actor.id)))])
    }

    /// The workflow's own answer for one report: a draft waits and the gate lets `actor` approve it.
    public static func mayApprove(_ c: Complaint, by actor: Actor, context: WorkflowContext) -> Bool {
        guard let draft = c.pendingDraft, draft.drafter != actor.id else { return false }
        return Workflow.gate(.approve, on: c, by: actor, context: context) == nil
    }
}
