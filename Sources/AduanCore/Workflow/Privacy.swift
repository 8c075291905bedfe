/// Who may act on which report: the "not your unit" half of the rules. Roles and statuses are
/// in the transition table; this is the holder check.
public enum Access {
    /// The agency id that gives a supervisor every agency in the store (a provincial or Kominfo monitor).
    public static let allAgencies = "*"

    /// Does report `c` exist for `actor` asking to take `kind` on it: they may open it, or the
    /// action is one they may take as its holder? A report that does not is answered exactly as a
    /// missing id, so neither its existence nor who changed it can be learned.
    public static func mayAddress(_ kind: ActionKind, on c: Complaint, actor: Actor) -> Bool {
        Privacy.canView(c, viewer: actor) || mayAct(kind, on: c, actor: actor)
    }

    /// May `actor` take `kind` on `c`, as far as the report's holder is concerned?
    public static func mayAct(_ kind: ActionKind, on c: Complaint, actor: Actor) -> Bool {
        switch actor.role {
        case .system:
            return true
        case .admin:
            return c.holder.agency == actor.agency
        case .supervisor:
            return actor.agency == allAgencies || c.holder.agency == actor.agency
        case .liaison, .unitOperator:
            guard let unit = actor.unit, c.holder.agency == actor.agency || c.ccUnits.contains(unit) else { return false }
            // The unit, or a unit below it, holds the report: every level above acts on it too.
            if actor.subtreeHolds(c.holder) { return true }
            // A unit that only received a copy (tembusan) may keep notes, nothing more.
            return kind == .note && c.ccUnits.contains(unit)
        }
    }

    /// The inbox: which reports an operator's lists, counts and exports cover.
    /// Stores translate this same rule into their queries (see `InboxScope`).
    public static func inboxScope(of actor: Actor) -> InboxScope {
        switch actor.role {
        case .system: return .everything
        case .supervisor: return actor.agency == allAgencies ? .everything : .agency(actor.agency)
        case .admin: return .agency(actor.agency)
        case .liaison, .unitOperator:
            let below = actor.unitsBelow.filter { $0 != actor.unit }
            if below.isEmpty || actor.unit == nil { return .unit(actor.agency, actor.unit ?? "", includingCopies: true) }
            return .subtree(actor.agency, actor.unit!, below: below, includingCopies: true)
        }
    }
}

/// The set of reports an operator's lists cover, in a form a store can turn into SQL: the very
/// reports `Privacy.canView` lets the operator open, so a list never hides what `show` opens.
public enum InboxScope: Hashable, Sendable {
    case everything
    /// Reports the agency holds, received, or held before (passed away since).
    case agency(String)
    /// Reports the unit holds or held before, and with `includingCopies` those copied to it (tembusan).
    case unit(String, String, includingCopies: Bool)
    /// A unit with units below it (the unit tree): reports the unit or any unit below it holds or
    /// held before, and with `includingCopies` those copied to the unit itself.
    case subtree(String, String, below: [String], includingCopies: Bool)

    public func contains(_ c: Complaint) -> Bool {
        switch self {
        case .everything: return true
        case .agency(let a): return c.wasHeld(byAgency: a)
        case .unit(let a, let u, let copies):
            return c.holderChain.contains { $0.holder.agency == a && $0.holder.unit == u } || (copies && c.ccUnits.contains(u))
        case .subtree(let a, let u, let below, let copies):
            return c.holderChain.contains { $0.holder.agency == a && $0.holder.unit.map { $0 == u || below.contains($0) } == true }
                || (copies && c.ccUnits.contains(u))
        }
    }

    /// The working inbox within the scope: what the agency or unit holds now (and, with
    /// `includingCopies`, is copied on), without what it held before. The screen's status tabs.
    public func holdsNow(_ c: Complaint) -> Bool {
        switch self {
        case .everything: return true
        case .agency(let a): return c.holder.agency == a
        case .unit(let a, let u, let copies):
            return (c.holder.agency == a && c.holder.unit == u) || (copies && c.ccUnits.contains(u))
        case .subtree(let a, let u, let below, let copies):
            return (c.holder.agency == a && c.holder.unit.map { $0 == u || below.contains($0) } == true) || (copies && c.ccUnits.contains(u))
        }
    }

    /// The scope's units (the unit, then those below it); empty for an agency or everything.
    public var units: [String] {
        switch self {
        case .everything, .agency: return []
        case .unit(_, let u, _): return [u]
        case .subtree(_, let u, let below, _): return [u] + below
        }
    }

    /// The unit whose view this is; nil for an agency or every agency (`mine`).
    public var unit: String? {
        switch self {
        case .everything, .agency: return nil
        case .unit(_, let u, _), .subtree(_, let u, _, _): return u
        }
    }

    /// The same view without the reports only copied to the unit (tembusan): the liaison's "mine".
    public var withoutCopies: InboxScope {
        switch self {
        case .everything, .agency: return self
        case .unit(let a, let u, _): return .unit(a, u, includingCopies: false)
        case .subtree(let a, let u, let below, _): return .subtree(a, u, below: below, includingCopies: false)
        }
    }

    /// The agency whose view this is; nil for every agency.
    public var agency: String? {
        switch self {
        case .everything: return nil
        case .agency(let a), .unit(let a, _, _), .subtree(let a, _, _, _): return a
        }
    }
}

/// Whose confidential (Rahasia) content a viewer may read, among the reports the viewer may open:
/// the content half of `Privacy.canSeeContent`, as data, so a store renders the very same rule in
/// its queries (the list's titles, text search) instead of deciding it again.
public struct ContentAccess: Hashable, Sendable {
    /// Every report's content (the system itself).
    public var all: Bool
    /// Confidential reports this agency holds.
    public var holderAgency: String?
    /// Confidential reports this unit holds (a holder with a unit).
    public var holderUnit: Holder?
    /// Confidential reports copied (tembusan) to this unit.
    public var copiedUnit: String?
    /// Confidential reports held by these units below `holderUnit` (same agency): every level
    /// above handles what it passed down.
    public var unitsBelow: [String]

    public init(all: Bool = false, holderAgency: String? = nil, holderUnit: Holder? = nil, copiedUnit: String? = nil,
                unitsBelow: [String] = []) {
        self.all = all
        self.holderAgency = holderAgency
        self.holderUnit = holderUnit?.unit == nil ? nil : holderUnit
        self.copiedUnit = copiedUnit
        self.unitsBelow = self.holderUnit == nil ? [] : unitsBelow
    }

    public static let everything = ContentAccess(all: true)

    /// May the title and body of `c` be read (and searched), given that the viewer may open it?
    public func mayRead(_ c: Complaint) -> Bool {
        if all || !c.confidential { return true }
        if let a = holderAgency, c.holder.agency == a { return true }
        if let h = holderUnit, c.holder == h { return true }
        if let h = holderUnit, c.holder.agency == h.agency, let u = c.holder.unit, unitsBelow.contains(u) { return true }
        if let u = copiedUnit, c.ccUnits.contains(u) { return true }
        return false
    }
}

/// Who sees what. Every screen, export, report and log asks these functions, so a hidden
/// identity cannot leak through one path that forgot a rule.
///
/// - Anonim: the reporter's identity is hidden from the handling units, the reported party and
///   the public; only admins of the agency that received the report see it.
/// - Rahasia: the content is hidden from the public; only handling parties see it.
/// - A secret follow-up is seen only by the current handling parties (not CC'd units, not the public).
/// - Internal notes are never public.
public enum Privacy {
    /// May `viewer` open this report (detail, `show`, export row)? Operators see reports their agency
    /// or unit holds, held before, or was copied on.
    public static func canView(_ c: Complaint, viewer: Actor) -> Bool {
        switch viewer.role {
        case .system:
            return true
        case .supervisor:
            return viewer.agency == Access.allAgencies || c.holderChain.contains { $0.holder.agency == viewer.agency }
                || c.intakeAgency == viewer.agency
        case .admin:
            return c.intakeAgency == viewer.agency || c.holderChain.contains { $0.holder.agency == viewer.agency }
        case .liaison, .unitOperator:
            guard let unit = viewer.unit else { return false }
            return c.ccUnits.contains(unit)
                || c.holderChain.contains { viewer.subtreeHolds($0.holder) }
        }
    }

    /// Is `viewer` one of the parties handling the report right now (not a former holder, not a CC,
    /// not an all-agency monitor)?
    public static func isHandling(_ c: Complaint, viewer: Actor) -> Bool {
        reporterAccess(of: viewer).handles(c)
    }

    /// May `viewer` see the reporter's name, phone, e-mail and NIK?
    public static func canSeeReporter(_ c: Complaint, viewer: Actor) -> Bool {
        canView(c, viewer: viewer) && reporterAccess(of: viewer).maySee(c)
    }

    /// Whose reporters `viewer` may see, in a form a store can turn into SQL (the PostgreSQL
    /// store's row-level security): an anonymous reporter only the intake agency's admins, a
    /// named one the handling parties (`isHandling`).
    public static func reporterAccess(of viewer: Actor) -> ReporterAccess {
        switch viewer.role {
        case .system: return .everything
        case .admin: return ReporterAccess(handlingAgency: viewer.agency, anonymousIntakeAgency: viewer.agency)
        case .supervisor: return ReporterAccess(handlingAgency: viewer.agency)
        case .liaison, .unitOperator:
            return ReporterAccess(handlingUnit: viewer.unit.map { Holder(agency: viewer.agency, unit: $0) }, unitsBelow: viewer.unitsBelow)
        }
    }

    /// May `viewer` read the title, body and dialogue? Anyone who may open a report, except that a
    /// confidential (Rahasia) report is readable only by its current handling parties and the
    /// units it is copied to; former holders and monitors see that it exists, not what it says.
    /// Lists, searches and filters apply the same rule through `contentAccess(of:)`.
    public static func canSeeContent(_ c: Complaint, viewer: Actor) -> Bool {
        canView(c, viewer: viewer) && contentAccess(of: viewer).mayRead(c)
    }

    /// Whose confidential content `viewer` may read, in a form a store can turn into SQL: the
    /// handling parties (the holding agency's admins and supervisors, the holding unit) and a unit
    /// the report is copied to. An all-agency monitor handles nothing, so reads no confidential report.
    public static func contentAccess(of viewer: Actor) -> ContentAccess {
        switch viewer.role {
        case .system:
            return .everything
        case .admin, .supervisor:
            return ContentAccess(holderAgency: viewer.agency == Access.allAgencies ? nil : viewer.agency, copiedUnit: viewer.unit)
        case .liaison, .unitOperator:
            return ContentAccess(holderUnit: viewer.unit.map { Holder(agency: viewer.agency, unit: $0) }, copiedUnit: viewer.unit,
                                 unitsBelow: viewer.unitsBelow.filter { $0 != viewer.unit })
        }
    }

    /// May `viewer` read this event of the report's timeline?
    public static func canSeeEvent(_ e: Event, in c: Complaint, viewer: Actor) -> Bool {
        guard canView(c, viewer: viewer) else { return false }
        return sight(of: c, viewer: viewer).mayRead(e)
    }

    /// Whether the event is for the handling parties only (a secret follow-up, a draft and its return).
    public static func eventNeedsHandling(_ e: Event) -> Bool { e.isSecret || e.isDraftWork }

    /// Whether the event carries the report's content (a text, or the intake itself).
    public static func eventNeedsContent(_ e: Event) -> Bool {
        e.details.text != nil || e.kind == .receive || e.kind == .import
    }

    /// The three answers every redaction of a report's events depends on, for a viewer who may open it.
    public static func sight(of c: Complaint, viewer: Actor) -> Sight {
        Sight(reporter: canSeeReporter(c, viewer: viewer), content: canSeeContent(c, viewer: viewer),
              handling: isHandling(c, viewer: viewer))
    }

    /// May the report appear in a public export (Open311) at all? Confidential reports never do.
    public static func isPublishable(_ c: Complaint) -> Bool { !c.confidential }

    /// May this event's text appear publicly? Notes and secret follow-ups never do.
    public static func isPublishable(_ e: Event) -> Bool {
        switch e.kind {
        case .note, .classify, .cc, .draft, .returnDraft, .passDown, .returnUp, .escalate: return false
        case .followUp, .approve: return !e.details.secret
        default: return true
        }
    }

    /// May this event of this report appear publicly? An anonymous reporter's own replies may name
    /// them, so they stay private.
    public static func isPublishable(_ e: Event, of c: Complaint) -> Bool {
        guard isPublishable(c), isPublishable(e) else { return false }
        if c.anonymous && e.kind == .reply { return false }
        return true
    }

    /// Who will read a text written from a template.
    public enum Audience: Sendable, Hashable {
        /// A public follow-up: the public, the reporter, every unit that ever sees the report.
        case everyone
        /// A secret follow-up: the parties handling the report.
        case handlingParties
    }

    /// The readers of a follow-up.
    public static func audience(secret: Bool) -> Audience { secret ? .handlingParties : .everyone }

    /// May a text for `audience` name the reporter? Never a public one (anonymous or not, the public
    /// never learns who reported); a secret one only when the report is not anonymous.
    public static func mayNameReporter(_ c: Complaint, to audience: Audience) -> Bool {
        switch audience {
        case .everyone: return false
        case .handlingParties: return !c.anonymous
        }
    }

    /// `text` with every exact occurrence of the reporter's name (as a whole word), phone, e-mail and
    /// NIK replaced, for public outputs: texts written by old templates, or by the reporter, may
    /// carry them.
    public static func publicText(_ text: String, of c: Complaint) -> String {
        guard let r = c.reporter else { return text }
        var out = text
        if let name = r.name?.trimmingSpaces(), name.count >= 3 { out = replacing(name, in: out, with: "Pelapor", wholeWord: true) }
        for v in [r.phone, r.email, r.nik] {
            if let v = v?.trimmingSpaces(), v.count >= 5 { out = replacing(v, in: out, with: "[disamarkan]", wholeWord: false) }
        }
        return out
    }

    static func replacing(_ needle: String, in hay: String, with replacement: String, wholeWord: Bool) -> String {
        // Fast exit: most texts do not contain it. In ASCII text a match of characters is a match
        // of bytes, so where the bytes do not occur there is nothing to replace.
        if asciiBytes(of: needle, absentFrom: hay) { return hay }
        guard let first = needle.first, hay.contains(first) else { return hay }
        let h = Array(hay), n = Array(needle)
        guard n.count <= h.count else { return hay }
        func isWordCharacter(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber }
        var out = ""
        var i = 0, copiedUpTo = 0
        while i + n.count <= h.count {
            if h[i] == n[0], Array(h[i..<(i + n.count)]) == n,
               !wholeWord || ((i == 0 || !isWordCharacter(h[i - 1])) && (i + n.count == h.count || !isWordCharacter(h[i + n.count]))) {
                out += String(h[copiedUpTo..<i]) + replacement
                i += n.count
                copiedUpTo = i
            } else {
                i += 1
            }
        }
        guard copiedUpTo > 0 else { return hay }
        return out + String(h[copiedUpTo...])
    }

    /// The report as `viewer` may see it. A hidden reporter is removed, and so are exact
    /// occurrences of their name, phone, e-mail and NIK in the title, body and location (the
    /// reporter wrote those, and may have named themself). Content the viewer may not read (a
    /// confidential report they do not handle) is emptied: title, body and location, which is
    /// text the reporter wrote too. Every output that shows a report's texts starts from this.
    public static func redacted(_ c: Complaint, for viewer: Actor) -> Complaint {
        var r = c
        if !canSeeReporter(c, viewer: viewer) {
            r.reporter = nil
            r.title = publicText(c.title, of: c)
            r.body = publicText(c.body, of: c)
            r.location = publicText(c.location, of: c)
        }
        if !canSeeContent(c, viewer: viewer) {
            r.title = ""
            r.body = ""
            r.location = ""
        }
        if let d = c.pendingDraft { r.pendingDraft = redacted(d, in: c, sight: sight(of: c, viewer: viewer)) }
        return r
    }

    /// The event as `viewer` may see it, or nil when it is hidden entirely.
    public static func redacted(_ e: Event, in c: Complaint, for viewer: Actor) -> Event? {
        guard canSeeEvent(e, in: c, viewer: viewer) else { return nil }
        return redacted(e, in: c, sight: sight(of: c, viewer: viewer))
    }

    /// The event as a viewer with `sight` sees it (one they may read: `Sight.mayRead`). A store
    /// that enforces access itself keeps one such form per distinct sight (the PostgreSQL store).
    public static func redacted(_ e: Event, in c: Complaint, sight: Sight) -> Event {
        var r = e
        // An import's quoted source history follows the same rules as the office's own events.
        if let src = r.details.source { r.details.source = src.redacted(in: c, sight: sight) }
        // A new title given at verify, classify or forward is content.
        if !sight.content { r.details.changes?.title = nil }
        if !sight.reporter {
            if r.details.intake?.reporter != nil { r.details.intake?.reporter = nil }
            // A text written by an old template (or by the reporter) may name them.
            r.details.text = r.details.text.map { publicText($0, of: c) }
            r.details.reason = r.details.reason.map { publicText($0, of: c) }
            if let title = r.details.changes?.title { r.details.changes?.title = publicText(title, of: c) }
            if let intake = r.details.intake {
                r.details.intake?.title = publicText(intake.title, of: c)
                r.details.intake?.body = publicText(intake.body, of: c)
                r.details.intake?.location = publicText(intake.location, of: c)
            }
        }
        return r
    }

    /// The event as the public may see it, or nil. The reporter's identity never appears in it, even
    /// where an old reply template wrote the name into the text.
    public static func publicEvent(_ e: Event, in c: Complaint) -> Event? {
        guard isPublishable(e, of: c) else { return nil }
        var r = e
        r.details.intake?.reporter = nil
        // Operators' reasons for postponing or archiving are internal working notes.
        if e.kind == .postpone || e.kind == .archive { r.details.reason = nil }
        r.details.text = r.details.text.map { publicText($0, of: c) }
        r.details.reason = r.details.reason.map { publicText($0, of: c) }
        // The source's history names people and may hold its notes: never public.
        r.details.source = nil
        // Who drafted an approved follow-up is the office's internal business.
        r.details.draft = nil
        r.actor = Actor(id: "", name: "", role: e.actor.role, agency: e.actor.agency, unit: e.actor.unit)
        r.login = nil
        return r
    }
}
