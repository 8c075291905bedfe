/// What kind of day off a holiday is.
public enum HolidayKind: String, Sendable, CaseIterable {
    /// Libur nasional: a national public holiday.
    case national = "LN"
    /// Cuti bersama: collective leave decreed by the SKB 3 Menteri.
    case collectiveLeave = "CB"
    /// A regional day off set by the office (hari jadi daerah, a local holiday).
    case regional = "LD"
}

/// One day on which government offices do not work.
public struct Holiday: Hashable, Sendable {
    public var date: LocalDate
    public var kind: HolidayKind
    public var name: String

    public init(date: LocalDate, kind: HolidayKind, name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }
}

/// An inclusive run of local days (day numbers) during which SLA clocks stand still.
public struct DayRange: Hashable, Sendable {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    public func contains(_ day: Int) -> Bool { day >= first && day <= last }
}

/// The office's working days (hari kerja): a work week minus national holidays and cuti bersama,
/// in the office's time zone.
///
/// Deadline rule (SP4N-LAPOR! practice): a deadline of N working days falls at 23:59:59 local
/// time on the Nth working day strictly after the day of the starting event, whatever day the
/// event fell on (an event on Saturday counts Monday as day 1, as on Friday). Days spent in Tunda
/// are skipped (see `paused`).
public struct WorkingCalendar: Sendable, Equatable {
    public let zone: OfficeTimeZone
    public let workWeek: Set<Weekday>
    /// Holidays keyed by local day number.
    public let holidays: [Int: Holiday]
    /// The years the calendar knows: those with at least one holiday in its lists (built-in and
    /// configured). Outside them deadlines skip only the weekend (see `unknownYears`).
    public let knownYears: Set<Int>
    private let workMask: UInt8

    public init(zone: OfficeTimeZone = .wib,
                workWeek: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday],
                holidays: [Holiday] = BuiltInHolidays.all) {
        self.zone = zone
        self.workWeek = workWeek
        var byDay: [Int: Holiday] = [:]
        for h in holidays { byDay[h.date.dayNumber] = h }
        self.holidays = byDay
        self.knownYears = Set(holidays.map(\.date.year))
        self.workMask = workWeek.reduce(0) { $0 | (1 << UInt8($1.rawValue)) }
    }

    /// Mon–Fri in WIB with the built-in SKB days.
    public static let standard = WorkingCalendar()

    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        a.zone == b.zone && a.workWeek == b.workWeek && a.holidays == b.holidays
    }

    public func isWorkingDay(_ dayNumber: Int) -> Bool {
        workMask & (1 << UInt8(Weekday.of(dayNumber: dayNumber).rawValue)) != 0 && holidays[dayNumber] == nil
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool { isWorkingDay(date.dayNumber) }

    public func holiday(on date: LocalDate) -> Holiday? { holidays[date.dayNumber] }

    /// The holidays of one year, in date order.
    public func holidays(in year: Int) -> [Holiday] {
        holidays.values.filter { $0.date.year == year }.sorted { $0.date < $1.date }
    }

    /// The years from `fromDay` through `toDay` (local day numbers) the calendar has no holidays
    /// for, in order: a deadline counted across them may miss days off. Empty when all are known.
    public func unknownYears(fromDay: Int, throughDay toDay: Int) -> [Int] {
        let first = LocalDate(dayNumber: min(fromDay, toDay)).year, last = LocalDate(dayNumber: max(fromDay, toDay)).year
        return (first...last).filter { !knownYears.contains($0) }
    }

    /// The first working day on or after `dayNumber`.
    public func workingDay(onOrAfter dayNumber: Int) -> Int {
        var d = dayNumber
        // A work week always has at least one day (checked by the config), so this ends.
        while !isWorkingDay(d) { d += 1 }
        return d
    }

    /// The day number of the Nth counted working day strictly after `startDay` (a working day or
    /// not: the first working day after it is day 1); paused days are not counted. N = 0 is the
    /// start day itself.
    public func addWorkingDays(_ n: Int, toDay startDay: Int, paused: [DayRange] = []) -> Int {
        var day = startDay
        var remaining = n
        while remaining > 0 {
            day += 1
            if isWorkingDay(day) && !paused.contains(where: { $0.contains(day) }) { remaining -= 1 }
        }
        return day
    }

    /// End of the Nth working day after the day of `start` (23:59:59 local).
    public func deadline(from start: Timestamp, workingDays n: Int, paused: [DayRange] = []) -> Timestamp {
        zone.endOfDay(dayNumber: addWorkingDays(n, toDay: zone.dayNumber(of: start), paused: paused))
    }

    /// End of the Nth calendar day after the day of `start`, plus one day for every paused day after it.
    public func deadline(from start: Timestamp, calendarDays n: Int, paused: [DayRange] = []) -> Timestamp {
        let startDay = zone.dayNumber(of: start)
        var extra = 0
        var counted = Set<Int>()
        for range in paused where range.last > startDay {
            for d in max(range.first, startDay + 1)...range.last where counted.insert(d).inserted { extra += 1 }
        }
        return zone.endOfDay(dayNumber: startDay + n + extra)
    }

    /// Working days d with `fromDay` < d ≤ `toDay` (0 when toDay ≤ fromDay).
    public func workingDays(after fromDay: Int, through toDay: Int, paused: [DayRange] = []) -> Int {
        guard toDay > fromDay else { return 0 }
        var count = 0
        var d = fromDay + 1
        // Whole weeks in one step keep long spans (a year overdue) cheap.
        if paused.isEmpty {
            let perWeek = workWeek.count
            while toDay - d >= 7 {
                var holidaysInWeek = 0
                for k in 0..<7 where holidays[d + k] != nil && workMask & (1 << UInt8(Weekday.of(dayNumber: d + k).rawValue)) != 0 {
                    holidaysInWeek += 1
                }
                count += perWeek - holidaysInWeek
                d += 7
            }
        }
        while d <= toDay {
            if isWorkingDay(d) && !paused.contains(where: { $0.contains(d) }) { count += 1 }
            d += 1
        }
        return count
    }

    /// The version of the counting rule itself, part of the fingerprint: stores whose deadlines
    /// were computed under an earlier rule recompute them at open. 2: a start on a non-working day
    /// is no longer moved to the next working day first (issue 11 item 7).
    public static let ruleVersion = 2

    /// A short, stable digest of everything that moves a deadline (rule version, zone, week,
    /// holidays), so a store can tell when its precomputed deadlines were made under another calendar.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: Int) {
            var x = UInt64(bitPattern: Int64(v))
            for _ in 0..<8 {
                hash ^= x & 0xff
                hash = hash &* 0x0000_0100_0000_01b3
                x >>= 8
            }
        }
        mix(zone.offsetSeconds)
        mix(Int(workMask))
        // Version 1 (before the rule had a version) mixed nothing here, so its digests stay distinct.
        if Self.ruleVersion > 1 { mix(-Self.ruleVersion) }
        for day in holidays.keys.sorted() { mix(day) }
        return String(hash, radix: 16)
    }
}
