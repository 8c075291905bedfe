/// How a number in a filter compares: `age:>5d`, `rating:<=2`.
public enum Comparison: String, Hashable, Sendable, CaseIterable {
    case lessThan = "<"
    case lessOrEqual = "<="
    case greaterThan = ">"
    case greaterOrEqual = ">="
    case equal = "="

    public func holds(_ a: Int, _ b: Int) -> Bool {
        switch self {
        case .lessThan: a < b
        case .lessOrEqual: a <= b
        case .greaterThan: a > b
        case .greaterOrEqual: a >= b
        case .equal: a == b
        }
    }
}

/// One condition of the filter language.
public enum FilterTerm: Hashable, Sendable {
    case status([Status])
    case unit([String])
    case agency([String])
    /// Reports copied (tembusan) to a unit.
    case copiedTo(String)
    /// The category or anything beneath it.
    case category(Category)
    case classification([Classification])
    case channel([Channel])
    case priority([Priority])
    /// The running deadline has passed.
    case overdue
    /// The running deadline falls within the due-soon window and has not passed.
    case dueSoon
    case anonymous
    case confidential
    case pingPong
    /// Passed away by the viewer's agency: it held (or received) the report before and holds it no
    /// longer (`FilterContext.viewerAgency`); for a viewer of every agency, passed between agencies at all.
    case forwarded
    /// Held now by the viewer's own unit (an agency-level viewer: by their agency), never merely
    /// copied to it (`FilterContext.viewerUnit`); for a viewer of every agency, everything.
    case mine
    /// No admin has decided the anonymity/confidentiality flags yet.
    case privacyUndecided
    /// A drafted follow-up waits for approval (`is:awaiting-approval`).
    case awaitingApproval
    /// The draft waiting for approval was written by this operator (their id): the approver's
    /// tab leaves out their own drafts (`Approval.inboxFilter`). No filter word: the screen's.
    case draftedBy(String)
    /// Age since receipt, in calendar or working days.
    case age(Comparison, Int, DayCounting)
    case rating(Comparison, Int)
    case trackingID(String)
    case localID(Int64)
    /// Words and "quoted phrases" searched in the title and body (prefix match per word).
    case text(String)
}

/// A parsed filter: terms combined with AND, OR and NOT.
public indirect enum FilterExpression: Hashable, Sendable {
    /// The empty filter: everything in scope.
    case all
    case term(FilterTerm)
    case and([FilterExpression])
    case or([FilterExpression])
    case not(FilterExpression)

    /// Every text term anywhere in the expression (under NOT and OR too), in order: what a store
    /// must search for to render it.
    public var textTerms: [String] {
        switch self {
        case .all: return []
        case .term(.text(let t)): return [t]
        case .term: return []
        case .and(let parts), .or(let parts): return parts.flatMap(\.textTerms)
        case .not(let inner): return inner.textTerms
        }
    }

    /// The text words anywhere in the expression outside NOT/OR, merged: what the search highlights.
    public var requiredText: String? {
        switch self {
        case .term(.text(let t)): return t
        case .and(let parts):
            let texts = parts.compactMap(\.requiredText)
            return texts.isEmpty ? nil : texts.joined(separator: " ")
        default: return nil
        }
    }
}

/// What a filter needs to know about "now" and the office's calendar, computed once per query,
/// so an in-memory match and a store's SQL use the very same thresholds.
public struct FilterContext: Sendable {
    public let now: Timestamp
    public let calendar: WorkingCalendar
    public let deadlines: DeadlinePolicy
    /// Deadlines at or before this instant (and not yet passed) are due soon.
    public let dueSoonCutoff: Timestamp
    /// Whose hidden (confidential) text the viewer may read: a text search never matches text the
    /// viewer may not read (`Privacy.contentAccess(of:)`). `.everything` for the system.
    public let content: ContentAccess
    /// The viewer's agency, for `forwarded` (what this agency passed away); nil for a viewer of every agency.
    public let viewerAgency: String?
    /// The viewer's unit, for `mine` (what the unit holds now); nil for an agency-level viewer.
    public let viewerUnit: String?
    /// The units below the viewer's unit (the unit tree): `mine` is what the unit's subtree holds.
    public let viewerUnitsBelow: [String]

    public init(now: Timestamp, calendar: WorkingCalendar, deadlines: DeadlinePolicy, content: ContentAccess = .everything,
                viewerAgency: String? = nil, viewerUnit: String? = nil, viewerUnitsBelow: [String] = []) {
        self.viewerAgency = viewerAgency
        self.viewerUnit = viewerUnit
        self.viewerUnitsBelow = viewerUnit == nil ? [] : viewerUnitsBelow
        self.now = now
        self.calendar = calendar
        self.deadlines = deadlines
        self.dueSoonCutoff = deadlines.dueSoonCutoff(now: now, calendar: calendar)
        self.content = content
    }

    /// The receipt times an `age` condition admits, as a half-open interval [lower, upper).
    /// nil bounds are open. Age in days = local days from the receipt day to today.
    public func receivedRange(_ cmp: Comparison, _ n: Int, _ counting: DayCounting) -> (lower: Timestamp?, upper: Timestamp?) {
        let zone = calendar.zone
        let today = zone.dayNumber(of: now)
        // The receipt day whose age is exactly n; ages grow as days go back.
        let dayAged: (Int) -> Int = { n in
            switch counting {
            case .calendar: return today - n
            case .working:
                // Walk back to the latest day from which n working days have elapsed through today.
                guard n > 0 else { return today }
                var d = today
                var count = 0
                while count < n {
                    if calendar.isWorkingDay(d) { count += 1 }
                    d -= 1
                }
                return d
            }
        }
        // Age ≥ n ⇔ receipt day ≤ dayAged(n) ⇔ received before the start of the following day.
        func before(ageAtLeast n: Int) -> Timestamp { zone.startOfDay(dayNumber: dayAged(n) + 1) }
        switch cmp {
        case .greaterOrEqual: return (nil, before(ageAtLeast: n))
        case .greaterThan: return (nil, before(ageAtLeast: n + 1))
        case .lessThan: return (before(ageAtLeast: n), nil)
        case .lessOrEqual: return (before(ageAtLeast: n + 1), nil)
        case .equal: return (before(ageAtLeast: n + 1), before(ageAtLeast: n))
        }
    }
}

extension FilterExpression {
    /// Does `c` satisfy the filter at the context's moment?
    public func matches(_ c: Complaint, _ ctx: FilterContext) -> Bool {
        switch self {
        case .all: return true
        case .term(let t): return t.matches(c, ctx)
        case .and(let parts): return parts.allSatisfy { $0.matches(c, ctx) }
        case .or(let parts): return parts.contains { $0.matches(c, ctx) }
        case .not(let inner): return !inner.matches(c, ctx)
        }
    }
}

extension FilterTerm {
    public func matches(_ c: Complaint, _ ctx: FilterContext) -> Bool {
        switch self {
        case .status(let list): return list.contains(c.status)
        case .unit(let units): return c.holder.unit.map(units.contains) ?? false
        case .agency(let agencies): return agencies.contains(c.holder.agency)
        case .copiedTo(let unit): return c.ccUnits.contains(unit)
        case .category(let cat): return c.category.isWithin(cat)
        case .classification(let list): return list.contains(c.classification)
        case .channel(let list): return list.contains(c.channel)
        case .priority(let list): return list.contains(c.priority)
        case .overdue:
            guard let due = ctx.deadlines.running(for: c, calendar: ctx.calendar)?.dueAt else { return false }
            return due < ctx.now
        case .dueSoon:
            guard let d = ctx.deadlines.running(for: c, calendar: ctx.calendar) else { return false }
            return ctx.deadlines.state(dueAt: d.dueAt, kind: d.kind, now: ctx.now, cutoff: ctx.dueSoonCutoff) == .dueSoon
        case .anonymous: return c.anonymous
        case .confidential: return c.confidential
        case .pingPong: return c.pingPong
        case .forwarded: return c.wasForwardedAway(by: ctx.viewerAgency)
        case .mine:
            guard let agency = ctx.viewerAgency else { return true }
            guard c.holder.agency == agency else { return false }
            guard let mine = ctx.viewerUnit else { return true }
            return c.holder.unit.map { $0 == mine || ctx.viewerUnitsBelow.contains($0) } ?? false
        case .awaitingApproval: return c.awaitingApproval
        case .draftedBy(let id): return c.pendingDraft?.drafter == id
        case .privacyUndecided: return !c.privacyDecided
        case .age(let cmp, let n, let counting):
            let range = ctx.receivedRange(cmp, n, counting)
            if let lower = range.lower, c.receivedAt < lower { return false }
            if let upper = range.upper, c.receivedAt >= upper { return false }
            return true
        case .rating(let cmp, let n):
            guard let r = c.rating else { return false }
            return cmp.holds(r, n)
        case .trackingID(let t): return c.trackingID == t
        case .localID(let id): return c.id == id
        case .text(let raw):
            let query = TextSearch.query(raw)
            if query.isEmpty { return true }
            // Hidden text is not searched at all: otherwise its words could be probed one by one.
            return ctx.content.mayRead(c) && query.matches(fields: [c.title, c.body])
        }
    }
}
