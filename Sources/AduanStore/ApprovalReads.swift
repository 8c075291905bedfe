import AduanCore

/// Drafts awaiting approval, read from the projection's `draft_by` column (schema 4): the
/// status line's count and the Inbox's "awaiting approval" tab never read a report's state.
extension ComplaintStore {
    /// How many reports the scope holds now with a draft awaiting approval, whoever may approve it.
    public func awaitingApprovalCount(_ scope: InboxScope) throws(StoreError) -> Int {
        try read {
            let cond = ScopeSQL(scope, dialect: dialect).holdsNow && ScopeSQL.awaitingApproval(dialect: dialect)
            return Int(try db.scalarInt("SELECT count(*) FROM complaints c WHERE \(cond.sql)", cond.args) ?? 0)
        }
    }

    /// The Inbox's "awaiting approval" list for `viewer`: the core's `Approval.inboxFilter`
    /// (nil when the viewer never approves).
    public static func approvalQuery(for viewer: Actor, order: InboxOrder = .deadline) -> InboxQuery? {
        guard let filter = Approval.inboxFilter(for: viewer) else { return nil }
        return InboxQuery(viewer: viewer, filter: filter, order: order)
    }

}

extension DeskStore {
    /// How many drafts wait for `viewer`'s approval (0 for a role that never approves): the
    /// status line's count and the tab's.
    public func approvalCount(for viewer: Actor, now: Timestamp) throws(StoreError) -> Int {
        guard let q = ComplaintStore.approvalQuery(for: viewer) else { return 0 }
        return try count(q, now: now)
    }
}
