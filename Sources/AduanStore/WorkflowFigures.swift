import AduanCore

/// The issue-15 figures the dashboard and `aduan report` share: recorded warnings and escalations
/// per level and unit, and each answering unit's share of boilerplate follow-ups, within a scope
/// (`InboxScope.includesFigures`).
public struct WorkflowFigures: Sendable {
    public var escalations: [(target: EscalationTarget, agency: String, unit: String?, count: Int)]
    public var boilerplate: [(agency: String, unit: String?, followUps: Int, boilerplate: Int)]

    /// Escalation counts per holder, each level's count (0 where none), holders in a stable order.
    public var escalationsByHolder: [(holder: Holder, counts: [EscalationTarget: Int])] {
        var by: [Holder: [EscalationTarget: Int]] = [:]
        for e in escalations { by[Holder(agency: e.agency, unit: e.unit), default: [:]][e.target, default: 0] += e.count }
        return by.sorted { $0.key.description < $1.key.description }.map { (holder: $0.key, counts: $0.value) }
    }

    /// True once any boilerplate answer was recorded in the scope (the section shows from then on).
    public var hasBoilerplate: Bool { boilerplate.contains { $0.boilerplate > 0 } }
}

extension DeskStore {
    /// The figures within `scope`, from the store's per-unit reads (`serves(.dashboard)`).
    public func workflowFigures(_ scope: InboxScope) throws(StoreError) -> WorkflowFigures {
        WorkflowFigures(escalations: try escalationCounts().filter { scope.includesFigures(agency: $0.agency, unit: $0.unit) },
                        boilerplate: try boilerplateShares().filter { scope.includesFigures(agency: $0.agency, unit: $0.unit) })
    }
}

extension DeskStore {
    /// Every escalated report, then each level cut to its first `rowsPerLevel` rows (its count kept).
    public func escalatedRows(_ scope: InboxScope, content: ContentAccess, now: Timestamp, rowsPerLevel: Int?) throws(StoreError) -> [EscalationGroup] {
        try escalatedRows(scope, content: content, now: now).map { g in
            EscalationGroup(level: g.level, rows: rowsPerLevel.map { Array(g.rows.prefix(max(0, $0))) } ?? g.rows, count: g.count)
        }
    }
}

extension DeskStore {
    /// Each holder's first rows, one `deadlineRows` call a holder.
    public func deadlineRows(of holders: [Holder], content: ContentAccess, limit: Int, now: Timestamp) throws(StoreError) -> [Holder: [InboxRow]] {
        var out: [Holder: [InboxRow]] = [:]
        for h in holders { out[h] = try deadlineRows(h, content: content, after: nil, limit: limit, now: now) }
        return out
    }
}
