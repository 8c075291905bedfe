import AduanCore
import AduanStore

/// The inbox tabs' counts on a store that counts them by scanning (PostgreSQL has no counters
/// yet: each count reads the role's reports under row-level security, 50–80 ms each at
/// 100,000): counted off the input path on the background connection, so a key that reloads
/// the inbox (an action, a filter, another operator's change) repaints without waiting for
/// them; the tabs show the last counts until the new ones come (between keys, ≤ 250 ms).
/// One count at a time: a reload while one runs asks for one more when it comes back, so a run of
/// actions does not pile up scans on the server.
extension InboxView {
    func countInBackground(_ ctx: DeskContext) {
        if tabsCounting {
            tabsStale = true
            return
        }
        tabsCounting = true
        let scope = mineOnly == true ? ctx.scope.withoutCopies : ctx.scope
        let all = ctx.scope, me = ctx.me, now = ctx.now
        tabsGeneration = ctx.background.countTabs { store in
            BackgroundWork.TabCounts(statuses: try store.statusCounts(scope, formerHolders: false), forwarded: try store.forwardedCount(all),
                                     awaitingApproval: try store.approvalCount(for: me, now: now))
        }
    }

    /// The counts came: the tabs, and the list's length where the tabs give it.
    func counted(_ t: BackgroundWork.TabCounts?, _ ctx: DeskContext) {
        tabsCounting = false
        if tabsStale {
            tabsStale = false
            countInBackground(ctx)
        }
        guard let t else { return }
        counts = t.statuses
        forwardedCount = t.forwarded
        awaitingApprovalCount = t.awaitingApproval
        if limit == .all { refreshTotal(ctx) }
    }
}
