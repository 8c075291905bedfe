/// Who a warning or an escalation step goes to.
public enum EscalationTarget: String, CaseIterable, Sendable, Hashable, Comparable {
    /// The handling unit itself (its liaison): a warning before the breach.
    case holder
    /// The supervisor (kepala dinas, inspektorat) of the holding unit.
    case supervisor
    /// The admin of the holding agency (admin instansi).
    case agencyAdmin = "agency-admin"
    /// Flagged for intervention from outside the agency (LAPOR! administrator, Ombudsman).
    case external

    /// Escalation level: 0 warning, 1 supervisor, 2 agency admin, 3 external.
    public var level: Int {
        switch self {
        case .holder: 0
        case .supervisor: 1
        case .agencyAdmin: 2
        case .external: 3
        }
    }

    public static func < (a: EscalationTarget, b: EscalationTarget) -> Bool { a.level < b.level }
}

/// One step after a breach: `afterWorkingDays` working days after the due day has ended, `to` is told.
public struct EscalationStep: Hashable, Sendable {
    public var afterWorkingDays: Int
    public var to: EscalationTarget

    public init(afterWorkingDays: Int, to: EscalationTarget) {
        self.afterWorkingDays = afterWorkingDays
        self.to = to
    }
}

/// The ladder of one timer: warnings at percentages of its time used, then steps after the breach.
public struct EscalationLadder: Hashable, Sendable {
    /// Percentages (1–99) of the timer's days; a warning at p% is due once the whole days passed
    /// since the timer started are at least p% of its days: after day ⌈days × p / 100⌉ has ended.
    public var warnAt: [Int]
    public var steps: [EscalationStep]

    public init(warnAt: [Int] = [50, 80], steps: [EscalationStep] = EscalationLadder.standardSteps) {
        self.warnAt = warnAt
        self.steps = steps
    }

    /// +0 working days: the unit's supervisor; +5: the agency admin.
    public static let standardSteps = [EscalationStep(afterWorkingDays: 0, to: .supervisor), EscalationStep(afterWorkingDays: 5, to: .agencyAdmin)]
}

/// The office's warnings and escalations (docs/DOMAIN.md, "Escalation"). Defaults: every timer an
/// operator works to warns at 50% and 80% and escalates to the supervisor when breached and to the
/// agency admin 5 working days later; 60 calendar days from receipt (Tunda days skipped) the report
/// is flagged for external intervention (UU 25/2009; the Ombudsman may take the case over).
public struct EscalationPolicy: Hashable, Sendable {
    public var ladders: [DeadlineKind: EscalationLadder]
    /// Calendar days from receipt after which a report still open is flagged external; nil: never.
    public var externalAfterDays: Int?

    public init(ladders: [DeadlineKind: EscalationLadder] = EscalationPolicy.standardLadders, externalAfterDays: Int? = 60) {
        self.ladders = ladders
        self.externalAfterDays = externalAfterDays
    }

    public static let standardLadders: [DeadlineKind: EscalationLadder] = [
        .verification: EscalationLadder(), .firstFollowUp: EscalationLadder(), .response: EscalationLadder(),
        // The 60-day cap's own breach is the external flag; it warns only.
        .resolution: EscalationLadder(steps: []),
    ]

    public static let standard = EscalationPolicy()

    /// Every warning or step due on `c` at `now` that it has not recorded yet, earliest first.
    /// Only running timers escalate (none in Tunda, Selesai or Arsip): a timer that stopped
    /// (the follow-up came) adds nothing more, and a timer that restarts has its own ladder.
    public func due(for c: Complaint, at now: Timestamp, deadlines: DeadlinePolicy, calendar: WorkingCalendar) -> [EscalationMark] {
        all(for: c, deadlines: deadlines, calendar: calendar).filter { $0.dueAt < now && !c.escalations.contains($0.key) }
    }

    /// When the earliest warning or step of `c` not recorded yet falls due; nil when none will
    /// while the report stays as it is (no running timer, or every mark recorded). Anything `due`
    /// would return at a time `t` falls due before `t` only if this is before `t`: a store keeps it
    /// beside the report so its sweep reads only the reports something is due on, not every open one.
    public func nextDue(for c: Complaint, deadlines: DeadlinePolicy, calendar: WorkingCalendar) -> Timestamp? {
        all(for: c, deadlines: deadlines, calendar: calendar).first { !c.escalations.contains($0.key) }?.dueAt
    }

    /// Every mark the running timers of `c` will reach, recorded or not, in order of when.
    public func all(for c: Complaint, deadlines: DeadlinePolicy, calendar: WorkingCalendar) -> [EscalationMark] {
        let timers = deadlines.activeTimers(for: c, calendar: calendar)
        guard !timers.isEmpty else { return [] }
        let paused = deadlines.pausedDays(c, calendar: calendar)
        var out: [EscalationMark] = []
        for t in timers {
            guard let ladder = ladders[t.kind] else { continue }
            for p in ladder.warnAt {
                let days = (t.rule.days * p + 99) / 100
                let at = t.rule.counting == .working
                    ? calendar.deadline(from: t.startedAt, workingDays: days, paused: paused)
                    : calendar.deadline(from: t.startedAt, calendarDays: days, paused: paused)
                out.append(EscalationMark(timer: t.kind, timerStart: t.startedAt, step: .warning(percent: p), dueAt: at, holder: c.holder))
            }
            for s in ladder.steps {
                let at = calendar.deadline(from: t.dueAt, workingDays: s.afterWorkingDays, paused: paused)
                out.append(EscalationMark(timer: t.kind, timerStart: t.startedAt, step: .breach(afterWorkingDays: s.afterWorkingDays, to: s.to),
                                          dueAt: at, holder: c.holder))
            }
        }
        if let n = externalAfterDays {
            let at = calendar.deadline(from: c.receivedAt, calendarDays: n, paused: paused)
            out.append(EscalationMark(timer: nil, timerStart: c.receivedAt, step: .breach(afterWorkingDays: n, to: .external), dueAt: at, holder: c.holder))
        }
        return out.sorted { ($0.dueAt, $0.key) < ($1.dueAt, $1.key) }
    }

    /// The highest escalation level recorded for the report's running timers (or the external
    /// flag), nil when none: what the Deadlines view groups by.
    public func level(of c: Complaint, deadlines: DeadlinePolicy, calendar: WorkingCalendar) -> EscalationTarget? {
        guard !c.escalations.isEmpty else { return nil }
        let running = Set(deadlines.activeTimers(for: c, calendar: calendar).map { EscalationMark.timerKey($0.kind, $0.startedAt) })
        var best: EscalationTarget?
        for key in c.escalations {
            guard let m = EscalationMark.Parsed(key: key) else { continue }
            guard m.target == .external || running.contains(m.timerKey) else { continue }
            if best == nil || m.target > best! { best = m.target }
        }
        return best
    }

    /// Changes whenever the ladder changes (the office diff and `show` name it).
    public var fingerprint: String {
        let ls = DeadlineKind.allCases.compactMap { k in
            ladders[k].map { l in "\(k.rawValue):" + l.warnAt.map(String.init).joined(separator: ",") + ";" + l.steps.map { "\($0.afterWorkingDays)\($0.to.rawValue)" }.joined(separator: ",") }
        }
        return ls.joined(separator: "|") + "|x\(externalAfterDays.map(String.init) ?? "-")"
    }
}

/// One warning or escalation step of one timer instance.
public struct EscalationMark: Hashable, Sendable {
    public enum Step: Hashable, Sendable {
        case warning(percent: Int)
        case breach(afterWorkingDays: Int, to: EscalationTarget)
    }

    /// nil for the external flag (it counts from receipt, not from a timer).
    public var timer: DeadlineKind?
    public var timerStart: Timestamp
    public var step: Step
    /// When it became true (the sweep that records it may come later).
    public var dueAt: Timestamp
    /// Who held the report then: the unit whose supervisor, the agency whose admin, is told.
    public var holder: Holder

    public init(timer: DeadlineKind?, timerStart: Timestamp, step: Step, dueAt: Timestamp, holder: Holder) {
        self.timer = timer
        self.timerStart = timerStart
        self.step = step
        self.dueAt = dueAt
        self.holder = holder
    }

    public var target: EscalationTarget {
        switch step {
        case .warning: .holder
        case .breach(_, let to): to
        }
    }

    static func timerKey(_ kind: DeadlineKind?, _ start: Timestamp) -> String { "\(kind?.rawValue ?? "external")@\(start.seconds)" }

    /// Names the timer instance and the step, e.g. `first-follow-up@1767225600/w50` or
    /// `first-follow-up@1767225600/+5:agency-admin`: recorded once per report.
    public var key: String {
        let s: String
        switch step {
        case .warning(let p): s = "w\(p)"
        case .breach(let d, let to): s = "+\(d):\(to.rawValue)"
        }
        return Self.timerKey(timer, timerStart) + "/" + s
    }

    /// A mark read back from its key (EventCodec).
    public init?(key: String, dueAt: Timestamp, holder: Holder) {
        guard let at = key.firstIndex(of: "@"), let slash = key.lastIndex(of: "/"), at < slash,
              let start = Int64(key[key.index(after: at)..<slash]) else { return nil }
        let name = String(key[..<at])
        if name == "external" { timer = nil } else {
            guard let k = DeadlineKind(rawValue: name) else { return nil }
            timer = k
        }
        let step = key[key.index(after: slash)...]
        if step.hasPrefix("w"), let p = Int(step.dropFirst()) {
            self.step = .warning(percent: p)
        } else if step.hasPrefix("+"), let colon = step.firstIndex(of: ":"), let d = Int(step[step.index(after: step.startIndex)..<colon]),
                  let to = EscalationTarget(rawValue: String(step[step.index(after: colon)...])) {
            self.step = .breach(afterWorkingDays: d, to: to)
        } else {
            return nil
        }
        timerStart = Timestamp(seconds: start)
        self.dueAt = dueAt
        self.holder = holder
        guard self.key == key else { return nil }
    }

    /// A recorded key read back (for grouping by level).
    struct Parsed {
        var timerKey: String
        var target: EscalationTarget
        init?(key: String) {
            guard let slash = key.lastIndex(of: "/") else { return nil }
            timerKey = String(key[..<slash])
            let step = key[key.index(after: slash)...]
            if step.hasPrefix("w") { target = .holder; return }
            guard let colon = step.firstIndex(of: ":"), let t = EscalationTarget(rawValue: String(step[step.index(after: colon)...])) else { return nil }
            target = t
        }
    }
}
