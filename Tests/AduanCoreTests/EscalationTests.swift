import Testing
import AduanCore

// Issue 15 items 3, 4 and 6: the escalation ladder, SLA overrides per category and priority,
// and auto-close counted from the office's last word to the reporter.
//
// The calendar here has no holidays (Mon–Fri, WIB) so the working days can be counted by hand:
// in November 2026, Mon 2, Tue 3, … Fri 6, Mon 9 … are working days.

private let directory = Directory(agencies: [
    Agency(id: "pemkab", name: "Pemerintah Kabupaten Sukamaju", units: [
        Unit(id: "dinkes", name: "Dinas Kesehatan"),
        Unit(id: "pupr", name: "Dinas PUPR"),
    ]),
])
private let admin = Actor(id: "admin", name: "Siti", role: .admin, agency: "pemkab")
private let liaison = Actor(id: "tl-dinkes", name: "Andi", role: .liaison, agency: "pemkab", unit: "dinkes")
private let plain = WorkingCalendar(zone: .wib, holidays: [])
private let baseContext = WorkflowContext(directory: directory, calendar: plain)

private func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
private func civilDay(_ y: Int, _ m: Int, _ d: Int) -> Int {
    var n = 0
    for year in 1970..<y { n += isLeapYear(year) ? 366 : 365 }
    let lengths = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    for month in 1..<m { n += lengths[month - 1] }
    return n + d - 1
}
/// A wall-clock time in WIB (+07:00).
private func wib(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Timestamp {
    Timestamp(seconds: Int64(civilDay(y, m, d)) * 86_400 + Int64(h * 3600 + mi * 60 + s) - 7 * 3600)
}
/// The last second of a WIB day: where a day-counted deadline ends.
private func endOf(_ y: Int, _ m: Int, _ d: Int) -> Timestamp { wib(y, m, d, 23, 59, 59) }

private struct Story {
    var context: WorkflowContext
    var complaint: Complaint?
    var events: [Event] = []

    init(context: WorkflowContext = baseContext) { self.context = context }

    mutating func act(_ kind: ActionKind, _ details: ActionDetails = ActionDetails(), by actor: Actor, at t: Timestamp) throws {
        let event = try Workflow.decide(Command(kind, details), on: complaint, by: actor, at: t, context: context, newID: 1).get()
        events.append(event)
        complaint = Workflow.evolve(complaint, event)
    }

    func attempt(_ kind: ActionKind, _ details: ActionDetails = ActionDetails(), by actor: Actor, at t: Timestamp) -> Result<Event, Refusal> {
        Workflow.decide(Command(kind, details), on: complaint, by: actor, at: t, context: context, newID: 1)
    }

    var c: Complaint { complaint! }
    func due(at now: Timestamp) -> [EscalationMark] {
        context.escalation.due(for: c, at: now, deadlines: context.deadlines, calendar: context.calendar)
    }
    /// What a sweep at `now` records: every due mark, once, in order.
    mutating func sweep(at now: Timestamp) throws -> [String] {
        var keys: [String] = []
        for m in due(at: now) {
            try act(.escalate, ActionDetails(escalation: m), by: .system, at: now)
            keys.append(m.key)
        }
        return keys
    }
}

private func received(at t: Timestamp, category: String = "kesehatan", priority: Priority = .normal,
                      context ctx: WorkflowContext = baseContext) throws -> Story {
    var s = Story(context: ctx)
    try s.act(.receive, ActionDetails(intake: Intake(title: "Jalan berlubang", body: "Lubang besar di jalan desa.",
                                                     category: Category(category), priority: priority)), by: admin, at: t)
    return s
}

/// Received Mon 2 Nov 2026 09:00, disposed to Dinkes Tue 3 Nov 10:00: first follow-up due end of
/// Tue 10 Nov (Wed 4, Thu 5, Fri 6, Mon 9, Tue 10).
private func disposed(context ctx: WorkflowContext = baseContext) throws -> Story {
    var s = try received(at: wib(2026, 11, 2, 9), context: ctx)
    try s.act(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: false, confidential: false)), by: admin, at: wib(2026, 11, 3, 10))
    return s
}

private func firstFollowUpKeys(_ marks: [EscalationMark]) -> [String] {
    marks.filter { $0.timer == .firstFollowUp }.map { m in
        switch m.step {
        case .warning(let p): "w\(p)"
        case .breach(let d, let to): "+\(d):\(to.rawValue)"
        }
    }
}

@Suite("Escalation ladder")
struct EscalationLadderTests {
    @Test func warningsFallAfterTheCeilingOfThePercentageOfWorkingDays() throws {
        let s = try disposed()
        // 50% of 5 days: after day 3 (Fri 6 Nov) has ended; 80%: after day 4 (Mon 9 Nov).
        #expect(firstFollowUpKeys(s.due(at: endOf(2026, 11, 6))) == [])
        #expect(firstFollowUpKeys(s.due(at: wib(2026, 11, 7))) == ["w50"])
        #expect(firstFollowUpKeys(s.due(at: endOf(2026, 11, 9))) == ["w50"])
        #expect(firstFollowUpKeys(s.due(at: wib(2026, 11, 10))) == ["w50", "w80"])
    }

    @Test func breachStepsFallAfterTheDueDayAndFiveWorkingDaysLater() throws {
        let s = try disposed()
        #expect(firstFollowUpKeys(s.due(at: endOf(2026, 11, 10))) == ["w50", "w80"])
        #expect(firstFollowUpKeys(s.due(at: wib(2026, 11, 11))) == ["w50", "w80", "+0:supervisor"])
        // +5 working days after Tue 10: Wed 11, Thu 12, Fri 13, Mon 16, Tue 17.
        #expect(firstFollowUpKeys(s.due(at: endOf(2026, 11, 17))) == ["w50", "w80", "+0:supervisor"])
        #expect(firstFollowUpKeys(s.due(at: wib(2026, 11, 18))) == ["w50", "w80", "+0:supervisor", "+5:agency-admin"])
    }

    @Test func eachLevelIsRecordedExactlyOnceHoweverOftenTheSweepRuns() throws {
        var s = try disposed()
        #expect(try s.sweep(at: wib(2026, 11, 7, 8)).count == 1)
        #expect(try s.sweep(at: wib(2026, 11, 7, 9)).isEmpty)
        #expect(try s.sweep(at: wib(2026, 11, 11, 8)).count == 2)
        #expect(try s.sweep(at: wib(2026, 11, 11, 9)).isEmpty)
        #expect(try s.sweep(at: wib(2026, 11, 18, 8)).count == 1)
        #expect(try s.sweep(at: wib(2026, 11, 18, 9)).isEmpty)
        #expect(s.c.escalations.count == 4)
        #expect(s.c.status == .belumDitindaklanjuti)
        // Replaying the history gives the same state; a duplicate event is refused in replay too.
        #expect(try Workflow.replay(s.events, context: s.context).get() == s.c)
        var twice = s.events
        var dup = twice.last!
        dup.version += 1
        dup.at = wib(2026, 11, 18, 10)
        twice.append(dup)
        guard case .failure(.refused(_, .escalationRecorded)) = Workflow.replay(twice, context: s.context) else {
            Issue.record("a second record of the same level must be refused")
            return
        }
    }

    @Test func theNextDueTimeSaysWhenTheSweepHasSomethingToRecord() throws {
        var s = try disposed()
        func next() -> Timestamp? { s.context.escalation.nextDue(for: s.c, deadlines: s.context.deadlines, calendar: s.context.calendar) }
        // Before any sweep: the first follow-up's 50% warning, after Fri 6 Nov has ended.
        #expect(next().map { $0 >= endOf(2026, 11, 6) && $0 < wib(2026, 11, 7) } == true)
        // At every hour of three weeks, whatever has been swept: something is due exactly when the next time has passed.
        var t = wib(2026, 11, 3, 11)
        while t < wib(2026, 11, 25) {
            let due = !s.due(at: t).isEmpty
            #expect(due == (next().map { $0 < t } ?? false), "at \(t.seconds): due \(due), next \(String(describing: next()?.seconds))")
            if t.seconds % (86_400 * 2) == 0 { _ = try s.sweep(at: t) }
            t = t.adding(seconds: 3600)
        }
        _ = try s.sweep(at: t)
        // The external flag (60 days from receipt) is the last mark; a follow-up stops the timers' ladders.
        #expect(next().map { $0 > t } == true)
        try s.act(.followUp, ActionDetails(text: "Sudah ditangani."), by: liaison, at: t)
        #expect(s.due(at: wib(2027, 6, 1)).isEmpty == (next() == nil))
    }

    @Test func aStepRecordedTwiceIsRefusedAndOneNotDueIsRefused() throws {
        var s = try disposed()
        let early = s.context.escalation.all(for: s.c, deadlines: s.context.deadlines, calendar: s.context.calendar)
            .first { $0.timer == .firstFollowUp && $0.target == .agencyAdmin }!
        guard case .failure(.escalationNotDue(let key)) = s.attempt(.escalate, ActionDetails(escalation: early), by: .system, at: wib(2026, 11, 11)) else {
            Issue.record("an escalation before it is due must be refused"); return
        }
        #expect(key == early.key)
        let w50 = s.due(at: wib(2026, 11, 9)).first!
        try s.act(.escalate, ActionDetails(escalation: w50), by: .system, at: wib(2026, 11, 9))
        guard case .failure(.escalationRecorded) = s.attempt(.escalate, ActionDetails(escalation: w50), by: .system, at: wib(2026, 11, 9, 1)) else {
            Issue.record("a second record must be refused"); return
        }
        // Operators never escalate by hand: it is the program's record.
        guard case .failure(.notYourRole) = s.attempt(.escalate, ActionDetails(escalation: w50), by: admin, at: wib(2026, 11, 9, 1)) else {
            Issue.record("an admin may not record an escalation"); return
        }
    }

    @Test func theRecordedStepNamesWhenItBecameDueAndTheHolder() throws {
        var s = try disposed()
        _ = try s.sweep(at: wib(2026, 11, 20, 9))
        let steps = s.events.compactMap(\.details.escalation)
        let supervisor = steps.first { $0.target == .supervisor }!
        #expect(supervisor.dueAt == endOf(2026, 11, 10))
        #expect(supervisor.holder == Holder(agency: "pemkab", unit: "dinkes"))
        #expect(s.events.last!.at == wib(2026, 11, 20, 9))
        let line = EnglishStrings().escalationSummary(supervisor, names: directory)
        #expect(line == "Escalated to the unit's supervisor: first follow-up overdue +0 working days (Dinas Kesehatan)")
        #expect(IndonesianStrings().escalationSummary(supervisor, names: directory).contains("atasan unit"))
    }

    @Test func aFollowUpStopsTheLadderAndARedispositionStartsANewOne() throws {
        var s = try disposed()
        _ = try s.sweep(at: wib(2026, 11, 11, 8))
        #expect(s.context.escalation.level(of: s.c, deadlines: s.context.deadlines, calendar: s.context.calendar) == .supervisor)
        try s.act(.redispose, ActionDetails(unit: "pupr", reason: "bukan kewenangan dinkes"), by: admin, at: wib(2026, 11, 11, 9))
        // A new first-follow-up timer (from Wed 11 Nov): the old steps are history, the new ladder starts afresh.
        #expect(s.context.escalation.level(of: s.c, deadlines: s.context.deadlines, calendar: s.context.calendar) == nil)
        // From Wed 11 Nov: day 3 is Mon 16 Nov.
        #expect(firstFollowUpKeys(s.due(at: endOf(2026, 11, 16))) == [])
        #expect(firstFollowUpKeys(s.due(at: wib(2026, 11, 17))) == ["w50"])
        try s.act(.followUp, ActionDetails(text: "Sedang ditangani."), by: admin, at: wib(2026, 11, 12, 9))
        #expect(firstFollowUpKeys(s.due(at: wib(2026, 12, 30))) == [])
    }

    @Test func noLadderRunsInTundaOrOnceFinished() throws {
        var s = try received(at: wib(2026, 11, 2, 9))
        try s.act(.postpone, ActionDetails(reason: "menunggu klarifikasi"), by: admin, at: wib(2026, 11, 2, 10))
        #expect(s.due(at: wib(2027, 6, 1)).isEmpty)
        var a = try received(at: wib(2026, 11, 2, 9))
        try a.act(.archive, ActionDetails(archiveReason: .spam), by: admin, at: wib(2026, 11, 2, 10))
        #expect(a.due(at: wib(2027, 6, 1)).isEmpty)
    }

    @Test func sixtyCalendarDaysFromReceiptFlagsExternalIntervention() throws {
        let s = try disposed()
        // Received Mon 2 Nov: day 60 is Fri 1 Jan 2027.
        #expect(!s.due(at: endOf(2027, 1, 1)).contains { $0.target == .external })
        let flagged = s.due(at: wib(2027, 1, 2)).filter { $0.target == .external }
        #expect(flagged.count == 1)
        #expect(flagged.first?.timer == nil)
        var off = baseContext
        off.escalation.externalAfterDays = nil
        #expect(try !disposed(context: off).due(at: wib(2027, 3, 1)).contains { $0.target == .external })
    }

    @Test func theResolutionCapWarnsAtCalendarDayPercentages() throws {
        let s = try disposed()
        // 50% of 60 calendar days = day 30 from Mon 2 Nov: Wed 2 Dec.
        let r = { (t: Timestamp) in s.due(at: t).filter { $0.timer == .resolution }.count }
        #expect(r(endOf(2026, 12, 2)) == 0)
        #expect(r(wib(2026, 12, 3)) == 1)
    }

    @Test func keysReadBackFromTheirText() throws {
        let s = try disposed()
        for m in s.context.escalation.all(for: s.c, deadlines: s.context.deadlines, calendar: s.context.calendar) {
            #expect(EscalationMark(key: m.key, dueAt: m.dueAt, holder: m.holder) == m)
        }
        #expect(EscalationMark(key: "first-follow-up@12/+x:boss", dueAt: Timestamp(seconds: 0), holder: Holder(agency: "a")) == nil)
        #expect(EscalationMark(key: "nonsense", dueAt: Timestamp(seconds: 0), holder: Holder(agency: "a")) == nil)
    }

    @Test func escalationEventsRoundTripThroughTheCodecAndAreNeverPublic() throws {
        var s = try disposed()
        _ = try s.sweep(at: wib(2026, 11, 11, 8))
        let e = s.events.last!
        #expect(e.kind == .escalate)
        let back = EventCodec.decodeStored(complaint: 1, version: e.version, at: e.at.seconds, kind: e.kind.rawValue,
                                           body: String(decoding: EventCodec.storedBody(e), as: UTF8.self))
        #expect(back?.details.escalation == e.details.escalation)
        #expect(!Privacy.isPublishable(e))
        #expect(e.isInternal)
    }
}

@Suite("Escalation settings in the office file")
struct EscalationConfigTests {
    static let base = """
    {"office": {"name": "X", "agency": "pemkab"},
     "agencies": [{"id": "pemkab", "name": "Pemkab", "units": [{"id": "dinkes", "name": "Dinkes"}]}]
    """

    @Test func aLadderAndTheExternalFlagAreRead() throws {
        let c = try OfficeConfig.parse(Self.base + """
        , "escalation": {"firstFollowUp": {"warnAt": [75], "steps": [{"afterWorkingDays": 2, "to": "agency-admin"}]},
                         "externalAfterDays": null}}
        """, file: "office.json").get()
        #expect(c.escalation.ladders[.firstFollowUp] == EscalationLadder(warnAt: [75], steps: [EscalationStep(afterWorkingDays: 2, to: .agencyAdmin)]))
        #expect(c.escalation.ladders[.verification] == EscalationLadder())
        #expect(c.escalation.externalAfterDays == nil)
        #expect(c.context.escalation == c.escalation)
    }

    @Test func badLadderEntriesAreNamedWithTheirKeyAndLine() {
        let r = OfficeConfig.parse(Self.base + """
        ,
         "escalation": {"firstFollowUp": {"warnAt": [150], "steps": [{"afterWorkingDays": 1, "to": "boss"}]},
                        "autoClose": {}}}
        """, file: "office.json")
        guard case .failure(let e) = r else { Issue.record("must be refused"); return }
        let text = e.all.map(\.description).joined(separator: "\n")
        #expect(text.contains("office.json:3: escalation.firstFollowUp.warnAt[0]: expected a whole number from 1 to 99, found 150"))
        #expect(text.contains("escalation.firstFollowUp.steps[0].to: expected one of supervisor, agency-admin, external, found \"boss\""))
        #expect(text.contains("escalation.autoClose: unknown key"))
    }
}

@Suite("SLA per category and priority")
struct DeadlineOverrideTests {
    static let office = EscalationConfigTests.base + """
    , "deadlines": {"overrides": [
        {"category": "infrastruktur", "firstFollowUp": {"days": 10}},
        {"category": "infrastruktur/jalan", "firstFollowUp": {"days": 14, "basis": "Perbup 12/2024"}},
        {"priority": "high", "firstFollowUp": {"days": 2}, "verification": {"days": 1}},
        {"category": "infrastruktur/jalan", "priority": "high", "firstFollowUp": {"days": 7}}]}}
    """

    func context() throws -> WorkflowContext {
        var ctx = try OfficeConfig.parse(Self.office, file: "office.json").get().context
        ctx.calendar = plain
        return ctx
    }

    @Test func theMostSpecificOverrideWinsAndNamesItsSource() throws {
        let p = try context().deadlines
        let road = p.rule(.firstFollowUp, category: Category("infrastruktur/jalan/desa"), priority: .normal)
        #expect(road.0.days == 14)
        #expect(road.0.basis == "Perbup 12/2024")
        guard case .override(let o) = road.1 else { Issue.record("an override applies"); return }
        #expect(o.source == "deadlines.overrides[1]")
        #expect(p.rule(.firstFollowUp, category: Category("infrastruktur/jembatan"), priority: .normal).0.days == 10)
        #expect(p.rule(.firstFollowUp, category: Category("infrastrukturx"), priority: .normal).0.days == 5)
        #expect(p.rule(.firstFollowUp, category: Category("kesehatan"), priority: .high).0.days == 2)
        #expect(p.rule(.firstFollowUp, category: Category("infrastruktur/jalan"), priority: .high).0.days == 7)
        // A timer an override does not set keeps the office's rule.
        let (v, origin) = p.rule(.verification, category: Category("infrastruktur/jalan"), priority: .normal)
        #expect(v.days == 3)
        #expect(origin == .standard)
        #expect(p.rule(.verification, category: Category("kesehatan"), priority: .high).0.days == 1)
    }

    @Test func aRoadReportGetsFourteenWorkingDaysAndShowSaysWhy() throws {
        let ctx = try context()
        var s = try received(at: wib(2026, 11, 2, 9), category: "infrastruktur/jalan", context: ctx)
        try s.act(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: false, confidential: false)), by: admin, at: wib(2026, 11, 3, 10))
        let d = ctx.deadlines.running(for: s.c, calendar: ctx.calendar)!
        #expect(d.kind == .firstFollowUp)
        // 14 working days after Tue 3 Nov: Mon 23 Nov.
        #expect(d.dueAt == endOf(2026, 11, 23))
        #expect(EnglishStrings().ruleOrigin(d) == "14 working days, office override deadlines.overrides[1] (category infrastruktur/jalan): Perbup 12/2024")
        #expect(IndonesianStrings().ruleOrigin(d).hasPrefix("14 hari kerja, pengecualian kantor deadlines.overrides[1] (kategori infrastruktur/jalan)"))
        // Reclassified out of the subtree: the office's 5 days again.
        try s.act(.classify, ActionDetails(changes: ClassificationChange(category: Category("kesehatan"))), by: admin, at: wib(2026, 11, 4, 9))
        let again = ctx.deadlines.running(for: s.c, calendar: ctx.calendar)!
        #expect(again.dueAt == endOf(2026, 11, 10))
        #expect(again.origin == .standard)
        #expect(EnglishStrings().ruleOrigin(again).hasPrefix("5 working days, office rule deadlines.firstFollowUp ("))
    }

    @Test func theFingerprintChangesWithTheOverridesAndNotWithoutThem() throws {
        let p = try context().deadlines
        #expect(DeadlinePolicy.standard.fingerprint == "3w-5w-10w-60c-5w")
        #expect(p.fingerprint != DeadlinePolicy.standard.fingerprint)
        var q = p
        q.overrides[1].timers[.firstFollowUp]!.days = 15
        #expect(q.fingerprint != p.fingerprint)
    }

    @Test func anOverrideWithoutAMatchOrATimerIsRefused() {
        let r = OfficeConfig.parse(EscalationConfigTests.base + """
        , "deadlines": {"overrides": [{"firstFollowUp": {"days": 3}}, {"category": "x"}, {"priority": "boss", "response": {}}]}}
        """, file: "office.json")
        guard case .failure(let e) = r else { Issue.record("must be refused"); return }
        let text = e.all.map(\.description).joined(separator: "\n")
        #expect(text.contains("deadlines.overrides[0]: needs a \"category\""))
        #expect(text.contains("deadlines.overrides[1]: sets no timer"))
        #expect(text.contains("deadlines.overrides[2].priority: expected one of low, normal, high, found \"boss\""))
        #expect(text.contains("deadlines.overrides[2].response.days: missing"))
    }
}

@Suite("Auto-close from the office's last word")
struct AutoCloseFromLastWordTests {
    /// Disposed, followed up Wed 4 Nov 10:00 (auto-close due end of Wed 18 Nov).
    fileprivate func followedUp() throws -> Story {
        var s = try disposed()
        try s.act(.followUp, ActionDetails(text: "Sudah kami periksa; mohon konfirmasi."), by: liaison, at: wib(2026, 11, 4, 10))
        return s
    }

    @Test func aMessageToTheReporterRestartsTheTenWorkingDays() throws {
        var s = try followedUp()
        #expect(s.context.deadlines.autoClose(for: s.c, calendar: plain)?.dueAt == endOf(2026, 11, 18))
        try s.act(.message, ActionDetails(text: "Petugas akan datang Senin."), by: admin, at: wib(2026, 11, 6, 9))
        // Ten working days after Fri 6 Nov: Fri 20 Nov.
        #expect(s.context.deadlines.autoClose(for: s.c, calendar: plain)?.dueAt == endOf(2026, 11, 20))
        #expect(s.c.status == .proses)
        #expect(s.c.followUpCount == 1)
        guard case .failure(.autoCloseNotDue(let due)) = s.attempt(.autoClose, by: .system, at: endOf(2026, 11, 20)) else {
            Issue.record("not due at the last second of the tenth day"); return
        }
        #expect(due == endOf(2026, 11, 20))
        try s.act(.autoClose, by: .system, at: wib(2026, 11, 21))
        #expect(s.c.status == .selesai)
    }

    @Test func aMessageBeforeTheLastFollowUpDoesNotMoveIt() throws {
        var s = try disposed()
        try s.act(.followUp, ActionDetails(text: "Tahap 1."), by: liaison, at: wib(2026, 11, 4, 10))
        try s.act(.message, ActionDetails(text: "Mohon kirim foto."), by: liaison, at: wib(2026, 11, 5, 10))
        try s.act(.followUp, ActionDetails(text: "Tahap 2."), by: liaison, at: wib(2026, 11, 9, 10))
        #expect(s.context.deadlines.autoClose(for: s.c, calendar: plain)?.dueAt == endOf(2026, 11, 23))
    }

    @Test func aReporterReplyClearsItAndTheNextMessageStartsItAgain() throws {
        var s = try followedUp()
        try s.act(.reply, ActionDetails(text: "Belum diperbaiki."), by: admin, at: wib(2026, 11, 5, 9))
        #expect(s.context.deadlines.autoClose(for: s.c, calendar: plain) == nil)
        #expect(s.attempt(.autoClose, by: .system, at: wib(2026, 12, 30)).isFailure)
        try s.act(.message, ActionDetails(text: "Kami jadwalkan ulang."), by: liaison, at: wib(2026, 11, 9, 9))
        #expect(s.context.deadlines.autoClose(for: s.c, calendar: plain)?.dueAt == endOf(2026, 11, 23))
    }

    @Test func messagesAreForProsesByTheHandlingUnitOrAdminOnly() throws {
        let s = try disposed()
        guard case .failure(.wrongStatus) = s.attempt(.message, ActionDetails(text: "x"), by: liaison, at: wib(2026, 11, 4)) else {
            Issue.record("no message before the first follow-up"); return
        }
        let f = try followedUp()
        let supervisor = Actor(id: "sup", name: "Kadis", role: .supervisor, agency: "pemkab")
        guard case .failure(.notYourRole) = f.attempt(.message, ActionDetails(text: "x"), by: supervisor, at: wib(2026, 11, 5)) else {
            Issue.record("a supervisor does not write to the reporter"); return
        }
        guard case .failure(.missing(.message, .text)) = f.attempt(.message, ActionDetails(), by: liaison, at: wib(2026, 11, 5)) else {
            Issue.record("a message needs text"); return
        }
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { true } else { false } }
}

@Suite("Office changes to SLA overrides and the ladder")
struct EscalationOfficeDiffTests {
    @Test func applyPreviewNamesAddedOverridesAndLadderChanges() throws {
        let old = try OfficeConfig.parse(EscalationConfigTests.base + "}", file: "a.json").get()
        let new = try OfficeConfig.parse(String(DeadlineOverrideTests.office.dropLast()) + ", \"escalation\": {\"externalAfterDays\": 90}}", file: "b.json").get()
        let lines = OfficeDiff.lines(from: old, to: new, language: .en)
        #expect(lines.contains("deadline override added: infrastruktur/jalan, any priority: firstFollowUp 14 working"), "\(lines)")
        #expect(lines.contains("escalation: external after 60 days → external after 90 days"), "\(lines)")
        #expect(OfficeDiff.lines(from: new, to: old, language: .id).contains("pengecualian tenggat dihapus: kesehatan, high: firstFollowUp 2 working") == false)
        #expect(OfficeDiff.lines(from: new, to: old, language: .id).contains { $0.hasPrefix("pengecualian tenggat dihapus: semua kategori, high") })
    }
}

