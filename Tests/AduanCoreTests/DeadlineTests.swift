import Testing
import AduanCore

// The SLA timers of SP4N-LAPOR! (docs/DOMAIN.md, "Deadlines"), read off reports built by folding
// events through `Workflow.decide` and `Workflow.evolve`.
//
// Defaults: verification 3 working days from receipt; first follow-up 5 working days from the
// latest disposition (the first one is kept too); auto-close 10 working days after the last
// follow-up while awaiting the reporter; resolution 60 calendar days from receipt. No timer runs
// in Tunda, Selesai or Arsip. Working days are Mon–Fri WIB minus the SKB days; in 2026,
// 18–24 March are all off (Nyepi and Idulfitri) and 1 May, 14–15 May are off.

// MARK: - Fixtures

private let directory = TestOffice.directory

private let admin = Actor(id: "admin", name: "Siti Rahmawati", role: .admin, agency: "pemkab")
private let liaison = Actor(id: "tl-dinkes", name: "dr. Andi Pratama", role: .liaison, agency: "pemkab", unit: "dinkes")
private let baseContext = WorkflowContext(directory: directory)

private func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

/// Days since 1970-01-01, counted plainly (independent of LocalDate).
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

/// A report's life, one accepted event at a time.
private struct Story {
    var context: WorkflowContext
    var complaint: Complaint?
    var events: [Event] = []

    init(context: WorkflowContext = baseContext) { self.context = context }

    /// Decides and folds one action; throws the refusal when it is not accepted.
    mutating func act(_ kind: ActionKind, _ details: ActionDetails = ActionDetails(), by actor: Actor, at t: Timestamp) throws {
        let event = try Workflow.decide(Command(kind, details), on: complaint, by: actor, at: t, context: context, newID: 1).get()
        events.append(event)
        complaint = Workflow.evolve(complaint, event)
    }

    /// What `decide` says, without folding.
    func attempt(_ kind: ActionKind, _ details: ActionDetails = ActionDetails(), by actor: Actor, at t: Timestamp) -> Result<Event, Refusal> {
        Workflow.decide(Command(kind, details), on: complaint, by: actor, at: t, context: context, newID: 1)
    }

    var c: Complaint { complaint! }
    var policy: DeadlinePolicy { context.deadlines }
    var calendar: WorkingCalendar { context.calendar }
    var running: Deadline? { policy.running(for: c, calendar: calendar) }
    var timers: [Deadline] { policy.activeTimers(for: c, calendar: calendar) }
    func reading(at now: Timestamp) -> DeadlineReading? { policy.reading(for: c, now: now, calendar: calendar) }
}

private func received(at t: Timestamp, context ctx: WorkflowContext = baseContext) throws -> Story {
    var s = Story(context: ctx)
    try s.act(.receive, ActionDetails(intake: Intake(trackingID: "5123456", title: "Puskesmas tutup saat jam layanan",
                                                     body: "Puskesmas Sukamaju tutup pukul 10.00 padahal jadwal sampai 14.00.")),
              by: admin, at: t)
    return s
}

/// Received Mon 2 Mar 2026 09:00 WIB and disposed to Dinkes on Tue 3 Mar 10:00.
private func disposed() throws -> Story {
    var s = try received(at: wib(2026, 3, 2, 9))
    try s.act(.verify, ActionDetails(unit: "dinkes"), by: admin, at: wib(2026, 3, 3, 10))
    return s
}

/// Disposed as above, with Dinkes's first follow-up on Wed 4 Mar 14:00.
private func followedUp() throws -> Story {
    var s = try disposed()
    try s.act(.followUp, ActionDetails(text: "Kepala Puskesmas sudah kami tegur; jam layanan kembali normal."), by: liaison, at: wib(2026, 3, 4, 14))
    return s
}

private func text(_ t: Timestamp?) -> String? { t?.iso8601(in: .wib) }

// MARK: - Which timer runs, by status

@Suite("Running deadline by status")
struct RunningDeadlineTests {
    @Test func verificationRunsFromReceiptInBelumTerverifikasi() throws {
        let s = try received(at: wib(2026, 3, 17, 10))
        #expect(s.c.status == .belumTerverifikasi)
        let d = try #require(s.running)
        #expect(d.kind == .verification)
        #expect(d.startedAt == wib(2026, 3, 17, 10))
        // 18–24 Mar are off: 25, 26, 27.
        #expect(text(d.dueAt) == "2026-03-27T23:59:59+07:00")
        #expect(d.rule.days == 3 && d.rule.counting == .working)
    }

    @Test func newReportAlsoRunsTheSixtyDayResolutionCap() throws {
        let s = try received(at: wib(2026, 3, 17, 10))
        #expect(s.timers.map(\.kind) == [.verification, .resolution])
        let cap = try #require(s.timers.last)
        #expect(text(cap.dueAt) == "2026-05-16T23:59:59+07:00")
        #expect(cap.startedAt == wib(2026, 3, 17, 10))
    }

    @Test func importedReportCountsFromItsOriginalReceipt() throws {
        // Received by LAPOR! on Mon 2 Mar, imported on Fri 6 Mar: the clock started on the 2nd.
        var s = Story()
        try s.act(.import, ActionDetails(intake: Intake(trackingID: "5123999", title: "Jalan berlubang", body: "",
                                                        agency: "pemkab", receivedAt: wib(2026, 3, 2, 9)),
                                         imported: ImportedState(status: .belumTerverifikasi)),
                  by: .system, at: wib(2026, 3, 6, 8))
        #expect(s.c.receivedAt == wib(2026, 3, 2, 9))
        #expect(text(s.running?.dueAt) == "2026-03-05T23:59:59+07:00")
    }

    @Test func firstFollowUpRunsFromDispositionInBelumDitindaklanjuti() throws {
        let s = try disposed()
        #expect(s.c.status == .belumDitindaklanjuti)
        let d = try #require(s.running)
        #expect(d.kind == .firstFollowUp)
        #expect(d.startedAt == wib(2026, 3, 3, 10))
        // Wed 4, Thu 5, Fri 6, Mon 9, Tue 10.
        #expect(text(d.dueAt) == "2026-03-10T23:59:59+07:00")
    }

    @Test func redispositionRestartsFirstFollowUpFromTheLatestDisposition() throws {
        var s = try disposed()
        try s.act(.redispose, ActionDetails(unit: "pupr", reason: "Bangunan puskesmas, bukan pelayanan medis"), by: liaison, at: wib(2026, 3, 5, 11))
        let d = try #require(s.running)
        #expect(d.kind == .firstFollowUp)
        #expect(d.startedAt == wib(2026, 3, 5, 11))
        // Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.
        #expect(text(d.dueAt) == "2026-03-12T23:59:59+07:00")
    }

    @Test func originalFirstFollowUpIsKeptFromTheFirstDisposition() throws {
        var s = try disposed()
        try s.act(.redispose, ActionDetails(unit: "pupr", reason: "Bangunan puskesmas"), by: admin, at: wib(2026, 3, 5, 11))
        let original = try #require(s.policy.originalFirstFollowUp(for: s.c, calendar: s.calendar))
        #expect(original.kind == .firstFollowUp)
        #expect(original.startedAt == wib(2026, 3, 3, 10))
        #expect(text(original.dueAt) == "2026-03-10T23:59:59+07:00")
    }

    @Test func originalFirstFollowUpIsNilBeforeAnyDisposition() throws {
        let s = try received(at: wib(2026, 3, 2, 9))
        #expect(s.policy.originalFirstFollowUp(for: s.c, calendar: s.calendar) == nil)
    }

    @Test func bukanWewenangForwardRestartsFirstFollowUpAtTheNewAgency() throws {
        var s = try disposed()
        try s.act(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Kewenangan provinsi"), by: liaison, at: wib(2026, 3, 4, 9))
        #expect(s.c.status == .belumDitindaklanjuti)
        #expect(s.c.holder == Holder(agency: "prov", unit: "prov-x"))
        // Thu 5, Fri 6, Mon 9, Tue 10, Wed 11; the original stays at Tue 10.
        #expect(text(s.running?.dueAt) == "2026-03-11T23:59:59+07:00")
        #expect(text(s.policy.originalFirstFollowUp(for: s.c, calendar: s.calendar)?.dueAt) == "2026-03-10T23:59:59+07:00")
    }

    @Test func autoCloseRunsTenWorkingDaysAfterTheFollowUp() throws {
        let s = try followedUp()
        #expect(s.c.status == .proses)
        #expect(s.c.awaitingReporter)
        let d = try #require(s.running)
        #expect(d.kind == .autoClose)
        #expect(d.startedAt == wib(2026, 3, 4, 14))
        // 5, 6, 9, 10, 11, 12, 13, 16, 17 Mar (9), then 18–24 off, 25 Mar (10).
        #expect(text(d.dueAt) == "2026-03-25T23:59:59+07:00")
    }

    @Test func reporterReplyClearsTheAutoCloseTimerAndStartsTheResponseTimer() throws {
        var s = try followedUp()
        try s.act(.reply, ActionDetails(text: "Hari ini masih tutup jam 11."), by: .system, at: wib(2026, 3, 6, 10))
        #expect(!s.c.awaitingReporter)
        #expect(s.timers.map(\.kind) == [.response, .resolution])
        // Reply Fri 6 Mar: 9, 10, 11, 12, 13 → Fri 13 Mar.
        #expect(text(s.running?.dueAt) == "2026-03-13T23:59:59+07:00")
        // 2 Mar + 60 calendar days = 1 May.
        #expect(text(s.timers.last?.dueAt) == "2026-05-01T23:59:59+07:00")
    }

    @Test func theNextFollowUpRestartsAutoCloseFromItsOwnDay() throws {
        var s = try followedUp()
        try s.act(.reply, ActionDetails(text: "Masih tutup."), by: .system, at: wib(2026, 3, 6, 10))
        try s.act(.followUp, ActionDetails(text: "Sudah kami cek ulang."), by: liaison, at: wib(2026, 3, 9, 8))
        // 10, 11, 12, 13, 16, 17 (6), 18–24 off, 25, 26, 27, 30 (10).
        #expect(s.running?.kind == .autoClose)
        #expect(text(s.running?.dueAt) == "2026-03-30T23:59:59+07:00")
    }

    @Test func aSecondFollowUpWithoutReplyAlsoRestartsAutoClose() throws {
        var s = try followedUp()
        try s.act(.followUp, ActionDetails(text: "Tambahan informasi."), by: liaison, at: wib(2026, 3, 9, 8))
        #expect(text(s.running?.dueAt) == "2026-03-30T23:59:59+07:00")
    }

    @Test func earliestActiveTimerWinsWhenTheResolutionCapComesFirst() throws {
        // Received Mon 2 Mar (cap: Fri 1 May), disposed only on Mon 27 Apr: the first follow-up
        // would be due Tue 5 May (28, 29, 30 Apr, 1 May off, 4, 5 May), after the cap.
        var s = try received(at: wib(2026, 3, 2, 9))
        try s.act(.verify, ActionDetails(unit: "dinkes"), by: admin, at: wib(2026, 4, 27, 10))
        #expect(s.timers.map(\.kind) == [.resolution, .firstFollowUp])
        #expect(s.running?.kind == .resolution)
        #expect(text(s.running?.dueAt) == "2026-05-01T23:59:59+07:00")
        #expect(text(s.timers.last?.dueAt) == "2026-05-05T23:59:59+07:00")
    }

    @Test func earliestActiveTimerWinsWhileAwaitingTheReporter() throws {
        let s = try followedUp()
        #expect(s.timers.map(\.kind) == [.autoClose, .resolution])
        #expect(s.running?.kind == .autoClose)
    }

    @Test func resolutionCapCanCountWorkingDays() throws {
        var policy = DeadlinePolicy()
        policy.resolution = DeadlineRule(days: 10, counting: .working, basis: "Permen PANRB 5/2025 (contoh)")
        let ctx = WorkflowContext(directory: directory, deadlines: policy)
        let s = try received(at: wib(2026, 3, 2, 9), context: ctx)
        // 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 Mar.
        #expect(text(s.timers.first { $0.kind == .resolution }?.dueAt) == "2026-03-16T23:59:59+07:00")
    }

    @Test func noTimerRunsInTunda() throws {
        var s = try received(at: wib(2026, 3, 2, 9))
        try s.act(.postpone, ActionDetails(reason: "Menunggu klarifikasi lokasi dari pelapor"), by: admin, at: wib(2026, 3, 3, 10))
        #expect(s.c.status == .tunda)
        #expect(s.timers.isEmpty)
        #expect(s.running == nil)
        #expect(s.reading(at: wib(2026, 6, 1, 10)) == nil)
    }

    @Test func noTimerRunsInSelesai() throws {
        var s = try followedUp()
        try s.act(.close, by: admin, at: wib(2026, 3, 10, 10))
        #expect(s.c.status == .selesai)
        #expect(s.timers.isEmpty)
        #expect(s.running == nil)
    }

    @Test func noTimerRunsInArsip() throws {
        var s = try received(at: wib(2026, 3, 2, 9))
        try s.act(.archive, ActionDetails(archiveReason: .spam), by: admin, at: wib(2026, 3, 2, 11))
        #expect(s.c.status == .arsip)
        #expect(s.timers.isEmpty)
        #expect(s.running == nil)
    }

    @Test func autoCloseIsRefusedUntilItsDeadlineHasPassed() throws {
        var s = try followedUp()
        let due = wib(2026, 3, 25, 23, 59, 59)
        #expect(throws: Refusal.autoCloseNotDue(due: due)) { try s.attempt(.autoClose, by: .system, at: due).get() }
        try s.act(.autoClose, by: .system, at: wib(2026, 3, 26, 0, 0, 0))
        #expect(s.c.status == .selesai)
        #expect(s.running == nil)
    }

    @Test func reopenedReportOwesTheReporterAResponse() throws {
        var s = try followedUp()
        try s.act(.close, by: admin, at: wib(2026, 3, 10, 10))
        try s.act(.reopen, ActionDetails(reason: "Pelapor menyatakan masalah belum selesai"), by: liaison, at: wib(2026, 3, 11, 10))
        #expect(s.c.status == .proses)
        #expect(s.timers.map(\.kind) == [.response, .resolution])
        // Reopened Wed 11 Mar: 12, 13, 16, 17, then 18–24 off, 25 → Wed 25 Mar.
        #expect(text(s.running?.dueAt) == "2026-03-25T23:59:59+07:00")
    }
}

// MARK: - Tunda pauses the clock

@Suite("Tunda pauses the clock")
struct TundaPauseTests {
    @Test func workingDaysTouchedByTundaDoNotCountTowardVerification() throws {
        // Received Mon 2 Mar 09:00. Without a pause: Tue 3, Wed 4, Thu 5.
        var s = try received(at: wib(2026, 3, 2, 9))
        #expect(text(s.running?.dueAt) == "2026-03-05T23:59:59+07:00")
        // Tunda from Tue 3 10:00 to Thu 5 15:00 touches 3, 4 and 5 Mar: Fri 6, Mon 9, Tue 10.
        try s.act(.postpone, ActionDetails(reason: "Menunggu klarifikasi"), by: admin, at: wib(2026, 3, 3, 10))
        try s.act(.resume, by: admin, at: wib(2026, 3, 5, 15))
        #expect(s.c.status == .belumTerverifikasi)
        #expect(s.c.pauses == [PauseSpan(from: wib(2026, 3, 3, 10), to: wib(2026, 3, 5, 15))])
        #expect(s.running?.kind == .verification)
        #expect(text(s.running?.dueAt) == "2026-03-10T23:59:59+07:00")
    }

    @Test func tundaAlsoExtendsTheCalendarDayCapByThePausedDays() throws {
        var s = try received(at: wib(2026, 3, 2, 9))
        try s.act(.postpone, ActionDetails(reason: "Menunggu klarifikasi"), by: admin, at: wib(2026, 3, 3, 10))
        try s.act(.resume, by: admin, at: wib(2026, 3, 5, 15))
        // 1 May + 3 paused days (3, 4, 5 Mar).
        #expect(text(s.timers.first { $0.kind == .resolution }?.dueAt) == "2026-05-04T23:59:59+07:00")
    }

    @Test func tundaOverAWeekendCostsOnlyTheWorkingDaysItTouches() throws {
        // Received Thu 5 Mar: Fri 6, Mon 9, Tue 10 without a pause.
        var s = try received(at: wib(2026, 3, 5, 9))
        #expect(text(s.running?.dueAt) == "2026-03-10T23:59:59+07:00")
        // Tunda Fri 6 10:00 → Mon 9 09:00 touches Fri 6 and Mon 9: Tue 10, Wed 11, Thu 12.
        try s.act(.postpone, ActionDetails(reason: "Menunggu dokumen"), by: admin, at: wib(2026, 3, 6, 10))
        try s.act(.resume, by: admin, at: wib(2026, 3, 9, 9))
        #expect(text(s.running?.dueAt) == "2026-03-12T23:59:59+07:00")
    }

    @Test func anHourOfTundaWithinOneDayTakesThatWholeDayOut() throws {
        var s = try received(at: wib(2026, 3, 2, 9))
        try s.act(.postpone, ActionDetails(reason: "Menunggu klarifikasi"), by: admin, at: wib(2026, 3, 4, 10))
        try s.act(.resume, by: admin, at: wib(2026, 3, 4, 11))
        // Tue 3, (Wed 4 paused), Thu 5, Fri 6.
        #expect(text(s.running?.dueAt) == "2026-03-06T23:59:59+07:00")
    }

    @Test func everyTundaSpanIsSkipped() throws {
        var s = try received(at: wib(2026, 3, 2, 9))
        try s.act(.postpone, ActionDetails(reason: "Klarifikasi 1"), by: admin, at: wib(2026, 3, 3, 10))
        try s.act(.resume, by: admin, at: wib(2026, 3, 3, 16))
        try s.act(.postpone, ActionDetails(reason: "Klarifikasi 2"), by: admin, at: wib(2026, 3, 5, 9))
        try s.act(.resume, by: admin, at: wib(2026, 3, 5, 10))
        // (Tue 3 paused), Wed 4, (Thu 5 paused), Fri 6, Mon 9.
        #expect(s.c.pauses.count == 2)
        #expect(text(s.running?.dueAt) == "2026-03-09T23:59:59+07:00")
    }

    @Test func aTundaBeforeDispositionDoesNotMoveTheFirstFollowUp() throws {
        var s = try received(at: wib(2026, 3, 2, 9))
        try s.act(.postpone, ActionDetails(reason: "Menunggu klarifikasi"), by: admin, at: wib(2026, 3, 3, 10))
        try s.act(.resume, by: admin, at: wib(2026, 3, 5, 15))
        try s.act(.verify, ActionDetails(unit: "dinkes"), by: admin, at: wib(2026, 3, 6, 10))
        // Mon 9 … Fri 13: the pause lies before the start.
        #expect(s.running?.kind == .firstFollowUp)
        #expect(text(s.running?.dueAt) == "2026-03-13T23:59:59+07:00")
    }

    @Test func archivingFromTundaClosesThePause() throws {
        var s = try received(at: wib(2026, 3, 2, 9))
        try s.act(.postpone, ActionDetails(reason: "Menunggu klarifikasi"), by: admin, at: wib(2026, 3, 3, 10))
        try s.act(.archive, ActionDetails(archiveReason: .unclear), by: admin, at: wib(2026, 3, 20, 10))
        #expect(s.c.pauses == [PauseSpan(from: wib(2026, 3, 3, 10), to: wib(2026, 3, 20, 10))])
        #expect(s.c.pausedAt == nil)
        #expect(s.running == nil)
    }
}

// MARK: - Readings: on time, due soon, overdue

@Suite("Deadline readings")
struct DeadlineReadingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var now: Timestamp
        var state: DeadlineState
        var workingDaysLeft: Int
        var workingDaysOverdue: Int
        var daysOverdue: Int
        var testDescription: String { "\(now.iso8601(in: .wib)) → \(state.rawValue)" }
    }

    // Verification due Fri 27 Mar 2026 23:59:59 WIB (received Tue 17 Mar 10:00; 18–24 Mar off).
    @Test(arguments: [
        Case(now: wib(2026, 3, 17, 10), state: .onTime, workingDaysLeft: 3, workingDaysOverdue: 0, daysOverdue: 0),
        // Tue 17 Mar evening: the next working day is Wed 25, still before the due day.
        Case(now: wib(2026, 3, 17, 16), state: .onTime, workingDaysLeft: 3, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 22, 12), state: .onTime, workingDaysLeft: 3, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 25, 9), state: .onTime, workingDaysLeft: 2, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 26, 9), state: .dueSoon, workingDaysLeft: 1, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 27, 8), state: .dueSoon, workingDaysLeft: 0, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 27, 23, 59, 59), state: .dueSoon, workingDaysLeft: 0, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 28, 0, 0, 0), state: .overdue, workingDaysLeft: 0, workingDaysOverdue: 0, daysOverdue: 1),
        Case(now: wib(2026, 3, 30, 10), state: .overdue, workingDaysLeft: 0, workingDaysOverdue: 1, daysOverdue: 3),
        // 30, 31 Mar, 1, 2 Apr, (3 Apr Good Friday), 6, 7, 8, 9, 10 Apr.
        Case(now: wib(2026, 4, 10, 10), state: .overdue, workingDaysLeft: 0, workingDaysOverdue: 9, daysOverdue: 14),
    ])
    func readingAroundTheNyepiIdulfitriBlock(c: Case) throws {
        let s = try received(at: wib(2026, 3, 17, 10))
        let r = try #require(s.reading(at: c.now))
        #expect(r.deadline.kind == .verification)
        #expect(r.state == c.state)
        #expect(r.workingDaysLeft == c.workingDaysLeft)
        #expect(r.workingDaysOverdue == c.workingDaysOverdue)
        #expect(r.daysOverdue == c.daysOverdue)
        #expect(r.secondsLeft == wib(2026, 3, 27, 23, 59, 59).seconds - c.now.seconds)
    }

    // Verification due Mon 9 Mar 2026 (received Wed 4 Mar: Thu 5, Fri 6, Mon 9).
    @Test(arguments: [
        Case(now: wib(2026, 3, 5, 9), state: .onTime, workingDaysLeft: 2, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 6, 16), state: .dueSoon, workingDaysLeft: 1, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 7, 10), state: .dueSoon, workingDaysLeft: 1, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 8, 22), state: .dueSoon, workingDaysLeft: 1, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 9, 8), state: .dueSoon, workingDaysLeft: 0, workingDaysOverdue: 0, daysOverdue: 0),
        Case(now: wib(2026, 3, 10, 8), state: .overdue, workingDaysLeft: 0, workingDaysOverdue: 1, daysOverdue: 1),
        Case(now: wib(2026, 3, 14, 8), state: .overdue, workingDaysLeft: 0, workingDaysOverdue: 4, daysOverdue: 5),
    ])
    func readingAroundAWeekend(c: Case) throws {
        let s = try received(at: wib(2026, 3, 4, 9))
        #expect(text(s.running?.dueAt) == "2026-03-09T23:59:59+07:00")
        let r = try #require(s.reading(at: c.now))
        #expect(r.state == c.state)
        #expect(r.workingDaysLeft == c.workingDaysLeft)
        #expect(r.workingDaysOverdue == c.workingDaysOverdue)
        #expect(r.daysOverdue == c.daysOverdue)
    }

    @Test func dueRightAfterAHolidayBlockIsDueSoonBeforeTheBlock() throws {
        // Received Fri 13 Mar: Mon 16, Tue 17, Wed 25 Mar. On Tue 17 the next working day is the 25th.
        let s = try received(at: wib(2026, 3, 13, 9))
        #expect(text(s.running?.dueAt) == "2026-03-25T23:59:59+07:00")
        let tuesday = try #require(s.reading(at: wib(2026, 3, 17, 15)))
        #expect(tuesday.state == .dueSoon)
        #expect(tuesday.workingDaysLeft == 1)
        let monday = try #require(s.reading(at: wib(2026, 3, 16, 9)))
        #expect(monday.state == .onTime)
        #expect(monday.workingDaysLeft == 2)
    }

    @Test func overdueDuringAHolidayBlockCountsNoWorkingDaysOverdue() throws {
        // Received Thu 12 Mar: Fri 13, Mon 16, Tue 17 Mar.
        let s = try received(at: wib(2026, 3, 12, 9))
        #expect(text(s.running?.dueAt) == "2026-03-17T23:59:59+07:00")
        let during = try #require(s.reading(at: wib(2026, 3, 23, 10)))
        #expect(during.state == .overdue)
        #expect(during.workingDaysOverdue == 0)
        #expect(during.daysOverdue == 6)
        let after = try #require(s.reading(at: wib(2026, 3, 25, 10)))
        #expect(after.workingDaysOverdue == 1)
        #expect(after.daysOverdue == 8)
    }

    @Test func dueSoonZeroMeansOnlyToday() throws {
        var policy = DeadlinePolicy()
        policy.dueSoonWorkingDays = 0
        let s = try received(at: wib(2026, 3, 17, 10), context: WorkflowContext(directory: directory, deadlines: policy))
        #expect(s.reading(at: wib(2026, 3, 26, 9))?.state == .onTime)
        #expect(s.reading(at: wib(2026, 3, 27, 8))?.state == .dueSoon)
    }

    @Test func dueSoonTwoReachesTwoWorkingDaysAhead() throws {
        var policy = DeadlinePolicy()
        policy.dueSoonWorkingDays = 2
        let s = try received(at: wib(2026, 3, 17, 10), context: WorkflowContext(directory: directory, deadlines: policy))
        #expect(s.reading(at: wib(2026, 3, 24, 9))?.state == .onTime) // cutoff: Thu 26
        #expect(s.reading(at: wib(2026, 3, 25, 9))?.state == .dueSoon) // cutoff: Fri 27
    }

    @Test func readingFollowsTheRunningTimer() throws {
        var s = try followedUp()
        #expect(s.reading(at: wib(2026, 3, 24, 10))?.deadline.kind == .autoClose)
        // The system's own auto-close is no operator's work: never "due soon" (issue 11 item 9).
        #expect(s.reading(at: wib(2026, 3, 24, 10))?.state == .onTime)
        try s.act(.reply, ActionDetails(text: "Terima kasih"), by: .system, at: wib(2026, 3, 24, 11))
        let r = try #require(s.reading(at: wib(2026, 3, 24, 12)))
        // Reply on Tue 24 Mar (cuti bersama): Wed 25 is day 1, then 26, 27, 30, 31 Mar.
        #expect(r.deadline.kind == .response)
        #expect(text(r.deadline.dueAt) == "2026-03-31T23:59:59+07:00")
        #expect(r.state == .onTime)
    }

    @Test func aFiveDayTimerDisposedOnSaturdayReadsFiveWorkingDaysLeft() throws {
        // Issue 11 item 7: disposed Sat 5 Dec 2026; Mon 7 is day 1, due Fri 11 Dec.
        var s = try received(at: wib(2026, 12, 4, 15))
        try s.act(.verify, ActionDetails(unit: "dinkes"), by: admin, at: wib(2026, 12, 5, 10))
        let r = try #require(s.reading(at: wib(2026, 12, 5, 11)))
        #expect(r.deadline.kind == .firstFollowUp)
        #expect(text(r.deadline.dueAt) == "2026-12-11T23:59:59+07:00")
        #expect(r.workingDaysLeft == 5)
        #expect(IndonesianStrings().countdown(r) == "5 hari kerja lagi")
        #expect(EnglishStrings().countdown(r) == "5 working days left")
    }

    @Test func anAutoCloseTimerIsNeverDueSoonButAnOperatorsDeadlineIs() throws {
        // Follow-up Wed 4 Mar: the auto-close falls on Wed 25 Mar, the day after the holiday block.
        let s = try followedUp()
        let dayBefore = wib(2026, 3, 24, 10)
        let r = try #require(s.reading(at: dayBefore))
        #expect(r.deadline.kind == .autoClose)
        #expect(r.state == .onTime)
        #expect(r.workingDaysLeft == 1)
        let ctx = FilterContext(now: dayBefore, calendar: s.calendar, deadlines: s.policy)
        #expect(!FilterExpression.term(.dueSoon).matches(s.c, ctx))
        #expect(DeadlineKind.autoClose.isOperatorWork == false)
        #expect(DeadlineKind.allCases.filter(\.isOperatorWork) == [.verification, .firstFollowUp, .resolution, .response])
        // Once overdue it still reads overdue (the sweep has not run): that is not "due soon" either.
        #expect(s.reading(at: wib(2026, 3, 26, 10))?.state == .overdue)
        // An operator's deadline in the same window is due soon.
        let v = try received(at: wib(2026, 3, 13, 9))
        #expect(v.reading(at: wib(2026, 3, 17, 15))?.state == .dueSoon)
        #expect(FilterExpression.term(.dueSoon).matches(v.c, FilterContext(now: wib(2026, 3, 17, 15), calendar: v.calendar, deadlines: v.policy)))
    }

    @Test func statesAreOrderedBySeverity() {
        #expect(DeadlineState.onTime < .dueSoon)
        #expect(DeadlineState.dueSoon < .overdue)
        #expect([DeadlineState.overdue, .onTime, .dueSoon].sorted() == [.onTime, .dueSoon, .overdue])
    }

    @Test func defaultPolicyFollowsDomainNumbers() {
        let p = DeadlinePolicy.standard
        #expect(p.verification.days == 3 && p.verification.counting == .working)
        #expect(p.firstFollowUp.days == 5 && p.firstFollowUp.counting == .working)
        #expect(p.autoClose.days == 10 && p.autoClose.counting == .working)
        #expect(p.resolution.days == 60 && p.resolution.counting == .calendar)
        #expect(p.dueSoonWorkingDays == 1)
        #expect(p.rule(.firstFollowUp) == p.firstFollowUp)
        #expect(!p.verification.basis.isEmpty)
    }
}

// MARK: - dueSoonCutoff

@Suite("dueSoonCutoff")
struct DueSoonCutoffTests {
    @Test(arguments: [
        (wib(2026, 3, 4, 10), 1, "2026-03-05T23:59:59+07:00"), // Wed → Thu
        (wib(2026, 3, 6, 10), 1, "2026-03-09T23:59:59+07:00"), // Fri → Mon
        (wib(2026, 3, 7, 10), 1, "2026-03-09T23:59:59+07:00"), // Sat → Mon
        (wib(2026, 3, 17, 10), 1, "2026-03-25T23:59:59+07:00"), // before Nyepi/Idulfitri → Wed 25
        (wib(2026, 12, 24, 10), 1, "2026-12-28T23:59:59+07:00"), // on Christmas CB → Mon 28
        (wib(2026, 12, 31, 10), 1, "2027-01-04T23:59:59+07:00"), // New Year → Mon 4 Jan
        (wib(2026, 12, 31, 10), 2, "2027-01-06T23:59:59+07:00"), // 5 Jan 2027 is Isra Mikraj
        (wib(2026, 3, 4, 10), 0, "2026-03-04T23:59:59+07:00"), // 0: end of today
        (wib(2026, 3, 6, 23, 59, 59), 1, "2026-03-09T23:59:59+07:00"),
    ])
    func cutoffIsTheEndOfTheNthWorkingDayAfterToday(now: Timestamp, days: Int, expected: String) {
        var p = DeadlinePolicy()
        p.dueSoonWorkingDays = days
        #expect(p.dueSoonCutoff(now: now, calendar: .standard).iso8601(in: .wib) == expected)
    }

    @Test func cutoffIsInTheOfficeZone() {
        // 2026-11-23T16:30:00Z: Monday in WIB, Tuesday in WITA.
        let now = Timestamp(seconds: Int64(civilDay(2026, 11, 23)) * 86_400 + 16 * 3600 + 1800)
        #expect(DeadlinePolicy.standard.dueSoonCutoff(now: now, calendar: WorkingCalendar(zone: .wib)).iso8601(in: .wib)
                == "2026-11-24T23:59:59+07:00")
        #expect(DeadlinePolicy.standard.dueSoonCutoff(now: now, calendar: WorkingCalendar(zone: .wita)).iso8601(in: .wita)
                == "2026-11-25T23:59:59+08:00")
    }
}

// MARK: - Countdown wording at the day boundaries (issue 11 item 8)

@Suite("Countdown wording around today, yesterday and weekends")
struct CountdownWordingTests {
    struct Case: Sendable, CustomStringConvertible {
        var received: Timestamp, now: Timestamp, id: String, en: String
        var description: String { "\(id) / \(en)" }
    }

    @Test(arguments: [
        // Received Wed 4 Mar 2026: due Mon 9 Mar 23:59:59.
        Case(received: wib(2026, 3, 4, 9), now: wib(2026, 3, 8, 22), id: "1 hari kerja lagi", en: "1 working day left"),
        Case(received: wib(2026, 3, 4, 9), now: wib(2026, 3, 9, 10), id: "hari ini", en: "due today"),
        Case(received: wib(2026, 3, 4, 9), now: wib(2026, 3, 9, 23, 59, 59), id: "hari ini", en: "due today"),
        // Passed yesterday at 23:59:59, read just after midnight and later that day.
        Case(received: wib(2026, 3, 4, 9), now: wib(2026, 3, 10, 0, 0, 30), id: "lewat 1 hari kerja", en: "1 working day late"),
        Case(received: wib(2026, 3, 4, 9), now: wib(2026, 3, 10, 16), id: "lewat 1 hari kerja", en: "1 working day late"),
        // Received Tue 3 Mar: due Fri 6 Mar; the weekend after it is no working day.
        Case(received: wib(2026, 3, 3, 9), now: wib(2026, 3, 7, 0, 0, 1), id: "lewat kemarin", en: "due yesterday"),
        Case(received: wib(2026, 3, 3, 9), now: wib(2026, 3, 7, 10), id: "lewat kemarin", en: "due yesterday"),
        Case(received: wib(2026, 3, 3, 9), now: wib(2026, 3, 8, 10), id: "lewat 2 hari", en: "2 days late"),
        Case(received: wib(2026, 3, 3, 9), now: wib(2026, 3, 9, 10), id: "lewat 1 hari kerja", en: "1 working day late"),
        Case(received: wib(2026, 3, 3, 9), now: wib(2026, 3, 10, 10), id: "lewat 2 hari kerja", en: "2 working days late"),
        // Received Thu 12 Mar: due Tue 17 Mar, then Nyepi and Idulfitri (18–24 Mar) are off.
        Case(received: wib(2026, 3, 12, 9), now: wib(2026, 3, 23, 10), id: "lewat 6 hari", en: "6 days late"),
        Case(received: wib(2026, 3, 12, 9), now: wib(2026, 3, 25, 10), id: "lewat 1 hari kerja", en: "1 working day late"),
    ])
    func countdownSaysHowLongAgoADeadlinePassed(c: Case) throws {
        let s = try received(at: c.received)
        let r = try #require(s.reading(at: c.now))
        #expect(IndonesianStrings().countdown(r) == c.id)
        #expect(EnglishStrings().countdown(r) == c.en)
    }

    @Test func aDeadlineThatPassedYesterdayNeverReadsToday() throws {
        // Every hour from the Saturday after a Friday deadline to the next Tuesday.
        let s = try received(at: wib(2026, 3, 3, 9))
        for hour in stride(from: 0, to: 4 * 24, by: 1) {
            let r = try #require(s.reading(at: wib(2026, 3, 7).adding(seconds: Int64(hour) * 3600)))
            #expect(!IndonesianStrings().countdown(r).contains("hari ini"))
            #expect(!EnglishStrings().countdown(r).contains("today"))
        }
    }
}
