import Testing
import AduanCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The office configuration: config.example.json is the documentation and the built-in default,
// and every mistake in a config file is reported with the file, line, key path and a useful hint.

// MARK: - Helpers

/// The repository root, found from this file's path (Tests/AduanCoreTests/ConfigTests.swift).
private func repoRoot(_ file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}

/// Reads a whole file with the C library (the project does not use Foundation).
private func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
        out.append(contentsOf: buffer[0..<n])
        if n < buffer.count { break }
    }
    return out
}

private func exampleBytes() throws -> [UInt8] {
    try #require(readFile(repoRoot() + "/config.example.json"), "cannot read config.example.json")
}

private func exampleConfig() throws -> OfficeConfig {
    try OfficeConfig.parse(try exampleBytes(), file: "config.example.json").get()
}

/// The errors of a config that must not parse.
private func errors(_ text: String, file: String = "office.json",
                    loadFile: (String) -> Result<[UInt8], FileReadError> = { _ in .failure(FileReadError("file access not available")) })
    -> [ConfigError] {
    switch OfficeConfig.parse(text, file: file, loadFile: loadFile) {
    case .success:
        Issue.record("expected errors, but the config parsed")
        return []
    case .failure(let e):
        return e.all
    }
}

/// A small valid office: wrap extra top-level members in it with `office(...)`.
private func office(_ extra: String = "", operators: String = "[]") -> String {
    """
    {
      "office": { "name": "Pemerintah Kabupaten Sukamaju", "agency": "pemkab" },
      "agencies": [
        { "id": "pemkab", "name": "Pemkab", "units": [ { "id": "dinkes", "name": "Dinas Kesehatan" }, { "id": "pupr", "name": "Dinas PUPR" } ] },
        { "id": "prov", "name": "Pemprov", "units": [ { "id": "prov-x", "name": "Dinas X" } ] }
      ],
      "operators": \(operators)\(extra.isEmpty ? "" : ",\n  " + extra)
    }
    """
}

private let monToFri: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

// MARK: - The example file

@Suite("config.example.json")
struct ExampleConfigTests {
    @Test func exampleConfigParsesWithoutErrors() throws {
        switch OfficeConfig.parse(try exampleBytes(), file: "config.example.json") {
        case .success(let c):
            #expect(c.officeName == "Pemerintah Kabupaten Sukamaju")
            #expect(c.agency == "pemkab-sukamaju")
            #expect(c.language == .id)
            #expect(c.refreshSeconds == 2)
            #expect(c.store == nil)
        case .failure(let e):
            Issue.record("config.example.json has errors: \(e.all.map(\.description))")
        }
    }

    @Test func exampleTextIsExactlyTheBuiltInConfig() throws {
        let text = String(decoding: try exampleBytes(), as: UTF8.self)
        let builtIn = BuiltInConfig.json
        let a = Array(text.utf8), b = Array(builtIn.utf8)
        let firstDifference = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let identical = text == builtIn
        #expect(identical, """
            config.example.json (\(a.count) bytes) and BuiltInConfig.json (\(b.count) bytes) first differ at byte \(firstDifference); \
            last bytes \(a.suffix(3)) vs \(b.suffix(3)). SwiftPM embeds the file itself (.embedInCode): is Sources/AduanCore/config.example.json still a link to it?
            """)
    }

    @Test func builtInConfigParsesToTheSameOffice() throws {
        let builtIn = try OfficeConfig.parse(BuiltInConfig.json, file: "(built-in)").get()
        #expect(builtIn == (try exampleConfig()))
    }

    @Test func exampleDirectoryOperatorsCategoriesAndTemplates() throws {
        let c = try exampleConfig()
        #expect(c.directory.agencies.count == 8)
        // Issue 15: 24 units and 5 sub-units (a bidang and two puskesmas under Dinkes, a kelurahan, a desa).
        #expect(c.directory.agency("pemkab-sukamaju")?.units.count == 29)
        #expect(c.directory.agencyOf(unit: "prov-bina-marga")?.id == "pemprov-jatim")
        #expect(c.operators.count == 10, "issue 15 added the Bidang Yankes liaison and a Puskesmas unit operator")
        #expect(c.defaultOperator == "admin")
        #expect(c.operatorNamed(nil)?.name == "Siti Rahmawati")
        let liaison = try #require(c.operatorNamed("tl-dinkes"))
        #expect(liaison.role == .liaison && liaison.unit == "dinkes" && liaison.agency == "pemkab-sukamaju")
        #expect(c.operatorNamed("admin-prov")?.agency == "pemprov-jatim")
        #expect(c.operatorNamed("monitor-kominfo")?.agency == "*")
        #expect(c.categories.count == 33)
        #expect(c.categoryName(Category("kesehatan/puskesmas")) == "Kesehatan › Puskesmas")
        #expect(c.templates.map(\.id) == ["diterima", "klarifikasi", "dijadwalkan", "selesai"])
    }

    @Test func exampleUsesTheDomainDefaults() throws {
        let c = try exampleConfig()
        #expect(c.deadlines == DeadlinePolicy.standard)
        #expect(c.policy == WorkflowPolicy.standard)
        #expect(c.calendar.zone == .wib)
        #expect(c.calendar.workWeek == monToFri)
    }

    @Test func exampleAddsTheRegionalHoliday() throws {
        let c = try exampleConfig()
        let hariJadi = try #require(c.calendar.holiday(on: LocalDate(year: 2026, month: 10, day: 9)))
        #expect(hariJadi.kind == .regional)
        #expect(hariJadi.name == "Hari Jadi Kabupaten Sukamaju")
        #expect(c.calendar.holidays.count == BuiltInHolidays.all.count + 1)
        #expect(!c.calendar.isWorkingDay(LocalDate(year: 2026, month: 10, day: 9)))
        // Thu 8 Oct 2026 + 1 working day: Fri 9 elsewhere, Mon 12 in Sukamaju.
        let thursday = Timestamp(seconds: 1_791_432_000) // 2026-10-08T11:00:00+07:00
        #expect(WorkingCalendar.standard.deadline(from: thursday, workingDays: 1).iso8601(in: .wib) == "2026-10-09T23:59:59+07:00")
        #expect(c.calendar.deadline(from: thursday, workingDays: 1).iso8601(in: .wib) == "2026-10-12T23:59:59+07:00")
    }
}

// MARK: - Defaults

@Suite("Config defaults")
struct ConfigDefaultTests {
    @Test func minimalConfigGetsTheDomainDefaults() throws {
        let c = try OfficeConfig.parse(office(), file: "office.json").get()
        #expect(c.deadlines.verification.days == 3 && c.deadlines.verification.counting == .working)
        #expect(c.deadlines.firstFollowUp.days == 5 && c.deadlines.firstFollowUp.counting == .working)
        #expect(c.deadlines.autoClose.days == 10 && c.deadlines.autoClose.counting == .working)
        #expect(c.deadlines.resolution.days == 60 && c.deadlines.resolution.counting == .calendar)
        #expect(c.deadlines.dueSoonWorkingDays == 1)
        #expect(c.policy.reopenAllowed)
        #expect(c.policy.postponeFrom == [.belumTerverifikasi])
        #expect(c.calendar.workWeek == monToFri)
        #expect(c.calendar.zone == .wib)
        #expect(c.calendar.zone.identifier == "Asia/Jakarta")
        #expect(c.calendar.holidays.count == BuiltInHolidays.all.count)
        #expect(c.refreshSeconds == 2)
        #expect(c.language == nil)
    }

    @Test(arguments: [("Asia/Makassar", OfficeTimeZone.wita), ("WIT", .wit), ("Asia/Jayapura", .wit), ("WIB", .wib)])
    func officeTimeZoneIsRead(name: String, zone: OfficeTimeZone) throws {
        let text = office().replacing(#""agency": "pemkab" }"#, with: #""agency": "pemkab", "timeZone": "\#(name)" }"#)
        let c = try OfficeConfig.parse(text, file: "office.json").get()
        #expect(c.calendar.zone == zone)
    }

    @Test func calendarSettingsAreRead() throws {
        let c = try OfficeConfig.parse(office("""
        "calendar": { "workWeek": ["mon", "tue", "wed", "thu", "fri", "sat"], "builtInHolidays": false,
                      "holidays": [["2026-10-09", "LD", "Hari Jadi"], {"date": "2026-11-02", "name": "Libur daerah"}] },
        "deadlines": { "resolution": { "days": 60, "counting": "working" }, "dueSoonWorkingDays": 0 },
        "workflow": { "reopenAllowed": false }
        """), file: "office.json").get()
        #expect(c.calendar.workWeek == monToFri.union([.saturday]))
        #expect(c.calendar.holidays.count == 2)
        #expect(c.calendar.holiday(on: LocalDate(year: 2026, month: 11, day: 2))?.kind == .regional)
        #expect(c.calendar.isWorkingDay(LocalDate(year: 2026, month: 3, day: 19))) // no SKB days
        #expect(c.deadlines.resolution.counting == .working)
        #expect(c.deadlines.resolution.basis == DeadlinePolicy.standard.resolution.basis)
        #expect(c.deadlines.dueSoonWorkingDays == 0)
        #expect(!c.policy.reopenAllowed)
    }

    @Test func removeHolidaysDropsAListedDay() throws {
        let c = try OfficeConfig.parse(office(#""calendar": { "removeHolidays": ["2026-12-24"] }"#), file: "office.json").get()
        #expect(c.calendar.holiday(on: LocalDate(year: 2026, month: 12, day: 24)) == nil)
        #expect(c.calendar.holidays.count == BuiltInHolidays.all.count - 1)
    }

    @Test func holidayFilesAreReadThroughLoadFile() throws {
        var asked: [String] = []
        let c = try OfficeConfig.parse(office(#""calendar": { "holidayFiles": ["skb-2028.json"] }"#), file: "office.json") { path in
            asked.append(path)
            return .success(Array(#"{"days": [["2028-01-01", "LN", "Tahun Baru 2028 Masehi"]]}"#.utf8))
        }.get()
        #expect(asked == ["skb-2028.json"])
        #expect(c.calendar.holiday(on: LocalDate(year: 2028, month: 1, day: 1))?.name == "Tahun Baru 2028 Masehi")
    }

    @Test func commentKeysAreIgnoredAtEveryLevel() throws {
        let text = """
        {
          "//": "top-level comment",
          "//store": "a commented-out setting",
          "// block": { "anything": [1, 2, 3] },
          "office": { "//": "office comment", "name": "Kecamatan", "agency": "kec" },
          "calendar": { "//": "calendar comment", "workWeek": ["mon"] },
          "deadlines": { "//x": 1, "verification": { "//": "why", "days": 2 } },
          "agencies": [ { "//": "agency comment", "id": "kec", "units": [ { "//": "u", "id": "kel" } ] } ],
          "operators": [ { "//": "operator comment", "id": "op", "role": "admin" } ]
        }
        """
        let c = try OfficeConfig.parse(text, file: "office.json").get()
        #expect(c.officeName == "Kecamatan")
        #expect(c.deadlines.verification.days == 2)
        #expect(c.operators.map(\.id) == ["op"])
        #expect(c.operators.first?.agency == "kec")
    }
}

// MARK: - Errors

@Suite("Config errors")
struct ConfigErrorTests {
    @Test func unknownTopLevelKeySuggestsTheClosestKey() throws {
        let errs = errors(office(#""langauge": "id""#))
        let e = try #require(errs.first)
        #expect(errs.count == 1)
        #expect(e.file == "office.json")
        #expect(e.key == "langauge")
        #expect(e.line == 8)
        #expect(e.message.contains("unknown key"))
        #expect(e.message.contains("did you mean \"language\"?"))
    }

    @Test func unknownNestedKeySuggestsTheRightSpelling() throws {
        let text = """
        {
          "office": {
            "name": "Pemkab",
            "agency": "pemkab",
            "timezone": "Asia/Makassar"
          },
          "agencies": [ { "id": "pemkab" } ]
        }
        """
        let errs = errors(text)
        #expect(errs.count == 1)
        let e = try #require(errs.first)
        #expect(e.key == "office.timezone")
        #expect(e.line == 5)
        #expect(e.message.hasSuffix("did you mean \"timeZone\"?"))
        #expect(e.description.hasPrefix("office.json:5: office.timezone: unknown key"))
    }

    @Test func unknownKeyFarFromAnyKnownKeyHasNoSuggestion() throws {
        let e = try #require(errors(office(#""warna": "merah""#)).first)
        #expect(e.key == "warna")
        #expect(!e.message.contains("did you mean"))
    }

    @Test func stringWhereNumberExpectedIsAWrongType() throws {
        let errs = errors(office(#""refreshSeconds": "2""#))
        #expect(errs == [ConfigError(file: "office.json", line: 8, key: "refreshSeconds",
                                     message: "expected a whole number from 1 to 3600, found string")])
    }

    @Test func stringWhereNumberExpectedInADeadlineNamesTheFullPath() throws {
        let text = office("""
        "deadlines": {
            "verification": { "days": "3", "counting": "working" }
          }
        """)
        let errs = errors(text)
        #expect(errs == [ConfigError(file: "office.json", line: 9, key: "deadlines.verification.days",
                                     message: "expected a whole number from 0 to 3650, found string")])
    }

    @Test func operatorWithUnknownRoleListsTheRoles() throws {
        let errs = errors(office(operators: """
        [
            { "id": "kadis", "name": "Kepala Dinas", "role": "kepala" }
          ]
        """))
        #expect(errs == [ConfigError(file: "office.json", line: 8, key: "operators[0].role",
                                     message: "expected one of admin, liaison, supervisor, unit-operator, found \"kepala\"")])
    }

    @Test func systemIsNotAnOperatorRole() throws {
        let errs = errors(office(operators: #"[ { "id": "bot", "role": "system" } ]"#))
        #expect(errs.map(\.key) == ["operators[0].role"])
    }

    @Test func liaisonWithoutUnitIsRefused() throws {
        let errs = errors(office(operators: """
        [
            { "id": "admin", "role": "admin" },
            { "id": "tl-x", "name": "Tanpa Unit", "role": "liaison" }
          ]
        """))
        #expect(errs == [ConfigError(file: "office.json", line: 9, key: "operators[1].unit",
                                     message: "a liaison needs the unit they answer for")])
    }

    @Test func liaisonOfAUnitOfAnotherAgencyIsRefused() throws {
        let errs = errors(office(operators: #"[ { "id": "tl", "role": "liaison", "unit": "prov-x" } ]"#))
        #expect(errs == [ConfigError(file: "office.json", line: 7, key: "operators[0].unit", message: "\"prov-x\" is not a unit of pemkab")])
    }

    @Test func operatorWithUnknownAgencyIsRefused() throws {
        let errs = errors(office(operators: """
        [
            { "id": "admin", "role": "admin" },
            { "id": "tl-dinkes", "role": "liaison", "unit": "dinkes" },
            { "id": "admin-kota", "role": "admin",
              "agency": "pemkot" }
          ]
        """))
        #expect(errs == [ConfigError(file: "office.json", line: 11, key: "operators[2].agency",
                                     message: "\"pemkot\" is not one of the agencies listed under \"agencies\"")])
    }

    @Test func allAgenciesIsOnlyForSupervisors() throws {
        let errs = errors(office(operators: #"[ { "id": "a", "role": "admin", "agency": "*" } ]"#))
        #expect(errs.map(\.key) == ["operators[0].agency"])
        #expect(errs.first?.message.contains("only for supervisors") == true)
    }

    @Test func defaultOperatorMustBeListed() throws {
        let errs = errors(office(#""defaultOperator": "ghost""#, operators: #"[ { "id": "admin", "role": "admin" } ]"#))
        let e = try #require(errs.first)
        #expect(errs.count == 1)
        #expect(e.key == "defaultOperator")
        #expect(e.line == 8)
        #expect(e.message == "\"ghost\" is not an operator id listed under \"operators\" (known: admin)")
    }

    @Test func unreadableHolidayFileIsReportedWithTheReason() throws {
        let text = office("""
        "calendar": {
            "holidayFiles": ["libur-daerah-2027.json"]
          }
        """)
        let errs = errors(text) { _ in .failure(FileReadError("No such file or directory")) }
        #expect(errs == [ConfigError(file: "office.json", line: 9, key: "calendar.holidayFiles[0]",
                                     message: "cannot read holiday file \"libur-daerah-2027.json\": No such file or directory")])
    }

    @Test func errorInsideAHolidayFileNamesThatFile() throws {
        let errs = errors(office(#""calendar": { "holidayFiles": ["skb-2028.json"] }"#)) { _ in
            .success(Array("{\"days\": [\n  [\"2028-13-01\", \"LN\", \"x\"]\n]}".utf8))
        }
        #expect(errs == [ConfigError(file: "skb-2028.json", line: 2, key: "days[0]", message: "expected a date YYYY-MM-DD, found \"2028-13-01\"")])
    }

    @Test func invalidHolidayDateIsRefused() throws {
        let text = office("""
        "calendar": {
            "holidays": [
              ["2026-10-09", "LD", "Hari Jadi Kabupaten"],
              ["2026-02-30", "LD", "Tanggal mustahil"]
            ]
          }
        """)
        let errs = errors(text)
        #expect(errs == [ConfigError(file: "office.json", line: 11, key: "calendar.holidays[1]",
                                     message: "expected a date YYYY-MM-DD, found \"2026-02-30\"")])
    }

    @Test func unknownHolidayKindIsRefused() throws {
        let errs = errors(office(#""calendar": { "holidays": [["2026-10-09", "XX", "Hari Jadi"]] }"#))
        #expect(errs.map(\.key) == ["calendar.holidays[0]"])
        #expect(errs.first?.message.contains("LN (libur nasional), CB (cuti bersama) or LD (libur daerah)") == true)
    }

    @Test func invalidJsonNamesTheLineOfTheSyntaxError() throws {
        let text = """
        {
          "office": { "name": "Pemkab", "agency": "pemkab" }
          "agencies": []
        }
        """
        let errs = errors(text, file: "/etc/aduan/config.json")
        #expect(errs.count == 1)
        let e = try #require(errs.first)
        #expect(e.file == "/etc/aduan/config.json")
        #expect(e.line == 3)
        #expect(e.key == "")
        #expect(e.message.hasPrefix("not valid JSON"))
        #expect(e.description.hasPrefix("/etc/aduan/config.json:3: not valid JSON"))
    }

    @Test func everyErrorIsReportedTogether() throws {
        let text = office("""
        "refreshSeconds": "2",
          "calendar": { "holidays": [["2026-02-30", "LD", "x"]] },
          "defaultOperator": "ghost"
        """, operators: """
        [
            { "id": "kadis", "role": "kepala" },
            { "id": "tl", "role": "liaison" }
          ]
        """)
        let errs = errors(text)
        #expect(Set(errs.map(\.key)) == ["refreshSeconds", "calendar.holidays[0]", "operators[0].role", "operators[1].unit", "defaultOperator"])
        #expect(errs.allSatisfy { $0.file == "office.json" && $0.line > 0 && !$0.message.isEmpty })
    }

    @Test func emptyWorkWeekIsRefused() throws {
        let errs = errors(office(#""calendar": { "workWeek": [] }"#))
        #expect(errs == [ConfigError(file: "office.json", line: 8, key: "calendar.workWeek", message: "must name at least one working day")])
    }

    @Test func unknownWeekdayIsRefused() throws {
        let errs = errors(office(#""calendar": { "workWeek": ["mon", "fry"] }"#))
        #expect(errs.map(\.key) == ["calendar.workWeek[1]"])
        #expect(errs.first?.message.contains("found \"fry\"") == true)
    }

    @Test func duplicateKeyIsRefused() throws {
        let errs = errors(office(#""refreshSeconds": 2, "refreshSeconds": 3"#))
        #expect(errs.map(\.key) == ["refreshSeconds"])
        #expect(errs.first?.message == "key appears twice")
    }

    @Test func officeAgencyMustBeAListedAgency() throws {
        let text = office().replacing(#""agency": "pemkab" }"#, with: #""agency": "pemkot" }"#)
        let errs = errors(text)
        #expect(errs.map(\.key) == ["office.agency"])
        #expect(errs.first?.line == 2)
    }

    @Test func unknownTimeZoneIsRefused() throws {
        let text = office().replacing(#""agency": "pemkab" }"#, with: #""agency": "pemkab", "timeZone": "Asia/Singapore" }"#)
        let errs = errors(text)
        #expect(errs.map(\.key) == ["office.timeZone"])
        #expect(errs.first?.message.contains("Asia/Makassar") == true)
    }
}

// MARK: - Reply templates

@Suite("Reply templates")
struct TemplateTests {
    /// A report received by the example office's admin and disposed to PUPR.
    private func complaint(anonymous: Bool, tracking: String? = "5123456", disposed: Bool = true) throws -> (OfficeConfig, Complaint) {
        let config = try exampleConfig()
        let admin = try #require(config.operatorNamed("admin"))
        let t = Timestamp(seconds: 1_773_716_400)
        let intake = Intake(trackingID: tracking, title: "Jalan rusak di Desa Mekarsari", body: "Lubang besar di depan SDN 2.",
                            anonymous: anonymous, reporter: Reporter(name: "Budi Hartono", phone: "081234567890"))
        let received = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: admin, at: t,
                                           context: config.context, newID: 7).get()
        var c = Workflow.evolve(nil, received)
        if disposed {
            let verified = try Workflow.decide(Command(.verify, ActionDetails(unit: "pupr")), on: c, by: admin, at: t.adding(seconds: 3600),
                                               context: config.context).get()
            c = Workflow.evolve(c, verified)
        }
        return (config, c)
    }

    private func template(_ config: OfficeConfig, _ id: String) throws -> ReplyTemplate {
        try #require(config.templates.first { $0.id == id })
    }

    @Test func fillsTrackingReporterAndUnit() throws {
        let (config, c) = try complaint(anonymous: false)
        let viewer = try #require(config.operatorNamed("tl-pupr"))
        #expect(config.fill(try template(config, "diterima"), for: c, author: viewer, audience: .everyone).hasPrefix("Terima kasih, Pelapor. "))
        #expect(config.fill(try template(config, "diterima"), for: c, author: viewer, audience: .handlingParties) ==
                "Terima kasih, Budi Hartono. Laporan 5123456 telah kami terima dan sedang ditindaklanjuti oleh Dinas Pekerjaan Umum dan Penataan Ruang. Kami akan menyampaikan perkembangannya melalui kanal ini.")
    }

    @Test func fillsTheTitle() throws {
        let (config, c) = try complaint(anonymous: false)
        let viewer = try #require(config.operatorNamed("tl-pupr"))
        #expect(config.fill(try template(config, "dijadwalkan"), for: c, author: viewer, audience: .handlingParties) ==
                "Yth. Budi Hartono, Dinas Pekerjaan Umum dan Penataan Ruang telah meninjau laporan 5123456 (\"Jalan rusak di Desa Mekarsari\"). Perbaikan dijadwalkan dalam minggu ini; kami akan mengabarkan bila sudah selesai.")
    }

    @Test func anonymousReporterBecomesPelaporForTheHandlingUnit() throws {
        let (config, c) = try complaint(anonymous: true)
        let viewer = try #require(config.operatorNamed("tl-pupr"))
        let text = config.fill(try template(config, "klarifikasi"), for: c, author: viewer, audience: .handlingParties)
        #expect(text == "Yth. Pelapor, mohon lengkapi lokasi (nama jalan/desa) dan waktu kejadian agar laporan 5123456 dapat segera kami tindak lanjuti.")
        #expect(!text.contains("Budi"))
    }

    /// Placeholders are filled for who will read the text, not for who writes it: the intake admin
    /// may see the anonymous reporter, but a follow-up is read by the public (or, secret, by the units).
    @Test func aTemplateIsFilledForItsReadersNotForItsWriter() throws {
        let admin = try #require(try complaint(anonymous: true).0.operatorNamed("admin"))
        let t = ReplyTemplate(id: "t", name: "t", text: "Yth. {reporter}")
        for anonymous in [true, false] {
            let (config, c) = try complaint(anonymous: anonymous)
            #expect(config.fill(t, for: c, author: admin, audience: .everyone) == "Yth. Pelapor", "a public follow-up, anonymous: \(anonymous)")
            #expect(config.fill(t, for: c, author: admin, audience: .handlingParties) == (anonymous ? "Yth. Pelapor" : "Yth. Budi Hartono"))
            // Not known yet (the editor, before public/secret is chosen): left for saving.
            #expect(config.fill(t, for: c, author: admin, audience: nil) == "Yth. {reporter}")
        }
        #expect(Privacy.audience(secret: false) == .everyone && Privacy.audience(secret: true) == .handlingParties)
    }

    @Test func englishOfficeSaysReporter() throws {
        let (example, c) = try complaint(anonymous: true)
        var config = example
        config.language = .en
        let viewer = try #require(config.operatorNamed("tl-pupr"))
        #expect(config.fill(ReplyTemplate(id: "t", name: "t", text: "Dear {reporter},"), for: c, author: viewer, audience: .everyone) == "Dear Reporter,")
    }

    @Test func missingTrackingIdFallsBackToTheLocalId() throws {
        let (config, c) = try complaint(anonymous: false, tracking: nil)
        let viewer = try #require(config.operatorNamed("tl-pupr"))
        #expect(config.fill(ReplyTemplate(id: "t", name: "t", text: "Laporan {tracking}"), for: c, author: viewer, audience: .everyone) == "Laporan #7")
    }

    @Test func undisposedReportNamesTheAgencyAsUnit() throws {
        let (config, c) = try complaint(anonymous: false, disposed: false)
        let admin = try #require(config.operatorNamed("admin"))
        #expect(config.fill(ReplyTemplate(id: "t", name: "t", text: "oleh {unit}"), for: c, author: admin, audience: .everyone) == "oleh Pemerintah Kabupaten Sukamaju")
    }

    @Test func unknownPlaceholdersAreKept() throws {
        let (config, c) = try complaint(anonymous: false)
        let viewer = try #require(config.operatorNamed("tl-pupr"))
        #expect(config.fill(ReplyTemplate(id: "t", name: "t", text: "{foo} {tracking} {}"), for: c, author: viewer, audience: .everyone) == "{foo} 5123456 {}")
    }

    @Test func aBraceThatIsNeverClosedIsKeptVerbatim() throws {
        let (config, c) = try complaint(anonymous: false)
        let viewer = try #require(config.operatorNamed("tl-pupr"))
        #expect(config.fill(ReplyTemplate(id: "t", name: "t", text: "Laporan {tracking}, biaya {tanpa kurung"), for: c, author: viewer, audience: .everyone)
                == "Laporan 5123456, biaya {tanpa kurung")
        #expect(config.fill(ReplyTemplate(id: "t", name: "t", text: "Biaya {tanpa kurung"), for: c, author: viewer, audience: .everyone)
                == "Biaya {tanpa kurung")
    }
}
