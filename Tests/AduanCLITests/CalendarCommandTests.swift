import AduanTestSupport
import Testing

/// `aduan calendar due DATE N` and `aduan calendar holidays YEAR` with the built-in SKB days.
@Suite struct CalendarCommandTests {
    @Test(arguments: [
        // Nyepi (19 Mar), its cuti bersama (18 Mar) and the Idulfitri block (20–24 Mar) are skipped.
        ("2026-03-17T10:00:00+07:00", "3", "2026-03-27T23:59:59+07:00"),
        // A plain date is read in the office zone (WIB).
        ("2026-03-17", "3", "2026-03-27T23:59:59+07:00"),
        // The same moment written in UTC.
        ("2026-03-17T03:00:00Z", "3", "2026-03-27T23:59:59+07:00"),
        // Christmas Eve (CB) and Christmas (LN) 2026, then a weekend.
        ("2026-12-23", "2", "2026-12-29T23:59:59+07:00"),
        // A Friday plus one working day is the Monday.
        ("2026-11-20", "1", "2026-11-23T23:59:59+07:00"),
        // Zero days: the end of that same day.
        ("2026-11-23T09:00:00+07:00", "0", "2026-11-23T23:59:59+07:00"),
        // Regional holiday from the config: Hari Jadi Kabupaten Sukamaju, Friday 9 October 2026.
        ("2026-10-08", "1", "2026-10-12T23:59:59+07:00"),
        // A Saturday start: the following Monday is day 1, as from the Friday before (issue 11 item 7).
        ("2026-12-05", "5", "2026-12-11T23:59:59+07:00"),
        ("2026-12-04", "5", "2026-12-11T23:59:59+07:00"),
    ])
    func dueSkipsWeekendsAndHolidays(_ date: String, _ n: String, _ expected: String) throws {
        try requireBinary()
        let r = Desk("due").bare(["calendar", "due", date, n])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == expected + "\n", "calendar due \(date) \(n)")
        #expect(r.stderr.isEmpty)
    }

    /// "-1" is a (wrong) number of days, not an unknown option: the message says what N may be.
    @Test func aNegativeCountIsExplainedAsACount() throws {
        try requireBinary()
        let r = Desk("due-negative").bare(["calendar", "due", "2026-11-23", "-1", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("-1: N must be a whole number"), "\(r.stderr)")
        #expect(!r.stderr.contains("unknown option"))
    }

    @Test func calendarDaysCountEveryDay() throws {
        try requireBinary()
        let r = Desk("due-cal").bare(["calendar", "due", "2026-03-17", "3", "--calendar-days"])
        #expect(r.status == 0)
        #expect(r.stdout == "2026-03-20T23:59:59+07:00\n")
    }

    @Test func aDateTimeWithoutAZoneIsRefusedWithAHint() throws {
        try requireBinary()
        let desk = Desk("due-nozone")
        let r = desk.bare(["calendar", "due", "2026-03-17T10:00:00", "3"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("2026-03-17T10:00:00"))
        #expect(r.stderr.contains("+07:00"), "the message should show how to add the zone: \(r.stderr)")
        let en = desk.bare(["calendar", "due", "2026-03-17T10:00:00", "3", "--lang", "en"])
        #expect(en.status == 2)
    }

    @Test(arguments: [["calendar", "due", "kemarin", "3"], ["calendar", "due", "2026-03-17", "tiga"], ["calendar", "due", "2026-03-17"],
                      ["calendar", "due", "2026-03-17", "10001"], ["calendar", "holidays"], ["calendar", "holidays", "dua-ribu"],
                      ["calendar", "holidays", "1800"], ["calendar"], ["calendar", "libur", "2026"]])
    func badCalendarArgumentsAreUsageErrors(_ args: [String]) throws {
        try requireBinary()
        let r = Desk("cal-bad").bare(args)
        #expect(r.status == 2, "\(args): exit \(r.status)")
        #expect(r.stderr.hasPrefix("aduan: "))
        #expect(r.stdout.isEmpty)
    }

    @Test func holidays2026ListTheSKBDays() throws {
        try requireBinary()
        let r = Desk("holidays").bare(["calendar", "holidays", "2026"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count >= 20)
        for l in lines {
            #expect(l.count == 4, "not date/weekday/kind/name: \(l)")
            #expect(l.first?.hasPrefix("2026-") == true)
            #expect(["LN", "CB", "LD"].contains(l.count > 2 ? l[2] : ""), "kind of \(l)")
        }
        let byDate = Dictionary(lines.filter { $0.count == 4 }.map { ($0[0], $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byDate["2026-01-01"]?[2] == "LN")
        #expect(byDate["2026-03-18"]?[2] == "CB")
        #expect(byDate["2026-03-19"]?[2] == "LN")
        #expect(byDate["2026-03-19"]?[3].contains("Nyepi") == true)
        for d in ["2026-03-20", "2026-03-23", "2026-03-24"] { #expect(byDate[d]?[2] == "CB", "\(d) should be cuti bersama Idulfitri") }
        #expect(byDate["2026-03-21"]?[3].contains("Idulfitri") == true)
        #expect(byDate["2026-08-17"]?[2] == "LN")
        #expect(byDate["2026-12-24"]?[2] == "CB")
        #expect(byDate["2026-12-25"]?[2] == "LN")
        #expect(byDate["2026-10-09"]?[2] == "LD", "the office's own regional holiday from the config")
        #expect(byDate["2026-03-19"]?[1] == "Kamis", "weekday names are Indonesian by default")
        // In date order.
        let dates = lines.compactMap(\.first)
        #expect(dates == dates.sorted())
        let en = Desk("holidays-en").bare(["calendar", "holidays", "2026", "--lang", "en"])
        #expect(en.stdout.contains("2026-03-19\tThursday"))
    }

    @Test func aDueDateInAYearWithoutHolidaysWarnsOnStderrNamingTheConfigKeys() throws {
        try requireBinary()
        // The built-in list ends with 2027: the answer is still given, with a warning.
        let r = Desk("due-2028").bare(["calendar", "due", "2028-01-03", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "2028-01-10T23:59:59+07:00\n")
        #expect(r.stderr.contains("2028"))
        #expect(r.stderr.contains("calendar.holidays"))
        #expect(r.stderr.contains("calendar.holidayFiles"))
        #expect(r.stderr.contains("aduan office apply"))
        // A span that ends in the unknown year warns too.
        let across = Desk("due-2027-2028").bare(["calendar", "due", "2027-12-28", "10"])
        #expect(across.stderr.contains("2028"), "\(across.stderr)")
        // Known years stay silent.
        #expect(Desk("due-2026").bare(["calendar", "due", "2026-12-05", "5"]).stderr.isEmpty)
    }

    @Test func aYearWithoutHolidaysSaysSo() throws {
        try requireBinary()
        let r = Desk("holidays-none").bare(["calendar", "holidays", "2031"])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("2031"))
    }
}
