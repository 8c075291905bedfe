/// An office's own timers for a category subtree and/or a priority, e.g. `infrastruktur/jalan`:
/// first follow-up 14 working days (some regions give 14 days; peers hang SLAs on categories and
/// priorities). Listed under `deadlines.overrides` in the office file.
public struct DeadlineOverride: Hashable, Sendable {
    /// The category and every category under it; nil: any category.
    public var category: Category?
    /// nil: any priority.
    public var priority: Priority?
    /// The timers it sets; the others keep the office's default.
    public var timers: [DeadlineKind: DeadlineRule]
    /// Its place in the office file (`deadlines.overrides[0]`), so `show` can say where a rule came from.
    public var source: String

    public init(category: Category? = nil, priority: Priority? = nil, timers: [DeadlineKind: DeadlineRule], source: String) {
        self.category = category
        self.priority = priority
        self.timers = timers
        self.source = source
    }

    /// Does it apply to a report of `category` and `priority`?
    public func matches(category c: Category, priority p: Priority) -> Bool {
        if let priority, priority != p { return false }
        if let category, !(c.path == category.path || c.path.hasPrefix(category.path + "/")) { return false }
        return true
    }

    /// How specific it is: a deeper category first, then one that names a priority.
    var specificity: (Int, Int) {
        (category.map { $0.path.split(separator: "/").count } ?? 0, priority == nil ? 0 : 1)
    }

    var fingerprint: String {
        let ts = DeadlineKind.allCases.compactMap { k in timers[k].map { "\(k.rawValue)=\($0.days)\($0.counting.rawValue.prefix(1))" } }
        return "\(category?.path ?? "*"):\(priority?.rawValue ?? "*"):" + ts.joined(separator: ",")
    }
}

/// Where the rule of a deadline came from.
public enum RuleOrigin: Hashable, Sendable {
    /// The office's `deadlines.<timer>` (or Aduan's default when the office file does not set it).
    case standard
    /// An entry of `deadlines.overrides`.
    case override(DeadlineOverride)
}

extension DeadlinePolicy {
    /// The rule for `kind` on a report of `category` and `priority`, and where it came from. The most
    /// specific override that sets this timer wins: the deepest category, then one that names a
    /// priority, then the first listed; none: the office's default.
    public func rule(_ kind: DeadlineKind, category: Category, priority: Priority) -> (DeadlineRule, RuleOrigin) {
        var best: DeadlineOverride?
        for o in overrides where o.timers[kind] != nil && o.matches(category: category, priority: priority) {
            if let b = best, o.specificity <= b.specificity { continue }
            best = o
        }
        if let best, let r = best.timers[kind] { return (r, .override(best)) }
        return (rule(kind), .standard)
    }
}
