import AduanCore
import AduanStore
import AduanWorkbook

/// `aduan export --format xlsx --out FILE [FILTER]`: the CSV export's columns and privacy
/// (`CSVLayout.cells`), as one sheet with typed cells: a frozen bold header in the session's
/// language, dates as spreadsheet dates in the office's zone, ya/tidak flags, an autofilter.
enum XlsxExport {
    /// Excel's last row (1,048,576) less the header.
    static let maxRows = 1_048_575

    /// Column widths in characters, by CSV column name (others get 14).
    static let widths: [String: Double] = [
        "id": 8, "tracking_id": 14, "title": 48, "body": 60, "status": 20, "category": 24, "location": 30,
        "incident_date": 12, "reporter_name": 24, "reporter_email": 26, "reporter_nik": 18, "cc_units": 18, "version": 8, "rating": 9,
    ]

    static func run(_ s: Session, filter: FilterExpression, order: InboxOrder) throws(CLIError) -> Int32 {
        let file = try XlsxFile(s)
        let store = try s.openContract(reading: true)
        let now = try s.now()
        let t = s.strings
        let zone = s.zone
        let wb = file.workbook
        guard let sheet = wb.sheet(t.workbook(.exportSheet)) else { throw .environment(t.command(.cannotWrite(file: file.path, reason: "libxlsxwriter"))) }
        let header = wb.style(bold: true)
        let dateTime = wb.style(numberFormat: "yyyy-mm-dd hh:mm")
        let date = wb.style(numberFormat: "yyyy-mm-dd")
        let columns = CSVLayout.columns
        for (i, name) in columns.enumerated() {
            let isTime = name.hasSuffix("_at")
            sheet.columnWidth(i, i, widths[name] ?? (isTime ? 17 : 14))
            sheet.text(0, i, t.exportColumnLabel(name), header)
        }
        sheet.freeze(rows: 1)

        let viewer = s.operatorActor
        let query = InboxQuery(viewer: viewer, filter: filter, order: order)
        let progress = Progress(t.notice(.exporting), total: nil, language: t.language, enabled: Platform.isTerminal(2))
        var count = 0
        var tooMany = false
        do {
            try store.forEachReport(query, now: now) { page in
                for c in page.reports where Privacy.canView(c, viewer: viewer) {
                    if count == maxRows { tooMany = true; return false }
                    count += 1
                    for (i, cell) in CSVLayout.cells(c, viewer: viewer, now: now, config: s.config).enumerated() {
                        switch cell {
                        case .text(let v), .code(let v): if !v.isEmpty { sheet.text(count, i, v) }
                        case .number(let n): if let n { sheet.number(count, i, Double(n)) }
                        case .time(let x): if let x { sheet.date(count, i, serial: XlsxFile.serial(x, zone: zone), dateTime) }
                        case .date(let d): if let d { sheet.date(count, i, serial: SpreadsheetDate.serial(dayNumber: d.dayNumber), date) }
                        case .flag(let b): sheet.text(count, i, t.workbook(b ? .yes : .no))
                        }
                    }
                }
                progress.update(count, unit: t.notice(.complaintsUnit))
                return wb.firstError == nil
            }
        } catch let e as StoreError {
            throw .store(e)
        } catch {
            throw .environment("\(error)")
        }
        if tooMany {
            throw .refused(t.notice(.xlsxTooMany(max: maxRows)))
        }
        sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(count, 1), lastColumn: columns.count - 1)
        progress.finish(count, unit: t.notice(.complaintsUnit))
        let truncated = wb.truncatedCells
        try file.commit()
        if truncated > 0 { s.err.line("\(file.path): \(truncated) \(t.workbook(.xlsxTruncated))") }
        s.err.line(t.notice(.exported(count: count, path: file.path)))
        return 0
    }
}
