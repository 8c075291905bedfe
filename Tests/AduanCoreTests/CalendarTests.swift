import Testing
import AduanCore

// Working days (hari kerja), local dates, ISO 8601 and the office time zones.
//
// The rule under test: a deadline of N working days falls at 23:59:59 local time on the Nth
// working day strictly after the day of the starting event, whatever day the event fell on (a
// Saturday start counts Monday as day 1); holidays are the SKB 3 Menteri days built into Aduan.
//
// Expected values are written by hand. Inputs are built with the small, deliberately naive
// helpers below (a year-by-year day count), never with the code under test.

// MARK: - Independent helpers

private func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

private func monthLength(_ m: Int, _ y: Int) -> Int {
    [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
}

/// Days since 1970-01-01, by plain counting (slow, obviously right).
private func civilDay(_ y: Int, _ m: Int, _ d: Int) -> Int {
    var n = 0
    if y >= 1970 {
        for year in 1970..<y { n += isLeapYear(year) ? 366 : 365 }
    } else {
        for year in y..<1970 { n -= isLeapYear(year) ? 366 : 365 }
    }
    for month in 1..<m { n += monthLength(month, y) }
    return n + d - 1
}

/// A local wall-clock time as a Timestamp, for a zone `offsetHours` east of UTC.
private func local(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0, offsetHours: Int = 7) -> Timestamp {
    Timestamp(seconds: Int64(civilDay(y, m, d)) * 86_400 + Int64(h * 3600 + mi * 60 + s) - Int64(offsetHours * 3600))
}

private func day(_ y: Int, _ m: Int, _ d: Int) -> Int { civilDay(y, m, d) }

/// SplitMix64: deterministic random ranges for the fast-path comparisons.
private extension SplitMix64 {
    init(state: UInt64) { self.init(seed: state) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The working days after `from` through `to`, one day at a time.
private func naiveWorkingDays(_ cal: WorkingCalendar, after from: Int, through to: Int, paused: [DayRange] = []) -> Int {
    guard to > from else { return 0 }
    var count = 0
    for d in (from + 1)...to where cal.isWorkingDay(d) && !paused.contains(where: { $0.contains(d) }) { count += 1 }
    return count
}

private let monToFri: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
private let monToSat: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday]

// MARK: - Working-day deadlines (WIB, Mon–Fri, built-in SKB days)

@Suite("WorkingCalendar deadlines")
struct WorkingDayDeadlineTests {
    let cal = WorkingCalendar.standard

    @Test func standardCalendarIsWibMondayToFridayWithBuiltInHolidays() {
        #expect(cal.zone == .wib)
        #expect(cal.workWeek == monToFri)
        #expect(cal.holidays.count == BuiltInHolidays.all.count)
    }

    @Test func deadlineSkipsNyepiAndIdulfitri2026() {
        // Tue 17 Mar 10:00 WIB; 18–24 Mar are all off; 25, 26, 27 Mar are working days 1, 2, 3.
        let due = cal.deadline(from: local(2026, 3, 17, 10), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-03-27T23:59:59+07:00")
        #expect(due.seconds == 1_774_630_799)
    }

    @Test func everyDayFrom18To24March2026IsOff() {
        for d in 18...24 {
            #expect(!cal.isWorkingDay(LocalDate(year: 2026, month: 3, day: d)), "2026-03-\(d)")
        }
        #expect(cal.isWorkingDay(LocalDate(year: 2026, month: 3, day: 17)))
        #expect(cal.isWorkingDay(LocalDate(year: 2026, month: 3, day: 25)))
    }

    @Test func deadlineInOrdinaryWeekCountsThreeWorkingDays() {
        // Mon 2 Mar 2026 09:00: Tue 3, Wed 4, Thu 5.
        let due = cal.deadline(from: local(2026, 3, 2, 9), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-03-05T23:59:59+07:00")
    }

    @Test func deadlineJumpsTheWeekend() {
        // Thu 5 Mar 2026: Fri 6, Mon 9, Tue 10.
        let due = cal.deadline(from: local(2026, 3, 5, 14, 30), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-03-10T23:59:59+07:00")
    }

    @Test func deadlineAcrossYearEnd2026SkipsChristmasAndNewYear() {
        // Wed 23 Dec 2026: 24 Dec (CB), 25 Dec (LN) and the weekend are off;
        // Mon 28, Tue 29, Wed 30 Dec count.
        let due3 = cal.deadline(from: local(2026, 12, 23, 9), workingDays: 3)
        #expect(due3.iso8601(in: .wib) == "2026-12-30T23:59:59+07:00")
        // Five: 28, 29, 30, 31 Dec, then 1 Jan 2027 (LN) and the weekend are off: Mon 4 Jan 2027.
        let due5 = cal.deadline(from: local(2026, 12, 23, 9), workingDays: 5)
        #expect(due5.iso8601(in: .wib) == "2027-01-04T23:59:59+07:00")
    }

    @Test func tenWorkingDaysAcrossYearEndAlsoSkipIsraMikraj2027() {
        // 28, 29, 30, 31 Dec, 4 Jan (5), 5 Jan is Isra Mikraj (LN), 6, 7, 8, 11, 12 Jan (10).
        let due = cal.deadline(from: local(2026, 12, 23, 9), workingDays: 10)
        #expect(due.iso8601(in: .wib) == "2027-01-12T23:59:59+07:00")
    }

    @Test func startOnSaturdayCountsMondayAsDayOne() {
        // Sat 7 Mar 2026: Mon 9 (1), Tue 10 (2), Wed 11 (3).
        let due = cal.deadline(from: local(2026, 3, 7, 11), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-03-11T23:59:59+07:00")
    }

    @Test func startOnSundayLateEveningCountsMondayAsDayOne() {
        let due = cal.deadline(from: local(2026, 3, 8, 23, 59, 59), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-03-11T23:59:59+07:00")
    }

    @Test func saturdayStartFallsDueWithTheFridayBeforeIt() {
        // Issue 11 item 7: `calendar due 2026-12-05 5` (a Saturday) is Fri 11 Dec, as from Fri 4 Dec.
        let saturday = cal.deadline(from: local(2026, 12, 5, 10), workingDays: 5)
        let friday = cal.deadline(from: local(2026, 12, 4, 10), workingDays: 5)
        #expect(saturday.iso8601(in: .wib) == "2026-12-11T23:59:59+07:00")
        #expect(saturday == friday)
    }

    @Test func startOnLabourDayHolidayCountsTheNextWorkingDayAsDayOne() {
        // Fri 1 May 2026 (LN): Mon 4 (1), Tue 5 (2), Wed 6 (3).
        let due = cal.deadline(from: local(2026, 5, 1, 10), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-05-06T23:59:59+07:00")
    }

    @Test func startOnNyepiCountsTheDayAfterTheBlockAsDayOne() {
        // Thu 19 Mar 2026 (Nyepi), off through Tue 24: Wed 25 (1), Thu 26 (2), Fri 27 (3).
        let due = cal.deadline(from: local(2026, 3, 19, 8), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-03-27T23:59:59+07:00")
    }

    @Test func zeroWorkingDaysIsTheEndOfTheStartDay() {
        let due = cal.deadline(from: local(2026, 3, 17, 10), workingDays: 0)
        #expect(due.iso8601(in: .wib) == "2026-03-17T23:59:59+07:00")
    }

    @Test func zeroWorkingDaysFromSaturdayIsTheEndOfSaturday() {
        // The 0th working day after the event is the event's own day, whatever day it is.
        let due = cal.deadline(from: local(2026, 3, 7, 10), workingDays: 0)
        #expect(due.iso8601(in: .wib) == "2026-03-07T23:59:59+07:00")
    }

    @Test func startAtMidnightAndJustBeforeMidnightFallOnTheSameLocalDay() {
        let early = cal.deadline(from: local(2026, 3, 2, 0, 0, 0), workingDays: 3)
        let late = cal.deadline(from: local(2026, 3, 2, 23, 59, 59), workingDays: 3)
        #expect(early == late)
        #expect(early.iso8601(in: .wib) == "2026-03-05T23:59:59+07:00")
    }

    @Test(arguments: [
        // (start day, working days, expected due day), Mon–Fri WIB 2026.
        ("2026-01-15", 1, "2026-01-19"), // Thu; Fri 16 Jan is Isra Mikraj
        ("2026-02-13", 1, "2026-02-18"), // Fri; Mon 16 (CB) and Tue 17 (Imlek) off
        ("2026-04-02", 1, "2026-04-06"), // Thu; Good Friday 3 Apr off
        ("2026-05-13", 3, "2026-05-20"), // Wed; 14 (Kenaikan), 15 (CB) off: 18, 19, 20
        ("2026-05-26", 2, "2026-06-02"), // Tue; 27 (Iduladha), 28 (CB) off, 29 Fri, 1 Jun off: 29, 2 Jun
        ("2026-08-14", 1, "2026-08-18"), // Fri; Mon 17 Aug off
    ])
    func deadlineSkipsTheSkbDaysOf2026(start: String, days: Int, expected: String) throws {
        let s = try #require(LocalDate.parse(start))
        let due = cal.deadline(from: local(s.year, s.month, s.day, 10), workingDays: days)
        #expect(due.iso8601(in: .wib) == expected + "T23:59:59+07:00")
    }

    @Test func addWorkingDaysWorksOnDayNumbers() {
        #expect(cal.addWorkingDays(3, toDay: day(2026, 3, 17)) == day(2026, 3, 27))
        #expect(cal.addWorkingDays(0, toDay: day(2026, 3, 21)) == day(2026, 3, 21))
        #expect(cal.addWorkingDays(1, toDay: day(2026, 3, 21)) == day(2026, 3, 25))
        #expect(cal.workingDay(onOrAfter: day(2026, 3, 18)) == day(2026, 3, 25))
        #expect(cal.workingDay(onOrAfter: day(2026, 3, 17)) == day(2026, 3, 17))
    }

    @Test func holidayLookupNamesTheDay() throws {
        let nyepi = try #require(cal.holiday(on: LocalDate(year: 2026, month: 3, day: 19)))
        #expect(nyepi.kind == .national)
        #expect(nyepi.name.contains("Nyepi"))
        let cb = try #require(cal.holiday(on: LocalDate(year: 2026, month: 12, day: 24)))
        #expect(cb.kind == .collectiveLeave)
        #expect(cal.holiday(on: LocalDate(year: 2026, month: 3, day: 17)) == nil)
    }
}

// MARK: - Six-day week

@Suite("Six-day work week")
struct SixDayWeekTests {
    let six = WorkingCalendar(zone: .wib, workWeek: monToSat)

    @Test func saturdayIsAWorkingDayButSundayIsNot() {
        #expect(six.isWorkingDay(LocalDate(year: 2026, month: 3, day: 7)))
        #expect(!six.isWorkingDay(LocalDate(year: 2026, month: 3, day: 8)))
    }

    @Test func sixDayWeekCountsSaturday() {
        // Thu 5 Mar 2026: Fri 6, Sat 7, Mon 9.
        let due = six.deadline(from: local(2026, 3, 5, 9), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-03-09T23:59:59+07:00")
        // The same start in a five-day week ends on Tue 10.
        #expect(WorkingCalendar.standard.deadline(from: local(2026, 3, 5, 9), workingDays: 3).iso8601(in: .wib)
                == "2026-03-10T23:59:59+07:00")
    }

    @Test func saturdayStartIsNotMovedInASixDayWeek() {
        // Sat 7 Mar 2026 is a working day: Mon 9, Tue 10, Wed 11.
        let due = six.deadline(from: local(2026, 3, 7, 9), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-03-11T23:59:59+07:00")
    }

    @Test func holidayOnSaturdayIsOffInASixDayWeek() {
        // Sat 21 Mar 2026 is Idulfitri; the whole 18–24 block is still off: 25, 26, 27.
        #expect(!six.isWorkingDay(LocalDate(year: 2026, month: 3, day: 21)))
        let due = six.deadline(from: local(2026, 3, 17, 10), workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-03-27T23:59:59+07:00")
        // Thu 26 Mar: Fri 27, Sat 28, Mon 30.
        #expect(six.deadline(from: local(2026, 3, 26, 10), workingDays: 3).iso8601(in: .wib)
                == "2026-03-30T23:59:59+07:00")
    }

    @Test func sixDayWeekHasMoreWorkingDaysIn2026() {
        // 2026 has 52 Saturdays (3 Jan … 26 Dec); Sat 21 Mar is Idulfitri. 240 + 52 − 1 = 291.
        #expect(six.workingDays(after: day(2025, 12, 31), through: day(2026, 12, 31)) == 291)
    }
}

// MARK: - WITA and WIT offices

@Suite("Offices in WITA and WIT")
struct OtherZoneTests {
    // 2026-11-23T16:30:00Z is Monday 23:30 WIB, but Tuesday 00:30 WITA and Tuesday 01:30 WIT.
    let instant = Timestamp(seconds: Int64(civilDay(2026, 11, 23)) * 86_400 + 16 * 3600 + 30 * 60)

    @Test func theSameInstantFallsOnDifferentLocalDays() {
        #expect(OfficeTimeZone.wib.date(of: instant) == LocalDate(year: 2026, month: 11, day: 23))
        #expect(OfficeTimeZone.wita.date(of: instant) == LocalDate(year: 2026, month: 11, day: 24))
        #expect(OfficeTimeZone.wit.date(of: instant) == LocalDate(year: 2026, month: 11, day: 24))
        #expect(OfficeTimeZone.wib.secondOfDay(of: instant) == 23 * 3600 + 30 * 60)
        #expect(OfficeTimeZone.wita.secondOfDay(of: instant) == 30 * 60)
        #expect(OfficeTimeZone.wit.secondOfDay(of: instant) == 3600 + 30 * 60)
    }

    @Test func wibOfficeCountsFromMonday() {
        let due = WorkingCalendar(zone: .wib).deadline(from: instant, workingDays: 3)
        #expect(due.iso8601(in: .wib) == "2026-11-26T23:59:59+07:00")
        #expect(due.description == "2026-11-26T16:59:59Z")
    }

    @Test func witaOfficeCountsFromTuesday() {
        let due = WorkingCalendar(zone: .wita).deadline(from: instant, workingDays: 3)
        #expect(due.iso8601(in: .wita) == "2026-11-27T23:59:59+08:00")
        #expect(due.description == "2026-11-27T15:59:59Z")
    }

    @Test func witOfficeCountsFromTuesday() {
        let due = WorkingCalendar(zone: .wit).deadline(from: instant, workingDays: 3)
        #expect(due.iso8601(in: .wit) == "2026-11-27T23:59:59+09:00")
        #expect(due.description == "2026-11-27T14:59:59Z")
    }

    @Test func endAndStartOfDayAreLocal() {
        let d = LocalDate(year: 2026, month: 11, day: 24)
        #expect(OfficeTimeZone.wita.startOfDay(d).description == "2026-11-23T16:00:00Z")
        #expect(OfficeTimeZone.wit.endOfDay(d).description == "2026-11-24T14:59:59Z")
        #expect(OfficeTimeZone.wib.timestamp(d, hour: 9, minute: 15).description == "2026-11-24T02:15:00Z")
    }
}

// MARK: - Counting working days

@Suite("workingDays(after:through:)")
struct WorkingDayCountTests {
    let cal = WorkingCalendar.standard

    @Test func year2026Has240WorkingDays() {
        // 2026 starts on a Thursday: 52 weeks + 1 Thursday = 261 weekdays. Of the 25 SKB days,
        // 21 fall on a weekday (21 Mar, 22 Mar, 5 Apr and 31 May are weekend days). 261 − 21 = 240.
        #expect(cal.workingDays(after: day(2025, 12, 31), through: day(2026, 12, 31)) == 240)
    }

    @Test func yearCountMatchesAnIndependentDayByDayLoop() {
        // The loop below uses only the weekday of 1970-01-01 (Thursday) and the holiday dates.
        let holidayDays = Set(BuiltInHolidays.all.map { civilDay($0.date.year, $0.date.month, $0.date.day) })
        for year in 2025...2027 {
            var expected = 0
            for d in day(year, 1, 1)...day(year, 12, 31) {
                let isoWeekday = ((d % 7 + 7) % 7 + 3) % 7 + 1 // 1 = Monday
                if isoWeekday <= 5 && !holidayDays.contains(d) { expected += 1 }
            }
            #expect(cal.workingDays(after: day(year - 1, 12, 31), through: day(year, 12, 31)) == expected, "\(year)")
        }
    }

    @Test func theNyepiIdulfitriBlockCountsNoWorkingDays() {
        // After Sun 15 through Fri 27 Mar 2026: 16, 17, 25, 26, 27; after 17 through 24: none.
        #expect(cal.workingDays(after: day(2026, 3, 15), through: day(2026, 3, 27)) == 5)
        #expect(cal.workingDays(after: day(2026, 3, 17), through: day(2026, 3, 24)) == 0)
    }

    @Test func emptyOrBackwardSpanCountsNothing() {
        #expect(cal.workingDays(after: day(2026, 3, 10), through: day(2026, 3, 10)) == 0)
        #expect(cal.workingDays(after: day(2026, 3, 10), through: day(2026, 3, 2)) == 0)
    }

    @Test func theFirstDayIsExcludedAndTheLastIncluded() {
        // After Mon 2 Mar through Tue 3 Mar: only Tue 3.
        #expect(cal.workingDays(after: day(2026, 3, 2), through: day(2026, 3, 3)) == 1)
    }

    @Test func pausedDaysAreNotCounted() {
        // Mon 2 … Fri 13 Mar 2026 is 9 working days after Mon 2; pausing Wed 4–Thu 5 leaves 7.
        let paused = [DayRange(first: day(2026, 3, 4), last: day(2026, 3, 5))]
        #expect(cal.workingDays(after: day(2026, 3, 2), through: day(2026, 3, 13)) == 9)
        #expect(cal.workingDays(after: day(2026, 3, 2), through: day(2026, 3, 13), paused: paused) == 7)
    }

    @Test func longSpanOverPauseMatchesNaiveLoop() {
        let paused = [DayRange(first: day(2026, 2, 1), last: day(2026, 2, 20)), DayRange(first: day(2026, 7, 1), last: day(2026, 7, 3))]
        let from = day(2025, 6, 1), to = day(2027, 6, 1)
        #expect(cal.workingDays(after: from, through: to, paused: paused) == naiveWorkingDays(cal, after: from, through: to, paused: paused))
    }

    @Test(arguments: [
        WorkingCalendar.standard,
        WorkingCalendar(zone: .wita, workWeek: monToSat),
        WorkingCalendar(zone: .wit, workWeek: [.tuesday, .thursday, .sunday]),
        WorkingCalendar(workWeek: monToFri, holidays: []),
        WorkingCalendar(workWeek: [.saturday, .sunday]),
    ])
    func weekSteppingAgreesWithNaiveLoopOnRandomRanges(cal: WorkingCalendar) {
        var rng = SplitMix64(state: 0xAD0A_2026)
        let base = day(2024, 6, 1)
        for _ in 0..<400 {
            let from = base + rng.below(1400)
            let to = from + rng.below(800) - 20
            #expect(cal.workingDays(after: from, through: to) == naiveWorkingDays(cal, after: from, through: to),
                    "after \(LocalDate(dayNumber: from)) through \(LocalDate(dayNumber: to))")
        }
    }

    @Test func addingThenCountingWorkingDaysRoundTrips() {
        // The Nth working day after a working day is N working days later.
        var rng = SplitMix64(state: 17)
        for _ in 0..<300 {
            var start = day(2025, 1, 1) + rng.below(1000)
            while !cal.isWorkingDay(start) { start += 1 }
            let n = rng.below(70)
            let end = cal.addWorkingDays(n, toDay: start)
            #expect(cal.workingDays(after: start, through: end) == n)
            #expect(n == 0 || cal.isWorkingDay(end))
        }
    }
}

// MARK: - Calendar days and pauses

@Suite("Calendar-day deadlines and paused ranges")
struct CalendarDayAndPauseTests {
    let cal = WorkingCalendar.standard

    @Test func sixtyCalendarDaysIgnoreWeekendsAndHolidays() {
        // 17 Mar + 14 = 31 Mar, + 30 = 30 Apr, + 16 = 16 May 2026.
        let due = cal.deadline(from: local(2026, 3, 17, 10), calendarDays: 60)
        #expect(due.iso8601(in: .wib) == "2026-05-16T23:59:59+07:00")
    }

    @Test func zeroCalendarDaysIsTheEndOfTheStartDay() {
        // Calendar days do not move a Saturday start.
        let due = cal.deadline(from: local(2026, 3, 7, 10), calendarDays: 0)
        #expect(due.iso8601(in: .wib) == "2026-03-07T23:59:59+07:00")
    }

    @Test func pausedDaysExtendCalendarDeadlineOneForOne() {
        // Paused Fri 20 – Sun 22 Mar: three days later than 16 May.
        let paused = [DayRange(first: day(2026, 3, 20), last: day(2026, 3, 22))]
        let due = cal.deadline(from: local(2026, 3, 17, 10), calendarDays: 60, paused: paused)
        #expect(due.iso8601(in: .wib) == "2026-05-19T23:59:59+07:00")
    }

    @Test func pausedStartDayDoesNotExtendCalendarDeadline() {
        // A pause 17–18 Mar counts only the 18th (the start day itself is not a counted day).
        let paused = [DayRange(first: day(2026, 3, 17), last: day(2026, 3, 18))]
        let due = cal.deadline(from: local(2026, 3, 17, 10), calendarDays: 60, paused: paused)
        #expect(due.iso8601(in: .wib) == "2026-05-17T23:59:59+07:00")
    }

    @Test func overlappingPausesCountEachDayOnce() {
        let paused = [DayRange(first: day(2026, 4, 1), last: day(2026, 4, 5)), DayRange(first: day(2026, 4, 4), last: day(2026, 4, 6))]
        // 1–6 Apr = 6 distinct days.
        let due = cal.deadline(from: local(2026, 3, 17, 10), calendarDays: 60, paused: paused)
        #expect(due.iso8601(in: .wib) == "2026-05-22T23:59:59+07:00")
    }

    @Test func pauseBeforeStartDoesNotExtendCalendarDeadline() {
        let paused = [DayRange(first: day(2026, 3, 1), last: day(2026, 3, 10))]
        let due = cal.deadline(from: local(2026, 3, 17, 10), calendarDays: 60, paused: paused)
        #expect(due.iso8601(in: .wib) == "2026-05-16T23:59:59+07:00")
    }

    @Test func pausedWorkingDaysAreSkipped() {
        // Mon 2 Mar 2026 + 3 wd with Tue 3 – Thu 5 paused: Fri 6, Mon 9, Tue 10.
        let paused = [DayRange(first: day(2026, 3, 3), last: day(2026, 3, 5))]
        let due = cal.deadline(from: local(2026, 3, 2, 9), workingDays: 3, paused: paused)
        #expect(due.iso8601(in: .wib) == "2026-03-10T23:59:59+07:00")
    }

    @Test func pausedWeekendCostsNothingExtra() {
        // Thu 5 Mar + 3 wd, paused Sat 7 – Sun 8: still Fri 6, Mon 9, Tue 10.
        let paused = [DayRange(first: day(2026, 3, 7), last: day(2026, 3, 8))]
        let due = cal.deadline(from: local(2026, 3, 5, 9), workingDays: 3, paused: paused)
        #expect(due.iso8601(in: .wib) == "2026-03-10T23:59:59+07:00")
    }

    @Test func twoSeparatePausesAreBothSkipped() {
        // Mon 2 Mar + 3 wd, paused Tue 3 and Thu 5: Wed 4, Fri 6, Mon 9.
        let paused = [DayRange(first: day(2026, 3, 3), last: day(2026, 3, 3)), DayRange(first: day(2026, 3, 5), last: day(2026, 3, 5))]
        let due = cal.deadline(from: local(2026, 3, 2, 9), workingDays: 3, paused: paused)
        #expect(due.iso8601(in: .wib) == "2026-03-09T23:59:59+07:00")
    }

    @Test func dayRangeIsInclusive() {
        let r = DayRange(first: 10, last: 12)
        #expect(!r.contains(9))
        #expect(r.contains(10))
        #expect(r.contains(12))
        #expect(!r.contains(13))
    }
}

// MARK: - LocalDate

@Suite("LocalDate")
struct LocalDateTests {
    @Test func dayNumberRoundTripsForEveryDayFrom1900To2100() {
        var expectedNumber = civilDay(1900, 1, 1)
        #expect(expectedNumber == -25_567)
        for y in 1900...2100 {
            for m in 1...12 {
                for d in 1...monthLength(m, y) {
                    let date = LocalDate(year: y, month: m, day: d)
                    if date.dayNumber != expectedNumber {
                        Issue.record("\(y)-\(m)-\(d): dayNumber \(date.dayNumber), expected \(expectedNumber)")
                        return
                    }
                    let back = LocalDate(dayNumber: expectedNumber)
                    if back != date {
                        Issue.record("LocalDate(dayNumber: \(expectedNumber)) = \(back), expected \(date)")
                        return
                    }
                    expectedNumber += 1
                }
            }
        }
        #expect(expectedNumber == civilDay(2101, 1, 1))
    }

    @Test(arguments: [
        (1970, 1, 1, 0),
        (2000, 1, 1, 10_957),
        (1900, 1, 1, -25_567),
        (1969, 12, 31, -1),
        (2026, 3, 17, 20_529),
        (2100, 12, 31, 47_846),
    ])
    func knownDayNumbers(y: Int, m: Int, d: Int, n: Int) {
        #expect(LocalDate(year: y, month: m, day: d).dayNumber == n)
        #expect(LocalDate(dayNumber: n) == LocalDate(year: y, month: m, day: d))
    }

    @Test(arguments: [
        ("1970-01-01", Weekday.thursday),
        ("1945-08-17", .friday), // Proklamasi
        ("2000-01-01", .saturday),
        ("1900-01-01", .monday),
        ("2100-12-31", .friday),
        ("2026-03-17", .tuesday),
        ("2026-11-23", .monday),
        ("2027-01-01", .friday),
        ("2024-02-29", .thursday),
    ])
    func weekdayOfKnownDates(text: String, weekday: Weekday) throws {
        #expect(try #require(LocalDate.parse(text)).weekday == weekday)
    }

    @Test func weekdaysCycleMondayToSunday() {
        let monday = civilDay(2026, 3, 16)
        #expect(Weekday.allCases.enumerated().allSatisfy { i, w in Weekday.of(dayNumber: monday + i) == w })
        #expect(Weekday.of(dayNumber: monday - 1) == .sunday)
        #expect(Weekday.of(dayNumber: monday + 7) == .monday)
    }

    @Test func parseAcceptsValidDates() {
        #expect(LocalDate.parse("2026-03-18") == LocalDate(year: 2026, month: 3, day: 18))
        #expect(LocalDate.parse("2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate.parse("2000-02-29") == LocalDate(year: 2000, month: 2, day: 29))
    }

    @Test(arguments: ["2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "1900-02-29",
                      "2026-3-18", "26-03-18", "2026/03/18", "2026-03-18T00:00:00Z", "", "yesterday", "2026-03-1a"])
    func parseRefusesImpossibleOrMalformedDates(text: String) {
        #expect(LocalDate.parse(text) == nil)
    }

    @Test(arguments: ["2026-+3-18", "2026-03-+8", "+202-03-18"])
    func parseRefusesSignedFields(text: String) {
        // "YYYY-MM-DD" means digits; a sign is not a digit.
        #expect(LocalDate.parse(text) == nil)
    }

    @Test func formatsAsIso8601WithPadding() {
        #expect(LocalDate(year: 2026, month: 3, day: 8).iso8601 == "2026-03-08")
        #expect(LocalDate(year: 999, month: 12, day: 31).description == "0999-12-31")
    }

    @Test func ordersChronologically() {
        #expect(LocalDate(year: 2026, month: 3, day: 31) < LocalDate(year: 2026, month: 4, day: 1))
        #expect(LocalDate(year: 2025, month: 12, day: 31) < LocalDate(year: 2026, month: 1, day: 1))
        #expect(LocalDate(year: 2026, month: 3, day: 18).adding(days: 14) == LocalDate(year: 2026, month: 4, day: 1))
    }
}

// MARK: - Timestamps and ISO 8601

@Suite("ISO 8601")
struct ISO8601Tests {
    // 2026-03-17T03:00:00Z = 10:00 WIB.
    static let tenWib: Int64 = 1_773_716_400

    @Test(arguments: [
        "2026-03-17T03:00:00Z",
        "2026-03-17T03:00:00z",
        "2026-03-17t03:00:00Z",
        "2026-03-17 03:00:00Z",
        "2026-03-17T10:00:00+07:00",
        "2026-03-17T10:00:00+0700",
        "2026-03-17T10:00:00+07",
        "2026-03-17T10:00+07:00",
        "2026-03-17T10:00:00.123+07:00",
        "2026-03-17T10:00:00,5+07:00",
        "2026-03-17T03:00:00.999999999Z",
        "2026-03-17T11:00:00+08:00",
        "2026-03-17T12:00:00+09:00",
        "2026-03-16T23:30:00-03:30",
        "2026-03-17T03:00:00+00:00",
    ])
    func parsesTheSameInstantInEveryAcceptedForm(text: String) {
        #expect(Timestamp.parseISO8601(text) == .success(Timestamp(seconds: Self.tenWib)))
    }

    @Test func fractionalSecondsAreDropped() {
        #expect(Timestamp.parseISO8601("2026-03-17T03:00:59.999Z") == .success(Timestamp(seconds: Self.tenWib + 59)))
    }

    @Test func parsesEpochAndPre1970() {
        #expect(Timestamp.parseISO8601("1970-01-01T00:00:00Z") == .success(Timestamp(seconds: 0)))
        #expect(Timestamp.parseISO8601("1970-01-01T06:59:59+07:00") == .success(Timestamp(seconds: -1)))
        #expect(Timestamp.parseISO8601("1945-08-17T10:00:00+07:00") == .success(Timestamp(seconds: -769_208_400)))
    }

    @Test func leapDayParsesInALeapYear() {
        #expect(Timestamp.parseISO8601("2024-02-29T00:00:00Z") == .success(Timestamp(seconds: 19_782 * 86_400)))
    }

    @Test(arguments: ["2026-03-17T10:00:00", "2026-03-17T10:00", "2026-03-17", "2026-03-17T10:00:00.5"])
    func dateTimeWithoutZoneIsRefusedAsMissingTimeZone(text: String) {
        #expect(Timestamp.parseISO8601(text) == .failure(.missingTimeZone(text)))
    }

    @Test(arguments: ["2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-02-29T10:00:00+07:00", "2026-04-31T10:00:00Z",
                      "2026-03-32T10:00:00Z", "2026-03-00T10:00:00Z", "2026-03-17T24:00:00Z", "2026-03-17T10:60:00Z",
                      "2026-03-17T10:00:00+15:00", "2026-03-17T10:00:00+07:60"])
    func impossibleFieldsAreRefusedAsOutOfRange(text: String) {
        #expect(Timestamp.parseISO8601(text) == .failure(.outOfRange(text)))
    }

    @Test(arguments: ["", "garbage", "17/03/2026 10:00 WIB", "2026-3-17T10:00:00Z", "2026-03-17T1000Z", "2026-03-17T10:00:00 WIB",
                      "2026-03-17T10:00:00+7:00", "2026-03-17T10:00:00.Z", "2026-03-17T10:00:00Zjunk", "2026-03-17X10:00:00Z",
                      "2026-03-17T10:00:00+07:00:00", "20260317T100000Z"])
    func garbageIsRefusedAsMalformed(text: String) {
        #expect(Timestamp.parseISO8601(text) == .failure(.malformed(text)))
    }

    @Test func formatsUtcWithZ() {
        #expect(Timestamp(seconds: Self.tenWib).description == "2026-03-17T03:00:00Z")
        #expect(Timestamp(seconds: 0).description == "1970-01-01T00:00:00Z")
        #expect(Timestamp(seconds: -1).description == "1969-12-31T23:59:59Z")
    }

    @Test func formatsWithTheOfficeOffset() {
        let t = Timestamp(seconds: Self.tenWib)
        #expect(t.iso8601(in: .wib) == "2026-03-17T10:00:00+07:00")
        #expect(t.iso8601(in: .wita) == "2026-03-17T11:00:00+08:00")
        #expect(t.iso8601(in: .wit) == "2026-03-17T12:00:00+09:00")
        #expect(t.iso8601(offsetSeconds: -(3 * 3600 + 1800)) == "2026-03-16T23:30:00-03:30")
        #expect(t.iso8601(offsetSeconds: 0) == "2026-03-17T03:00:00Z")
    }

    @Test func formattingThenParsingRoundTripsInEveryZone() {
        var rng = SplitMix64(state: 99)
        let zones: [OfficeTimeZone] = [.wib, .wita, .wit, .utc, OfficeTimeZone(identifier: "-03:30", abbreviation: "x", offsetSeconds: -12_600)]
        let low = Int64(civilDay(1900, 1, 2)) * 86_400, span = Int64(civilDay(2100, 12, 30)) * 86_400 - low
        for _ in 0..<2000 {
            let t = Timestamp(seconds: low + Int64(rng.next() % UInt64(span)))
            for z in zones {
                let text = t.iso8601(in: z)
                #expect(Timestamp.parseISO8601(text) == .success(t), "\(text)")
            }
        }
    }

    @Test func timestampArithmetic() {
        let t = Timestamp(seconds: Self.tenWib)
        #expect(t.adding(days: 1).description == "2026-03-18T03:00:00Z")
        #expect(t.adding(seconds: -3 * 3600).description == "2026-03-17T00:00:00Z")
        #expect(t < t.adding(seconds: 1))
    }
}

// MARK: - Office time zones

@Suite("OfficeTimeZone")
struct OfficeTimeZoneTests {
    @Test(arguments: [
        ("Asia/Jakarta", 7 * 3600, "WIB"),
        ("asia/jakarta", 7 * 3600, "WIB"),
        ("Asia/Pontianak", 7 * 3600, "WIB"),
        ("Asia/Makassar", 8 * 3600, "WITA"),
        ("Asia/Jayapura", 9 * 3600, "WIT"),
        ("WIB", 7 * 3600, "WIB"),
        ("WITA", 8 * 3600, "WITA"),
        ("WIT", 9 * 3600, "WIT"),
        ("wita", 8 * 3600, "WITA"),
        ("UTC", 0, "UTC"),
    ])
    func namedZones(name: String, offset: Int, abbreviation: String) throws {
        let zone = try #require(OfficeTimeZone.named(name))
        #expect(zone.offsetSeconds == offset)
        #expect(zone.abbreviation == abbreviation)
    }

    @Test func ianaNamesGiveTheCanonicalZones() {
        #expect(OfficeTimeZone.named("Asia/Jakarta") == .wib)
        #expect(OfficeTimeZone.named("Asia/Makassar") == .wita)
        #expect(OfficeTimeZone.named("Asia/Jayapura") == .wit)
        #expect(OfficeTimeZone.named("WIB") == .wib)
        #expect(OfficeTimeZone.named("WITA") == .wita)
        #expect(OfficeTimeZone.named("WIT") == .wit)
    }

    @Test func fixedOffsetIsAccepted() throws {
        let plus7 = try #require(OfficeTimeZone.named("+07:00"))
        #expect(plus7.offsetSeconds == 25_200)
        #expect(plus7.identifier == "+07:00")
        #expect(plus7.abbreviation == "UTC+07:00")
        #expect(try #require(OfficeTimeZone.named("-03:30")).offsetSeconds == -12_600)
        #expect(try #require(OfficeTimeZone.named("+09:00")).offsetSeconds == 32_400)
    }

    @Test(arguments: ["Europe/Paris", "Asia/Singapore", "", "GMT+7", "+7:00", "+0700", "07:00", "+15:00", "+07:60", "WIBB"])
    func unknownNamesGiveNil(name: String) {
        #expect(OfficeTimeZone.named(name) == nil)
    }

    @Test(arguments: ["+-7:00", "++7:00", "+07:+5", "-07:-1"])
    func offsetsWithSignedFieldsAreRefused(name: String) {
        // Only ±HH:MM with digits is a fixed offset.
        #expect(OfficeTimeZone.named(name) == nil)
    }
}

// MARK: - Built-in holidays

@Suite("Built-in SKB holidays")
struct BuiltInHolidayTests {
    @Test func everyBuiltInDateIsAValidDateIn2025To2027() {
        for h in BuiltInHolidays.all {
            #expect(LocalDate.parse(h.date.iso8601) == h.date, "\(h.date)")
            #expect((2025...2027).contains(h.date.year))
            #expect(h.date.day <= monthLength(h.date.month, h.date.year))
            #expect(!h.name.isEmpty)
            #expect(h.kind != .regional)
        }
    }

    @Test func builtInDaysAreInDateOrderWithoutDuplicates() {
        let dates = BuiltInHolidays.all.map(\.date)
        #expect(dates == dates.sorted())
        #expect(Set(dates).count == dates.count)
    }

    @Test func skb2026HasSeventeenNationalHolidaysAndEightCollectiveLeaveDays() {
        let days2026 = BuiltInHolidays.all.filter { $0.date.year == 2026 }
        #expect(days2026.count == 25)
        #expect(days2026.filter { $0.kind == .national }.count == 17)
        #expect(days2026.filter { $0.kind == .collectiveLeave }.count == 8)
        #expect(WorkingCalendar.standard.holidays(in: 2026).map(\.date) == days2026.map(\.date))
    }

    @Test func the2026ListHasTheExpectedDates() {
        let expected = ["2026-01-01", "2026-01-16", "2026-02-16", "2026-02-17", "2026-03-18", "2026-03-19", "2026-03-20",
                        "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-04-03", "2026-04-05", "2026-05-01",
                        "2026-05-14", "2026-05-15", "2026-05-27", "2026-05-28", "2026-05-31", "2026-06-01", "2026-06-16",
                        "2026-08-17", "2026-08-25", "2026-12-24", "2026-12-25"]
        #expect(BuiltInHolidays.all.filter { $0.date.year == 2026 }.map(\.date.iso8601) == expected)
    }

    @Test func sourceNamesTheSkb() {
        #expect(BuiltInHolidays.source.contains("SKB 3 Menteri"))
    }
}

// MARK: - Fingerprint across rule changes

@Suite("Calendar fingerprint")
struct CalendarFingerprintTests {
    /// The fingerprint as stores written before issue 11 recorded it (zone, work week, holidays
    /// only), when a start on a non-working day was first moved to the next working day.
    static func legacyFingerprint(_ cal: WorkingCalendar) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: Int) {
            var x = UInt64(bitPattern: Int64(v))
            for _ in 0..<8 {
                hash ^= x & 0xff
                hash = hash &* 0x0000_0100_0000_01b3
                x >>= 8
            }
        }
        mix(cal.zone.offsetSeconds)
        mix(cal.workWeek.reduce(0) { $0 | (1 << $1.rawValue) })
        for day in cal.holidays.keys.sorted() { mix(day) }
        return String(hash, radix: 16)
    }

    @Test func fingerprintChangesWithTheNonWorkingStartRule() {
        // Deadlines stored under the old rule must be recomputed: the same calendar no longer
        // has the fingerprint it had then.
        #expect(WorkingCalendar.standard.fingerprint != Self.legacyFingerprint(.standard))
        #expect(WorkingCalendar(holidays: []).fingerprint != Self.legacyFingerprint(WorkingCalendar(holidays: [])))
    }
}

// MARK: - Years the calendar knows (issue 11 item 10)

@Suite("Years the calendar knows")
struct KnownYearsTests {
    @Test func theBuiltInListKnows2025To2027() {
        #expect(WorkingCalendar.standard.knownYears == [2025, 2026, 2027])
    }

    @Test func configuredHolidaysAddTheirYears() {
        let cal = WorkingCalendar(holidays: BuiltInHolidays.all + [Holiday(date: LocalDate(year: 2028, month: 1, day: 1), kind: .national, name: "Tahun Baru")])
        #expect(cal.knownYears == [2025, 2026, 2027, 2028])
        #expect(cal.unknownYears(fromDay: day(2028, 1, 3), throughDay: day(2028, 1, 10)).isEmpty)
    }

    @Test func aSpanReachingAnUnknownYearNamesIt() {
        let cal = WorkingCalendar.standard
        #expect(cal.unknownYears(fromDay: day(2028, 1, 3), throughDay: day(2028, 1, 10)) == [2028])
        #expect(cal.unknownYears(fromDay: day(2027, 12, 28), throughDay: day(2029, 1, 2)) == [2028, 2029])
        #expect(cal.unknownYears(fromDay: day(2024, 12, 31), throughDay: day(2025, 1, 2)) == [2024])
        #expect(cal.unknownYears(fromDay: day(2026, 12, 5), throughDay: day(2026, 12, 11)).isEmpty)
    }

    @Test func theWarningNamesTheYearsAndTheConfigKeysInBothLanguages() {
        for text in [IndonesianStrings().holidayYearsUnknown([2028]), EnglishStrings().holidayYearsUnknown([2028])] {
            #expect(text.contains("2028"))
            #expect(text.contains("calendar.holidays"))
            #expect(text.contains("calendar.holidayFiles"))
            #expect(text.contains("aduan office apply"))
        }
        #expect(IndonesianStrings().holidayYearsUnknown([2028]).contains("hari libur"))
        #expect(EnglishStrings().holidayYearsUnknown([2028]).contains("holidays"))
    }

    @Test func theScreenWarnsWhenTodaysDeadlinesReachAnUnknownYear() {
        let policy = DeadlinePolicy.standard
        let cal = WorkingCalendar.standard
        // On 20 Dec 2027 the 60-day cap reaches into 2028.
        #expect(policy.unknownHolidayYears(now: local(2027, 12, 20, 9), calendar: cal) == [2028])
        #expect(policy.unknownHolidayYears(now: local(2026, 11, 23, 9), calendar: cal).isEmpty)
    }
}
