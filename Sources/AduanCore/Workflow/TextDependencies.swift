/// What a written action (a follow-up to the reporter, an internal note, the reporter's reply or
/// rating) was decided on, so a change another operator made meanwhile refuses it only when it
/// touches that (issue 11 item 1). Every other action is decided on the whole report: any change
/// in between refuses it as a conflict.
extension Workflow {
    /// The kinds of change that leave a written action's basis as it was:
    /// - a note (internal) rests on who holds the report, in which status, and where the
    ///   conversation with the reporter stands (a follow-up or reply meanwhile may make it stale);
    ///   copies, other notes and classification do not touch it;
    /// - a follow-up to the reporter also rests on the conversation (another follow-up, the
    ///   reporter's reply or rating) and on the privacy flags (a classification may lift or give
    ///   anonymity, and the text may name the reporter): only copies and notes leave it as it was;
    /// - the reporter's reply or rating rests on the status and the follow-up it answers:
    ///   copies, notes and classification leave it as it was.
    public static func unaffectedBy(_ kind: ActionKind) -> Set<ActionKind> {
        switch kind {
        case .note: [.cc, .note, .classify]
        case .followUp: [.cc, .note]
        case .reply, .rate: [.cc, .note, .classify]
        default: []
        }
    }

    /// True when the changes made since the operator read the report (their kinds, oldest first)
    /// refuse an action of `kind` as a conflict.
    public static func conflicts(_ kind: ActionKind, with changes: [ActionKind]) -> Bool {
        let free = unaffectedBy(kind)
        return changes.isEmpty ? false : !changes.allSatisfy(free.contains)
    }

    /// The reporter's time on a reply or rating, checked as `decide` will check it (not in the
    /// future, not before the follow-up it answers), so a dialog can refuse it while the text is
    /// still on the screen.
    public static func reporterTimeProblem(_ kind: ActionKind, reportedAt: Timestamp, complaint: Complaint,
                                           recordedAt: Timestamp) -> Refusal? {
        reportedTimeProblem(kind, details: ActionDetails(reportedAt: reportedAt), complaint: complaint, at: recordedAt)
    }
}
