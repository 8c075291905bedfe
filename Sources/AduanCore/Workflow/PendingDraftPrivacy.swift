extension Privacy {
    /// A pending draft as a viewer with `sight` sees it: by the draft event's own rule (`Sight.mayRead`,
    /// `redacted(_:in:sight:)`). The handling parties read its author and text, without the reporter
    /// where they may not see them; anyone else learns only that a draft waits (the inbox counts it)
    /// and whose login it waits from (what the filter `drafted-by:` answers anyone who may open
    /// the report; an operator's login is not a protected identity), never its text, the drafter's
    /// name or whether it is secret. `redacted(_:for:)` applies it to a report.
    public static func redacted(_ d: PendingDraft, in c: Complaint, sight: Sight) -> PendingDraft {
        guard sight.handling else { return PendingDraft(version: d.version, at: d.at, drafter: d.drafter, drafterName: "", text: "", secret: false) }
        var r = d
        if !sight.reporter { r.text = publicText(d.text, of: c) }
        return r
    }

    /// What every viewer who may open the report may read of its pending draft (the PostgreSQL
    /// store's `complaints.state`, which row-level security shows to all of them).
    public static func blindDraft(_ d: PendingDraft, in c: Complaint) -> PendingDraft {
        redacted(d, in: c, sight: Sight(reporter: false, content: false, handling: false))
    }
}
