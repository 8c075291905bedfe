/// Who may read a report's text, written as keys: every text of a report (the full one, with its
/// reporter, and the one with the reporter taken out) carries the keys of its readers, and every
/// operator holds keys, such that an operator may read the text exactly when the two share a key:
///
///     Audience.keys(of: v) ∩ Audience.tokens(of: c, masked: m) ≠ ∅
///       ⟺ Privacy.canView(c, v) ∧ contentAccess(v).mayRead(c) ∧ (m ∨ reporterAccess(v).maySee(c))
///
/// A store keeps the tokens on the text rows and searches words only among the rows sharing a key
/// with the operator, so a search never looks at (or counts) a text the operator may not read
/// (the PostgreSQL store's search, issue 14). `AudienceTests` holds the equivalence against
/// `Privacy` for every role over generated reports.
///
/// The tokens depend on the report alone (its holders, copies, intake agency and flags); the
/// directory only shapes an operator's keys (the units below theirs). So an office change rewrites
/// logins' keys, never the reports' tokens. The program itself (`Role.system`) reads everything
/// without keys.
public enum Audience {
    static let sep = "\u{1F}"

    /// The keys an operator holds. An all-agency admin (`*`) is given none: no report is held by
    /// the agency `*`, so such an admin may open nothing.
    public static func keys(of v: Actor) -> [String] {
        switch v.role {
        case .system:
            return []
        case .admin, .supervisor:
            if v.agency == Access.allAgencies {
                guard v.role == .supervisor else { return [] }
                return ["pub"] + (v.unit.map { ["pubc:" + $0] } ?? [])
            }
            let a = v.agency
            var k = ["ag:" + a, "agh:" + a, "nf:" + a]
            if let u = v.unit { k.append("agc:" + a + sep + u) }
            if v.role == .admin {
                k.append("af:" + a)
                if let u = v.unit { k.append("afc:" + a + sep + u) }
            }
            return k
        case .liaison, .unitOperator:
            guard let u = v.unit else { return [] }
            var k = ["uc:" + u]
            var units = [u]
            for b in v.unitsBelow where !units.contains(b) { units.append(b) }
            for x in units {
                let key = v.agency + sep + x
                k += ["uh:" + key, "ucur:" + key, "uf:" + key]
            }
            return k
        }
    }

    /// The keys of every hat of a login (a login may act as several operators).
    public static func keys(of hats: [Actor]) -> [String] {
        var out: [String] = []
        for hat in hats { for k in keys(of: hat) where !out.contains(k) { out.append(k) } }
        return out.sorted()
    }

    /// The tokens of the report's text with the reporter taken out (`masked`) or of its full text.
    public static func tokens(of c: Complaint, masked: Bool) -> [String] {
        var agencies = [c.intakeAgency]
        var units: [String] = []
        for step in c.holderChain {
            if !agencies.contains(step.holder.agency) { agencies.append(step.holder.agency) }
            if let u = step.holder.unit {
                let key = step.holder.agency + sep + u
                if !units.contains(key) { units.append(key) }
            }
        }
        let h = c.holder
        let holderUnit = h.unit.map { h.agency + sep + $0 }
        let holderUnitHeld = holderUnit.map { units.contains($0) } ?? false
        var t: [String] = []
        if masked {
            if !c.confidential {
                t.append("pub")
                t += agencies.map { "ag:" + $0 }
                t += units.map { "uh:" + $0 }
            } else {
                t += c.ccUnits.map { "pubc:" + $0 }
                if agencies.contains(h.agency) { t.append("agh:" + h.agency) }
                for a in agencies { t += c.ccUnits.map { "agc:" + a + sep + $0 } }
                if holderUnitHeld, let hu = holderUnit { t.append("ucur:" + hu) }
            }
            t += c.ccUnits.map { "uc:" + $0 }
        } else if c.anonymous {
            // Only the intake agency's admins see an anonymous reporter.
            if !c.confidential || h.agency == c.intakeAgency {
                t.append("af:" + c.intakeAgency)
            } else {
                t += c.ccUnits.map { "afc:" + c.intakeAgency + sep + $0 }
            }
        } else {
            // A named reporter: the holding agency's admins and supervisors, the holding unit and
            // the units above it.
            if agencies.contains(h.agency) { t.append("nf:" + h.agency) }
            if holderUnitHeld, let hu = holderUnit { t.append("uf:" + hu) }
        }
        var out: [String] = []
        for k in t where !out.contains(k) { out.append(k) }
        return out.sorted()
    }
}
