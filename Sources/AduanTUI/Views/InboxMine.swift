import AduanCore
import AduanStore

/// The inbox's "mine" switch (issue 11 item 5) and the reports that arrived meanwhile (item 6).
extension InboxView {
    /// A liaison copied on other units' reports starts with their own (`mine`); others see their inbox.
    static func startsMineOnly(_ me: Actor) -> Bool { me.role == .liaison && me.unit != nil }

    /// "milik unit (M)" / "+tembusan (M)" for the status line, when the distinction exists.
    func scopeBadge(_ ctx: DeskContext) -> String? {
        guard ctx.scope.unit != nil, current != .forwarded, let mine = mineOnly else { return nil }
        return ctx.t.text(mine ? .mineOnlyBadge : .withCopiesBadge)
    }

    /// `M`: only what my unit holds, or with what it is copied on too.
    func toggleMine(_ ctx: DeskContext) -> ViewOutcome {
        guard ctx.scope.unit != nil else { return .unhandled }
        mineOnly = !(mineOnly ?? false)
        reloadFromTop(ctx)
        if let badge = scopeBadge(ctx) { ctx.say(badge) }
        return .handled
    }

    /// Counts the reports of this list received since the last read (`arrived`). The mark is read
    /// before the rows, so a report received in between is counted at the next reload, never lost.
    func noteArrivals(_ ctx: DeskContext) throws(StoreError) {
        let mark = try ctx.store.lastComplaintID()
        if let previous = arrivalMark, mark > previous {
            arrived = try ctx.store.arrivals(after: previous, in: query(ctx), now: ctx.now)
        } else {
            arrived = 0
        }
        arrivalMark = mark
    }
}
