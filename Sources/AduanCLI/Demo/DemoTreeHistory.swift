import AduanCore

/// The unit tree in the demo's finished histories (issue 15): a report disposed to a unit with
/// sub-units was, in about half of the cases, passed down to a bidang, puskesmas or kelurahan
/// right after; a few came back up with a reason; and for most of the others the first follow-up
/// was drafted below and approved by the liaison (the nota dinas of LAPOR! practice). The steps
/// are inserted into the history and every later step is decided again by the workflow; when one
/// would no longer be legal the history is kept as it was, so the demo never holds an illegal one.
/// Open reports get theirs at the end (DemoHierarchy.swift), as before.
extension DemoGenerator {
    func withTreeSteps(_ events: [Event]) -> [Event] {
        // Cheap tests first (the demo stays fast): a finished, postponed or archived history, one in two.
        guard events.count > 2, let last = events.last, last.to != .belumDitindaklanjuti && last.to != .proses else { return events }
        var r = DemoRandom(seed: UInt64(bitPattern: events[0].at.seconds) &* 0xA24B_AED4_963E_E407 ^ UInt64(events.count) ^ 0x7EE)
        guard r.chance(0.5), events.contains(where: { $0.details.unit.map { !context.directory.children(of: $0).isEmpty } ?? false }),
              let final = Workflow.fold(events) else { return events }
        // The disposition to a unit with units below it.
        var c = Workflow.fold([events[0]])!
        var disposed: Int?
        for i in 1..<events.count {
            c = Workflow.evolve(c, events[i])
            if c.status == .belumDitindaklanjuti, let u = c.holder.unit, c.holder.agency == officeAgency,
               !context.directory.children(of: u).isEmpty, i + 1 < events.count {
                disposed = i
                break
            }
        }
        guard let i = disposed, let unit = c.holder.unit else { return events }
        let below = Array(context.directory.subtree(of: unit).dropFirst())
        guard !below.isEmpty else { return events }
        let target = r.element(below)
        let liaison = cast.liaison(unit), operatorBelow = cast.unitOperator(target)
        /// A moment strictly between two events (nil when they are too close).
        func between(_ a: Timestamp, _ b: Timestamp, _ share: Double) -> Timestamp? {
            let gap = b.seconds - a.seconds
            guard gap > 2 else { return nil }
            return a.adding(seconds: max(1, min(gap - 1, Int64(Double(gap) * share))))
        }
        // (index to insert before, commands) pairs; the first follow-up may be replaced.
        guard let passAt = between(events[i].at, events[i + 1].at, 0.2) else { return events }
        var inserted: [(before: Int, at: Timestamp, actor: Actor, command: Command)] = [
            (i + 1, passAt, liaison, Command(.passDown, ActionDetails(unit: target, reason: "Mohon ditindaklanjuti sesuai wilayah kerja."))),
        ]
        var replaced: Int?
        if r.chance(0.15) {
            if let back = between(passAt, events[i + 1].at, 0.5) {
                inserted.append((i + 1, back, operatorBelow, Command(.returnUp, ActionDetails(reason: r.element(Self.returnReasons)))))
            }
        } else if r.chance(0.6), let j = events.indices.first(where: { $0 > i && events[$0].kind == .followUp && events[$0].actor.role == .liaison }),
                  let text = events[j].details.text, let draftAt = between(j == i + 1 ? passAt : events[j - 1].at, events[j].at, 0.5) {
            // The first follow-up, drafted below and approved by the liaison who sent it.
            inserted.append((j, draftAt, operatorBelow, Command(.draft, ActionDetails(text: text, secret: events[j].details.secret))))
            inserted.append((j, events[j].at, events[j].actor, Command(.approve)))
            replaced = j
        }
        // Replay: the history's own steps, the new ones at their places, every step decided again.
        var out = Array(events[0...i])
        var state = c
        func add(_ command: Command, by actor: Actor, at: Timestamp) -> Bool {
            guard case .success(let e) = Workflow.decide(command, on: state, by: actor, at: at, context: context) else { return false }
            state = Workflow.evolve(state, e)
            out.append(e)
            return true
        }
        for k in (i + 1)..<events.count {
            for x in inserted where x.before == k {
                guard add(x.command, by: x.actor, at: x.at) else { return events }
            }
            if k == replaced { continue }
            let e = events[k]
            guard add(Command(e.kind, e.details), by: e.actor, at: e.at) else { return events }
        }
        // The same ending: status and closing as generated.
        guard state.status == final.status else { return events }
        return out
    }
}
