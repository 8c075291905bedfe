/// The office file's `deadlines.overrides` and `escalation` sections (issue 15 items 3 and 4).
///
///     "deadlines": {"overrides": [
///         {"category": "infrastruktur/jalan", "firstFollowUp": {"days": 14, "basis": "Perbup 12/2024"}},
///         {"priority": "high", "firstFollowUp": {"days": 2}}]},
///     "escalation": {
///         "firstFollowUp": {"warnAt": [50, 80], "steps": [{"afterWorkingDays": 0, "to": "supervisor"},
///                                                        {"afterWorkingDays": 5, "to": "agency-admin"}]},
///         "externalAfterDays": 60}
extension ConfigReader {
    static let timerKeys: [(String, DeadlineKind)] = [
        ("verification", .verification), ("firstFollowUp", .firstFollowUp), ("autoClose", .autoClose),
        ("resolution", .resolution), ("response", .response),
    ]

    func overridesSection(_ node: JSONNode, base: DeadlinePolicy) -> [DeadlineOverride] {
        guard let list = array(node, "deadlines.overrides") else { return [] }
        var out: [DeadlineOverride] = []
        for (i, item) in list.enumerated() {
            let p = "deadlines.overrides[\(i)]"
            guard let m = object(item, p, allowed: ["category", "priority"] + Self.timerKeys.map(\.0)) else { continue }
            let category = string(m["category"], p + ".category").map(Category.init)
            let priority = m["priority"].flatMap { choice($0, p + ".priority", Priority.allCases.map(\.rawValue), parse: Priority.parse) }
            if m["category"] == nil && m["priority"] == nil {
                fail(item, p, .overrideNeedsSubject)
            }
            var timers: [DeadlineKind: DeadlineRule] = [:]
            for (key, kind) in Self.timerKeys {
                guard let n = m[key], let r = object(n, "\(p).\(key)", allowed: ["days", "counting", "basis"]) else { continue }
                var rule = base.rule(kind)
                if r["days"] == nil { fail(n, "\(p).\(key).days", .overrideDaysMissing) }
                rule.days = int(r["days"], "\(p).\(key).days", range: 0...3650) ?? rule.days
                rule.counting = r["counting"].flatMap { choice($0, "\(p).\(key).counting", ["working", "calendar"]) { DayCounting(rawValue: $0) } } ?? rule.counting
                rule.basis = r["basis"].flatMap { string($0, "\(p).\(key).basis") } ?? "\(p)"
                timers[kind] = rule
            }
            if timers.isEmpty {
                fail(item, p, .overrideSetsNoTimer(known: Self.timerKeys.map(\.0)))
                continue
            }
            out.append(DeadlineOverride(category: category, priority: priority, timers: timers, source: p))
        }
        return out
    }

    func escalationSection(_ node: JSONNode) -> EscalationPolicy {
        var policy = EscalationPolicy.standard
        let keys = Self.timerKeys.filter { $0.1 != .autoClose }
        guard let m = object(node, "escalation", allowed: keys.map(\.0) + ["externalAfterDays"]) else { return policy }
        if let x = m["externalAfterDays"] {
            policy.externalAfterDays = x.isNull ? nil : int(x, "escalation.externalAfterDays", range: 1...3650)
        }
        for (key, kind) in keys {
            guard let n = m[key] else { continue }
            let p = "escalation." + key
            guard let l = object(n, p, allowed: ["warnAt", "steps"]) else { continue }
            var ladder = policy.ladders[kind] ?? EscalationLadder(warnAt: [], steps: [])
            if let list = array(l["warnAt"], p + ".warnAt") {
                ladder.warnAt = list.enumerated().compactMap { i, v in int(v, "\(p).warnAt[\(i)]", range: 1...99) }
                if Set(ladder.warnAt).count != ladder.warnAt.count { fail(l["warnAt"]!, p + ".warnAt", .percentTwice) }
            }
            if let list = array(l["steps"], p + ".steps") {
                var steps: [EscalationStep] = []
                for (i, s) in list.enumerated() {
                    let sp = "\(p).steps[\(i)]"
                    guard let sm = object(s, sp, allowed: ["afterWorkingDays", "to"]) else { continue }
                    if sm["afterWorkingDays"] == nil { fail(s, sp + ".afterWorkingDays", .stepDaysMissing) }
                    if sm["to"] == nil { fail(s, sp + ".to", .stepTargetMissing) }
                    let targets = [EscalationTarget.supervisor, .agencyAdmin, .external]
                    guard let days = int(sm["afterWorkingDays"], sp + ".afterWorkingDays", range: 0...3650),
                          let to = choice(sm["to"], sp + ".to", targets.map(\.rawValue), parse: { t in EscalationTarget(rawValue: t).flatMap { targets.contains($0) ? $0 : nil } })
                    else { continue }
                    if steps.contains(where: { $0.afterWorkingDays == days && $0.to == to }) { fail(s, sp, .stepTwice); continue }
                    steps.append(EscalationStep(afterWorkingDays: days, to: to))
                }
                ladder.steps = steps
            }
            policy.ladders[kind] = ladder
        }
        return policy
    }
}

extension ConfigReader {
    /// `"boilerplate": {"similarityPercent": 80, "earlierAnswers": 3}` (issue 15 item 5).
    func boilerplateSection(_ node: JSONNode) -> BoilerplatePolicy {
        var p = BoilerplatePolicy.standard
        guard let m = object(node, "boilerplate", allowed: ["similarityPercent", "earlierAnswers"]) else { return p }
        p.similarityPercent = int(m["similarityPercent"], "boilerplate.similarityPercent", range: 1...100) ?? p.similarityPercent
        p.earlierAnswers = int(m["earlierAnswers"], "boilerplate.earlierAnswers", range: 0...1000) ?? p.earlierAnswers
        return p
    }
}
