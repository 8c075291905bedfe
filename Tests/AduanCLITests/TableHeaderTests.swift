import AduanCore
import AduanTestSupport
import Testing

/// Issue 11, item 20: `aduan list --help` names the columns the output has, `--header` prints
/// them; CSV exports can speak Indonesian (`--header id`); `report --format csv --wide` is the
/// status × unit table offices paste into their monthly report.
@Suite struct TableHeaderTests {
    static func desk(_ name: String) throws -> (Desk, Int64) {
        let desk = Desk(name)
        try desk.initStore()
        let a = try desk.receive("Puskesmas tutup siang hari")
        try desk.must(a, "verify", ["--unit", "dinkes"])
        _ = try desk.receive("Jalan berlubang")
        return (desk, a)
    }

    @Test func listHelpNamesEveryColumnTheOutputHas() throws {
        try requireBinary()
        let (desk, _) = try Self.desk("list-help")
        let line = try #require(desk.run(["list"], as: "admin").stdout.split(separator: "\n").first)
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).count
        for lang in [Language.en, .id] {
            let help = desk.bare(["list", "--help", "--lang", lang.rawValue])
            let names = AduanCore.strings(lang).listColumns
            #expect(names.count == fields)
            for n in names { #expect(help.stdout.contains(n), "help (\(lang)) names column \(n): \(help.stdout)") }
            #expect(help.stdout.contains("\(fields)"), "help says how many columns")
        }
    }

    @Test func listHeaderPrintsTheColumnNamesFirst() throws {
        try requireBinary()
        let (desk, _) = try Self.desk("list-header")
        let r = desk.run(["list", "--header", "id"], as: "admin")
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "id\tno_lapor\tstatus\ttenggat\tkeadaan_tenggat\tpemegang\tjudul")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 })
        let en = desk.run(["list", "--header", "en"], as: "admin")
        #expect(en.stdout.hasPrefix("id\ttracking\tstatus\tdue\tdeadline_state\tholder\ttitle\n"))
        #expect(desk.run(["list", "--header", "fr"], as: "admin").status == 2)
    }

    @Test func csvExportWithIndonesianHeaderUsesLaporWordsAndImportsBack() throws {
        try requireBinary()
        let (desk, _) = try Self.desk("export-id")
        let r = desk.run(["export", "--format", "csv", "--header", "id", "--out", desk.scratch.file("id.csv")], as: "admin")
        #expect(r.status == 0, "\(r.stderr)")
        let csv = parseCSV(readFile(desk.scratch.file("id.csv")) ?? [])
        #expect(Array(csv.header.prefix(5)) == ["id", "no_tracking", "judul", "isi", "status"])
        let statuses = Set(csv.records.compactMap { $0["status"] })
        #expect(statuses == ["Belum Terverifikasi", "Belum Ditindaklanjuti"], "\(statuses)")
        #expect(csv.records.allSatisfy { $0["anonim"] == "tidak" || $0["anonim"] == "ya" })
        // The Indonesian file reads back into a new store.
        let again = Desk("export-id-again")
        let imported = again.run(["import", desk.scratch.file("id.csv"), "--dry-run"], as: "admin")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 sah"), "\(imported.stdout)")
    }

    @Test func reportWideCSVIsAStatusByUnitTableWithTotals() throws {
        try requireBinary()
        let (desk, _) = try Self.desk("report-wide")
        let r = desk.run(["report", "--format", "csv", "--wide", "--header", "id"], as: "admin")
        #expect(r.status == 0, "\(r.stderr)")
        let csv = parseCSV(r.stdoutBytes)
        #expect(csv.header == ["instansi", "unit", "nama_unit"] + Status.allCases.map(\.laporName) + ["jumlah"])
        let dinkes = try #require(csv.records.first { $0["unit"] == "dinkes" })
        #expect(dinkes["Belum Ditindaklanjuti"] == "1")
        #expect(dinkes["jumlah"] == "1")
        let total = try #require(csv.records.last)
        #expect(total["instansi"] == "jumlah")
        #expect(total["jumlah"] == "2")
        #expect(total["Belum Terverifikasi"] == "1")
        let en = parseCSV(desk.run(["report", "--format", "csv", "--wide"], as: "admin").stdoutBytes)
        #expect(en.header == ["agency", "unit", "unit_name"] + Status.allCases.map(\.rawValue) + ["total"])
    }
}
