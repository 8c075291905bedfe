import CXlsxWriter

/// A cell style made once per workbook (libxlsxwriter formats belong to their workbook).
public struct CellStyle: @unchecked Sendable {
    let raw: UnsafeMutablePointer<lxw_format>?
    public static let plain = CellStyle(raw: nil)
}

/// An .xlsx workbook written by libxlsxwriter. In constant-memory mode each row goes to a
/// temporary file as soon as the next row starts, so a million-row export never sits in memory;
/// rows must then be written in order, and a row once left cannot be written again.
public final class Workbook {
    let raw: UnsafeMutablePointer<lxw_workbook>
    private var closed = false
    private var sheets: [Sheet] = []
    /// Text cells cut to Excel's limit of 32,767 characters (see `Sheet.text`).
    public var truncatedCells: Int { sheets.reduce(0) { $0 + $1.truncated } }
    /// The first write that failed, as libxlsxwriter words it; nil while all is well.
    public var firstError: String? { sheets.lazy.compactMap(\.error).first }

    /// A new workbook that will be written to `path` when closed; nil when libxlsxwriter refuses.
    public init?(path: String, constantMemory: Bool) {
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 1
        guard let wb = path.withCString({ workbook_new_opt($0, &options) }) else { return nil }
        raw = wb
    }

    /// A new sheet; `name` must be unique, at most 31 characters and free of []:*?/\.
    public func sheet(_ name: String) -> Sheet? {
        guard let ws = name.withCString({ workbook_add_worksheet(raw, $0) }) else { return nil }
        let s = Sheet(ws)
        sheets.append(s)
        return s
    }

    /// A style: bold, a number format ("yyyy-mm-dd hh:mm"), a font size, wrapped text.
    public func style(bold: Bool = false, numberFormat: String? = nil, fontSize: Double? = nil, wrap: Bool = false,
                      topAligned: Bool = false, rightAligned: Bool = false) -> CellStyle {
        let f = workbook_add_format(raw)
        if bold { format_set_bold(f) }
        if let numberFormat { numberFormat.withCString { format_set_num_format(f, $0) } }
        if let fontSize { format_set_font_size(f, fontSize) }
        if wrap { format_set_text_wrap(f) }
        if topAligned { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if rightAligned { format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
        return CellStyle(raw: f)
    }

    /// Writes the file and frees the workbook; the reason when it could not be written.
    public func close() -> String? {
        guard !closed else { return nil }
        closed = true
        let rc = workbook_close(raw)
        if let e = firstError { return e }
        return rc == LXW_NO_ERROR ? nil : String(cString: lxw_strerror(rc))
    }

    deinit {
        // A workbook abandoned after an error is still freed (workbook_close frees it).
        if !closed { _ = workbook_close(raw) }
    }
}

/// One worksheet. Errors are kept (the first one wins) rather than thrown per cell.
public final class Sheet {
    let raw: UnsafeMutablePointer<lxw_worksheet>
    fileprivate var error: String?
    fileprivate var truncated = 0

    init(_ raw: UnsafeMutablePointer<lxw_worksheet>) { self.raw = raw }

    private func check(_ rc: lxw_error) {
        if rc != LXW_NO_ERROR, error == nil { error = String(cString: lxw_strerror(rc)) }
    }

    /// A text cell: always a string (`worksheet_write_string`), never a formula, whatever it
    /// starts with (`=`, `+`, `@`, `-`). See `CellText.prepared` for what is adjusted.
    public func text(_ row: Int, _ column: Int, _ value: String, _ style: CellStyle = .plain) {
        let (text, cut) = CellText.prepared(value)
        if cut { truncated += 1 }
        check(text.withCString { worksheet_write_string(raw, lxw_row_t(row), lxw_col_t(column), $0, style.raw) })
    }

    public func number(_ row: Int, _ column: Int, _ value: Double, _ style: CellStyle = .plain) {
        check(worksheet_write_number(raw, lxw_row_t(row), lxw_col_t(column), value, style.raw))
    }

    /// A date or date-time: the spreadsheet's serial day number, shown through a date style.
    public func date(_ row: Int, _ column: Int, serial: Double, _ style: CellStyle) {
        number(row, column, serial, style)
    }

    /// Widths in characters of the default font.
    public func columnWidth(_ first: Int, _ last: Int, _ width: Double, _ style: CellStyle = .plain) {
        check(worksheet_set_column(raw, lxw_col_t(first), lxw_col_t(last), width, style.raw))
    }

    public func rowHeight(_ row: Int, _ height: Double) {
        check(worksheet_set_row(raw, lxw_row_t(row), height, nil))
    }

    /// Rows above `rows` and columns left of `columns` stay in view while scrolling.
    public func freeze(rows: Int, columns: Int = 0) {
        worksheet_freeze_panes(raw, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Printed landscape, as many pages tall as needed but one page wide.
    public func printLandscapeOnePageWide() {
        worksheet_set_landscape(raw)
        worksheet_fit_to_pages(raw, 1, 0)
    }

    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        check(worksheet_autofilter(raw, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)))
    }
}

/// How text becomes a cell's string.
public enum CellText {
    /// Excel's limit on a cell's text, in UTF-16 units.
    public static let limit = 32_767

    /// The text as stored: NUL, U+FFFE and U+FFFF (which XML cannot carry) become U+FFFD; a
    /// literal `_xHHHH_` gets its underscore escaped (`_x005F_xHHHH_`), because readers unescape
    /// that pattern (libxlsxwriter escapes control characters so); text over 32,767 units is cut
    /// (Excel refuses longer) and `cut` says so. Control characters are escaped by libxlsxwriter.
    public static func prepared(_ value: String) -> (text: String, cut: Bool) {
        if isPlain(value) { return (value, false) }
        var out = String.UnicodeScalarView()
        var units = 0
        var cut = false
        let scalars = Array(value.unicodeScalars)
        var i = 0
        while i < scalars.count {
            var s = scalars[i]
            if s.value == 0 || s.value == 0xFFFE || s.value == 0xFFFF { s = "\u{FFFD}" }
            var piece: [Unicode.Scalar] = [s]
            if s == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               scalars[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }) {
                piece = Array("_x005F_".unicodeScalars)
            }
            let width = piece.reduce(0) { $0 + UTF16.width($1) }
            if units + width > limit { cut = true; break }
            units += width
            out.append(contentsOf: piece)
            i += 1
        }
        return (String(out), cut)
    }
}

extension CellText {
    /// True when nothing needs adjusting: no NUL, no U+FFFE/U+FFFF (EF BF BE/BF), no `_x`, and
    /// short enough (UTF-16 units never outnumber UTF-8 bytes). Most cells take this path.
    static func isPlain(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            guard bytes.count <= limit else { return false }
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0 { return false }
                if b == 0x5F, i + 1 < bytes.count, bytes[i + 1] == 0x78 { return false }
                if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return false }
                i += 1
            }
            return true
        }
    }
}

/// Spreadsheet dates: days since 1899-12-30 (1900 date system), as Excel and LibreOffice count.
public enum SpreadsheetDate {
    /// 1970-01-01 as a serial day.
    static let unixEpoch = 25_569.0

    /// The serial for a local wall-clock moment given as seconds since 1970-01-01 00:00 local.
    public static func serial(localSeconds: Int64) -> Double { Double(localSeconds) / 86_400 + unixEpoch }

    /// The serial for a local day given as days since 1970-01-01.
    public static func serial(dayNumber: Int) -> Double { Double(dayNumber) + unixEpoch }
}
