/// The service-level timers of SP4N-LAPOR!.
public enum DeadlineKind: String, CaseIterable, Sendable, Hashable {
    /// Admin verifies a new report.
    case verification
    /// The holding unit posts its first follow-up after a disposition.
    case firstFollowUp = "first-follow-up"
    /// The report closes itself when the reporter has not answered the last follow-up.
    case autoClose = "auto-close"
    /// The outer cap from receipt to a finished report.
    case resolution
    /// The unit answers a reporter's reply or objection (Aduan's own practice; no regulation sets it).
    case response
}

extension DeadlineKind {
    /// Whether the timer is an operator's work. Only these are ever "due soon": the auto-close is
    /// the system's own timer (it closes the report itself), so no operator has to act on it.
    public var isOperatorWork: Bool { self != .autoClose }

    /// The kinds that can be due soon, for stores that render the rule in SQL.
    public static let operatorWork: [DeadlineKind] = allCases.filter(\.isOperatorWork)
}

/// Whether a timer counts working days (hari kerja) or calendar days.
public enum DayCounting: String, Sendable, Hashable, CaseIterable {
    case working
    case calendar
}

/// One SLA number with where it comes from, so an office can update it when the regulation changes.
public struct DeadlineRule: Hashable, Sendable {
    public var days: Int
    public var counting: DayCounting
    /// The regulation or decision the number comes from.
    public var basis: String

    public init(days: Int, counting: DayCounting, basis: String) {
        self.days = days
        self.counting = counting
        self.basis = basis
    }
}

/// The SLA numbers in force. Defaults follow docs/DOMAIN.md; every one is configurable because
/// Permen PANRB 5/2025 may change them.
public struct DeadlinePolicy: Hashable, Sendable {
    public var verification: DeadlineRule
    public var firstFollowUp: DeadlineRule
    public var autoClose: DeadlineRule
    public var resolution: DeadlineRule
    public var response: DeadlineRule
    /// A deadline within this many working days (today counts as 0) is "due soon".
    public var dueSoonWorkingDays: Int
    /// Timers set for a category subtree and/or a priority (DeadlineOverrides.swift).
    public var overrides: [DeadlineOverride]

    public init(verification: DeadlineRule = DeadlineRule(days: 3, counting: .working, basis: "Permen PANRB 62/2018 (verifikasi oleh admin), diganti Permen PANRB 5/2025"),
                firstFollowUp: DeadlineRule = DeadlineRule(days: 5, counting: .working, basis: "Permen PANRB 62/2018 (tindak lanjut pertama sejak disposisi), diganti Permen PANRB 5/2025"),
                autoClose: DeadlineRule = DeadlineRule(days: 10, counting: .working, basis: "Permen PANRB 62/2018 (selesai otomatis tanpa tanggapan pelapor)"),
                resolution: DeadlineRule = DeadlineRule(days: 60, counting: .calendar, basis: "Perpres 76/2013 dan UU 25/2009 (penyelesaian paling lama 60 hari)"),
                response: DeadlineRule = DeadlineRule(days: 5, counting: .working, basis: "Praktik Aduan: tanggapan atas balasan atau keberatan pelapor, mengikuti batas tindak lanjut"),
                dueSoonWorkingDays: Int = 1, overrides: [DeadlineOverride] = []) {
        self.overrides = overrides
        self.verification = verification
        self.firstFollowUp = firstFollowUp
        self.autoClose = autoClose
        self.resolution = resolution
        self.response = response
        self.dueSoonWorkingDays = dueSoonWorkingDays
    }

    public static let standard = DeadlinePolicy()

    public func rule(_ kind: DeadlineKind) -> DeadlineRule {
        switch kind {
        case .verification: verification
        case .firstFollowUp: firstFollowUp
        case .autoClose: autoClose
        case .resolution: resolution
        case .response: response
        }
    }

    /// Changes whenever a setting that moves a stored deadline changes.
    public var fingerprint: String {
        let base = [verification, firstFollowUp, autoClose, resolution, response].map { "\($0.days)\($0.counting.rawValue.prefix(1))" }.joined(separator: "-")
        // Without overrides the fingerprint is what it always was (stores are not recomputed for nothing).
        return overrides.isEmpty ? base : base + "/o" + overrides.map(\.fingerprint).joined(separator: ";")
    }
}

/// One running (or historical) timer of a report.
public struct Deadline: Hashable, Sendable {
    public var kind: DeadlineKind
    public var startedAt: Timestamp
    public var dueAt: Timestamp
    public var rule: DeadlineRule
    /// Where the rule came from: the office's default or one of its overrides.
    public var origin: RuleOrigin

    public init(kind: DeadlineKind, startedAt: Timestamp, dueAt: Timestamp, rule: DeadlineRule, origin: RuleOrigin = .standard) {
        self.kind = kind
        self.startedAt = startedAt
        self.dueAt = dueAt
        self.rule = rule
        self.origin = origin
    }
}

/// How a deadline stands at a given moment.
public enum DeadlineState: String, Sendable, Hashable, CaseIterable, Comparable {
    case onTime = "on-time"
    case dueSoon = "due-soon"
    case overdue

    public static func < (a: DeadlineState, b: DeadlineState) -> Bool {
        let order: [DeadlineState: Int] = [.onTime: 0, .dueSoon: 1, .overdue: 2]
        return order[a]! < order[b]!
    }
}

/// A deadline read at a moment: what the countdown shows.
public struct DeadlineReading: Hashable, Sendable {
    public var deadline: Deadline
    public var state: DeadlineState
    /// Negative once overdue.
    public var secondsLeft: Int64
    /// Working days after today up to the due day (0 = due today). 0 when overdue.
    public var workingDaysLeft: Int
    /// Working days after the due day up to today. 0 unless overdue.
    public var workingDaysOverdue: Int
    /// Calendar days after the due day up to today. 0 unless overdue.
    public var daysOverdue: Int
}

extension DeadlinePolicy {
    /// Tunda spans of a report as local day ranges (an open pause runs to `openUntil`).
    func pausedDays(_ c: Complaint, calendar: WorkingCalendar, openUntil: Timestamp? = nil) -> [DayRange] {
        var ranges = c.pauses.map {
            DayRange(first: calendar.zone.dayNumber(of: $0.from), last: calendar.zone.dayNumber(of: $0.to))
        }
        if let open = c.pausedAt, let until = openUntil {
            ranges.append(DayRange(first: calendar.zone.dayNumber(of: open), last: calendar.zone.dayNumber(of: until)))
        }
        return ranges
    }

    /// The timer of `kind` started at `start`, with the report's Tunda days skipped, under the rule
    /// for `c`'s category and priority (the office's default when `c` is nil or nothing overrides it).
    public func deadline(_ kind: DeadlineKind, from start: Timestamp, paused: [DayRange], calendar: WorkingCalendar,
                         for c: Complaint? = nil) -> Deadline {
        let (r, origin) = c.map { rule(kind, category: $0.category, priority: $0.priority) } ?? (rule(kind), .standard)
        let due: Timestamp
        switch r.counting {
        case .working: due = calendar.deadline(from: start, workingDays: r.days, paused: paused)
        case .calendar: due = calendar.deadline(from: start, calendarDays: r.days, paused: paused)
        }
        return Deadline(kind: kind, startedAt: start, dueAt: due, rule: r, origin: origin)
    }

    /// Every timer that currently runs on the report, the most urgent first.
    /// Empty while in Tunda (the clock stands still) and once Selesai or Arsip.
    public func activeTimers(for c: Complaint, calendar: WorkingCalendar) -> [Deadline] {
        let paused = pausedDays(c, calendar: calendar)
        var timers: [Deadline] = []
        switch c.status {
        case .belumTerverifikasi:
            // A forward to another agency restarts its verification clock.
            timers.append(deadline(.verification, from: c.dispositionAt ?? c.receivedAt, paused: paused, calendar: calendar, for: c))
        case .belumDitindaklanjuti:
            timers.append(deadline(.firstFollowUp, from: c.dispositionAt ?? c.receivedAt, paused: paused, calendar: calendar, for: c))
        case .proses:
            if c.awaitingReporter, let last = c.lastOfficeWordAt {
                timers.append(deadline(.autoClose, from: last, paused: paused, calendar: calendar, for: c))
            } else if let reply = c.lastReplyAt {
                // The reporter answered or objected: the unit owes a response.
                timers.append(deadline(.response, from: reply, paused: paused, calendar: calendar, for: c))
            }
        case .tunda, .selesai, .arsip:
            return []
        }
        timers.append(deadline(.resolution, from: c.receivedAt, paused: paused, calendar: calendar, for: c))
        return timers.sorted { ($0.dueAt, $0.kind.rawValue) < ($1.dueAt, $1.kind.rawValue) }
    }

    /// When the report closes itself if the reporter stays silent (10 working days after the last
    /// follow-up or the office's last message to the reporter, whichever is later), or nil when
    /// that timer does not run.
    public func autoClose(for c: Complaint, calendar: WorkingCalendar) -> Deadline? {
        guard c.status == .proses, c.awaitingReporter, let last = c.lastOfficeWordAt else { return nil }
        return deadline(.autoClose, from: last, paused: pausedDays(c, calendar: calendar), calendar: calendar, for: c)
    }

    /// The deadline the inbox shows and sorts by: the earliest running timer, or nil.
    public func running(for c: Complaint, calendar: WorkingCalendar) -> Deadline? {
        activeTimers(for: c, calendar: calendar).first
    }

    /// The first-follow-up deadline of the first disposition, kept after re-dispositions reset the timer.
    public func originalFirstFollowUp(for c: Complaint, calendar: WorkingCalendar) -> Deadline? {
        guard let first = c.firstDispositionAt else { return nil }
        return deadline(.firstFollowUp, from: first, paused: pausedDays(c, calendar: calendar), calendar: calendar, for: c)
    }

    /// The timestamp up to which a deadline is "due soon" when read at `now`: the end of the
    /// Nth working day after today. Stores use it to express due-soon as a range query.
    public func dueSoonCutoff(now: Timestamp, calendar: WorkingCalendar) -> Timestamp {
        let today = calendar.zone.dayNumber(of: now)
        var day = today
        var remaining = dueSoonWorkingDays
        while remaining > 0 {
            day += 1
            if calendar.isWorkingDay(day) { remaining -= 1 }
        }
        return calendar.zone.endOfDay(dayNumber: day)
    }

    /// How a deadline of `kind` due at `dueAt` stands at `now`, given the due-soon `cutoff`
    /// (`dueSoonCutoff(now:calendar:)`): overdue once passed; due soon only for an operator's work.
    public func state(dueAt: Timestamp, kind: DeadlineKind, now: Timestamp, cutoff: Timestamp) -> DeadlineState {
        if dueAt < now { return .overdue }
        return dueAt <= cutoff && kind.isOperatorWork ? .dueSoon : .onTime
    }

    /// How `deadline` stands at `now`.
    public func read(_ deadline: Deadline, now: Timestamp, calendar: WorkingCalendar) -> DeadlineReading {
        let today = calendar.zone.dayNumber(of: now)
        let dueDay = calendar.zone.dayNumber(of: deadline.dueAt)
        let secondsLeft = deadline.dueAt.seconds - now.seconds
        if secondsLeft < 0 {
            return DeadlineReading(deadline: deadline, state: .overdue, secondsLeft: secondsLeft, workingDaysLeft: 0,
                                   workingDaysOverdue: calendar.workingDays(after: dueDay, through: today),
                                   daysOverdue: max(0, today - dueDay))
        }
        let left = calendar.workingDays(after: today, through: dueDay)
        let state = self.state(dueAt: deadline.dueAt, kind: deadline.kind, now: now, cutoff: dueSoonCutoff(now: now, calendar: calendar))
        return DeadlineReading(deadline: deadline, state: state, secondsLeft: secondsLeft, workingDaysLeft: left,
                               workingDaysOverdue: 0, daysOverdue: 0)
    }

    /// The years a timer started at `now` may reach (up to the longest rule) that the calendar has
    /// no holidays for: the screen warns about them once at open.
    public func unknownHolidayYears(now: Timestamp, calendar: WorkingCalendar) -> [Int] {
        let furthest = DeadlineKind.allCases.map { deadline($0, from: now, paused: [], calendar: calendar).dueAt }.max() ?? now
        return calendar.unknownYears(fromDay: calendar.zone.dayNumber(of: now), throughDay: calendar.zone.dayNumber(of: furthest))
    }

    /// The running deadline read at `now`, or nil when no clock runs.
    public func reading(for c: Complaint, now: Timestamp, calendar: WorkingCalendar) -> DeadlineReading? {
        running(for: c, calendar: calendar).map { read($0, now: now, calendar: calendar) }
    }
}
