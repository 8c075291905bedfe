import AduanCore
import AduanTestSupport
import Testing

/// Issue 11, item 12: a refused date says what is wrong with it (an impossible month or day),
/// and is told to add a time zone only when the date-time is valid but lacks one.
@Suite struct ValidationMessageTests {
    @Test func anImpossibleDayForCalendarDueIsCalledInvalidNotMissingAZone() throws {
        try requireBinary()
        let en = Desk("due-feb30").bare(["calendar", "due", "2026-02-30", "5", "--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr.contains("February 2026 has no day 30"), "\(en.stderr)")
        #expect(!en.stderr.contains("time zone"), "\(en.stderr)")
        let id = Desk("due-feb30-id").bare(["calendar", "due", "2026-02-30", "5"])
        #expect(id.status == 2)
        #expect(id.stderr.contains("tanggal 30 tidak ada pada Februari 2026"), "\(id.stderr)")
    }

    @Test func anImpossibleMonthInCalendarDueIsNamed() throws {
        try requireBinary()
        let r = Desk("due-month13").bare(["calendar", "due", "2026-13-02", "5", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("month 13 does not exist"), "\(r.stderr)")
    }

    @Test func anImportRowWithMonth13NamesFileLineFieldAndTheMonth() throws {
        try requireBinary()
        let desk = Desk("import-month13")
        let file = desk.scratch.write("bulan.csv", "title,received_at\r\nLampu mati,2026-11-20T09:00:00+07:00\r\nJalan rusak,2026-13-02 10:00\r\n")
        let en = desk.run(["import", file, "--lang", "en"])
        #expect(en.status == 1)
        #expect(en.stderr.contains("bulan.csv:3: received_at: \"2026-13-02 10:00\": month 13 does not exist"), "\(en.stderr)")
        #expect(!en.stderr.contains("T09:00:00+07:00"), "must not suggest a date-time with month 13: \(en.stderr)")
        let id = desk.run(["import", file])
        #expect(id.stderr.contains("bulan.csv:3: received_at: \"2026-13-02 10:00\": bulan 13 tidak ada"), "\(id.stderr)")
    }

    @Test func aValidDateTimeWithoutAZoneIsStillToldToAddOne() throws {
        try requireBinary()
        let desk = Desk("import-nozone")
        let file = desk.scratch.write("zona.csv", "title,received_at\r\nLampu mati,2026-11-20 10:00\r\n")
        let r = desk.run(["import", file])
        #expect(r.stderr.contains("zona.csv:2: received_at: \"2026-11-20 10:00\" tanpa zona waktu; tulis mis. 2026-11-20T09:00:00+07:00"), "\(r.stderr)")
    }

    @Test(arguments: [
        ("2026-13-02 10:00", DateTimeProblem.month(13)),
        ("2026-02-30", .day(30, month: 2, year: 2026)),
        ("2026-02-30T10:00:00+07:00", .day(30, month: 2, year: 2026)),
        ("2026-03-17T24:00", .hour(24)),
        ("2026-03-17T10:60:00Z", .minute(60)),
        ("2026-03-17T10:00:00+15:00", .zoneOffset),
        ("2026-03-17T10:00", .missingTimeZone),
        ("kemarin", .malformed),
    ])
    func theCoreNamesTheFirstWrongField(_ text: String, _ expected: DateTimeProblem) {
        #expect(DateTimeProblem.of(text) == expected)
    }
}
