/// The units of an agency as a tree: agency → unit → sub-unit, as deep as the office file gives
/// (`units[].parent`). A unit without a parent sits directly under its agency, so a flat office
/// file is a tree of depth one. Every rule about "above" and "below" is decided here.
extension Directory {
    /// The unit directly above `unit`; nil when it sits under its agency (or is unknown).
    public func parent(of unit: String) -> String? {
        guard let p = self.unit(unit)?.parent, self.unit(p) != nil else { return nil }
        return p
    }

    /// The units above `unit`, nearest first (cycle-safe: a bad file cannot loop it).
    public func ancestors(of unit: String) -> [String] {
        var out: [String] = []
        var cur = parent(of: unit)
        while let p = cur, p != unit, !out.contains(p) {
            out.append(p)
            cur = parent(of: p)
        }
        return out
    }

    /// How many units lie above `unit` (0 for a unit directly under its agency).
    public func depth(of unit: String) -> Int { ancestors(of: unit).count }

    /// The units directly below `unit`, in directory order.
    public func children(of unit: String) -> [String] { childIndex[unit] ?? [] }

    /// `root` and every unit below it, root first, then depth-first in directory order.
    public func subtree(of root: String) -> [String] {
        var out: [String] = []
        var stack = [root]
        while let u = stack.popLast() {
            if out.contains(u) { continue }
            out.append(u)
            stack.append(contentsOf: children(of: u).reversed())
        }
        return out
    }

    /// Is `unit` strictly below `above` (one or more levels)?
    public func isBelow(_ unit: String, _ above: String) -> Bool { ancestors(of: unit).contains(above) }

    /// Is the holder `lower` strictly below the holder `upper` in one agency's tree? The agency
    /// itself (no unit) is above each of its units.
    public func isBelow(_ lower: Holder, _ upper: Holder) -> Bool {
        guard lower.agency == upper.agency, let lu = lower.unit, contains(unit: lu, in: lower.agency) else { return false }
        guard let uu = upper.unit else { return true }
        return isBelow(lu, uu)
    }

    /// The holder one level above `holder`: the parent unit, or the agency for a top unit; nil
    /// for the agency itself.
    public func holderAbove(_ holder: Holder) -> Holder? {
        guard let u = holder.unit else { return nil }
        return Holder(agency: holder.agency, unit: parent(of: u))
    }

    /// `actor` with the units below their unit as this directory draws them (liaisons and unit
    /// operators; anyone else unchanged).
    public func placing(_ actor: Actor) -> Actor {
        guard actor.role.isUnitRole, let u = actor.unit else { return actor }
        var a = actor
        a.unitsBelow = Array(subtree(of: u).dropFirst())
        return a
    }

    /// Does any unit have a parent (is this directory deeper than a flat list)?
    public var hasSubUnits: Bool { !childIndex.isEmpty }

    /// Every unit of `agency` with its depth, in tree order (parents before their children): for
    /// pickers that indent the tree.
    public func unitTree(of agency: String) -> [(unit: Unit, depth: Int)] {
        guard let a = self.agency(agency) else { return [] }
        var out: [(Unit, Int)] = []
        for top in a.units where parent(of: top.id) == nil {
            for id in subtree(of: top.id) { if let u = unit(id) { out.append((u, depth(of: id))) } }
        }
        return out
    }
}
