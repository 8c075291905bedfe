import AduanCLI
import AduanCore
import AduanTestSupport
import Glibc
import Testing

/// `aduan export --format xlsx` and `aduan report --format xlsx` (issue 16), read back with
/// an independent reader (openpyxl, see XlsxReader).
@Suite struct XlsxTests {
    static let flagColumns: Set<String> = ["anonymous", "confidential", "awaiting_reporter", "privacy_decided", "overdue"]
    static let numberColumns: Set<String> = ["id", "rating", "version"]

    /// Text a reporter may send that a spreadsheet could take for something else.
    static let hostile = [
        "=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(A1:A2)", "-2+3", "=1+1",
        "kendali \u{1}\u{2}\u{8}\u{B}\u{C}\u{1B}[31m merah \u{7F} akhir", "tab\tdan\r\nbaris", "_x0041_ bukan A",
        "Jalan rusak di Kec. Purwosari — ñ é ü “kutip” ′", "道路に穴があります 漢字 한국어", "🚧👷🏽‍♀️ 🇮🇩 darurat", "  spasi di tepi  ",
    ]

    /// A store with demo data plus reports whose titles and bodies are the hostile texts.
    static func desk(_ name: String) throws -> (Desk, [Int64]) {
        let desk = Desk(name)
        try desk.demo(count: 40, seed: 5)
        var ids: [Int64] = []
        for (i, text) in hostile.enumerated() {
            ids.append(try desk.receive(text, ["--body", hostile[(i + 1) % hostile.count], "--location", hostile[(i + 2) % hostile.count],
                                               "--reporter-name", hostile[(i + 3) % hostile.count], "--incident-date", "2026-11-0\(i % 9 + 1)"]))
        }
        return (desk, ids)
    }

    /// The cell an xlsx export must hold for a CSV export field of `column`.
    static func expected(_ csvField: String, column: String, language: String = "id") -> XlsxReader.Cell? {
        let field = CSVWriter.restored(csvField)
        if flagColumns.contains(column) {
            return .init(type: "s", value: field == "yes" ? (language == "id" ? "ya" : "yes") : (language == "id" ? "tidak" : "no"), bold: false)
        }
        if field.isEmpty { return nil }
        if numberColumns.contains(column) { return .init(type: "n", value: field, bold: false) }
        if column.hasSuffix("_at") { return .init(type: "d", value: String(field.prefix(19)), bold: false) }
        if column == "incident_date" { return .init(type: "d", value: field + "T00:00:00", bold: false) }
        return .init(type: "s", value: field, bold: false)
    }

    @Test(.enabled(if: XlsxReader.available, XlsxReader.skipReason))
    func theXlsxExportHoldsEveryRowAndColumnOfTheCSVExportAsTypedCells() throws {
        try requireBinary()
        let (desk, _) = try Self.desk("xlsx-rows")
        for (viewer, lang) in [("admin", "id"), ("tl-dinkes", "id"), ("monitor-kominfo", "en")] {
            let out = desk.scratch.file("ekspor-\(viewer).xlsx")
            let r = desk.run(["export", "--format", "xlsx", "--out", out, "--lang", lang], as: viewer)
            try #require(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.isEmpty, "a workbook export writes nothing on stdout")
            let csv = parseCSV(desk.run(["export", "--format", "csv"], as: viewer).stdoutBytes)
            let book = try XlsxReader.read(out, in: desk.scratch)
            #expect(book.sheets.count == 1)
            #expect(book.formulas == 0, "no formula anywhere")
            let sheet = try #require(book.sheets.first)
            #expect(sheet.name == (lang == "id" ? "Laporan" : "Complaints"))
            #expect(sheet.freeze == "A2", "the header row is frozen")
            #expect(sheet.filter == "A1:AK\(csv.rows.count)", "an autofilter over the header and every row")
            let header = try #require(sheet.rows.first)
            let labels = header.map { $0?.value ?? "" }
            #expect(labels.count == CSVLayout.columns.count)
            #expect(labels == CSVLayout.columns.map { AduanCore.strings(lang == "id" ? .id : .en).exportColumnLabel($0) })
            #expect(lang == "en" || (labels.contains("Judul") && labels.contains("Nama pelapor") && labels.contains("Diterima")), "\(labels)")
            #expect(header.allSatisfy { $0?.bold == true && $0?.type == "s" }, "a bold text header")
            #expect(sheet.rows.count == csv.rows.count, "\(viewer): \(sheet.rows.count) rows in the workbook, \(csv.rows.count) in the CSV")
            for (r, row) in csv.rows.dropFirst().enumerated() {
                let cells = sheet.rows[r + 1] + Array(repeating: nil, count: max(0, csv.header.count - sheet.rows[r + 1].count))
                for (c, column) in csv.header.enumerated() {
                    let want = Self.expected(row[c], column: column, language: lang)
                    #expect(cells[c] == want, "\(viewer) row \(r + 2) \(column): \(String(describing: cells[c])) ≠ \(String(describing: want))")
                }
            }
        }
    }

    @Test(.enabled(if: XlsxReader.available, XlsxReader.skipReason))
    func hostileAndUnicodeTextIsStoredAsPlainStringsByteExact() throws {
        try requireBinary()
        let (desk, ids) = try Self.desk("xlsx-hostile")
        let out = desk.scratch.file("tajam.xlsx")
        let r = desk.run(["export", "--format", "xlsx", "--out", out, "--order", "received"], as: "admin")
        try #require(r.status == 0, "\(r.stderr)")
        let book = try XlsxReader.read(out, in: desk.scratch)
        #expect(book.formulas == 0, "a text cell became a formula")
        let sheet = try #require(book.sheets.first)
        let column = { (name: String) in CSVLayout.columns.firstIndex(of: name)! }
        // What the store holds, through the JSON export (JSON escapes everything, so it is exact).
        let json = try parseJSONArray(desk.run(["export", "--format", "json"], as: "admin").stdout)
        for (i, id) in ids.enumerated() {
            let row = try #require(sheet.rows.first { $0.first??.value == "\(id)" }, "no row for #\(id)")
            let stored = try #require(json.first { text($0["id"]) == "\(id)" })
            // The store keeps the title as sent (edge spaces aside, which it trims).
            #expect(stored["title"]?.string == Self.hostile[i] || Self.hostile[i].hasPrefix(" "), "\(stored["title"]?.string ?? "nil")")
            for (name, key) in [("title", "title"), ("body", "body"), ("location", "location")] {
                let cell = row[column(name)]
                #expect(cell?.type == "s", "#\(id) \(name) is \(cell?.type ?? "empty"), not a string")
                #expect(cell.map { Array($0.value.utf8) } == stored[key]?.string.map { Array($0.utf8) },
                        "#\(id) \(name): \(cell?.value.debugDescription ?? "nil") ≠ \(stored[key]?.string.debugDescription ?? "nil")")
            }
            let reporter = row[column("reporter_name")]
            #expect(reporter?.type == "s" && reporter?.value == Self.hostile[(i + 3) % Self.hostile.count], "#\(id) reporter_name")
            // The incident date and the receipt are spreadsheet dates, in the office's zone.
            #expect(row[column("incident_date")] == .init(type: "d", value: "2026-11-0\(i % 9 + 1)T00:00:00", bold: false))
            let received = try #require(stored["receivedAt"]?.string)
            #expect(row[column("received_at")] == .init(type: "d", value: String(received.prefix(19)), bold: false), "received \(received)")
            #expect(received.hasSuffix("+07:00"), "the CSV and JSON times are WIB too")
        }
    }

    @Test(.enabled(if: XlsxReader.available, XlsxReader.skipReason))
    func aBodyLongerThanExcelsCellLimitIsCutAtACharacterAndTheOperatorIsTold() throws {
        try requireBinary()
        let desk = Desk("xlsx-long")
        try desk.initStore()
        let body = String(repeating: "ab😀", count: 12_000)  // 48,000 UTF-16 units
        let id = try desk.receive("Laporan panjang", ["--body", body])
        let out = desk.scratch.file("panjang.xlsx")
        let r = desk.run(["export", "--format", "xlsx", "--out", out])
        #expect(r.status == 0 && r.stderr.contains("1 sel teks") && r.stderr.contains("32.767"), "\(r.stderr)")
        let row = try #require(try XlsxReader.read(out, in: desk.scratch).sheets.first?.rows.dropFirst().first)
        #expect(row.first??.value == "\(id)")
        let cell = try #require(row[CSVLayout.columns.firstIndex(of: "body")!])
        #expect(cell.value.utf16.count <= 32_767 && cell.value.utf16.count > 32_700, "\(cell.value.utf16.count) UTF-16 units")
        #expect(body.hasPrefix(cell.value), "cut between characters, never inside one")
    }

    @Test func anXlsxExportNeedsAFileNotATerminalOrAPipe() throws {
        try requireBinary()
        let desk = Desk("xlsx-refusals")
        try desk.demo(count: 5)
        for args in [["export", "--format", "xlsx"], ["export", "--format", "xlsx", "--out", "-"], ["report", "--format", "xlsx"],
                     ["export", "--format", "xlsx", "--out", "/dev/null"], ["report", "--format", "xlsx", "--out", desk.scratch.path]] {
            for lang in ["id", "en"] {
                let r = desk.run(args + ["--lang", lang])
                #expect(r.status == 2, "aduan \(args.joined(separator: " ")) exited \(r.status)")
                #expect(r.stdout.isEmpty, "no workbook bytes on stdout")
                #expect(r.stderr.contains("--out") || r.stderr.contains("workbook"), "\(r.stderr)")
            }
        }
        #expect(desk.run(["export", "--format", "xlsx"]).stderr.contains("berkas workbook"), "Indonesian by default")
        // A folder that does not exist: an error naming the file, and nothing left behind.
        let missing = desk.scratch.file("tidak-ada/ekspor.xlsx")
        let r = desk.run(["export", "--format", "xlsx", "--out", missing])
        #expect(r.status == 2 && r.stderr.contains(missing), "\(r.stderr)")
        // Report options that only a workbook takes are refused elsewhere.
        #expect(desk.run(["report", "--from", "2026-10-01"]).status == 2)
        for bad in ["2026-13-01", "2026-02-30", "kemarin", "2026-1-5"] {
            let b = desk.run(["report", "--format", "xlsx", "--out", desk.scratch.file("r.xlsx"), "--from", bad])
            #expect(b.status == 2 && b.stderr.contains("--from"), "--from \(bad): \(b.stderr)")
        }
        let reversed = desk.run(["report", "--format", "xlsx", "--out", desk.scratch.file("r.xlsx"), "--from", "2026-11-01", "--to", "2026-10-01"])
        #expect(reversed.status == 2, "\(reversed.stderr)")
        #expect(!fileExists(desk.scratch.file("r.xlsx")), "a refused report writes no file")
    }

    @Test(.enabled(if: XlsxReader.available, XlsxReader.skipReason))
    func anXlsxExportReplacesTheOldFileWholeAndLeavesNoPartFiles() throws {
        try requireBinary()
        let desk = Desk("xlsx-safe")
        try desk.demo(count: 10)
        let out = desk.scratch.write("ekspor.xlsx", "lama")
        let r = desk.run(["export", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(readFile(out).map { Array($0.prefix(2)) } == [0x50, 0x4B], "an .xlsx --out without --format is a workbook (zip)")
        let csv = parseCSV(desk.run(["export", "--format", "csv"]).stdoutBytes)
        #expect(try XlsxReader.read(out, in: desk.scratch).sheets.first?.rows.count == csv.rows.count)
        #expect(!(listFolder(desk.scratch.path).contains { $0.contains(".part-") }), "no temporary file left")
    }

    @Test(.enabled(if: XlsxReader.available, XlsxReader.skipReason))
    func theReportWorkbookHasATitledSheetPerTableAndTheRulesItApplies() throws {
        try requireBinary()
        let desk = Desk("xlsx-report")
        try desk.demo(count: 120, seed: 9)
        // Default period: last month before ADUAN_NOW (2026-11-23).
        let out = desk.scratch.file("rekap.xlsx")
        let r = desk.run(["report", "--format", "xlsx", "--out", out], as: "pengawas")
        try #require(r.status == 0, "\(r.stderr)")
        let book = try XlsxReader.read(out, in: desk.scratch)
        #expect(book.sheets.map(\.name) == ["Status per unit", "Lewat tenggat per unit", "% Selesai", "Tindak lanjut pertama",
                                            "Laporan masuk per minggu", "Penerusan", "Tunda lama", "Tentang"])
        #expect(book.formulas == 0)
        for sheet in book.sheets {
            let title = sheet.rows.first?.first??.value ?? ""
            let subtitle = sheet.rows.dropFirst().first?.first??.value ?? ""
            #expect(title.contains("Pemerintah Kabupaten Sukamaju") && sheet.rows.first?.first??.bold == true, "\(sheet.name): \(title)")
            #expect(subtitle.contains("1 Okt 2026 – 31 Okt 2026"), "\(sheet.name): \(subtitle)")
            #expect(subtitle.contains("Dibuat: Senin, 23 November 2026 09.00 WIB"), "\(sheet.name): \(subtitle)")
            #expect(sheet.freeze == "A6", "\(sheet.name): headings stay in view")
        }
        let about = try #require(book.sheet("Tentang")).allText
        for rule in ["Permen PANRB 62/2018 (verifikasi oleh admin)", "Perpres 76/2013 dan UU 25/2009", "hari kerja", "hari kalender", "WIB"] {
            #expect(about.contains(rule), "Tentang lacks \(rule)")
        }
        let weeks = try #require(book.sheet("Laporan masuk per minggu")).rows.dropFirst(5).dropLast()
        #expect(weeks.first?.first??.value == "2026-09-28T00:00:00", "the week holding 1 October, as a date")
        #expect(weeks.allSatisfy { $0.first??.type == "d" })

        // Over all time the status × unit table agrees with `aduan report` (what the scope holds now).
        let all = desk.scratch.file("semua.xlsx")
        let a = desk.run(["report", "--format", "xlsx", "--out", all, "--from", "2000-01-01", "--to", "2026-11-23", "--lang", "en"], as: "pengawas")
        try #require(a.status == 0, "\(a.stderr)")
        let figures = try parseJSON(desk.run(["report", "--format", "json"], as: "pengawas").stdout)
        let status = try #require(try XlsxReader.read(all, in: desk.scratch).sheet("Status by unit"))
        let total = try #require(status.rows.last)
        #expect(total.first??.value == "Total" && total.last??.value == text(figures["total"]), "\(total) vs \(text(figures["total"]) ?? "")")
        let selesai = Status.allCases.firstIndex(of: .selesai)! + 1
        #expect(total[selesai]?.value == text(figures["selesai"]))
        #expect(status.rows[4].map { $0?.value } == ["Unit"] + Status.allCases.map(\.laporName) + ["Total"])
    }
}

/// The names in a folder.
func listFolder(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        names.append(name)
    }
    return names
}

/// The recap's period is local days in the office's zone, both ends included.
@Suite struct XlsxReportPeriodTests {
    @Test(.enabled(if: XlsxReader.available, XlsxReader.skipReason))
    func thePeriodCountsReportsByTheOfficesLocalDaysBothEndsIncluded() throws {
        try requireBinary()
        let desk = Desk("xlsx-period")
        try desk.initStore()
        // 23:59 WIB on 31 October is 16:59 UTC; 00:00:30 WIB on 1 November is still 31 October in UTC.
        for (moment, title) in [("2026-10-31T23:59:00+07:00", "Akhir Oktober"), ("2026-11-01T00:00:30+07:00", "Awal November"),
                                ("2026-11-30T23:59:59+07:00", "Akhir November"), ("2026-12-01T00:00:00+07:00", "Awal Desember")] {
            let r = desk.run(["act", "new", "receive", "--title", title], as: "admin", env: ["ADUAN_NOW": moment])
            try #require(r.status == 0, "\(r.stderr)")
        }
        func total(_ args: [String]) throws -> String? {
            let out = desk.scratch.file("p-\(args.joined()).xlsx")
            let r = desk.run(["report", "--format", "xlsx", "--out", out] + args, as: "admin", env: ["ADUAN_NOW": "2026-12-02T09:00:00+07:00"])
            try #require(r.status == 0, "\(r.stderr)")
            return try XlsxReader.read(out, in: desk.scratch).sheet("Laporan masuk per minggu")?.rows.last?.last??.value
        }
        #expect(try total([]) == "2", "the default period (November) holds the two November reports")
        #expect(try total(["--from", "2026-10-31", "--to", "2026-10-31"]) == "1")
        #expect(try total(["--from", "2026-11-01", "--to", "2026-11-01"]) == "1")
        #expect(try total(["--from", "2026-12-01"]) == "1", "--from alone runs to today")
        #expect(try total(["--to", "2026-10-31"]) == "1", "--to alone starts on the first of its month")
    }
}
