/// The office file's unit tree and disposition settings (issue 15 items 1 and 2):
///
/// - `agencies[].units[].parent`: the unit above (same agency); a unit without one sits under its
///   agency, so flat files stay valid.
/// - `agencies[].approvalRequired`: the agency's follow-ups are drafted and approved (default false).
/// - `hierarchy.passDownTimer`: `"keep"` (default) or `"reset"`: whether a pass down the tree
///   restarts the first-follow-up timer.
extension ConfigReader {
    func hierarchySection(_ node: JSONNode, into policy: inout WorkflowPolicy) {
        guard let m = object(node, "hierarchy", allowed: ["passDownTimer"]) else { return }
        if let t = m["passDownTimer"] {
            policy.passDownResetsTimer = choice(t, "hierarchy.passDownTimer", ["keep", "reset"]) { s -> Bool? in
                switch s.lowercased() {
                case "keep", "tetap": false
                case "reset", "ulang", "restart": true
                default: nil
                }
            } ?? policy.passDownResetsTimer
        }
    }

    /// Every parent names a unit of the same agency, and no unit is its own ancestor.
    func checkUnitTree(_ units: [Unit], agency: String, nodes: [JSONNode], path: String) {
        let ids = Set(units.map(\.id))
        var parentOf: [String: String] = [:]
        for (j, u) in units.enumerated() {
            guard let p = u.parent else { continue }
            let node = j < nodes.count ? (nodes[j]["parent"] ?? nodes[j]) : JSONNode(.null)
            let key = "\(path).units[\(j)].parent"
            if p == u.id {
                fail(node, key, .ownParent)
            } else if !ids.contains(p) {
                fail(node, key, .parentNotInAgency(parent: p, agency: agency))
            } else {
                parentOf[u.id] = p
            }
        }
        for (j, u) in units.enumerated() {
            var seen: Set<String> = [u.id]
            var cur = parentOf[u.id]
            while let p = cur {
                if seen.contains(p) {
                    let node = j < nodes.count ? (nodes[j]["parent"] ?? nodes[j]) : JSONNode(.null)
                    fail(node, "\(path).units[\(j)].parent", .parentLoop(unit: u.id))
                    break
                }
                seen.insert(p)
                cur = parentOf[p]
            }
        }
    }
}
