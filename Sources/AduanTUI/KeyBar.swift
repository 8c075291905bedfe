import AduanCore

/// The bottom line's keys: what the transition table lets this operator do on the selected report
/// now, then the general keys (issue 11 item 14).
extension Desk {
    /// The keys that do something here: every action the transition table allows the operator on
    /// the selected report now, then the general keys as room allows (Help lists them). When the
    /// actions do not fit, the last ones lose their labels: no allowed key is hidden.
    func drawKeyBar(_ grid: inout Grid, y: Int, width: Int) {
        let t = ctx.t
        var actions: [(String, String)] = []
        if let c = selectedComplaintForBar() {
            for a in Workflow.availableActions(on: c, by: ctx.me, context: ctx.store.context) {
                guard let key = KeyMap.key(for: a) else { continue }
                if actions.contains(where: { $0.0 == key.description }) { continue }
                actions.append((key.description, shortActionName(a)))
            }
        }
        let general = [("/", t.text(.search).lowercased()), ("l", t.text(.filter).lowercased()), ("1-4", t.screen(.views)), ("Q", t.text(.quit))]
        func cells(_ items: [(String, String?)]) -> Int {
            items.map { DisplayWidth.of($0.0) + ($0.1.map { DisplayWidth.of($0) + 3 } ?? 2) }.reduce(0, +)
        }
        var items: [(String, String?)] = actions.map { ($0.0, $0.1) }
        var i = items.count - 1
        while cells(items) > width && i >= 0 {
            items[i].1 = nil
            i -= 1
        }
        for g in general {
            guard cells(items + [(g.0, g.1)]) <= width else { break }
            items.append((g.0, g.1))
        }
        var x = 0
        for (key, label) in items {
            let w = DisplayWidth.of(key) + (label.map { DisplayWidth.of($0) + 3 } ?? 2)
            if x + w > width { break }
            x = grid.put(key, x: x, y: y, style: .tabActive)
            x = grid.put(label.map { " " + $0 + "  " } ?? "  ", x: x, y: y, style: .normal)
        }
    }

    /// The selected report for the key bar, cached by id, version and reload (the bar is drawn every
    /// frame). The detail view has no list row to tell the version, so a reload alone renews it.
    func selectedComplaintForBar() -> Complaint? {
        guard let id = currentView.selectedID ?? (current == .detail ? detail.complaintID : nil) else { return nil }
        let version = (current == .inbox ? inbox.list.selectedRow?.version : nil)
        if let cache = barCache, cache.id == id, cache.generation == barGeneration, version == nil || cache.version == version {
            return cache.complaint
        }
        guard let c = try? ctx.store.complaint(id) else { return nil }
        barCache = (id, c.version, barGeneration, c)
        return c
    }

    func shortActionName(_ a: ActionKind) -> String { ctx.t.shortActionName(a) }
}
